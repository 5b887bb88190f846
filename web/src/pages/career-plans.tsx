import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { RolePicker } from '../components/role-picker.tsx';
import { createPlan, getCareerData, getProfile, listPlans } from '../lib/api.ts';
import { formatDay } from '../lib/career-format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import type { Horizon } from '../lib/types.ts';
import '../styles/career.css';
import '../styles/career-plan.css';
import { messageOf } from '../lib/format.ts';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Learning plans: make one from today's gaps (three or six months), or open one made before. */
export default function CareerPlansPage() {
  usePageTitle(() => 'Your plan');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [data] = createResource(getCareerData);
  const [profile] = createResource(() => getProfile().catch(() => null));
  const [plans] = createResource(listPlans);
  const [role, setRole] = createSignal(one(params.role) ?? '');
  const [horizon, setHorizon] = createSignal<Horizon>(3);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function make(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const plan = await createPlan(horizon(), role() || undefined);
      navigate(`/career/plans/${plan.id}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <div class="page career">
      <CareerNav />
      <header class="career-head">
        <h1>Your learning plan</h1>
        <p class="lede">
          A plan made from your gaps today: about three courses, one side project and regular drills in the first three months; then applications
          several a day and weekly outreach to hiring managers, to about six months. Every step has a date.
        </p>
      </header>

      <form class="plan-form" aria-label="Make a plan" onSubmit={make}>
        <Show when={valueOf(data)}>
          {(d) => (
            <RolePicker
              roles={d().roles}
              targets={valueOf(profile)?.current?.targetRoles ?? []}
              value={role()}
              onChange={setRole}
              label="For the role"
              allLabel={valueOf(profile)?.current ? 'My first target role' : 'Choose a role'}
            />
          )}
        </Show>
        <fieldset class="segmented-inline">
          <legend class="label">Length</legend>
          <div class="segments">
            <For each={[3, 6] as Horizon[]}>
              {(h) => (
                <label classList={{ selected: horizon() === h }}>
                  <input type="radio" name="horizon" value={h} checked={horizon() === h} onChange={() => setHorizon(h)} />
                  {h} months
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Making your plan…' : 'Make my plan'}
        </button>
      </form>
      <ErrorNote message={error()} />

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">Your plans</h2>
        <ErrorNote message={errorOf(plans)} />
        <Show when={valueOf(plans)} fallback={<Show when={plans.loading}><p class="loading">Loading…</p></Show>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="muted">None yet. A plan starts from your gaps: rate your skills first for a useful one.</p>}>
              <ul class="plan-list">
                <For each={list()}>
                  {(p) => (
                    <li>
                      <A href={`/career/plans/${p.id}`}>
                        {p.role.name}, {p.horizonMonths} months
                      </A>
                      <span class="muted">
                        {' '}
                        · {formatDay(p.startDate)} to {formatDay(p.endDate)} · {p.progress.done} of {p.progress.total} done
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}
