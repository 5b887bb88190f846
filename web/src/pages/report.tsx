import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, lazy, onMount, Show, Suspense } from 'solid-js';
import { DrillButton } from '../components/drill-button.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { StageCard } from '../components/stage-card.tsx';
import { VerdictBadge } from '../components/verdict-badge.tsx';
import { exportMarkdown, getBank } from '../lib/api.ts';
import { valueOf } from '../lib/resource.ts';
import { saveExport } from '../lib/download.ts';
import { difficultyLabel, formatDate, levelText, MAX_SCORE, modeLabel, stageNameIn } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { createSessionStore } from '../lib/session-store.ts';
import type { Stage } from '../lib/types.ts';
import '../styles/report.css';

// The chart is drawn only here, so it is fetched only here.
const SkillChart = lazy(() => import('../components/skill-chart.tsx'));

/** The stage and loop report: verdicts, skills, the weakest criteria and a drill to close the gap. */
function Report(props: { id: string }) {
  const store = createSessionStore(() => props.id);
  const [bank] = createResource(getBank);
  const [exportError, setExportError] = createSignal<string | null>(null);
  usePageTitle(() => 'Report');
  onMount(() => {
    void store.reload();
    store.follow();
  });

  const view = () => store.state.view;
  const report = () => view()?.report;
  const roleName = () => valueOf(bank)?.roles.find((r) => r.id === view()?.session.role)?.name ?? view()?.session.role ?? '';
  const weakestIsStrong = () => {
    const weakest = report()?.stages.find((s) => s.stage === report()?.weakestStage);
    return weakest?.verdict === 'hire' || weakest?.verdict === 'strong-hire';
  };
  const pending = () => (view()?.items ?? []).filter((i) => i.grade?.status === 'pending').length;

  async function exportIt() {
    setExportError(null);
    setExportError(await saveExport(() => exportMarkdown(props.id)));
  }

  return (
    <div class="page report">
      <Show when={view()} fallback={<ErrorNote message={store.state.error} onRetry={() => void store.reload()} />}>
        {(v) => (
          <>
            <header class="report-head">
              <p class="eyebrow">Report</p>
              <h1>
                {roleName()} <span class="muted">· {modeLabel(v().session, [...v().report.stages, ...(valueOf(bank)?.stages ?? [])])}</span>
              </h1>
              <p class="muted">
                {formatDate(v().session.createdAt)} · {difficultyLabel(v().session.difficulty)} · {v().grader.description}
              </p>
              <div class="overall">
                <span class="overall-label">Overall</span>
                <VerdictBadge verdict={v().report.overall.verdict} label={v().report.overall.verdictLabel} />
                <span class="overall-level">Level {levelText(v().report.overall.level)}</span>
              </div>
              <Show when={v().report.overall.summary}>
                <p class="overall-summary">{v().report.overall.summary}</p>
              </Show>
              <Show when={v().session.status === 'active'}>
                <p class="note">
                  This session is still in progress; the report covers what is graded so far.{' '}
                  <A href={`/session/${props.id}`}>Resume the interview</A>
                </p>
              </Show>
              <Show when={pending() > 0}>
                <p class="note" role="status">
                  {pending()} answer{pending() === 1 ? ' is' : 's are'} still being graded; this page updates by itself.
                </p>
              </Show>
            </header>

            <section aria-labelledby="stages-title">
              <h2 id="stages-title">Verdict by stage</h2>
              <ol class="stage-cards">
                <For each={v().report.stages}>{(s) => <StageCard stage={s} />}</For>
              </ol>
              <p class="thresholds muted">
                Verdicts follow from the average level on the rubric scale of 0 to {MAX_SCORE}:{' '}
                {v()
                  .report.thresholds.map((t) => `${t.verdict.replace(/-/g, ' ')} from ${t.min}`)
                  .join(', ')}
                .
              </p>
            </section>

            <section aria-labelledby="skills-title">
              <h2 id="skills-title">Scores by skill</h2>
              <Show when={v().report.skills.length > 0} fallback={<p class="muted">No graded answers yet.</p>}>
                <Suspense fallback={<p class="loading">Drawing the chart…</p>}>
                  <SkillChart skills={v().report.skills} thresholds={v().report.thresholds} />
                </Suspense>
              </Show>
            </section>

            <section aria-labelledby="weakest-title">
              <h2 id="weakest-title">Where to improve first</h2>
              <Show when={v().report.weakest.length > 0} fallback={<p class="muted">Nothing below a strong level so far.</p>}>
                <ol class="weakest">
                  <For each={v().report.weakest}>
                    {(w) => (
                      <li class="weak-item">
                        <div class="weak-head">
                          <h3>{w.criterionName}</h3>
                          <span class="score-pill">{w.score === null ? 'Insufficient evidence' : `${w.score} of ${MAX_SCORE}`}</span>
                        </div>
                        <p class="muted">In “{w.questionTitle}” · weight {w.weight}</p>
                        <p>
                          <span class="label">To close the gap</span> {w.tip}
                        </p>
                        <p>
                          <span class="label">Practise answering</span> {w.followUp}
                        </p>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={report()?.weakestStage}>
                {(stage) => (
                  <div class="drill-callout">
                    <Show
                      when={weakestIsStrong()}
                      fallback={
                        <p>
                          Your weakest stage was <strong>{stageNameIn(v().report.stages, stage())}</strong>. A drill asks a few more questions from it.
                        </p>
                      }
                    >
                      <p>
                        Every stage is at a hire level. Your lowest was <strong>{stageNameIn(v().report.stages, stage())}</strong>; a drill keeps it sharp.
                      </p>
                    </Show>
                    <DrillButton session={v().session} stage={stage() as Stage} stageName={stageNameIn(v().report.stages, stage())} />
                  </div>
                )}
              </Show>
            </section>

            <nav class="report-actions" aria-label="This session">
              <A class="button" href={`/career/gaps?role=${v().session.role}`}>
                See your gaps and plan
              </A>
              <A class="button" href={`/session/${props.id}/review`}>
                Review the graded transcript
              </A>
              <button type="button" class="button" onClick={() => void exportIt()}>
                Export as Markdown
              </button>
              <A class="button button-quiet" href="/history">
                All sessions
              </A>
            </nav>
            <ErrorNote message={exportError()} />
          </>
        )}
      </Show>
    </div>
  );
}

/** Keyed by the session id: moving from one session to another builds the report afresh. */
export default function ReportPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <Report id={id} />}
    </Show>
  );
}
