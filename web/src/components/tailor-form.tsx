import { createSignal, For, Show } from 'solid-js';
import { startTailoredSession } from '../lib/api.ts';
import type { CareerRole, JobAnalysis } from '../lib/types.ts';
import { RolePicker } from './role-picker.tsx';
import { StartSessionButton } from './start-session-button.tsx';

const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
/** How many of the posting's top skills steer the questions (server/career/tailoring.ts, TAILORED_FOCUS_SKILLS). */
const FOCUS_SKILLS = 3;

/**
 * A full mock loop for the role the posting really is: its stressed stages get a question more,
 * its top skills are asked about first. The role can be changed, and must be when none was found.
 */
export function TailorForm(props: { analysis: JobAnalysis; roles: CareerRole[]; targets: string[] }) {
  const [role, setRole] = createSignal(props.analysis.decided.role ?? '');
  const [difficulty, setDifficulty] = createSignal<(typeof DIFFICULTIES)[number]>('medium');
  const stressed = () => props.analysis.offline.stages.filter((s) => s.stressed).map((s) => s.name);
  const focus = () => props.analysis.offline.skills.slice(0, FOCUS_SKILLS).map((s) => s.name);
  const chosen = () => (role() && role() !== props.analysis.decided.role ? role() : undefined);
  return (
    <section class="tailor" aria-labelledby="tailor-title">
      <h2 id="tailor-title">Practise for this job</h2>
      <p>
        A full mock loop for the role the duties describe.
        <Show when={stressed().length > 0}> One more question in: {stressed().join(', ')}.</Show>
        <Show when={focus().length > 0}> Questions on {focus().join(', ').toLowerCase()} come first.</Show>
      </p>
      <div class="tailor-options">
        <RolePicker roles={props.roles} targets={props.targets} value={role()} onChange={setRole} label="Role" allLabel={props.analysis.decided.role ? undefined : 'Choose a role'} />
        <fieldset class="segmented-inline">
          <legend class="label">Difficulty</legend>
          <div class="segments">
            <For each={DIFFICULTIES}>
              {(d) => (
                <label classList={{ selected: difficulty() === d }}>
                  <input type="radio" name="tailor-difficulty" value={d} checked={difficulty() === d} onChange={() => setDifficulty(d)} />
                  {d[0]!.toUpperCase() + d.slice(1)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </div>
      <StartSessionButton
        label="Start a mock loop tailored to this posting"
        busyLabel="Preparing your loop…"
        disabled={!role()}
        start={() => startTailoredSession(props.analysis.id, { difficulty: difficulty(), ...(chosen() ? { role: chosen() } : {}) })}
      />
    </section>
  );
}
