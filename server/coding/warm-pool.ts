/**
 * Keeps `size` sandboxes booted and waiting, so a run does not pay the start-up cost. A run takes
 * one (or waits for one) and gives it back: reusable, it waits again; spent (used for a Python
 * submission, timed out, crashed), it is destroyed and a fresh one boots in its place. Boots run
 * in the background, at most `maxBooting` at a time so a burst does not starve the machine.
 */

export interface WarmPoolOptions<T> {
  /** Sandboxes kept ready. 0: boot one per request (a cold start each time). */
  size: number;
  maxBooting?: number;
  /** Starts one sandbox; must give up (and clean up) when `signal` aborts. */
  boot: (signal: AbortSignal) => Promise<T>;
  destroy: (item: T) => void;
  /** Called when a boot fails; the pool retries with a growing delay. */
  onBootError?: (err: unknown) => void;
}

interface Waiter<T> {
  resolve: (item: T) => void;
  reject: (err: unknown) => void;
}

const RETRY_START_MS = 500;
const RETRY_MAX_MS = 30_000;

export class PoolClosedError extends Error {
  override name = 'PoolClosedError';
  constructor() {
    super('the code runner has been closed');
  }
}

export class WarmPool<T> {
  private readonly idle: T[] = [];
  private readonly waiters: Waiter<T>[] = [];
  private booting = 0;
  private closed = false;
  private readonly abort = new AbortController();
  private retryDelay = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly maxBooting: number;
  /** The last boot failure, cleared by a successful boot. */
  lastError: unknown;

  constructor(private readonly opts: WarmPoolOptions<T>) {
    this.maxBooting = Math.max(1, opts.maxBooting ?? Math.max(1, opts.size));
    this.refill();
  }

  /** Sandboxes booted and waiting. */
  get warm(): number {
    return this.idle.length;
  }

  /** A booted sandbox; waits for one when none is free. Rejects when the pool closes or boots keep failing. */
  acquire(): Promise<T> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    const item = this.idle.shift();
    if (item !== undefined) {
      this.refill();
      return Promise.resolve(item);
    }
    // Boots are failing and the pool is waiting before the next try: fail fast with the reason.
    if (this.retryTimer) return Promise.reject(this.lastError);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.refill();
    });
  }

  /** Gives a sandbox back: kept when `reusable`, otherwise destroyed and replaced. */
  release(item: T, reusable: boolean): void {
    if (!reusable || this.closed) {
      this.opts.destroy(item);
      this.refill();
      return;
    }
    this.offer(item);
  }

  /** Resolves once a sandbox is booted and waiting (or rejects with why none can boot). */
  async warmUp(): Promise<void> {
    this.release(await this.acquire(), true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.abort.abort();
    for (const item of this.idle.splice(0)) this.opts.destroy(item);
    for (const waiter of this.waiters.splice(0)) waiter.reject(new PoolClosedError());
  }

  /** Boots until idle + booting covers the warm target and everyone waiting. */
  private refill(): void {
    if (this.closed || this.retryTimer) return;
    const wanted = Math.max(this.opts.size, 0) + this.waiters.length;
    while (this.idle.length + this.booting < wanted && this.booting < this.maxBooting) {
      this.booting++;
      this.opts.boot(this.abort.signal).then(
        (item) => this.onBooted(item),
        (err) => this.onBootFailed(err),
      );
    }
  }

  private onBooted(item: T): void {
    this.booting--;
    this.retryDelay = 0;
    this.lastError = undefined;
    if (this.closed) {
      this.opts.destroy(item);
      return;
    }
    this.offer(item);
    this.refill();
  }

  /** To the first waiter, else to the idle list while it is below the warm target. */
  private offer(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(item);
    else if (this.idle.length < this.opts.size) this.idle.push(item);
    else this.opts.destroy(item);
  }

  private onBootFailed(err: unknown): void {
    this.booting--;
    if (this.closed) return;
    this.lastError = err;
    this.opts.onBootError?.(err);
    // Someone is waiting: tell them now rather than let them wait on a boot that keeps failing.
    this.waiters.shift()?.reject(err);
    this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay ? this.retryDelay * 2 : RETRY_START_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.refill();
    }, this.retryDelay);
    // The retry timer must not keep a process alive that is otherwise done.
    this.retryTimer.unref();
  }
}
