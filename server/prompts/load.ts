/**
 * Loads the prompt templates in prompts/. Each file has front matter (id, version, variables)
 * and a system and a user part; rendering fills `{{name}}` placeholders by name. A variable the
 * template uses but does not declare (or declares but never uses) stops loading; a missing
 * value at render time is an error, never an empty string.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ChatMessage } from '../llm/types.ts';

const FrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  description: z.string().min(1),
  variables: z.array(z.string().regex(/^[a-z_]+$/)),
});

export interface PromptTemplate {
  id: string;
  version: number;
  /** "id@version": recorded on everything the prompt produces. */
  ref: string;
  description: string;
  variables: string[];
  system: string;
  user: string;
}

export class PromptError extends Error {
  override name = 'PromptError';
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

export function parsePrompt(file: string, source: string): PromptTemplate {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!m) throw new PromptError(`${file}: missing front matter (--- id, version, description, variables ---)`);
  const fm = FrontMatterSchema.safeParse(parseYaml(m[1]!));
  if (!fm.success) throw new PromptError(`${file}: bad front matter: ${fm.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const parts = /^\s*=== system ===\n([\s\S]*?)\n=== user ===\n([\s\S]*)$/.exec(m[2]!);
  if (!parts) throw new PromptError(`${file}: the body needs a "=== system ===" part followed by a "=== user ===" part`);
  const [system, user] = [parts[1]!.trim(), parts[2]!.trim()];
  const used = new Set([...`${system}\n${user}`.matchAll(PLACEHOLDER)].map((x) => x[1]!));
  const declared = new Set(fm.data.variables);
  for (const v of used) if (!declared.has(v)) throw new PromptError(`${file}: uses {{${v}}} but does not declare it in variables`);
  for (const v of declared) if (!used.has(v)) throw new PromptError(`${file}: declares variable "${v}" but never uses it`);
  return { ...fm.data, ref: `${fm.data.id}@${fm.data.version}`, system, user };
}

export type Prompts = Map<string, PromptTemplate>;

export const REQUIRED_PROMPTS = ['grader', 'interviewer-question', 'interviewer-follow-up', 'stage-summary'] as const;

export function loadPrompts(dir: string): Prompts {
  const prompts: Prompts = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const p = parsePrompt(name, readFileSync(join(dir, name), 'utf8'));
    if (prompts.has(p.id)) throw new PromptError(`${name}: duplicate prompt id "${p.id}"`);
    prompts.set(p.id, p);
  }
  for (const id of REQUIRED_PROMPTS) if (!prompts.has(id)) throw new PromptError(`prompts/: the "${id}" prompt is missing`);
  return prompts;
}

function fill(template: string, values: Record<string, string>, ref: string): string {
  // One pass, so a value containing "{{x}}" (a candidate's answer, say) is never expanded.
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    if (typeof v !== 'string') throw new PromptError(`${ref}: no value for variable "${name}"`);
    return v;
  });
}

/** Renders a template into chat messages; throws PromptError on a missing or unexpected variable. */
export function renderPrompt(prompt: PromptTemplate, values: Record<string, string>): ChatMessage[] {
  for (const k of Object.keys(values))
    if (!prompt.variables.includes(k)) throw new PromptError(`${prompt.ref}: unexpected variable "${k}"`);
  return [
    { role: 'system', content: fill(prompt.system, values, prompt.ref) },
    { role: 'user', content: fill(prompt.user, values, prompt.ref) },
  ];
}

export function getPrompt(prompts: Prompts, id: string): PromptTemplate {
  const p = prompts.get(id);
  if (!p) throw new PromptError(`unknown prompt "${id}"`);
  return p;
}
