/**
 * Builds a learning plan from the gaps, shaped like DOMAIN.md: in the first three months about
 * three courses on the top gaps, the role's side project (the end-to-end ML app where it fits)
 * and regular drills, closed by a three-month check; for a six-month plan, then applications
 * several a day, then outreach to hiring managers every week, to a six-month review. Every
 * milestone has a date counted in weeks from the start date (career.yaml `plan`) and says why it
 * is there. Pure: the same gaps, data and start date give the same plan.
 */
import { z } from 'zod';
import type { Bank } from '../bank/load.ts';
import type { Role } from '../bank/schema.ts';
import type { SkillGap } from './gaps.ts';
import type { Career } from './load.ts';

export const PHASES = ['learn', 'apply', 'outreach'] as const;
export type Phase = (typeof PHASES)[number];
export const MILESTONE_KINDS = ['course', 'project', 'drill', 'mock-loop', 'check', 'applications', 'outreach', 'custom'] as const;
export const HORIZONS = [3, 6] as const;
export type Horizon = (typeof HORIZONS)[number];

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

export const MilestoneSchema = z.object({
  id: z.string(),
  phase: z.enum(PHASES),
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  detail: z.string(),
  due: IsoDate,
  done: z.boolean(),
  doneAt: z.number().nullable(),
  notes: z.string(),
  /** The skill it works on, if any. */
  skill: z.string().nullable(),
  /** Why it is in the plan: the gap (with its numbers) or the step of the plan's shape. */
  why: z.string().nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const PlanBasisSchema = z.object({
  skill: z.string(),
  name: z.string(),
  target: z.number(),
  current: z.number().nullable(),
  basis: z.enum(['demonstrated', 'self-rating', 'none']),
  gap: z.number().nullable(),
  summary: z.string(),
});

/** What the plans table's `milestones` column holds. */
export const PlanDocumentSchema = z.object({
  startDate: IsoDate,
  /** The gaps the plan was built from, as they were that day. */
  basis: z.array(PlanBasisSchema),
  /** The project the plan builds. */
  projectId: z.string(),
  milestones: z.array(MilestoneSchema),
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

const DAY = 86_400_000;
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
/** The due date of week `week` counted from the start: the last day of that week. */
export const weekDue = (start: string, week: number) => addDays(start, week * 7 - 1);

/** The phase a date falls in, for milestones the candidate adds. */
export function phaseOfDate(career: Career, start: string, due: string): Phase {
  const p = career.plan;
  if (due <= weekDue(start, p.three_month_check_week)) return 'learn';
  if (due <= weekDue(start, Math.max(...p.application_weeks))) return 'apply';
  return 'outreach';
}

const phaseOrder = (m: Milestone) => PHASES.indexOf(m.phase);
const kindOrder = (m: Milestone) => MILESTONE_KINDS.indexOf(m.kind);
export const sortMilestones = (ms: Milestone[]) =>
  [...ms].sort((a, b) => a.due.localeCompare(b.due) || phaseOrder(a) - phaseOrder(b) || kindOrder(a) - kindOrder(b));

/** The skills a plan works on: the ranked gaps, then skills not yet assessed, then the rest by target. */
export function planFocus(gaps: SkillGap[], count: number): SkillGap[] {
  return gaps.slice(0, count);
}

export interface BuildPlanInput {
  bank: Bank;
  career: Career;
  role: Role;
  gaps: SkillGap[];
  horizonMonths: Horizon;
  startDate: string;
  newId: () => string;
}

export function buildPlan(input: BuildPlanInput): PlanDocument {
  const { bank, career, role, startDate } = input;
  const p = career.plan;
  const due = (week: number) => weekDue(startDate, week);
  const out: Milestone[] = [];
  const add = (m: Omit<Milestone, 'id' | 'done' | 'doneAt' | 'notes'>) => out.push({ id: input.newId(), done: false, doneAt: null, notes: '', ...m });
  const focus = planFocus(input.gaps, p.courses);
  const why = (g: SkillGap) => (g.status === 'gap' ? `Gap ${g.gap} in ${g.name}: ${g.summary}` : `${g.name}: ${g.summary}`);

  // About three courses, one per top gap (a book shared by two skills is not taken twice).
  const taken = new Set<string>();
  focus.forEach((g, i) => {
    const study = career.suggestions[g.skill]!.study;
    const item = study.find((s) => !taken.has(s.title)) ?? study[0]!;
    taken.add(item.title);
    add({
      phase: 'learn',
      kind: 'course',
      title: `Finish ${item.kind === 'book' ? 'the book' : 'the course'} "${item.title}"`,
      detail: `For ${g.name.toLowerCase()}: ${item.focus}.`,
      due: due(p.course_weeks[i]!),
      skill: g.skill,
      why: why(g),
    });
  });

  const project = career.projectById.get(career.role_projects[role.id]!)!;
  for (const step of project.steps)
    add({
      phase: 'learn',
      kind: 'project',
      title: `${project.name}: ${step.title}`,
      detail: project.summary,
      due: due(step.week),
      skill: null,
      why: `The side project for ${role.name}; it shows ${project.skills.map((s) => bank.skills.find((x) => x.id === s)?.name.toLowerCase() ?? s).join(', ')}.`,
    });

  p.drill_weeks.forEach((week, i) => {
    const g = focus[i % focus.length]!;
    const drill = career.suggestions[g.skill]!.drill;
    const stageName = bank.manifest.stages.find((s) => s.id === drill.stage)!.name;
    const topics = [drill.topics[i % drill.topics.length]!, drill.topics[(i + 1) % drill.topics.length]!];
    add({
      phase: 'learn',
      kind: 'drill',
      title: `Drill ${stageName} for ${g.name.toLowerCase()}: ${[...new Set(topics)].join('; ')}`,
      detail: `Start a ${stageName} drill (or "Drill my weakest") and read the feedback on each criterion below level 3.`,
      due: due(week),
      skill: g.skill,
      why: why(g),
    });
  });

  p.mock_loop_weeks.forEach((week, i) =>
    add({
      phase: 'learn',
      kind: 'mock-loop',
      title: `Full mock loop for ${role.name}`,
      detail: i === 0 ? 'Run all five stages, then open the gap report to see what moved.' : 'Run all five stages again and compare the progress charts with your first loop.',
      due: due(week),
      skill: null,
      why: 'A whole loop shows how the stages hold up together, under time.',
    }),
  );

  add({
    phase: 'learn',
    kind: 'check',
    title: 'Three-month check: re-rate your eight skills and read the gap report again',
    detail: `Decide whether ${role.name} is still the right target, and which gaps are left.`,
    due: due(p.three_month_check_week),
    skill: null,
    why: 'The courses, the side project and the drills should be finished by now.',
  });

  if (input.horizonMonths === 6) {
    const perWeek = p.applications_per_day * 5;
    p.application_weeks.forEach((week, i) =>
      add({
        phase: 'apply',
        kind: 'applications',
        title: i === 0 ? `Start applying: ${p.applications_per_day} ${role.name} jobs a day (${perWeek} this week)` : `Send ${perWeek} applications this week (${p.applications_per_day} a day)`,
        detail: 'Paste each posting into the job-description analysis first: apply where the duties match the role, not only the title.',
        due: due(week),
        skill: null,
        why: 'After three months of preparation, volume: several applications every working day.',
      }),
    );
    p.outreach_weeks.forEach((week) =>
      add({
        phase: 'outreach',
        kind: 'outreach',
        title: `Reach out to ${p.outreach_per_week} hiring managers this week`,
        detail: `Keep applying (${p.applications_per_day} a day). Write to the hiring manager of a matching role with two lines: why this team, and what your side project shows.`,
        due: due(week),
        skill: null,
        why: 'Direct outreach every week, alongside applications, to about month six.',
      }),
    );
    add({
      phase: 'outreach',
      kind: 'check',
      title: 'Six-month review: interviews, offers and what to change',
      detail: 'Count applications, replies, interviews and the stage where each loop ended; re-run the gap report for the stage that stops you most.',
      due: due(p.six_month_review_week),
      skill: null,
      why: 'The end of the six-month plan.',
    });
  }

  return {
    startDate,
    basis: input.gaps.map((g) => ({ skill: g.skill, name: g.name, target: g.target, current: g.current, basis: g.basis, gap: g.gap, summary: g.summary })),
    projectId: project.id,
    milestones: sortMilestones(out),
  };
}
