/**
 * Bounds concurrent model calls. A burst queues instead of failing, and the queue is fair
 * between sessions: waiting calls are served round-robin by fairness key, so one candidate's
 * many pending grades cannot starve another candidate's interviewer turn.
 */
export class FairLimiter {
  private active = 0;
  private readonly queues = new Map<string, Array<() => void>>();

  constructor(readonly limit: number) {}

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  async run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(key, signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(key: string, signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit && this.waiting === 0) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const q = this.queues.get(key);
        const i = q?.indexOf(grant) ?? -1;
        if (q && i >= 0) q.splice(i, 1);
        if (q?.length === 0) this.queues.delete(key);
        reject(signal!.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
      this.queues.set(key, queue);
    });
  }

  private release(): void {
    // Hand the slot to the oldest key's next waiter, then move that key to the back (round-robin).
    for (const [key, queue] of this.queues) {
      const next = queue.shift();
      this.queues.delete(key);
      if (queue.length > 0) this.queues.set(key, queue);
      if (next) {
        next();
        return;
      }
    }
    this.active--;
  }
}
