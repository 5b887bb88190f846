/**
 * Plans and stores a new session: a full loop (the five stages in order, question counts from
 * the role's stage weights) or a drill (one stage, N questions).
 */
import { STAGES, type Difficulty, type Stage } from '../bank/schema.ts';
import type { Deps } from '../deps.ts';
import { items, sessions } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getSeenQuestions } from './queries.ts';
import { loopQuestionCount, selectQuestions } from './select.ts';

export interface CreateSessionInput {
  candidateId: string;
  role: string;
  mode: 'loop' | 'drill';
  stage?: Stage;
  difficulty: Difficulty;
  questionCount?: number;
  feedback: 'answer' | 'stage';
  /** Drills aimed at gaps: prefer questions on these skills. */
  focusSkills?: string[];
  /** Tailored sessions: stage weights from an analysed job description instead of the role's. */
  stageWeights?: Partial<Record<Stage, number>>;
  jobAnalysisId?: string;
}

export const DEFAULT_DRILL_QUESTIONS = 3;

export async function createSession(deps: Deps, input: CreateSessionInput): Promise<{ id: string }> {
  const role = deps.bank.roles.find((r) => r.id === input.role);
  if (!role) throw new AppError('invalid', `Unknown role "${input.role}". Known roles: ${deps.bank.roles.map((r) => r.id).join(', ')}.`, 'role');
  if (input.mode === 'drill' && !input.stage) throw new AppError('invalid', 'A drill needs the stage to drill.', 'stage');
  if (input.mode === 'loop' && input.stage) throw new AppError('invalid', 'A full loop covers every stage; leave out "stage" or use mode "drill".', 'stage');

  const weights = { ...role.stage_weights, ...input.stageWeights };
  const plan: Array<{ stage: Stage; count: number }> =
    input.mode === 'drill'
      ? [{ stage: input.stage!, count: input.questionCount ?? DEFAULT_DRILL_QUESTIONS }]
      : STAGES.map((stage) => ({ stage, count: input.questionCount ?? loopQuestionCount(weights[stage] ?? 0) }));

  const seen = await getSeenQuestions(deps.db, { candidateId: input.candidateId });
  const picked = new Set<string>();
  const planned: Array<{ stage: Stage; questionId: string; revision: number }> = [];
  for (const { stage, count } of plan) {
    if (count === 0) continue;
    const chosen = selectQuestions({
      bank: deps.bank,
      stage,
      role: role.id,
      difficulty: input.difficulty,
      count,
      seen,
      exclude: picked,
      focusSkills: input.focusSkills,
      random: deps.random,
    });
    for (const q of chosen) {
      picked.add(q.id);
      planned.push({ stage, questionId: q.id, revision: q.revision });
    }
  }
  if (planned.length === 0) throw new AppError('invalid', 'The bank has no questions for this stage.', 'stage');

  const now = deps.clock();
  const id = deps.ids();
  await deps.db.batch([
    deps.db.insert(sessions).values({
      id,
      candidateId: input.candidateId,
      role: role.id,
      mode: input.mode,
      drillStage: input.mode === 'drill' ? input.stage! : null,
      difficulty: input.difficulty,
      status: 'active',
      feedback: input.feedback,
      bankVersion: deps.bank.version,
      jobAnalysisId: input.jobAnalysisId ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    deps.db.insert(items).values(
      planned.map((p, position) => ({
        id: deps.ids(),
        sessionId: id,
        position,
        stage: p.stage,
        questionId: p.questionId,
        questionRevision: p.revision,
        status: 'pending' as const,
      })),
    ),
  ]);
  return { id };
}
