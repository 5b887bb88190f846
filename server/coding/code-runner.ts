/**
 * createCodeRunner: the CodeRunner the app uses. At creation it starts, in the background, the
 * host checks (parent-death guard, network isolation), the Python snapshot, and warm pools of
 * Python and SQL sandbox children. run() waits for what it needs; close() kills every child it
 * ever started.
 */
import type { Coding } from '../bank/schema.ts';
import type { Logger } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { ChildChannel } from './child-channel.ts';
import { detectNetworkIsolation, type NetworkIsolation } from './network-isolation.ts';
import { resolveOptions, type CodeRunnerOptions, type ResolvedOptions } from './options.ts';
import { detectParentDeathGuard, type ParentDeathGuard } from './parent-death.ts';
import { PythonRunner } from './python-runner.ts';
import { bootPythonSandbox, makePythonSnapshot, pyodideDir, snapshotInputs, type PythonSandboxConfig } from './python-sandbox.ts';
import { obtainSnapshot, snapshotKey, type SnapshotFile } from './python-snapshot-cache.ts';
import { bootSqlSandbox } from './sql-sandbox.ts';
import { SqlRunner } from './sql-runner.ts';
import type { CodeRunner, RunMode, RunResult, RunnerStatus } from './types.ts';
import { WarmPool } from './warm-pool.ts';

export interface MockloopCodeRunner extends CodeRunner {
  /**
   * Resolves once the host checks are done and one sandbox per language is booted (so the first
   * run is warm), with the status; a language that cannot start shows as not ready.
   */
  ready(): Promise<RunnerStatus>;
}

/** SQLite's heap cap inside an SQL sandbox. */
const SQL_HEAP_LIMIT_MB = 256;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Every child ever started, so close() can kill them all, including ones mid-run or mid-boot. */
class ChildRegistry {
  private readonly live = new Set<ChildChannel>();
  readonly track = (channel: ChildChannel): void => {
    this.live.add(channel);
    void channel.exited.then(() => this.live.delete(channel));
  };
  async killAll(): Promise<void> {
    for (const channel of this.live) channel.kill('the code runner was closed');
    await Promise.all([...this.live].map((c) => c.exited));
  }
}

interface Shared {
  o: ResolvedOptions;
  registry: ChildRegistry;
  guard: Promise<ParentDeathGuard>;
  isClosed: () => boolean;
}

