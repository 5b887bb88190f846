/**
 * The offline classifier's accuracy on job descriptions we wrote (test/fixtures/job-descriptions).
 * Prints a table and the figures:  npx vitest run test/career/classifier-accuracy.test.ts
 * The dev set is what the role phrases were tuned on; the held-out set was written after they
 * were frozen, so its figure is the honest one.
 */
import { describe, expect, it } from 'vitest';
import { classifyJobDescription } from '../../server/career/classifier.ts';
import { loadCareer } from '../../server/career/load.ts';
import { realBank } from '../support/test-app.ts';
import { loadJobFixtures } from './seed.ts';

const bank = realBank();
const career = loadCareer(bank);
const fixtures = loadJobFixtures();
const results = fixtures.map((f) => ({ f, a: classifyJobDescription({ text: f.text, postedTitle: f.postedTitle }, bank, career) }));
const accuracy = (set?: 'dev' | 'held-out') => {
  const rs = results.filter((r) => !set || r.f.set === set);
  return { correct: rs.filter((r) => r.a.role === r.f.trueRole).length, total: rs.length };
};

describe('classifier accuracy on the job-description fixtures', () => {
  it('has at least 14 fixtures, two per role in the dev set, some mislabelled by title', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    for (const r of bank.roles) expect(fixtures.filter((f) => f.set === 'dev' && f.trueRole === r.id).length, r.id).toBeGreaterThanOrEqual(2);
    expect(fixtures.filter((f) => f.mislabelled).length).toBeGreaterThanOrEqual(5);
    for (const f of fixtures) {
      expect(bank.roles.map((r) => r.id), f.file).toContain(f.trueRole);
      expect(f.text.split(/\s+/).length, f.file).toBeGreaterThan(150);
    }
  });

  it('reports its accuracy', () => {
    const rows = results.map(
      ({ f, a }) =>
        `${a.role === f.trueRole ? 'ok  ' : 'MISS'} ${f.set.padEnd(8)} ${f.file.padEnd(48)} true ${f.trueRole.padEnd(22)} got ${String(a.role).padEnd(22)} ` +
        `${a.confidence.toFixed(2)} ${a.confidenceLabel.padEnd(6)}${f.mislabelled ? ' (title mislabelled)' : ''}`,
    );
    const fmt = (x: { correct: number; total: number }) => `${x.correct}/${x.total} (${Math.round((100 * x.correct) / x.total)}%)`;
    console.log(
      [...rows, '', `dev ${fmt(accuracy('dev'))}; held-out ${fmt(accuracy('held-out'))}; all ${fmt(accuracy())}`].join('\n'),
    );
    // Guards against regressions; the held-out bar is lower because it is never tuned on.
    expect(accuracy('dev').correct / accuracy('dev').total).toBeGreaterThanOrEqual(13 / 14);
    expect(accuracy('held-out').correct / accuracy('held-out').total).toBeGreaterThanOrEqual(5 / 7);
  });

  it('is never highly confident when it is wrong', () => {
    for (const { f, a } of results) if (a.role !== f.trueRole) expect(a.confidenceLabel, f.file).not.toBe('high');
  });

  it('warns about every mislabelled title it classifies right, and never about a matching one', () => {
    for (const { f, a } of results) {
      if (a.role !== f.trueRole) continue;
      if (f.mislabelled) expect(a.warning, f.file).toMatch(new RegExp(`^Posted as ${f.postedTitle.replace(/[()]/g, '\\$&')}; the duties`));
      else expect(a.warning, f.file).toBeNull();
    }
  });
});
