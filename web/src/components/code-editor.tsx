import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { EditorView } from '@codemirror/view';

/**
 * CodeMirror, fetched on first use. Until it arrives (or if it cannot load) a plain text area
 * stands in with the same text, so the candidate can always write code.
 */
export function CodeEditor(props: {
  language: 'python' | 'sql';
  initial: string;
  label: string;
  onChange: (code: string) => void;
  onSubmit: () => void;
  disabled?: boolean;
}) {
  let host!: HTMLDivElement;
  let view: EditorView | undefined;
  let disposed = false;
  const [state, setState] = createSignal<'loading' | 'ready' | 'fallback'>('loading');
  const [fallbackText, setFallbackText] = createSignal(props.initial);
  const hintId = `code-hint-${Math.random().toString(36).slice(2, 8)}`;

  onMount(async () => {
    try {
      const { createEditor } = await import('./codemirror.ts');
      if (disposed) return;
      view = await createEditor(host, {
        doc: fallbackText(),
        language: props.language,
        label: props.label,
        onChange: (doc) => props.onChange(doc),
        onSubmit: () => props.onSubmit(),
      });
      if (disposed) view.destroy();
      else setState('ready');
    } catch {
      setState('fallback');
    }
  });
  onCleanup(() => {
    disposed = true;
    view?.destroy();
  });

  return (
    <div class="code-editor" data-state={state()}>
      <div ref={host} class="code-editor-host" aria-describedby={hintId} />
      <Show when={state() !== 'ready'}>
        <textarea
          class="code-fallback"
          aria-label={props.label}
          spellcheck={false}
          value={fallbackText()}
          disabled={props.disabled}
          onInput={(e) => {
            setFallbackText(e.currentTarget.value);
            props.onChange(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              props.onSubmit();
            }
          }}
        />
      </Show>
      <p id={hintId} class="hint">
        <Show when={state() === 'loading'}>Loading the code editor… </Show>
        Tab indents; press Esc then Tab to leave the editor. Ctrl+Enter (⌘+Enter) submits.
      </p>
    </div>
  );
}
