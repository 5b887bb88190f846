/** The learning plan's shape and dates, its Markdown export, the progress trend, and career.yaml validation. */
import { describe, expect, it } from 'vitest';
import { BankError } from '../../server/bank/load.ts';
import { computeGaps } from '../../server/career/gaps.ts';
import { loadCareer, parseCareer } from '../../server/career/load.ts';
import { addDays, buildPlan, IsoDate, phaseOfDate, weekDue, type Horizon } from '../../server/career/plan.ts';
import { planToMarkdown } from '../../server/career/plan-markdown.ts';
import type { planView } from '../../server/career/plan-store.ts';
import { trendOf } from '../../server/career/progress.ts';
import type { SkillLevel } from '../../server/career/skill-scale.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realBank, ROOT } from '../support/test-app.ts';

const bank = realBank();
const career = loadCareer(bank);
const role = (id: string) => bank.roles.find((r) => r.id === id)!;
const START = '2025-01-06';

function planFor(roleId: string, horizon: Horizon, ratings: Record<string, SkillLevel>) {
  let n = 0;
  const gaps = computeGaps({ role: role(roleId), skills: bank.skills, selfRatings: ratings, answers: [], evidence: career.evidence });
  return { gaps, plan: buildPlan({ bank, career, role: role(roleId), gaps, horizonMonths: horizon, startDate: START, newId: () => `m${++n}` }) };
}
const ratings = (over: Record<string, number>) =>
  ({ ...Object.fromEntries(bank.skills.map((s) => [s.id, 3])), ...over }) as Record<string, SkillLevel>;

describe('dates', () => {
  it('counts weeks from the start date, in UTC, and validates calendar dates', () => {
    expect(weekDue(START, 1)).toBe('2025-01-12');
    expect(weekDue(START, 13)).toBe('2025-04-06');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(IsoDate.safeParse('2025-02-29').success).toBe(false);
    expect(IsoDate.safeParse('2025-13-01').success).toBe(false);
    expect(IsoDate.safeParse('2025-03-31').success).toBe(true);
  });
});

describe('buildPlan', () => {
  it('6 months: courses on the top gaps and the end-to-end ML app by month 3, then applications, then weekly outreach', () => {
    const { gaps, plan } = planFor('ml-engineer', 6, ratings({ 'software-engineering': 1, 'machine-learning': 2, 'calculus-linear-algebra': 1 }));
    const ms = plan.milestones;
    expect(plan.startDate).toBe(START);
    expect([...ms].map((m) => m.due)).toEqual([...ms].map((m) => m.due).sort());

    const courses = ms.filter((m) => m.kind === 'course');
    expect(courses.map((c) => c.skill)).toEqual(gaps.filter((g) => g.status === 'gap').slice(0, 3).map((g) => g.skill));
    // Equal gaps of 1: machine learning (target 3) before calculus (target 2).
    expect(courses.map((c) => c.skill)).toEqual(['software-engineering', 'machine-learning', 'calculus-linear-algebra']);
    expect(courses.map((c) => c.due)).toEqual([weekDue(START, 4), weekDue(START, 8), weekDue(START, 12)]);
    expect(courses[0]!.title).toBe('Finish the book "Designing Machine Learning Systems (Chip Huyen)"');
    expect(courses[0]!.why).toMatch(/^Gap 2 in Software engineering: Machine Learning Engineer needs 3; you rated yourself 1/);

    const project = ms.filter((m) => m.kind === 'project');
    expect(plan.projectId).toBe('end-to-end-ml-app');
    expect(project.map((p) => p.title)).toEqual(career.projectById.get('end-to-end-ml-app')!.steps.map((s) => `End-to-end ML application: ${s.title}`));
    expect(project.some((p) => /Docker/.test(p.title))).toBe(true);

    expect(ms.filter((m) => m.kind === 'drill')).toHaveLength(career.plan.drill_weeks.length);
    expect(ms.filter((m) => m.kind === 'mock-loop').map((m) => m.due)).toEqual([weekDue(START, 6), weekDue(START, 12)]);
    const learn = ms.filter((m) => m.phase === 'learn');
    expect(learn.every((m) => m.due <= weekDue(START, 13))).toBe(true);
    expect(learn.at(-1)!.title).toMatch(/^Three-month check/);

    const apply = ms.filter((m) => m.phase === 'apply');
    expect(apply.map((m) => m.due)).toEqual([14, 15, 16, 17].map((w) => weekDue(START, w)));
    expect(apply[0]!.title).toBe('Start applying: 5 Machine Learning Engineer jobs a day (25 this week)');
    const outreach = ms.filter((m) => m.kind === 'outreach');
    expect(outreach.map((m) => m.due)).toEqual([18, 19, 20, 21, 22, 23, 24, 25].map((w) => weekDue(START, w)));
    expect(outreach[0]!.title).toBe('Reach out to 5 hiring managers this week');
    expect(ms.at(-1)).toMatchObject({ due: weekDue(START, 26), kind: 'check', phase: 'outreach' });
    expect(ms.every((m) => !m.done && m.notes === '' && m.id)).toBe(true);
  });

  it('3 months: only the learning phase, ending with the three-month check', () => {
    const { plan } = planFor('ml-engineer', 3, ratings({ statistics: 1 }));
    expect(plan.milestones.every((m) => m.phase === 'learn')).toBe(true);
    expect(plan.milestones.at(-1)!.due).toBe(weekDue(START, 13));
  });

  it('fits the side project to the role: no ML app for an analyst', () => {
    expect(planFor('data-analyst', 3, ratings({ 'data-visualization': 1 })).plan.projectId).toBe('metrics-dashboard');
    expect(planFor('data-engineer', 3, ratings({})).plan.projectId).toBe('data-pipeline');
    expect(planFor('product-data-scientist', 3, ratings({})).plan.projectId).toBe('experiment-readout');
    for (const r of ['data-scientist', 'mlops-engineer', 'applied-scientist']) expect(planFor(r, 3, ratings({})).plan.projectId).toBe('end-to-end-ml-app');
  });

  it('never names the same book twice, and with no gap still plans three courses on the highest targets', () => {
    const { plan } = planFor('product-data-scientist', 3, ratings({}));
    const titles = plan.milestones.filter((m) => m.kind === 'course').map((m) => m.title);
    expect(titles).toHaveLength(3);
    expect(new Set(titles).size).toBe(3);
    const stats = planFor('product-data-scientist', 3, ratings({ statistics: 1, 'data-intuition': 1 })).plan;
    const books = stats.milestones.filter((m) => m.kind === 'course').map((m) => m.title);
    expect(new Set(books).size).toBe(books.length);
  });

  it('puts added milestones in the phase their date falls in', () => {
    expect(phaseOfDate(career, START, weekDue(START, 13))).toBe('learn');
    expect(phaseOfDate(career, START, weekDue(START, 15))).toBe('apply');
    expect(phaseOfDate(career, START, weekDue(START, 30))).toBe('outreach');
  });
});

