/**
 * /api/career: the skills self-assessment (profile with history), job-description analysis and
 * sessions tailored to a posting, the gap report, "drill my weakest", learning plans (edit,
 * export) and progress charts. Handlers validate and delegate to server/career/.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Bank } from '../bank/load.ts';
import { DIFFICULTIES } from '../bank/schema.ts';
import { buildGapReport } from '../career/gap-report.ts';
import { drillWeakest } from '../career/drill-weakest.ts';
import {
  createJobAnalysis,
  getJobAnalysisById,
  jobAnalysisSummaryView,
  jobAnalysisView,
  listJobAnalysesOfCandidate,
} from '../career/job-analysis.ts';
import { loadCareer } from '../career/load.ts';
import { HORIZONS, IsoDate, PHASES, type Horizon } from '../career/plan.ts';
import { planToMarkdown } from '../career/plan-markdown.ts';
import { addMilestone, createPlan, deleteMilestone, getPlanById, listPlansOfCandidate, planView, updateMilestone } from '../career/plan-store.ts';
import { getProgress } from '../career/progress.ts';
import { getSelfAssessments, profileView, saveSelfAssessment } from '../career/self-assessment.ts';
import { describeSkillScale, SKILL_LEVEL_LABELS, SKILL_SCALE, type SkillLevel } from '../career/skill-scale.ts';
import { startTailoredSession } from '../career/tailoring.ts';
import type { Deps } from '../deps.ts';
import { getSessionView } from '../interview/session-view.ts';
import { CandidateId, Id } from './schemas.ts';
import { validate } from './validate.ts';

/** Longest job description accepted (characters): a long posting is about 10,000. */
export const MAX_JOB_DESCRIPTION_CHARS = 30_000;
export const MIN_JOB_DESCRIPTION_CHARS = 80;

const RoleId = z.string().trim().min(1).max(64);
const Difficulty = z.enum(DIFFICULTIES).default('medium');
const Feedback = z.enum(['answer', 'stage']).default('answer');
const SkillRating = z
  .number()
  .int('must be 1, 2 or 3')
  .min(1, 'must be 1 (beginner), 2 (experienced) or 3 (very experienced)')
  .max(3, 'must be 1 (beginner), 2 (experienced) or 3 (very experienced)')
  .transform((n) => n as SkillLevel);

/** Input shapes that depend on the bank's data (the skills and roles it defines). */
function careerSchemas(bank: Bank) {
  const skillIds = bank.skills.map((s) => s.id);
  const roleIds = bank.roles.map((r) => r.id);
  const knownRole = (r: string) => roleIds.includes(r);
  const roleMessage = `must be one of ${roleIds.join(', ')}`;
  const KnownRole = RoleId.refine(knownRole, roleMessage);

  const Ratings = z.record(z.string(), SkillRating).superRefine((r, ctx) => {
    for (const k of Object.keys(r)) if (!skillIds.includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `unknown skill; the skills are ${skillIds.join(', ')}` });
    for (const s of skillIds) if (!(s in r)) ctx.addIssue({ code: 'custom', path: [s], message: 'missing: rate all eight skills' });
  });

  return {
    ProfileBody: z.strictObject({
      candidateId: CandidateId,
      ratings: Ratings,
      targetRoles: z
        .array(KnownRole)
        .min(1, 'pick at least one target role')
        .max(roleIds.length)
        .refine((rs) => new Set(rs).size === rs.length, 'lists a role twice'),
    }),
    RoleQuery: z.object({ candidateId: CandidateId, role: KnownRole.optional() }),
    TailorBody: z.strictObject({ candidateId: CandidateId.optional(), role: KnownRole.optional(), difficulty: Difficulty, feedback: Feedback }),
    DrillBody: z.strictObject({
      candidateId: CandidateId,
      role: KnownRole.optional(),
      questionCount: z.number().int().min(1).max(10).optional(),
      difficulty: Difficulty,
      feedback: Feedback,
    }),
    PlanBody: z.strictObject({
      candidateId: CandidateId,
      role: KnownRole.optional(),
      horizonMonths: z
        .number()
        .refine((n) => (HORIZONS as readonly number[]).includes(n), `must be ${HORIZONS.join(' or ')}`)
        .transform((n) => n as Horizon),
      startDate: IsoDate.optional(),
    }),
  };
}

const CandidateQuery = z.object({ candidateId: CandidateId, limit: z.coerce.number().int().min(1).max(200).default(50) });
const JobAnalysisBody = z.strictObject({
  candidateId: CandidateId,
  text: z
    .string()
    .trim()
    .min(MIN_JOB_DESCRIPTION_CHARS, `paste the whole job description (at least ${MIN_JOB_DESCRIPTION_CHARS} characters)`)
    .max(MAX_JOB_DESCRIPTION_CHARS, `is longer than ${MAX_JOB_DESCRIPTION_CHARS} characters`),
  postedTitle: z.string().trim().min(1).max(200).optional(),
});
const IdParam = z.object({ id: Id });
const MilestoneParam = z.object({ id: Id, milestoneId: Id });
const Title = z.string().trim().min(1, 'must not be empty').max(300);
const Notes = z.string().max(5_000);
const MilestonePatchBody = z
  .strictObject({ title: Title.optional(), due: IsoDate.optional(), done: z.boolean().optional(), notes: Notes.optional() })
  .refine((b) => Object.keys(b).length > 0, 'give at least one of title, due, done, notes');
