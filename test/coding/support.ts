/** Shared fixtures for the code-runner tests: small questions and a look at our child processes. */
import { readdirSync, readFileSync } from 'node:fs';
import { PythonCodingSchema, SqlCodingSchema, type PythonCoding, type SqlCoding } from '../../server/bank/schema.ts';
import type { CaseResult, RunResult } from '../../server/coding/types.ts';

/** `add(a, b)`: two visible examples and seven hidden tests (one expects a ValueError). */
export function addQuestion(overrides: Partial<PythonCoding> = {}): PythonCoding {
  return PythonCodingSchema.parse({
    language: 'python',
    function: 'add',
    starter: 'def add(a, b):\n    pass\n',
    reference: 'def add(a, b):\n    if a is None or b is None:\n        raise ValueError("missing")\n    return a + b\n',
    wrong: 'def add(a, b):\n    return a - b\n',
    tolerance: 1e-9,
    examples: [{ args: [1, 2], expected: 3 }, { args: [0.1, 0.2], expected: 0.3, note: 'floats' }],
    tests: [
      { args: [987654, 1], expected: 987655, note: 'a secret note' },
      { args: [-5, 5], expected: 0 },
      { args: [2.5, 2.5], expected: 5 },
      { args: [[1], [2]], expected: [1, 2] },
      { args: ['ab', 'cd'], expected: 'abcd' },
      { args: [1e9, 1], expected: 1000000001 },
      { args: [null, 1], raises: 'ValueError' },
    ],
    ...overrides,
  });
}

export const ADD_REFERENCE = addQuestion().reference;

/** products(id, name, category, price): two visible examples, six hidden tests; order does not matter. */
export function productsQuestion(overrides: Partial<SqlCoding> = {}): SqlCoding {
  const seed = (...rows: [number, string, string, number | null][]) => ({
    products: rows.map(([id, name, category, price]) => ({ id, name, category, price })),
  });
  const table = (rows: (string | number | null)[][]) => ({ columns: ['name', 'price'], rows });
  return SqlCodingSchema.parse({
    language: 'sql',
    schema: 'CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price REAL);',
    starter: 'SELECT name, price FROM products;',
    reference: "SELECT name, price FROM products WHERE category = 'office';",
    wrong: 'SELECT name, price FROM products;',
    examples: [
      { note: 'one office product', seed: seed([1, 'pen', 'office', 1.5], [2, 'apple', 'food', 0.5]), expected: table([['pen', 1.5]]) },
      { seed: seed([1, 'desk', 'office', 200], [2, 'lamp', 'office', null]), expected: table([['lamp', null], ['desk', 200]]) },
    ],
    tests: [
      { note: 'secret hidden note', seed: seed([1, 'secretwidget', 'office', 9.75]), expected: table([['secretwidget', 9.75]]) },
      { seed: seed([1, 'a', 'food', 1]), expected: table([]) },
      { seed: seed([1, 'a', 'office', 1], [2, 'b', 'office', 2]), expected: table([['b', 2], ['a', 1]]) },
      { seed: seed([1, 'a', 'office', 0.1]), expected: table([['a', 0.1]]) },
      { seed: seed([1, 'a', 'office', 1], [2, 'a', 'office', 1]), expected: table([['a', 1], ['a', 1]]) },
      { seed: seed(), expected: table([]) },
    ],
    ...overrides,
  });
}

/** A hidden case must say which test it is and whether it passed, and nothing else. */
export function expectRedacted(c: CaseResult): void {
  if (!c.hidden) throw new Error(`case ${c.index} is not hidden`);
  const keys = Object.keys(c).sort();
  if (keys.join(',') !== 'hidden,index,passed') throw new Error(`hidden case ${c.index} carries ${keys.join(', ')}`);
}

export function hiddenCases(result: RunResult): CaseResult[] {
  return result.cases.filter((c) => c.hidden);
}

/** Pids of the live sandbox children (Python or SQL) of `parent` (this process by default), read from /proc. */
export function sandboxChildren(parent = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = fields[0];
      const ppid = Number(fields[1]);
      if (ppid !== parent || state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/(python|sql)-child\.mjs/.test(cmdline)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The pids among `pids` that have exited, once at least `count` have (SIGKILL lands asynchronously), or after `ms`. */
export async function exitedAmong(pids: number[], count: number, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const gone = pids.filter((pid) => !isAlive(pid));
    if (gone.length >= count || Date.now() > until) return gone;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs `work` while a 20 ms timer ticks, and returns the longest gap between ticks: a blocked
 * event loop shows up as a gap as long as the blocking, a free one as a gap near 20 ms.
 */
export async function loopGapDuring<T>(work: Promise<T>): Promise<{ value: T; maxGapMs: number; ms: number }> {
  let last = performance.now();
  let maxGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, 20);
  const started = performance.now();
  try {
    const value = await work;
    maxGapMs = Math.max(maxGapMs, performance.now() - last);
    return { value, maxGapMs, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}