describe('planToMarkdown', () => {
  it('exports a dated checklist by phase with the gaps it was built from and the notes', () => {
    const { plan } = planFor('data-analyst', 6, ratings({ 'data-visualization': 1 }));
    plan.milestones[0]!.done = true;
    plan.milestones[1]!.notes = 'Started chapter 2.\nGood so far.';
    const view: ReturnType<typeof planView> = {
      id: 'p1',
      candidateId: 'ada',
      role: { id: 'data-analyst', name: 'Data Analyst' },
      horizonMonths: 6,
      startDate: plan.startDate,
      endDate: plan.milestones.at(-1)!.due,
      project: { id: 'metrics-dashboard', name: 'Automated business dashboard', summary: 'A dashboard.' },
      basis: plan.basis,
      milestones: plan.milestones,
      progress: { done: 1, total: plan.milestones.length },
      createdAt: 0,
      updatedAt: 0,
    };
    const md = planToMarkdown(view);
    expect(md).toMatch(/^# Learning plan: Data Analyst \(6 months\)\n/);
    expect(md).toContain(`From ${START} to ${weekDue(START, 26)}. 1 of ${plan.milestones.length} milestones done.`);
    expect(md).toContain('| Data visualization and communication | 3 | 1 | self-rating | 2 |');
    expect(md).toContain('## Months 1-3: courses, side project and drills');
    expect(md).toContain('## Month 4: applications, several a day');
    expect(md).toContain('## Months 5-6: outreach to hiring managers every week');
    expect(md).toContain(`- [x] **${plan.milestones[0]!.due}** ${plan.milestones[0]!.title}`);
    expect(md).toContain('    Notes:\n    Started chapter 2.\n    Good so far.');
    expect(md.match(/^- \[[ x]\]/gm)).toHaveLength(plan.milestones.length);
  });
});

describe('progress trend', () => {
  const pts = (levels: number[]) => levels.map((level, i) => ({ sessionId: `s${i}`, at: i, level, answers: 1 }));
  it('compares the later half with the earlier half', () => {
    expect(trendOf(pts([1]), 0.25)).toEqual({ direction: 'not-enough-data', change: null });
    expect(trendOf(pts([1, 2]), 0.25)).toEqual({ direction: 'improving', change: 1 });
    expect(trendOf(pts([3, 9, 2.9]), 0.25)).toEqual({ direction: 'steady', change: -0.1 });
    expect(trendOf(pts([3, 3, 2, 2]), 0.25)).toEqual({ direction: 'declining', change: -1 });
  });
});

describe('career.yaml validation', () => {
  const source = readFileSync(join(ROOT, 'question-bank/career.yaml'), 'utf8');
  const problems = (text: string) => {
    try {
      parseCareer(text, bank);
    } catch (err) {
      if (err instanceof BankError) return err.problems;
      throw err;
    }
    throw new Error('expected a BankError');
  };

  it('loads the real file', () => {
    expect(career.projects.length).toBeGreaterThanOrEqual(3);
    for (const s of bank.skills) expect(career.suggestions[s.id]!.study.length).toBeGreaterThanOrEqual(2);
  });

  it('names file, path and reason for each problem', () => {
    expect(problems(source.replace('  statistics:\n    study:', '  statistcs:\n    study:'))).toEqual(
      expect.arrayContaining([
        { file: 'career.yaml', path: 'suggestions.statistcs', reason: expect.stringMatching(/unknown skill "statistcs"/) },
        { file: 'career.yaml', path: 'suggestions', reason: 'missing skill "statistics"' },
      ]),
    );
    expect(problems(source.replace('  data-analyst: metrics-dashboard', '  data-analyst: end-to-end-ml-app'))).toEqual([
      { file: 'career.yaml', path: 'role_projects.data-analyst', reason: 'project "end-to-end-ml-app" does not list role "data-analyst" in its roles' },
    ]);
    expect(problems(source.replace('  nice_to_have_factor: 0.5', '  nice_to_have_factor: 2'))[0]).toMatchObject({ path: 'classifier.nice_to_have_factor' });
    expect(problems(source.replace('    - { phrase: python, weight: 2 }', '    - { phrase: python, weight: 2 }\n    - { phrase: Python, weight: 1 }'))[0]).toMatchObject({
      path: 'skill_phrases.programming-tools[1]',
      reason: expect.stringMatching(/matches the same words as "python"/),
    });
    expect(problems('roles: [')[0]).toMatchObject({ file: 'career.yaml', reason: expect.stringMatching(/^cannot parse/) });
  });
});
