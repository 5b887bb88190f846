import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { SessionView } from '../lib/types.ts';
import { ErrorNote } from './error-note.tsx';
import { messageOf } from '../lib/format.ts';

/**
 * A button that creates a session (a tailored loop, a drill of the weakest stage) and goes
 * straight into its interview room; the server's refusal is shown beside it.
 */
export function StartSessionButton(props: { label: string; busyLabel: string; start: () => Promise<SessionView>; disabled?: boolean; class?: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  async function go() {
    setBusy(true);
    setError(null);
    try {
      const view = await props.start();
      navigate(`/session/${view.session.id}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }
  return (
    <div class="start-session">
      <button type="button" class={props.class ?? 'button button-primary'} disabled={busy() || props.disabled} onClick={() => void go()}>
        {busy() ? props.busyLabel : props.label}
      </button>
      <ErrorNote message={error()} />
    </div>
  );
}
