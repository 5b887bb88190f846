import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { analyseJob, listJobAnalyses } from '../lib/api.ts';
import { percent } from '../lib/career-format.ts';
import { formatDate, messageOf } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import '../styles/career.css';
import '../styles/career-jobs.css';

/** The server's bounds on a posting (server/routes/career.ts); said here so the form can say them first. */
const MIN_CHARS = 80;
const MAX_CHARS = 30_000;

/** Paste a job posting to see the role it really is; earlier analyses are listed below. */
export default function CareerJobsPage() {
  usePageTitle(() => 'Job postings');
  const navigate = useNavigate();
  const [analyses] = createResource(listJobAnalyses);
  const [title, setTitle] = createSignal('');
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const length = () => text().trim().length;

  async function analyse(e: SubmitEvent) {
    e.preventDefault();
    if (length() < MIN_CHARS) {
      setError(`Paste the whole posting: duties and requirements, at least ${MIN_CHARS} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const a = await analyseJob(text(), title());
      navigate(`/career/jobs/${a.id}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <div class="page career">
      <CareerNav />
      <header class="career-head">
        <h1>Which job is it really?</h1>
        <p class="lede">
          The same title means different jobs. Paste a posting: its duties, not its title, tell you which role it is, what the interviews will stress and
          which asks candidates overlook.
        </p>
      </header>
      <form class="jd-form" aria-label="Analyse a job posting" onSubmit={analyse}>
        <label class="field">
          <span class="label">Posted title (optional)</span>
          <input type="text" name="posted-title" maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} placeholder="Senior Data Scientist" />
        </label>
        <label class="field">
          <span class="label">The posting</span>
          <textarea
            name="posting"
            rows={12}
            maxLength={MAX_CHARS}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-describedby="jd-hint"
            placeholder="Paste the whole job description: the duties, the requirements and the nice-to-haves."
          />
        </label>
        <p id="jd-hint" class="hint">
          {length()} characters{length() < MIN_CHARS ? ` · at least ${MIN_CHARS}` : ''}. The offline classifier always reads it; with a model configured, the model
          reads it too and both readings are shown.
        </p>
        <ErrorNote message={error()} />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Reading the posting…' : 'Analyse the posting'}
          </button>
        </div>
      </form>

      <section aria-labelledby="past-title" class="past-analyses">
        <h2 id="past-title">Postings you analysed</h2>
        <ErrorNote message={errorOf(analyses)} />
        <Show when={valueOf(analyses)} fallback={<Show when={analyses.loading}><p class="loading">Loading…</p></Show>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="muted">None yet.</p>}>
              <ul class="analysis-list">
                <For each={list()}>
                  {(a) => (
                    <li>
                      <A href={`/career/jobs/${a.id}`}>{a.postedTitle ?? 'Untitled posting'}</A>
                      <span class="muted">
                        {' '}
                        · {a.decided.roleName ? `reads as ${a.decided.roleName}` : 'could not be classified'} · {a.confidenceLabel} confidence ({percent(a.confidence)}) ·{' '}
                        {formatDate(a.createdAt)}
                      </span>
                      <Show when={a.warning}>
                        <span class="tag tag-warn">title and duties differ</span>
                      </Show>
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
