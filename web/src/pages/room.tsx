import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, on, Show } from 'solid-js';
import { Composer } from '../components/composer.tsx';
import { Conversation } from '../components/conversation.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { Timers } from '../components/timers.tsx';
import { getBank } from '../lib/api.ts';
import { valueOf } from '../lib/resource.ts';
import { difficultyLabel, modeLabel } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { createRoom } from '../room/room-controller.ts';
import '../styles/room.css';
import '../styles/coding.css';
import '../styles/feedback.css';

/** The interview room: the conversation, the answer box, progress and time. */
function Room(props: { id: string }) {
  const room = createRoom(() => props.id);
  const [bank] = createResource(getBank);
  usePageTitle(() => 'Interview room');

  const view = () => room.view();
  // The bank names every stage; the report alone may leave out the current one ("feedback at stage end").
  const stageNames = createMemo<Record<string, string>>(() => ({
    ...Object.fromEntries((view()?.report.stages ?? []).map((s) => [s.stage, s.name])),
    ...Object.fromEntries((valueOf(bank)?.stages ?? []).map((s) => [s.id, s.name])),
  }));
  const stageList = createMemo(() => Object.entries(stageNames()).map(([id, name]) => ({ id, name })));
  const roleName = () => valueOf(bank)?.roles.find((r) => r.id === view()?.session.role)?.name ?? view()?.session.role ?? '';
  const item = () => room.currentItem();
  const questionMessages = (itemIds: string[]) =>
    (view()?.messages ?? []).filter((m) => m.author === 'interviewer' && m.kind === 'question' && m.itemId && itemIds.includes(m.itemId));
  const questionStartedAt = () => {
    const i = item();
    return i ? (questionMessages([i.id])[0]?.createdAt ?? null) : null;
  };
  const stageStartedAt = () => {
    const i = item();
    if (!i) return null;
    const ids = (view()?.items ?? []).filter((x) => x.stage === i.stage).map((x) => x.id);
    const times = questionMessages(ids).map((m) => m.createdAt);
    return times.length ? Math.min(...times) : null;
  };
  const stageMinutes = () => valueOf(bank)?.stages.find((s) => s.id === item()?.stage)?.minutes ?? null;
  const pendingGrades = () => (view()?.items ?? []).filter((i) => i.grade?.status === 'pending').length;
  const lastCode = () => {
    const i = item();
    if (!i) return null;
    return [...(view()?.messages ?? [])].reverse().find((m) => m.itemId === i.id && m.author === 'candidate' && m.code)?.code ?? null;
  };

  // Bring each new interviewer turn into view, top first: the question is what matters now.
  createEffect(
    on(
      () => room.turn()?.message.id,
      (id) => {
        if (!id) return;
        queueMicrotask(() => {
          const el = document.querySelector(`[data-message-id="${CSS.escape(id)}"]`);
          const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
          el?.scrollIntoView?.({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
        });
      },
      { defer: true },
    ),
  );

  return (
    <div class="room" data-phase={room.phase()}>
      <Show
        when={view()}
        fallback={
          <Show when={room.error()} fallback={<p class="loading">Opening the interview room…</p>}>
            <ErrorNote message={room.error()} onRetry={() => location.reload()} retryLabel="Reload" />
          </Show>
        }
      >
        {(v) => (
          <>
            <header class="room-bar">
              <div class="room-heading">
                <h1>
                  {roleName()}{' '}
                  <span class="room-sub">
                    {modeLabel(v().session, stageList())} · {difficultyLabel(v().session.difficulty)}
                  </span>
                </h1>
                <p class="grading-status" role="status">
                  <Show when={pendingGrades() > 0}>
                    <span class="grading-dot" aria-hidden="true" />
                    Grading {pendingGrades()} answer{pendingGrades() === 1 ? '' : 's'}…
                  </Show>
                </p>
              </div>
              <ProgressBar items={v().items} stageNames={stageNames()} currentItemId={room.phase() === 'closed' ? null : (item()?.id ?? null)} />
              <Timers
                questionStartedAt={questionStartedAt()}
                questionMinutes={item()?.question?.minutes ?? null}
                stageStartedAt={stageStartedAt()}
                stageMinutes={stageMinutes()}
                stageName={stageNames()[item()?.stage ?? ''] ?? ''}
                stopped={room.phase() === 'closed' || !item()}
              />
            </header>

            <Conversation view={v()} streaming={room.streaming()} stageNames={stageNames()} />

            <ErrorNote message={room.error()} onRetry={room.phase() === 'error' ? () => void room.ask() : undefined} />
            <Show when={room.submitRunNote()}>
              <p class="note" role="status">
                {room.submitRunNote()}
              </p>
            </Show>

            <Show when={room.phase() === 'closed'}>
              <div class="closing-card">
                <h2>Interview complete</h2>
                <p>Your answers are graded against each question’s rubric. The report has a verdict per stage, your weakest criteria and what to practise next.</p>
                <div class="actions">
                  <A class="button button-primary" href={`/session/${props.id}/report`}>
                    See your report
                  </A>
                  <A class="button" href={`/session/${props.id}/review`}>
                    Review the transcript
                  </A>
                </div>
              </div>
            </Show>

            <Show when={room.phase() !== 'closed' && item()?.id} keyed>
              {(itemId) => (
                <Composer
                  sessionId={props.id}
                  itemId={itemId}
                  messageId={room.turn()?.message.id ?? ''}
                  coding={item()?.question?.coding ?? null}
                  lastCode={lastCode()}
                  waiting={room.phase() === 'asking' || room.phase() === 'loading'}
                  busy={room.phase() === 'submitting'}
                  onSubmit={room.submit}
                  onRun={room.run}
                  running={room.running()}
                  runResult={room.runResult()}
                  runError={room.runError()}
                />
              )}
            </Show>
            <p class="sr-only" aria-live="polite">
              {room.announcement()}
            </p>
          </>
        )}
      </Show>
    </div>
  );
}

/** Keyed by the session id: moving from one session to another builds the interview room afresh. */
export default function RoomPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <Room id={id} />}
    </Show>
  );
}
