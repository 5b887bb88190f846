/**
 * What happens after an answer is stored: either the interviewer will probe with a follow-up,
 * or the question is complete and a grade job is queued. Idempotent (guarded updates and a
 * unique grade attempt), so it can be re-run after a crash without duplicating anything.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { grades, items, sessions } from '../db/schema.ts';
import { MAX_FOLLOW_UPS, pickFollowUp } from './follow-up.ts';
import { getItemsOfSession, getMessagesOfItem, isUniqueViolation, type ItemRow, type SessionRow } from './queries.ts';

export type NextStep = 'follow_up' | 'next_question' | 'stage_complete' | 'session_complete';

export async function advanceAfterAnswer(deps: Deps, session: SessionRow, item: ItemRow): Promise<{ next: NextStep; gradeId?: string }> {
  const question = deps.bank.byId.get(item.questionId);
  if (!question) throw new Error(`question ${item.questionId} is no longer in the bank`);
  const itemMessages = await getMessagesOfItem(deps.db, { itemId: item.id });
  const answers = itemMessages.filter((m) => m.author === 'candidate');
  const code = answers.findLast((m) => m.code)?.code ?? undefined;
  const probed = new Set(itemMessages.filter((m) => m.kind === 'follow_up' && m.criterionId).map((m) => m.criterionId!));

  if (item.followUpsAsked < MAX_FOLLOW_UPS) {
    const criterion = pickFollowUp(question, answers.map((m) => m.text).join('\n\n'), code, probed);
    if (criterion) {
      await deps.db
        .update(items)
        .set({ pendingFollowUp: criterion.id })
        .where(and(eq(items.id, item.id), eq(items.status, 'asked'), isNull(items.pendingFollowUp)));
      return { next: 'follow_up' };
    }
  }

  const all = await getItemsOfSession(deps.db, { sessionId: session.id });
  const remaining = all.filter((i) => i.status !== 'complete' && i.id !== item.id);
  const now = deps.clock();
  let gradeId: string | undefined = deps.ids();
  try {
    await deps.db.batch([
      deps.db.update(items).set({ status: 'complete', completedAt: now, pendingFollowUp: null }).where(and(eq(items.id, item.id), ne(items.status, 'complete'))),
      deps.db.insert(grades).values({
        id: gradeId,
        sessionId: session.id,
        itemId: item.id,
        attempt: 1,
        current: true,
        status: 'pending',
        bankVersion: deps.bank.version,
        questionRevision: question.revision,
        createdAt: now,
        updatedAt: now,
      }),
      ...(remaining.length === 0
        ? [deps.db.update(sessions).set({ status: 'finished', finishedAt: now, updatedAt: now }).where(eq(sessions.id, session.id))]
        : [deps.db.update(sessions).set({ updatedAt: now }).where(eq(sessions.id, session.id))]),
    ]);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another request completed this question first; its grade job stands.
    gradeId = undefined;
  }
  deps.events.gradeQueued();
  const next: NextStep = remaining.length === 0 ? 'session_complete' : remaining[0]!.stage !== item.stage ? 'stage_complete' : 'next_question';
  return { next, gradeId };
}
