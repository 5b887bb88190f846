import { For, Show } from 'solid-js';
import type { CareerRole } from '../lib/types.ts';

/**
 * The roles the candidate aims at, in the order picked: the first is what the gap report and a
 * new plan use when no role is named.
 */
export function TargetRoles(props: { roles: CareerRole[]; value: string[]; onChange: (roles: string[]) => void }) {
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.value.filter((r) => r !== id), id] : props.value.filter((r) => r !== id));
  return (
    <fieldset class="target-roles">
      <legend>Target roles</legend>
      <p class="legend-help">Pick the jobs you are applying for. The first one you pick is the default for your gaps and plan.</p>
      <div class="target-grid">
        <For each={props.roles}>
          {(r) => (
            <label class="choice-card" classList={{ selected: props.value.includes(r.id) }}>
              <input type="checkbox" name="target-role" value={r.id} checked={props.value.includes(r.id)} onChange={(e) => toggle(r.id, e.currentTarget.checked)} />
              <span class="choice-title">
                {r.name}
                <Show when={props.value[0] === r.id}>
                  <span class="tag">default</span>
                </Show>
              </span>
              <span class="choice-text">{r.summary}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
