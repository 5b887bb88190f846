/**
 * The gap report: per skill the target, the self-rating and what graded answers show (or that they
 * are too few), disagreements both ways, ranked gaps with concrete suggestions, the chart, and one
 * click to a drill of the weakest.
 */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import CareerGapsPage from '../../web/src/pages/career-gaps.tsx';
import { apiError, fakeServer, json } from './support/fake-server.ts';
import { careerData, gapReport, profile } from './support/career-fixtures.ts';
import { sessionView } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

function gapsServer(o: { profile?: ReturnType<typeof profile> } = {}) {
  return fakeServer({
    'GET /api/career/roles': () => json(careerData()),
    'GET /api/career/profile': () => json(o.profile ?? profile()),
    'GET /api/career/gaps': (call) => {
      const role = call.query.get('role');
      if (!role && !(o.profile ?? profile()).current) return apiError(400, 'invalid', 'Choose a role: pass "role", or pick target roles in your self-assessment first.');
      const r = gapReport();
      if (role === 'data-analyst') r.role = { id: 'data-analyst', name: 'Data Analyst', summary: 'Business analysis and dashboards.' };
      return json(r);
    },
    'POST /api/career/drill-weakest': () => json({ ...sessionView({ session: { ...sessionView().session, id: 'drill-7', mode: 'drill', drillStage: 'ml-theory' } }), aim: {} }, 201),
  });
}

const card = (skill: string) => document.querySelector(`.gap-card[data-skill="${skill}"]`) as HTMLElement;

describe('the gap report', () => {
  test('per skill: target, self-rating, what the answers show with how many, and where too few', async () => {
    gapsServer();
    renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your gaps for Machine Learning Engineer' })).toBeInTheDocument();
    expect(screen.getByText(/and 8 graded answers/)).toBeInTheDocument();

    const stats = card('statistics');
    expect(within(stats).getByText('#1 gap: 2 levels short')).toBeInTheDocument();
    expect(stats).toHaveTextContent('Target3 (very experienced)');
    expect(stats).toHaveTextContent('You say3 (very experienced)');
    expect(stats).toHaveTextContent('Your answers show1 (beginner) · mean 1.25 of 4 over 4 answers');
    expect(stats).toHaveTextContent('Measured fromyour graded answers');
    expect(within(stats).getByText(/The 4 answers behind it/)).toBeInTheDocument();
    expect(within(stats).getAllByRole('link')[0]).toHaveAttribute('href', '/session/s-1/review');

    const viz = card('data-visualization');
    expect(within(viz).getByText('Not enough evidence: 1 of 3 graded answers')).toBeInTheDocument();
    expect(viz).toHaveTextContent('your self-rating, until answers are enough');
    expect(within(card('calculus-linear-algebra')).getByText('Unknown: no rating, not enough answers')).toBeInTheDocument();
    expect(within(card('machine-learning')).getByText('On target')).toBeInTheDocument();
    // Ranked: the gaps first, in the server's order.
    expect([...document.querySelectorAll('.gap-card h3')].map((h) => h.textContent)).toEqual([
      'Statistics',
      'Data visualization and communication',
      'Machine learning (theory and algorithms)',
      'Multivariable calculus and linear algebra',
    ]);
  });

  test('flags disagreements both ways', async () => {
    gapsServer();
    renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    await screen.findByRole('heading', { level: 1, name: /Your gaps for/ });
    expect(card('statistics').querySelector('.flag-self-higher')).toHaveTextContent('You rate yourself higher than your answers show.');
    expect(card('machine-learning').querySelector('.flag-self-lower')).toHaveTextContent('Your answers show more than you claim.');
    expect(card('data-visualization').querySelector('.flag')).toBeNull();
    expect(screen.getByText(/disagree on 2 skills/).closest('p')).toHaveTextContent(
      'Statistics (you rate it higher), Machine learning (theory and algorithms) (your answers show more)',
    );
  });

  test('draws the chart: the target, the self-rating, the demonstrated level and the gap, per skill', async () => {
    gapsServer();
    renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    const chart = await screen.findByRole('img', { name: /Target, self-rating and demonstrated level per skill/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelectorAll('.gap-row')).toHaveLength(4);
    expect(chart.querySelectorAll('.gap-target')).toHaveLength(4);
    expect(chart.querySelectorAll('.gap-shown')).toHaveLength(2); // only where the evidence is enough
    expect(chart.querySelectorAll('.gap-self')).toHaveLength(3); // calculus is not rated
    expect(chart.querySelectorAll('.gap-span')).toHaveLength(2);
    expect(chart.querySelector('desc')!.textContent).toContain('Data visualization and communication: target 3, you say 2, answers show not enough evidence (1 answer), gap 1');
  });

  test('suggests what to study, drill and build for each top gap', async () => {
    gapsServer();
    renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    const list = await screen.findByRole('region', { name: 'What to do about the top gaps' });
    const s = within(list).getByRole('heading', { level: 3, name: 'Statistics' }).closest('li')!;
    expect(s).toHaveTextContent('The role needs 3 (very experienced); your 4 graded answers show 1 (beginner).');
    expect(s).toHaveTextContent('OpenIntro Statistics (book): inference and confidence intervals');
    expect(s).toHaveTextContent('ML theory: power and sample size; peeking.');
    expect(s).toHaveTextContent('7 questions on it you have not been asked yet; re-read your feedback on “Question 1”');
    expect(s).toHaveTextContent('A/B test analysis: Analyse a public experiment end to end.');
    expect(screen.getByRole('region', { name: 'The side project for Machine Learning Engineer' })).toHaveTextContent('Week 2 Gather the data');
    expect(screen.getByRole('link', { name: 'Make a learning plan' })).toHaveAttribute('href', '/career/plans?role=ml-engineer');
  });

  test('"Drill my weakest" starts the drill for this role and goes into it', async () => {
    const server = gapsServer();
    const { history } = renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    fireEvent.click(await screen.findByRole('button', { name: 'Drill my weakest' }));
    await waitFor(() => expect(history.get()).toBe('/session/drill-7'));
    expect(server.callsTo('POST', '/api/career/drill-weakest')[0]!.body).toMatchObject({ role: 'ml-engineer' });
  });

  test('another role is one choice away, and kept in the address', async () => {
    const server = gapsServer();
    const { history } = renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    await screen.findByRole('heading', { level: 1, name: 'Your gaps for Machine Learning Engineer' });
    fireEvent.change(screen.getByLabelText('Gaps against'), { target: { value: 'data-analyst' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your gaps for Data Analyst' })).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/career/gaps').at(-1)!.query.get('role')).toBe('data-analyst');
    await waitFor(() => expect(history.get()).toContain('role=data-analyst'));
  });

  test('with no self-assessment and no role, asks for the ratings first', async () => {
    gapsServer({ profile: profile({ empty: true }) });
    renderAt('/career/gaps', '/career/gaps', CareerGapsPage);
    expect(await screen.findByRole('link', { name: 'Rate your skills' })).toHaveAttribute('href', '/career');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
