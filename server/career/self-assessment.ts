/**
 * The self-assessment: a candidate rates the eight skills 1-3 and picks target roles. Every save
 * is a new row, so the profile is the latest row and the history shows how ratings changed.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Bank } from '../bank/load.ts';
import type { Db } from '../db/open.ts';
import { selfAssessments } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { SKILL_LEVEL_LABELS, type SkillLevel } from './skill-scale.ts';

type Row = typeof selfAssessments.$inferSelect;

// Read back through zod: the JSON columns hold what a candidate sent.
const StoredRatings = z.record(z.string(), z.union([z.literal(1), z.literal(2), z.literal(3)]));
const StoredRoles = z.array(z.string());

export interface SelfAssessment {
  id: string;
  candidateId: string;
  ratings: Record<string, SkillLevel>;
  targetRoles: string[];
  createdAt: number;
}

function fromRow(row: Row): SelfAssessment {
  return {
    id: row.id,
    candidateId: row.candidateId,
    ratings: StoredRatings.parse(row.ratings),
    targetRoles: StoredRoles.parse(row.targetRoles),
    createdAt: row.createdAt,
  };
}

export async function saveSelfAssessment(
  deps: Deps,
  input: { candidateId: string; ratings: Record<string, SkillLevel>; targetRoles: string[] },
): Promise<SelfAssessment> {
  const row: Row = { id: deps.ids(), candidateId: input.candidateId, ratings: input.ratings, targetRoles: input.targetRoles, createdAt: deps.clock() };
  await deps.db.insert(selfAssessments).values(row);
  return fromRow(row);
}

/** Every saved assessment of a candidate, oldest first. */
export async function getSelfAssessments(db: Db, { candidateId }: { candidateId: string }): Promise<SelfAssessment[]> {
  const rows = await db.select().from(selfAssessments).where(eq(selfAssessments.candidateId, candidateId)).orderBy(asc(selfAssessments.createdAt), asc(sql`rowid`)); // rowid: saves within one millisecond keep their order
  return rows.map(fromRow);
}

export async function getLatestSelfAssessment(db: Db, { candidateId }: { candidateId: string }): Promise<SelfAssessment | null> {
  return (await getSelfAssessments(db, { candidateId })).at(-1) ?? null;
}

/** The profile: the current ratings and target roles, every earlier save, and per skill how the rating moved. */
export function profileView(bank: Bank, candidateId: string, history: SelfAssessment[]) {
  const current = history.at(-1) ?? null;
  return {
    candidateId,
    current: current && {
      ...current,
      targetRoleNames: current.targetRoles.map((r) => bank.roles.find((x) => x.id === r)?.name ?? r),
    },
    /** Newest first. */
    history: [...history].reverse(),
    skills: bank.skills.map((s) => {
      const timeline = history.filter((h) => h.ratings[s.id] !== undefined).map((h) => ({ at: h.createdAt, assessmentId: h.id, rating: h.ratings[s.id]! }));
      // Only the saves where the rating changed, so "how my ratings changed" reads at a glance.
      const changes = timeline.filter((p, i) => i === 0 || p.rating !== timeline[i - 1]!.rating);
      const latest = timeline.at(-1)?.rating ?? null;
      return {
        skill: s.id,
        name: s.name,
        current: latest,
        currentLabel: latest ? SKILL_LEVEL_LABELS[latest] : null,
        first: timeline[0]?.rating ?? null,
        changes,
      };
    }),
  };
}
