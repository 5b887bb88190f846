import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { MilestoneForm } from '../components/milestone-form.tsx';
import { MilestoneItem } from '../components/milestone-item.tsx';
import { addMilestone, deleteMilestone, exportPlan, getPlan, updateMilestone } from '../lib/api.ts';
import { formatDay, today } from '../lib/career-format.ts';
import { saveExport } from '../lib/download.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import type { Milestone, Plan } from '../lib/types.ts';
import '../styles/career.css';
import '../styles/career-plan.css';
import { messageOf } from '../lib/format.ts';

/** The plan's phases in order, named for what the candidate does in each. */
const PHASES: Array<{ id: Milestone['phase']; title: string }> = [
  { id: 'learn', title: 'Learn and build: courses, the side project, drills' },
  { id: 'apply', title: 'Apply: several applications a day' },
  { id: 'outreach', title: 'Reach out: hiring managers every week' },
];

/** One learning plan: dated milestones by phase, each editable, with new ones added and the whole exported as Markdown. */
export default function CareerPlanPage() {
  const params = useParams<{ id: string }>();
  const [loaded] = createResource(() => params.id, getPlan);
  // reconcile() keeps unchanged milestones as the same objects: ticking one keeps the focus on its box.
  const [state, setState] = createStore<{ plan: Plan | null }>({ plan: null });
  const show = (p: Plan) => setState('plan', reconcile(p, { key: 'id', merge: false }));
  createEffect(() => {
    const p = valueOf(loaded);
    if (p) show(p);
  });
  const [error, setError] = createSignal<string | null>(null);
  const now = today();
  usePageTitle(() => (state.plan ? `Plan: ${state.plan.role.name}` : 'Your plan'));

  /** Sends one change; the server's plan (sorted, with progress) replaces the shown one. */
  async function apply(change: (id: string) => Promise<Plan>): Promise<boolean> {
    setError(null);
    try {
      show(await change(params.id));
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  }

  async function exportIt() {
    setError(null);
    setError(await saveExport(() => exportPlan(params.id)));
  }

  return (
    <div class="page career">
      <CareerNav />
      <ErrorNote message={errorOf(loaded)} />
      <Show when={state.plan} fallback={<Show when={loaded.loading}><p class="loading">Loading the plan…</p></Show>}>
        {(p) => (
          <>
            <header class="career-head">
              <p class="eyebrow">Learning plan · {p().horizonMonths} months</p>
              <h1>{p().role.name}</h1>
              <p class="muted">
                {formatDay(p().startDate)} to {formatDay(p().endDate)} · <A href="/career/plans">All plans</A>
              </p>
              <div class="plan-progress">
                <progress max={Math.max(1, p().progress.total)} value={p().progress.done} aria-label="Milestones done" />
                <span role="status">
                  {p().progress.done} of {p().progress.total} milestones done
                </span>
              </div>
              <div class="page-actions">
                <button type="button" class="button" onClick={() => void exportIt()}>
                  Export as Markdown
                </button>
                <A class="button button-quiet" href={`/career/gaps?role=${p().role.id}`}>
                  Gaps for {p().role.name}
                </A>
              </div>
            </header>
            <ErrorNote message={error()} />

            <Show when={p().project}>
              {(project) => (
                <p class="project-line">
                  <span class="label">Side project</span> <strong>{project().name}</strong>: {project().summary}
                </p>
              )}
            </Show>

            <details class="plan-basis">
              <summary>Built from your gaps on {formatDay(p().startDate)}</summary>
              <div class="table-scroll">
                <table class="history-table">
                  <thead>
                    <tr>
                      <th scope="col">Skill</th>
                      <th scope="col">Target</th>
                      <th scope="col">Then</th>
                      <th scope="col">From</th>
                      <th scope="col">Gap</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().basis}>
                      {(b) => (
                        <tr>
                          <th scope="row">{b.name}</th>
                          <td>{b.target}</td>
                          <td>{b.current ?? '?'}</td>
                          <td>{b.basis === 'none' ? 'not assessed' : b.basis === 'demonstrated' ? 'your answers' : 'your rating'}</td>
                          <td>{b.gap ?? '?'}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </details>

            <For each={PHASES.filter((ph) => p().milestones.some((m) => m.phase === ph.id))}>
              {(ph) => (
                <section class="phase" aria-label={ph.title}>
                  <h2>{ph.title}</h2>
                  <ol class="milestones">
                    <For each={p().milestones.filter((m) => m.phase === ph.id)}>
                      {(m) => (
                        <MilestoneItem
                          milestone={m}
                          today={now}
                          shownAbove={p().project?.summary}
                          onPatch={(patch) => apply((id) => updateMilestone(id, m.id, patch))}
                          onDelete={() => apply((id) => deleteMilestone(id, m.id))}
                        />
                      )}
                    </For>
                  </ol>
                </section>
              )}
            </For>

            <section class="add-milestone" aria-labelledby="add-title">
              <h2 id="add-title">Add a milestone</h2>
              <MilestoneForm label="Add a milestone" submitLabel="Add to the plan" onSave={(v) => apply((id) => addMilestone(id, v))} />
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
