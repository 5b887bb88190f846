/**
 * Progress over time, as chart data: for each stage and each skill, one point per session with
 * graded answers on it (the mean answer level, 0-4, and how many answers), oldest first, and a
 * trend that compares the later half of the points with the earlier half.
 */
import type { Deps } from '../deps.ts';
import { round2 } from '../grading/scoring.ts';
import { getGradedAnswers, type GradedAnswer } from './evidence.ts';
import type { Career } from './load.ts';

export interface ProgressPoint {
  sessionId: string;
  /** When the session started (ms). */
  at: number;
  level: number;
  answers: number;
}

export interface Trend {
  direction: 'improving' | 'declining' | 'steady' | 'not-enough-data';
  /** Mean of the later half minus mean of the earlier half; null with fewer than two points. */
  change: number | null;
}

export function trendOf(points: ProgressPoint[], minChange: number): Trend {
  if (points.length < 2) return { direction: 'not-enough-data', change: null };
  const half = Math.floor(points.length / 2);
  const mean = (ps: ProgressPoint[]) => ps.reduce((s, p) => s + p.level, 0) / ps.length;
  // With an odd count the middle point belongs to neither half.
  const change = round2(mean(points.slice(points.length - half)) - mean(points.slice(0, half)));
  return { direction: change >= minChange ? 'improving' : change <= -minChange ? 'declining' : 'steady', change };
}

function pointsOf(answers: GradedAnswer[]): ProgressPoint[] {
  const bySession = new Map<string, GradedAnswer[]>();
  for (const a of answers) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
  return [...bySession.values()]
    .map((as) => ({ sessionId: as[0]!.sessionId, at: as[0]!.sessionCreatedAt, level: round2(as.reduce((s, a) => s + a.level, 0) / as.length), answers: as.length }))
    .sort((a, b) => a.at - b.at || a.sessionId.localeCompare(b.sessionId));
}

export async function getProgress(deps: Deps, career: Career, { candidateId, role }: { candidateId: string; role?: string }) {
  const all = await getGradedAnswers(deps, { candidateId });
  const answers = role ? all.filter((a) => a.sessionRole === role) : all;
  const min = career.evidence.trend_min_change;
  const sessions = pointsOf(answers).map((p) => {
    const a = answers.find((x) => x.sessionId === p.sessionId)!;
    return { id: p.sessionId, role: a.sessionRole, mode: a.sessionMode, createdAt: p.at, answers: p.answers, level: p.level };
  });
  return {
    candidateId,
    role: role ?? null,
    scale: { min: 0, max: 4 },
    trendRule: `A series is improving when the mean of its later half is at least ${min} above the mean of its earlier half, declining when at least ${min} below, steady otherwise; it needs two points.`,
    sessions,
    stages: deps.bank.manifest.stages.map((s) => {
      const points = pointsOf(answers.filter((a) => a.stage === s.id));
      return { stage: s.id, name: s.name, points, trend: trendOf(points, min) };
    }),
    skills: deps.bank.skills.map((s) => {
      const points = pointsOf(answers.filter((a) => a.skills.includes(s.id)));
      return { skill: s.id, name: s.name, points, trend: trendOf(points, min) };
    }),
  };
}
