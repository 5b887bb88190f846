/**
 * The shape of the question bank (question-bank/), validated with zod at load.
 * Stages and the score scale are structural (the engine depends on them), so they live here;
 * roles and skills are data (question-bank/roles.yaml, skills.yaml) and questions are
 * cross-checked against them by the loader.
 */
import { z } from 'zod';

export const STAGES = ['recruiter-screen', 'ml-theory', 'coding', 'case-study', 'behavioral'] as const;
export type Stage = (typeof STAGES)[number];
export const StageSchema = z.enum(STAGES);

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const DifficultySchema = z.enum(DIFFICULTIES);

/** Every criterion is scored on this scale; anchors describe each level. */
export const SCORE_LEVELS = [0, 1, 2, 3, 4] as const;
export const MAX_SCORE = 4;

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');

/** A thing a strong answer covers; any one of `terms` (synonyms, phrases) counts as covering it. */
export const ConceptSchema = z.strictObject({
  label: text,
  // YAML reads `terms: [7, 30]` as numbers; they are phrases like any other.
  terms: z.array(z.union([text, z.number().transform(String)])).min(1).max(20),
});
export type Concept = z.infer<typeof ConceptSchema>;

const AnchorsSchema = z.strictObject({ 0: text, 1: text, 2: text, 3: text, 4: text });

/**
 * One rubric criterion. `source: concepts` (default) is scored by the grader from what the answer
 * says; `source: tests` (coding only) is scored from the hidden tests' pass rate.
 */
export const CriterionSchema = z
  .strictObject({
    id,
    name: text,
    weight: z.number().int().min(1).max(5),
    source: z.enum(['concepts', 'tests']).default('concepts'),
    anchors: AnchorsSchema,
    concepts: z.array(ConceptSchema).max(8).default([]),
    /** Asked when the answer misses this criterion's concepts. Probes; never gives the answer away. */
    follow_up: text,
    /** A concrete next step shown when this criterion scores low. */
    tip: text,
  })
  .superRefine((c, ctx) => {
    if (c.source === 'concepts' && c.concepts.length === 0)
      ctx.addIssue({ code: 'custom', path: ['concepts'], message: 'a concepts-scored criterion needs at least one concept' });
  });
export type Criterion = z.infer<typeof CriterionSchema>;

const json: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]),
);

/** One call of the candidate's function: `expected` is the return value, or `raises` an exception class name. */
export const PythonCaseSchema = z
  .strictObject({
    args: z.array(json),
    expected: json.optional(),
    raises: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an exception class name such as ValueError').optional(),
    note: z.string().optional(),
  })
  .refine((c) => (c.expected === undefined) !== (c.raises === undefined), {
    message: 'a case needs exactly one of expected or raises',
  });
export type PythonCase = z.infer<typeof PythonCaseSchema>;

// SQLite has no booleans (and binding one crashes the libsql driver): true/false become 1/0.
const sqlValue = z.union([z.string(), z.number(), z.boolean().transform((b) => (b ? 1 : 0)), z.null()]);
export const SqlCaseSchema = z.strictObject({
  note: z.string().optional(),
  /** Rows per table, as objects keyed by column name. Tables missing here stay empty. */
  seed: z.record(z.string(), z.array(z.record(z.string(), sqlValue))),
  expected: z.strictObject({ columns: z.array(z.string()).min(1), rows: z.array(z.array(sqlValue)) }),
});
export type SqlCase = z.infer<typeof SqlCaseSchema>;

export const PythonCodingSchema = z.strictObject({
  language: z.literal('python'),
  function: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Python identifier'),
  starter: text,
  reference: text,
  /** A plausible but wrong solution: the bank self-check proves the tests catch it. */
  wrong: text,
  tolerance: z.number().min(0).default(1e-6),
  examples: z.array(PythonCaseSchema).min(1),
  tests: z.array(PythonCaseSchema).min(6, 'needs at least 6 hidden tests'),
});

