import { createMemo, For } from 'solid-js';
import type { Item } from '../lib/types.ts';

/** The loop's stages as one bar: each stage as wide as its questions, filled as they are answered. */
export function ProgressBar(props: { items: Item[]; stageNames: Record<string, string>; currentItemId: string | null }) {
  const stages = createMemo(() => {
    const order: string[] = [];
    for (const i of props.items) if (!order.includes(i.stage)) order.push(i.stage);
    return order.map((stage) => {
      const of = props.items.filter((i) => i.stage === stage);
      return {
        stage,
        total: of.length,
        done: of.filter((i) => i.status === 'complete').length,
        current: of.some((i) => i.id === props.currentItemId),
      };
    });
  });
  const position = () => {
    const at = props.items.findIndex((i) => i.id === props.currentItemId);
    if (at >= 0) return at + 1;
    // Before the turn arrives (or after the end): the first question not yet complete.
    const open = props.items.findIndex((i) => i.status !== 'complete');
    return open >= 0 ? open + 1 : props.items.length;
  };
  return (
    <div class="progress" role="group" aria-label="Interview progress">
      <p class="progress-count">
        Question {position()} of {props.items.length}
      </p>
      <ol class="progress-stages">
        <For each={stages()}>
          {(s) => (
            <li class="progress-stage" classList={{ current: s.current, done: s.done === s.total }} style={{ 'flex-grow': s.total }}>
              <span class="progress-track" aria-hidden="true">
                <span class="progress-fill" style={{ width: `${(100 * s.done) / s.total}%` }} />
              </span>
              <span class="progress-label">
                {props.stageNames[s.stage] ?? s.stage}
                <span class="sr-only">
                  : {s.done} of {s.total} answered{s.current ? ', current stage' : ''}
                </span>
              </span>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
