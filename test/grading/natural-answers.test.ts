/**
 * Recall in candidates' own words: answers written without looking at the rubric's terms.
 * Good ones must reach at least lean hire; weak ones (vague, generic, no specifics) must stay
 * below "very weak". This catches rubrics whose terms only match the author's phrasing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../server/grading/offline-grader.ts';
import { answerLevel, VERDICT_THRESHOLDS } from '../../server/grading/scoring.ts';
import { analyze, findTerm, termStems } from '../../server/grading/text-match.ts';
import { realBank, ROOT } from '../support/test-app.ts';

const bank = realBank();
type Fixture = { good: Record<string, string>; weak: Record<string, string> };
const read = (f: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/answers', f), 'utf8')) as Fixture;
const files = [read('natural-answers.json'), read('natural-answers-technical.json')];
const fixtures: Fixture = { good: Object.assign({}, ...files.map((f) => f.good)), weak: Object.assign({}, ...files.map((f) => f.weak)) };
const LEAN_HIRE = VERDICT_THRESHOLDS.find((t) => t.verdict === 'lean-hire')!.min;
/** Coding: good answers are explanations beside code that passed the tests; weak ones come with no working code. */
const level = (id: string, answer: string, codePassed = true) => {
  const q = bank.byId.get(id);
  if (!q) throw new Error(`fixture names unknown question ${id}`);
  // Coding fixtures are the explanation beside working code: the tests passed.
  const total = q.coding ? q.coding.examples.length + q.coding.tests.length : 0;
  const tests = q.coding ? { passed: codePassed ? total : 0, total, status: codePassed ? 'passed' : 'failed' } : undefined;
  return answerLevel(q.rubric, gradeOffline({ question: q, answer, tests }).criteria);
};

describe('answers in candidates\' own words', () => {
  it.each(Object.entries(fixtures.good))('%s: a good answer reaches at least lean hire', (id, answer) => {
    expect(level(id, answer)).toBeGreaterThanOrEqual(LEAN_HIRE);
  });

  it.each(Object.entries(fixtures.weak))('%s: a vague answer stays very weak', (id, answer) => {
    expect(level(id, answer, false)).toBeLessThanOrEqual(0.75);
  });

  it('ranks each good answer above the weak answer to the same question', () => {
    for (const [id, weak] of Object.entries(fixtures.weak)) if (fixtures.good[id]) expect(level(id, fixtures.good[id]!, false)).toBeGreaterThan(level(id, weak, false));
  });
});

describe('term reading', () => {
  it('reads contractions in terms the way it reads answers', () => {
    expect(findTerm(analyze('It was not my job, but nobody owned it.'), termStems("wasn't my job"))).toHaveLength(0);
    expect(findTerm(analyze("It wasn't my job, but nobody owned it."), termStems("wasn't my job"))).toHaveLength(1);
  });

  it('matches any number with the <number> term', () => {
    expect(findTerm(analyze('We cut refund errors by 30% in a quarter.'), termStems('<number>'))).toHaveLength(1);
    expect(findTerm(analyze('We cut refund errors a lot.'), termStems('<number>'))).toHaveLength(0);
  });
});
