/**
 * The one place where graded answers (levels 0-4, grading/scoring.ts) meet the skills matrix
 * (self-ratings 1-3). A demonstrated skill level is the mean level of the answers behind it,
 * mapped with the same thresholds as the verdicts: a mean that earns "hire" or better shows a
 * very experienced candidate (3), "lean hire" an experienced one (2), anything lower a beginner (1).
 */
import { VERDICT_LABELS, VERDICT_THRESHOLDS } from '../grading/scoring.ts';

export type SkillLevel = 1 | 2 | 3;

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = { 1: 'beginner', 2: 'experienced', 3: 'very experienced' };

const minFor = (verdict: 'hire' | 'lean-hire') => VERDICT_THRESHOLDS.find((t) => t.verdict === verdict)!.min;

/** From the top: the lowest mean answer level (0-4) that shows each skill level. */
export const SKILL_SCALE: ReadonlyArray<{ level: SkillLevel; minAnswerLevel: number; because: string }> = [
  { level: 3, minAnswerLevel: minFor('hire'), because: `answers at "${VERDICT_LABELS.hire}" level or better` },
  { level: 2, minAnswerLevel: minFor('lean-hire'), because: `answers at "${VERDICT_LABELS['lean-hire']}" level` },
  { level: 1, minAnswerLevel: 0, because: 'answers below "lean hire" level' },
];

export function skillLevelFromAnswers(meanAnswerLevel: number): SkillLevel {
  return SKILL_SCALE.find((s) => meanAnswerLevel >= s.minAnswerLevel)!.level;
}

/** The mapping in words, shown with every gap report. */
export function describeSkillScale(): string {
  return (
    'A demonstrated level is the mean level (0-4) of your most recent graded answers to questions on the skill: ' +
    SKILL_SCALE.map((s) => `${s.level} (${SKILL_LEVEL_LABELS[s.level]}) from ${s.minAnswerLevel}${s.minAnswerLevel > 0 ? ' up' : ''}, ${s.because}`).join('; ') +
    '.'
  );
}
