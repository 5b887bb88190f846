/**
 * The evidence behind every demonstrated level: a candidate's graded answers, each with the
 * question's skills and stage. Only current, final grades count (done, or provisional: an offline
 * stand-in for a failed model grade); pending and failed grades are not evidence.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Bank } from '../bank/load.ts';
import type { Stage } from '../bank/schema.ts';
import { grades, items, sessions } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { answerLevel } from '../grading/scoring.ts';
import type { CriterionGrade, GradeOutput } from '../grading/types.ts';

export interface GradedAnswer {
  sessionId: string;
  sessionRole: string;
  sessionMode: 'loop' | 'drill';
  sessionCreatedAt: number;
  itemId: string;
  stage: Stage;
  questionId: string;
  questionTitle: string;
  skills: string[];
  /** The answer's weighted level, 0-4. */
  level: number;
  grader: 'llm' | 'offline' | null;
  status: 'done' | 'provisional';
  gradedAt: number;
  criteria: CriterionGrade[];
}

/** The candidate's graded answers, oldest first. Answers to questions no longer in the bank are left out. */
export async function getGradedAnswers(deps: Pick<Deps, 'db' | 'bank'>, { candidateId }: { candidateId: string }): Promise<GradedAnswer[]> {
  const rows = await deps.db
    .select({ session: sessions, item: items, grade: grades })
    .from(grades)
    .innerJoin(items, eq(grades.itemId, items.id))
    .innerJoin(sessions, eq(grades.sessionId, sessions.id))
    .where(and(eq(sessions.candidateId, candidateId), eq(grades.current, true), inArray(grades.status, ['done', 'provisional'])))
    .orderBy(asc(grades.completedAt), asc(grades.updatedAt));
  return rows.flatMap(({ session, item, grade }) => toAnswer(deps.bank, session, item, grade));
}

function toAnswer(bank: Bank, session: typeof sessions.$inferSelect, item: typeof items.$inferSelect, grade: typeof grades.$inferSelect): GradedAnswer[] {
  const q = bank.byId.get(item.questionId);
  const out = grade.result as GradeOutput | null;
  if (!q || !out) return [];
  return [
    {
      sessionId: session.id,
      sessionRole: session.role,
      sessionMode: session.mode,
      sessionCreatedAt: session.createdAt,
      itemId: item.id,
      stage: item.stage as Stage,
      questionId: q.id,
      questionTitle: q.title,
      skills: q.skills,
      level: grade.level ?? answerLevel(q.rubric, out.criteria),
      grader: grade.grader,
      status: grade.status as 'done' | 'provisional',
      gradedAt: grade.completedAt ?? grade.updatedAt,
      criteria: out.criteria,
    },
  ];
}
