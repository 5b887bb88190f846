/**
 * Loads question-bank/ (and optional question packs) from disk and validates every file.
 * A broken file stops start-up with a BankError listing file, path and reason for each problem.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  BankManifestSchema,
  QuestionSchema,
  RolesFileSchema,
  SkillsFileSchema,
  STAGES,
  type BankManifest,
  type Question,
  type Role,
  type Skill,
} from './schema.ts';

export interface BankProblem {
  file: string;
  path: string;
  reason: string;
}

export class BankError extends Error {
  constructor(readonly problems: BankProblem[]) {
    super(
      `The question bank is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.reason}`).join('\n'),
    );
    this.name = 'BankError';
  }
}

/** Where a question came from: the core bank or a pack (by pack id). */
export interface LoadedQuestion extends Question {
  source: string;
  file: string;
}

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  dir: string;
  questionCount: number;
}

export interface Bank {
  version: string;
  manifest: BankManifest;
  roles: Role[];
  skills: Skill[];
  questions: LoadedQuestion[];
  packs: PackInfo[];
  byId: Map<string, LoadedQuestion>;
}

const PackManifestSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must look like 1.2.3'),
});

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Reads and validates one YAML/JSON file; records problems instead of throwing. */
function readValidated<T>(file: string, root: string, schema: z.ZodType<T>, problems: BankProblem[]): T | undefined {
  const rel = relative(root, file) || file;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (err) {
    problems.push({ file: rel, path: '', reason: `cannot parse: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file: rel, path: formatPath(issue.path), reason: issue.message });
    return undefined;
  }
  return parsed.data;
}

function listQuestionFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listQuestionFiles(full));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(full);
  }
  return out;
}

function loadQuestions(dir: string, root: string, source: string, problems: BankProblem[]): LoadedQuestion[] {
  const out: LoadedQuestion[] = [];
  for (const file of listQuestionFiles(dir)) {
    const q = readValidated(file, root, QuestionSchema, problems);
    if (q) out.push({ ...q, source, file: relative(root, file) });
  }
  return out;
}

function crossCheck(questions: LoadedQuestion[], roles: Role[], skills: Skill[], problems: BankProblem[]): void {
  const roleIds = new Set(roles.map((r) => r.id));
  const skillIds = new Set(skills.map((s) => s.id));
  const seen = new Map<string, string>();
  for (const q of questions) {
    const prior = seen.get(q.id);
    if (prior) problems.push({ file: q.file, path: 'id', reason: `duplicate question id "${q.id}" (also in ${prior})` });
    seen.set(q.id, q.file);
    q.roles.forEach((r, i) => {
      if (!roleIds.has(r)) problems.push({ file: q.file, path: `roles[${i}]`, reason: `unknown role "${r}" (known: ${[...roleIds].join(', ')})` });
    });
    q.skills.forEach((s, i) => {
      if (!skillIds.has(s)) problems.push({ file: q.file, path: `skills[${i}]`, reason: `unknown skill "${s}" (known: ${[...skillIds].join(', ')})` });
    });
  }
  for (const [i, role] of roles.entries()) {
    for (const s of skillIds)
      if (!(s in role.skill_targets)) problems.push({ file: 'roles.yaml', path: `roles[${i}].skill_targets`, reason: `missing skill "${s}"` });
    for (const s of Object.keys(role.skill_targets))
      if (!skillIds.has(s)) problems.push({ file: 'roles.yaml', path: `roles[${i}].skill_targets.${s}`, reason: `unknown skill "${s}"` });
    for (const st of STAGES)
      if (!(st in role.stage_weights)) problems.push({ file: 'roles.yaml', path: `roles[${i}].stage_weights`, reason: `missing stage "${st}"` });
  }
}

/**
 * Loads the core bank from `dir` and each question pack folder in `packDirs`.
 * A pack is a folder with pack.yaml (id, name, version) and questions/ in the bank's format.
 */
export function loadBank(dir: string, packDirs: string[] = []): Bank {
  const problems: BankProblem[] = [];
  const manifest = readValidated(join(dir, 'bank.yaml'), dir, BankManifestSchema, problems);
  const roles = readValidated(join(dir, 'roles.yaml'), dir, RolesFileSchema, problems)?.roles ?? [];
  const skills = readValidated(join(dir, 'skills.yaml'), dir, SkillsFileSchema, problems)?.skills ?? [];
  const questions = loadQuestions(join(dir, 'questions'), dir, 'core', problems);
  if (manifest) {
    manifest.stages.forEach((s, i) => {
      if (s.id !== STAGES[i]) problems.push({ file: 'bank.yaml', path: `stages[${i}].id`, reason: `expected "${STAGES[i]}" (stages are listed in loop order)` });
    });
  }

  const packs: PackInfo[] = [];
  for (const packDir of packDirs) {
    if (!existsSync(join(packDir, 'pack.yaml'))) {
      problems.push({ file: packDir, path: '', reason: 'not a question pack: pack.yaml is missing' });
      continue;
    }
    // Problems in a pack name the pack's folder, so the author knows which pack to fix.
    const shownRoot = dirname(resolve(packDir));
    const info = readValidated(join(packDir, 'pack.yaml'), shownRoot, PackManifestSchema, problems);
    if (!info) continue;
    const packQuestions = loadQuestions(join(packDir, 'questions'), shownRoot, info.id, problems);
    if (listQuestionFiles(join(packDir, 'questions')).length === 0)
      problems.push({ file: relative(shownRoot, packDir), path: 'questions', reason: 'the pack has no question files (questions/*.yaml)' });
    questions.push(...packQuestions);
    packs.push({ ...info, dir: packDir, questionCount: packQuestions.length });
  }

  crossCheck(questions, roles, skills, problems);
  if (problems.length > 0 || !manifest) throw new BankError(problems);
  return {
    version: manifest.version,
    manifest,
    roles,
    skills,
    questions,
    packs,
    byId: new Map(questions.map((q) => [q.id, q])),
  };
}
