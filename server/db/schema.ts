/**
 * The database schema (drizzle over libSQL). Everything that matters lives here, not in memory:
 * sessions, their planned questions, the transcript, code runs and grade jobs, so a restart (or
 * a second server on the same libSQL database) picks up exactly where the last one stopped.
 */
import { sqliteTable, text, integer, real, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    role: text('role').notNull(),
    mode: text('mode', { enum: ['loop', 'drill'] }).notNull(),
    /** Drills: the one stage drilled. */
    drillStage: text('drill_stage'),
    difficulty: text('difficulty', { enum: ['easy', 'medium', 'hard'] }).notNull(),
    status: text('status', { enum: ['active', 'finished'] }).notNull(),
    /** When feedback is shown: after each answer, or at the end of each stage. */
    feedback: text('feedback', { enum: ['answer', 'stage'] }).notNull(),
    bankVersion: text('bank_version').notNull(),
    /** Set when the session was tailored to an analysed job description. */
    jobAnalysisId: text('job_analysis_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('sessions_candidate_idx').on(t.candidateId, t.createdAt)],
);

/** One planned question of a session, in loop order. */
export const items = sqliteTable(
  'items',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    stage: text('stage').notNull(),
    questionId: text('question_id').notNull(),
    questionRevision: integer('question_revision').notNull(),
    status: text('status', { enum: ['pending', 'asked', 'complete'] }).notNull(),
    followUpsAsked: integer('follow_ups_asked').notNull().default(0),
    /** The criterion whose follow-up the interviewer asks next, decided when the answer arrived. */
    pendingFollowUp: text('pending_follow_up'),
    askedAt: integer('asked_at'),
    completedAt: integer('completed_at'),
  },
  (t) => [uniqueIndex('items_session_position_uq').on(t.sessionId, t.position)],
);

/** The transcript: what the interviewer said and what the candidate answered, in order. */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => items.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    author: text('author', { enum: ['interviewer', 'candidate'] }).notNull(),
    kind: text('kind', { enum: ['question', 'follow_up', 'answer', 'closing'] }).notNull(),
    /** Follow-ups: the rubric criterion the follow-up probes. */
    criterionId: text('criterion_id'),
    text: text('text').notNull(),
    code: text('code'),
    /** Interviewer messages: who wrote the words (the bank verbatim, or a model). */
    source: text('source', { enum: ['bank', 'llm', 'candidate'] }).notNull(),
    model: text('model'),
    promptRef: text('prompt_ref'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('messages_session_seq_uq').on(t.sessionId, t.seq)],
);

/** Every Run and Submit of candidate code, with the runner's result. */
export const codeRuns = sqliteTable(
  'code_runs',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull().references(() => items.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ['run', 'submit'] }).notNull(),
    language: text('language', { enum: ['python', 'sql'] }).notNull(),
    code: text('code').notNull(),
    /** The RunResult as JSON; null while the run is in progress (or if the runner crashed). */
    result: text('result', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('code_runs_item_idx').on(t.itemId, t.createdAt)],
);

/**
 * A grade job for one answered question. Re-grading adds a new attempt; `current` marks the one
 * shown. A job is claimed with a lease, so a crashed server's jobs are picked up again.
 */
export const grades = sqliteTable(
  'grades',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull().references(() => items.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    current: integer('current', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['pending', 'done', 'failed', 'provisional'] }).notNull(),
    grader: text('grader', { enum: ['llm', 'offline'] }),
    model: text('model'),
    promptRef: text('prompt_ref'),
    bankVersion: text('bank_version').notNull(),
    questionRevision: integer('question_revision').notNull(),
    /** The GradeOutput as JSON. */
    result: text('result', { mode: 'json' }),
    /** Weighted average level 0-4 of the criteria. */
    level: real('level'),
    /** Why the model grade failed (kept for provisional and failed grades). */
    error: text('error'),
    tries: integer('tries').notNull().default(0),
    claimedBy: text('claimed_by'),
    leaseUntil: integer('lease_until'),
    notBefore: integer('not_before').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [
    uniqueIndex('grades_item_attempt_uq').on(t.itemId, t.attempt),
    index('grades_status_idx').on(t.status, t.notBefore),
    index('grades_session_idx').on(t.sessionId),
  ],
);

/** The interviewer's written summary of a stage (or of the whole loop, stage = 'loop'). */
export const summaries = sqliteTable(
  'summaries',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    text: text('text').notNull(),
    grader: text('grader', { enum: ['llm', 'offline'] }).notNull(),
    model: text('model'),
    promptRef: text('prompt_ref'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('summaries_session_stage_uq').on(t.sessionId, t.stage)],
);

/** A candidate's self-assessment of the eight skills and target roles; every save is kept (history). */
export const selfAssessments = sqliteTable(
  'self_assessments',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    /** Skill id -> 1 (beginner), 2 (experienced) or 3 (very experienced). */
    ratings: text('ratings', { mode: 'json' }).notNull(),
    targetRoles: text('target_roles', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('self_assessments_candidate_idx').on(t.candidateId, t.createdAt)],
);

/** A pasted job description and what it really is: the offline analysis, and the model's beside it. */
export const jobAnalyses = sqliteTable(
  'job_analyses',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    postedTitle: text('posted_title'),
    text: text('text').notNull(),
    offline: text('offline', { mode: 'json' }).notNull(),
    llm: text('llm', { mode: 'json' }),
    llmError: text('llm_error'),
    model: text('model'),
    promptRef: text('prompt_ref'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('job_analyses_candidate_idx').on(t.candidateId, t.createdAt)],
);

/** A learning plan (3 or 6 months) built from the gaps; the candidate edits its milestones. */
export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    horizonMonths: integer('horizon_months').notNull(),
    targetRole: text('target_role').notNull(),
    milestones: text('milestones', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('plans_candidate_idx').on(t.candidateId, t.updatedAt)],
);
