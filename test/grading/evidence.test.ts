import { describe, expect, it } from 'vitest';
import { checkGrades, locateQuote } from '../../server/grading/evidence.ts';
import { realBank } from '../support/test-app.ts';

const q = realBank().byId.get('th-data-leakage-churn')!;
const answer = 'I would look for leakage first — the “account closed” flag is set after churn.\nThen a time-based split.';
const raw = (over: Partial<{ criterionId: string; score: number | null; evidence: string[] }>) => ({
  criterionId: 'leakage',
  score: 3,
  evidence: [] as string[],
  missing: [],
  rationale: 'r',
  ...over,
});

describe('evidence checking', () => {
  it('finds quotes despite re-typed quotes, dashes, case and white space, returning the answer\'s own text', () => {
    expect(locateQuote(answer, 'the "account closed" flag is set after churn')).toBe('the “account closed” flag is set after churn');
    expect(locateQuote(answer, 'LEAKAGE first - the')).toBe('leakage first — the');
    expect(locateQuote(answer, 'churn. Then a   time-based split')).toBe('churn.\nThen a time-based split');
    expect(locateQuote(answer, 'a random split')).toBeUndefined();
  });

  it('drops a quote that is not in the answer and flags the grade', () => {
    const { criteria, flags } = checkGrades(q.rubric, [raw({ evidence: ['leakage first', 'the candidate clearly understands leakage'] })], answer);
    expect(criteria.find((c) => c.criterionId === 'leakage')!.evidence).toEqual(['leakage first']);
    expect(flags).toContain('evidence_dropped');
  });

  it('turns a positive score with no surviving evidence into insufficient evidence', () => {
    const { criteria, flags } = checkGrades(q.rubric, [raw({ score: 4, evidence: ['words never written'] })], answer);
    expect(criteria.find((c) => c.criterionId === 'leakage')!.score).toBeNull();
    expect(flags).toEqual(expect.arrayContaining(['evidence_dropped', 'unsupported_score']));
  });

  it('clamps scores to the 0-4 scale', () => {
    const { criteria, flags } = checkGrades(q.rubric, [raw({ score: 9, evidence: ['leakage first'] }), raw({ criterionId: 'split', score: -2 })], answer);
    expect(criteria.find((c) => c.criterionId === 'leakage')!.score).toBe(4);
    expect(criteria.find((c) => c.criterionId === 'split')!.score).toBe(0);
    expect(flags).toContain('score_clamped');
  });

  it('fills missing criteria as insufficient evidence and ignores invented ones', () => {
    const { criteria, flags } = checkGrades(q.rubric, [raw({ evidence: ['leakage first'] }), raw({ criterionId: 'charisma', score: 4 })], answer);
    expect(criteria.map((c) => c.criterionId)).toEqual(q.rubric.map((c) => c.id));
    expect(criteria.find((c) => c.criterionId === 'verification')!.score).toBeNull();
    expect(flags).toContain('criteria_repaired');
  });
});
