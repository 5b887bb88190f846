/**
 * The one place that talks to the server: Hono's typed client over the API's routes, plus the
 * two SSE streams (the interviewer's next turn, and grade updates). Every failure becomes an
 * ApiError carrying the server's own message, fit to show the candidate.
 */
import { createSignal } from 'solid-js';
import { hc } from 'hono/client';
import type { AppType } from '../../../server/app.ts';
import { accessToken, candidateId } from './identity.ts';
import { readSse } from './sse.ts';
import type { AnswerResult, Bank, CreateSessionInput, HistoryFilter, RunResult, SessionListEntry, SessionView, Status, Turn } from './types.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** True once the server answered 401: the layout then shows the token form. */
const [tokenNeeded, setTokenNeeded] = createSignal(false);
export { tokenNeeded };

const authHeaders = (): Record<string, string> => {
  const token = accessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

// fetch is looked up on every call (not captured here), so tests can stand in for the server.
const client = hc<AppType>(globalThis.location?.origin ?? 'http://localhost', {
  headers: authHeaders,
  fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init),
});

async function errorOf(res: Response): Promise<ApiError> {
  if (res.status === 401) setTokenNeeded(true);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const e = (body as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
  const fallback = res.status >= 500 ? 'The server could not do that right now. Your answers are saved; try again.' : `The request failed (${res.status}).`;
  return new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? fallback, e?.field);
}

/** Network failures (server down, offline) become an ApiError too, so callers handle one kind. */
async function send(request: () => Promise<Response>): Promise<Response> {
  let res: Response;
  try {
    res = await request();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Could not reach the Mockloop server. Check your connection; nothing you typed is lost.');
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

async function json<T>(request: () => Promise<Response>): Promise<T> {
  return (await (await send(request)).json()) as T;
}

export const getStatus = () => json<Status>(() => client.api.status.$get());

let bankPromise: Promise<Bank> | undefined;
/** The bank changes only when the server restarts; one read per page load is enough. */
export function getBank(): Promise<Bank> {
  bankPromise ??= json<Bank>(() => client.api.bank.$get()).catch((err) => {
    bankPromise = undefined;
    throw err;
  });
  return bankPromise;
}

export const createSession = (input: CreateSessionInput) =>
  json<SessionView>(() => client.api.sessions.$post({ json: { ...input, candidateId: candidateId() } }));

export const getSession = (id: string) => json<SessionView>(() => client.api.sessions[':id'].$get({ param: { id } }));

export async function listSessions(filter: HistoryFilter = {}): Promise<SessionListEntry[]> {
  const query: Record<string, string> = { candidateId: candidateId() };
  for (const [k, v] of Object.entries(filter)) if (v) query[k] = String(v);
  const body = await json<{ sessions: SessionListEntry[] }>(() => client.api.sessions.$get({ query }));
  return body.sessions;
}

export const submitAnswer = (id: string, body: { itemId: string; text: string; code?: string }) =>
  json<AnswerResult>(() => client.api.sessions[':id'].answers.$post({ param: { id }, json: body }));

export async function runCode(id: string, body: { itemId: string; code: string }): Promise<RunResult> {
  const out = await json<{ id: string; result: RunResult }>(() => client.api.sessions[':id'].runs.$post({ param: { id }, json: body }));
  return out.result;
}

export const regrade = (id: string, itemId: string) =>
  json<unknown>(() => client.api.sessions[':id'].items[':itemId'].regrade.$post({ param: { id, itemId } }));

/** The graded transcript as Markdown, with the file name the server suggests. */
export async function exportMarkdown(id: string): Promise<{ filename: string; text: string }> {
  const res = await send(() => client.api.sessions[':id'].export.$get({ param: { id } }));
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `mockloop-${id}.md`;
  return { filename, text: await res.text() };
}

/**
 * Asks for the interviewer's next turn as a stream: `onDelta` receives the words as they come,
 * the promise the whole turn. Asking again replays a pending turn, which is how a reload resumes.
 */
export async function nextTurn(id: string, onDelta: (text: string) => void, signal?: AbortSignal): Promise<Turn> {
  const res = await send(() =>
    client.api.sessions[':id'].next.$post({ param: { id } }, { headers: { ...authHeaders(), Accept: 'text/event-stream' }, init: { signal } }),
  );
  if (!res.headers.get('content-type')?.includes('text/event-stream')) return (await res.json()) as Turn;
  if (!res.body) throw new ApiError(0, 'stream', 'The interviewer stream did not start; reload to resume.');
  let turn: Turn | undefined;
  let failure: string | undefined;
  await readSse(res.body, (e) => {
    if (e.event === 'question-delta') onDelta((JSON.parse(e.data) as { text: string }).text);
    else if (e.event === 'turn-complete') turn = JSON.parse(e.data) as Turn;
    else if (e.event === 'turn-error') failure = (JSON.parse(e.data) as { message: string }).message;
  });
  if (turn) return turn;
  throw new ApiError(0, 'stream', failure ?? 'The connection to the interviewer dropped. Reload to resume where you were.');
}

export type SessionEventName = 'ready' | 'grade-updated' | 'summary-ready';

/**
 * Follows a session's events (grades finishing) until `signal` aborts, reconnecting after a
 * drop. The database is the truth: on every event, and on each (re)connect, callers re-read.
 */
export async function watchSession(id: string, onEvent: (name: SessionEventName) => void, signal: AbortSignal): Promise<void> {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const res = await send(() =>
        client.api.sessions[':id'].events.$get({ param: { id } }, { headers: { ...authHeaders(), Accept: 'text/event-stream' }, init: { signal } }),
      );
      if (!res.body) return;
      await readSse(res.body, (e) => {
        delay = 1000;
        if (e.event === 'ready' || e.event === 'grade-updated' || e.event === 'summary-ready') onEvent(e.event);
      });
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) return; // gone or forbidden: retrying will not help
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 30_000);
  }
}
