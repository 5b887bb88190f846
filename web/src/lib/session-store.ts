/**
 * One session's view in a store, kept current: re-read on demand and whenever the server says a
 * grade changed. reconcile() keeps unchanged rows as the same objects, so the DOM around them
 * (an open <details>, a focused editor, the scroll position) survives every refresh.
 */
import { onCleanup } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { getSession, watchSession } from './api.ts';
import type { Message, SessionView } from './types.ts';
import { messageOf } from './format.ts';

export interface SessionState {
  view: SessionView | null;
  error: string | null;
}

export function createSessionStore(sessionId: () => string) {
  const [state, setState] = createStore<SessionState>({ view: null, error: null });
  let inFlight: Promise<void> | undefined;
  let again = false;

  async function readOnce(): Promise<void> {
    try {
      const view = await getSession(sessionId());
      setState('view', reconcile(view, { key: 'id', merge: false }));
      setState('error', null);
    } catch (err) {
      setState('error', messageOf(err));
    }
  }

  /** Re-reads the session; calls during a read coalesce into one more read after it. */
  function reload(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        await readOnce();
      } while (again);
      inFlight = undefined;
    })();
    return inFlight;
  }

  /** Shows a just-stored message at once, before the next read confirms it. */
  function appendMessage(message: Message): void {
    setState(
      produce((s) => {
        if (s.view && !s.view.messages.some((m) => m.id === message.id)) s.view.messages.push(message);
      }),
    );
  }

  /** Follows grade events until the owner is disposed. */
  function follow(): void {
    const abort = new AbortController();
    onCleanup(() => abort.abort());
    void watchSession(sessionId(), () => void reload(), abort.signal);
  }

  return { state, reload, appendMessage, follow };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