export const SqlCodingSchema = z.strictObject({
  language: z.literal('sql'),
  schema: text,
  starter: text,
  reference: text,
  wrong: text,
  order_matters: z.boolean().default(false),
  tolerance: z.number().min(0).default(1e-6),
  examples: z.array(SqlCaseSchema).min(1),
  tests: z.array(SqlCaseSchema).min(6, 'needs at least 6 hidden tests'),
});

export const CodingSchema = z.discriminatedUnion('language', [PythonCodingSchema, SqlCodingSchema]);
export type Coding = z.infer<typeof CodingSchema>;
export type PythonCoding = z.infer<typeof PythonCodingSchema>;
export type SqlCoding = z.infer<typeof SqlCodingSchema>;

export const QuestionSchema = z
  .strictObject({
    id,
    revision: z.number().int().min(1),
    stage: StageSchema,
    title: text,
    difficulty: DifficultySchema,
    roles: z.array(id).min(1),
    skills: z.array(id).min(1),
    /** What the interviewer asks (Markdown). */
    prompt: text,
    /** Set when the question plants a flawed premise on purpose: says what a candidate should notice. */
    flawed_premise: text.optional(),
    minutes: z.number().int().min(1).max(60),
    rubric: z.array(CriterionSchema).min(3).max(6),
    /** The points a strong answer covers, shown as feedback after grading. */
    strong_answer: z.array(text).min(3).max(10),
    coding: CodingSchema.optional(),
  })
  .superRefine((q, ctx) => {
    const ids = new Set<string>();
    q.rubric.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['rubric', i, 'id'], message: `duplicate criterion id "${c.id}"` });
      ids.add(c.id);
    });
    if (q.stage === 'coding' && !q.coding)
      ctx.addIssue({ code: 'custom', path: ['coding'], message: 'a coding question needs a coding section' });
    if (q.stage !== 'coding' && q.coding)
      ctx.addIssue({ code: 'custom', path: ['coding'], message: 'only coding questions have a coding section' });
    const testCriteria = q.rubric.filter((c) => c.source === 'tests').length;
    if (q.stage === 'coding' && testCriteria !== 1)
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: 'a coding question needs exactly one criterion with source: tests' });
    if (q.stage !== 'coding' && testCriteria > 0)
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: 'source: tests is only for coding questions' });
  });
export type Question = z.infer<typeof QuestionSchema>;

export const StageInfoSchema = z.strictObject({
  id: StageSchema,
  name: text,
  description: text,
  /** The stage's time budget in a loop, in minutes. */
  minutes: z.number().int().min(5).max(120),
});

export const BankManifestSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must look like 1.2.3'),
  name: text,
  stages: z.array(StageInfoSchema).length(STAGES.length),
});
export type BankManifest = z.infer<typeof BankManifestSchema>;

const skillLevel = z.number().int().min(1).max(3);

export const RoleSchema = z.strictObject({
  id,
  name: text,
  summary: text,
  /** The level (1 beginner, 2 experienced, 3 very experienced) the role expects for each skill. */
  skill_targets: z.record(id, skillLevel),
  /** Relative weight of each stage in this role's loop (0 leaves the stage out of a full loop). */
  stage_weights: z.record(StageSchema, z.number().min(0).max(5)),
  /** Phrases in a job description that signal this role, with how strongly. */
  jd_phrases: z.array(z.strictObject({ phrase: text, weight: z.number().min(0.1).max(5) })).min(5),
});
export type Role = z.infer<typeof RoleSchema>;

export const RolesFileSchema = z.strictObject({ roles: z.array(RoleSchema).min(1) });

export const SkillSchema = z.strictObject({
  id,
  name: text,
  description: text,
  /** What each self-rating level means for this skill. */
  levels: z.strictObject({ 1: text, 2: text, 3: text }),
});
export type Skill = z.infer<typeof SkillSchema>;

export const SkillsFileSchema = z.strictObject({ skills: z.array(SkillSchema).length(8, 'the skills matrix has exactly 8 skills') });
