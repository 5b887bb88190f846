import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorNote } from '../components/error-note.tsx';
import { createSession, getBank, getStatus, listSessions } from '../lib/api.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import { formatDate, modeLabel, messageOf } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { readItem, writeItem } from '../lib/storage.ts';
import type { Stage } from '../lib/types.ts';
import { GraderLine } from '../components/grader-line.tsx';
import '../styles/start.css';

const LAST_CHOICE = 'mockloop:last-choice';
type Choice = { role: string; mode: 'loop' | 'drill'; stage: Stage; difficulty: 'easy' | 'medium' | 'hard'; feedback: 'answer' | 'stage' };

function lastChoice(): Partial<Choice> {
  try {
    return JSON.parse(readItem(LAST_CHOICE) ?? '{}') as Partial<Choice>;
  } catch {
    return {};
  }
}

/** Start: pick the role, what to practise, how hard, when to see feedback; and go. */
export function StartPage() {
  usePageTitle(() => 'Practise an interview');
  const navigate = useNavigate();
  const [bank] = createResource(getBank);
  const [status] = createResource(getStatus);
  const [active] = createResource(() => listSessions({ status: 'active' }).catch(() => []));
  const saved = lastChoice();
  const [role, setRole] = createSignal(saved.role ?? '');
  const [mode, setMode] = createSignal<Choice['mode']>(saved.mode ?? 'loop');
  const [stage, setStage] = createSignal<Stage>(saved.stage ?? 'ml-theory');
  const [difficulty, setDifficulty] = createSignal<Choice['difficulty']>(saved.difficulty ?? 'medium');
  const [feedback, setFeedback] = createSignal<Choice['feedback']>(saved.feedback ?? 'answer');
  const [starting, setStarting] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function start(e: SubmitEvent) {
    e.preventDefault();
    if (!role()) {
      setError('Choose the role you are preparing for first.');
      document.querySelector<HTMLInputElement>('input[name="role"]')?.focus();
      return;
    }
    setStarting(true);
    setError(null);
    const choice: Choice = { role: role(), mode: mode(), stage: stage(), difficulty: difficulty(), feedback: feedback() };
    writeItem(LAST_CHOICE, JSON.stringify(choice));
    try {
      const view = await createSession({
        role: choice.role,
        mode: choice.mode,
        ...(choice.mode === 'drill' ? { stage: choice.stage } : {}),
        difficulty: choice.difficulty,
        feedback: choice.feedback,
      });
      navigate(`/session/${view.session.id}`);
    } catch (err) {
      setError(messageOf(err));
      setStarting(false);
    }
  }

  return (
    <div class="page start">
      <section class="intro">
        <h1>Practise the interview for the job you actually want</h1>
        <p class="lede">
          An interviewer asks real questions for your target role and follows up. Every answer is graded against a rubric, with the evidence quoted from
          your own words.
        </p>
        <GraderLine status={valueOf(status)} />
      </section>

      <Show when={(valueOf(active) ?? []).length > 0}>
        <section class="resume" aria-labelledby="resume-title">
          <h2 id="resume-title">Pick up where you left off</h2>
          <ul class="resume-list">
            <For each={(valueOf(active) ?? []).slice(0, 3)}>
              {(s) => (
                <li>
                  <span>
                    <strong>{s.roleName}</strong> · {modeLabel(s, s.stages)} · {s.answered} of {s.questions} questions done ·{' '}
                    <span class="muted">{formatDate(s.createdAt)}</span>
                  </span>
                  <A class="button button-quiet" href={`/session/${s.id}`}>
                    Resume
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <ErrorNote message={errorOf(bank)} onRetry={() => location.reload()} retryLabel="Reload" />

      <Show when={valueOf(bank)}>
        {(b) => (
          <form class="start-form" onSubmit={start} aria-label="New interview">
            <fieldset class="choice-group">
              <legend>
                <span class="step">1</span> Target role
              </legend>
              <p class="legend-help">The same title means different jobs. Pick the one whose duties match the posting, not its title.</p>
              <div class="role-grid">
                <For each={b().roles}>
                  {(r) => (
                    <label class="choice-card" classList={{ selected: role() === r.id }}>
                      <input type="radio" name="role" value={r.id} checked={role() === r.id} onChange={() => setRole(r.id)} />
                      <span class="choice-title">{r.name}</span>
                      <span class="choice-text">{r.summary}</span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>

            <fieldset class="choice-group">
              <legend>
                <span class="step">2</span> What to practise
              </legend>
              <div class="mode-grid">
                <label class="choice-card" classList={{ selected: mode() === 'loop' }}>
                  <input type="radio" name="mode" value="loop" checked={mode() === 'loop'} onChange={() => setMode('loop')} />
                  <span class="choice-title">Full loop</span>
                  <span class="choice-text">{b().stages.map((s) => s.name).join(' → ')}, weighted the way this role is interviewed.</span>
                </label>
                <label class="choice-card" classList={{ selected: mode() === 'drill' }}>
                  <input type="radio" name="mode" value="drill" checked={mode() === 'drill'} onChange={() => setMode('drill')} />
                  <span class="choice-title">Drill one stage</span>
                  <span class="choice-text">A few questions from a single stage, to work on one thing at a time.</span>
                </label>
              </div>
              <Show when={mode() === 'drill'}>
                <fieldset class="stage-choice">
                  <legend>Stage to drill</legend>
                  <For each={b().stages}>
                    {(s) => (
                      <label class="stage-option" classList={{ selected: stage() === s.id }}>
                        <input type="radio" name="stage" value={s.id} checked={stage() === s.id} onChange={() => setStage(s.id)} />
                        <span>
                          <span class="choice-title">{s.name}</span> <span class="muted">· {s.minutes} min</span>
                          <span class="choice-text">{s.description}</span>
                        </span>
                      </label>
                    )}
                  </For>
                </fieldset>
              </Show>
            </fieldset>

            <div class="settings-row">
              <fieldset class="choice-group segmented">
                <legend>
                  <span class="step">3</span> Difficulty
                </legend>
                <div class="segments">
                  <For each={['easy', 'medium', 'hard'] as const}>
                    {(d) => (
                      <label classList={{ selected: difficulty() === d }}>
                        <input type="radio" name="difficulty" value={d} checked={difficulty() === d} onChange={() => setDifficulty(d)} />
                        {d[0]!.toUpperCase() + d.slice(1)}
                      </label>
                    )}
                  </For>
                </div>
              </fieldset>
              <fieldset class="choice-group segmented">
                <legend>
                  <span class="step">4</span> Feedback
                </legend>
                <div class="segments">
                  <label classList={{ selected: feedback() === 'answer' }}>
                    <input type="radio" name="feedback" value="answer" checked={feedback() === 'answer'} onChange={() => setFeedback('answer')} />
                    After each answer
                  </label>
                  <label classList={{ selected: feedback() === 'stage' }}>
                    <input type="radio" name="feedback" value="stage" checked={feedback() === 'stage'} onChange={() => setFeedback('stage')} />
                    At the end of each stage
                  </label>
                </div>
              </fieldset>
            </div>

            <ErrorNote message={error()} />
            <div class="start-actions">
              <button type="submit" class="button button-primary button-large" disabled={starting()}>
                {starting() ? 'Preparing your interview…' : 'Start the interview'}
              </button>
            </div>
          </form>
        )}
      </Show>
    </div>
  );
}
