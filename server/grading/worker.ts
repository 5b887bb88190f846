/**
 * Runs stored grade jobs. A job is claimed with a lease (renewed while it runs), so jobs of a
 * server that died are picked up again once their lease lapses, by this server after a restart
 * or by another server on the same database. Results are written only by the claim holder, so a
 * job is never graded twice into two results.
 */
import { setMaxListeners } from 'node:events';
import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { grades, items } from '../db/schema.ts';
import { gradeItem, RetryLater } from './grade-item.ts';
import { maybeSummarizeStage } from './stage-summary.ts';

export interface GradeWorkerOptions {
  /** This server's identity in claims. */
  instanceId: string;
  leaseMs: number;
  /** Jobs graded at once (model calls are bounded separately by the LLM limiter). */
  concurrency: number;
  /** Model tries before the offline grade stands in as provisional. */
  maxTries: number;
  pollMs: number;
  /** Delay before retry n (1-based). */
  backoffMs: (tries: number) => number;
}

export const defaultWorkerOptions = (instanceId: string, leaseMs = 30_000): GradeWorkerOptions => ({
  instanceId,
  leaseMs,
  concurrency: 8,
  maxTries: 3,
  pollMs: 500,
  backoffMs: (n) => Math.min(30_000, 1000 * 2 ** (n - 1)),
});

export class GradeWorker {
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private ticking = false;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: Deps,
    private readonly options: GradeWorkerOptions,
  ) {
    // Every running job's model call listens to this one signal (to stop on shutdown).
    setMaxListeners(0, this.abort.signal);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.events.onGradeQueued(() => this.kick());
    this.kick();
  }

  /** Looks for due jobs now. */
  kick(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.ticking = true;
    void this.tick()
      .catch((err) => this.deps.logger.error('grade worker tick failed', { error: String(err) }))
      .finally(() => {
        this.ticking = false;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.timer = setTimeout(() => this.kick(), this.options.pollMs);
      });
  }

  /** Stops claiming; waits for running jobs (or abandons them to their lease after `graceMs`). */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    const all = Promise.allSettled([...this.running.values()]);
    const timeout = new Promise((r) => setTimeout(r, graceMs).unref());
    await Promise.race([all, timeout]);
    this.abort.abort();
  }

  /** Resolves when no job is pending, due or running (tests and the bench use it). */
  async drain(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      await Promise.allSettled([...this.running.values()]);
      const [pending] = await this.deps.db.select({ id: grades.id }).from(grades).where(eq(grades.status, 'pending')).limit(1);
      if (!pending && this.running.size === 0) return;
      if (Date.now() > until) throw new Error('grade jobs did not finish in time');
      this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async tick(): Promise<void> {
    const free = this.options.concurrency - this.running.size;
    if (free <= 0) return;
    const now = this.deps.clock();
    const due = await this.deps.db
      .select({ id: grades.id })
      .from(grades)
      .where(and(eq(grades.status, 'pending'), lte(grades.notBefore, now), or(isNull(grades.leaseUntil), lt(grades.leaseUntil, now))))
      .orderBy(asc(grades.notBefore), asc(grades.createdAt))
      .limit(free * 2);
    for (const { id } of due) {
      if (this.running.size >= this.options.concurrency) break;
      if (this.running.has(id) || !(await this.claim(id))) continue;
      const job = this.runJob(id).finally(() => {
        this.running.delete(id);
        this.kick();
      });
      this.running.set(id, job);
    }
  }

  private async claim(id: string): Promise<boolean> {
    const now = this.deps.clock();
    const res = await this.deps.db
      .update(grades)
      .set({ claimedBy: this.options.instanceId, leaseUntil: now + this.options.leaseMs })
      .where(and(eq(grades.id, id), eq(grades.status, 'pending'), or(isNull(grades.leaseUntil), lt(grades.leaseUntil, now))));
    return res.rowsAffected === 1;
  }

  private ownJob(id: string) {
    return and(eq(grades.id, id), eq(grades.status, 'pending'), eq(grades.claimedBy, this.options.instanceId));
  }

  private async runJob(id: string): Promise<void> {
    const { db, logger } = this.deps;
    const heartbeat = setInterval(() => {
      void db
        .update(grades)
        .set({ leaseUntil: this.deps.clock() + this.options.leaseMs })
        .where(this.ownJob(id))
        .catch((err) => logger.warn('lease renewal failed', { gradeId: id, error: String(err) }));
    }, Math.max(50, this.options.leaseMs / 3));
    heartbeat.unref();
    try {
      const grade = await db.query.grades.findFirst({ where: eq(grades.id, id) });
      if (!grade) return;
      const item = await db.query.items.findFirst({ where: eq(items.id, grade.itemId) });
      if (!item) return;
      const tries = grade.tries + 1;
      let result: Partial<typeof grades.$inferInsert>;
      try {
        const outcome = await gradeItem(this.deps, item, grade, { lastTry: tries >= this.options.maxTries, signal: this.abort.signal });
        const now = this.deps.clock();
        result = {
          status: outcome.status,
          grader: outcome.grader,
          model: outcome.model,
          promptRef: outcome.promptRef,
          result: outcome.output,
          level: outcome.level,
          error: outcome.error,
          tries,
          questionRevision: this.deps.bank.byId.get(item.questionId)?.revision ?? grade.questionRevision,
          completedAt: now,
          updatedAt: now,
          claimedBy: null,
          leaseUntil: null,
        };
      } catch (err) {
        const now = this.deps.clock();
        result =
          err instanceof RetryLater
            ? { tries, error: err.message, notBefore: now + this.options.backoffMs(tries), claimedBy: null, leaseUntil: null, updatedAt: now }
            : { status: 'failed', tries, error: `Grading failed: ${err instanceof Error ? err.message : String(err)}`, claimedBy: null, leaseUntil: null, updatedAt: now, completedAt: now };
        if (!(err instanceof RetryLater)) logger.error('grade job failed', { gradeId: id, error: String(err) });
      }
      const written = await db.update(grades).set(result).where(this.ownJob(id));
      if (written.rowsAffected === 1 && result.status && result.status !== 'pending') {
        this.deps.events.emit(grade.sessionId, { type: 'grade-updated', gradeId: id, itemId: grade.itemId, status: result.status });
        await maybeSummarizeStage(this.deps, grade.sessionId, item.stage).catch((err) =>
          logger.warn('stage summary failed', { sessionId: grade.sessionId, error: String(err) }),
        );
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
