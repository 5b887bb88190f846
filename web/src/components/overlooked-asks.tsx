import { For, Show } from 'solid-js';
import { quoteEnds } from '../lib/career-format.ts';
import type { JobAnalysis } from '../lib/types.ts';

/** The asks candidates overlook (git, tests, cross-team work, breaking work down), each with the line that makes it. */
export function OverlookedAsks(props: { asks: JobAnalysis['offline']['overlooked'] }) {
  return (
    <Show when={props.asks.length > 0} fallback={<p class="muted">None of the usually overlooked asks (version control, tests, cross-team work, task breakdown) appear.</p>}>
      <ul class="overlooked">
        <For each={props.asks}>
          {(a) => (
            <li class="overlooked-ask">
              <h3>{a.name}</h3>
              <blockquote class="posting-quote">
                {quoteEnds(a.quote).before}
                {a.quote}
                {quoteEnds(a.quote).after}
              </blockquote>
              <Show when={a.impliedBySeniorTitle}>
                <p class="muted">Not written out: a senior title implies it.</p>
              </Show>
              <p>
                <span class="label">Why it matters</span> {a.why}
              </p>
              <p>
                <span class="label">How to show it</span> {a.howToShow}
              </p>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
