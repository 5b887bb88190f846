import { Show } from 'solid-js';
import type { Status } from '../lib/types.ts';

/** Says in plain words who grades the answers, and whether code runs on this server. */
export function GraderLine(props: { status: Status | undefined }) {
  return (
    <Show when={props.status}>
      {(s) => (
        <div class="grader-line">
          <p>
            <span class="grader-pill">{s().grader.mode === 'llm' ? `Model grader: ${s().grader.model}` : 'Offline grader'}</span> {s().grader.description}
          </p>
          <Show when={!s().runner}>
            <p class="muted">Code is not run on this server yet: coding answers are stored and graded, and Run says so.</p>
          </Show>
        </div>
      )}
    </Show>
  );
}
