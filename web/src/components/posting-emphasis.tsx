import { For, Show } from 'solid-js';
import type { JobAnalysis } from '../lib/types.ts';

/**
 * What the posting stresses, as the offline classifier reads it: skills ranked by their phrase
 * points, and each interview stage with its points and whether a tailored loop weighs it more.
 */
export function PostingEmphasis(props: { offline: JobAnalysis['offline'] }) {
  const topSkill = () => Math.max(1, ...props.offline.skills.map((s) => s.score));
  return (
    <div class="emphasis">
      <section aria-labelledby="stressed-skills">
        <h2 id="stressed-skills">Skills it stresses</h2>
        <Show when={props.offline.skills.length > 0} fallback={<p class="muted">No skill phrases found.</p>}>
          <ol class="emphasis-list">
            <For each={props.offline.skills}>
              {(s) => (
                <li>
                  <span class="emphasis-name">{s.name}</span>
                  <span class="emphasis-bar" aria-hidden="true">
                    <span style={{ width: `${(100 * s.score) / topSkill()}%` }} />
                  </span>
                  <span class="emphasis-score">{s.score}</span>
                  <span class="emphasis-phrases muted">{s.phrases.map((p) => p.phrase).join(', ')}</span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
      <section aria-labelledby="stressed-stages">
        <h2 id="stressed-stages">Interview stages it stresses</h2>
        <ul class="stage-emphasis">
          <For each={props.offline.stages}>
            {(s) => (
              <li classList={{ stressed: s.stressed }}>
                <span class="emphasis-name">{s.name}</span>
                <span class="emphasis-score">{s.score}</span>
                <Show when={s.stressed}>
                  <span class="tag">stressed: one more question in a tailored loop</span>
                </Show>
                <Show when={s.phrases.length > 0}>
                  <span class="emphasis-phrases muted">{s.phrases.map((p) => p.phrase).join(', ')}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </div>
  );
}
