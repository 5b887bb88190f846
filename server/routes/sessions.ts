/** /api/sessions: create, read, list, the interviewer's next turn (SSE or JSON), answers, runs, re-grades, export. */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { createSession } from '../interview/create-session.ts';
import { sessionToMarkdown } from '../interview/export-markdown.ts';
import { listSessions } from '../interview/list-sessions.ts';
import { nextTurn, type Turn } from '../interview/next-turn.ts';
import { getItemsOfSession, getMessagesOfItem, getSessionById } from '../interview/queries.ts';
import { regradeItem } from '../interview/regrade.ts';
import { runCode } from '../interview/code-runs.ts';
import { getSessionView, gradeView, messageView, publicQuestion } from '../interview/session-view.ts';
import { submitAnswer } from '../interview/submit-answer.ts';
import { AnswerBody, CreateSessionBody, ItemParam, ListSessionsQuery, RunBody, SessionParam } from './schemas.ts';
import { validate } from './validate.ts';

/** The interviewer's turn as the API shows it (the SSE `turn-complete` event and the JSON reply). */
export type TurnView = ReturnType<typeof turnView>;

function turnView(deps: Deps, turn: Turn) {
  const q = turn.item ? deps.bank.byId.get(turn.item.questionId) : undefined;
  return {
    kind: turn.kind,
    replay: turn.replay,
    message: messageView(turn.message),
    item: turn.item
      ? { id: turn.item.id, position: turn.item.position, stage: turn.item.stage, followUpsAsked: turn.item.followUpsAsked, question: q ? publicQuestion(q) : null }
      : null,
    progress: { position: turn.item?.position ?? turn.total, total: turn.total },
  };
}

export function sessionRoutes(deps: Deps) {
  const checkSize = (field: string, text: string | undefined, max: number) => {
    if (text && text.length > max) throw new AppError('too_large', `${field} is ${text.length} characters; the limit is ${max}.`, field);
  };

  return new Hono()
    .post('/', validate('json', CreateSessionBody), async (c) => {
      const body = c.req.valid('json');
      const { id } = await createSession(deps, body);
      return c.json(await getSessionView(deps, id), 201);
    })
    .get('/', validate('query', ListSessionsQuery), async (c) => {
      return c.json({ sessions: await listSessions(deps, c.req.valid('query')) }, 200);
    })
    .get('/:id', validate('param', SessionParam), async (c) => {
      return c.json(await getSessionView(deps, c.req.valid('param').id), 200);
    })
    .post('/:id/next', validate('param', SessionParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!c.req.header('accept')?.includes('text/event-stream')) return c.json(turnView(deps, await nextTurn(deps, id)), 200);
      await getSessionById(deps.db, { id }); // a 404 before any stream starts
      return streamSSE(
        c,
        async (stream) => {
          let chain = Promise.resolve();
          const turn = await nextTurn(
            deps,
            id,
            (text) => {
              chain = chain.then(() => stream.writeSSE({ event: 'question-delta', data: JSON.stringify({ text }) }));
            },
            c.req.raw.signal,
          );
          await chain;
          await stream.writeSSE({ event: 'turn-complete', data: JSON.stringify(turnView(deps, turn)) });
        },
        async (err, stream) => {
          deps.logger.error('next turn stream failed', { sessionId: id, error: String(err) });
          const message = err instanceof AppError ? err.message : 'The interviewer could not continue; reload to resume where you were.';
          await stream.writeSSE({ event: 'turn-error', data: JSON.stringify({ message }) });
        },
      );
    })
    .post('/:id/answers', validate('param', SessionParam), validate('json', AnswerBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      checkSize('text', body.text, deps.limits.maxAnswerChars);
      checkSize('code', body.code, deps.limits.maxCodeChars);
      const result = await submitAnswer(deps, id, body);
      return c.json({ message: messageView(result.message), next: result.next, gradeId: result.gradeId ?? null, run: result.run ?? null, runError: result.runError ?? null }, 201);
    })
    .post('/:id/runs', validate('param', SessionParam), validate('json', RunBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      checkSize('code', body.code, deps.limits.maxCodeChars);
      const session = await getSessionById(deps.db, { id });
      if (session.status === 'finished') throw new AppError('conflict', 'This session is finished.');
      const item = (await getItemsOfSession(deps.db, { sessionId: id })).find((i) => i.id === body.itemId);
      if (!item) throw new AppError('not_found', `No question "${body.itemId}" in this session.`, 'itemId');
      if (item.status !== 'asked') throw new AppError('conflict', 'Code can be run only for the question being asked.', 'itemId');
      const last = (await getMessagesOfItem(deps.db, { itemId: item.id })).at(-1);
      if (last?.author !== 'interviewer') throw new AppError('conflict', 'This question was already answered.', 'itemId');
      const { runId, result } = await runCode(deps, item, deps.bank.byId.get(item.questionId)!, body.code, 'run');
      return c.json({ id: runId, result }, 201);
    })
    .post('/:id/items/:itemId/regrade', validate('param', ItemParam), async (c) => {
      const { id, itemId } = c.req.valid('param');
      const grade = await regradeItem(deps, id, itemId);
      const item = (await getItemsOfSession(deps.db, { sessionId: id })).find((i) => i.id === itemId)!;
      return c.json(gradeView(deps.bank, item, grade), 202);
    })
    .get('/:id/export', validate('param', SessionParam), async (c) => {
      const view = await getSessionView(deps, c.req.valid('param').id);
      const roleName = deps.bank.roles.find((r) => r.id === view.session.role)?.name ?? view.session.role;
      const date = new Date(view.session.createdAt).toISOString().slice(0, 10);
      c.header('Content-Disposition', `attachment; filename="mockloop-${view.session.role}-${date}.md"`);
      return c.body(sessionToMarkdown(view, roleName), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    })
    .get('/:id/events', validate('param', SessionParam), async (c) => {
      const { id } = c.req.valid('param');
      await getSessionById(deps.db, { id });
      return streamSSE(c, async (stream) => {
        const unsubscribe = deps.events.subscribe(id, (e) => {
          void stream.writeSSE({ event: e.type, data: JSON.stringify(e) }).catch(() => {});
        });
        stream.onAbort(unsubscribe);
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (!stream.aborted && !c.req.raw.signal.aborted) {
          await stream.sleep(15_000);
          await stream.writeSSE({ event: 'ping', data: '{}' }).catch(() => {});
        }
        unsubscribe();
      });
    });
}
