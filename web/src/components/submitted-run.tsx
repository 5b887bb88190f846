import type { RunResult } from '../lib/types.ts';
import { RunResults, testCounts } from './run-results.tsx';

function headline(r: RunResult): string {
  const { hidden } = testCounts(r);
  if (r.status === 'passed') return `all ${r.total} tests passed, ${hidden.total} of them hidden`;
  if (r.status === 'failed') return `${r.passed} of ${r.total} tests passed; hidden tests: ${hidden.passed} of ${hidden.total}`;
  if (r.status === 'timeout') return 'the time limit was reached';
  if (r.status === 'memory') return 'the memory limit was reached';
  if (r.status === 'rejected') return 'not run';
  return 'your code did not run';
}

/**
 * The hidden-test run of code the candidate submitted, under the answer that carried it. The
 * summary says the outcome at a glance; the detail (every test, pass or fail) opens by itself
 * when something failed.
 */
export function SubmittedRun(props: { result: RunResult }) {
  return (
    <details class="submitted-run" data-status={props.result.status} open={props.result.status !== 'passed'}>
      <summary>
        <span class="submitted-mark" aria-hidden="true">
          {props.result.status === 'passed' ? '✓' : '✗'}
        </span>
        Tests on your submitted code: {headline(props.result)}
      </summary>
      <RunResults result={props.result} />
    </details>
  );
}
