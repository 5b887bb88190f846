import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { skillLevelText } from '../lib/career-format.ts';
import { formatDate, levelNumber, MAX_SCORE } from '../lib/format.ts';
import type { CareerData, SkillGap } from '../lib/types.ts';

/** The gap in a few words: ranked, on target, above it, or unknown. */
export function gapStatusText(g: SkillGap): string {
  if (g.status === 'gap') return `#${g.rank} gap: ${g.gap} level${g.gap === 1 ? '' : 's'} short`;
  if (g.status === 'unknown') return 'Unknown: no rating, not enough answers';
  return g.gap === 0 ? 'On target' : 'Above target';
}

/**
 * One skill of the gap report: the role's target, what the candidate says, what the graded
 * answers show (and how many there are, or that there are too few), where the gap is measured
 * from, any disagreement between the two, and the answers behind it.
 */
export function GapCard(props: { gap: SkillGap; data: Pick<CareerData, 'skillLevels'> | undefined; minAnswers: number }) {
  const g = () => props.gap;
  const d = () => props.gap.demonstrated;
  return (
    <li class="gap-card" data-status={g().status} data-skill={g().skill}>
      <div class="gap-card-head">
        <h3>{g().name}</h3>
        <span class={`tag gap-status gap-status-${g().status}`}>{gapStatusText(g())}</span>
      </div>
      <dl class="gap-numbers">
        <dt>Target</dt>
        <dd>{skillLevelText(props.data, g().target)}</dd>
        <dt>You say</dt>
        <dd>{g().selfRating === null ? 'Not rated yet' : skillLevelText(props.data, g().selfRating)}</dd>
        <dt>Your answers show</dt>
        <dd>
          <Show
            when={d().enoughEvidence}
            fallback={
              <span class="no-evidence">
                Not enough evidence: {d().answers} of {props.minAnswers} graded answers
              </span>
            }
          >
            {skillLevelText(props.data, d().level)}
            <span class="muted">
              {' '}
              · mean {levelNumber(d().meanAnswerLevel ?? 0)} of {MAX_SCORE} over {d().answers} answer{d().answers === 1 ? '' : 's'}
            </span>
          </Show>
        </dd>
        <dt>Measured from</dt>
        <dd>{g().basis === 'demonstrated' ? 'your graded answers' : g().basis === 'self-rating' ? 'your self-rating, until answers are enough' : 'nothing yet'}</dd>
      </dl>
      <Show when={g().disagreement}>
        {(dis) => (
          <p class={`flag flag-${dis().direction}`}>
            <strong>{dis().direction === 'self-higher' ? 'You rate yourself higher than your answers show.' : 'Your answers show more than you claim.'}</strong>{' '}
            {dis().message}
          </p>
        )}
      </Show>
      <Show when={d().evidence.length > 0}>
        <details class="evidence-list">
          <summary>
            The {d().evidence.length} answer{d().evidence.length === 1 ? '' : 's'} behind it
            <Show when={d().totalAnswers > d().answers}> (the most recent of {d().totalAnswers})</Show>
          </summary>
          <ul>
            <For each={d().evidence}>
              {(e) => (
                <li>
                  <A href={`/session/${e.sessionId}/review`}>{e.questionTitle}</A>{' '}
                  <span class="muted">
                    · level {levelNumber(e.level)} of {MAX_SCORE} · {formatDate(e.gradedAt)}
                    <Show when={e.provisional}> · provisional</Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </li>
  );
}
