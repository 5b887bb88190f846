/**
 * Learning plans: made for three or six months from today's gaps; dated milestones by phase, each
 * ticked done, edited (title, date, notes), added or deleted on the server at once; exported as
 * Markdown.
 */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test, vi } from 'vitest';
import CareerPlanPage from '../../web/src/pages/career-plan.tsx';
import CareerPlansPage from '../../web/src/pages/career-plans.tsx';
import type { Milestone, MilestonePatch, NewMilestone, Plan } from '../../web/src/lib/types.ts';
import { fakeServer, json } from './support/fake-server.ts';
import { careerData, plan, profile } from './support/career-fixtures.ts';
import { renderAt } from './support/render.tsx';

describe('making a plan', () => {
  test('for the chosen role and length, then opens it; earlier plans are listed', async () => {
    const server = fakeServer({
      'GET /api/career/roles': () => json(careerData()),
      'GET /api/career/profile': () => json(profile()),
      'GET /api/career/plans': () => json({ plans: [plan({ id: 'old-1', horizonMonths: 3 })] }),
      'POST /api/career/plans': () => json(plan({ id: 'new-1' }), 201),
    });
    const { history } = renderAt('/career/plans?role=data-analyst', '/career/plans', CareerPlansPage);
    const old = await screen.findByRole('link', { name: 'Machine Learning Engineer, 3 months' });
    expect(old).toHaveAttribute('href', '/career/plans/old-1');
    expect(old.closest('li')).toHaveTextContent('0 of 3 done');
    // The role the gap report asked for is chosen already.
    await waitFor(() => expect(screen.getByLabelText('For the role')).toHaveValue('data-analyst'));

    fireEvent.click(screen.getByRole('radio', { name: '6 months' }));
    fireEvent.click(screen.getByRole('button', { name: 'Make my plan' }));
    await waitFor(() => expect(history.get()).toBe('/career/plans/new-1'));
    expect(server.callsTo('POST', '/api/career/plans')[0]!.body).toMatchObject({ role: 'data-analyst', horizonMonths: 6 });
  });
});

/** A plan behind the fake server that applies edits the way the server does. */
function planServer() {
  let current: Plan = plan();
  const recount = () => (current = { ...current, progress: { done: current.milestones.filter((m) => m.done).length, total: current.milestones.length } });
  const server = fakeServer({
    'GET /api/career/plans/:id': () => json(current),
    'PUT /api/career/plans/:id/milestones/:milestoneId': (call, p) => {
      const patch = call.body as MilestonePatch;
      current = { ...current, milestones: current.milestones.map((m) => (m.id === p.milestoneId ? { ...m, ...patch } : m)) };
      recount();
      return json(current);
    },
    'POST /api/career/plans/:id/milestones': (call) => {
      const b = call.body as NewMilestone;
      const m: Milestone = { id: 'm-new', phase: 'learn', kind: 'custom', title: b.title, detail: '', due: b.due, done: false, doneAt: null, notes: b.notes ?? '', skill: null, why: null };
      current = { ...current, milestones: [...current.milestones, m] };
      recount();
      return json(current, 201);
    },
    'DELETE /api/career/plans/:id/milestones/:milestoneId': (_call, p) => {
      current = { ...current, milestones: current.milestones.filter((m) => m.id !== p.milestoneId) };
      recount();
      return json(current);
    },
    'GET /api/career/plans/:id/export': () =>
      new Response('# Learning plan: Machine Learning Engineer (6 months)\n', {
        headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': 'attachment; filename="mockloop-plan-ml-engineer-2025-03-04.md"' },
      }),
  });
  return server;
}

const openPlan = () => renderAt('/career/plans/plan-1', '/career/plans/:id', CareerPlanPage);
const item = (title: RegExp | string) => screen.getByText(title, { selector: '.milestone-title' }).closest('li') as HTMLElement;

