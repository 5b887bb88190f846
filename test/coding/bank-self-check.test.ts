/**
 * Every coding question in question-bank/ proves its own tests: the reference solution passes
 * every example and hidden test in 'submit' mode, and the plausible `wrong` solution fails at
 * least one. New questions are picked up automatically.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../server/bank/load.ts';
import type { Coding } from '../../server/bank/schema.ts';
import { createCodeRunner, type MockloopCodeRunner } from '../../server/coding/code-runner.ts';
import type { RunResult } from '../../server/coding/types.ts';

const bank = loadBank(resolve(import.meta.dirname, '../../question-bank'));
const coding = bank.questions.filter((q) => q.coding).map((q) => ({ id: q.id, coding: q.coding! }));

let runner: MockloopCodeRunner;

beforeAll(async () => {
  runner = createCodeRunner();
  const status = await runner.ready();
  expect(status.python.ready && status.sql.ready).toBe(true);
});

afterAll(async () => {
  await runner?.close();
});

/** Hidden tests are redacted in a submission; for an author, run them again as visible examples to say why. */
async function explain(c: Coding, code: string, result: RunResult): Promise<string> {
  const open = { ...c, examples: [...c.examples, ...c.tests] } as Coding;
  const detail = await runner.run({ coding: open, code, mode: 'run' });
  const failing = detail.cases.filter((k) => !k.passed).map((k) => `  case ${k.index + 1}${k.note ? ` (${k.note})` : ''}: ${k.error ?? 'failed'}`);
  return [`status ${result.status}${result.message ? `: ${result.message}` : ''}`, ...failing].join('\n');
}

it('finds the coding questions', () => {
  expect(coding.length).toBeGreaterThanOrEqual(2);
  expect(coding.some((q) => q.coding.language === 'python')).toBe(true);
  expect(coding.some((q) => q.coding.language === 'sql')).toBe(true);
});

describe.concurrent('bank self-check', () => {
  it.each(coding)('$id: the reference passes everything, the wrong solution fails something', async ({ coding: c }) => {
    const total = c.examples.length + c.tests.length;
    const reference = await runner.run({ coding: c, code: c.reference, mode: 'submit' });
    if (reference.status !== 'passed') expect.fail(`the reference solution does not pass:\n${await explain(c, c.reference, reference)}`);
    expect(reference).toMatchObject({ passed: total, total });
    const wrong = await runner.run({ coding: c, code: c.wrong, mode: 'submit' });
    expect(wrong.total).toBe(total);
    expect(wrong.passed, 'the wrong solution passes every test: the tests do not catch it').toBeLessThan(total);
  }, 120_000);
});
