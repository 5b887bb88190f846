import { Match, Show, Switch } from 'solid-js';
import { levelText } from '../lib/format.ts';
import { isFullGrade, type Item } from '../lib/types.ts';
import { Feedback, type AnswerPart } from './feedback.tsx';

/**
 * Where one question's grade stands: being graded, held back until the stage ends, failed, or
 * done (then the full feedback, folded away once a newer answer has feedback of its own).
 */
export function GradePanel(props: { item: Item; answers: AnswerPart[]; open?: boolean; onRegrade?: () => void; regrading?: boolean }) {
  const grade = () => props.item.grade;
  const full = () => {
    const g = grade();
    return isFullGrade(g) ? g : null;
  };
  const title = () => props.item.question?.title ?? 'this question';
  const regrade = () => (
    <Show when={props.onRegrade}>
      <button type="button" class="button button-quiet" disabled={props.regrading} onClick={() => props.onRegrade?.()}>
        {props.regrading ? 'Re-grading…' : 'Re-grade this answer'}
      </button>
    </Show>
  );
  return (
    <div class="grade-panel">
      <Switch>
        <Match when={grade() && !isFullGrade(grade())}>
          <p class="grade-waiting">Feedback on this stage is shown when the stage ends, as you chose.</p>
        </Match>
        <Match when={!grade() || grade()!.status === 'pending'}>
          <p class="grading" role="status">
            <span class="grading-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            Grading your answer against the rubric…
          </p>
        </Match>
        <Match when={full()?.status === 'failed'}>
          <div class="note note-error">
            <p>This answer could not be graded{full()?.error ? `: ${full()!.error}` : '.'} Your answer is saved.</p>
            {regrade()}
          </div>
        </Match>
        <Match when={full()}>
          {(g) => (
            <details class="grade-details" open={props.open}>
              <summary>
                <span class="summary-label">Feedback on “{title()}”</span>
                <span class="summary-level">Level {levelText(g().level)}</span>
              </summary>
              <Feedback grade={g()} answers={props.answers} title={title()} />
              <div class="grade-actions">{regrade()}</div>
            </details>
          )}
        </Match>
      </Switch>
    </div>
  );
}
