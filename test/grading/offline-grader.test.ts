import { describe, expect, it } from 'vitest';
import { checkQuality, strongAnswerOf } from '../../server/bank/quality.ts';
import { gradeOffline } from '../../server/grading/offline-grader.ts';
import { answerLevel, VERDICT_THRESHOLDS } from '../../server/grading/scoring.ts';
import { analyze, findTerm, termStems } from '../../server/grading/text-match.ts';
import { realBank } from '../support/test-app.ts';

const bank = realBank();
const level = (id: string, answer: string, code?: string) => {
  const q = bank.byId.get(id)!;
  return answerLevel(q.rubric, gradeOffline({ question: q, answer, code }).criteria);
};
const HIRE = VERDICT_THRESHOLDS.find((t) => t.verdict === 'hire')!.min;

describe('offline grading quality over the whole bank', () => {
  it.each(bank.questions.map((q) => [q.id, q] as const))('%s: strong answer at hire level, off-topic answers low', (_id, q) => {
    const report = checkQuality(q);
    expect(report.problems).toEqual([]);
    expect(report.strong).toBeGreaterThanOrEqual(HIRE);
    expect(report.strong).toBeGreaterThan(Math.max(...report.offTopic));
  });

  it('ranks each question\'s own strong answer above every other question\'s strong answer', () => {
    const misses: string[] = [];
    for (const q of bank.questions) {
      const own = answerLevel(q.rubric, gradeOffline({ question: q, ...strongAnswerOf(q) }).criteria);
      for (const other of bank.questions) {
        if (other.id === q.id) continue;
        const theirs = answerLevel(q.rubric, gradeOffline({ question: q, answer: other.strong_answer.join(' ') }).criteria);
        if (theirs >= own) misses.push(`${other.id} on ${q.id}: ${theirs.toFixed(2)} >= ${own.toFixed(2)}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('scores a partial answer (one strong point) below the full strong answer', () => {
    const misses = bank.questions
      .filter((q) => !q.coding)
      .filter((q) => level(q.id, q.strong_answer[0]!) >= level(q.id, q.strong_answer.join(' ')))
      .map((q) => q.id);
    expect(misses).toEqual([]);
  });
});

describe('offline grader behaviour', () => {
  const leakage = 'th-data-leakage-churn';

  it('does not credit a concept under a negation', () => {
    const affirmed = 'I suspect target leakage, because a feature like the cancellation date is only known after the prediction time.';
    const denied = 'I do not think there is any leakage here, and no cancellation date was used at all.';
    const g = (a: string) => gradeOffline({ question: bank.byId.get(leakage)!, answer: a }).criteria.find((c) => c.criterionId === 'leakage')!;
    expect(g(affirmed).score).toBeGreaterThanOrEqual(2);
    expect(g(denied).score).toBeNull();
  });

  it('credits "isn\'t available" for a term written as "not available"', () => {
    const a = analyze("The label isn't available at prediction time.");
    expect(findTerm(a, termStems('not available at prediction time'))).toHaveLength(1);
  });

  it('quotes evidence verbatim from the answer', () => {
    const answer = 'First, I would suspect leakage: the account closed flag is only known after the prediction.\nThen I would use a time-based split.';
    const g = gradeOffline({ question: bank.byId.get(leakage)!, answer });
    for (const c of g.criteria) for (const e of c.evidence) expect(answer).toContain(e);
    expect(g.criteria.find((c) => c.criterionId === 'split')!.evidence).toEqual(['Then I would use a time-based split.']);
  });

  it('gives no credit to a list of buzzwords', () => {
    const stuffed = 'leakage, drift, skew, shadow mode, monitoring, feature importance, time-based split, group by customer, cut-off, cancellation date';
    const g = gradeOffline({ question: bank.byId.get(leakage)!, answer: stuffed });
    expect(g.flags).toContain('keyword_stuffing');
    expect(answerLevel(bank.byId.get(leakage)!.rubric, g.criteria)).toBeLessThanOrEqual(1);
  });

  it('gives "insufficient evidence" (null), not 0, to a criterion the answer never touched', () => {
    const g = gradeOffline({ question: bank.byId.get(leakage)!, answer: 'I would check for leakage from features only known after the prediction, such as a refund.' });
    expect(g.criteria.find((c) => c.criterionId === 'other-causes')!.score).toBeNull();
    expect(g.criteria.find((c) => c.criterionId === 'other-causes')!.missing.length).toBeGreaterThan(0);
  });

  it('scores coding correctness from the tests only', () => {
    const q = bank.byId.get('py-moving-average')!;
    const pass = gradeOffline({ question: q, answer: 'x', code: 'def f(): pass', tests: { passed: 9, total: 9, status: 'passed' } });
    const fail = gradeOffline({ question: q, answer: 'x', code: 'def f(): pass', tests: { passed: 2, total: 9, status: 'failed' } });
    expect(pass.criteria.find((c) => c.criterionId === 'correctness')!.score).toBe(4);
    expect(fail.criteria.find((c) => c.criterionId === 'correctness')!.score).toBe(1);
  });
});
