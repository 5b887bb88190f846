import { describe, expect, it } from 'vitest';
import { PoolClosedError, WarmPool } from '../../server/coding/warm-pool.ts';

/** A pool of numbered fake sandboxes whose boots can be made to fail. */
function fakePool(size: number, opts: { failFirst?: number } = {}) {
  let booted = 0;
  let failures = opts.failFirst ?? 0;
  const destroyed: number[] = [];
  const pool = new WarmPool<number>({
    size,
    boot: async () => {
      await new Promise((done) => setTimeout(done, 5));
      if (failures > 0) {
        failures--;
        throw new Error('boot failed');
      }
      return ++booted;
    },
    destroy: (n) => void destroyed.push(n),
  });
  return { pool, destroyed, booted: () => booted };
}

const settle = () => new Promise((done) => setTimeout(done, 50));

/** Waits until `cond` holds (boots are timers: a busy machine delays them). */
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 5));
  }
}

describe('WarmPool', () => {
  it('keeps `size` sandboxes warm and replaces a spent one', async () => {
    const { pool, destroyed, booted } = fakePool(2);
    await until(() => pool.warm === 2);
    const item = await pool.acquire();
    pool.release(item, false);
    expect(destroyed).toEqual([item]);
    await until(() => booted() === 3);
    expect(pool.warm).toBe(2);
    await pool.close();
  });

  it('keeps a reusable sandbox, but never more than `size`', async () => {
    const { pool, destroyed } = fakePool(1);
    const a = await pool.acquire();
    await until(() => pool.warm === 1); // a replacement boots meanwhile
    pool.release(a, true);
    expect(pool.warm).toBe(1);
    expect(destroyed).toEqual([a]);
    await pool.close();
  });

  it('boots on demand when the size is 0', async () => {
    const { pool, booted } = fakePool(0);
    await settle();
    expect(booted()).toBe(0);
    expect(await pool.acquire()).toBe(1);
    await pool.close();
  });

  it('tells a waiting run why boots fail, fails fast while backing off, then recovers', async () => {
    const { pool } = fakePool(1, { failFirst: 1 });
    await expect(pool.acquire()).rejects.toThrow('boot failed');
    expect(pool.lastError).toBeInstanceOf(Error);
    await expect(pool.acquire()).rejects.toThrow('boot failed');
    await until(() => pool.warm === 1); // the first retry comes after 500 ms
    expect(await pool.acquire()).toBe(1);
    expect(pool.lastError).toBeUndefined();
    await pool.close();
  });

  it('rejects waiters and destroys idle sandboxes when closed', async () => {
    const { pool, destroyed } = fakePool(1);
    const held = await pool.acquire();
    const waiting = pool.acquire();
    await pool.close();
    await expect(waiting).rejects.toBeInstanceOf(PoolClosedError);
    await expect(pool.acquire()).rejects.toBeInstanceOf(PoolClosedError);
    pool.release(held, true);
    expect(destroyed).toContain(held);
    expect(pool.warm).toBe(0);
  });
});
