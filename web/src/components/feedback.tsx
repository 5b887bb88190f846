import { createMemo, createSignal, For, Show } from 'solid-js';
import { levelNumber, MAX_SCORE } from '../lib/format.ts';
import type { Quote } from '../lib/highlight.ts';
import type { CriterionGrade, Grade } from '../lib/types.ts';
import { HighlightedText } from './highlighted-text.tsx';
import { ScoreMeter } from './score-meter.tsx';

export interface AnswerPart {
  id: string;
  text: string;
  code: string | null;
}

/**
 * The full feedback on one graded answer: level, what to do next, the candidate's own words with
 * the grader's evidence marked, every rubric criterion with its score and what was missing, and
 * what a strong answer covers. Every number shown traces to a criterion and its evidence.
 */
export function Feedback(props: { grade: Grade; answers: AnswerPart[]; title?: string }) {
  const [active, setActive] = createSignal<string | null>(null);
  const quotes = createMemo<Quote[]>(() => props.grade.criteria.flatMap((c) => c.evidence.map((quote) => ({ quote, key: c.criterionId }))));
  const names = createMemo(() => Object.fromEntries(props.grade.criteria.map((c) => [c.criterionId, c.name])));
  const graderText = () =>
    props.grade.grader === 'llm' ? `Graded by the model ${props.grade.model ?? ''}`.trim() : 'Graded offline, by matching the rubric’s key concepts';

  return (
    <section class="feedback" aria-label={props.title ? `Feedback on ${props.title}` : 'Feedback'}>
      <header class="feedback-head">
        <p class="feedback-level">
          <span class="feedback-level-number">{props.grade.level === null ? '–' : levelNumber(props.grade.level)}</span>
          <span class="feedback-level-scale">
            of {MAX_SCORE} <Show when={props.grade.percent !== null}>· {props.grade.percent}%</Show>
          </span>
        </p>
        <p class="grader-note">
          {graderText()}
          <Show when={props.grade.status === 'provisional'}> · provisional</Show>
        </p>
      </header>

      <Show when={props.grade.feedback}>
        <p class="feedback-summary">{props.grade.feedback}</p>
      </Show>

      <Show when={props.grade.nextStep}>
        <div class="next-step">
          <h3>Next step</h3>
          <p>{props.grade.nextStep}</p>
        </div>
      </Show>

      <div class="feedback-answer">
        <h3>Your answer, with the evidence the grader used</h3>
        <For each={props.answers}>
          {(a) => (
            <div class="answer-quote">
              <Show when={a.text.trim()}>
                <p class="answer-text">
                  <HighlightedText text={a.text} quotes={quotes()} active={active()} names={names()} />
                </p>
              </Show>
              <Show when={a.code}>
                <pre class="code-block">
                  <code>
                    <HighlightedText text={a.code ?? ''} quotes={quotes()} active={active()} names={names()} />
                  </code>
                </pre>
              </Show>
            </div>
          )}
        </For>
      </div>

      <h3 class="criteria-title">The rubric, criterion by criterion</h3>
      <ol class="criteria">
        <For each={props.grade.criteria}>{(c) => <CriterionItem criterion={c} active={active()} onToggle={(id) => setActive((a) => (a === id ? null : id))} />}</For>
      </ol>

      <Show when={props.grade.strongAnswer.length > 0}>
        <div class="strong-answer">
          <h3>What a strong answer covers</h3>
          <ul>
            <For each={props.grade.strongAnswer}>{(point) => <li>{point}</li>}</For>
          </ul>
        </div>
      </Show>

      <Show when={props.grade.flags.length > 0}>
        <div class="grade-flags">
          <h3>About this grade</h3>
          <ul>
            <For each={props.grade.flags}>{(f) => <li>{f.text}</li>}</For>
          </ul>
        </div>
      </Show>
    </section>
  );
}

function CriterionItem(props: { criterion: CriterionGrade; active: string | null; onToggle: (id: string) => void }) {
  const c = () => props.criterion;
  const pressed = () => props.active === c().criterionId;
  return (
    <li class="criterion" classList={{ 'criterion-active': pressed() }}>
      <div class="criterion-head">
        <h4>{c().name}</h4>
        <ScoreMeter score={c().score} />
      </div>
      <p class="criterion-meta">
        Weight {c().weight}
        <Show when={c().source === 'tests'}> · scored from the hidden tests</Show>
      </p>
      <Show when={c().anchor}>
        <p class="anchor">{c().anchor}</p>
      </Show>
      <Show when={c().rationale && c().rationale !== c().anchor}>
        <p class="rationale">{c().rationale}</p>
      </Show>
      <Show when={c().evidence.length > 0}>
        <button
          type="button"
          class="link-button"
          aria-pressed={pressed()}
          aria-label={`${pressed() ? 'Show all evidence' : `Show only its evidence (${c().evidence.length})`}: ${c().name}`}
          onClick={() => props.onToggle(c().criterionId)}
        >
          {pressed() ? 'Show all evidence' : `Show only its evidence (${c().evidence.length})`}
        </button>
      </Show>
      <Show when={c().missing.length > 0}>
        <div class="missing">
          <span class="label">Missing</span>
          <ul>
            <For each={c().missing}>{(m) => <li>{m}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={(c().score ?? 0) < 3}>
        <p class="tip">
          <span class="label">To close the gap</span> {c().tip}
        </p>
      </Show>
    </li>
  );
}
