/** The gap computation: targets, self-ratings, demonstrated levels, evidence threshold, disagreements, ranking. */
import { describe, expect, it } from 'vitest';
import { computeGaps, demonstratedLevel } from '../../server/career/gaps.ts';
import { weakestCriteria } from '../../server/career/gap-report.ts';
import { loadCareer } from '../../server/career/load.ts';
import { describeSkillScale, SKILL_SCALE, skillLevelFromAnswers } from '../../server/career/skill-scale.ts';
import type { SkillLevel } from '../../server/career/skill-scale.ts';
import { VERDICT_THRESHOLDS } from '../../server/grading/scoring.ts';
import { realBank } from '../support/test-app.ts';
import { answer } from './seed.ts';

const bank = realBank();
const career = loadCareer(bank);
const settings = { ...career.evidence, min_answers: 3, recent_answers: 8, disagreement_min: 1 };
const pds = bank.roles.find((r) => r.id === 'product-data-scientist')!;
const allAt = (level: SkillLevel) => Object.fromEntries(bank.skills.map((s) => [s.id, level])) as Record<string, SkillLevel>;

/** n answers on one skill at the given level, one a minute from `from`. */
const answers = (skill: string, n: number, level: number, from = 1_000_000) =>
  Array.from({ length: n }, (_, i) => answer({ skills: [skill], level, gradedAt: from + i * 60_000 }));

describe('the answer-to-skill scale', () => {
  it('maps mean answer levels 0-4 to skill levels 1-3 with the verdict thresholds', () => {
    const hire = VERDICT_THRESHOLDS.find((t) => t.verdict === 'hire')!.min;
    const lean = VERDICT_THRESHOLDS.find((t) => t.verdict === 'lean-hire')!.min;
    expect(SKILL_SCALE.map((s) => s.minAnswerLevel)).toEqual([hire, lean, 0]);
    expect(skillLevelFromAnswers(4)).toBe(3);
    expect(skillLevelFromAnswers(hire)).toBe(3);
    expect(skillLevelFromAnswers(hire - 0.01)).toBe(2);
    expect(skillLevelFromAnswers(lean)).toBe(2);
    expect(skillLevelFromAnswers(lean - 0.01)).toBe(1);
    expect(skillLevelFromAnswers(0)).toBe(1);
    expect(describeSkillScale()).toMatch(/3 \(very experienced\) from 2.75 up/);
  });
});

describe('demonstrated level', () => {
  it('says "not enough evidence" below the threshold, with the count', () => {
    const d = demonstratedLevel('statistics', answers('statistics', 2, 4), settings);
    expect(d).toMatchObject({ level: null, answers: 2, enoughEvidence: false, meanAnswerLevel: 4 });
    expect(d.note).toBe('Not enough evidence: 2 graded answers on this skill; 3 needed.');
    expect(d.evidence).toHaveLength(2);
  });

  it('gives a level at the threshold, with the answers behind it', () => {
    const d = demonstratedLevel('statistics', [...answers('statistics', 3, 3), ...answers('sql-only', 5, 0)], settings);
    expect(d).toMatchObject({ level: 3, answers: 3, enoughEvidence: true, meanAnswerLevel: 3 });
    expect(d.note).toMatch(/Mean level 3 of 4 over your 3 most recent graded answers: 3 \(very experienced\)/);
    expect(d.evidence.every((e) => e.level === 3)).toBe(true);
  });

  it('uses only the most recent answers, so old attempts age out', () => {
    const old = answers('statistics', 8, 0, 1_000);
    const recent = answers('statistics', 8, 3, 10_000_000);
    const d = demonstratedLevel('statistics', [...recent, ...old], settings);
    expect(d).toMatchObject({ level: 3, answers: 8, totalAnswers: 16, meanAnswerLevel: 3 });
    expect(d.note).toMatch(/\(of 16\)/);
  });
});

