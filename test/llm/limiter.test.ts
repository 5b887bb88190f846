import { describe, expect, it } from 'vitest';
import { FairLimiter } from '../../server/llm/limiter.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('FairLimiter', () => {
  it('never runs more than the limit at once; a burst queues instead of failing', async () => {
    const limiter = new FairLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        limiter.run('s', async () => {
          peak = Math.max(peak, ++running);
          await tick();
          running--;
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(peak).toBe(3);
  });

  it('serves waiting sessions round-robin, so one busy session cannot starve another', async () => {
    const limiter = new FairLimiter(1);
    const order: string[] = [];
    const job = (key: string) => limiter.run(key, async () => {
      order.push(key);
      await tick();
    });
    const all = [...Array.from({ length: 10 }, () => job('busy')), job('quiet-1'), job('quiet-2')];
    await Promise.all(all);
    // The quiet sessions arrived after ten busy calls but run within the first few slots.
    expect(order.indexOf('quiet-1')).toBeLessThanOrEqual(3);
    expect(order.indexOf('quiet-2')).toBeLessThanOrEqual(4);
  });

  it('drops a waiting call when its signal aborts', async () => {
    const limiter = new FairLimiter(1);
    let release!: () => void;
    const first = limiter.run('a', () => new Promise<void>((r) => (release = r)));
    const ctrl = new AbortController();
    const second = limiter.run('b', async () => 'ran', ctrl.signal);
    ctrl.abort(new Error('gone'));
    await expect(second).rejects.toThrow('gone');
    release();
    await first;
    expect(limiter.running).toBe(0);
    expect(await limiter.run('c', async () => 'free')).toBe('free');
  });
});
