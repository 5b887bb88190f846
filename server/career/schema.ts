/**
 * The shape of question-bank/career.yaml, validated with zod at load: the curated data behind
 * the gap report (evidence thresholds), the job-description analysis (classifier knobs, title
 * patterns, skill, stage and overlooked-ask phrases), the suggestions and the learning plan.
 */
import { z } from 'zod';
import { STAGES } from '../bank/schema.ts';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
const week = z.number().int().min(1).max(52);
const weeks = z.array(week).min(1);

export const WeightedPhraseSchema = z.strictObject({ phrase: text, weight: z.number().min(0.1).max(5) });
export type WeightedPhrase = z.infer<typeof WeightedPhraseSchema>;

const EvidenceSchema = z.strictObject({
  min_answers: z.number().int().min(1).max(20),
  recent_answers: z.number().int().min(1).max(100),
  weak_criteria_window: z.number().int().min(1).max(200),
  disagreement_min: z.number().int().min(1).max(2),
  trend_min_change: z.number().gt(0).max(4),
});

const ClassifierSchema = z
  .strictObject({
    nice_to_have_factor: z.number().min(0).max(1),
    nice_to_have_markers: z.array(text).min(1),
    confidence: z.strictObject({ high: z.number().gt(0).max(1), medium: z.number().gt(0).max(1) }),
    min_score: z.number().min(0),
    low_confidence_title_share: z.number().min(0).max(1),
    stage_boost_min: z.number().gt(0),
  })
  .refine((c) => c.confidence.medium < c.confidence.high, { path: ['confidence', 'medium'], message: 'must be below confidence.high' });

const StepSchema = z.strictObject({ week, title: text });

export const ProjectSchema = z.strictObject({
  id,
  name: text,
  summary: text,
  roles: z.array(id).min(1),
  skills: z.array(id).min(1),
  steps: z.array(StepSchema).min(2).max(8),
});
export type Project = z.infer<typeof ProjectSchema>;

export const StudyItemSchema = z.strictObject({ title: text, kind: z.enum(['course', 'book']), focus: text });
export type StudyItem = z.infer<typeof StudyItemSchema>;

export const SkillSuggestionSchema = z.strictObject({
  study: z.array(StudyItemSchema).min(2).max(6),
  drill: z.strictObject({ stage: z.enum(STAGES), topics: z.array(text).min(2).max(8) }),
  projects: z.array(id).min(1),
});
export type SkillSuggestion = z.infer<typeof SkillSuggestionSchema>;

export const OverlookedAskSchema = z.strictObject({
  id,
  name: text,
  phrases: z.array(text).min(2),
  why: text,
  how_to_show: text,
  /** A senior title implies this ask even when the posting does not say it. */
  senior_expected: z.boolean().default(false),
});
export type OverlookedAsk = z.infer<typeof OverlookedAskSchema>;

const PlanSchema = z
  .strictObject({
    courses: z.number().int().min(1).max(6),
    course_weeks: weeks,
    drill_weeks: weeks,
    mock_loop_weeks: weeks,
    three_month_check_week: week,
    applications_per_day: z.number().int().min(1).max(30),
    application_weeks: weeks,
    outreach_per_week: z.number().int().min(1).max(50),
    outreach_weeks: weeks,
    six_month_review_week: week,
  })
  .superRefine((p, ctx) => {
    if (p.course_weeks.length !== p.courses)
      ctx.addIssue({ code: 'custom', path: ['course_weeks'], message: `needs one week per course (${p.courses})` });
    const learnEnd = p.three_month_check_week;
    for (const [key, list] of [['course_weeks', p.course_weeks], ['drill_weeks', p.drill_weeks], ['mock_loop_weeks', p.mock_loop_weeks]] as const)
      list.forEach((w, i) => {
        if (w > learnEnd) ctx.addIssue({ code: 'custom', path: [key, i], message: `week ${w} is after the three-month check (week ${learnEnd})` });
      });
    for (const [key, list] of [['application_weeks', p.application_weeks], ['outreach_weeks', p.outreach_weeks]] as const)
      list.forEach((w, i) => {
        if (w <= learnEnd || w > p.six_month_review_week)
          ctx.addIssue({ code: 'custom', path: [key, i], message: `week ${w} must fall after the three-month check and by the six-month review` });
      });
  });
export type PlanSettings = z.infer<typeof PlanSchema>;

export const CareerFileSchema = z.strictObject({
  version: z.number().int().min(1),
  evidence: EvidenceSchema,
  classifier: ClassifierSchema,
  titles: z.array(z.strictObject({ role: id, patterns: z.array(text).min(1) })).min(1),
  skill_phrases: z.record(id, z.array(WeightedPhraseSchema).min(1)),
  stage_phrases: z.record(z.enum(STAGES), z.array(WeightedPhraseSchema)),
  overlooked_asks: z.array(OverlookedAskSchema).min(1),
  projects: z.array(ProjectSchema).min(1),
  role_projects: z.record(id, id),
  suggestions: z.record(id, SkillSuggestionSchema),
  plan: PlanSchema,
});
export type CareerData = z.infer<typeof CareerFileSchema>;
