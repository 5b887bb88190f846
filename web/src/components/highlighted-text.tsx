import { createMemo, For, Show } from 'solid-js';
import { highlightSegments, type Quote } from '../lib/highlight.ts';

/**
 * The candidate's own words with the grader's evidence marked. Segments become text nodes and
 * <mark> elements: the answer is never parsed as HTML. `active` dims the marks of other criteria.
 */
export function HighlightedText(props: { text: string; quotes: Quote[]; active?: string | null; names?: Record<string, string> }) {
  const segments = createMemo(() => highlightSegments(props.text, props.quotes));
  const title = (keys: string[]) => keys.map((k) => props.names?.[k] ?? k).join(', ');
  return (
    <For each={segments()}>
      {(seg) => (
        <Show when={seg.keys.length > 0} fallback={seg.text}>
          <mark
            class="evidence"
            classList={{ 'evidence-dim': !!props.active && !seg.keys.includes(props.active), 'evidence-on': !!props.active && seg.keys.includes(props.active) }}
            title={`Evidence for: ${title(seg.keys)}`}
            data-criteria={seg.keys.join(' ')}
          >
            {seg.text}
          </mark>
        </Show>
      )}
    </For>
  );
}
