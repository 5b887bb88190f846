import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, lazy, Show, Suspense } from 'solid-js';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { RolePicker } from '../components/role-picker.tsx';
import { getBank, getCareerData, getProfile, getProgress } from '../lib/api.ts';
import { trendText } from '../lib/career-format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import type { Progress, ProgressSeries } from '../lib/types.ts';
import '../styles/career.css';
import '../styles/career-progress.css';

// The charts are drawn only here, so their code is fetched only here.
const ProgressChart = lazy(() => import('../components/progress-chart.tsx'));

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** A grid of small line charts, one per stage or skill with answers; the rest named in one line. */
function SeriesGrid(props: { title: string; series: ProgressSeries[]; progress: Progress; thresholds: Array<{ label: string; min: number }> }) {
  const withPoints = () => props.series.filter((s) => s.points.length > 0);
  const without = () => props.series.filter((s) => s.points.length === 0);
  return (
    <section class="progress-section" aria-label={props.title}>
      <h2>{props.title}</h2>
      <ul class="progress-grid">
        <For each={withPoints()}>
          {(s) => (
            <li class="progress-card">
              <div class="progress-card-head">
                <h3>{s.name}</h3>
                <span class={`trend trend-${s.trend.direction}`}>{trendText(s.trend)}</span>
              </div>
              <Suspense fallback={<p class="loading">Drawing…</p>}>
                <ProgressChart series={s} sessions={props.progress.sessions} scale={props.progress.scale} thresholds={props.thresholds} />
              </Suspense>
            </li>
          )}
        </For>
      </ul>
      <Show when={without().length > 0}>
        <p class="muted">No graded answers yet: {without().map((s) => s.name).join(', ')}.</p>
      </Show>
    </section>
  );
}

/** Scores over time, per interview stage and per skill, across every session with graded answers. */
export default function CareerProgressPage() {
  usePageTitle(() => 'Progress');
  const [params, setParams] = useSearchParams();
  const role = () => one(params.role);
  const [data] = createResource(getCareerData);
  const [profile] = createResource(() => getProfile().catch(() => null));
  const [bank] = createResource(getBank);
  const [progress] = createResource(() => ({ role: role() }), (s) => getProgress(s.role));
  // The verdict thresholds a level is judged against, as the bank states them.
  const thresholds = () =>
    (valueOf(bank)?.scale.verdicts ?? []).filter((v) => v.verdict === 'lean-hire' || v.verdict === 'hire').map((v) => ({ label: v.label, min: v.min }));

  return (
    <div class="page career">
      <CareerNav />
      <header class="career-head">
        <h1>Progress over time</h1>
        <p class="lede">Each point is one session: the mean level of its graded answers on that stage or skill, on the rubric scale of 0 to 4.</p>
      </header>
      <Show when={valueOf(data)}>
        {(d) => (
          <div class="toolbar">
            <RolePicker
              roles={d().roles}
              targets={valueOf(profile)?.current?.targetRoles ?? []}
              value={role() ?? ''}
              onChange={(r) => setParams({ role: r || undefined })}
              label="Sessions for"
              allLabel="All roles"
            />
          </div>
        )}
      </Show>
      <ErrorNote message={errorOf(progress)} />
      <Show when={valueOf(progress)} fallback={<Show when={progress.loading}><p class="loading">Loading your progress…</p></Show>}>
        {(p) => (
          <Show
            when={p().sessions.length > 0}
            fallback={
              <div class="career-empty">
                <p>No graded answers yet{role() ? ' for this role' : ''}. Each loop or drill you finish adds a point to these charts.</p>
                <A class="button button-primary" href="/">
                  Start an interview
                </A>
              </div>
            }
          >
            <p class="muted" role="status">
              {p().sessions.length} session{p().sessions.length === 1 ? '' : 's'} with graded answers.
            </p>
            <SeriesGrid title="By stage" series={p().stages} progress={p()} thresholds={thresholds()} />
            <SeriesGrid title="By skill" series={p().skills} progress={p()} thresholds={thresholds()} />
            <p class="hint">{p().trendRule}</p>
          </Show>
        )}
      </Show>
    </div>
  );
}
