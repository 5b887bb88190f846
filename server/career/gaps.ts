/**
 * The gap between a candidate and a role, per skill: the role's target (roles.yaml), what the
 * candidate says (the latest self-assessment) and what their graded answers show. The gap is
 * measured from the demonstrated level when there is enough evidence, else from the
 * self-rating, and says which. Pure: the numbers come only from its inputs, with the answers
 * behind each one listed.
 */
import type { Role, Skill } from '../bank/schema.ts';
import { round2 } from '../grading/scoring.ts';
import type { GradedAnswer } from './evidence.ts';
import type { Career } from './load.ts';
import { SKILL_LEVEL_LABELS, skillLevelFromAnswers, type SkillLevel } from './skill-scale.ts';

export interface AnswerEvidence {
  sessionId: string;
  itemId: string;
  questionId: string;
  questionTitle: string;
  stage: string;
  level: number;
  grader: 'llm' | 'offline' | null;
  provisional: boolean;
  gradedAt: number;
}

export interface Demonstrated {
  /** Null below the evidence threshold. */
  level: SkillLevel | null;
  /** Mean answer level (0-4) of the answers counted; null with no answers. */
  meanAnswerLevel: number | null;
  /** How many answers support it (the most recent, up to `recent_answers`). */
  answers: number;
  /** All graded answers on the skill, counted or not. */
  totalAnswers: number;
  enoughEvidence: boolean;
  note: string;
  evidence: AnswerEvidence[];
}

export interface Disagreement {
  /** self-higher: rated above what the answers show; self-lower: the answers show more. */
  direction: 'self-higher' | 'self-lower';
  by: number;
  message: string;
}

export interface SkillGap {
  skill: string;
  name: string;
  target: SkillLevel;
  selfRating: SkillLevel | null;
  demonstrated: Demonstrated;
  /** Where `current` comes from. */
  basis: 'demonstrated' | 'self-rating' | 'none';
  current: SkillLevel | null;
  /** target - current: above 0 is a gap; null when nothing is known. */
  gap: number | null;
  status: 'gap' | 'at-target' | 'unknown';
  /** 1 = the biggest gap; null for skills without a gap. */
  rank: number | null;
  disagreement: Disagreement | null;
  /** One sentence: the numbers and where they come from. */
  summary: string;
}

export interface GapInput {
  role: Role;
  skills: Skill[];
  selfRatings: Record<string, SkillLevel> | null;
  /** The candidate's graded answers (any order). */
  answers: GradedAnswer[];
  evidence: Career['evidence'];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function demonstratedLevel(skill: string, answers: GradedAnswer[], settings: Career['evidence']): Demonstrated {
  const onSkill = answers.filter((a) => a.skills.includes(skill)).sort((a, b) => b.gradedAt - a.gradedAt);
  const counted = onSkill.slice(0, settings.recent_answers);
  const mean = counted.length ? round2(counted.reduce((s, a) => s + a.level, 0) / counted.length) : null;
  const enough = counted.length >= settings.min_answers;
  const level = enough && mean !== null ? skillLevelFromAnswers(mean) : null;
  const note = enough
    ? `Mean level ${mean} of 4 over your ${plural(counted.length, 'most recent graded answer')}${onSkill.length > counted.length ? ` (of ${onSkill.length})` : ''}: ${level} (${SKILL_LEVEL_LABELS[level!]}).`
    : `Not enough evidence: ${plural(counted.length, 'graded answer')} on this skill; ${settings.min_answers} needed.`;
  return {
    level,
    meanAnswerLevel: mean,
    answers: counted.length,
    totalAnswers: onSkill.length,
    enoughEvidence: enough,
    note,
    evidence: counted.map((a) => ({
      sessionId: a.sessionId,
      itemId: a.itemId,
      questionId: a.questionId,
      questionTitle: a.questionTitle,
      stage: a.stage,
      level: round2(a.level),
      grader: a.grader,
      provisional: a.status === 'provisional',
      gradedAt: a.gradedAt,
    })),
  };
}

export function disagreementOf(name: string, self: SkillLevel | null, d: Demonstrated, minGap: number): Disagreement | null {
  if (self === null || d.level === null) return null;
  const diff = self - d.level;
  if (Math.abs(diff) < minGap) return null;
  const answers = `your ${plural(d.answers, 'graded answer')} average ${d.meanAnswerLevel} of 4, which shows ${d.level} (${SKILL_LEVEL_LABELS[d.level]})`;
  return diff > 0
    ? {
        direction: 'self-higher',
        by: diff,
        message: `You rated ${name} ${self} (${SKILL_LEVEL_LABELS[self]}), but ${answers}. The gap is measured from your answers until they catch up.`,
      }
    : {
        direction: 'self-lower',
        by: -diff,
        message: `You rated ${name} ${self} (${SKILL_LEVEL_LABELS[self]}), but ${answers}: you may be underselling it, in your ratings and in interviews.`,
      };
}

/** Every skill's gap for the role, biggest gap first; skills at target, then unknown ones, after. */
export function computeGaps(input: GapInput): SkillGap[] {
  const order = new Map(input.skills.map((s, i) => [s.id, i]));
  const gaps = input.skills.map((s): SkillGap => {
    const target = input.role.skill_targets[s.id] as SkillLevel;
    const selfRating = input.selfRatings?.[s.id] ?? null;
    const demonstrated = demonstratedLevel(s.id, input.answers, input.evidence);
    const basis = demonstrated.level !== null ? 'demonstrated' : selfRating !== null ? 'self-rating' : 'none';
    const current = demonstrated.level ?? selfRating;
    const gap = current === null ? null : target - current;
    const status = gap === null ? 'unknown' : gap > 0 ? 'gap' : 'at-target';
    const from =
      basis === 'demonstrated'
        ? `your answers show ${current} (${demonstrated.answers} answers, mean ${demonstrated.meanAnswerLevel} of 4)`
        : basis === 'self-rating'
          ? `you rated yourself ${current}; ${demonstrated.note.charAt(0).toLowerCase()}${demonstrated.note.slice(1)}`
          : `no self-rating and ${demonstrated.note.charAt(0).toLowerCase()}${demonstrated.note.slice(1)}`;
    // `from` may end with a sentence of its own ("... 3 needed."): continue with a new sentence.
    const joined = from.endsWith('.') ? `${from} That is` : `${from}:`;
    const summary =
      status === 'unknown'
        ? `${input.role.name} needs ${target}; ${from}`
        : `${input.role.name} needs ${target}; ${joined} ${gap! > 0 ? `a gap of ${gap}.` : gap === 0 ? 'on target.' : 'above target.'}`;
    return {
      skill: s.id,
      name: s.name,
      target,
      selfRating,
      demonstrated,
      basis,
      current,
      gap,
      status,
      rank: null,
      disagreement: disagreementOf(s.name, selfRating, demonstrated, input.evidence.disagreement_min),
      summary: summary.replace(/\.\.$/, '.'),
    };
  });
  const statusOrder = { gap: 0, unknown: 1, 'at-target': 2 } as const;
  gaps.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      (b.gap ?? 0) - (a.gap ?? 0) ||
      // Equal gaps: the one the answers prove outranks the one only claimed, then the role's priority.
      (a.basis === 'demonstrated' ? 0 : 1) - (b.basis === 'demonstrated' ? 0 : 1) ||
      b.target - a.target ||
      order.get(a.skill)! - order.get(b.skill)!,
  );
  let rank = 0;
  for (const g of gaps) if (g.status === 'gap') g.rank = ++rank;
  return gaps;
}
