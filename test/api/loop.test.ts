import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/test-app.ts';
import { playSession, strongAnswerer } from '../support/play.ts';

type T = Awaited<ReturnType<typeof makeTestApp>>;
let t: T;
afterEach(async () => t?.close());

const create = (body: object) => t.json('POST', '/api/sessions', { role: 'data-scientist', mode: 'loop', difficulty: 'medium', candidateId: 'ada', ...body });

describe('a full loop through the API, offline, on a real libSQL database', () => {
  it('asks the five stages in order, grades every answer with evidence, and reports verdicts', async () => {
    t = await makeTestApp();
    const created = await create({});
    expect(created.status).toBe(201);
    const id = created.body.session.id;
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(created.body.grader.mode).toBe('offline');
    const stages = [...new Set(created.body.items.map((i: any) => i.stage))];
    expect(stages).toEqual(['recruiter-screen', 'ml-theory', 'coding', 'case-study', 'behavioral']);

    const turns = await playSession(t, id, strongAnswerer(t));
    expect(turns.at(-1).kind).toBe('closing');
    // Strong answers cover every criterion, so the offline interviewer has nothing to probe.
    expect(turns.filter((x) => x.kind === 'follow_up')).toHaveLength(0);
    await t.worker.drain();

    const view = (await t.json('GET', `/api/sessions/${id}`)).body;
    expect(view.session.status).toBe('finished');
    for (const item of view.items) {
      expect(item.grade.status).toBe('done');
      expect(item.grade.grader).toBe('offline');
      expect(item.grade.bankVersion).toBe(t.deps.bank.version);
      expect(item.grade.questionRevision).toBe(t.deps.bank.byId.get(item.question.id)!.revision);
      const answerText = view.messages.filter((m: any) => m.itemId === item.id && m.author === 'candidate').map((m: any) => `${m.text}\n${m.code ?? ''}`).join('\n');
      for (const c of item.grade.criteria) for (const e of c.evidence) expect(answerText).toContain(e);
    }
    // Coding grades without a code runner say so instead of guessing correctness.
    const coding = view.items.find((i: any) => i.stage === 'coding');
    expect(coding.grade.criteria.find((c: any) => c.source === 'tests').score).toBeNull();
    for (const st of view.report.stages) {
      expect(st.verdict).not.toBeNull();
      expect(st.explanation).toMatch(/Average level/);
      expect(st.summary.text.length).toBeGreaterThan(20);
    }
    expect(view.report.overall.verdict).toMatch(/hire/);
    expect(view.report.overall.summary).toMatch(/^Across 5 stages, your strongest was the /);
  });

  it('probes a weak answer with at most two follow-ups, then grades it low', async () => {
    t = await makeTestApp();
    const id = (await create({ mode: 'drill', stage: 'ml-theory', questionCount: 1 })).body.session.id;
    const turns = await playSession(t, id, () => ({ text: 'I would probably try a few things and see what works best.' }));
    expect(turns.filter((x) => x.kind === 'follow_up')).toHaveLength(2);
    const q = t.deps.bank.byId.get(turns[0].item.question.id)!;
    const probed = turns.filter((x) => x.kind === 'follow_up').map((x) => x.message.criterionId);
    // The heaviest criteria are probed first.
    const heaviest = [...q.rubric].filter((c) => c.source === 'concepts').sort((a, b) => b.weight - a.weight)[0]!;
    expect(probed[0] && q.rubric.find((c) => c.id === probed[0])!.weight).toBe(heaviest.weight);
    await t.worker.drain();
    const view = (await t.json('GET', `/api/sessions/${id}`)).body;
    expect(view.items[0].grade.level).toBeLessThan(1);
    expect(view.report.stages[0].verdict).toBe('strong-no-hire');
  });

  it('streams the interviewer turn over SSE and replays it when asked again', async () => {
    t = await makeTestApp();
    const id = (await create({ mode: 'drill', stage: 'behavioral', questionCount: 2 })).body.session.id;
    const res = await t.app.request(`/api/sessions/${id}/next`, { method: 'POST', headers: { accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const body = await res.text();
    const deltas = [...body.matchAll(/event: question-delta\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!).text).join('');
    const complete = JSON.parse(/event: turn-complete\ndata: (.*)\n/.exec(body)![1]!);
    expect(deltas).toBe(complete.message.text);
    expect(complete.kind).toBe('question');
    const again = await t.json('POST', `/api/sessions/${id}/next`);
    expect(again.body.replay).toBe(true);
    expect(again.body.message.id).toBe(complete.message.id);
  });

  it('never asks a question the candidate has seen until the stage pool is used up', async () => {
    t = await makeTestApp();
    const pool = t.deps.bank.questions.filter((q) => q.stage === 'recruiter-screen').length;
    const planned: string[] = [];
    for (let i = 0; i < Math.floor(pool / 3); i++) {
      const s = await create({ mode: 'drill', stage: 'recruiter-screen', questionCount: 3 });
      const rows = await t.deps.db.query.items.findMany({ where: (x, { eq }) => eq(x.sessionId, s.body.session.id) });
      planned.push(...rows.map((r) => r.questionId));
    }
    expect(planned).toHaveLength(Math.floor(pool / 3) * 3);
    expect(new Set(planned).size).toBe(planned.length);
  });

  it('re-grades an answer as a new attempt and exports the transcript as Markdown', async () => {
    t = await makeTestApp();
    const id = (await create({ mode: 'drill', stage: 'behavioral', questionCount: 1 })).body.session.id;
    await playSession(t, id, strongAnswerer(t));
    await t.worker.drain();
    const item = (await t.json('GET', `/api/sessions/${id}`)).body.items[0];
    const regrade = await t.json('POST', `/api/sessions/${id}/items/${item.id}/regrade`);
    expect(regrade.status).toBe(202);
    expect(regrade.body).toMatchObject({ attempt: 2, status: 'pending' });
    await t.worker.drain();
    const after = (await t.json('GET', `/api/sessions/${id}`)).body.items[0].grade;
    expect(after).toMatchObject({ attempt: 2, status: 'done', id: regrade.body.id });

    const md = await t.app.request(`/api/sessions/${id}/export`);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    const text = await md.text();
    expect(text).toMatch(/^# Mock interview: Data Scientist \(drill: behavioral\)/);
    expect(text).toContain(item.question.title);
    expect(text).toContain('### Grade: done');
    expect(text).toContain('**A strong answer covers:**');
  });

  it('lists sessions with their verdicts, filtered by candidate, role and mode', async () => {
    t = await makeTestApp();
    const a = (await create({ mode: 'drill', stage: 'behavioral', questionCount: 1 })).body.session.id;
    await create({ mode: 'drill', stage: 'coding', questionCount: 1, role: 'data-analyst' });
    await t.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'loop', candidateId: 'someone-else' });
    await playSession(t, a, strongAnswerer(t));
    await t.worker.drain();
    const mine = (await t.json('GET', '/api/sessions?candidateId=ada')).body.sessions;
    expect(mine).toHaveLength(2);
    const finished = mine.find((s: any) => s.id === a);
    expect(finished.stages[0]).toMatchObject({ stage: 'behavioral', verdict: expect.stringMatching(/hire/) });
    expect((await t.json('GET', '/api/sessions?candidateId=ada&role=data-analyst')).body.sessions).toHaveLength(1);
    expect((await t.json('GET', '/api/sessions?mode=loop')).body.sessions).toHaveLength(1);
  });

  it('hides grades until the stage ends when feedback is set to the end of the stage', async () => {
    t = await makeTestApp();
    const id = (await create({ feedback: 'stage' })).body.session.id;
    const first = await t.json('POST', `/api/sessions/${id}/next`);
    const q = t.deps.bank.byId.get(first.body.item.question.id)!;
    await t.json('POST', `/api/sessions/${id}/answers`, { itemId: first.body.item.id, text: q.strong_answer.join(' ') });
    await t.worker.drain();
    // The recruiter screen has one question for this role: its stage is over, so its grade shows.
    const view = (await t.json('GET', `/api/sessions/${id}`)).body;
    expect(view.items[0].grade.criteria.length).toBeGreaterThan(0);
    const second = await t.json('POST', `/api/sessions/${id}/next`);
    const q2 = t.deps.bank.byId.get(second.body.item.question.id)!;
    await t.json('POST', `/api/sessions/${id}/answers`, { itemId: second.body.item.id, text: q2.strong_answer.join(' ') });
    await t.worker.drain();
    const mid = (await t.json('GET', `/api/sessions/${id}`)).body;
    expect(mid.items[1].grade).toEqual({ id: expect.any(String), status: 'done', hiddenUntilStageEnd: true });
    expect(mid.report.stages.map((s: any) => s.stage)).not.toContain('ml-theory');
  });
});
