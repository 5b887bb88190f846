/**
 * History and review: past sessions with role, mode, date and verdicts, filters that ask the
 * server again, a transcript with its grades, re-grading one answer and exporting Markdown.
 */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test, vi } from 'vitest';
import HistoryPage from '../../web/src/pages/history.tsx';
import ReviewPage from '../../web/src/pages/review.tsx';
import { candidateId } from '../../web/src/lib/identity.ts';
import { fakeServer, json, openSse } from './support/fake-server.ts';
import { bank, grade, item, listEntry, message, report, sessionView, stageReport } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

const loop = listEntry({ id: 'loop-1', status: 'finished' });
const drill = listEntry({
  id: 'drill-1',
  role: 'ml-engineer',
  roleName: 'Machine Learning Engineer',
  mode: 'drill',
  drillStage: 'coding',
  status: 'active',
  answered: 1,
  questions: 3,
  overall: { level: null, verdict: null, verdictLabel: null, summary: null },
  stages: [{ stage: 'coding', name: 'Coding', verdict: null, verdictLabel: null, level: null }],
});

function historyServer() {
  return fakeServer({
    'GET /api/bank': () => json(bank()),
    'GET /api/sessions': (call) => {
      const mode = call.query.get('mode');
      const status = call.query.get('status');
      const role = call.query.get('role');
      return json({ sessions: [drill, loop].filter((s) => (!mode || s.mode === mode) && (!status || s.status === status) && (!role || s.role === role)) });
    },
  });
}

describe('history', () => {
  test('lists every session of this browser’s candidate with role, mode, date, status and verdicts', async () => {
    const server = historyServer();
    renderAt('/history', '/history', HistoryPage);
    await waitFor(() => expect(document.querySelectorAll('.history-item')).toHaveLength(2));
    const items = document.querySelectorAll('.history-item');
    expect(server.callsTo('GET', '/api/sessions')[0]!.query.get('candidateId')).toBe(candidateId());

    const [drillRow, loopRow] = [...items] as [HTMLElement, HTMLElement];
    expect(within(loopRow).getByRole('heading', { name: 'Data Analyst' })).toBeInTheDocument();
    expect(loopRow).toHaveTextContent('Full loop');
    expect(loopRow).toHaveTextContent('Finished');
    expect(loopRow).toHaveTextContent('2025');
    const verdicts = within(loopRow).getByRole('list', { name: 'Verdict by stage' });
    expect(within(verdicts).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Recruiter screenHire', 'CodingNo hire']);
    expect(within(loopRow).getByText('Lean hire')).toHaveClass('verdict-lean-hire');
    expect(within(loopRow).getByRole('link', { name: 'Transcript' })).toHaveAttribute('href', '/session/loop-1/review');
    expect(within(loopRow).queryByRole('link', { name: 'Resume' })).toBeNull();

    expect(drillRow).toHaveTextContent('Drill: Coding');
    expect(drillRow).toHaveTextContent('In progress');
    expect(within(drillRow).getByText('Not graded yet')).toBeInTheDocument();
    expect(within(drillRow).getByRole('link', { name: 'Resume' })).toHaveAttribute('href', '/session/drill-1');
  });

  test('filters ask the server again and keep the choice in the address', async () => {
    const server = historyServer();
    const { history } = renderAt('/history', '/history', HistoryPage);
    await waitFor(() => expect(document.querySelectorAll('.history-item')).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'drill' } });
    await waitFor(() => expect(document.querySelectorAll('.history-item')).toHaveLength(1));
    expect(server.calls.at(-1)!.query.get('mode')).toBe('drill');
    await waitFor(() => expect(history.get()).toContain('mode=drill'));
    expect(screen.getByRole('status')).toHaveTextContent('1 session');

    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'data-analyst' } });
    await waitFor(() => expect(server.calls.at(-1)!.query.get('role')).toBe('data-analyst'));
    await waitFor(() => expect(document.querySelectorAll('.history-item')).toHaveLength(1));
    expect(document.querySelector('.history-item')).toHaveTextContent('Data Analyst');
  });

  test('says so when nothing matches', async () => {
    fakeServer({ 'GET /api/bank': () => json(bank()), 'GET /api/sessions': () => json({ sessions: [] }) });
    renderAt('/history', '/history', HistoryPage);
    expect(await screen.findByText(/No sessions match/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start an interview' })).toHaveAttribute('href', '/');
  });
});

