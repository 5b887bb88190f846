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
import type {
  AnswerResult,
  Bank,
  CareerData,
  CreateSessionInput,
  GapReport,
  HistoryFilter,
  Horizon,
  JobAnalysis,
  JobAnalysisSummary,
  MilestonePatch,
  NewMilestone,
  Plan,
  Profile,
  Progress,
  Ratings,
  RunResult,
  SessionListEntry,
  SessionView,
  Status,
  TailorInput,
  Turn,
} from './types.ts';

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

/** A Markdown download: its text, with the file name the server suggests. */
async function markdownFile(res: Response, fallback: string): Promise<{ filename: string; text: string }> {
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
  return { filename, text: await res.text() };
}

/** The graded transcript as Markdown, with the file name the server suggests. */
export async function exportMarkdown(id: string): Promise<{ filename: string; text: string }> {
  return markdownFile(await send(() => client.api.sessions[':id'].export.$get({ param: { id } })), `mockloop-${id}.md`);
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

// Career fit: the self-assessment, job postings, gaps, "drill my weakest", plans and progress.
const career = client.api.career;

let careerPromise: Promise<CareerData> | undefined;
/** Roles, skills (with their level descriptions) and stages: fixed while the server runs, read once. */
export function getCareerData(): Promise<CareerData> {
  careerPromise ??= json<CareerData>(() => career.roles.$get()).catch((err) => {
    careerPromise = undefined;
    throw err;
  });
  return careerPromise;
}

const who = () => ({ candidateId: candidateId() });
/** An optional role as a query: absent means "my first target role" to the server. */
const roleQuery = (role: string | undefined) => ({ ...who(), ...(role ? { role } : {}) });

export const getProfile = () => json<Profile>(() => career.profile.$get({ query: who() }));

export const saveProfile = (ratings: Ratings, targetRoles: string[]) =>
  json<Profile>(() => career.profile.$put({ json: { ...who(), ratings, targetRoles } }));

export const analyseJob = (text: string, postedTitle?: string) =>
  json<JobAnalysis>(() => career['job-analyses'].$post({ json: { ...who(), text, ...(postedTitle?.trim() ? { postedTitle: postedTitle.trim() } : {}) } }));

export async function listJobAnalyses(): Promise<JobAnalysisSummary[]> {
  return (await json<{ analyses: JobAnalysisSummary[] }>(() => career['job-analyses'].$get({ query: who() }))).analyses;
}

export const getJobAnalysis = (id: string) => json<JobAnalysis>(() => career['job-analyses'][':id'].$get({ param: { id } }));

/** A full loop weighted the way the posting reads; the session view comes back, ready to enter. */
export const startTailoredSession = (id: string, input: Partial<TailorInput> = {}) =>
  json<SessionView>(() => career['job-analyses'][':id'].session.$post({ param: { id }, json: { ...who(), ...input } }));

export const getGaps = (role?: string) => json<GapReport>(() => career.gaps.$get({ query: roleQuery(role) }));

export const drillWeakest = (role?: string) => json<SessionView>(() => career['drill-weakest'].$post({ json: roleQuery(role) }));

export const createPlan = (horizonMonths: Horizon, role?: string) =>
  json<Plan>(() => career.plans.$post({ json: { ...roleQuery(role), horizonMonths } }));

export async function listPlans(): Promise<Plan[]> {
  return (await json<{ plans: Plan[] }>(() => career.plans.$get({ query: who() }))).plans;
}

export const getPlan = (id: string) => json<Plan>(() => career.plans[':id'].$get({ param: { id } }));

export const updateMilestone = (id: string, milestoneId: string, patch: MilestonePatch) =>
  json<Plan>(() => career.plans[':id'].milestones[':milestoneId'].$put({ param: { id, milestoneId }, json: patch }));

export const addMilestone = (id: string, milestone: NewMilestone) =>
  json<Plan>(() => career.plans[':id'].milestones.$post({ param: { id }, json: milestone }));

/**
 * Browsers send no "Content-Length: 0" with a bodiless DELETE, and the server then refuses it as
 * a body that is not JSON (415); saying the (empty) body is JSON gets it through.
 */
export const deleteMilestone = (id: string, milestoneId: string) =>
  json<Plan>(() =>
    career.plans[':id'].milestones[':milestoneId'].$delete({ param: { id, milestoneId } }, { headers: { ...authHeaders(), 'Content-Type': 'application/json' } }),
  );

/** The plan as a Markdown checklist, with the file name the server suggests. */
export async function exportPlan(id: string): Promise<{ filename: string; text: string }> {
  return markdownFile(await send(() => career.plans[':id'].export.$get({ param: { id } })), `mockloop-plan-${id}.md`);
}

export const getProgress = (role?: string) => json<Progress>(() => career.progress.$get({ query: roleQuery(role) }));
