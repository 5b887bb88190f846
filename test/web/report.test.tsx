/** The report: a verdict per stage with how it follows, the skills chart, the weakest criteria and a drill. */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import ReportPage from '../../web/src/pages/report.tsx';
import { fakeServer, json, openSse } from './support/fake-server.ts';
import { bank, report, sessionView, stageReport } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

function reportServer() {
  const view = sessionView({
    session: { ...sessionView().session, id: 'loop-1', status: 'finished' },
    report: report({
      stages: [
        stageReport({ graded: 1, level: 3.6, verdict: 'strong-hire', verdictLabel: 'Strong hire', explanation: 'Average level 3.6 of 4: Strong hire needs at least 3.5.' }),
        stageReport({ stage: 'coding', name: 'Coding', questions: 2, graded: 2, level: 1.2, verdict: 'no-hire', verdictLabel: 'No hire', summary: { text: 'Coding: joins fan out.', grader: 'offline', model: null } }),
      ],
      overall: { level: 2.4, verdict: 'lean-hire', verdictLabel: 'Lean hire', summary: 'Strong screen, weak coding.' },
      skills: [
        { skill: 'statistics', name: 'Statistics', level: 3.2, answers: 2 },
        { skill: 'data-wrangling', name: 'Data wrangling', level: 0.8, answers: 1 },
      ],
      weakest: [
        {
          itemId: 'item-2',
          questionId: 'sql-x',
          questionTitle: 'Revenue per variant',
          criterionId: 'fan-out',
          criterionName: 'Avoids join fan-out',
          score: 1,
          weight: 2,
          tip: 'Compare COUNT(*) with COUNT(DISTINCT key) after every join.',
          followUp: 'What happens to the row count when you join?',
        },
      ],
      weakestStage: 'coding',
    }),
  });
  return fakeServer({
    'GET /api/bank': () => json(bank()),
    'GET /api/sessions/:id': () => json(view),
    'GET /api/sessions/:id/events': () => openSse().response(),
    'POST /api/sessions': () => json(sessionView({ session: { ...sessionView().session, id: 'drill-9', mode: 'drill', drillStage: 'coding' } }), 201),
  });
}

describe('the report', () => {
  test('shows each stage’s verdict and how it follows, the overall verdict, and the skills as an SVG chart', async () => {
    reportServer();
    renderAt('/session/loop-1/report', '/session/:id/report', ReportPage);
    const stages = await screen.findByRole('heading', { name: 'Verdict by stage' });
    const cards = stages.parentElement!.querySelectorAll('.stage-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0] as HTMLElement).getByText('Strong hire')).toHaveClass('verdict-strong-hire');
    expect(cards[0]).toHaveTextContent('Average level 3.6 of 4: Strong hire needs at least 3.5.');
    expect(cards[1]).toHaveTextContent('Coding: joins fan out.');
    expect(screen.getByText('Strong screen, weak coding.')).toBeInTheDocument();

    const chart = await screen.findByRole('img', { name: /Level per skill/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelectorAll('.skill-bar')).toHaveLength(2);
    expect(chart.querySelector('desc')!.textContent).toBe('Statistics: 3.2 of 4; Data wrangling: 0.8 of 4');
  });

  test('lists the weakest criteria with what to do, and drills the weakest stage in one click', async () => {
    const server = reportServer();
    const { history } = renderAt('/session/loop-1/report', '/session/:id/report', ReportPage);
    const weak = (await screen.findByRole('heading', { name: 'Avoids join fan-out' })).closest('li')!;
    expect(weak).toHaveTextContent('1 of 4');
    expect(weak).toHaveTextContent('Compare COUNT(*) with COUNT(DISTINCT key) after every join.');
    expect(weak).toHaveTextContent('What happens to the row count when you join?');

    // The gap report for this role, with the plan, is one click away.
    expect(screen.getByRole('link', { name: 'See your gaps and plan' })).toHaveAttribute('href', '/career/gaps?role=data-analyst');

    fireEvent.click(screen.getByRole('button', { name: 'Drill Coding' }));
    await waitFor(() => expect(history.get()).toBe('/session/drill-9'));
    expect(server.callsTo('POST', '/api/sessions')[0]!.body).toMatchObject({ role: 'data-analyst', mode: 'drill', stage: 'coding', difficulty: 'medium' });
  });
});
