import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BankError, loadBank } from '../../server/bank/load.ts';
import { STAGES } from '../../server/bank/schema.ts';
import { realBank, ROOT } from '../support/test-app.ts';

function copyBank(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bank-'));
  cpSync(join(ROOT, 'question-bank'), dir, { recursive: true });
  return dir;
}

function problemsOf(fn: () => unknown): BankError['problems'] {
  try {
    fn();
  } catch (err) {
    if (err instanceof BankError) return err.problems;
    throw err;
  }
  throw new Error('expected a BankError');
}

describe('the question bank', () => {
  const bank = realBank();

  it('has a version and at least 12 questions per stage, 60 in all', () => {
    expect(bank.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const stage of STAGES) expect(bank.questions.filter((q) => q.stage === stage).length, stage).toBeGreaterThanOrEqual(12);
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
  });

  it('covers the seven roles and the eight skills, with every difficulty', () => {
    expect(bank.roles.map((r) => r.id).sort()).toEqual(
      ['applied-scientist', 'data-analyst', 'data-engineer', 'data-scientist', 'ml-engineer', 'mlops-engineer', 'product-data-scientist'].sort(),
    );
    expect(bank.skills).toHaveLength(8);
    for (const r of bank.roles) expect(bank.questions.filter((q) => q.roles.includes(r.id)).length, r.id).toBeGreaterThanOrEqual(5);
    for (const s of bank.skills) expect(bank.questions.filter((q) => q.skills.includes(s.id)).length, s.id).toBeGreaterThanOrEqual(3);
    for (const d of ['easy', 'medium', 'hard']) expect(bank.questions.some((q) => q.difficulty === d)).toBe(true);
  });

  it('gives every question a revision and a 3-6 criterion rubric with anchors, concepts, follow-ups and tips', () => {
    for (const q of bank.questions) {
      expect(q.revision).toBeGreaterThanOrEqual(1);
      expect(q.rubric.length).toBeGreaterThanOrEqual(3);
      expect(q.rubric.length).toBeLessThanOrEqual(6);
      for (const c of q.rubric) {
        expect(Object.keys(c.anchors)).toEqual(['0', '1', '2', '3', '4']);
        expect(c.follow_up.length).toBeGreaterThan(10);
        if (c.source === 'concepts') expect(c.concepts.length).toBeGreaterThan(0);
      }
      expect(q.strong_answer.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives coding questions a language, starter code and at least 6 hidden tests', () => {
    const coding = bank.questions.filter((q) => q.stage === 'coding');
    for (const q of coding) {
      expect(q.coding, q.id).toBeDefined();
      expect(q.coding!.tests.length).toBeGreaterThanOrEqual(6);
      expect(q.coding!.starter.length).toBeGreaterThan(0);
    }
    expect(coding.filter((q) => q.coding?.language === 'python').length).toBeGreaterThanOrEqual(15);
    expect(coding.filter((q) => q.coding?.language === 'sql').length).toBeGreaterThanOrEqual(12);
  });

  it('stops on a broken file with the file, the path and the reason', () => {
    const dir = copyBank();
    const file = join(dir, 'questions', 'ml-theory', 'th-data-leakage-churn.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('difficulty: medium', 'difficulty: impossible').replace(/weight: 3/, 'weight: 9'));
    const problems = problemsOf(() => loadBank(dir));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'questions/ml-theory/th-data-leakage-churn.yaml', path: 'difficulty' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'rubric[0].weight', reason: expect.stringMatching(/5/) }));
  });

  it('reports unparseable YAML, unknown roles and duplicate ids', () => {
    const dir = copyBank();
    writeFileSync(join(dir, 'questions', 'behavioral', 'broken.yaml'), 'id: [unclosed\n');
    const src = readFileSync(join(dir, 'questions', 'ml-theory', 'th-data-leakage-churn.yaml'), 'utf8');
    writeFileSync(join(dir, 'questions', 'ml-theory', 'copy.yaml'), src.replace('roles: [data-scientist', 'roles: [astronaut'));
    const problems = problemsOf(() => loadBank(dir));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'questions/behavioral/broken.yaml', reason: expect.stringMatching(/cannot parse/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'questions/ml-theory/copy.yaml', reason: expect.stringMatching(/unknown role "astronaut"/) }));
    expect(problems).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/duplicate question id "th-data-leakage-churn"/) }));
  });

  it('loads a question pack beside the core bank and rejects a folder that is not one', () => {
    const pack = mkdtempSync(join(tmpdir(), 'pack-'));
    writeFileSync(join(pack, 'pack.yaml'), 'id: my-pack\nname: My pack\nversion: 0.1.0\n');
    cpSync(join(ROOT, 'question-bank', 'questions', 'ml-theory', 'th-data-leakage-churn.yaml'), join(pack, 'questions', 'q.yaml'), { recursive: true });
    writeFileSync(join(pack, 'questions', 'q.yaml'), readFileSync(join(pack, 'questions', 'q.yaml'), 'utf8').replace('id: th-data-leakage-churn', 'id: my-leakage'));
    const withPack = loadBank(join(ROOT, 'question-bank'), [pack]);
    expect(withPack.packs).toEqual([expect.objectContaining({ id: 'my-pack', questionCount: 1 })]);
    expect(withPack.byId.get('my-leakage')?.source).toBe('my-pack');
    const notPack = mkdtempSync(join(tmpdir(), 'notpack-'));
    expect(problemsOf(() => loadBank(join(ROOT, 'question-bank'), [notPack]))[0]!.reason).toMatch(/pack.yaml is missing/);
  });
});
