/** What a grader produces for one answer, whichever grader (model or offline) made it. */
import { z } from 'zod';
import { MAX_SCORE } from '../bank/schema.ts';

export const GRADERS = ['llm', 'offline'] as const;
export type GraderKind = (typeof GRADERS)[number];

export const CriterionGradeSchema = z.object({
  criterionId: z.string(),
  /** 0..4 on the criterion's anchored scale; null = insufficient evidence (the answer never touched it). */
  score: z.number().int().min(0).max(MAX_SCORE).nullable(),
  /** Exact quotes from the candidate's answer (or code) that support the score. */
  evidence: z.array(z.string()),
  /** Labels of the concepts a strong answer covers that this one did not. */
  missing: z.array(z.string()),
  /** One or two sentences: why this level, in terms of the anchor. */
  rationale: z.string(),
});
export type CriterionGrade = z.infer<typeof CriterionGradeSchema>;

/** Things the checks noticed about a grade; shown beside it so a candidate knows how far to trust it. */
export const GRADE_FLAGS = [
  'evidence_dropped', // a quoted piece of evidence was not in the answer and was removed
  'score_clamped', // a score outside the scale was clamped
  'unsupported_score', // a score above 0 with no evidence left was downgraded to insufficient evidence
  'criteria_repaired', // the model missed or invented criteria; missing ones became insufficient evidence
  'keyword_stuffing', // the answer lists terms without reasoning; coverage was discounted
  'offline_fallback', // the model failed; this grade is the offline grader's, provisional
  'injection_suspected', // the answer addresses the grader ("ignore the rubric", fake scores); that text earned nothing
] as const;
export type GradeFlag = (typeof GRADE_FLAGS)[number];

export interface GradeOutput {
  criteria: CriterionGrade[];
  /** A short paragraph for the candidate: what worked and what did not, tied to criteria. */
  feedback: string;
  /** One concrete next step. */
  nextStep: string;
  flags: GradeFlag[];
}

/** The hidden-test outcome a coding grade draws its correctness criterion from. */
export interface TestOutcome {
  passed: number;
  total: number;
  status: string;
}
