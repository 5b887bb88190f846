/** The code runner's knobs, their defaults, and the checks that keep them sane. */
import type { Logger } from '../deps.ts';

export type Language = 'python' | 'sql';

export interface CodeRunnerOptions {
  /** Languages to start; runs in any other answer "unavailable". Default both. */
  languages?: Language[];
  /** Python sandboxes kept booted and waiting (0: boot one per run, slower). Default 2. */
  pythonPoolSize?: number;
  /** SQL sandboxes kept waiting. Default 2. */
  sqlPoolSize?: number;
  /** Wall time for running one submission, start-up and queueing excluded. Default 5000. */
  timeLimitMs?: number;
  /** Python heap limit (the wasm memory of the interpreter). Default 512. */
  memoryLimitMb?: number;
  /** stdout and stderr are each cut to this many bytes. Default 64 KiB. */
  outputLimitBytes?: number;
  /** Submissions longer than this are rejected unread. Default 100 000 characters. */
  maxCodeChars?: number;
  /** Rows an SQL query may return before it is stopped as too large. Default 10 000. */
  maxSqlRows?: number;
  /**
   * `auto`: run Python in a network namespace when this machine allows it (checked once at start).
   * `off`: never (the status then says so); for machines where `unshare` misbehaves.
   */
  network?: 'auto' | 'off';
  /** The `unshare` program; found on PATH when not given. */
  unshareCommand?: string;
  logger?: Logger;
}

export type ResolvedOptions = Required<Omit<CodeRunnerOptions, 'unshareCommand' | 'logger'>> &
  Pick<CodeRunnerOptions, 'unshareCommand'> & { logger: Logger };

const quietLogger: Logger = { info() {}, warn() {}, error() {} };

function whole(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`code runner option ${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** Fills defaults and rejects nonsense early, so a typo fails at start-up rather than on a candidate's run. */
export function resolveOptions(o: CodeRunnerOptions = {}): ResolvedOptions {
  return {
    pythonPoolSize: whole('pythonPoolSize', o.pythonPoolSize ?? 2, 0, 32),
    sqlPoolSize: whole('sqlPoolSize', o.sqlPoolSize ?? 2, 0, 32),
    timeLimitMs: whole('timeLimitMs', o.timeLimitMs ?? 5_000, 50, 600_000),
    memoryLimitMb: whole('memoryLimitMb', o.memoryLimitMb ?? 512, 64, 4_000),
    outputLimitBytes: whole('outputLimitBytes', o.outputLimitBytes ?? 64 * 1024, 256, 16 * 1024 * 1024),
    maxCodeChars: whole('maxCodeChars', o.maxCodeChars ?? 100_000, 1, 10_000_000),
    maxSqlRows: whole('maxSqlRows', o.maxSqlRows ?? 10_000, 1, 1_000_000),
    languages: [...new Set<Language>(o.languages ?? ['python', 'sql'])],
    network: o.network ?? 'auto',
    unshareCommand: o.unshareCommand,
    logger: o.logger ?? quietLogger,
  };
}
