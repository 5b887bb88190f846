import { describe, expect, it } from 'vitest';
import { selectQuestions, loopQuestionCount } from '../../server/interview/select.ts';
import { realBank } from '../support/test-app.ts';

const bank = realBank();
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

describe('question selection', () => {
  it('never repeats a seen question until the stage pool is used up, then repeats the least recently seen', () => {
    const pool = bank.questions.filter((q) => q.stage === 'behavioral').map((q) => q.id);
    const seen = new Map<string, number>();
    let t = 0;
    const drawn: string[] = [];
    while (drawn.length < pool.length) {
      const [q] = selectQuestions({ bank, stage: 'behavioral', role: 'data-analyst', difficulty: 'medium', count: 1, seen, random });
      expect(seen.has(q!.id), `${q!.id} repeated before the pool was used up`).toBe(false);
      seen.set(q!.id, ++t);
      drawn.push(q!.id);
    }
    expect(new Set(drawn)).toEqual(new Set(pool));
    const [again] = selectQuestions({ bank, stage: 'behavioral', role: 'data-analyst', difficulty: 'medium', count: 1, seen, random });
    expect(again!.id).toBe(drawn[0]);
  });

  it('prefers questions typical for the role, then the closest difficulty', () => {
    const picked = selectQuestions({ bank, stage: 'case-study', role: 'mlops-engineer', difficulty: 'hard', count: 2, seen: new Map(), random });
    for (const q of picked) expect(q.roles).toContain('mlops-engineer');
  });

  it('mixes Python and SQL in a coding stage when the role has both', () => {
    const picked = selectQuestions({ bank, stage: 'coding', role: 'data-scientist', difficulty: 'medium', count: 2, seen: new Map(), random });
    expect(new Set(picked.map((q) => q.coding!.language)).size).toBe(2);
  });

  it('aims a drill at focus skills', () => {
    const picked = selectQuestions({ bank, stage: 'ml-theory', role: 'data-analyst', difficulty: 'medium', count: 2, seen: new Map(), focusSkills: ['calculus-linear-algebra'], random });
    for (const q of picked) expect(q.skills).toContain('calculus-linear-algebra');
  });

  it('asks more questions in the stages a role weighs more', () => {
    expect(loopQuestionCount(0)).toBe(0);
    expect(loopQuestionCount(1)).toBe(1);
    expect(loopQuestionCount(3)).toBe(2);
  });
});
