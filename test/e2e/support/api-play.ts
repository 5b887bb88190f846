/** Plays a session through the HTTP API (no browser): fixtures for the history tests. */
import { strongAnswer, weakAnswer } from './answers.ts';

async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    // A bodiless POST must say so (the server wants JSON bodies and checks the length).
    headers: body !== undefined ? { 'content-type': 'application/json' } : method === 'POST' ? { 'content-length': '0' } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface TurnJson {
  kind: string;
  item: { id: string; question: { title: string; stage: string } | null } | null;
}

/**
 * Creates a session for `candidateId` and answers `answers` turns (all of them when undefined),
 * strongly in the stages listed, weakly elsewhere. Returns the session id.
 */
export async function playSession(
  base: string,
  body: Record<string, unknown>,
  o: { strongStages?: string[]; answers?: number } = {},
): Promise<string> {
  const view = await call<{ session: { id: string } }>(`${base}/api/sessions`, 'POST', body);
  const id = view.session.id;
  for (let n = 0; o.answers === undefined || n < o.answers; n++) {
    const turn = await call<TurnJson>(`${base}/api/sessions/${id}/next`, 'POST');
    if (turn.kind === 'closing' || !turn.item?.question) break;
    const q = turn.item.question;
    const text = o.strongStages?.includes(q.stage) ? strongAnswer(q.title) : weakAnswer();
    await call(`${base}/api/sessions/${id}/answers`, 'POST', { itemId: turn.item.id, text });
  }
  return id;
}

/** Waits until no grade of the session is pending. */
export async function gradesSettled(base: string, id: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await call<{ items: Array<{ grade: { status: string } | null }> }>(`${base}/api/sessions/${id}`, 'GET');
    if (view.items.every((i) => i.grade?.status !== 'pending')) return;
    if (Date.now() > deadline) throw new Error(`grades of ${id} still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const getJson = <T>(url: string) => call<T>(url, 'GET');
