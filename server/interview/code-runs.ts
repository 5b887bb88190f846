/**
 * Runs a candidate's code for a coding question and stores the run with the answer. The run row
 * is written before the code runs, so even a runner crash leaves a record of what was tried.
 */
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { codeRuns } from '../db/schema.ts';
import type { RunMode, RunResult } from '../coding/types.ts';
import { AppError } from '../errors.ts';
import type { LoadedQuestion } from '../bank/load.ts';
import type { ItemRow } from './queries.ts';

export async function runCode(
  deps: Deps,
  item: ItemRow,
  question: LoadedQuestion,
  code: string,
  mode: RunMode,
): Promise<{ runId: string; result: RunResult }> {
  if (!question.coding) throw new AppError('invalid', 'This question is not a coding question; there is no code to run.', 'code');
  if (!deps.runner) throw new AppError('unavailable', 'Code cannot be run on this server (no code runner is configured).');
  const runId = deps.ids();
  await deps.db.insert(codeRuns).values({
    id: runId,
    sessionId: item.sessionId,
    itemId: item.id,
    mode,
    language: question.coding.language,
    code,
    result: null,
    createdAt: deps.clock(),
  });
  const result = await deps.runner.run({ coding: question.coding, code, mode });
  await deps.db.update(codeRuns).set({ result }).where(eq(codeRuns.id, runId));
  return { runId, result };
}
