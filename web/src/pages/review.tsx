import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, onMount, Show } from 'solid-js';
import { Conversation } from '../components/conversation.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { VerdictBadge } from '../components/verdict-badge.tsx';
import { exportMarkdown, getBank, regrade } from '../lib/api.ts';
import { valueOf } from '../lib/resource.ts';
import { saveExport } from '../lib/download.ts';
import { difficultyLabel, formatDate, levelText, modeLabel, statusLabel, messageOf } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { createSessionStore } from '../lib/session-store.ts';
import '../styles/room.css';
import '../styles/coding.css';
import '../styles/feedback.css';
import '../styles/report.css';

/** A past session's whole graded transcript: export it, or ask for a fresh grade of an answer. */
function Review(props: { id: string }) {
  const store = createSessionStore(() => props.id);
  const [bank] = createResource(getBank);
  const [regrading, setRegrading] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  usePageTitle(() => 'Transcript');
  onMount(() => {
    void store.reload();
    store.follow();
  });

  const view = () => store.state.view;
  const roleName = () => valueOf(bank)?.roles.find((r) => r.id === view()?.session.role)?.name ?? view()?.session.role ?? '';

  async function onRegrade(itemId: string) {
    setRegrading(itemId);
    setError(null);
    try {
      await regrade(props.id, itemId);
      await store.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setRegrading(null);
    }
  }

  async function exportIt() {
    setError(null);
    setError(await saveExport(() => exportMarkdown(props.id)));
  }

  return (
    <div class="page review">
      <Show when={view()} fallback={<ErrorNote message={store.state.error} onRetry={() => void store.reload()} />}>
        {(v) => (
          <>
            <header class="report-head">
              <p class="eyebrow">Graded transcript</p>
              <h1>
                {roleName()} <span class="muted">· {modeLabel(v().session, [...v().report.stages, ...(valueOf(bank)?.stages ?? [])])}</span>
              </h1>
              <p class="muted">
                {formatDate(v().session.createdAt)} · {difficultyLabel(v().session.difficulty)} · {statusLabel(v().session)} · {v().grader.description}
              </p>
              <div class="overall">
                <span class="overall-label">Overall</span>
                <VerdictBadge verdict={v().report.overall.verdict} label={v().report.overall.verdictLabel} />
                <span class="overall-level">Level {levelText(v().report.overall.level)}</span>
              </div>
              <div class="report-actions">
                <button type="button" class="button" onClick={() => void exportIt()}>
                  Export as Markdown
                </button>
                <A class="button" href={`/session/${props.id}/report`}>
                  Report
                </A>
                <Show when={v().session.status === 'active'}>
                  <A class="button button-primary" href={`/session/${props.id}`}>
                    Resume the interview
                  </A>
                </Show>
              </div>
              <ErrorNote message={error()} />
            </header>
            <Conversation view={v()} expandAll onRegrade={(id) => void onRegrade(id)} regrading={regrading()} />
          </>
        )}
      </Show>
    </div>
  );
}

/** Keyed by the session id: moving from one session to another builds the transcript afresh. */
export default function ReviewPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <Review id={id} />}
    </Show>
  );
}