describe('reviewing a past session', () => {
  function reviewServer() {
    const view = sessionView({
      session: { ...sessionView().session, id: 'loop-1', status: 'finished', finishedAt: Date.now() },
      items: [item({ status: 'complete', grade: grade() })],
      messages: [
        message({ id: 'm1', seq: 1, author: 'interviewer', text: 'Why do you want this role?' }),
        message({ id: 'm2', seq: 2, author: 'candidate', text: 'I love turning messy sales data into decisions, and built a dashboard.' }),
      ],
      report: report({
        stages: [stageReport({ graded: 1, level: 2.5, verdict: 'lean-hire', verdictLabel: 'Lean hire' })],
        overall: { level: 2.5, verdict: 'lean-hire', verdictLabel: 'Lean hire', summary: null },
      }),
    });
    const events = openSse();
    const server = fakeServer({
      'GET /api/bank': () => json(bank()),
      'GET /api/sessions/:id': () => json(structuredClone(view)),
      'GET /api/sessions/:id/events': () => events.response(),
      'POST /api/sessions/:id/items/:itemId/regrade': () => {
        view.items[0]!.grade = grade({ attempt: 2, status: 'pending', level: null, criteria: [] });
        return json(view.items[0]!.grade, 202);
      },
      'GET /api/sessions/:id/export': () =>
        new Response('# Mock interview: Data Analyst (full loop)\n', {
          headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': 'attachment; filename="mockloop-data-analyst-2025-03-04.md"' },
        }),
    });
    return { view, events, server };
  }

  test('shows the whole graded transcript, feedback unfolded', async () => {
    reviewServer();
    renderAt('/session/loop-1/review', '/session/:id/review', ReviewPage);
    expect(await screen.findByRole('heading', { level: 2, name: 'Why this role?' })).toBeInTheDocument();
    expect(screen.getByText('Why do you want this role?')).toBeInTheDocument();
    const feedback = screen.getByRole('region', { name: 'Feedback on Why this role?' });
    expect(feedback.closest('details')).toHaveAttribute('open');
    expect(feedback.querySelectorAll('mark.evidence').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Lean hire').length).toBeGreaterThan(0);
  });

  test('re-grades an answer: asks the server, shows the grading state, then the new grade', async () => {
    const { view, events, server } = reviewServer();
    renderAt('/session/loop-1/review', '/session/:id/review', ReviewPage);
    fireEvent.click(await screen.findByRole('button', { name: 'Re-grade this answer' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/sessions/loop-1/items/item-1/regrade')).toHaveLength(1));
    expect(await screen.findByText(/Grading your answer/)).toBeInTheDocument();

    view.items[0]!.grade = grade({ attempt: 2, level: 3.1 });
    events.send('grade-updated', { type: 'grade-updated', itemId: 'item-1', gradeId: 'grade-1', status: 'done' });
    expect(await screen.findByText('Level 3.1 of 4')).toBeInTheDocument();
  });

  test('exports the transcript as a Markdown download named by the server', async () => {
    reviewServer();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:mock'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    renderAt('/session/loop-1/review', '/session/:id/review', ReviewPage);
    fireEvent.click(await screen.findByRole('button', { name: 'Export as Markdown' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]!.download).toBe('mockloop-data-analyst-2025-03-04.md');
    expect(clicks[0]!.getAttribute('href')).toBe('blob:mock');
    expect(await created[0]!.text()).toBe('# Mock interview: Data Analyst (full loop)\n');
  });
});
