/** Database reads the interview rooms share, named by intent; each takes `db` first. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { codeRuns, grades, items, messages, sessions, summaries } from '../db/schema.ts';
import { notFound } from '../errors.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type ItemRow = typeof items.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type GradeRow = typeof grades.$inferSelect;
export type CodeRunRow = typeof codeRuns.$inferSelect;
export type SummaryRow = typeof summaries.$inferSelect;

export async function getSessionById(db: Db, { id }: { id: string }): Promise<SessionRow> {
  const row = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
  if (!row) throw notFound('session', id);
  return row;
}

export function getItemsOfSession(db: Db, { sessionId }: { sessionId: string }): Promise<ItemRow[]> {
  return db.select().from(items).where(eq(items.sessionId, sessionId)).orderBy(asc(items.position));
}

export function getMessagesOfSession(db: Db, { sessionId }: { sessionId: string }): Promise<MessageRow[]> {
  return db.select().from(messages).where(eq(messages.sessionId, sessionId)).orderBy(asc(messages.seq));
}

export function getMessagesOfItem(db: Db, { itemId }: { itemId: string }): Promise<MessageRow[]> {
  return db.select().from(messages).where(eq(messages.itemId, itemId)).orderBy(asc(messages.seq));
}

export async function getLastSeq(db: Db, { sessionId }: { sessionId: string }): Promise<number> {
  const [row] = await db
    .select({ seq: messages.seq })
    .from(messages)
    .where(eq(messages.sessionId, sessionId))
    .orderBy(desc(messages.seq))
    .limit(1);
  return row?.seq ?? 0;
}

export function getCurrentGradesOfSession(db: Db, { sessionId }: { sessionId: string }): Promise<GradeRow[]> {
  return db
    .select()
    .from(grades)
    .where(and(eq(grades.sessionId, sessionId), eq(grades.current, true)));
}

export function getCodeRunsOfSession(db: Db, { sessionId }: { sessionId: string }): Promise<CodeRunRow[]> {
  return db.select().from(codeRuns).where(eq(codeRuns.sessionId, sessionId)).orderBy(asc(codeRuns.createdAt));
}

export async function getLatestSubmitRun(db: Db, { itemId }: { itemId: string }): Promise<CodeRunRow | undefined> {
  const [row] = await db
    .select()
    .from(codeRuns)
    .where(and(eq(codeRuns.itemId, itemId), eq(codeRuns.mode, 'submit')))
    .orderBy(desc(codeRuns.createdAt))
    .limit(1);
  return row;
}

export function getSummariesOfSession(db: Db, { sessionId }: { sessionId: string }): Promise<SummaryRow[]> {
  return db.select().from(summaries).where(eq(summaries.sessionId, sessionId));
}

/** Question id -> when this candidate was last asked it, across all their sessions. */
export async function getSeenQuestions(db: Db, { candidateId }: { candidateId: string }): Promise<Map<string, number>> {
  const own = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.candidateId, candidateId));
  const rows = await db
    .select({ questionId: items.questionId, askedAt: items.askedAt, createdAt: sessions.createdAt })
    .from(items)
    .innerJoin(sessions, eq(items.sessionId, sessions.id))
    .where(inArray(items.sessionId, own));
  const seen = new Map<string, number>();
  for (const r of rows) {
    // A planned question counts as seen: a new session must not plan it again either.
    const at = r.askedAt ?? r.createdAt;
    seen.set(r.questionId, Math.max(seen.get(r.questionId) ?? 0, at));
  }
  return seen;
}

/** True when a libSQL error is a UNIQUE constraint violation (a concurrent writer got there first). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const msg = String((e as { message?: unknown }).message ?? '');
    const code = String((e as { code?: unknown }).code ?? '');
    if (/UNIQUE constraint failed/i.test(msg) || code.includes('CONSTRAINT_UNIQUE') || code === 'SQLITE_CONSTRAINT') return true;
  }
  return false;
}
