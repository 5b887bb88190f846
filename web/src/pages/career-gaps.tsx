import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, lazy, Show, Suspense } from 'solid-js';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { GapCard } from '../components/gap-card.tsx';
import { RolePicker } from '../components/role-picker.tsx';
import { StartSessionButton } from '../components/start-session-button.tsx';
import { SuggestionCard } from '../components/suggestion-card.tsx';
import { drillWeakest, getCareerData, getGaps, getProfile } from '../lib/api.ts';
import { skillLevelText } from '../lib/career-format.ts';
import { formatDate, levelText, MAX_SCORE } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import type { CareerData, SkillGap } from '../lib/types.ts';
import '../styles/career.css';
import '../styles/career-gaps.css';

// The chart is drawn only here, so it is fetched only here.
const GapChart = lazy(() => import('../components/gap-chart.tsx'));

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Why a gap is in the list, from its numbers: the target, where the candidate stands and what that rests on. */
function gapWhy(g: SkillGap, data: CareerData | undefined): string {
  const from = g.basis === 'demonstrated' ? `your ${g.demonstrated.answers} graded answers show` : 'you rate yourself';
  return `The role needs ${skillLevelText(data, g.target)}; ${from} ${skillLevelText(data, g.current)}.`;
}

/**
 * The gap report for one role: per skill the target, the self-rating and what graded answers show,
 * disagreements both ways, the ranked gaps with what to do about them, and one click to a drill
 * aimed at the weakest. The role is in the address, so a report can be bookmarked.
 */