const NewMilestoneBody = z.strictObject({ title: Title, due: IsoDate, notes: Notes.optional(), phase: z.enum(PHASES).optional() });

/**
 * The career sub-app. `deps.career` is the validated career.yaml (main.ts loads it at start-up
 * beside the bank); without it, the core bank's career.yaml is loaded here, once.
 */
export function careerRoutes(deps: Deps) {
  const career = deps.career ?? loadCareer(deps.bank);
  const s = careerSchemas(deps.bank);

  return new Hono()
    .get('/roles', (c) =>
      c.json(
        {
          roles: deps.bank.roles.map((r) => ({ id: r.id, name: r.name, summary: r.summary, skillTargets: r.skill_targets, stageWeights: r.stage_weights })),
          skills: deps.bank.skills,
          stages: deps.bank.manifest.stages.map((st) => ({ id: st.id, name: st.name })),
          skillLevels: SKILL_LEVEL_LABELS,
          skillScale: { description: describeSkillScale(), levels: SKILL_SCALE, minAnswers: career.evidence.min_answers },
        },
        200,
      ),
    )
    .get('/profile', validate('query', CandidateQuery), async (c) => {
      const { candidateId } = c.req.valid('query');
      return c.json(profileView(deps.bank, candidateId, await getSelfAssessments(deps.db, { candidateId })), 200);
    })
    .put('/profile', validate('json', s.ProfileBody), async (c) => {
      const body = c.req.valid('json');
      await saveSelfAssessment(deps, body);
      return c.json(profileView(deps.bank, body.candidateId, await getSelfAssessments(deps.db, { candidateId: body.candidateId })), 200);
    })
    .post('/job-analyses', validate('json', JobAnalysisBody), async (c) => {
      const row = await createJobAnalysis(deps, career, c.req.valid('json'));
      return c.json(jobAnalysisView(row), 201);
    })
    .get('/job-analyses', validate('query', CandidateQuery), async (c) => {
      const rows = await listJobAnalysesOfCandidate(deps.db, c.req.valid('query'));
      return c.json({ analyses: rows.map(jobAnalysisSummaryView) }, 200);
    })
    .get('/job-analyses/:id', validate('param', IdParam), async (c) => {
      return c.json(jobAnalysisView(await getJobAnalysisById(deps.db, c.req.valid('param'))), 200);
    })
    .post('/job-analyses/:id/session', validate('param', IdParam), validate('json', s.TailorBody), async (c) => {
      const row = await getJobAnalysisById(deps.db, c.req.valid('param'));
      const { sessionId, tailoring } = await startTailoredSession(deps, row, c.req.valid('json'));
      return c.json({ ...(await getSessionView(deps, sessionId)), tailoring }, 201);
    })
    .get('/gaps', validate('query', s.RoleQuery), async (c) => {
      return c.json(await buildGapReport(deps, career, c.req.valid('query')), 200);
    })
    .post('/drill-weakest', validate('json', s.DrillBody), async (c) => {
      const { sessionId, aim } = await drillWeakest(deps, career, c.req.valid('json'));
      return c.json({ ...(await getSessionView(deps, sessionId)), aim }, 201);
    })
    .post('/plans', validate('json', s.PlanBody), async (c) => {
      return c.json(planView(deps, career, await createPlan(deps, career, c.req.valid('json'))), 201);
    })
    .get('/plans', validate('query', CandidateQuery), async (c) => {
      const rows = await listPlansOfCandidate(deps.db, c.req.valid('query'));
      return c.json({ plans: rows.map((r) => planView(deps, career, r)) }, 200);
    })
    .get('/plans/:id', validate('param', IdParam), async (c) => {
      return c.json(planView(deps, career, await getPlanById(deps.db, c.req.valid('param'))), 200);
    })
    .post('/plans/:id/milestones', validate('param', IdParam), validate('json', NewMilestoneBody), async (c) => {
      const row = await addMilestone(deps, career, c.req.valid('param').id, c.req.valid('json'));
      return c.json(planView(deps, career, row), 201);
    })
    .put('/plans/:id/milestones/:milestoneId', validate('param', MilestoneParam), validate('json', MilestonePatchBody), async (c) => {
      const { id, milestoneId } = c.req.valid('param');
      return c.json(planView(deps, career, await updateMilestone(deps, id, milestoneId, c.req.valid('json'))), 200);
    })
    .delete('/plans/:id/milestones/:milestoneId', validate('param', MilestoneParam), async (c) => {
      const { id, milestoneId } = c.req.valid('param');
      return c.json(planView(deps, career, await deleteMilestone(deps, id, milestoneId)), 200);
    })
    .get('/plans/:id/export', validate('param', IdParam), async (c) => {
      const view = planView(deps, career, await getPlanById(deps.db, c.req.valid('param')));
      c.header('Content-Disposition', `attachment; filename="mockloop-plan-${view.role.id}-${view.startDate}.md"`);
      return c.body(planToMarkdown(view), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    })
    .get('/progress', validate('query', s.RoleQuery), async (c) => {
      return c.json(await getProgress(deps, career, c.req.valid('query')), 200);
    });
}
