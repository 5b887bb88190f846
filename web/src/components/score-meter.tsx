import { For, Show } from 'solid-js';
import { MAX_SCORE } from '../lib/format.ts';

/**
 * A criterion's score on the rubric scale. "Insufficient evidence" (null) is said in words: it is
 * not the same as a zero, the answer simply never touched the criterion.
 */
export function ScoreMeter(props: { score: number | null }) {
  const cells = Array.from({ length: MAX_SCORE }, (_, i) => i + 1);
  return (
    <Show when={props.score !== null} fallback={<span class="score score-none">Insufficient evidence</span>}>
      <span class="score" data-score={props.score}>
        <span class="meter" aria-hidden="true">
          <For each={cells}>{(n) => <span class="meter-cell" classList={{ filled: (props.score ?? 0) >= n }} />}</For>
        </span>
        <span class="score-text">
          {props.score} of {MAX_SCORE}
        </span>
      </span>
    </Show>
  );
}
