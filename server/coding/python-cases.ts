/**
 * Turns what the sandbox reported for each call into case results. Only here are verdicts made,
 * against expected values the sandbox never saw. Visible examples carry everything (arguments,
 * expected, actual, error); hidden tests carry their index and whether they passed, nothing more.
 */
import type { PythonCase } from '../bank/schema.ts';
import { compareValues, jsonSafe, pyRepr } from './compare-values.ts';
import type { Outcome } from './python-protocol.ts';
import type { CaseResult } from './types.ts';

export interface Verdict {
  passed: boolean;
  error?: string;
}

/** Whether one call did what the case asks: return `expected`, or raise `raises` (or a subclass). */
export function judgeCase(c: PythonCase, outcome: Outcome, tolerance: number): Verdict {
  if (c.raises !== undefined) {
    if (!outcome.ok) {
      if (outcome.exception.mro.includes(c.raises)) return { passed: true };
      return { passed: false, error: `expected ${c.raises} to be raised, got:\n${outcome.exception.text}` };
    }
    return { passed: false, error: `expected ${c.raises} to be raised, but the function returned ${pyRepr(outcome.value)}` };
  }
  if (!outcome.ok) return { passed: false, error: outcome.exception.text };
  const comparison = compareValues(c.expected, outcome.value, tolerance);
  return comparison.equal ? { passed: true } : { passed: false, error: comparison.reason };
}

/**
 * A visible example in full. `expected` is the return value, or `{ raises: 'ValueError' }` for a
 * case that expects an exception; values are JSON-safe (see compare-values.ts).
 */
export function visibleCase(index: number, c: PythonCase, outcome: Outcome | undefined, tolerance: number, notRun: string): CaseResult {
  const base: CaseResult = {
    index,
    hidden: false,
    passed: false,
    ...(c.note !== undefined ? { note: c.note } : {}),
    args: jsonSafe(c.args) as unknown[],
    expected: c.raises !== undefined ? { raises: c.raises } : jsonSafe(c.expected),
  };
  if (!outcome) return { ...base, error: notRun };
  const verdict = judgeCase(c, outcome, tolerance);
  return {
    ...base,
    passed: verdict.passed,
    ...(outcome.ok ? { actual: jsonSafe(outcome.value) } : {}),
    ...(verdict.error !== undefined ? { error: verdict.error } : {}),
  };
}

/** A hidden test: pass or fail, and nothing that would reveal its input or answer. */
export function hiddenCase(index: number, c: PythonCase, outcome: Outcome | undefined, tolerance: number): CaseResult {
  return { index, hidden: true, passed: outcome !== undefined && judgeCase(c, outcome, tolerance).passed };
}
