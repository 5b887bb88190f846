import { createSignal, Show } from 'solid-js';
import { formatDay } from '../lib/career-format.ts';
import type { Milestone, MilestonePatch } from '../lib/types.ts';
import { MilestoneForm } from './milestone-form.tsx';

const KIND_LABELS: Record<Milestone['kind'], string> = {
  course: 'Course',
  project: 'Side project',
  drill: 'Drill',
  'mock-loop': 'Mock loop',
  check: 'Check',
  applications: 'Applications',
  outreach: 'Outreach',
  custom: 'Your own',
};

/**
 * One dated step of the plan: tick it done, edit its title, date and notes in place, or delete it
 * (after a second click, so a slip does not lose it). Changes go to the server at once.
 */
export function MilestoneItem(props: {
  milestone: Milestone;
  today: string;
  /** Text already shown once above the milestones (the side project's summary): not repeated on each. */
  shownAbove?: string;
  onPatch: (patch: MilestonePatch) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}) {
  const m = () => props.milestone;
  const [editing, setEditing] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const checkId = () => `done-${m().id}`;
  const overdue = () => !m().done && m().due < props.today;

  async function act(f: () => Promise<boolean>) {
    setBusy(true);
    await f();
    setBusy(false);
  }

  return (
    <li class="milestone" classList={{ 'milestone-done': m().done, 'milestone-overdue': overdue() }} data-kind={m().kind}>
      <div class="milestone-row">
        <input type="checkbox" id={checkId()} checked={m().done} disabled={busy()} onChange={(e) => void act(() => props.onPatch({ done: e.currentTarget.checked }))} />
        <div class="milestone-body">
          <p class="milestone-meta">
            <time datetime={m().due}>{formatDay(m().due)}</time> · {KIND_LABELS[m().kind]}
            <Show when={overdue()}>
              <span class="tag tag-warn">overdue</span>
            </Show>
            <Show when={m().done}>
              <span class="tag tag-ok">done</span>
            </Show>
          </p>
          <label class="milestone-title" for={checkId()}>
            {m().title}
          </label>
          <Show when={m().detail && m().detail !== props.shownAbove}>
            <p class="milestone-detail">{m().detail}</p>
          </Show>
          <Show when={m().why}>
            <p class="milestone-why muted">Why: {m().why}</p>
          </Show>
          <Show when={m().notes.trim()}>
            <p class="milestone-notes">
              <span class="label">Notes</span>
              <span class="pre-wrap">{m().notes}</span>
            </p>
          </Show>
        </div>
        <div class="milestone-actions">
          <button type="button" class="link-button" aria-label={`Edit: ${m().title}`} onClick={() => setEditing((e) => !e)}>
            Edit
          </button>
          <button type="button" class="link-button" aria-label={`Delete: ${m().title}`} onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      </div>
      <Show when={confirming()}>
        <div class="confirm" role="group" aria-label="Confirm delete">
          <span>Delete this milestone?</span>
          <button type="button" class="button" disabled={busy()} onClick={() => void act(props.onDelete)}>
            Delete it
          </button>
          <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      </Show>
      <Show when={editing()}>
        <MilestoneForm
          label={`Edit ${m().title}`}
          submitLabel="Save changes"
          initial={{ title: m().title, due: m().due, notes: m().notes }}
          onCancel={() => setEditing(false)}
          onSave={async (v) => {
            const ok = await props.onPatch(v);
            if (ok) setEditing(false);
            return ok;
          }}
        />
      </Show>
    </li>
  );
}
