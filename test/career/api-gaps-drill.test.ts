/** /api/career: the gap report from self-ratings and graded answers, "drill my weakest", progress charts. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Bank } from '../../server/bank/load.ts';
import { STAGES } from '../../server/bank/schema.ts';
import { playSession, strongAnswerer } from '../support/play.ts';
import { makeTestApp, realBank } from '../support/test-app.ts';
import { seedAnswer } from './seed.ts';

type T = Awaited<ReturnType<typeof makeTestApp>>;
let t: T;
afterEach(async () => t?.close());

const RATINGS = {
  'programming-tools': 2,
  'data-visualization': 2,
  'data-intuition': 2,
  statistics: 3,
  'data-wrangling': 2,
  'machine-learning': 1,
  'software-engineering': 2,
  'calculus-linear-algebra': 2,
};
const DAY = 86_400_000;
const T0 = Date.parse('2025-03-01T10:00:00Z');

/** Ada says she is strong in statistics and weak in ML; her answers say the opposite. */
async function setUpAda() {
  await t.json('PUT', '/api/career/profile', { candidateId: 'ada', ratings: RATINGS, targetRoles: ['product-data-scientist'] });
  const weak = ['th-ab-test-peeking', 'th-dashboard-confidence-interval', 'sql-ab-test-conversion-summary', 'cs-group-ordering-experiment'];
  const strong: Array<[string, number]> = [
    ['th-bagging-vs-boosting', 3.8],
    ['th-bias-variance-learning-curves', 3.5],
    ['th-cnn-overfitting-batchnorm', 3.6],
  ];
  let i = 0;
  for (const q of weak) await seedAnswer(t.deps, { candidateId: 'ada', questionId: q, level: 1, at: T0 + i++ * DAY, role: 'product-data-scientist' });
  for (const [q, level] of strong) await seedAnswer(t.deps, { candidateId: 'ada', questionId: q, level, at: T0 + i++ * DAY });
  // Not evidence: a grade still pending, and a superseded (not current) attempt.
  await seedAnswer(t.deps, { candidateId: 'ada', questionId: 'th-regularisation-l1-l2', level: 4, at: T0 + 20 * DAY, status: 'pending' });
  await seedAnswer(t.deps, { candidateId: 'ada', questionId: 'th-calibration-ad-bidding', level: 4, at: T0 + 21 * DAY, current: false });
}

