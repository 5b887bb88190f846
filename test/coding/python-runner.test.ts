import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeRunner, type MockloopCodeRunner } from '../../server/coding/code-runner.ts';
import { ADD_REFERENCE, addQuestion, expectRedacted, hiddenCases } from './support.ts';

let runner: MockloopCodeRunner;

beforeAll(async () => {
  runner = createCodeRunner({ languages: ['python'], outputLimitBytes: 4096 });
  const status = await runner.ready();
  expect(status.python.ready).toBe(true);
});

afterAll(async () => {
  await runner?.close();
});

const run = (code: string, mode: 'run' | 'submit' = 'run', coding = addQuestion()) => runner.run({ coding, code, mode });

describe('Python results', () => {
  it('passes the reference on examples and hidden tests, showing examples in full and hidden tests as pass/fail only', async () => {
    const result = await run(ADD_REFERENCE, 'submit');
    expect(result).toMatchObject({ language: 'python', mode: 'submit', status: 'passed', passed: 9, total: 9, outputTruncated: false });
    expect(result.cases[0]).toEqual({ index: 0, hidden: false, passed: true, args: [1, 2], expected: 3, actual: 3 });
    expect(result.cases[1]).toMatchObject({ index: 1, hidden: false, passed: true, note: 'floats', expected: 0.3, actual: 0.30000000000000004 });
    expect(hiddenCases(result)).toHaveLength(7);
    hiddenCases(result).forEach(expectRedacted);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("runs only the examples in 'run' mode", async () => {
    const result = await run(ADD_REFERENCE);
    expect(result).toMatchObject({ mode: 'run', status: 'passed', passed: 2, total: 2 });
    expect(hiddenCases(result)).toHaveLength(0);
  });

  it('fails a wrong answer with the difference, and still runs every hidden test', async () => {
    const result = await run('def add(a, b):\n    return a - b\n', 'submit');
    expect(result.status).toBe('failed');
    expect(result.total).toBe(9);
    expect(result.cases[0]).toMatchObject({ passed: false, actual: -1, error: 'expected 3, got -1' });
    expect(hiddenCases(result).some((c) => !c.passed)).toBe(true);
    hiddenCases(result).forEach(expectRedacted);
  });

  it('compares tuples as lists and floats within the tolerance, recursively', async () => {
    const coding = addQuestion({ examples: [{ args: [[1, 2], [0.5]], expected: [[1, 2], { total: 3.5 }] }] });
    const ok = await run('def add(a, b):\n    return (tuple(a), {"total": sum(a) + 0.1 + 0.2 + b[0] - 0.30000000000000004})\n', 'run', coding);
    expect(ok.status).toBe('passed');
    const off = await run('def add(a, b):\n    return (tuple(a), {"total": 3.6})\n', 'run', coding);
    expect(off.cases[0]).toMatchObject({ passed: false, error: "expected 3.5, got 3.6 at [1]['total']" });
  });

  it('reports a set as a sorted list', async () => {
    const coding = addQuestion({ examples: [{ args: [[10, 2], [3, 2]], expected: [2, 3, 10] }] });
    const result = await run('def add(a, b):\n    return set(a) | set(b)\n', 'run', coding);
    expect(result.cases[0]).toMatchObject({ passed: true, actual: [2, 3, 10] });
  });

  it('passes a raises case on that exception or a subclass, and fails it otherwise', async () => {
    const coding = addQuestion({ examples: [{ args: [null, 1], raises: 'ValueError' }] });
    const subclass = await run('class Missing(ValueError):\n    pass\n\ndef add(a, b):\n    raise Missing("no a")\n', 'run', coding);
    expect(subclass.cases[0]).toMatchObject({ passed: true, expected: { raises: 'ValueError' } });
    const other = await run('def add(a, b):\n    return a + b\n', 'run', coding);
    expect(other.cases[0]).toMatchObject({ passed: false, error: expect.stringMatching(/^expected ValueError to be raised, got:\nTraceback[\s\S]*TypeError/) });
    const returned = await run('def add(a, b):\n    return 0\n', 'run', coding);
    expect(returned.cases[0]).toMatchObject({ passed: false, error: 'expected ValueError to be raised, but the function returned 0' });
  });

  it("shows an exception's traceback trimmed to the candidate's own code", async () => {
    const code = 'def helper(x):\n    return x["missing"]\n\ndef add(a, b):\n    return helper({})\n';
    const result = await run(code);
    const error = result.cases[0]!.error!;
    expect(error).toMatch(/^Traceback \(most recent call last\):\n {2}File "solution.py", line 5, in add\n/);
    expect(error).toContain('File "solution.py", line 2, in helper');
    expect(error).toMatch(/KeyError: 'missing'\n?$/);
    expect(error).not.toMatch(/pyodide|_pyodide|mockloop_harness|\/lib\/python/);
  });

  it('reports a syntax error as an error with its line, and runs nothing', async () => {
    const result = await run('def add(a, b):\n    return a +\n');
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/File "solution.py", line 2/);
    expect(result.message).toMatch(/SyntaxError: invalid syntax/);
    expect(result.cases.every((c) => !c.passed && /not run/.test(c.error ?? ''))).toBe(true);
  });

  it('reports an exception while loading the module, and a missing function, as errors', async () => {
    const failing = await run('import nothing_called_this\n');
    expect(failing).toMatchObject({ status: 'error', message: expect.stringMatching(/ModuleNotFoundError: No module named 'nothing_called_this'/) });
    const missing = await run('def plus(a, b):\n    return a + b\n');
    expect(missing).toMatchObject({ status: 'error', message: 'solution.py does not define a function named add' });
  });

  it('captures stdout and stderr, including print(..., end="") and writes below sys.stdout', async () => {
    const code = [
      'import sys, os',
      'print("loading", end="")',
      'sys.__stdout__.write("[fd]")',
      'os.write(2, b"raw-err")',
      'def add(a, b):',
      '    print(f" add {a} {b}", end="")',
      '    print("warn", file=sys.stderr)',
      '    return a + b',
    ].join('\n');
    const result = await run(code);
    expect(result.status).toBe('passed');
    expect(result.stdout).toContain('loading add 1 2 add 0.1 0.2');
    expect(result.stdout).toContain('[fd]');
    expect(result.stderr).toContain('warn\nwarn\n');
    expect(result.stderr).toContain('raw-err');
  });

  it('never shows what the hidden tests printed or raised: their arguments stay secret', async () => {
    const code = 'def add(a, b):\n    print("ARGS", a, b)\n    if a == 987654:\n        raise RuntimeError(f"leak {a}")\n    return a + b\n';
    const result = await run(code, 'submit');
    expect(result.stdout).toContain('ARGS 1 2');
    const everything = JSON.stringify(result);
    expect(everything).not.toContain('987654');
    expect(everything).not.toContain('secret note');
    hiddenCases(result).forEach(expectRedacted);
    expect(hiddenCases(result)[0]!.passed).toBe(false);
  });

  it('cuts output at the limit and says so', async () => {
    const result = await run('def add(a, b):\n    print("x" * 10000)\n    return a + b\n');
    expect(result.outputTruncated).toBe(true);
    expect(Buffer.byteLength(result.stdout)).toBeLessThan(4096 + 100);
    expect(result.stdout).toMatch(/\[output truncated: more than 4 KB\]$/);
    expect(result.status).toBe('passed');
  });

  it('gives input() end-of-file instead of hanging', async () => {
    const result = await run('def add(a, b):\n    return input()\n');
    expect(result.cases[0]!.error).toMatch(/EOFError/);
  });

  it('gives each submission a fresh interpreter: nothing one run leaves behind reaches the next', async () => {
    await run('import builtins\nbuiltins.LEFT_BEHIND = 41\nleft = 1\ndef add(a, b):\n    return a + b\n');
    const result = await run('import builtins\ndef add(a, b):\n    return a + b + getattr(builtins, "LEFT_BEHIND", 0) + globals().get("left", 0)\n');
    expect(result.status).toBe('passed');
  });

  it('rejects code over the size limit without running it', async () => {
    const result = await run(`# ${'x'.repeat(100_001)}\n`);
    expect(result).toMatchObject({ status: 'rejected', message: expect.stringMatching(/too long/) });
  });
});
