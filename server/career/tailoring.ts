/**
 * A session tailored to an analysed posting: a full loop for the posting's role, with one more
 * unit of weight (so usually one more question) on each stage the posting stresses, and
 * questions on the skills it stresses first. Every change is listed with the phrases behind it.
 */
import type { Difficulty, Role, Stage } from '../bank/schema.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { createSession } from '../interview/create-session.ts';
import type { OfflineAnalysis } from './classifier.ts';
import { decidedRole, offlineOf, type JobAnalysisRow } from './job-analysis.ts';

/** How many of the posting's most stressed skills steer question choice. */
export const TAILORED_FOCUS_SKILLS = 3;
const MAX_STAGE_WEIGHT = 5;

export interface TailoredStage {
  stage: Stage;
  name: string;
  roleWeight: number;
  weight: number;
  /** Why it changed (the phrases that stress it), or null when it did not. */
  reason: string | null;
}

/** The role's stage weights, plus one (capped at 5) on each stage the posting stresses. */
export function tailoredStageWeights(role: Role, offline: OfflineAnalysis): TailoredStage[] {
  return offline.stages.map((s) => {
    const roleWeight = role.stage_weights[s.stage] ?? 0;
    // A stage the role leaves out stays out: the posting's phrases tilt a loop, they do not redraw it.
    const weight = s.stressed && roleWeight > 0 ? Math.min(MAX_STAGE_WEIGHT, roleWeight + 1) : roleWeight;
    return {
      stage: s.stage,
      name: s.name,
      roleWeight,
      weight,
      reason: weight !== roleWeight ? `The posting stresses it (${s.phrases.slice(0, 4).map((p) => `"${p.phrase}"`).join(', ')}; score ${s.score}).` : null,
    };
  });
}

export interface TailoredSessionInput {
  candidateId?: string;
  role?: string;
  difficulty: Difficulty;
  feedback: 'answer' | 'stage';
}

export async function startTailoredSession(deps: Deps, row: JobAnalysisRow, input: TailoredSessionInput) {
  const decided = decidedRole(row);
  const roleId = input.role ?? decided.role;
  if (!roleId)
    throw new AppError('invalid', 'This posting could not be classified, so there is no role to tailor to: choose one with "role".', 'role');
  const role = deps.bank.roles.find((r) => r.id === roleId);
  if (!role) throw new AppError('invalid', `Unknown role "${roleId}". Known roles: ${deps.bank.roles.map((r) => r.id).join(', ')}.`, 'role');
  const offline = offlineOf(row);
  const stages = tailoredStageWeights(role, offline);
  const focusSkills = offline.skills.slice(0, TAILORED_FOCUS_SKILLS).map((s) => s.skill);
  const { id } = await createSession(deps, {
    candidateId: input.candidateId ?? row.candidateId,
    role: role.id,
    mode: 'loop',
    difficulty: input.difficulty,
    feedback: input.feedback,
    stageWeights: Object.fromEntries(stages.map((s) => [s.stage, s.weight])),
    focusSkills,
    jobAnalysisId: row.id,
  });
  return {
    sessionId: id,
    tailoring: {
      jobAnalysisId: row.id,
      role: role.id,
      roleName: role.name,
      roleSource: input.role ? ('chosen' as const) : decided.source,
      stages,
      focusSkills,
    },
  };
}
