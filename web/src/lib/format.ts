/** Words and numbers as the candidate reads them; one place so every page says them the same way. */
import type { SessionListEntry, SessionSummary, Verdict } from './types.ts';

/**
 * The rubric scale every criterion is scored on: server/bank/schema.ts MAX_SCORE, also served as
 * /api/bank `scale.max`. Copied because a value import would pull zod into the page.
 */
export const MAX_SCORE = 4;

/** Stage names come from the data at hand (a report or the bank), never from a copy here. */
export function stageNameIn(stages: ReadonlyArray<{ stage?: string; id?: string; name: string }>, id: string | null | undefined): string {
  if (!id) return '';
  return stages.find((s) => (s.stage ?? s.id) === id)?.name ?? id;
}

export function modeLabel(s: Pick<SessionSummary, 'mode' | 'drillStage'>, stages: ReadonlyArray<{ stage?: string; id?: string; name: string }>): string {
  return s.mode === 'loop' ? 'Full loop' : `Drill: ${stageNameIn(stages, s.drillStage)}`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** mm:ss under an hour, then "1 h 05 min": a timer, not a stopwatch. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Up to two decimals, as the server rounds them: 1.96 must not read as 2.0 beside a "needs 2" threshold. */
export const levelNumber = (level: number) => String(Math.round(level * 100) / 100);

export const levelText = (level: number | null | undefined) => (level === null || level === undefined ? 'not graded yet' : `${levelNumber(level)} of ${MAX_SCORE}`);

export const verdictClass = (v: Verdict | null | undefined) => `verdict verdict-${v ?? 'none'}`;

export const statusLabel = (s: Pick<SessionListEntry, 'status'>) => (s.status === 'active' ? 'In progress' : 'Finished');

export const difficultyLabel = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);

/** What went wrong, in words fit to show: the server's own message when it sent one. */
export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
