/**
 * The one place where scores become numbers and verdicts. Every threshold a candidate sees
 * is written here, so the report can show how a verdict follows from the criteria.
 */
import { MAX_SCORE, type Criterion } from '../bank/schema.ts';
import type { CriterionGrade, TestOutcome } from './types.ts';

export const VERDICTS = ['strong-no-hire', 'no-hire', 'lean-hire', 'hire', 'strong-hire'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  'strong-no-hire': 'Strong no hire',
  'no-hire': 'No hire',
  'lean-hire': 'Lean hire',
  hire: 'Hire',
  'strong-hire': 'Strong hire',
};

/**
 * Minimum weighted average level (0-4) for each verdict, checked from the top. Mirrors how loops
 * map signals: mostly "very weak" (1) is a no hire, "weak" (2) a lean at best, "strong" (3) a hire.
 */
export const VERDICT_THRESHOLDS: ReadonlyArray<{ verdict: Verdict; min: number }> = [
  { verdict: 'strong-hire', min: 3.5 },
  { verdict: 'hire', min: 2.75 },
  { verdict: 'lean-hire', min: 2.0 },
  { verdict: 'no-hire', min: 1.0 },
  { verdict: 'strong-no-hire', min: 0 },
];

export function verdictFor(level: number): Verdict {
  return VERDICT_THRESHOLDS.find((t) => level >= t.min)!.verdict;
}

/**
 * Weighted average level of one answer on 0-4. "Insufficient evidence" counts as 0 here: an
 * answer earns credit only for what it showed (the UI labels it differently from a wrong answer).
 */
export function answerLevel(rubric: Criterion[], grades: CriterionGrade[]): number {
  const byId = new Map(grades.map((g) => [g.criterionId, g]));
  let total = 0;
  let weights = 0;
  for (const c of rubric) {
    total += c.weight * (byId.get(c.id)?.score ?? 0);
    weights += c.weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/** The level of a stage: the mean of its answers' levels (each question counts once). */
export function stageLevel(answerLevels: number[]): number {
  return answerLevels.length === 0 ? 0 : answerLevels.reduce((a, b) => a + b, 0) / answerLevels.length;
}

/** Correctness from hidden tests: all pass 4, at least 85% 3, at least 60% 2, any pass 1, none 0. */
export function testsScore(outcome: TestOutcome | undefined): { score: number | null; rationale: string } {
  if (outcome?.status === 'unavailable')
    return { score: null, rationale: 'The code could not be run on this server, so correctness is not scored (insufficient evidence).' };
  if (!outcome || outcome.total === 0) return { score: 0, rationale: 'No code was submitted against the hidden tests.' };
  const rate = outcome.passed / outcome.total;
  const score = rate === 1 ? 4 : rate >= 0.85 ? 3 : rate >= 0.6 ? 2 : rate > 0 ? 1 : 0;
  const why = outcome.status === 'timeout' ? ' (the run timed out)' : outcome.status === 'error' ? ' (the code raised an error)' : '';
  return { score, rationale: `${outcome.passed} of ${outcome.total} tests passed${why}.` };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const toPercent = (level: number) => Math.round((level / MAX_SCORE) * 100);
