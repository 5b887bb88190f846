/** Drives a session through the API the way the web app does: next turn, answer, repeat. */
import type { makeTestApp } from './test-app.ts';

type T = Awaited<ReturnType<typeof makeTestApp>>;
export type Answerer = (turn: any) => { text: string; code?: string };

/** The bank's strong answer for the asked question (and its reference solution for coding). */
export const strongAnswerer =
  (t: T): Answerer =>
  (turn) => {
    const q = t.deps.bank.byId.get(turn.item.question.id)!;
    return { text: q.strong_answer.join(' '), ...(q.coding ? { code: q.coding.reference } : {}) };
  };

export async function playSession(t: T, sessionId: string, answer: Answerer, maxTurns = 60) {
  const turns: any[] = [];
  for (let i = 0; i < maxTurns; i++) {
    const turn = await t.json('POST', `/api/sessions/${sessionId}/next`);
    if (turn.status !== 200) throw new Error(`next turn: ${turn.status} ${JSON.stringify(turn.body)}`);
    turns.push(turn.body);
    if (turn.body.kind === 'closing') return turns;
    const res = await t.json('POST', `/api/sessions/${sessionId}/answers`, { itemId: turn.body.item.id, ...answer(turn.body) });
    if (res.status !== 201) throw new Error(`answer: ${res.status} ${JSON.stringify(res.body)}`);
  }
  throw new Error('the session did not end');
}
