/**
 * The gap report for a candidate and a role: every skill's gap with its evidence, the top gaps
 * with concrete suggestions, the role's flagship side project, the weakest rubric criteria and
 * stage levels from recent answers, and the scale that turns answers into skill levels.
 */
import type { Bank } from '../bank/load.ts';
import type { Role, Stage } from '../bank/schema.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { round2 } from '../grading/scoring.ts';
import { getSeenQuestions } from '../interview/queries.ts';
import { getGradedAnswers, type GradedAnswer } from './evidence.ts';
import { computeGaps } from './gaps.ts';
import type { Career } from './load.ts';
import { getLatestSelfAssessment, type SelfAssessment } from './self-assessment.ts';
import { describeSkillScale, SKILL_SCALE } from './skill-scale.ts';
import { flagshipProject, suggestionFor } from './suggestions.ts';

/** How many weakest criteria the report lists. */
export const WEAKEST_LISTED = 5;
/** A criterion scored below this (on 0-4) is weak: below "strong". */
export const WEAK_BELOW = 3;

export interface WeakCriterion {
  questionId: string;
  questionTitle: string;
  stage: Stage;
  skills: string[];
  criterionId: string;
  criterionName: string;
  /** Null: insufficient evidence (the answer never touched it); it counts as 0 here. */
  score: number | null;
  weight: number;
  /** weight * (4 - score): how much the criterion cost the answer. */
  deficit: number;
  tip: string;
  sessionId: string;
  itemId: string;
}

/** The weakest criteria in the candidate's most recent graded answers, costliest first. */
export function weakestCriteria(bank: Bank, answers: GradedAnswer[], window: number): WeakCriterion[] {
  const recent = [...answers].sort((a, b) => b.gradedAt - a.gradedAt).slice(0, window);
  const out: WeakCriterion[] = [];
  for (const a of recent) {
    const q = bank.byId.get(a.questionId);
    if (!q) continue;
    for (const c of q.rubric) {
      const score = a.criteria.find((x) => x.criterionId === c.id)?.score ?? null;
      if ((score ?? 0) >= WEAK_BELOW) continue;
      out.push({
        questionId: q.id,
        questionTitle: q.title,
        stage: q.stage,
        skills: q.skills,
        criterionId: c.id,
        criterionName: c.name,
        score,
        weight: c.weight,
        deficit: c.weight * (4 - (score ?? 0)),
        tip: c.tip,
        sessionId: a.sessionId,
        itemId: a.itemId,
      });
    }
  }
  return out.sort((x, y) => y.deficit - x.deficit);
}

/** Mean level per stage over each stage's most recent answers (the same window as skills). */
export function stageLevels(bank: Bank, answers: GradedAnswer[], recent: number) {
  return bank.manifest.stages.map((s) => {
    const onStage = answers.filter((a) => a.stage === s.id).sort((a, b) => b.gradedAt - a.gradedAt).slice(0, recent);
    return {
      stage: s.id,
      name: s.name,
      answers: onStage.length,
      level: onStage.length ? round2(onStage.reduce((t, a) => t + a.level, 0) / onStage.length) : null,
    };
  });
}

/** The role to report on: the one asked for, else the candidate's first target role. */
export function resolveRole(bank: Bank, roleId: string | undefined, assessment: SelfAssessment | null): Role {
  const id = roleId ?? assessment?.targetRoles[0];
  if (!id) throw new AppError('invalid', 'Choose a role: pass "role", or pick target roles in your self-assessment first.', 'role');
  const role = bank.roles.find((r) => r.id === id);
  if (!role) throw new AppError('invalid', `Unknown role "${id}". Known roles: ${bank.roles.map((r) => r.id).join(', ')}.`, 'role');
  return role;
}

export interface GapContext {
  role: Role;
  assessment: SelfAssessment | null;
  answers: GradedAnswer[];
  gaps: ReturnType<typeof computeGaps>;
}

/** Loads what a gap needs and computes it (shared by the report, the drill and the plan). */
export async function loadGaps(deps: Deps, career: Career, { candidateId, role }: { candidateId: string; role?: string }): Promise<GapContext> {
  const [assessment, answers] = await Promise.all([getLatestSelfAssessment(deps.db, { candidateId }), getGradedAnswers(deps, { candidateId })]);
  const resolved = resolveRole(deps.bank, role, assessment);
  const gaps = computeGaps({ role: resolved, skills: deps.bank.skills, selfRatings: assessment?.ratings ?? null, answers, evidence: career.evidence });
  return { role: resolved, assessment, answers, gaps };
}

export async function buildGapReport(deps: Deps, career: Career, input: { candidateId: string; role?: string }) {
  const ctx = await loadGaps(deps, career, input);
  const seen = await getSeenQuestions(deps.db, { candidateId: input.candidateId });
  const top = ctx.gaps.filter((g) => g.status === 'gap').slice(0, career.plan.courses);
  const unknown = ctx.gaps.filter((g) => g.status === 'unknown').length;
  // What to do when there is nothing to suggest yet, said plainly.
  const note =
    top.length > 0
      ? null
      : unknown > 0
        ? `${unknown} of ${ctx.gaps.length} skills have neither a self-rating nor ${career.evidence.min_answers} graded answers: rate your skills, or run a loop, to see your gaps.`
        : `No gap against ${ctx.role.name} from what your ratings and answers show: keep it up with drills and mock loops, and start applying.`;
  return {
    candidateId: input.candidateId,
    role: { id: ctx.role.id, name: ctx.role.name, summary: ctx.role.summary },
    generatedAt: deps.clock(),
    selfAssessment: ctx.assessment ? { id: ctx.assessment.id, createdAt: ctx.assessment.createdAt } : null,
    scale: {
      description: describeSkillScale(),
      levels: SKILL_SCALE,
      minAnswers: career.evidence.min_answers,
      recentAnswers: career.evidence.recent_answers,
      disagreementMin: career.evidence.disagreement_min,
    },
    gradedAnswers: ctx.answers.length,
    skills: ctx.gaps,
    topGaps: top.map((g) => g.skill),
    note,
    disagreements: ctx.gaps.filter((g) => g.disagreement).map((g) => ({ skill: g.skill, name: g.name, ...g.disagreement! })),
    suggestions: top.map((g) => suggestionFor(deps.bank, career, g, ctx.role, seen)),
    flagshipProject: flagshipProject(career, ctx.role),
    stages: stageLevels(deps.bank, ctx.answers, career.evidence.recent_answers),
    weakestCriteria: weakestCriteria(deps.bank, ctx.answers, career.evidence.weak_criteria_window).slice(0, WEAKEST_LISTED),
  };
}
