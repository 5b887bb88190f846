/** /api/career/plans: a dated plan from the gaps, edited by the candidate, exported as Markdown. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/test-app.ts';

type T = Awaited<ReturnType<typeof makeTestApp>>;
let t: T;
afterEach(async () => t?.close());

const RATINGS = {
  'programming-tools': 3,
  'data-visualization': 1,
  'data-intuition': 2,
  statistics: 2,
  'data-wrangling': 3,
  'machine-learning': 1,
  'software-engineering': 1,
  'calculus-linear-algebra': 1,
};
const NOW = Date.parse('2025-01-06T09:30:00Z'); // a Monday

async function setUp() {
  t = await makeTestApp();
  t.deps.clock = () => NOW;
  await t.json('PUT', '/api/career/profile', { candidateId: 'ada', ratings: RATINGS, targetRoles: ['data-analyst', 'product-data-scientist'] });
}

describe('learning plans', () => {
  it('builds a dated 6-month plan from the gaps, starting today by the server clock', async () => {
    await setUp();
    const res = await t.json('POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 6 });
    expect(res.status).toBe(201);
    const p = res.body;
    expect(p).toMatchObject({ role: { id: 'data-analyst', name: 'Data Analyst' }, horizonMonths: 6, startDate: '2025-01-06', endDate: '2025-07-06' });
    expect(p.project.id).toBe('metrics-dashboard');
    expect(p.basis.find((b: any) => b.skill === 'data-visualization')).toMatchObject({ target: 3, current: 1, gap: 2, basis: 'self-rating' });
    const courses = p.milestones.filter((m: any) => m.kind === 'course');
    expect(courses[0]).toMatchObject({ skill: 'data-visualization', due: '2025-02-02', phase: 'learn' });
    expect(courses[0].why).toMatch(/^Gap 2 in Data visualization/);
    expect(p.milestones.filter((m: any) => m.kind === 'applications')[0].due).toBe('2025-04-13');
    expect(p.milestones.filter((m: any) => m.kind === 'outreach')).toHaveLength(8);
    expect(p.progress).toEqual({ done: 0, total: p.milestones.length });

    const three = (await t.json('POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 3, role: 'product-data-scientist', startDate: '2025-03-03' })).body;
    expect(three).toMatchObject({ role: { id: 'product-data-scientist' }, horizonMonths: 3, startDate: '2025-03-03', endDate: '2025-06-01' });
    expect(three.milestones.every((m: any) => m.phase === 'learn')).toBe(true);

    const list = (await t.json('GET', '/api/career/plans?candidateId=ada')).body.plans;
    expect(list.map((x: any) => x.id)).toEqual([three.id, p.id]);
    expect((await t.json('GET', `/api/career/plans/${p.id}`)).body).toEqual(p);
  });

  it('lets the candidate edit, add and remove milestones', async () => {
    await setUp();
    const p = (await t.json('POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 6 })).body;
    const first = p.milestones[0];
    t.deps.clock = () => NOW + 3_600_000;
    const done = await t.json('PUT', `/api/career/plans/${p.id}/milestones/${first.id}`, { done: true, notes: 'Finished early.' });
    expect(done.status).toBe(200);
    expect(done.body.milestones.find((m: any) => m.id === first.id)).toMatchObject({ done: true, doneAt: NOW + 3_600_000, notes: 'Finished early.', title: first.title });
    expect(done.body.progress.done).toBe(1);
    expect(done.body.updatedAt).toBeGreaterThan(p.updatedAt);

    // Moving a milestone re-sorts the plan by date.
    const moved = (await t.json('PUT', `/api/career/plans/${p.id}/milestones/${first.id}`, { due: '2025-12-24', title: 'Read it again' })).body;
    expect(moved.milestones.at(-1)).toMatchObject({ id: first.id, due: '2025-12-24', title: 'Read it again', done: true });
    const undone = (await t.json('PUT', `/api/career/plans/${p.id}/milestones/${first.id}`, { done: false })).body;
    expect(undone.milestones.find((m: any) => m.id === first.id)).toMatchObject({ done: false, doneAt: null });

    const added = await t.json('POST', `/api/career/plans/${p.id}/milestones`, { title: 'Meetup talk about my dashboard', due: '2025-04-20' });
    expect(added.status).toBe(201);
    const custom = added.body.milestones.find((m: any) => m.kind === 'custom');
    expect(custom).toMatchObject({ title: 'Meetup talk about my dashboard', due: '2025-04-20', phase: 'apply', done: false, notes: '' });

    const removed = await t.json('DELETE', `/api/career/plans/${p.id}/milestones/${custom.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.milestones.some((m: any) => m.id === custom.id)).toBe(false);
    expect(removed.body.milestones).toHaveLength(p.milestones.length);
  });

  it('exports the plan as Markdown', async () => {
    await setUp();
    const p = (await t.json('POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 6 })).body;
    await t.json('PUT', `/api/career/plans/${p.id}/milestones/${p.milestones[0].id}`, { done: true });
    const res = await t.app.request(`/api/career/plans/${p.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mockloop-plan-data-analyst-2025-01-06.md"');
    const md = await res.text();
    expect(md).toMatch(/^# Learning plan: Data Analyst \(6 months\)/);
    expect(md).toContain(`- [x] **${p.milestones[0].due}** ${p.milestones[0].title}`);
    expect(md).toContain('## Months 5-6: outreach to hiring managers every week');
  });

  it('answers bad input with 400 naming the field, unknown plans and milestones with 404', async () => {
    await setUp();
    const p = (await t.json('POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 6 })).body;
    const m = p.milestones[0].id;
    const bad: Array<[string, string, object | undefined, string]> = [
      ['POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 4 }, 'horizonMonths'],
      ['POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 6, startDate: '2025-02-30' }, 'startDate'],
      ['POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 6, role: 'astronaut' }, 'role'],
      ['POST', '/api/career/plans', { candidateId: 'nobody', horizonMonths: 6 }, 'role'],
      ['PUT', `/api/career/plans/${p.id}/milestones/${m}`, { due: '06/01/2025' }, 'due'],
      ['PUT', `/api/career/plans/${p.id}/milestones/${m}`, { title: '  ' }, 'title'],
      ['PUT', `/api/career/plans/${p.id}/milestones/${m}`, { done: 'yes' }, 'done'],
      ['PUT', `/api/career/plans/${p.id}/milestones/${m}`, {}, '(body)'],
      ['PUT', `/api/career/plans/${p.id}/milestones/${m}`, { priority: 1 }, '(body)'],
      ['POST', `/api/career/plans/${p.id}/milestones`, { title: 'x' }, 'due'],
      ['POST', `/api/career/plans/${p.id}/milestones`, { title: 'x', due: '2025-05-01', phase: 'party' }, 'phase'],
    ];
    for (const [method, path, body, field] of bad) {
      const res = await t.json(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.field, `${method} ${path} ${JSON.stringify(body)}`).toBe(field);
    }
    expect((await t.json('GET', '/api/career/plans/AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.json('GET', '/api/career/plans/AAAAAAAAAAAAAAAA/export')).status).toBe(404);
    const missing = await t.json('PUT', `/api/career/plans/${p.id}/milestones/AAAAAAAAAAAAAAAA`, { done: true });
    expect(missing.status).toBe(404);
    expect(missing.body.error.field).toBe('milestoneId');
    expect((await t.json('DELETE', `/api/career/plans/${p.id}/milestones/AAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await t.json('PUT', `/api/career/plans/AAAAAAAAAAAAAAAA/milestones/${m}`, { done: true })).status).toBe(404);
    // Nothing changed.
    expect((await t.json('GET', `/api/career/plans/${p.id}`)).body).toEqual(p);
  });

  it('does not lose an edit when two arrive at once', async () => {
    await setUp();
    // setUp's clock stands still: both edits happen in the same millisecond.
    const p = (await t.json('POST', '/api/career/plans', { candidateId: 'ada', horizonMonths: 3 })).body;
    const [a, b] = [p.milestones[0].id, p.milestones[1].id];
    const results = await Promise.all([
      t.json('PUT', `/api/career/plans/${p.id}/milestones/${a}`, { notes: 'first' }),
      t.json('PUT', `/api/career/plans/${p.id}/milestones/${b}`, { notes: 'second' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const after = (await t.json('GET', `/api/career/plans/${p.id}`)).body;
    expect(after.milestones.find((m: any) => m.id === a).notes).toBe('first');
    expect(after.milestones.find((m: any) => m.id === b).notes).toBe('second');
  });
});
