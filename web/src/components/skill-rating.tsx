import { For, Show } from 'solid-js';
import type { CareerSkill } from '../lib/types.ts';

const LEVELS = [1, 2, 3] as const;
export type SkillLevel = (typeof LEVELS)[number];

/**
 * One skill of the matrix, rated 1-3. Each level says what it means for this skill (the bank's
 * words), so the candidate rates against a description, not a feeling.
 */
export function SkillRating(props: {
  skill: CareerSkill;
  levelWords: Record<string, string>;
  value: SkillLevel | undefined;
  /** The rating last saved, to show what a change moves from. */
  saved: number | null;
  onChange: (level: SkillLevel) => void;
}) {
  const legendId = () => `skill-${props.skill.id}`;
  return (
    <fieldset class="skill-rating" classList={{ 'skill-rating-missing': props.value === undefined }} aria-describedby={`${legendId()}-desc`}>
      <legend id={legendId()}>{props.skill.name}</legend>
      <p id={`${legendId()}-desc`} class="skill-rating-desc">
        {props.skill.description}
        <Show when={props.saved !== null && props.value !== undefined && props.saved !== props.value}>
          <span class="changed"> · was {props.saved}, now {props.value}</span>
        </Show>
      </p>
      <div class="level-options">
        <For each={LEVELS}>
          {(level) => (
            <label class="level-option" classList={{ selected: props.value === level }}>
              {/* Named by its level, described by what the level means for this skill. */}
              <input
                type="radio"
                name={`rating-${props.skill.id}`}
                value={level}
                checked={props.value === level}
                aria-label={`${level} · ${props.levelWords[String(level)] ?? ''}`}
                aria-describedby={`${legendId()}-${level}`}
                onChange={() => props.onChange(level)}
              />
              <span class="level-name" aria-hidden="true">
                {level} · {props.levelWords[String(level)] ?? ''}
              </span>
              <span id={`${legendId()}-${level}`} class="level-text">
                {props.skill.levels[String(level) as '1' | '2' | '3']}
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
