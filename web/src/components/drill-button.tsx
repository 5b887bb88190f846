import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { createSession } from '../lib/api.ts';
import type { SessionSummary, Stage } from '../lib/types.ts';
import { ErrorNote } from './error-note.tsx';
import { messageOf } from '../lib/format.ts';

/** Starts a drill of one stage for the same role and difficulty, and goes straight into it. */
export function DrillButton(props: { session: SessionSummary; stage: Stage; stageName: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  async function drill() {
    setBusy(true);
    setError(null);
    try {
      const view = await createSession({
        role: props.session.role,
        mode: 'drill',
        stage: props.stage,
        difficulty: props.session.difficulty as 'easy' | 'medium' | 'hard',
        feedback: props.session.feedback as 'answer' | 'stage',
      });
      navigate(`/session/${view.session.id}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }
  return (
    <div class="drill">
      <button type="button" class="button button-primary" disabled={busy()} onClick={() => void drill()}>
        {busy() ? 'Preparing the drill…' : `Drill ${props.stageName}`}
      </button>
      <ErrorNote message={error()} />
    </div>
  );
}