describe('the gap report', () => {
  it('compares target, self-rating and demonstrated level per skill, with the evidence and both disagreements', async () => {
    t = await makeTestApp();
    await setUpAda();
    const res = await t.json('GET', '/api/career/gaps?candidateId=ada');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.role.id).toBe('product-data-scientist'); // from the profile's target roles
    expect(r.gradedAnswers).toBe(7);
    expect(r.scale.description).toMatch(/mean level \(0-4\)/);
    const skill = (id: string) => r.skills.find((s: any) => s.skill === id);

    const stats = skill('statistics');
    expect(stats).toMatchObject({ target: 3, selfRating: 3, basis: 'demonstrated', current: 1, gap: 2, status: 'gap', rank: 1 });
    expect(stats.demonstrated).toMatchObject({ level: 1, meanAnswerLevel: 1, answers: 4, enoughEvidence: true });
    expect(stats.demonstrated.evidence.map((e: any) => e.questionId).sort()).toEqual(
      ['cs-group-ordering-experiment', 'sql-ab-test-conversion-summary', 'th-ab-test-peeking', 'th-dashboard-confidence-interval'].sort(),
    );
    expect(stats.disagreement).toMatchObject({ direction: 'self-higher', by: 2 });

    const ml = skill('machine-learning');
    expect(ml).toMatchObject({ selfRating: 1, basis: 'demonstrated', current: 3, status: 'at-target', rank: null });
    expect(ml.demonstrated.answers).toBe(3); // the pending and superseded grades do not count
    expect(ml.disagreement).toMatchObject({ direction: 'self-lower', by: 2 });

    const viz = skill('data-visualization'); // 2 answers: below the threshold of 3
    expect(viz).toMatchObject({ basis: 'self-rating', current: 2, gap: 1 });
    expect(viz.demonstrated).toMatchObject({ level: null, answers: 2, enoughEvidence: false });
    expect(viz.demonstrated.note).toBe('Not enough evidence: 2 graded answers on this skill; 3 needed.');
    expect(skill('calculus-linear-algebra').demonstrated.answers).toBe(0);

    expect(r.disagreements.map((d: any) => d.skill).sort()).toEqual(['machine-learning', 'statistics']);
    expect(r.topGaps[0]).toBe('statistics');
    expect(r.skills.filter((s: any) => s.rank).map((s: any) => s.rank)).toEqual([1, 2, 3, 4].slice(0, r.skills.filter((s: any) => s.rank).length));
  });

  it('gives concrete suggestions for each top gap from the curated data, never a generic "practice more"', async () => {
    t = await makeTestApp();
    await setUpAda();
    const r = (await t.json('GET', '/api/career/gaps?candidateId=ada')).body;
    expect(r.suggestions.map((s: any) => s.skill)).toEqual(r.topGaps);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    const stats = r.suggestions[0];
    expect(stats.study.map((s: any) => s.title)).toContain('Trustworthy Online Controlled Experiments (Kohavi, Tang and Xu)');
    expect(stats.drill).toMatchObject({ stage: 'ml-theory', stageName: 'ML theory' });
    expect(stats.drill.topics.length).toBeGreaterThanOrEqual(2);
    expect(stats.drill.answeredQuestions.map((q: any) => q.id)).toContain('th-ab-test-peeking');
    expect(stats.drill.unseenQuestions).toBeGreaterThan(0);
    expect(stats.project).toMatchObject({ id: 'experiment-readout', fitsRole: true });
    expect(stats.why).toMatch(/a gap of 2/);
    expect(JSON.stringify(r.suggestions)).not.toMatch(/practi[cs]e more/i);
    expect(r.flagshipProject.id).toBe('experiment-readout');
    expect(r.weakestCriteria.length).toBeGreaterThan(0);
    expect(r.weakestCriteria[0]).toMatchObject({ score: 1, tip: expect.any(String) });

    const mle = (await t.json('GET', '/api/career/gaps?candidateId=ada&role=ml-engineer')).body;
    expect(mle.role.id).toBe('ml-engineer');
    expect(mle.flagshipProject).toMatchObject({ id: 'end-to-end-ml-app', fitsRole: true });
  });

  it('asks for a role when there is no profile, and rejects unknown roles', async () => {
    t = await makeTestApp();
    const none = await t.json('GET', '/api/career/gaps?candidateId=bob');
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('role');
    expect((await t.json('GET', '/api/career/gaps?candidateId=bob&role=astronaut')).body.error.field).toBe('role');
    const blank = (await t.json('GET', '/api/career/gaps?candidateId=bob&role=data-analyst')).body;
    expect(blank.skills.every((s: any) => s.status === 'unknown')).toBe(true);
    expect(blank.suggestions).toEqual([]);
    expect(blank.note).toMatch(/^8 of 8 skills have neither a self-rating nor 3 graded answers/);
  });
});

