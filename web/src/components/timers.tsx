import { createMemo, Show } from 'solid-js';
import { createNow } from '../lib/clock.ts';
import { formatClock } from '../lib/format.ts';

type Pace = 'ok' | 'near' | 'over';

/** Near the end: the last fifth of the budget, or the last minute, whichever is longer. */
function paceOf(elapsedMs: number, budgetMs: number): Pace {
  if (elapsedMs >= budgetMs) return 'over';
  return budgetMs - elapsedMs <= Math.max(60_000, budgetMs * 0.2) ? 'near' : 'ok';
}

/**
 * Time on the question and on the stage against their budgets. Times come from when the server
 * stored the question, so a reload does not reset them. The warning is gentle: a colour and a
 * sentence, announced once, never a countdown alarm.
 */
export function Timers(props: {
  questionStartedAt: number | null;
  questionMinutes: number | null;
  stageStartedAt: number | null;
  stageMinutes: number | null;
  stageName: string;
  stopped?: boolean;
}) {
  const now = createNow(1000);
  const q = createMemo(() => {
    if (props.questionStartedAt === null || props.questionMinutes === null) return null;
    const elapsed = now() - props.questionStartedAt;
    return { elapsed, budget: props.questionMinutes * 60_000, pace: paceOf(elapsed, props.questionMinutes * 60_000) };
  });
  const s = createMemo(() => {
    if (props.stageStartedAt === null || props.stageMinutes === null) return null;
    const elapsed = now() - props.stageStartedAt;
    return { elapsed, budget: props.stageMinutes * 60_000, pace: paceOf(elapsed, props.stageMinutes * 60_000) };
  });
  const message = createMemo(() => {
    const qp = q()?.pace;
    const sp = s()?.pace;
    if (sp === 'over') return `The ${props.stageName} stage is past its time budget: wrap up when you are ready.`;
    if (qp === 'over') return 'This question is past its suggested time: finish your thought and submit.';
    if (sp === 'near') return `The ${props.stageName} stage is nearly out of time.`;
    if (qp === 'near') return 'About a minute or two left for this question.';
    return '';
  });

  return (
    <Show when={!props.stopped}>
      <div class="timers">
        <Show when={q()}>
          {(t) => (
            <p class="timer" data-pace={t().pace}>
              <span class="timer-label">This question</span>
              <span class="timer-value">
                {formatClock(t().elapsed)} <span class="muted">/ {formatClock(t().budget)}</span>
              </span>
            </p>
          )}
        </Show>
        <Show when={s()}>
          {(t) => (
            <p class="timer" data-pace={t().pace}>
              <span class="timer-label">{props.stageName} stage</span>
              <span class="timer-value">
                {formatClock(t().elapsed)} <span class="muted">/ {formatClock(t().budget)}</span>
              </span>
            </p>
          )}
        </Show>
        <p class="timer-note" aria-live="polite">
          {message()}
        </p>
      </div>
    </Show>
  );
}
