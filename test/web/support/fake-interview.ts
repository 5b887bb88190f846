/**
 * A small interview behind the fake server: it asks its questions in order, stores answers,
 * queues grades and streams like the real routes (question-delta, then turn-complete; a pending
 * question is replayed). Tests finish grades by hand and push the grade-updated event.
 */
import type { Grade, Item, Message, Question, SessionView } from '../../../web/src/lib/types.ts';
import { apiError, json, openSse, sse, type Handler } from './fake-server.ts';
import { bank, item, message, report, sessionView, stageReport, status, T0 } from './fixtures.ts';

export function fakeInterview(questions: Question[], o: { feedback?: 'answer' | 'stage'; now?: () => number } = {}) {
  const view: SessionView = sessionView({
    items: questions.map((q, i) => item({ id: `item-${i + 1}`, position: i, stage: q.stage, status: 'pending', question: null })),
    report: report({ stages: [...new Set(questions.map((q) => q.stage))].map((s) => stageReport({ stage: s, name: s })) }),
  });
  view.session.feedback = o.feedback ?? 'answer';
  const now = o.now ?? (() => T0);
  const streams: Array<ReturnType<typeof openSse>> = [];
  let seq = 0;
  const nextCalls: number[] = [];

  const pushMessage = (m: Omit<Message, 'seq'>) => {
    const full = { ...m, seq: ++seq } as Message;
    view.messages.push(full);
    return full;
  };
  const turnOf = (kind: 'question' | 'follow_up' | 'closing', m: Message, it: Item | null, replay: boolean) => ({
    kind,
    replay,
    message: m,
    item: it ? { id: it.id, position: it.position, stage: it.stage, followUpsAsked: it.followUpsAsked, question: it.question } : null,
    progress: { position: it?.position ?? view.items.length, total: view.items.length },
  });

  const next: Handler = () => {
    nextCalls.push(Date.now());
    const current = view.items.find((i) => i.status !== 'complete');
    if (!current) {
      let closing = view.messages.find((m) => m.kind === 'closing');
      const replay = !!closing;
      closing ??= pushMessage(message({ id: `m-close`, seq: 0, author: 'interviewer', kind: 'closing', itemId: null, text: 'That is the end of the interview.', createdAt: now() }));
      view.session.status = 'finished';
      return sse([
        ['question-delta', { text: closing.text }],
        ['turn-complete', turnOf('closing', closing, null, replay)],
      ]);
    }
    const last = view.messages.filter((m) => m.itemId === current.id).at(-1);
    if (last?.author === 'interviewer') {
      return sse([
        ['question-delta', { text: last.text }],
        ['turn-complete', turnOf(last.kind as 'question', last, current, true)],
      ]);
    }
    const q = questions[current.position]!;
    current.status = 'asked';
    current.question = q;
    const m = pushMessage(message({ id: `m-q${current.position + 1}`, seq: 0, author: 'interviewer', itemId: current.id, text: `Here is a question.\n\n${q.prompt}`, createdAt: now() }));
    return sse([
      ['question-delta', { text: 'Here is a question.\n\n' }],
      ['question-delta', { text: q.prompt }],
      ['turn-complete', turnOf('question', m, current, false)],
    ]);
  };

  const answer: Handler = (call) => {
    const body = call.body as { itemId: string; text: string; code?: string };
    const it = view.items.find((i) => i.id === body.itemId);
    if (!it) return apiError(404, 'not_found', 'No such question.');
    if (it.status === 'complete') return apiError(409, 'conflict', 'That question is already answered and complete.');
    const m = pushMessage(message({ id: `m-a${seq + 1}`, seq: 0, author: 'candidate', itemId: it.id, text: body.text, code: body.code ?? null, createdAt: now() }));
    it.status = 'complete';
    it.grade = view.session.feedback === 'stage' ? { id: `g-${it.id}`, status: 'pending', hiddenUntilStageEnd: true } : { ...gradePending(it.id) };
    const remaining = view.items.filter((i) => i.status !== 'complete');
    return json({ message: m, next: remaining.length ? 'next_question' : 'session_complete', gradeId: `g-${it.id}`, run: null, runError: null }, 201);
  };

  const routes: Record<string, Handler> = {
    'GET /api/status': () => json(status()),
    'GET /api/bank': () => json(bank()),
    'GET /api/sessions/:id': () => json(structuredClone(view)),
    'POST /api/sessions/:id/next': next,
    'POST /api/sessions/:id/answers': answer,
    'GET /api/sessions/:id/events': () => {
      const s = openSse();
      streams.push(s);
      queueMicrotask(() => s.send('ready', {}));
      return s.response();
    },
  };

  return {
    view,
    routes,
    nextCalls,
    /** Finishes an item's grade and tells the page, as the grade worker would. */
    finishGrade(itemId: string, g: Grade) {
      const it = view.items.find((i) => i.id === itemId)!;
      it.grade = { ...g, itemId };
      for (const s of streams) s.send('grade-updated', { type: 'grade-updated', gradeId: g.id, itemId, status: g.status });
    },
    /** Asks a question up front, as if the page had been open before a reload. */
    askFirst() {
      void next({} as never, {});
    },
  };
}

function gradePending(itemId: string): Grade {
  return {
    id: `g-${itemId}`,
    itemId,
    attempt: 1,
    status: 'pending',
    grader: null,
    model: null,
    promptRef: null,
    bankVersion: '1.0.0',
    questionRevision: 1,
    level: null,
    percent: null,
    error: null,
    createdAt: T0,
    completedAt: null,
    criteria: [],
    feedback: null,
    nextStep: null,
    flags: [],
    strongAnswer: [],
  };
}
