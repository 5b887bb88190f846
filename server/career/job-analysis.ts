/**
 * Job-description analysis, stored: the offline classifier always runs (it is the baseline and
 * the fallback); with a model configured the model's reading is kept beside it, or the reason it
 * failed. The role a tailored session uses is the model's when it answered, else the offline one.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { jobAnalyses } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { LlmError } from '../llm/types.ts';
import { classifyJobDescription, type OfflineAnalysis } from './classifier.ts';
import { analyzeWithLlm, type LlmAnalysis } from './job-analysis-llm.ts';
import type { Career } from './load.ts';

export type JobAnalysisRow = typeof jobAnalyses.$inferSelect;

export interface CreateJobAnalysisInput {
  candidateId: string;
  text: string;
  postedTitle?: string;
}

/** Analyses and stores a posting. A model failure is recorded, never fatal: the offline answer stands. */
export async function createJobAnalysis(deps: Deps, career: Career, input: CreateJobAnalysisInput): Promise<JobAnalysisRow> {
  const offline = classifyJobDescription({ text: input.text, postedTitle: input.postedTitle }, deps.bank, career);
  let llm: LlmAnalysis | null = null;
  let llmError: string | null = null;
  let model: string | null = null;
  let promptRef: string | null = null;
  if (deps.llm) {
    model = deps.llm.model;
    try {
      const r = await analyzeWithLlm(deps.llm, deps.prompts, { text: input.text, postedTitle: offline.title.posted }, deps.bank, career);
      llm = r.analysis;
      promptRef = r.promptRef;
    } catch (err) {
      if (!(err instanceof LlmError)) throw err;
      llmError = `${err.kind}: ${err.message}`;
      deps.logger.warn('job analysis: the model failed; keeping the offline analysis', { kind: err.kind });
    }
  }
  const row: JobAnalysisRow = {
    id: deps.ids(),
    candidateId: input.candidateId,
    postedTitle: offline.title.posted,
    text: input.text,
    offline,
    llm,
    llmError,
    model,
    promptRef,
    createdAt: deps.clock(),
  };
  await deps.db.insert(jobAnalyses).values(row);
  return row;
}

export async function getJobAnalysisById(db: Db, { id }: { id: string }): Promise<JobAnalysisRow> {
  const row = await db.query.jobAnalyses.findFirst({ where: eq(jobAnalyses.id, id) });
  if (!row) throw notFound('job analysis', id);
  return row;
}

export function listJobAnalysesOfCandidate(db: Db, { candidateId, limit }: { candidateId: string; limit: number }): Promise<JobAnalysisRow[]> {
  return db.select().from(jobAnalyses).where(eq(jobAnalyses.candidateId, candidateId)).orderBy(desc(jobAnalyses.createdAt), desc(sql`rowid`)).limit(limit);
}

// Both blobs are written by this module only (above), in these shapes.
export const offlineOf = (row: JobAnalysisRow) => row.offline as OfflineAnalysis;
export const llmOf = (row: JobAnalysisRow) => (row.llm ?? null) as LlmAnalysis | null;

/** The role the product acts on: the model's reading when there is one, else the offline classifier's. */
export function decidedRole(row: JobAnalysisRow): { role: string | null; roleName: string | null; source: 'llm' | 'offline' } {
  const llm = llmOf(row);
  if (llm) return { role: llm.role, roleName: llm.roleName, source: 'llm' };
  const offline = offlineOf(row);
  return { role: offline.role, roleName: offline.roleName, source: 'offline' };
}

export function jobAnalysisView(row: JobAnalysisRow) {
  const offline = offlineOf(row);
  const llm = llmOf(row);
  const decided = decidedRole(row);
  return {
    id: row.id,
    candidateId: row.candidateId,
    postedTitle: row.postedTitle,
    text: row.text,
    createdAt: row.createdAt,
    decided,
    warning: llm ? llm.titleMismatch : offline.warning,
    offline,
    llm,
    llmError: row.llmError,
    model: row.model,
    promptRef: row.promptRef,
    /** Set when both readings exist: do they name the same role? */
    comparison: llm ? { sameRole: llm.role === offline.role, offlineRole: offline.role, llmRole: llm.role } : null,
  };
}

export function jobAnalysisSummaryView(row: JobAnalysisRow) {
  const offline = offlineOf(row);
  const llm = llmOf(row);
  return {
    id: row.id,
    postedTitle: row.postedTitle,
    createdAt: row.createdAt,
    decided: decidedRole(row),
    // The offline classifier's confidence and its label, always as a pair (the model's own
    // confidence is shown on the analysis itself, beside the model's reading).
    confidence: offline.confidence,
    confidenceLabel: offline.confidenceLabel,
    warning: llm ? llm.titleMismatch : offline.warning,
  };
}
