import { For, Show } from 'solid-js';
import type { Suggestion } from '../lib/types.ts';

/** What to do about one gap: what to study, which stage and topics to drill, and a side project that shows it. */
export function SuggestionCard(props: { suggestion: Suggestion; why: string }) {
  const s = () => props.suggestion;
  return (
    <li class="suggestion">
      <h3>{s().name}</h3>
      <p class="muted">{props.why}</p>
      <h4>Study</h4>
      <ul>
        <For each={s().study}>
          {(item) => (
            <li>
              <strong>{item.title}</strong> <span class="muted">({item.kind})</span>: {item.focus}
            </li>
          )}
        </For>
      </ul>
      <h4>Drill</h4>
      <p>
        {s().drill.stageName}: {s().drill.topics.join('; ')}.{' '}
        <span class="muted">
          {s().drill.unseenQuestions} question{s().drill.unseenQuestions === 1 ? '' : 's'} on it you have not been asked yet
          <Show when={s().drill.answeredQuestions.length > 0}>; re-read your feedback on {s().drill.answeredQuestions.map((q) => `“${q.title}”`).join(', ')}</Show>.
        </span>
      </p>
      <h4>Side project</h4>
      <p>
        <strong>{s().project.name}</strong>: {s().project.summary}
      </p>
    </li>
  );
}
