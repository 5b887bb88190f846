/**
 * A candidate's answer. The answer is stored first, before anything that can fail (running the
 * code, choosing a follow-up, queueing the grade); everything after is re-runnable.
 */
import type { Deps } from '../deps.ts';
import { messages } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { RunResult } from '../coding/types.ts';
import { advanceAfterAnswer, type NextStep } from './advance.ts';
import { runCode } from './code-runs.ts';
import { getItemsOfSession, getLastSeq, getMessagesOfItem, getSessionById, isUniqueViolation, type MessageRow } from './queries.ts';

export interface SubmitAnswerInput {
  itemId: string;
  text: string;
  code?: string;
}

export interface SubmitAnswerResult {
  message: MessageRow;
  next: NextStep;
  gradeId?: string;
  /** Coding questions: the hidden-test run of the submitted code (if the runner is available). */
  run?: RunResult;
  runError?: string;
}

export async function submitAnswer(deps: Deps, sessionId: string, input: SubmitAnswerInput): Promise<SubmitAnswerResult> {
  const session = await getSessionById(deps.db, { id: sessionId });
  if (session.status === 'finished') throw new AppError('conflict', 'This session is finished; start a new one to keep practising.');
  const all = await getItemsOfSession(deps.db, { sessionId });
  const item = all.find((i) => i.id === input.itemId);
  if (!item) throw new AppError('not_found', `No question "${input.itemId}" in this session.`, 'itemId');
  if (item.status === 'pending') throw new AppError('conflict', 'That question has not been asked yet.', 'itemId');
  if (item.status === 'complete') throw new AppError('conflict', 'That question is already answered and complete.', 'itemId');
  const question = deps.bank.byId.get(item.questionId)!;
  if (input.code !== undefined && !question.coding) throw new AppError('invalid', 'Code is only accepted for coding questions.', 'code');
  if (!input.text.trim() && !input.code?.trim()) throw new AppError('invalid', 'The answer is empty.', 'text');

  const itemMessages = await getMessagesOfItem(deps.db, { itemId: item.id });
  if (itemMessages.at(-1)?.author !== 'interviewer')
    throw new AppError('conflict', 'This question was already answered; ask for the next turn.', 'itemId');

  const message: MessageRow = {
    id: deps.ids(),
    sessionId,
    itemId: item.id,
    seq: (await getLastSeq(deps.db, { sessionId })) + 1,
    author: 'candidate',
    kind: 'answer',
    criterionId: null,
    text: input.text,
    code: input.code ?? null,
    source: 'candidate',
    model: null,
    promptRef: null,
    createdAt: deps.clock(),
  };
  try {
    await deps.db.insert(messages).values(message);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'Another answer or question arrived at the same moment; reload the session.', 'itemId');
    throw err;
  }

  // Stored. From here on a failure must not lose the answer: each step can be re-run.
  let run: RunResult | undefined;
  let runError: string | undefined;
  if (input.code?.trim() && question.coding && deps.runner) {
    try {
      run = (await runCode(deps, item, question, input.code, 'submit')).result;
    } catch (err) {
      runError = err instanceof AppError ? err.message : 'The code runner failed; your answer is saved and the tests will run when it is graded.';
      deps.logger.warn('submit run failed', { sessionId, error: String(err) });
    }
  }
  const advanced = await advanceAfterAnswer(deps, session, item);
  return { message, ...advanced, run, runError };
}
