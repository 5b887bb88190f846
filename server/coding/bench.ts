/**
 * Measures the code runner: what a fresh Python sandbox costs to start (from scratch and from the
 * snapshot), a warm Python run of a 10-test problem, Python runs back to back (each then waits
 * for a replacement sandbox, since a sandbox serves one submission), and an SQL run. Returns the
 * numbers; `npm run bench` prints them next to the API latency under load.
 */
import { PythonCodingSchema, SqlCodingSchema, type Coding } from '../bank/schema.ts';
import { createCodeRunner } from './code-runner.ts';
import { detectNetworkIsolation } from './network-isolation.ts';
import type { CodeRunnerOptions } from './options.ts';
import { bootPythonSandbox, makePythonSnapshot, pyodideDir, snapshotInputs, type PythonSandboxConfig } from './python-sandbox.ts';
import { obtainSnapshot, snapshotKey } from './python-snapshot-cache.ts';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export interface CodeRunnerBench {
  /** One fresh child to ready with a full Pyodide start (the first start, or without a snapshot). */
  pythonColdStartMs: number;
  /** One fresh child to ready from the memory snapshot: what replacing a used sandbox costs. */
  pythonSnapshotStartMs: number;
  /** createCodeRunner() until one Python and one SQL sandbox wait warm. */
  runnerReadyMs: number;
  /** A 10-test submission when a sandbox is already waiting. */
  pythonWarmRun: Timing;
  /** The same submissions one after another: each waits for a replacement to boot. */
  pythonBackToBack: Timing;
  /** A 10-case SQL submission. */
  sqlRun: Timing;
  networkIsolated: boolean;
}

export function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: samples.length };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const PYTHON_BENCH = PythonCodingSchema.parse({
  language: 'python',
  function: 'moving_average',
  starter: 'def moving_average(values, k):\n    pass\n',
  reference:
    'def moving_average(values, k):\n    out, s = [], 0.0\n    for i, v in enumerate(values):\n        s += v\n        if i >= k:\n            s -= values[i - k]\n        if i >= k - 1:\n            out.append(s / k)\n    return out\n',
  wrong: 'def moving_average(values, k):\n    return []\n',
  examples: [{ args: [[1, 2, 3], 2], expected: [1.5, 2.5] }],
  tests: Array.from({ length: 9 }, (_, i) => {
    const values = Array.from({ length: 200 + i * 50 }, (_, j) => (j * 7919) % 101);
    const k = 3 + i;
    const expected = values.slice(k - 1).map((_, j) => values.slice(j, j + k).reduce((a, b) => a + b, 0) / k);
    return { args: [values, k], expected };
  }),
});

const SQL_BENCH = SqlCodingSchema.parse({
  language: 'sql',
  schema: 'CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount REAL NOT NULL);',
  starter: 'SELECT region, SUM(amount) FROM sales GROUP BY region;',
  reference: 'SELECT region, SUM(amount) AS total FROM sales GROUP BY region;',
  wrong: 'SELECT region, MAX(amount) AS total FROM sales GROUP BY region;',
  examples: [{ seed: { sales: [{ id: 1, region: 'n', amount: 2 }] }, expected: { columns: ['region', 'total'], rows: [['n', 2]] } }],
  tests: Array.from({ length: 9 }, (_, i) => {
    const rows = Array.from({ length: 50 + i * 10 }, (_, j) => ({ id: j + 1, region: `r${j % 5}`, amount: j + 1 }));
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.region, (totals.get(r.region) ?? 0) + r.amount);
    return { seed: { sales: rows }, expected: { columns: ['region', 'total'], rows: [...totals.entries()] } };
  }),
});

async function timeRuns(runs: number, one: () => Promise<void>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await one();
    samples.push(performance.now() - started);
  }
  return timing(samples);
}

async function expectPassed(run: Promise<{ status: string; message?: string }>, what: string): Promise<void> {
  const result = await run;
  if (result.status !== 'passed') throw new Error(`bench ${what} did not pass: ${result.status} ${result.message ?? ''}`);
}

/** Fresh-child start times, measured outside the runner so that nothing is warm. */
async function startTimes(): Promise<{ cold: number; snapshot: number }> {
  const isolation = await detectNetworkIsolation({ mode: 'auto', nodePath: process.execPath });
  const cfg: PythonSandboxConfig = { nodePath: process.execPath, prefix: isolation.prefix, pyodideDir: pyodideDir(), memoryLimitMb: 512, outputLimitBytes: 65536 };
  const signal = new AbortController().signal;
  let started = performance.now();
  const cold = await bootPythonSandbox(cfg, signal);
  const coldMs = performance.now() - started;
  cold.kill();
  const snapshot = await obtainSnapshot({
    key: await snapshotKey(snapshotInputs(cfg.pyodideDir)),
    make: (file) => makePythonSnapshot(cfg, file, signal),
    logger: { info() {}, warn() {}, error() {} },
  });
  try {
    started = performance.now();
    const warm = await bootPythonSandbox({ ...cfg, snapshotFile: snapshot.file }, signal);
    const snapshotMs = performance.now() - started;
    warm.kill();
    await Promise.all([cold.exited, warm.exited]);
    return { cold: round(coldMs), snapshot: round(snapshotMs) };
  } finally {
    snapshot.remove();
  }
}

export async function benchCodeRunner(opts: { runs?: number; runner?: CodeRunnerOptions } = {}): Promise<CodeRunnerBench> {
  const runs = opts.runs ?? 30;
  const starts = await startTimes();
  const started = performance.now();
  const runner = createCodeRunner(opts.runner);
  try {
    const status = await runner.ready();
    const runnerReadyMs = round(performance.now() - started);
    if (!status.python.ready || !status.sql.ready) throw new Error(`the runner is not ready: ${JSON.stringify(status)}`);
    const submit = (coding: Coding) => runner.run({ coding, code: coding.reference, mode: 'submit' });
    const poolSize = opts.runner?.pythonPoolSize ?? 2;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Every sandbox booted and none booting: time the run alone, not a boot competing with it.
      while (runner.status().python.warm < Math.max(1, poolSize)) await new Promise((done) => setTimeout(done, 10));
      const t = performance.now();
      await expectPassed(submit(PYTHON_BENCH), 'python');
      samples.push(performance.now() - t);
    }
    const pythonBackToBack = await timeRuns(runs, () => expectPassed(submit(PYTHON_BENCH), 'python'));
    const sqlRun = await timeRuns(runs, () => expectPassed(submit(SQL_BENCH), 'sql'));
    return {
      pythonColdStartMs: starts.cold,
      pythonSnapshotStartMs: starts.snapshot,
      runnerReadyMs,
      pythonWarmRun: timing(samples),
      pythonBackToBack,
      sqlRun,
      networkIsolated: status.python.networkIsolated,
    };
  } finally {
    await runner.close();
  }
}
