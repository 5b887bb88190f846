import { createEffect, createSignal, on, onMount, Show } from 'solid-js';
import { loadCodeDraft, loadTextDraft, saveCodeDraft, saveTextDraft } from '../lib/draft.ts';
import type { Coding, RunResult } from '../lib/types.ts';
import { CodeEditor } from './code-editor.tsx';
import { CodingBrief } from './coding-brief.tsx';
import { ErrorNote } from './error-note.tsx';
import { RunResults } from './run-results.tsx';

export interface ComposerProps {
  sessionId: string;
  itemId: string;
  /** The interviewer message being answered: the written draft is kept per message. */
  messageId: string;
  coding: Coding | null;
  /** The code last submitted for this question, when a follow-up asks about it. */
  lastCode: string | null;
  /** Waiting for the interviewer: the box stays editable, submitting waits. */
  waiting: boolean;
  busy: boolean;
  onSubmit: (text: string, code: string | undefined) => Promise<boolean>;
  onRun: (code: string) => Promise<void>;
  running: boolean;
  runResult: RunResult | null;
  runError: string | null;
}

/**
 * Where the candidate answers: a multi-line box (Ctrl/Cmd+Enter submits) whose draft survives a
 * reload, and for coding questions the brief, an editor, Run and the results.
 */
export function Composer(props: ComposerProps) {
  let box!: HTMLTextAreaElement;
  const [text, setText] = createSignal('');
  const [code, setCode] = createSignal('');
  const [saved, setSaved] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);

  // A new interviewer message (a follow-up) starts from its own draft, or empty.
  createEffect(
    on(
      () => props.messageId,
      (id) => {
        const draft = loadTextDraft(props.sessionId, id);
        setText(draft);
        setSaved(!!draft);
        setProblem(null);
      },
    ),
  );
  setCode(loadCodeDraft(props.sessionId, props.itemId) ?? props.lastCode ?? props.coding?.starter ?? '');
  onMount(() => box.focus({ preventScroll: true }));

  const canSubmit = () => !props.busy && !props.waiting;
  async function submit() {
    if (!canSubmit()) return;
    const written = text();
    const c = props.coding ? code() : undefined;
    if (!written.trim() && !c?.trim()) {
      setProblem('Write your answer first: the box is empty.');
      box.focus();
      return;
    }
    setProblem(null);
    const ok = await props.onSubmit(written, c);
    if (ok) {
      setText('');
      setSaved(false);
    }
    box.focus({ preventScroll: true });
  }

  return (
    <form
      class="composer"
      aria-busy={props.busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Show when={props.coding}>
        {(coding) => (
          <div class="coding-panel">
            <CodingBrief coding={coding()} />
            <CodeEditor
              language={coding().language}
              initial={code()}
              label={coding().language === 'python' ? 'Your Python code' : 'Your SQL query'}
              onChange={(c) => {
                setCode(c);
                saveCodeDraft(props.sessionId, props.itemId, c);
              }}
              onSubmit={() => void submit()}
            />
            <div class="run-bar">
              <button type="button" class="button" disabled={props.running || props.busy} onClick={() => void props.onRun(code())}>
                {props.running ? 'Running…' : 'Run examples'}
              </button>
              <span class="hint">Runs the visible examples. Submitting also runs the hidden tests.</span>
            </div>
            <ErrorNote message={props.runError} />
            <Show when={props.runResult}>{(r) => <RunResults result={r()} />}</Show>
          </div>
        )}
      </Show>
      <label class="label" for="answer-box">
        {props.coding ? 'Explain your approach' : 'Your answer'}
      </label>
      <textarea
        ref={box}
        id="answer-box"
        class="answer-box"
        rows={7}
        value={text()}
        readOnly={props.busy}
        aria-describedby="answer-hint"
        onInput={(e) => {
          setText(e.currentTarget.value);
          saveTextDraft(props.sessionId, props.messageId, e.currentTarget.value);
          setSaved(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <ErrorNote message={problem()} />
      <div class="composer-actions">
        <p id="answer-hint" class="hint">
          Ctrl+Enter (⌘+Enter) submits.
          <Show when={saved()}> Draft saved on this device.</Show>
        </p>
        <button type="submit" class="button button-primary" disabled={!canSubmit()}>
          {props.busy ? 'Submitting…' : props.waiting ? 'Waiting for the interviewer…' : 'Submit answer'}
        </button>
      </div>
    </form>
  );
}
