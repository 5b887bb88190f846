/**
 * Job-description analysis with a model: the job-analysis prompt (the posting fenced as data
 * behind a random boundary), JSON validated by zod, then checked against the bank and the text:
 * an unknown role is a bad_output error; quotes that are not in the posting, unknown skills,
 * stages and asks are dropped and flagged, never trusted.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Bank } from '../bank/load.ts';
import { STAGES, type Stage } from '../bank/schema.ts';
import { round2 } from '../grading/scoring.ts';
import { LlmError, type LlmClient } from '../llm/types.ts';
import { getPrompt, renderPrompt, type Prompts } from '../prompts/load.ts';
import type { Career } from './load.ts';

export const JOB_ANALYSIS_PROMPT = 'job-analysis';

/** Lenient on numbers on purpose (clamped below); nullable, not optional, for JSON-schema output. */
export const LlmJobAnalysisSchema = z.object({
  role: z.string(),
  confidence: z.number(),
  decisivePhrases: z.array(z.string()),
  skills: z.array(z.object({ skill: z.string(), emphasis: z.enum(['high', 'medium', 'low']) })),
  stageWeights: z.array(z.object({ stage: z.string(), weight: z.number() })),
  overlookedAsks: z.array(z.object({ ask: z.string(), quote: z.string() })),
  titleMismatch: z.string().nullable(),
  rationale: z.string(),
});

export const LLM_ANALYSIS_FLAGS = ['phrases_dropped', 'skills_dropped', 'stages_repaired', 'asks_dropped', 'confidence_clamped'] as const;
export type LlmAnalysisFlag = (typeof LLM_ANALYSIS_FLAGS)[number];

export interface LlmAnalysis {
  role: string;
  roleName: string;
  confidence: number;
  decisivePhrases: string[];
  skills: Array<{ skill: string; name: string; emphasis: 'high' | 'medium' | 'low' }>;
  /** Every stage; stages the model left out (or named wrongly) take the role's own weight. */
  stageWeights: Record<Stage, number>;
  overlooked: Array<{ id: string; name: string; quote: string }>;
  titleMismatch: string | null;
  rationale: string;
  /** What the checks removed or repaired, so a reader knows how far to trust it. */
  flags: LlmAnalysisFlag[];
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function describeRoles(bank: Bank): string {
  return bank.roles.map((r) => `- ${r.id}: ${r.name}. ${r.summary}`).join('\n');
}

/** Checks the model's reply against the bank and the posting; throws bad_output for an unknown role. */
export function checkLlmAnalysis(raw: z.infer<typeof LlmJobAnalysisSchema>, text: string, bank: Bank, career: Career): LlmAnalysis {
  const flags = new Set<LlmAnalysisFlag>();
  const role = bank.roles.find((r) => r.id === raw.role.trim());
  if (!role) throw new LlmError('bad_output', `The model named an unknown role "${raw.role}".`);
  const haystack = squash(text);
  const inText = (q: string) => q.trim().length > 0 && haystack.includes(squash(q));

  const decisivePhrases = raw.decisivePhrases.filter(inText);
  if (decisivePhrases.length < raw.decisivePhrases.length) flags.add('phrases_dropped');

  const skills: LlmAnalysis['skills'] = [];
  for (const s of raw.skills) {
    const skill = bank.skills.find((x) => x.id === s.skill);
    if (!skill || skills.some((x) => x.skill === skill.id)) flags.add('skills_dropped');
    else skills.push({ skill: skill.id, name: skill.name, emphasis: s.emphasis });
  }

  const stageWeights = { ...role.stage_weights } as Record<Stage, number>;
  const given = new Set<string>();
  for (const s of raw.stageWeights) {
    if (!(STAGES as readonly string[]).includes(s.stage) || given.has(s.stage)) {
      flags.add('stages_repaired');
      continue;
    }
    given.add(s.stage);
    const w = Math.min(5, Math.max(0, Math.round(s.weight)));
    if (w !== s.weight) flags.add('stages_repaired');
    stageWeights[s.stage as Stage] = w;
  }
  if (given.size < STAGES.length) flags.add('stages_repaired');

  const overlooked: LlmAnalysis['overlooked'] = [];
  for (const a of raw.overlookedAsks) {
    const ask = career.overlooked_asks.find((x) => x.id === a.ask);
    if (!ask || !inText(a.quote) || overlooked.some((x) => x.id === ask.id)) flags.add('asks_dropped');
    else overlooked.push({ id: ask.id, name: ask.name, quote: a.quote.trim() });
  }

  const confidence = Math.min(1, Math.max(0, raw.confidence));
  if (confidence !== raw.confidence) flags.add('confidence_clamped');

  return {
    role: role.id,
    roleName: role.name,
    confidence: round2(confidence),
    decisivePhrases,
    skills,
    stageWeights,
    overlooked,
    titleMismatch: raw.titleMismatch?.trim() || null,
    rationale: raw.rationale.trim(),
    flags: [...flags],
  };
}

/** Asks the model; LlmError (including a reply naming an unknown role) propagates for the caller to record. */
export async function analyzeWithLlm(
  llm: LlmClient,
  prompts: Prompts,
  input: { text: string; postedTitle: string | null },
  bank: Bank,
  career: Career,
): Promise<{ analysis: LlmAnalysis; promptRef: string; model: string }> {
  const prompt = getPrompt(prompts, JOB_ANALYSIS_PROMPT);
  const messages = renderPrompt(prompt, {
    roles: describeRoles(bank),
    skills: bank.skills.map((s) => `- ${s.id}: ${s.name}`).join('\n'),
    stages: bank.manifest.stages.map((s) => `- ${s.id}: ${s.name}`).join('\n'),
    asks: career.overlooked_asks.map((a) => `- ${a.id}: ${a.name}`).join('\n'),
    posted_title: input.postedTitle ?? '(not given)',
    boundary: randomBytes(6).toString('hex'),
    job_description: input.text,
  });
  const raw = await llm.json({ messages, schema: LlmJobAnalysisSchema, schemaName: 'job_analysis', temperature: 0 });
  return { analysis: checkLlmAnalysis(raw, input.text, bank, career), promptRef: prompt.ref, model: llm.model };
}
