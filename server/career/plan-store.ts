/**
 * Learning plans, stored: created from the candidate's current gaps, then edited by the
 * candidate (title, due date, done, notes; add and remove milestones). Edits are a
 * compare-and-set on `updated_at`, so two tabs editing at once never lose a change silently.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { plans } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors.ts';
import { loadGaps } from './gap-report.ts';
import type { Career } from './load.ts';
import { buildPlan, isoDate, phaseOfDate, PlanDocumentSchema, sortMilestones, type Horizon, type Milestone, type Phase, type PlanDocument } from './plan.ts';

export type PlanRow = typeof plans.$inferSelect;

export interface CreatePlanInput {
  candidateId: string;
  role?: string;
  horizonMonths: Horizon;
  /** Defaults to today (the deps clock). */
  startDate?: string;
}

export async function createPlan(deps: Deps, career: Career, input: CreatePlanInput): Promise<PlanRow> {
  const { role, gaps } = await loadGaps(deps, career, input);
  const doc = buildPlan({
    bank: deps.bank,
    career,
    role,
    gaps,
    horizonMonths: input.horizonMonths,
    startDate: input.startDate ?? isoDate(deps.clock()),
    newId: deps.ids,
  });
  const now = deps.clock();
  const row: PlanRow = { id: deps.ids(), candidateId: input.candidateId, horizonMonths: input.horizonMonths, targetRole: role.id, milestones: doc, createdAt: now, updatedAt: now };
  await deps.db.insert(plans).values(row);
  return row;
}

export async function getPlanById(db: Db, { id }: { id: string }): Promise<PlanRow> {
  const row = await db.query.plans.findFirst({ where: eq(plans.id, id) });
  if (!row) throw notFound('plan', id);
  return row;
}

export function listPlansOfCandidate(db: Db, { candidateId }: { candidateId: string }): Promise<PlanRow[]> {
  return db.select().from(plans).where(eq(plans.candidateId, candidateId)).orderBy(desc(plans.updatedAt), desc(sql`rowid`));
}

export const planDocumentOf = (row: PlanRow): PlanDocument => PlanDocumentSchema.parse(row.milestones);

export function planView(deps: Pick<Deps, 'bank'>, career: Career, row: PlanRow) {
  const doc = planDocumentOf(row);
  const done = doc.milestones.filter((m) => m.done).length;
  const project = career.projectById.get(doc.projectId);
  return {
    id: row.id,
    candidateId: row.candidateId,
    role: { id: row.targetRole, name: deps.bank.roles.find((r) => r.id === row.targetRole)?.name ?? row.targetRole },
    horizonMonths: row.horizonMonths,
    startDate: doc.startDate,
    endDate: doc.milestones.at(-1)?.due ?? doc.startDate,
    project: project ? { id: project.id, name: project.name, summary: project.summary } : null,
    basis: doc.basis,
    milestones: doc.milestones,
    progress: { done, total: doc.milestones.length },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const MAX_TRIES = 3;

/** Reads, changes and writes a plan's document; retries when another edit got there first. */
async function editPlan(deps: Deps, id: string, change: (doc: PlanDocument) => PlanDocument): Promise<PlanRow> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await getPlanById(deps.db, { id });
    const doc = change(planDocumentOf(row));
    // Strictly increasing, so a compare-and-set within the same millisecond still tells edits apart.
    const updatedAt = Math.max(deps.clock(), row.updatedAt + 1);
    const res = await deps.db
      .update(plans)
      .set({ milestones: doc, updatedAt })
      .where(and(eq(plans.id, id), eq(plans.updatedAt, row.updatedAt)));
    if (res.rowsAffected === 1) return { ...row, milestones: doc, updatedAt };
  }
  throw new AppError('conflict', 'The plan was being edited elsewhere at the same time; reload it and try again.');
}

function findMilestone(doc: PlanDocument, milestoneId: string): Milestone {
  const m = doc.milestones.find((x) => x.id === milestoneId);
  if (!m) throw new AppError('not_found', `No milestone "${milestoneId}" in this plan.`, 'milestoneId');
  return m;
}

export interface MilestonePatch {
  title?: string;
  due?: string;
  done?: boolean;
  notes?: string;
}

export function updateMilestone(deps: Deps, planId: string, milestoneId: string, patch: MilestonePatch): Promise<PlanRow> {
  return editPlan(deps, planId, (doc) => {
    const m = findMilestone(doc, milestoneId);
    const next: Milestone = {
      ...m,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.due !== undefined ? { due: patch.due } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      ...(patch.done !== undefined ? { done: patch.done, doneAt: patch.done ? (m.done ? m.doneAt : deps.clock()) : null } : {}),
    };
    return { ...doc, milestones: sortMilestones(doc.milestones.map((x) => (x.id === milestoneId ? next : x))) };
  });
}

export function addMilestone(
  deps: Deps,
  career: Career,
  planId: string,
  input: { title: string; due: string; notes?: string; phase?: Phase },
): Promise<PlanRow> {
  return editPlan(deps, planId, (doc) => {
    const m: Milestone = {
      id: deps.ids(),
      phase: input.phase ?? phaseOfDate(career, doc.startDate, input.due),
      kind: 'custom',
      title: input.title,
      detail: '',
      due: input.due,
      done: false,
      doneAt: null,
      notes: input.notes ?? '',
      skill: null,
      why: null,
    };
    return { ...doc, milestones: sortMilestones([...doc.milestones, m]) };
  });
}

export function deleteMilestone(deps: Deps, planId: string, milestoneId: string): Promise<PlanRow> {
  return editPlan(deps, planId, (doc) => {
    findMilestone(doc, milestoneId);
    return { ...doc, milestones: doc.milestones.filter((x) => x.id !== milestoneId) };
  });
}
