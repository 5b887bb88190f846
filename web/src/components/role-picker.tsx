import { For, Show } from 'solid-js';
import type { CareerRole } from '../lib/types.ts';

/**
 * A role select with the candidate's target roles first. `allLabel` adds an empty choice (all
 * roles, or "my first target role"), for pages where no role is a valid answer.
 */
export function RolePicker(props: {
  roles: CareerRole[];
  targets: string[];
  value: string;
  onChange: (role: string) => void;
  label: string;
  allLabel?: string;
  id?: string;
}) {
  const targeted = () => props.targets.map((id) => props.roles.find((r) => r.id === id)).filter((r): r is CareerRole => !!r);
  const others = () => props.roles.filter((r) => !props.targets.includes(r.id));
  // Each option says whether it is chosen: the options are redrawn when the target roles arrive,
  // and a select's value set before that would be lost.
  const option = (r: CareerRole) => (
    <option value={r.id} selected={props.value === r.id}>
      {r.name}
    </option>
  );
  return (
    <label class="role-picker">
      <span class="label">{props.label}</span>
      <select id={props.id} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <Show when={props.allLabel}>
          <option value="" selected={props.value === ''}>
            {props.allLabel}
          </option>
        </Show>
        <Show when={targeted().length > 0} fallback={<For each={props.roles}>{option}</For>}>
          <optgroup label="Your target roles">
            <For each={targeted()}>{option}</For>
          </optgroup>
          <Show when={others().length > 0}>
            <optgroup label="Other roles">
              <For each={others()}>{option}</For>
            </optgroup>
          </Show>
        </Show>
      </select>
    </label>
  );
}
