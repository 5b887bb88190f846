/**
 * "Drill my weakest": one click, one drill aimed at what the evidence says is weakest.
 * - The stage: the role's stage with the lowest mean level over recent answers; with no graded
 *   answers yet, the drill stage suggested for the top gap (career.yaml).
 * - The skills: the top gaps first, then the skills of the questions behind the costliest weak
 *   criteria; questions exercising more of them are picked first (select.ts).
 * - No repeats: only questions the candidate has never been given; when the stage has none left,
 *   the next weakest stage with unseen questions is drilled instead, and the answer says so.
 */
import { STAGES, type Difficulty, type Stage } from '../bank/schema.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_DRILL_QUESTIONS, createSession } from '../interview/create-session.ts';
import { getItemsOfSession, getSeenQuestions } from '../interview/queries.ts';
import { loadGaps, stageLevels, weakestCriteria, WEAKEST_LISTED, type WeakCriterion } from './gap-report.ts';
import type { Career } from './load.ts';

/** How many skills steer the drill's question choice. */
export const DRILL_FOCUS_SKILLS = 3;

export interface DrillWeakestInput {
  candidateId: string;
  role?: string;
  questionCount?: number;
  difficulty: Difficulty;
  feedback: 'answer' | 'stage';
}

interface FocusSkill {
  skill: string;
  name: string;
  reason: string;
}

export async function drillWeakest(deps: Deps, career: Career, input: DrillWeakestInput) {
  const { role, gaps, answers } = await loadGaps(deps, career, input);
  const weak = weakestCriteria(deps.bank, answers, career.evidence.weak_criteria_window);
  const skillName = (id: string) => deps.bank.skills.find((s) => s.id === id)?.name ?? id;

  // Skills: ranked gaps, then the skills of the costliest weak criteria.
  const focus: FocusSkill[] = [];
  for (const g of gaps.filter((x) => x.status === 'gap')) focus.push({ skill: g.skill, name: g.name, reason: `Gap ${g.gap}: ${g.summary}` });
  for (const w of weak)
    for (const s of w.skills)
      if (!focus.some((f) => f.skill === s))
        focus.push({ skill: s, name: skillName(s), reason: `Weak criterion "${w.criterionName}" (score ${w.score ?? 'insufficient evidence'}) in "${w.questionTitle}".` });
  const focusSkills = focus.slice(0, DRILL_FOCUS_SKILLS);

  // Stages, weakest first: by recent level where answered; unanswered stages after, the top
  // gap's suggested drill stage first among them.
  const levels = stageLevels(deps.bank, answers, career.evidence.recent_answers).filter((s) => (role.stage_weights[s.stage] ?? 0) > 0);
  const suggested = focusSkills[0] ? career.suggestions[focusSkills[0].skill]!.drill.stage : undefined;
  const ranked = [...levels].sort(
    (a, b) =>
      (a.level === null ? 1 : 0) - (b.level === null ? 1 : 0) ||
      (a.level ?? 0) - (b.level ?? 0) ||
      (a.stage === suggested ? 0 : 1) - (b.stage === suggested ? 0 : 1) ||
      (role.stage_weights[b.stage] ?? 0) - (role.stage_weights[a.stage] ?? 0) ||
      STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
  );

  const seen = await getSeenQuestions(deps.db, { candidateId: input.candidateId });
  const unseenIn = (stage: Stage) => deps.bank.questions.filter((q) => q.stage === stage && !seen.has(q.id)).length;
  const choice = ranked.find((s) => unseenIn(s.stage) > 0);
  if (!choice)
    throw new AppError('conflict', `You have already been given every question in the stages a ${role.name} loop covers; a new drill would repeat questions.`);
  const weakest = ranked[0]!;
  const stageReason =
    choice.level !== null
      ? `${choice.name} is your weakest stage: mean level ${choice.level} of 4 over your ${choice.answers} most recent answers.`
      : answers.length === 0
        ? `No graded answers yet, so the drill follows your top gap${suggested === choice.stage ? `: ${choice.name} is where ${focusSkills[0]!.name.toLowerCase()} is drilled` : ''}.`
        : `${choice.name} has no graded answers yet.`;
  const movedOn =
    choice.stage !== weakest.stage ? ` (${weakest.name} would come first, but you have been given every question it has.)` : '';

  const count = Math.min(input.questionCount ?? DEFAULT_DRILL_QUESTIONS, unseenIn(choice.stage));
  const { id } = await createSession(deps, {
    candidateId: input.candidateId,
    role: role.id,
    mode: 'drill',
    stage: choice.stage,
    difficulty: input.difficulty,
    questionCount: count,
    feedback: input.feedback,
    focusSkills: focusSkills.map((f) => f.skill),
  });

  const weakIds = new Set(weak.map((w) => w.criterionId));
  const planned = await getItemsOfSession(deps.db, { sessionId: id });
  const weakList: WeakCriterion[] = weak.slice(0, WEAKEST_LISTED);
  return {
    sessionId: id,
    aim: {
      role: role.id,
      stage: choice.stage,
      stageName: choice.name,
      stageReason: stageReason + movedOn,
      skills: focusSkills,
      weakestCriteria: weakList,
      // What each planned question aims at; the question itself stays hidden until it is asked.
      questions: planned.map((item) => {
        const q = deps.bank.byId.get(item.questionId)!;
        return {
          itemId: item.id,
          position: item.position,
          focusSkills: q.skills.filter((s) => focusSkills.some((f) => f.skill === s)),
          weakCriteria: q.rubric.filter((c) => weakIds.has(c.id)).map((c) => c.name),
          seenBefore: seen.has(q.id),
        };
      }),
    },
  };
}
