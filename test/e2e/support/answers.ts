/**
 * Answers for the browser tests, written from the bank itself: a strong answer walks through every
 * concept of a question's rubric with reasoning; a weak one is short and vague. That way a loop
 * ends with a spread of verdicts, the way a real candidate's would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './build.ts';

interface BankQuestion {
  title: string;
  stage: string;
  rubric: Array<{ name: string; source?: string; concepts?: Array<{ label: string; terms: Array<string | number> }> }>;
  coding?: {
    language: 'python' | 'sql';
    /** Python: the function the tests call. */
    function?: string;
    starter: string;
    reference: string;
    /** A plausible but wrong solution (it may still pass the visible examples). */
    wrong: string;
    examples: unknown[];
    tests: unknown[];
  };
}

let cache: Map<string, BankQuestion> | undefined;

function questions(): Map<string, BankQuestion> {
  if (cache) return cache;
  cache = new Map();
  const dir = join(ROOT, 'question-bank', 'questions');
  for (const stage of readdirSync(dir))
    for (const file of readdirSync(join(dir, stage)).filter((f) => f.endsWith('.yaml'))) {
      const q = parse(readFileSync(join(dir, stage, file), 'utf8')) as BankQuestion;
      cache.set(q.title, q);
    }
  return cache;
}

export function questionByTitle(title: string): BankQuestion {
  const q = questions().get(title.trim());
  if (!q) throw new Error(`No bank question titled "${title}"`);
  return q;
}

export function strongAnswer(title: string, share = 1): string {
  const q = questionByTitle(title);
  const sentences: string[] = [];
  const criteria = q.rubric.filter((c) => c.source !== 'tests');
  for (const c of criteria.slice(0, Math.ceil(criteria.length * share))) {
    for (const concept of c.concepts ?? []) {
      const term = String(concept.terms[0]);
      sentences.push(`When it comes to ${c.name.toLowerCase()}, I would bring up ${term}, because that is what the decision depends on here.`);
    }
  }
  return sentences.join(' ');
}

/** Covers the first half of the rubric well and says nothing of the rest. */
export const partialAnswer = (title: string) => strongAnswer(title, 0.5);

export const weakAnswer = () => 'I think it depends on the situation. I would look at the data and then decide what to do with the team.';

/** The bank's reference solution, for a coding question answered well. */
export const referenceCode = (title: string) => questionByTitle(title).coding?.reference ?? null;
