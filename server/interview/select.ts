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
  const focus = new Set(o.focusSkills ?? []);
  const keyed = pool.map((q) => {
    const seenAt = o.seen.get(q.id);
    return {
      q,
      key: [
        seenAt === undefined ? 0 : 1, // unseen first...
        seenAt ?? 0, // ...then the least recently seen
        focus.size ? -q.skills.filter((s) => focus.has(s)).length : 0,
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
  const ranked = keyed.map((k) => k.q);
  if (o.stage !== 'coding') return ranked.slice(0, o.count);
  // Coding: alternate languages where the ranking allows, so a loop tests both Python and SQL
  // when the role's questions include both.
  const picked: LoadedQuestion[] = [];
  const rest = [...ranked];
  while (picked.length < o.count && rest.length) {
    const last = picked.at(-1)?.coding?.language;
    const head = rest[0]!;
    const sameTier = (q: LoadedQuestion) => o.seen.has(q.id) === o.seen.has(head.id) && q.roles.includes(o.role) === head.roles.includes(o.role);
    const i = last ? rest.findIndex((q) => q.coding?.language !== last && sameTier(q)) : -1;
    picked.push(rest.splice(i >= 0 ? i : 0, 1)[0]!);
  }
  return picked;
}

/** How many questions a full loop asks in a stage, from the role's stage weight. */
export function loopQuestionCount(weight: number): number {
  if (weight <= 0) return 0;
  return weight >= 3 ? 2 : 1;
}
