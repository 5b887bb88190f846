/**
 * Loads question-bank/career.yaml and validates it: its own shape (schema.ts), then every role,
 * skill, stage and project it names against the loaded bank. A broken file stops start-up with
 * the bank's own BankError (file, path, reason), so main.ts reports it like any bank problem.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BankError, type Bank, type BankProblem } from '../bank/load.ts';
import { STAGES } from '../bank/schema.ts';
import { phraseKey } from './phrases.ts';
import { CareerFileSchema, type CareerData, type Project } from './schema.ts';

export const CAREER_FILE = 'career.yaml';
/** The core bank folder; the career data sits beside roles.yaml and skills.yaml. */
export const DEFAULT_BANK_DIR = resolve(import.meta.dirname, '../../question-bank');

export interface Career extends CareerData {
  projectById: Map<string, Project>;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function crossCheck(data: CareerData, bank: Bank, problems: BankProblem[]): void {
  const file = CAREER_FILE;
  const roleIds = new Set(bank.roles.map((r) => r.id));
  const skillIds = new Set(bank.skills.map((s) => s.id));
  const projectIds = new Set<string>();
  const unknown = (kind: string, value: string, known: Set<string>) => `unknown ${kind} "${value}" (known: ${[...known].join(', ')})`;

  data.projects.forEach((p, i) => {
    if (projectIds.has(p.id)) problems.push({ file, path: `projects[${i}].id`, reason: `duplicate project id "${p.id}"` });
    projectIds.add(p.id);
    p.roles.forEach((r, j) => {
      if (!roleIds.has(r)) problems.push({ file, path: `projects[${i}].roles[${j}]`, reason: unknown('role', r, roleIds) });
    });
    p.skills.forEach((s, j) => {
      if (!skillIds.has(s)) problems.push({ file, path: `projects[${i}].skills[${j}]`, reason: unknown('skill', s, skillIds) });
    });
    p.steps.forEach((st, j) => {
      if (st.week > data.plan.three_month_check_week)
        problems.push({ file, path: `projects[${i}].steps[${j}].week`, reason: `week ${st.week} is after the three-month check (week ${data.plan.three_month_check_week})` });
    });
  });

  const titled = new Set<string>();
  data.titles.forEach((t, i) => {
    if (!roleIds.has(t.role)) problems.push({ file, path: `titles[${i}].role`, reason: unknown('role', t.role, roleIds) });
    titled.add(t.role);
  });
  for (const r of roleIds) if (!titled.has(r)) problems.push({ file, path: 'titles', reason: `no title patterns for role "${r}"` });

  for (const s of Object.keys(data.skill_phrases))
    if (!skillIds.has(s)) problems.push({ file, path: `skill_phrases.${s}`, reason: unknown('skill', s, skillIds) });
  for (const s of skillIds) if (!(s in data.skill_phrases)) problems.push({ file, path: 'skill_phrases', reason: `missing skill "${s}"` });

  for (const s of Object.keys(data.suggestions)) {
    if (!skillIds.has(s)) problems.push({ file, path: `suggestions.${s}`, reason: unknown('skill', s, skillIds) });
    data.suggestions[s]!.projects.forEach((p, j) => {
      if (!projectIds.has(p)) problems.push({ file, path: `suggestions.${s}.projects[${j}]`, reason: unknown('project', p, projectIds) });
    });
  }
  for (const s of skillIds) if (!(s in data.suggestions)) problems.push({ file, path: 'suggestions', reason: `missing skill "${s}"` });

  for (const [r, p] of Object.entries(data.role_projects)) {
    if (!roleIds.has(r)) problems.push({ file, path: `role_projects.${r}`, reason: unknown('role', r, roleIds) });
    const project = data.projects.find((x) => x.id === p);
    if (!project) problems.push({ file, path: `role_projects.${r}`, reason: unknown('project', p, projectIds) });
    else if (!project.roles.includes(r)) problems.push({ file, path: `role_projects.${r}`, reason: `project "${p}" does not list role "${r}" in its roles` });
  }
  for (const r of roleIds) if (!(r in data.role_projects)) problems.push({ file, path: 'role_projects', reason: `missing role "${r}"` });

  const askIds = new Set<string>();
  data.overlooked_asks.forEach((a, i) => {
    if (askIds.has(a.id)) problems.push({ file, path: `overlooked_asks[${i}].id`, reason: `duplicate ask id "${a.id}"` });
    askIds.add(a.id);
  });
  for (const st of STAGES) if (!(st in data.stage_phrases)) problems.push({ file, path: 'stage_phrases', reason: `missing stage "${st}"` });

  // Two phrases that match the same words would count twice: each list must name a phrase once.
  const once = (fileName: string, path: string, phrases: string[]) => {
    const seen = new Map<string, string>();
    phrases.forEach((p, i) => {
      const key = phraseKey(p);
      const prior = seen.get(key);
      if (prior !== undefined)
        problems.push({ file: fileName, path: `${path}[${i}]`, reason: `"${p}" matches the same words as "${prior}" (both would count); keep one` });
      else seen.set(key, p);
    });
  };
  for (const [s, list] of Object.entries(data.skill_phrases)) once(file, `skill_phrases.${s}`, list.map((x) => x.phrase));
  for (const [s, list] of Object.entries(data.stage_phrases)) once(file, `stage_phrases.${s}`, list.map((x) => x.phrase));
  data.overlooked_asks.forEach((a, i) => once(file, `overlooked_asks[${i}].phrases`, a.phrases));
  bank.roles.forEach((r, i) => once('roles.yaml', `roles[${i}].jd_phrases`, r.jd_phrases.map((x) => x.phrase)));
}

/** Parses and validates career data from YAML text; `bank` is what it is checked against. */
export function parseCareer(source: string, bank: Bank): Career {
  const problems: BankProblem[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(source, { prettyErrors: true });
  } catch (err) {
    throw new BankError([{ file: CAREER_FILE, path: '', reason: `cannot parse: ${(err as Error).message.split('\n')[0]}` }]);
  }
  const parsed = CareerFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BankError(parsed.error.issues.map((issue) => ({ file: CAREER_FILE, path: formatPath(issue.path), reason: issue.message })));
  }
  crossCheck(parsed.data, bank, problems);
  if (problems.length > 0) throw new BankError(problems);
  return { ...parsed.data, projectById: new Map(parsed.data.projects.map((p) => [p.id, p])) };
}

/** Loads `<dir>/career.yaml` (the core bank folder by default); throws BankError when it is invalid. */
export function loadCareer(bank: Bank, dir: string = DEFAULT_BANK_DIR): Career {
  const file = join(dir, CAREER_FILE);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new BankError([{ file: CAREER_FILE, path: '', reason: `cannot read: ${(err as Error).message}` }]);
  }
  return parseCareer(source, bank);
}
