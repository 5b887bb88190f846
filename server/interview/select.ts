/**
 * Picks a session's questions. Within a stage, a question the candidate has already seen is
 * never picked again until every question of that stage has been seen; among unseen questions,
 * those typical for the role come first, then the closest difficulty. Drills can aim at skills
 * (the weakest ones), which outrank role fit.
 */
import { DIFFICULTIES, type Difficulty, type Stage } from '../bank/schema.ts';
import type { Bank, LoadedQuestion } from '../bank/load.ts';

export interface SelectOptions {
  bank: Bank;
  stage: Stage;
  role: string;
  difficulty: Difficulty;
  count: number;
  /** Question id -> when the candidate last saw it (ms). */
  seen: Map<string, number>;
  /** Questions already picked for this session (never picked twice). */
  exclude?: Set<string>;
  /** Prefer questions that exercise these skills (a drill aimed at gaps). */
  focusSkills?: string[];
  random: () => number;
}

const difficultyDistance = (a: Difficulty, b: Difficulty) => Math.abs(DIFFICULTIES.indexOf(a) - DIFFICULTIES.indexOf(b));

export function selectQuestions(o: SelectOptions): LoadedQuestion[] {
  const pool = o.bank.questions.filter((q) => q.stage === o.stage && !o.exclude?.has(q.id));
  // Earlier focus skills weigh more: a drill aimed at [statistics, sql] leads with statistics.
  const focus = new Map((o.focusSkills ?? []).map((s, i, all) => [s, all.length - i]));
  const keyed = pool.map((q) => {
    const seenAt = o.seen.get(q.id);
    return {
      q,
      key: [
        seenAt === undefined ? 0 : 1, // unseen first...
        seenAt ?? 0, // ...then the least recently seen
        focus.size ? -q.skills.reduce((n, s) => n + (focus.get(s) ?? 0), 0) : 0,
        q.roles.includes(o.role) ? 0 : 1,
        difficultyDistance(q.difficulty, o.difficulty),
        o.random(),
      ],
    };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });
  if (o.stage !== 'coding') return keyed.slice(0, o.count).map((k) => k.q);
  // Coding: alternate languages where the ranking allows (same seen-ness, focus and role fit),
  // so a loop tests both Python and SQL when the role's questions include both.
  const tier = (k: (typeof keyed)[number]) => `${k.key[0]}|${k.key[2]}|${k.key[3]}`;
  const picked: typeof keyed = [];
  const rest = [...keyed];
  while (picked.length < o.count && rest.length) {
    const last = picked.at(-1)?.q.coding?.language;
    const i = last ? rest.findIndex((k) => k.q.coding?.language !== last && tier(k) === tier(rest[0]!)) : -1;
    picked.push(rest.splice(i >= 0 ? i : 0, 1)[0]!);
  }
  return picked.map((k) => k.q);
}

/** How many questions a full loop asks in a stage, from the role's stage weight. */
export function loopQuestionCount(weight: number): number {
  if (weight <= 0) return 0;
  return weight >= 3 ? 2 : 1;
}
