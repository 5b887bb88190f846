import { For, Show } from 'solid-js';
import type { CaseResult, RunResult } from '../lib/types.ts';
import { formatValue, ValueView } from './value-view.tsx';

/** Examples and hidden tests counted apart: the hidden ones are what the submission is judged on. */
export function testCounts(r: RunResult) {
  const hidden = r.cases.filter((c) => c.hidden);
  const examples = r.cases.filter((c) => !c.hidden);
  return {
    hidden: { passed: hidden.filter((c) => c.passed).length, total: hidden.length },
    examples: { passed: examples.filter((c) => c.passed).length, total: examples.length },
  };
}

const HEADLINES: Record<RunResult['status'], string> = {
  passed: 'All passed',
  failed: 'Some failed',
  error: 'Your code did not run',
  timeout: 'Time limit reached',
  memory: 'Memory limit reached',
  rejected: 'Not run',
};

/**
 * What happened when the code ran: per test pass or fail; for visible examples the arguments,
 * expected and actual values; the error or traceback; time-outs said as such.
 */
export function RunResults(props: { result: RunResult }) {
  const r = () => props.result;
  const label = () => (r().mode === 'run' ? 'examples' : 'tests');
  return (
    <div class="run-results" data-status={r().status} role="status">
      <p class="run-headline">
        <strong>{HEADLINES[r().status]}</strong>
        <Show when={r().total > 0}>
          {' '}
          · {r().passed} of {r().total} {label()} passed
        </Show>
        <span class="muted"> · {Math.round(r().durationMs)} ms</span>
      </p>
      <Show when={r().mode === 'submit' && r().cases.some((c) => c.hidden)}>
        <p class="run-split">
          Examples: {testCounts(r()).examples.passed} of {testCounts(r()).examples.total} passed · Hidden tests: {testCounts(r()).hidden.passed} of{' '}
          {testCounts(r()).hidden.total} passed
        </p>
      </Show>
      <Show when={r().message}>
        <pre class="run-error">{r().message}</pre>
      </Show>
      <Show when={r().cases.length > 0}>
        <ol class="cases">
          <For each={r().cases}>{(c) => <CaseRow result={c} language={r().language} />}</For>
        </ol>
      </Show>
      <Show when={r().stdout || r().stderr}>
        <details class="run-output">
          <summary>Output{r().outputTruncated ? ' (cut to the output limit)' : ''}</summary>
          <Show when={r().stdout}>
            <pre class="code-block">{r().stdout}</pre>
          </Show>
          <Show when={r().stderr}>
            <pre class="code-block run-stderr">{r().stderr}</pre>
          </Show>
        </details>
      </Show>
    </div>
  );
}

function CaseRow(props: { result: CaseResult; language: RunResult['language'] }) {
  const c = () => props.result;
  const name = () => (c().hidden ? `Hidden test ${c().index + 1}` : `Example ${c().index + 1}`);
  return (
    <li class="case" classList={{ 'case-pass': c().passed, 'case-fail': !c().passed }}>
      <p class="case-head">
        <span class="case-mark" aria-hidden="true">
          {c().passed ? '✓' : '✗'}
        </span>
        {name()}: <strong>{c().passed ? 'passed' : 'failed'}</strong>
        <Show when={c().note}>
          <span class="muted"> — {c().note}</span>
        </Show>
      </p>
      <Show when={!c().hidden && (c().args || c().expected !== undefined || c().actual !== undefined)}>
        <dl class="case-values">
          <Show when={c().args}>
            <dt>Arguments</dt>
            <dd>
              <code class="value">{(c().args ?? []).map(formatValue).join(', ')}</code>
            </dd>
          </Show>
          <Show when={c().expected !== undefined}>
            <dt>Expected</dt>
            <dd>
              <ValueView value={c().expected} />
            </dd>
          </Show>
          <Show when={c().actual !== undefined}>
            <dt>Actual</dt>
            <dd>
              <ValueView value={c().actual} />
            </dd>
          </Show>
        </dl>
      </Show>
      <Show when={c().error}>
        <pre class="run-error">{c().error}</pre>
      </Show>
    </li>
  );
}
