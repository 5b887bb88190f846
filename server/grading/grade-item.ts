/**
 * Grades one answered question: gathers the exchange and the hidden-test outcome from the
 * database, then asks the model (if configured) or the offline grader. A model failure that may
 * pass (rate limit, time-out, outage) is retried later by the worker; after the last try, or on
 * a failure that will not pass (bad output, refusal), the offline grade stands in, marked
 * provisional so the candidate knows and can re-grade later.
 */
import type { Deps } from '../deps.ts';
import type { RunResult } from '../coding/types.ts';
import { getLatestSubmitRun, getMessagesOfItem, getSessionById, type GradeRow, type ItemRow } from '../interview/queries.ts';
import { runCode } from '../interview/code-runs.ts';
import { stageName } from '../interview/lead-in.ts';
import { LlmError } from '../llm/types.ts';
import { gradeWithLlm } from './llm-grader.ts';
import { gradeOffline } from './offline-grader.ts';
import { answerLevel } from './scoring.ts';
import type { GradeInput } from './grade-input.ts';
import type { GradeOutput } from './types.ts';

/** The offline grader's identity, recorded as the "model" of its grades. */
export const OFFLINE_GRADER_ID = 'offline-concepts@1';

export interface GradeOutcome {
  status: 'done' | 'provisional';
  output: GradeOutput;
  level: number;
  grader: 'llm' | 'offline';
  model: string;
  promptRef: string | null;
  error: string | null;
}

/** A model failure worth retrying later; the worker reschedules the job. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

function describeRun(run: RunResult): string {
  const failing = run.cases.filter((c) => !c.passed).slice(0, 3);
  const lines = failing.map((c) => (c.hidden ? `- hidden test ${c.index + 1} failed` : `- example ${c.index + 1} failed: ${c.error ?? 'wrong result'}`));
  return [run.message ? `Runner message: ${run.message}` : '', ...lines].filter(Boolean).join('\n');
}

export async function buildGradeInput(deps: Deps, item: ItemRow): Promise<GradeInput> {
  const question = deps.bank.byId.get(item.questionId);
  if (!question) throw new Error(`question "${item.questionId}" is no longer in the bank`);
  const session = await getSessionById(deps.db, { id: item.sessionId });
  const msgs = await getMessagesOfItem(deps.db, { itemId: item.id });
  const answers = msgs.filter((m) => m.author === 'candidate');
  const code = answers.findLast((m) => m.code?.trim())?.code ?? undefined;
  const transcript = msgs
    .filter((m) => m.kind !== 'question')
    .map((m) => (m.author === 'candidate' ? `${m.text}${m.code ? `\n\nSubmitted code:\n${m.code}` : ''}` : `[Interviewer follow-up: ${m.text}]`))
    .join('\n\n');

  let tests: GradeInput['tests'];
  if (question.coding && code) {
    let run = (await getLatestSubmitRun(deps.db, { itemId: item.id }))?.result as RunResult | null | undefined;
    // No finished run of the submitted code (the runner failed or the server stopped): run it now.
    if (!run && deps.runner) run = (await runCode(deps, item, question, code, 'submit')).result;
    tests = run
      ? { passed: run.passed, total: run.total, status: run.status, detail: describeRun(run) }
      : { passed: 0, total: 0, status: 'unavailable', detail: 'No code runner is available on this server.' };
  }
  return {
    question,
    roleName: deps.bank.roles.find((r) => r.id === session.role)?.name ?? session.role,
    stageName: stageName(deps.bank, item.stage),
    transcript,
    candidateText: answers.map((m) => `${m.text}\n${m.code ?? ''}`).join('\n\n'),
    answers: answers.map((m) => m.text).join('\n\n'),
    code,
    tests,
  };
}

function offlineOutcome(input: GradeInput, status: GradeOutcome['status'], error: string | null): GradeOutcome {
  const output = gradeOffline({ question: input.question, answer: input.answers, code: input.code, tests: input.tests });
  if (status === 'provisional') output.flags.push('offline_fallback');
  return {
    status,
    output,
    level: answerLevel(input.question.rubric, output.criteria),
    grader: 'offline',
    model: OFFLINE_GRADER_ID,
    promptRef: null,
    error,
  };
}

export async function gradeItem(
  deps: Deps,
  item: ItemRow,
  grade: GradeRow,
  options: { lastTry: boolean; signal?: AbortSignal },
): Promise<GradeOutcome> {
  const input = await buildGradeInput(deps, item);
  if (!deps.llm) return offlineOutcome(input, 'done', null);
  try {
    const { output, promptRef, model } = await gradeWithLlm(deps.llm, deps.prompts, input, { signal: options.signal, fairnessKey: grade.sessionId });
    return { status: 'done', output, level: answerLevel(input.question.rubric, output.criteria), grader: 'llm', model, promptRef, error: null };
  } catch (err) {
    const reason = err instanceof LlmError ? `${err.kind}: ${err.message}` : `model grading failed: ${String(err)}`;
    if (err instanceof LlmError && err.retryable && !options.lastTry) throw new RetryLater(reason, { cause: err });
    deps.logger.warn('model grade failed; offline grade is provisional', { gradeId: grade.id, reason });
    return offlineOutcome(input, 'provisional', reason);
  }
}
