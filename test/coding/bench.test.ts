import { describe, expect, it } from 'vitest';
import { benchCodeRunner, timing } from '../../server/coding/bench.ts';

describe('code runner bench', () => {
  it('summarises samples as median and 95th percentile', () => {
    expect(timing([5, 1, 3, 2, 4])).toEqual({ median: 3, p95: 5, runs: 5 });
    expect(timing(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual({ median: 50, p95: 95, runs: 100 });
  });

  it('measures start-up, warm and back-to-back Python runs, and SQL runs (a short smoke run)', async () => {
    const bench = await benchCodeRunner({ runs: 2, runner: { pythonPoolSize: 1, sqlPoolSize: 1 } });
    expect(bench.pythonColdStartMs).toBeGreaterThan(0);
    // The snapshot is the point of the warm pool's quick replacements.
    expect(bench.pythonSnapshotStartMs).toBeLessThan(bench.pythonColdStartMs);
    for (const t of [bench.pythonWarmRun, bench.pythonBackToBack, bench.sqlRun]) {
      expect(t.runs).toBe(2);
      expect(t.median).toBeGreaterThan(0);
      expect(t.p95).toBeGreaterThanOrEqual(t.median);
    }
    expect(typeof bench.networkIsolated).toBe('boolean');
  }, 180_000);
});
