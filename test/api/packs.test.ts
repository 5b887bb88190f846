/** A candidate's own question pack: loaded beside the core bank, listed by the API, asked in drills. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../server/bank/load.ts';
import { makeTestApp, ROOT } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof makeTestApp>>;
afterEach(async () => t?.close());

function makePack(): string {
  const pack = mkdtempSync(join(tmpdir(), 'pack-'));
  writeFileSync(join(pack, 'pack.yaml'), 'id: cohort-7\nname: Cohort 7 extras\nversion: 1.2.0\n');
  mkdirSync(join(pack, 'questions'));
  const src = readFileSync(join(ROOT, 'question-bank/questions/coding/py-moving-average.yaml'), 'utf8');
  writeFileSync(join(pack, 'questions', 'rolling.yaml'), src.replace('id: py-moving-average', 'id: cohort-rolling-mean').replace('title: Trailing moving average', 'title: Rolling mean (cohort pack)'));
  return pack;
}

describe('question packs', () => {
  it('lists the pack and its questions in the bank, and asks them in a drill', async () => {
    const pack = makePack();
    t = await makeTestApp({ bank: loadBank(join(ROOT, 'question-bank'), [pack]) });
    const bank = (await t.json('GET', '/api/bank')).body;
    expect(bank.packs).toEqual([{ id: 'cohort-7', name: 'Cohort 7 extras', version: '1.2.0', questionCount: 1 }]);
    const coding = bank.stages.find((s: any) => s.id === 'coding');
    expect(coding.questionCount).toBe(t.deps.bank.questions.filter((q) => q.stage === 'coding').length);
    // Coding drills of ten until the stage's pool is used up: the pack's question is among them, once.
    const planned: string[] = [];
    const pool = coding.questionCount;
    for (let i = 0; i < Math.ceil(pool / 10); i++) {
      const drill = (await t.json('POST', '/api/sessions', { role: 'data-scientist', mode: 'drill', stage: 'coding', questionCount: 10, candidateId: 'packer' })).body;
      const rows = await t.deps.db.query.items.findMany({ where: (x, { eq }) => eq(x.sessionId, drill.session.id) });
      planned.push(...rows.map((r) => r.questionId));
    }
    expect(planned.filter((id) => id === 'cohort-rolling-mean')).toHaveLength(1);
    expect(new Set(planned.slice(0, pool)).size).toBe(pool);
  });

  it('stops loading on a broken pack with the file, path and reason', () => {
    const pack = makePack();
    const file = join(pack, 'questions', 'rolling.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('language: python', 'language: rust'));
    expect(() => loadBank(join(ROOT, 'question-bank'), [pack])).toThrow(/pack-\w+\/questions\/rolling.yaml at coding.language/);
  });
});
