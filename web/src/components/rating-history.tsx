import { For, Show } from 'solid-js';
import { formatDate } from '../lib/format.ts';
import type { Profile } from '../lib/types.ts';

/** How each self-rating moved across saves: only the saves where it changed, oldest first. */
export function RatingHistory(props: { profile: Profile }) {
  const saves = () => props.profile.history.length;
  const firstSave = () => props.profile.history.at(-1)?.createdAt;
  return (
    <section class="rating-history" aria-labelledby="rating-history-title">
      <h2 id="rating-history-title">How your ratings changed</h2>
      <p class="muted">
        {saves()} save{saves() === 1 ? '' : 's'}
        <Show when={firstSave()}>{(t) => <> since {formatDate(t())}</>}</Show>. Each arrow is a save where the rating changed.
      </p>
      <table class="history-table">
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Ratings over time</th>
            <th scope="col" class="rating-now">
              Now
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.profile.skills}>
            {(s) => (
              <tr data-skill={s.skill}>
                <th scope="row">{s.name}</th>
                <td>
                  <ol class="rating-steps">
                    <For each={s.changes}>
                      {(c, i) => (
                        <li>
                          <Show when={i() > 0}>
                            <span class="arrow" aria-hidden="true">
                              →
                            </span>
                          </Show>
                          <span class="rating-step" classList={{ up: i() > 0 && c.rating > s.changes[i() - 1]!.rating, down: i() > 0 && c.rating < s.changes[i() - 1]!.rating }}>
                            {c.rating}
                          </span>
                          <span class="rating-date">{new Date(c.at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}</span>
                        </li>
                      )}
                    </For>
                  </ol>
                </td>
                <td class="rating-now">{s.currentLabel ? `${s.current} (${s.currentLabel})` : '—'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
