/**
 * The interview room's state: the session (a live store), the interviewer's current turn and
 * what the room is doing (asking, waiting for an answer, submitting, closed). On arrival it asks
 * for the next turn, which replays a pending one: that is how a reload or a reopened tab resumes.
 */
import { createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import { ApiError, nextTurn, runCode, submitAnswer } from '../lib/api.ts';
import { clearSessionDrafts, clearTextDraft } from '../lib/draft.ts';
import { createSessionStore } from '../lib/session-store.ts';
import type { Message, RunResult, Turn } from '../lib/types.ts';
import { messageOf } from '../lib/format.ts';

export type Phase = 'loading' | 'asking' | 'answering' | 'submitting' | 'closed' | 'error';


export function createRoom(sessionId: () => string) {
  const session = createSessionStore(sessionId);
  const [phase, setPhase] = createSignal<Phase>('loading');
  const [turn, setTurn] = createSignal<Turn | null>(null);
  const [streaming, setStreaming] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [running, setRunning] = createSignal(false);
  const [runResult, setRunResult] = createSignal<RunResult | null>(null);
  const [runError, setRunError] = createSignal<string | null>(null);
  /** Why the submitted code's tests did not run (the answer itself is stored): kept until the next submit. */
  const [submitRunNote, setSubmitRunNote] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  const abort = new AbortController();
  onCleanup(() => abort.abort());

  const view = () => session.state.view;
  const currentItem = createMemo(() => {
    const id = turn()?.item?.id;
    return id ? (view()?.items.find((i) => i.id === id) ?? null) : null;
  });
  /** The pending question is already on screen when the last stored message is the interviewer's. */
  const showStream = () => {
    const last = view()?.messages.at(-1);
    return streaming() !== null && last?.author !== 'interviewer' ? streaming() : null;
  };

  async function ask(): Promise<void> {
    setPhase('asking');
    setError(null);
    setStreaming('');
    try {
      const t = await nextTurn(sessionId(), (d) => setStreaming((s) => (s ?? '') + d), abort.signal);
      await session.reload();
      setTurn(t);
      setRunResult(null);
      setRunError(null);
      setAnnouncement(
        t.kind === 'closing' ? 'The interview is over.' : t.kind === 'follow_up' ? 'The interviewer asks a follow-up question.' : `New question: ${t.item?.question?.title ?? ''}`,
      );
      if (t.kind === 'closing') {
        clearSessionDrafts(sessionId());
        setPhase('closed');
      } else setPhase('answering');
    } catch (err) {
      if (abort.signal.aborted) return;
      setError(messageOf(err));
      setPhase('error');
    } finally {
      setStreaming(null);
    }
  }

  /** Stores the answer, then asks for what comes next. False when it was not stored. */
  async function submit(text: string, code: string | undefined): Promise<boolean> {
    const t = turn();
    if (!t?.item || phase() !== 'answering') return false;
    setPhase('submitting');
    setError(null);
    setSubmitRunNote(null);
    try {
      const res = await submitAnswer(sessionId(), { itemId: t.item.id, text, ...(code !== undefined ? { code } : {}) });
      setSubmitRunNote(res.runError);
      clearTextDraft(sessionId(), t.message.id);
      session.appendMessage(res.message as Message);
      void ask();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Answered already (another tab, a double submit): the stored state decides what is next.
        clearTextDraft(sessionId(), t.message.id);
        await ask();
        return true;
      }
      setError(messageOf(err));
      setPhase('answering');
      return false;
    }
  }

  async function run(code: string): Promise<void> {
    const item = turn()?.item;
    if (!item) return;
    setRunning(true);
    setRunError(null);
    try {
      setRunResult(await runCode(sessionId(), { itemId: item.id, code }));
    } catch (err) {
      setRunError(messageOf(err));
    } finally {
      setRunning(false);
    }
  }

  onMount(() => {
    session.follow();
    void session.reload().then(() => {
      if (session.state.view) void ask();
      else setPhase('error');
    });
  });

  return {
    session,
    view,
    phase,
    turn,
    currentItem,
    streaming: showStream,
    error: () => error() ?? (phase() === 'error' ? session.state.error : null),
    ask,
    submit,
    run,
    running,
    runResult,
    runError,
    submitRunNote,
    announcement,
  };
}

export type Room = ReturnType<typeof createRoom>;