describe('computeGaps', () => {
  it('measures from the answers when there is enough evidence, else from the self-rating, and says which', () => {
    const gaps = computeGaps({
      role: pds,
      skills: bank.skills,
      selfRatings: allAt(2),
      answers: [...answers('statistics', 3, 1), ...answers('data-visualization', 2, 4)],
      evidence: settings,
    });
    const stats = gaps.find((g) => g.skill === 'statistics')!;
    expect(stats).toMatchObject({ target: 3, selfRating: 2, basis: 'demonstrated', current: 1, gap: 2, status: 'gap' });
    expect(stats.summary).toBe('Product Data Scientist needs 3; your answers show 1 (3 answers, mean 1 of 4): a gap of 2.');
    const viz = gaps.find((g) => g.skill === 'data-visualization')!;
    expect(viz).toMatchObject({ basis: 'self-rating', current: 2, gap: 1 });
    expect(viz.demonstrated.note).toMatch(/^Not enough evidence: 2 graded answers/);
    expect(viz.summary).toMatch(/you rated yourself 2; not enough evidence: 2 graded answers/);
  });

  it('flags a self-rating above what the answers show (rated 3, answers weak)', () => {
    const [g] = computeGaps({ role: pds, skills: bank.skills, selfRatings: allAt(3), answers: answers('statistics', 4, 1.2), evidence: settings }).filter(
      (x) => x.skill === 'statistics',
    );
    expect(g!.disagreement).toMatchObject({ direction: 'self-higher', by: 2 });
    expect(g!.disagreement!.message).toBe(
      'You rated Statistics 3 (very experienced), but your 4 graded answers average 1.2 of 4, which shows 1 (beginner). The gap is measured from your answers until they catch up.',
    );
    expect(g!.gap).toBe(2);
  });

  it('flags a self-rating below what the answers show (rated 1, answers strong)', () => {
    const g = computeGaps({ role: pds, skills: bank.skills, selfRatings: allAt(1), answers: answers('statistics', 3, 3.6), evidence: settings }).find(
      (x) => x.skill === 'statistics',
    )!;
    expect(g.disagreement).toMatchObject({ direction: 'self-lower', by: 2 });
    expect(g.disagreement!.message).toMatch(/underselling/);
    expect(g).toMatchObject({ status: 'at-target', gap: 0, basis: 'demonstrated' });
  });

  it('does not flag without enough evidence, nor when the difference is below the setting', () => {
    const gaps = computeGaps({
      role: pds,
      skills: bank.skills,
      selfRatings: allAt(3),
      answers: [...answers('statistics', 2, 0), ...answers('data-wrangling', 3, 2.2)],
      evidence: { ...settings, disagreement_min: 2 },
    });
    expect(gaps.find((g) => g.skill === 'statistics')!.disagreement).toBeNull();
    expect(gaps.find((g) => g.skill === 'data-wrangling')!.disagreement).toBeNull(); // 3 vs 2: below 2
  });

  it('ranks the biggest gaps first; a proven gap before a claimed one; unknown skills and those at target after', () => {
    const ratings = { ...allAt(3), statistics: 1, 'data-intuition': 2, 'data-visualization': 2 } as Record<string, SkillLevel>;
    delete (ratings as Record<string, unknown>)['machine-learning'];
    const gaps = computeGaps({
      role: pds,
      skills: bank.skills,
      selfRatings: ratings,
      // Data wrangling: rated 3, but the answers show 2: a proven gap of 1.
      answers: answers('data-wrangling', 3, 2.2),
      evidence: settings,
    });
    expect(gaps.filter((g) => g.status === 'gap').map((g) => [g.skill, g.gap, g.rank])).toEqual([
      ['statistics', 2, 1],
      ['data-wrangling', 1, 2],
      ['data-visualization', 1, 3],
      ['data-intuition', 1, 4],
    ]);
    const ml = gaps.find((g) => g.skill === 'machine-learning')!;
    expect(ml).toMatchObject({ status: 'unknown', gap: null, basis: 'none', rank: null });
    expect(gaps.indexOf(ml)).toBe(4);
    expect(gaps.slice(5).every((g) => g.status === 'at-target')).toBe(true);
  });

  it('without a self-assessment or answers, every skill is unknown with its target', () => {
    const gaps = computeGaps({ role: pds, skills: bank.skills, selfRatings: null, answers: [], evidence: settings });
    expect(gaps.every((g) => g.status === 'unknown' && g.target === pds.skill_targets[g.skill])).toBe(true);
    expect(gaps[0]!.summary).toMatch(/^Product Data Scientist needs 3; no self-rating and not enough evidence: 0 graded answers/);
  });
});

describe('weakest criteria', () => {
  it('lists criteria below 3 from the most recent answers, costliest first, with tips', () => {
    const q = bank.byId.get('th-ab-test-peeking')!;
    const weak = answer({
      skills: q.skills,
      level: 1,
      gradedAt: 2,
      questionId: q.id,
      criteria: q.rubric.map((c, i) => ({ criterionId: c.id, score: i === 0 ? 0 : i === 1 ? null : 3, evidence: [], missing: [], rationale: '' })),
    });
    const old = answer({ skills: q.skills, level: 0, gradedAt: 1, questionId: q.id, criteria: [] });
    const list = weakestCriteria(bank, [old, weak], 1);
    expect(list.map((w) => [w.criterionId, w.score, w.deficit])).toEqual([
      [q.rubric[0]!.id, 0, q.rubric[0]!.weight * 4],
      [q.rubric[1]!.id, null, q.rubric[1]!.weight * 4],
    ]);
    expect(list[0]!.tip).toBe(q.rubric[0]!.tip);
  });
});
