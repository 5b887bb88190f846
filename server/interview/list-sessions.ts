/** The history: past sessions with their verdicts per stage, newest first. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { grades, items, sessions } from '../db/schema.ts';
import { buildReport } from './report.ts';
import { sessionSummaryView } from './session-view.ts';

export interface ListSessionsFilter {
  candidateId?: string;
  role?: string;
  mode?: 'loop' | 'drill';
  status?: 'active' | 'finished';
  limit: number;
}

export async function listSessions(deps: Deps, f: ListSessionsFilter) {
  const where: SQL[] = [];
  if (f.candidateId) where.push(eq(sessions.candidateId, f.candidateId));
  if (f.role) where.push(eq(sessions.role, f.role));
  if (f.mode) where.push(eq(sessions.mode, f.mode));
  if (f.status) where.push(eq(sessions.status, f.status));
  const rows = await deps.db
    .select()
    .from(sessions)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(sessions.createdAt))
    .limit(f.limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [itemRows, gradeRows] = await Promise.all([
    deps.db.select().from(items).where(inArray(items.sessionId, ids)),
    deps.db.select().from(grades).where(and(inArray(grades.sessionId, ids), eq(grades.current, true))),
  ]);
  return rows.map((s) => {
    const its = itemRows.filter((i) => i.sessionId === s.id).sort((a, b) => a.position - b.position);
    const report = buildReport(deps.bank, its, gradeRows.filter((g) => g.sessionId === s.id), []);
    return {
      ...sessionSummaryView(s),
      roleName: deps.bank.roles.find((r) => r.id === s.role)?.name ?? s.role,
      questions: its.length,
      answered: its.filter((i) => i.status === 'complete').length,
      overall: report.overall,
      stages: report.stages.map((st) => ({ stage: st.stage, name: st.name, verdict: st.verdict, verdictLabel: st.verdictLabel, level: st.level })),
    };
  });
}
