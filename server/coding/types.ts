/**
 * The seam between the interview engine and the code runners. The engine hands over a question's
 * coding section and the candidate's code; a runner returns per-test results that both the
 * candidate (visible examples in full, hidden tests as pass/fail only) and the grader see.
 */
import type { Coding } from '../bank/schema.ts';

/** `run`: the visible examples only, as often as the candidate likes. `submit`: examples and every hidden test. */
export type RunMode = 'run' | 'submit';

export interface CaseResult {
  index: number;
  hidden: boolean;
  passed: boolean;
  /** The rest is filled for visible examples only: hidden tests report pass/fail and nothing else. */
  note?: string;
  /** Python: the call's arguments. */
  args?: unknown[];
  /** Python: the return value; SQL: `{ columns, rows }`. */
  expected?: unknown;
  actual?: unknown;
  /** Why it failed: an exception with its traceback (trimmed to the candidate's code), or a result difference. */
  error?: string;
}

export type RunStatus =
  | 'passed' // every case passed
  | 'failed' // ran, some cases failed
  | 'error' // the code did not run (syntax error, SQL error, exception at import)
  | 'timeout' // wall-time limit hit
  | 'memory' // memory limit hit
  | 'rejected'; // refused before running (SQL: not a single read statement; too large)

export interface RunResult {
  language: Coding['language'];
  mode: RunMode;
  status: RunStatus;
  passed: number;
  total: number;
  cases: CaseResult[];
  stdout: string;
  stderr: string;
  /** True when stdout/stderr were cut to the output limit (the text then ends with a note). */
  outputTruncated: boolean;
  /** Set when status is error, timeout, memory or rejected: a message fit to show the candidate. */
  message?: string;
  durationMs: number;
}

export interface RunnerStatus {
  python: {
    ready: boolean;
    warm: number;
    /** Whether Python runs without network access (a network namespace); said at start-up and in the API. */
    networkIsolated: boolean;
    isolationNote: string;
  };
  sql: { ready: boolean };
}

export interface CodeRunner {
  run(req: { coding: Coding; code: string; mode: RunMode }): Promise<RunResult>;
  status(): RunnerStatus;
  close(): Promise<void>;
}