describe('a plan', () => {
  test('shows dated milestones by phase, with why each is there and which are overdue', async () => {
    planServer();
    openPlan();
    expect(await screen.findByRole('heading', { level: 1, name: 'Machine Learning Engineer' })).toBeInTheDocument();
    expect(screen.getByText('Learning plan · 6 months')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /^Learn and build/ })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /^Apply/ })).getByText('Start applying: 5 jobs a day')).toBeInTheDocument();
    const course = item(/OpenIntro Statistics/);
    expect(course.querySelector('time')).toHaveAttribute('datetime', '2025-03-17');
    expect(course).toHaveTextContent('Why: Gap 2 in Statistics.');
    expect(within(course).getByText('overdue')).toBeInTheDocument();
    expect(within(item(/Drill ML theory/)).queryByText('overdue')).toBeNull();
    expect(screen.getByText('0 of 3 milestones done')).toBeInTheDocument();
  });

  test('ticks a milestone done, keeping the focus on its box', async () => {
    const server = planServer();
    openPlan();
    const box = (await screen.findByRole('checkbox', { name: /OpenIntro Statistics/ })) as HTMLInputElement;
    box.focus();
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByText('1 of 3 milestones done')).toBeInTheDocument());
    expect(server.callsTo('PUT', '/api/career/plans/plan-1/milestones/m-1')[0]!.body).toEqual({ done: true });
    expect(within(item(/OpenIntro Statistics/)).getByText('done')).toBeInTheDocument();
    expect(document.activeElement).toBe(box);
  });

  test('edits a milestone’s title, date and notes in place', async () => {
    const server = planServer();
    openPlan();
    fireEvent.click(await screen.findByRole('button', { name: /^Edit: Drill ML theory/ }));
    const form = screen.getByRole('form', { name: /^Edit Drill ML theory/ });
    fireEvent.input(within(form).getByLabelText('Title'), { target: { value: 'Drill ML theory twice' } });
    fireEvent.input(within(form).getByLabelText('Due'), { target: { value: '2099-04-01' } });
    fireEvent.input(within(form).getByLabelText('Notes'), { target: { value: 'Focus on power.\nThen peeking.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /^Edit/ })).toBeNull());
    expect(server.callsTo('PUT', '/api/career/plans/plan-1/milestones/m-2')[0]!.body).toEqual({
      title: 'Drill ML theory twice',
      due: '2099-04-01',
      notes: 'Focus on power.\nThen peeking.',
    });
    const edited = item('Drill ML theory twice');
    expect(edited.querySelector('time')).toHaveAttribute('datetime', '2099-04-01');
    expect(edited.querySelector('.milestone-notes .pre-wrap')!.textContent).toBe('Focus on power.\nThen peeking.');
  });

  test('adds a milestone, and deletes one only after a second click', async () => {
    const server = planServer();
    openPlan();
    const add = await screen.findByRole('form', { name: 'Add a milestone' });
    fireEvent.click(within(add).getByRole('button', { name: 'Add to the plan' }));
    expect(await within(add).findByRole('alert')).toHaveTextContent('needs a title and a due date');
    fireEvent.input(within(add).getByLabelText('Title'), { target: { value: 'Mock interview with a friend' } });
    fireEvent.input(within(add).getByLabelText('Due'), { target: { value: '2099-03-30' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Add to the plan' }));
    expect(await screen.findByText('Mock interview with a friend', { selector: '.milestone-title' })).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/career/plans/plan-1/milestones')[0]!.body).toEqual({ title: 'Mock interview with a friend', due: '2099-03-30', notes: '' });
    expect(within(add).getByLabelText('Title')).toHaveValue('');

    fireEvent.click(screen.getByRole('button', { name: /^Delete: Start applying/ }));
    expect(server.callsTo('DELETE', /milestones/)).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm delete' })).getByRole('button', { name: 'Delete it' }));
    await waitFor(() => expect(screen.queryByText('Start applying: 5 jobs a day')).toBeNull());
    expect(server.callsTo('DELETE', '/api/career/plans/plan-1/milestones/m-3')).toHaveLength(1);
    // A browser sends a bodiless DELETE without "Content-Length: 0"; the server lets it through as JSON.
    expect(server.callsTo('DELETE', '/api/career/plans/plan-1/milestones/m-3')[0]!.headers.get('content-type')).toBe('application/json');
    expect(screen.getByText('0 of 3 milestones done')).toBeInTheDocument();
  });

  test('exports the plan as a Markdown download named by the server', async () => {
    planServer();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:plan'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    openPlan();
    fireEvent.click(await screen.findByRole('button', { name: 'Export as Markdown' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]!.download).toBe('mockloop-plan-ml-engineer-2025-03-04.md');
    expect(await created[0]!.text()).toBe('# Learning plan: Machine Learning Engineer (6 months)\n');
  });
});
