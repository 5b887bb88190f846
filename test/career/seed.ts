/**
 * Test helpers for the career tests: graded answers written straight to the database (a session,
 * its item and a current, final grade), so a gap can be set up to the exact level wanted; and the
 * job-description fixtures with their front matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { grades, items, sessions } from '../../server/db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import type { GradedAnswer } from '../../server/career/evidence.ts';
import type { Stage } from '../../server/bank/schema.ts';

let n = 0;
const nextId = (prefix: string) => `${prefix}${String(++n).padStart(8, '0')}`;

export interface SeedAnswer {
  candidateId: string;
  questionId: string;
  /** The answer's level, 0-4; every criterion gets this score (rounded), so the weak criteria follow. */
  level: number;
  at: number;
  role?: string;
  sessionId?: string;
  status?: 'done' | 'provisional' | 'pending' | 'failed';
  current?: boolean;
}

/** Writes one graded answer (and its session, unless `sessionId` names one already written). */
export async function seedAnswer(deps: Deps, a: SeedAnswer): Promise<{ sessionId: string; itemId: string }> {
  const q = deps.bank.byId.get(a.questionId);
  if (!q) throw new Error(`no question ${a.questionId}`);
  const sessionId = a.sessionId ?? nextId('sess');
  if (!a.sessionId)
    await deps.db.insert(sessions).values({
      id: sessionId,
      candidateId: a.candidateId,
      role: a.role ?? 'data-scientist',
      mode: 'drill',
      drillStage: q.stage,
      difficulty: 'medium',
      status: 'finished',
      feedback: 'answer',
      bankVersion: deps.bank.version,
      createdAt: a.at,
      updatedAt: a.at,
      finishedAt: a.at,
    });
  const itemId = nextId('item');
  const position = n;
  await deps.db.insert(items).values({
    id: itemId,
    sessionId,
    position,
    stage: q.stage,
    questionId: q.id,
    questionRevision: q.revision,
    status: 'complete',
    askedAt: a.at,
    completedAt: a.at,
  });
  const score = Math.max(0, Math.min(4, Math.round(a.level)));
  const status = a.status ?? 'done';
  await deps.db.insert(grades).values({
    id: nextId('grade'),
    sessionId,
    itemId,
    attempt: 1,
    current: a.current ?? true,
    status,
    grader: 'offline',
    bankVersion: deps.bank.version,
    questionRevision: q.revision,
    result:
      status === 'done' || status === 'provisional'
        ? { criteria: q.rubric.map((c) => ({ criterionId: c.id, score, evidence: [], missing: [], rationale: '' })), feedback: '', nextStep: '', flags: [] }
        : null,
    level: status === 'done' || status === 'provisional' ? a.level : null,
    createdAt: a.at,
    updatedAt: a.at,
    completedAt: status === 'done' || status === 'provisional' ? a.at : null,
  });
  return { sessionId, itemId };
}

/** An in-memory graded answer for the pure functions. */
export function answer(p: Partial<GradedAnswer> & { skills: string[]; level: number; gradedAt: number }): GradedAnswer {
  const id = nextId('x');
  return {
    sessionId: p.sessionId ?? `s-${id}`,
    sessionRole: p.sessionRole ?? 'data-scientist',
    sessionMode: 'drill',
    sessionCreatedAt: p.sessionCreatedAt ?? p.gradedAt,
    itemId: `i-${id}`,
    stage: (p.stage ?? 'ml-theory') as Stage,
    questionId: p.questionId ?? `q-${id}`,
    questionTitle: p.questionTitle ?? `Question ${id}`,
    grader: 'offline',
    status: p.status ?? 'done',
    criteria: [],
    ...p,
  };
}

export interface JobFixture {
  file: string;
  postedTitle: string;
  trueRole: string;
  mislabelled: boolean;
  set: 'dev' | 'held-out';
  text: string;
}

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures/job-descriptions');

export function loadJobFixtures(): JobFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const src = readFileSync(join(FIXTURES_DIR, file), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(src);
      if (!m) throw new Error(`${file}: no front matter`);
      const fm = parseYaml(m[1]!) as Record<string, unknown>;
      return {
        file,
        postedTitle: String(fm.posted_title),
        trueRole: String(fm.true_role),
        mislabelled: fm.mislabelled === true,
        set: fm.set === 'held-out' ? 'held-out' : 'dev',
        text: m[2]!,
      };
    });
}
