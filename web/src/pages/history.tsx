import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNote } from '../components/error-note.tsx';
import { VerdictBadge } from '../components/verdict-badge.tsx';
import { getBank, listSessions } from '../lib/api.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import { difficultyLabel, formatDate, levelText, modeLabel, statusLabel } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import type { HistoryFilter } from '../lib/types.ts';
import '../styles/report.css';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Every past session of this browser's candidate, filterable; each opens its transcript. */
export default function HistoryPage() {
  usePageTitle(() => 'History');
  const [params, setParams] = useSearchParams();
  // Filters live in the address, so a filtered list can be bookmarked and survives a reload.
  const filter = (): HistoryFilter => ({
    role: one(params.role),
    mode: one(params.mode) as HistoryFilter['mode'],
    status: one(params.status) as HistoryFilter['status'],
  });
  const [sessions] = createResource(filter, listSessions);
  const [bank] = createResource(getBank);

  return (
    <div class="page history">
      <h1>History</h1>
      <form class="filters" role="search" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span class="label">Role</span>
          <select value={filter().role ?? ''} onChange={(e) => setParams({ role: e.currentTarget.value || undefined })}>
            <option value="">All roles</option>
            <For each={valueOf(bank)?.roles ?? []}>{(r) => <option value={r.id}>{r.name}</option>}</For>
          </select>
        </label>
        <label>
          <span class="label">Mode</span>
          <select value={filter().mode ?? ''} onChange={(e) => setParams({ mode: e.currentTarget.value || undefined })}>
            <option value="">Loops and drills</option>
            <option value="loop">Full loops</option>
            <option value="drill">Drills</option>
          </select>
        </label>
        <label>
          <span class="label">Status</span>
          <select value={filter().status ?? ''} onChange={(e) => setParams({ status: e.currentTarget.value || undefined })}>
            <option value="">Any</option>
            <option value="active">In progress</option>
            <option value="finished">Finished</option>
          </select>
        </label>
      </form>

      <ErrorNote message={errorOf(sessions)} />
      <Show
        when={valueOf(sessions)}
        fallback={
          <Show when={sessions.loading}>
            <p class="loading">Loading your sessions…</p>
          </Show>
        }
      >
        {(list) => (
          <>
            <p class="muted" role="status">
              {list().length} session{list().length === 1 ? '' : 's'}
            </p>
            <Show
              when={list().length > 0}
              fallback={
                <div class="empty">
                  <p>No sessions match. Your interviews appear here as soon as you start one.</p>
                  <A class="button button-primary" href="/">
                    Start an interview
                  </A>
                </div>
              }
            >
              <ol class="history-list">
                <For each={list()}>
                  {(s) => (
                    <li class="history-item">
                      <div class="history-main">
                        <h2>
                          <A href={`/session/${s.id}/review`}>{s.roleName}</A>
                        </h2>
                        <p class="muted">
                          {modeLabel(s, s.stages)} · {difficultyLabel(s.difficulty)} · {formatDate(s.createdAt)} · {statusLabel(s)} · {s.answered} of{' '}
                          {s.questions} questions done
                        </p>
                        <ul class="stage-verdicts" aria-label="Verdict by stage">
                          <For each={s.stages}>
                            {(st) => (
                              <li>
                                <span class="stage-verdict-name">{st.name}</span>
                                <VerdictBadge verdict={st.verdict} label={st.verdictLabel} pendingText="—" />
                              </li>
                            )}
                          </For>
                        </ul>
                      </div>
                      <div class="history-side">
                        <p class="overall">
                          <VerdictBadge verdict={s.overall.verdict} label={s.overall.verdictLabel} pendingText="Not graded yet" />
                          <Show when={s.overall.level !== null}>
                            <span class="muted">Level {levelText(s.overall.level)}</span>
                          </Show>
                        </p>
                        <div class="history-actions">
                          <Show when={s.status === 'active'}>
                            <A class="button button-primary" href={`/session/${s.id}`}>
                              Resume
                            </A>
                          </Show>
                          <A class="button" href={`/session/${s.id}/review`}>
                            Transcript
                          </A>
                          <A class="button button-quiet" href={`/session/${s.id}/report`}>
                            Report
                          </A>
                        </div>
                      </div>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
