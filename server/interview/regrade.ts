/** Re-grading: a new grade attempt for a completed question becomes the current one; old attempts are kept. */
import { and, desc, eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { grades } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getItemsOfSession, isUniqueViolation, type GradeRow } from './queries.ts';

export async function regradeItem(deps: Deps, sessionId: string, itemId: string): Promise<GradeRow> {
  const item = (await getItemsOfSession(deps.db, { sessionId })).find((i) => i.id === itemId);
  if (!item) throw new AppError('not_found', `No question "${itemId}" in session "${sessionId}".`, 'itemId');
  if (item.status !== 'complete') throw new AppError('conflict', 'This question is not complete yet; it is graded once answered.', 'itemId');
  const [latest] = await deps.db.select().from(grades).where(eq(grades.itemId, itemId)).orderBy(desc(grades.attempt)).limit(1);
  if (latest?.status === 'pending') throw new AppError('conflict', 'This answer is being graded right now; wait for that grade first.', 'itemId');
  const question = deps.bank.byId.get(item.questionId);
  if (!question) throw new AppError('conflict', `Question "${item.questionId}" is no longer in the bank, so it cannot be re-graded.`, 'itemId');
  const now = deps.clock();
  const row: GradeRow = {
    id: deps.ids(),
    sessionId,
    itemId,
    attempt: (latest?.attempt ?? 0) + 1,
    current: true,
    status: 'pending',
    grader: null,
    model: null,
    promptRef: null,
    bankVersion: deps.bank.version,
    questionRevision: question.revision,
    result: null,
    level: null,
    error: null,
    tries: 0,
    claimedBy: null,
    leaseUntil: null,
    notBefore: 0,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  };
  try {
    await deps.db.batch([
      deps.db.update(grades).set({ current: false }).where(and(eq(grades.itemId, itemId), eq(grades.current, true))),
      deps.db.insert(grades).values(row),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'A re-grade of this answer was just requested.', 'itemId');
    throw err;
  }
  deps.events.gradeQueued();
  return row;
}
