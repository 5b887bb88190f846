/**
 * Grades an answer with a model: renders the grader prompt (the answer fenced as data behind a
 * random boundary), asks for JSON validated by zod, then checks the output against the rubric
 * and the answer (evidence.ts). Coding correctness always comes from the tests, never the model.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Question } from '../bank/schema.ts';
import type { LlmClient } from '../llm/types.ts';
import { getPrompt, renderPrompt, type Prompts } from '../prompts/load.ts';
import { checkGrades } from './evidence.ts';
import { testsScore } from './scoring.ts';
import type { GradeOutput } from './types.ts';
import type { GradeInput } from './grade-input.ts';

/** Lenient on purpose: out-of-range scores are clamped and flagged by checkGrades, not rejected. */
export const LlmGradeSchema = z.object({
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      score: z.number().nullable(),
      evidence: z.array(z.string()),
      missing: z.array(z.string()),
      rationale: z.string(),
    }),
  ),
  feedback: z.string(),
  nextStep: z.string(),
});

export function describeRubric(q: Question): string {
  return q.rubric
    .map((c) => {
      const anchors = ([0, 1, 2, 3, 4] as const).map((l) => `    ${l}: ${c.anchors[l]}`).join('\n');
      const concepts = c.concepts.map((k) => k.label).join('; ');
      return `- criterionId: ${c.id} (weight ${c.weight}${c.source === 'tests' ? ', source: tests' : ''}): ${c.name}\n${anchors}${
        concepts ? `\n    concepts a strong answer covers: ${concepts}` : ''
      }`;
    })
    .join('\n');
}

export function describeTests(input: GradeInput): string {
  if (!input.question.coding) return 'Not a coding question.';
  if (!input.tests) return 'The candidate did not submit code against the tests.';
  const t = input.tests;
  return `${t.passed} of ${t.total} tests passed (status: ${t.status}).${t.detail ? `\n${t.detail}` : ''}`;
}

export async function gradeWithLlm(
  llm: LlmClient,
  prompts: Prompts,
  input: GradeInput,
  options: { signal?: AbortSignal; fairnessKey?: string } = {},
): Promise<{ output: GradeOutput; promptRef: string; model: string }> {
  const prompt = getPrompt(prompts, 'grader');
  const boundary = randomBytes(6).toString('hex');
  const messages = renderPrompt(prompt, {
    role_name: input.roleName,
    stage_name: input.stageName,
    question: input.question.prompt,
    rubric: describeRubric(input.question),
    test_results: describeTests(input),
    boundary,
    answer: input.transcript,
  });
  const raw = await llm.json({ messages, schema: LlmGradeSchema, schemaName: 'grade', temperature: 0, ...options });
  const { criteria, flags } = checkGrades(input.question.rubric, raw.criteria, input.candidateText);
  // The tests decide correctness; whatever the model said about it is replaced.
  for (const c of input.question.rubric.filter((r) => r.source === 'tests')) {
    const g = criteria.find((x) => x.criterionId === c.id)!;
    const { score, rationale } = testsScore(input.tests);
    Object.assign(g, { score, rationale, evidence: [] });
  }
  return { output: { criteria, feedback: raw.feedback.trim(), nextStep: raw.nextStep.trim(), flags }, promptRef: prompt.ref, model: llm.model };
}