/** One language's side of the runner: a runner once its start-up is done, and its pool's state. */
interface Side<R> {
  runner: Promise<R>;
  pool(): WarmPool<ChildChannel> | undefined;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** Wraps a language's start-up: failures are logged once here and reported by every run. */
function side<R>(name: string, logger: Logger, isClosed: () => boolean, start: () => Promise<{ runner: R; pool: WarmPool<ChildChannel> }>, size: number): Side<R> & { startError(): unknown } {
  let pool: WarmPool<ChildChannel> | undefined;
  let startError: unknown;
  const runner = start().then((started) => {
    pool = started.pool;
    return started.runner;
  });
  runner.catch((err: unknown) => {
    startError = err;
    if (!isClosed()) logger.error(`code runner: ${name} cannot start`, { error: errorText(err) });
  });
  return {
    runner,
    pool: () => pool,
    startError: () => startError,
    async warmUp() {
      await runner;
      if (size > 0) await pool?.warmUp();
    },
    async close() {
      await pool?.close();
      // A start-up failure was logged when it happened; closing must still finish.
      await runner.catch(() => undefined);
    },
  };
}

/** Host checks, then the snapshot, then the warm pool; all in the background. */
function startPython({ o, registry, guard, isClosed }: Shared) {
  const { logger } = o;
  const abort = new AbortController();
  let snapshot: SnapshotFile | undefined;
  let isolation: NetworkIsolation | undefined;

  const python = side('Python', logger, isClosed, async () => {
    const nodePath = process.execPath;
    isolation = await detectNetworkIsolation({ mode: o.network, unshareCommand: o.unshareCommand, nodePath });
    if (!isolation.isolated) logger.warn(`code runner: Python is ${isolation.note}`);
    const cfg: PythonSandboxConfig = {
      nodePath,
      prefix: [...(await guard).prefix, ...isolation.prefix],
      pyodideDir: pyodideDir(),
      memoryLimitMb: o.memoryLimitMb,
      outputLimitBytes: o.outputLimitBytes,
      onSpawn: registry.track,
    };
    try {
      snapshot = await obtainSnapshot({
        key: await snapshotKey(snapshotInputs(cfg.pyodideDir)),
        make: (file) => makePythonSnapshot(cfg, file, abort.signal),
        logger,
      });
      cfg.snapshotFile = snapshot.file;
    } catch (err) {
      if (isClosed()) throw err;
      // Still works, only slower: each sandbox then pays Pyodide's full start-up.
      logger.warn('code runner: no Python snapshot, sandboxes boot from scratch', { error: errorText(err) });
    }
    if (isClosed()) throw new Error('the code runner was closed');
    const pool = new WarmPool<ChildChannel>({
      size: o.pythonPoolSize,
      boot: (signal) => bootPythonSandbox(cfg, signal),
      destroy: (c) => c.kill(),
      onBootError: (err) => logger.error('a Python sandbox failed to start', { error: errorText(err) }),
    });
    return { runner: new PythonRunner(pool, o, logger, isClosed), pool };
  }, o.pythonPoolSize);

  return {
    ...python,
    status(): RunnerStatus['python'] {
      const pool = python.pool();
      let note = isolation?.note ?? 'checking whether the network can be cut off';
      if (python.startError() !== undefined) note = `Python is unavailable: ${errorText(python.startError())}`;
      else if (pool?.lastError !== undefined) note = `${note}; the last sandbox failed to start: ${errorText(pool.lastError)}`;
      return {
        ready: !isClosed() && pool !== undefined && pool.lastError === undefined,
        warm: pool?.warm ?? 0,
        networkIsolated: isolation?.isolated ?? false,
        isolationNote: note,
      };
    },
    async close() {
      abort.abort();
      await python.close();
      snapshot?.remove();
    },
  };
}

function startSql({ o, registry, guard, isClosed }: Shared) {
  const sql = side('SQL', o.logger, isClosed, async () => {
    const prefix = (await guard).prefix;
    if (isClosed()) throw new Error('the code runner was closed');
    const pool = new WarmPool<ChildChannel>({
      size: o.sqlPoolSize,
      boot: (signal) => bootSqlSandbox({ nodePath: process.execPath, prefix, heapLimitMb: SQL_HEAP_LIMIT_MB, onSpawn: registry.track }, signal),
      destroy: (c) => c.kill(),
      onBootError: (err) => o.logger.error('an SQL sandbox failed to start', { error: errorText(err) }),
    });
    const limits = { timeLimitMs: o.timeLimitMs, maxRows: o.maxSqlRows, heapLimitMb: SQL_HEAP_LIMIT_MB };
    return { runner: new SqlRunner(pool, limits, o.logger, isClosed), pool };
  }, o.sqlPoolSize);
  return {
    ...sql,
    ready: () => {
      const pool = sql.pool();
      return !isClosed() && pool !== undefined && pool.lastError === undefined;
    },
  };
}

export function createCodeRunner(options?: CodeRunnerOptions): MockloopCodeRunner {
  const o = resolveOptions(options);
  let closed = false;
  const isClosed = () => closed;
  const registry = new ChildRegistry();
  const guard = detectParentDeathGuard(process.execPath).then((g) => {
    if (g.prefix.length === 0) o.logger.warn(`code runner: ${g.note}`);
    return g;
  });
  const shared: Shared = { o, registry, guard, isClosed };
  const python = o.languages.includes('python') ? startPython(shared) : undefined;
  const sql = o.languages.includes('sql') ? startSql(shared) : undefined;

  function status(): RunnerStatus {
    return {
      python: python?.status() ?? { ready: false, warm: 0, networkIsolated: false, isolationNote: 'Python is turned off on this server' },
      sql: { ready: sql?.ready() ?? false },
    };
  }

  /** The language's runner, or an "unavailable" error that says why there is none. */
  async function runnerFor<R>(s: Side<R> | undefined, name: string): Promise<R> {
    if (!s) throw new AppError('unavailable', `${name} is turned off on this server.`);
    return s.runner.catch((err: unknown) => {
      throw new AppError('unavailable', `${name} cannot run on this server: ${errorText(err)}`, undefined, { cause: err });
    });
  }

  return {
    async run({ coding, code, mode }): Promise<RunResult> {
      if (closed) throw new AppError('unavailable', 'The code runner is shut down.');
      if (code.length > o.maxCodeChars) return tooLarge(coding, mode, code.length, o.maxCodeChars);
      if (coding.language === 'python') return (await runnerFor(python, 'Python')).run(coding, code, mode);
      return (await runnerFor(sql, 'SQL')).run(coding, code, mode);
    },
    status,
    async ready() {
      await Promise.allSettled([python?.warmUp(), sql?.warmUp()]);
      return status();
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([sql?.close(), python?.close(), registry.killAll()]);
    },
  };
}

function tooLarge(coding: Coding, mode: RunMode, length: number, max: number): RunResult {
  const error = 'not run: the code is too long';
  const cases = [
    ...coding.examples.map((_, index) => ({ index, hidden: false, passed: false, error })),
    ...(mode === 'submit' ? coding.tests.map((_, index) => ({ index, hidden: true, passed: false })) : []),
  ];
  return {
    language: coding.language,
    mode,
    status: 'rejected',
    passed: 0,
    total: cases.length,
    cases,
    stdout: '',
    stderr: '',
    outputTruncated: false,
    message: `The code is too long (${length} characters; at most ${max}).`,
    durationMs: 0,
  };
}
