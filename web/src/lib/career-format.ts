/** Career numbers and dates as the candidate reads them; the level words come from the server's data. */
import type { CareerData, Progress } from './types.ts';

/** "2 (experienced)": a skill level with the word the server uses for it. */
export function skillLevelText(data: Pick<CareerData, 'skillLevels'> | undefined, level: number | null | undefined): string {
  if (level === null || level === undefined) return '—';
  const word = (data?.skillLevels as Record<string, string> | undefined)?.[String(level)];
  return word ? `${level} (${word})` : String(level);
}

/** A calendar day (YYYY-MM-DD, as plans store them) in the reader's words, without time-zone drift. */
export function formatDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Today as YYYY-MM-DD in the reader's own time zone (what "overdue" means to them). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

type Trend = Progress['stages'][number]['trend'];

/** A trend in words, with the change on the 0-4 scale when there is one. */
export function trendText(t: Trend): string {
  if (t.direction === 'not-enough-data') return 'Not enough data';
  const change = t.change === null ? '' : ` (${t.change > 0 ? '+' : ''}${t.change})`;
  return `${t.direction[0]!.toUpperCase()}${t.direction.slice(1)}${change}`;
}

/** The server cuts long sentences to a window around a phrase: say so, at the ends that were cut. */
export function quoteEnds(quote: string): { before: string; after: string } {
  const t = quote.trim();
  return { before: /^[a-z]/.test(t) ? '…' : '', after: /[.!?:;)"”]$/.test(t) ? '' : '…' };
}
