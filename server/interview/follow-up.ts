/**
 * Chooses the follow-up: after an answer, the offline grader's reading of it shows which rubric
 * criteria it left untouched or very weak; the interviewer probes the weightiest of those it has
 * not probed yet, at most twice per question (RUBRICS.md, "Follow-ups").
 */
import type { Criterion, Question } from '../bank/schema.ts';
import { gradeOffline } from '../grading/offline-grader.ts';

export const MAX_FOLLOW_UPS = 2;

export function pickFollowUp(
  question: Question,
  answers: string,
  code: string | undefined,
  alreadyProbed: Set<string>,
): Criterion | undefined {
  const grade = gradeOffline({ question, answer: answers, code });
  const candidates = question.rubric
    .filter((c) => c.source === 'concepts' && !alreadyProbed.has(c.id))
    .map((c) => ({ c, score: grade.criteria.find((g) => g.criterionId === c.id)?.score ?? null }))
    .filter(({ score }) => score === null || score <= 1)
    .sort((a, b) => b.c.weight - a.c.weight || (a.score ?? -1) - (b.score ?? -1));
  return candidates[0]?.c;
}
