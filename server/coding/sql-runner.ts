/**
 * Runs one SQL submission: checks the statement (sql-guard.ts), then, case by case, asks a warm
 * SQL sandbox for the query's result on a fresh in-memory database built from the question's
 * schema and that case's rows, and compares it with the expected table. Sandboxes are reused
 * (they keep no state between cases); one that runs out of time is killed and replaced.
 */
import { z } from 'zod';
import type { SqlCase, SqlCoding } from '../bank/schema.ts';
import type { Logger } from '../deps.ts';
import { AppError } from '../errors.ts';
import { preview, type ChildChannel } from './child-channel.ts';
import { compareSqlResult, type Cell, type SqlTable } from './compare-sql.ts';
import { checkSql } from './sql-guard.ts';
import type { CaseResult, RunMode, RunResult, RunStatus } from './types.ts';
import type { WarmPool } from './warm-pool.ts';

export interface SqlLimits {
  timeLimitMs: number;
  maxRows: number;
  heapLimitMb: number;
}

const CellSchema: z.ZodType<Cell> = z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ $blob: z.string() })]);
const ReplySchema = z.discriminatedUnion('type', [
  z.object({ id: z.number(), type: z.literal('result'), columns: z.array(z.string()), rows: z.array(z.array(CellSchema)), tooManyRows: z.boolean() }),
  z.object({ id: z.number().optional(), type: z.literal('error'), kind: z.enum(['sql', 'memory', 'rejected', 'setup']), message: z.string() }),
]);

/** A failing result's rows shown to the candidate; the rest is summarised in the error. */
const SHOWN_ACTUAL_ROWS = 200;

type CaseOutcome = { kind: 'table'; table: SqlTable; tooManyRows: boolean } | { kind: 'sql-error'; message: string };

interface LabelledCase {
  index: number;
  hidden: boolean;
  c: SqlCase;
}

export class SqlRunner {
  constructor(
    private readonly pool: WarmPool<ChildChannel>,
    private readonly limits: SqlLimits,
    private readonly logger: Logger,
    private readonly isClosed: () => boolean,
  ) {}

  async run(coding: SqlCoding, code: string, mode: RunMode): Promise<RunResult> {
    const started = performance.now();
    const all: LabelledCase[] = [
      ...coding.examples.map((c, index) => ({ index, hidden: false, c })),
      ...(mode === 'submit' ? coding.tests.map((c, index) => ({ index, hidden: true, c })) : []),
    ];
    const check = checkSql(code);
    if (!check.ok) return this.result(mode, all, [], coding, { status: 'rejected', message: check.message }, started);

    const child = await this.pool.acquire().catch((err: unknown) => {
      throw new AppError('unavailable', `SQL cannot run right now: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    });
    const deadline = Date.now() + this.limits.timeLimitMs;
    const outcomes: (CaseOutcome | undefined)[] = [];
    let stop: { status: RunStatus; message: string } | undefined;
    let reusable = true;
    try {
      for (const [k, { hidden, c }] of all.entries()) {
        child.send({ id: k, schema: coding.schema, seed: c.seed, sql: code, maxRows: this.limits.maxRows });
        const event = await child.nextWithin(deadline - Date.now());
        if (event === 'timeout') {
          reusable = false;
          child.kill('time limit');
          stop = { status: 'timeout', message: `Time limit exceeded: the query ran for more than ${this.limits.timeLimitMs / 1000} s (a recursive CTE that never stops?).` };
          break;
        }
        if (event.kind === 'exit') {
          reusable = false;
          if (this.isClosed()) throw new AppError('unavailable', 'The code runner was shut down during the run.');
          this.logger.warn('sql sandbox stopped unexpectedly', { reason: event.reason, stderr: child.stderrTail().slice(-1000) });
          stop = { status: 'error', message: 'The SQL process stopped unexpectedly.' };
          break;
        }
        const reply = ReplySchema.safeParse(event.data);
        if (!reply.success || (reply.data.id !== undefined && reply.data.id !== k)) {
          reusable = false;
          child.kill('invalid message');
          throw new Error(`the SQL sandbox sent an unexpected reply: ${preview(event.data)}`);
        }
        const r = reply.data;
        if (r.type === 'result') {
          outcomes[k] = { kind: 'table', table: { columns: r.columns, rows: r.rows }, tooManyRows: r.tooManyRows };
          continue;
        }
        if (r.kind === 'setup') {
          // The question's schema or seed rows are broken: a bank problem, not the candidate's.
          this.logger.error('sql question setup failed', { message: r.message });
          stop = { status: 'error', message: `This question's database could not be built (a problem in the question bank): ${r.message}` };
          break;
        }
        if (r.kind === 'memory') {
          stop = { status: 'memory', message: `Out of memory: the query needed more than ${this.limits.heapLimitMb} MB.` };
          break;
        }
        if (r.kind === 'rejected') {
          stop = { status: 'rejected', message: `Only a read query can run: ${r.message}.` };
          break;
        }
        // An SQL error on a visible example stops the run with SQLite's message; on a hidden test
        // it fails that test alone, and its message stays hidden.
        if (!hidden) {
          stop = { status: 'error', message: `SQL error: ${r.message}` };
          break;
        }
        outcomes[k] = { kind: 'sql-error', message: r.message };
      }
    } finally {
      this.pool.release(child, reusable && child.alive);
    }
    return this.result(mode, all, outcomes, coding, stop, started);
  }

  private result(
    mode: RunMode,
    all: LabelledCase[],
    outcomes: (CaseOutcome | undefined)[],
    coding: SqlCoding,
    stop: { status: RunStatus; message: string } | undefined,
    started: number,
  ): RunResult {
    const notRun = stop ? `not run: ${stop.status === 'rejected' ? 'the query was rejected' : 'the run stopped first'}` : 'not run';
    const cases = all.map(({ index, hidden, c }, k) => judgeSqlCase(index, hidden, c, outcomes[k], coding, this.limits.maxRows, notRun));
    const passed = cases.filter((c) => c.passed).length;
    return {
      language: 'sql',
      mode,
      status: stop?.status ?? (passed === cases.length ? 'passed' : 'failed'),
      passed,
      total: cases.length,
      cases,
      stdout: '',
      stderr: '',
      outputTruncated: false,
      ...(stop ? { message: stop.message } : {}),
      durationMs: Math.round(performance.now() - started),
    };
  }
}

function judgeSqlCase(
  index: number,
  hidden: boolean,
  c: SqlCase,
  outcome: CaseOutcome | undefined,
  coding: SqlCoding,
  maxRows: number,
  notRun: string,
): CaseResult {
  let passed = false;
  let error: string | undefined = notRun;
  if (outcome?.kind === 'sql-error') error = `SQL error: ${outcome.message}`;
  else if (outcome?.kind === 'table' && outcome.tooManyRows) error = `the query returned more than ${maxRows} rows`;
  else if (outcome?.kind === 'table') {
    const comparison = compareSqlResult(c.expected, outcome.table, { orderMatters: coding.order_matters, tolerance: coding.tolerance });
    passed = comparison.equal;
    error = comparison.equal ? undefined : comparison.reason;
  }
  if (hidden) return { index, hidden, passed };
  const actual =
    outcome?.kind === 'table'
      ? { columns: outcome.table.columns, rows: outcome.table.rows.slice(0, SHOWN_ACTUAL_ROWS) }
      : undefined;
  return {
    index,
    hidden,
    passed,
    ...(c.note !== undefined ? { note: c.note } : {}),
    expected: c.expected,
    ...(actual ? { actual } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}
