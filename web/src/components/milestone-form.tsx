import { createSignal } from 'solid-js';
import type { NewMilestone } from '../lib/types.ts';
import { ErrorNote } from './error-note.tsx';

/** A milestone's title, due date and notes: for adding one, or editing one in place. */
export function MilestoneForm(props: {
  initial?: { title: string; due: string; notes: string };
  submitLabel: string;
  label: string;
  onSave: (m: Required<Pick<NewMilestone, 'title' | 'due' | 'notes'>>) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [title, setTitle] = createSignal(props.initial?.title ?? '');
  const [due, setDue] = createSignal(props.initial?.due ?? '');
  const [notes, setNotes] = createSignal(props.initial?.notes ?? '');
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    if (!title().trim() || !due()) {
      setProblem('A milestone needs a title and a due date.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const ok = await props.onSave({ title: title().trim(), due: due(), notes: notes() });
    setBusy(false);
    if (ok && !props.initial) {
      setTitle('');
      setDue('');
      setNotes('');
    }
  }

  return (
    <form class="milestone-form" aria-label={props.label} onSubmit={save}>
      <label class="field field-wide">
        <span class="label">Title</span>
        <input type="text" name="title" maxLength={300} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="label">Due</span>
        <input type="date" name="due" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
      </label>
      <label class="field field-wide">
        <span class="label">Notes</span>
        <textarea name="notes" rows={2} maxLength={5000} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <ErrorNote message={problem()} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" class="button button-quiet" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
