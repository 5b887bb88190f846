import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CareerNav } from '../components/career-nav.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { RatingHistory } from '../components/rating-history.tsx';
import { SkillRating, type SkillLevel } from '../components/skill-rating.tsx';
import { TargetRoles } from '../components/target-roles.tsx';
import { getCareerData, getProfile, saveProfile } from '../lib/api.ts';
import { formatDate, messageOf } from '../lib/format.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { errorOf, valueOf } from '../lib/resource.ts';
import '../styles/career.css';
import '../styles/career-skills.css';

/** The self-assessment: the eight skills rated 1-3 against their descriptions, the target roles, and how both moved. */
export default function CareerProfilePage() {
  usePageTitle(() => 'Your skills');
  const [data] = createResource(getCareerData);
  const [profile, { mutate }] = createResource(getProfile);
  const [ratings, setRatings] = createStore<Record<string, SkillLevel | undefined>>({});
  const [targets, setTargets] = createSignal<string[]>([]);
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [savedAt, setSavedAt] = createSignal<number | null>(null);

  // The form starts from the last save, once it arrives; later saves come from the form itself.
  createEffect(
    on(
      () => valueOf(profile)?.current,
      (current) => {
        if (!current) return;
        setRatings({ ...(current.ratings as Record<string, SkillLevel>) });
        setTargets([...current.targetRoles]);
      },
      { defer: false },
    ),
  );

  const saved = (skill: string) => (valueOf(profile)?.current?.ratings as Record<string, number> | undefined)?.[skill] ?? null;
  const missing = () => (valueOf(data)?.skills ?? []).filter((s) => ratings[s.id] === undefined);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    if (missing().length > 0) {
      setError(`Rate all eight skills first: ${missing().map((s) => s.name).join(', ')} ${missing().length === 1 ? 'is' : 'are'} not rated yet.`);
      return;
    }
    if (targets().length === 0) {
      setError('Pick at least one target role.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const next = await saveProfile({ ...(ratings as Record<string, SkillLevel>) }, targets());
      mutate(next);
      setSavedAt(next.current?.createdAt ?? Date.now());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="page career">
      <CareerNav />
      <header class="career-head">
        <h1>Your skills</h1>
        <p class="lede">
          Rate yourself on the eight skills every ML and data job draws on. Your gap report compares these ratings, and what your graded answers show,
          with what each role needs.
        </p>
      </header>
      <ErrorNote message={errorOf(data) ?? errorOf(profile)} onRetry={() => location.reload()} retryLabel="Reload" />
      <Show when={valueOf(data)}>
        {(d) => (
          <form class="profile-form" aria-label="Self-assessment" onSubmit={save}>
            <section aria-labelledby="skills-title">
              <h2 id="skills-title">The eight skills</h2>
              <p class="muted">1 is {d().skillLevels['1']}, 2 {d().skillLevels['2']}, 3 {d().skillLevels['3']}. Pick the description that fits you today.</p>
              <For each={d().skills}>
                {(s) => (
                  <SkillRating
                    skill={s}
                    levelWords={d().skillLevels}
                    value={ratings[s.id]}
                    saved={saved(s.id)}
                    onChange={(level) => {
                      setRatings(s.id, level);
                      setSavedAt(null);
                    }}
                  />
                )}
              </For>
            </section>
            <TargetRoles
              roles={d().roles}
              value={targets()}
              onChange={(t) => {
                setTargets(t);
                setSavedAt(null);
              }}
            />
            <ErrorNote message={error()} />
            <div class="form-actions">
              <button type="submit" class="button button-primary" disabled={saving()}>
                {saving() ? 'Saving…' : 'Save my self-assessment'}
              </button>
              <span class="hint">{8 - missing().length} of 8 rated</span>
            </div>
            <Show when={savedAt()}>
              {(at) => (
                <p class="note note-ok" role="status">
                  Saved {formatDate(at())}. <A href="/career/gaps">See your gaps</A> against your target role.
                </p>
              )}
            </Show>
          </form>
        )}
      </Show>
      <Show when={valueOf(profile)?.current ? valueOf(profile) : null}>{(p) => <RatingHistory profile={p()} />}</Show>
    </div>
  );
}
