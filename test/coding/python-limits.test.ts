import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeRunner, type MockloopCodeRunner } from '../../server/coding/code-runner.ts';
import { ADD_REFERENCE, addQuestion, exitedAmong, sandboxChildren, loopGapDuring } from './support.ts';

const TIME_LIMIT_MS = 2000;
let runner: MockloopCodeRunner;

beforeAll(async () => {
  runner = createCodeRunner({ languages: ['python'], timeLimitMs: TIME_LIMIT_MS, memoryLimitMb: 256 });
  expect((await runner.ready()).python.ready).toBe(true);
});

afterAll(async () => {
  await runner?.close();
});

const run = (code: string, mode: 'run' | 'submit' = 'run') => runner.run({ coding: addQuestion(), code, mode });

/** A normal run right after: the runner still serves, from a warm spare. */
async function expectStillServing(): Promise<number> {
  const started = performance.now();
  const result = await run(ADD_REFERENCE, 'submit');
  expect(result.status).toBe('passed');
  return performance.now() - started;
}

describe('Python time limit', () => {
  it('stops an endless loop as a timeout, kills that child, keeps the event loop free, and serves the next run quickly', async () => {
    const before = sandboxChildren();
    expect(before.length).toBeGreaterThanOrEqual(1);
    const { value: result, maxGapMs, ms } = await loopGapDuring(run('print("started")\ndef add(a, b):\n    while True:\n        pass\n'));
    expect(result.status).toBe('timeout');
    expect(result.message).toMatch(/more than 2 s while running the examples/);
    expect(result.cases[0]).toMatchObject({ passed: false, error: 'time limit exceeded while running this example' });
    expect(result.cases[1]).toMatchObject({ passed: false, error: 'not run: the time limit was reached first' });
    // What was printed before the loop is still shown.
    expect(result.stdout).toBe('started\n');
    // The parent's event loop kept turning the whole time: no pause anywhere near the run's length.
    expect(ms).toBeGreaterThanOrEqual(TIME_LIMIT_MS);
    expect(maxGapMs).toBeLessThan(ms / 3);
    // The looping child is gone (it was one of the warm ones).
    expect(await exitedAmong(before, 1, 2000)).toHaveLength(1);
    // A warm spare takes the next run: far quicker than booting a fresh sandbox would be.
    expect(await expectStillServing()).toBeLessThan(2500);
  });

  it('says when the loop is at the top level of the module', async () => {
    const result = await run('while True:\n    pass\n');
    expect(result).toMatchObject({ status: 'timeout', message: expect.stringMatching(/while loading the module/) });
    await expectStillServing();
  });

  it('stops a loop in a hidden test without saying which one', async () => {
    const result = await run('def add(a, b):\n    while a == 987654:\n        pass\n    return a + b\n', 'submit');
    expect(result).toMatchObject({ status: 'timeout', message: expect.stringMatching(/during the hidden tests/) });
    expect(result.cases.filter((c) => !c.hidden).every((c) => c.passed)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('987654');
  });
});

describe('Python memory limit', () => {
  it('reports a growing list as out of memory, not a crash, and serves the next run', async () => {
    const result = await run('def add(a, b):\n    hog = []\n    while True:\n        hog.append(bytearray(64_000_000))\n');
    expect(result.status).toBe('memory');
    expect(result.message).toBe('Out of memory: the code needed more than 256 MB.');
    expect(result.cases[0]!.error).toMatch(/MemoryError/);
    await expectStillServing();
  });

  it('reports one huge allocation as out of memory or a clean error', async () => {
    for (const size of ['3_000_000_000', '1_000_000_000']) {
      const result = await run(`def add(a, b):\n    x = bytearray(${size})\n    return a + b\n`);
      expect(['memory', 'failed']).toContain(result.status);
      expect(result.cases[0]!.error).toMatch(/MemoryError|OverflowError/);
    }
    await expectStillServing();
  });

  it('reports runaway recursion as a clean RecursionError', async () => {
    const result = await run('def add(a, b):\n    return add(a, b)\n');
    expect(result.status).toBe('failed');
    expect(result.cases[0]!.error).toMatch(/RecursionError/);
  });
});

describe('Python memory watchdog', () => {
  it("stops memory taken outside Python's heap (through the child's JavaScript)", async () => {
    // Its own runner with a long time limit, so only the watchdog can end this run, however busy the machine.
    const patient = createCodeRunner({ languages: ['python'], pythonPoolSize: 1, timeLimitMs: 60_000, memoryLimitMb: 256 });
    try {
      await patient.ready();
      const code = [
        'import pyodide_js',
        // 3 GB at most, then spin: without the watchdog this ends as a timeout, not as a machine out of memory.
        'hog = pyodide_js.constructor.constructor("const all = []; for (let i = 0; i < 30; i++) all.push(new Uint8Array(100 * 1024 * 1024).fill(1)); for (;;);")',
        'def add(a, b):',
        '    hog()',
      ].join('\n');
      const result = await patient.run({ coding: addQuestion(), code, mode: 'run' });
      expect(result).toMatchObject({ status: 'memory', message: 'Out of memory: the code needed more than 256 MB.' });
    } finally {
      await patient.close();
    }
    await expectStillServing();
  }, 90_000);
});