export default function CareerGapsPage() {
  usePageTitle(() => 'Your gaps');
  const [params, setParams] = useSearchParams();
  const role = () => one(params.role);
  const [data] = createResource(getCareerData);
  const [profile] = createResource(() => getProfile().catch(() => null));
  const [report] = createResource(() => ({ role: role() }), (s) => getGaps(s.role));
  const targets = () => valueOf(profile)?.current?.targetRoles ?? [];
  // With no role asked for and no target roles saved, the server has nothing to report on yet.
  const needsProfile = () => !role() && !!errorOf(report) && !valueOf(profile)?.current;

  return (
    <div class="page career">
      <CareerNav />
      <Show when={valueOf(data)}>
        {(d) => (
          <div class="toolbar">
            <RolePicker
              roles={d().roles}
              targets={targets()}
              value={valueOf(report)?.role.id ?? role() ?? ''}
              onChange={(r) => setParams({ role: r || undefined })}
              label="Gaps against"
              allLabel={valueOf(report) ? undefined : 'Choose a role'}
            />
          </div>
        )}
      </Show>

      <Show when={needsProfile()}>
        <div class="career-empty">
          <h1>Your gaps</h1>
          <p>Rate your eight skills and pick a target role first, or choose a role above. Your graded answers count too, once there are enough of them.</p>
          <A class="button button-primary" href="/career">
            Rate your skills
          </A>
        </div>
      </Show>
      <Show when={!needsProfile()}>
        <ErrorNote message={errorOf(report)} />
      </Show>

      <Show when={valueOf(report)} fallback={<Show when={report.loading}><p class="loading">Working out your gaps…</p></Show>}>
        {(r) => (
          <>
            <header class="career-head">
              <p class="eyebrow">Gap report</p>
              <h1>Your gaps for {r().role.name}</h1>
              <p class="lede">{r().role.summary}</p>
              <p class="muted">
                <Show when={r().selfAssessment} fallback={<>No self-assessment yet (<A href="/career">rate your skills</A>)</>}>
                  {(sa) => <>From your self-assessment of {formatDate(sa().createdAt)}</>}
                </Show>{' '}
                and {r().gradedAnswers} graded answer{r().gradedAnswers === 1 ? '' : 's'}.
              </p>
            </header>

            <Show when={r().note}>
              <p class="note">{r().note}</p>
            </Show>

            <section aria-labelledby="chart-title">
              <h2 id="chart-title">Where you stand</h2>
              <Suspense fallback={<p class="loading">Drawing the chart…</p>}>
                <GapChart skills={r().skills} levelWords={valueOf(data)?.skillLevels ?? {}} />
              </Suspense>
              <Show when={r().disagreements.length > 0}>
                <p class="disagreements">
                  <strong>Your ratings and your answers disagree on {r().disagreements.length} skill{r().disagreements.length === 1 ? '' : 's'}:</strong>{' '}
                  {r()
                    .disagreements.map((x) => `${x.name} (${x.direction === 'self-higher' ? 'you rate it higher' : 'your answers show more'})`)
                    .join(', ')}
                  .
                </p>
              </Show>
              <p class="hint scale">
                {r().scale.description} A skill needs {r().scale.minAnswers} graded answers before its demonstrated level counts.
              </p>
            </section>

            <div class="callout">
              <p>
                <strong>Drill my weakest.</strong> A short drill of the stage where your recent answers are weakest, with questions on your top gaps
                {r().topGaps.length > 0 ? ` (${r().skills.filter((g) => r().topGaps.includes(g.skill)).map((g) => g.name.toLowerCase()).join(', ')})` : ''}, none you
                have been asked before.
              </p>
              <StartSessionButton label="Drill my weakest" busyLabel="Preparing the drill…" start={() => drillWeakest(r().role.id)} />
            </div>

            <section aria-labelledby="skills-title">
              <h2 id="skills-title">Skill by skill</h2>
              <ol class="gap-cards">
                <For each={r().skills}>{(g) => <GapCard gap={g} data={valueOf(data)} minAnswers={r().scale.minAnswers} />}</For>
              </ol>
            </section>

            <Show when={r().suggestions.length > 0}>
              <section aria-labelledby="suggestions-title">
                <h2 id="suggestions-title">What to do about the top gaps</h2>
                <ol class="suggestions">
                  <For each={r().suggestions}>
                    {(s) => <SuggestionCard suggestion={s} why={gapWhy(r().skills.find((g) => g.skill === s.skill)!, valueOf(data))} />}
                  </For>
                </ol>
              </section>
            </Show>

            <section class="project-card" aria-labelledby="project-title">
              <h2 id="project-title">The side project for {r().role.name}</h2>
              <p>
                <strong>{r().flagshipProject.name}</strong>: {r().flagshipProject.summary}
              </p>
              <ol class="project-steps">
                <For each={r().flagshipProject.steps}>
                  {(step) => (
                    <li>
                      <span class="label">Week {step.week}</span> {step.title}
                    </li>
                  )}
                </For>
              </ol>
            </section>

            <div class="two-col">
              <section aria-labelledby="stages-title">
                <h2 id="stages-title">Stages</h2>
                <ul class="stage-levels">
                  <For each={r().stages}>
                    {(s) => (
                      <li>
                        <span>{s.name}</span>
                        <span class="muted">{s.answers ? `${levelText(s.level)} · ${s.answers} answer${s.answers === 1 ? '' : 's'}` : 'no graded answers'}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <section aria-labelledby="criteria-title">
                <h2 id="criteria-title">Weakest rubric criteria</h2>
                <Show
                  when={r().weakestCriteria.length > 0}
                  fallback={
                    <p class="muted">{r().gradedAnswers > 0 ? 'None: every criterion in your recent answers scored strong.' : 'None yet: they come from your graded answers.'}</p>
                  }
                >
                  <ul class="weak-criteria">
                    <For each={r().weakestCriteria}>
                      {(w) => (
                        <li>
                          <strong>{w.criterionName}</strong>{' '}
                          <span class="muted">
                            · {w.score === null ? 'insufficient evidence' : `${w.score} of ${MAX_SCORE}`} in “{w.questionTitle}”
                          </span>
                          <br />
                          {w.tip}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </div>

            <div class="callout">
              <p>
                <strong>Turn these gaps into a plan:</strong> courses, the side project and drills with dates, for three or six months.
              </p>
              <A class="button button-primary" href={`/career/plans?role=${r().role.id}`}>
                Make a learning plan
              </A>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}
