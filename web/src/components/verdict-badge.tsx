import { Show } from 'solid-js';
import { verdictClass } from '../lib/format.ts';
import type { Verdict } from '../lib/types.ts';

/** A verdict as words on an accessible tint: colour repeats the label, never replaces it. */
export function VerdictBadge(props: { verdict: Verdict | null | undefined; label: string | null | undefined; pendingText?: string }) {
  return (
    <Show when={props.verdict && props.label} fallback={<span class="verdict verdict-none">{props.pendingText ?? 'Not graded yet'}</span>}>
      <span class={verdictClass(props.verdict)}>{props.label}</span>
    </Show>
  );
}
