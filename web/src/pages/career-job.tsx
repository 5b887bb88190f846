import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { ModelReading } from '../components/model-reading.tsx';
import { OverlookedAsks } from '../components/overlooked-asks.tsx';
import { PhraseQuote } from '../components/phrase-quote.tsx';
import { PostingEmphasis } from '../components/posting-emphasis.tsx';
import { TailorForm } from '../components/tailor-form.tsx';
import { getCareerData, getJobAnalysis, getProfile } from '../lib/api.ts';
import { percent } from '../lib/career-format.ts';
import { formatDate } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import '../styles/career.css';
import '../styles/career-jobs.css';

/**
 * One analysed posting: the role it really is (with confidence and the phrases that decided it),
 * the title warning, what it stresses, the asks candidates overlook, the model's reading beside
 * the offline one, and a loop tailored to it.
 */
export default function CareerJobPage() {
  const params = useParams<{ id: string }>();
  const [analysis] = createResource(() => params.id, getJobAnalysis);
  const [data] = createResource(getCareerData);
  const [profile] = createResource(() => getProfile().catch(() => null));
  usePageTitle(() => valueOf(analysis)?.postedTitle ?? 'Job posting');

  return (
    <div class="page career">
      <CareerNav />
      <ErrorNote message={errorOf(analysis)} />
      <Show when={valueOf(analysis)} fallback={<Show when={analysis.loading}><p class="loading">Loading the analysis…</p></Show>}>
        {(a) => (
          <>
            <header class="career-head">
              <p class="eyebrow">Job posting</p>
              <h1>{a().postedTitle ?? 'Untitled posting'}</h1>
              <p class="muted">
                Analysed {formatDate(a().createdAt)} · <A href="/career/jobs">All postings</A>
              </p>
            </header>

            <section class="role-verdict" aria-labelledby="role-verdict-title">
              <Show
                when={a().decided.roleName}
                fallback={
                  <h2 id="role-verdict-title">
                    This posting could not be classified
                  </h2>
                }
              >
                <p class="label">The duties describe</p>
                <h2 id="role-verdict-title" class="role-name">
                  {a().decided.roleName}
                </h2>
              </Show>
              <p class="confidence">
                <span class={`tag tag-${a().offline.confidenceLabel}`}>{a().offline.confidenceLabel} confidence</span>{' '}
                {percent(a().offline.confidence)} of the phrase points
                <Show when={a().offline.runnerUp}>{(r) => <> · runner-up {r().name} ({r().score} points)</>}</Show>
                <span class="muted"> · decided by {a().decided.source === 'llm' ? `the model ${a().model ?? ''}` : 'the offline classifier'}</span>
              </p>
              <p class="explanation">{a().offline.explanation}</p>
            </section>

            <Show when={a().warning}>
              <div class="note note-warn" role="note">
                <p>
                  <strong>Title and duties differ.</strong> {a().warning}
                </p>
              </div>
            </Show>

            <Show when={a().llmError}>
              <p class="note">The model could not read this posting ({a().llmError}); the offline reading stands.</p>
            </Show>

            <section aria-labelledby="deciding-title">
              <h2 id="deciding-title">The phrases that decided it</h2>
              <Show when={a().offline.decidingPhrases.length > 0} fallback={<p class="muted">No role phrases were found in this posting.</p>}>
                <ol class="phrase-list">
                  <For each={a().offline.decidingPhrases}>{(hit) => <PhraseQuote hit={hit} />}</For>
                </ol>
              </Show>
            </section>

            <PostingEmphasis offline={a().offline} />

            <section aria-labelledby="overlooked-title">
              <h2 id="overlooked-title">Asks candidates overlook</h2>
              <OverlookedAsks asks={a().offline.overlooked} />
            </section>

            <Show when={a().llm}>{(llm) => <ModelReading analysis={a()} llm={llm()} />}</Show>

            <Show when={valueOf(data)}>
              {(d) => <TailorForm analysis={a()} roles={d().roles} targets={valueOf(profile)?.current?.targetRoles ?? []} />}
            </Show>

            <details class="posting-text">
              <summary>The posting you pasted</summary>
              <p class="pre-wrap">{a().text}</p>
            </details>
          </>
        )}
      </Show>
    </div>
  );
}