describe('drill my weakest', () => {
  it('drills the weakest stage on the weakest skills with questions never given before, and never repeats', async () => {
    t = await makeTestApp();
    await setUpAda();
    const report = (await t.json('GET', '/api/career/gaps?candidateId=ada')).body;
    const res = await t.json('POST', '/api/career/drill-weakest', { candidateId: 'ada' });
    expect(res.status).toBe(201);
    const { session, items, aim } = res.body;
    expect(session).toMatchObject({ mode: 'drill', role: 'product-data-scientist', candidateId: 'ada' });
    const answered = report.stages.filter((s: any) => s.level !== null);
    const lowest = Math.min(...answered.map((s: any) => s.level));
    expect(report.stages.find((s: any) => s.stage === aim.stage).level).toBe(lowest);
    expect(aim.stageReason).toMatch(new RegExp(`is your weakest stage: mean level ${lowest} of 4`));
    expect(aim.skills[0]).toMatchObject({ skill: 'statistics', reason: expect.stringMatching(/^Gap 2/) });
    expect(aim.skills.map((s: any) => s.skill)).toEqual(report.topGaps.slice(0, 3));
    expect(aim.weakestCriteria.length).toBeGreaterThan(0);
    expect(items.every((i: any) => i.stage === aim.stage)).toBe(true);
    expect(aim.questions.every((q: any) => q.seenBefore === false)).toBe(true);
    // Questions on the focus skills come first: one without them is planned only when no unseen
    // question of the stage exercises a focus skill any more.
    const focus = aim.skills.map((s: any) => s.skill);
    const allItems = await t.deps.db.query.items.findMany();
    const plannedIds = new Set(allItems.filter((x) => x.sessionId === session.id).map((x) => x.questionId));
    // Every question planned in an earlier session counts as seen, asked or not.
    const seenIds = new Set(allItems.filter((x) => x.sessionId !== session.id).map((x) => x.questionId));
    const unpickedFocus = t.deps.bank.questions.filter(
      (q) => q.stage === aim.stage && !plannedIds.has(q.id) && !seenIds.has(q.id) && q.skills.some((s) => focus.includes(s)),
    );
    if (aim.questions.some((q: any) => q.focusSkills.length === 0)) expect(unpickedFocus.map((q) => q.id)).toEqual([]);
    expect(aim.questions[0].focusSkills.length).toBeGreaterThan(0);
    expect(JSON.stringify(aim.questions)).not.toMatch(/questionId|"title"|prompt/); // planned questions stay hidden until asked

    const seeded = new Set(report.skills.flatMap((s: any) => s.demonstrated.evidence.map((e: any) => e.questionId)));
    const asked = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const drill = (await t.json('POST', '/api/career/drill-weakest', { candidateId: 'ada', questionCount: 2 })).body;
      const view = (await t.json('GET', `/api/sessions/${drill.session.id}`)).body;
      // The plan is hidden until asked; read the planned ids from the database.
      const planned = (await t.deps.db.query.items.findMany()).filter((x) => x.sessionId === view.session.id).map((x) => x.questionId);
      for (const q of planned) {
        expect(seeded.has(q), q).toBe(false);
        expect(asked.has(q), q).toBe(false);
        asked.add(q);
      }
    }
  });

  it('moves to the next weakest stage when a stage is used up, and says 409 when every question was given', async () => {
    const full = realBank();
    // One question per stage: five drills use the bank up.
    const questions = STAGES.map((s) => full.questions.find((q) => q.stage === s && q.roles.includes('data-analyst'))!);
    const bank: Bank = { ...full, questions, byId: new Map(questions.map((q) => [q.id, q])) };
    t = await makeTestApp({ bank });
    const stages: string[] = [];
    for (let i = 0; i < STAGES.length; i++) {
      const res = await t.json('POST', '/api/career/drill-weakest', { candidateId: 'cy', role: 'data-analyst' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.items).toHaveLength(1);
      stages.push(res.body.aim.stage);
    }
    expect(new Set(stages).size).toBe(STAGES.length);
    const done = await t.json('POST', '/api/career/drill-weakest', { candidateId: 'cy', role: 'data-analyst' });
    expect(done.status).toBe(409);
    expect(done.body.error.message).toMatch(/every question/);
  });

  it('names the field for bad input', async () => {
    t = await makeTestApp();
    expect((await t.json('POST', '/api/career/drill-weakest', {})).body.error.field).toBe('candidateId');
    expect((await t.json('POST', '/api/career/drill-weakest', { candidateId: 'ada' })).body.error.field).toBe('role'); // no profile
    expect((await t.json('POST', '/api/career/drill-weakest', { candidateId: 'ada', role: 'data-analyst', questionCount: 0 })).body.error.field).toBe(
      'questionCount',
    );
  });
});

describe('progress over time', () => {
  it('charts each stage and skill per session from real graded sessions, with a trend', async () => {
    t = await makeTestApp();
    let offset = 0;
    t.deps.clock = () => Date.now() + offset;
    const drill = async (answer: Parameters<typeof playSession>[2]) => {
      offset += DAY;
      const id = (await t.json('POST', '/api/sessions', { role: 'data-scientist', mode: 'drill', stage: 'ml-theory', questionCount: 2, candidateId: 'dee' })).body
        .session.id;
      await playSession(t, id, answer);
      await t.worker.drain();
      return id as string;
    };
    const first = await drill(strongAnswerer(t));
    const second = await drill(() => ({ text: 'I am not sure, I would try a few things and see what works.' }));

    const res = await t.json('GET', '/api/career/progress?candidateId=dee');
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.sessions.map((s: any) => s.id)).toEqual([first, second]);
    const theory = p.stages.find((s: any) => s.stage === 'ml-theory');
    expect(theory.points.map((x: any) => x.sessionId)).toEqual([first, second]);
    expect(theory.points.every((x: any) => x.answers === 2)).toBe(true);
    expect(theory.points[0].level).toBeGreaterThan(theory.points[1].level);
    expect(theory.trend.direction).toBe('declining');
    expect(p.stages.find((s: any) => s.stage === 'coding').points).toEqual([]);
    const ml = p.skills.find((s: any) => s.skill === 'machine-learning');
    expect(ml.points.length).toBe(2);
    expect(p.trendRule).toMatch(/later half/);

    const other = (await t.json('GET', '/api/career/progress?candidateId=dee&role=data-analyst')).body;
    expect(other.sessions).toEqual([]);
    expect((await t.json('GET', '/api/career/progress')).body.error.field).toBe('candidateId');
  });
});
