import { Show } from 'solid-js';
import { levelText } from '../lib/format.ts';
import type { StageReport } from '../lib/types.ts';
import { VerdictBadge } from './verdict-badge.tsx';

/** One stage's verdict, how it follows from the level and the thresholds, and its summary. */
export function StageCard(props: { stage: StageReport }) {
  const s = () => props.stage;
  return (
    <li class="stage-card" data-verdict={s().verdict ?? 'none'}>
      <div class="stage-card-main">
        <h3>{s().name}</h3>
        <VerdictBadge verdict={s().verdict} label={s().verdictLabel} pendingText={s().pending > 0 ? 'Grading…' : 'Not graded'} />
        <p class="stage-card-level">
          Level {levelText(s().level)}
          <br />
          {s().graded} of {s().questions} answer{s().questions === 1 ? '' : 's'} graded
          <Show when={s().pending > 0}> · {s().pending} being graded</Show>
          <Show when={s().provisional}> · provisional</Show>
        </p>
      </div>
      <div class="stage-card-detail">
        <Show when={s().summary} fallback={<p class="muted">No summary yet: it is written once every answer of the stage is graded.</p>}>
          {(sum) => (
            <p class="stage-card-summary">
              {sum().text}
              <span class="muted"> ({sum().grader === 'llm' ? `summary by ${sum().model}` : 'summary by the offline grader'})</span>
            </p>
          )}
        </Show>
        <Show when={s().explanation}>
          <p class="stage-card-explanation">{s().explanation}</p>
        </Show>
      </div>
    </li>
  );
}
