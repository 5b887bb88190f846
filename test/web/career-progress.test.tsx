/** Progress over time: per stage and per skill, scores across sessions as SVG line charts fetched on demand. */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import CareerProgressPage from '../../web/src/pages/career-progress.tsx';
import { fakeServer, json } from './support/fake-server.ts';
import { careerData, profile, progress } from './support/career-fixtures.ts';
import { bank } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

function progressServer(empty = false) {
  const b = bank();
  b.scale = {
    min: 0,
    max: 4,
    labels: [],
    verdicts: [
      { verdict: 'hire', min: 2.75, label: 'Hire' },
      { verdict: 'lean-hire', min: 2, label: 'Lean hire' },
    ],
  } as unknown as typeof b.scale;
  return fakeServer({
    'GET /api/bank': () => json(b),
    'GET /api/career/roles': () => json(careerData()),
    'GET /api/career/profile': () => json(profile()),
    'GET /api/career/progress': () => json(progress({ empty })),
  });
}

describe('progress over time', () => {
  test('a line per stage and per skill with answers, points across sessions, the trend in words', async () => {
    progressServer();
    renderAt('/career/progress', '/career/progress', CareerProgressPage);
    const stages = await screen.findByRole('region', { name: 'By stage' });
    const chart = await within(stages).findByRole('img', { name: 'ML theory: level per session, 0 to 4' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelectorAll('circle.pc-point')).toHaveLength(2);
    expect(chart.querySelector('path.pc-line')!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
    // The later point is higher: a higher level draws nearer the top.
    const [a, b] = [...chart.querySelectorAll('circle.pc-point')].map((c) => Number(c.getAttribute('cy')));
    expect(b!).toBeLessThan(a!);
    expect(chart.querySelector('desc')!.textContent).toMatch(/1\.2 from 3 answers; .*2\.4 from 5 answers/);
    expect([...chart.querySelectorAll('.pc-threshold text')].map((t) => t.textContent)).toEqual(['Hire', 'Lean hire']);
    expect(within(stages).getByText('Improving (+1.2)')).toHaveClass('trend-improving');
    expect(stages).toHaveTextContent('No graded answers yet: Recruiter screen, Coding, Case study, Behavioral.');

    const skills = screen.getByRole('region', { name: 'By skill' });
    const stats = await within(skills).findByRole('img', { name: /^Statistics/ });
    expect(stats.querySelectorAll('circle.pc-point')).toHaveLength(1);
    expect(within(skills).getByText('Not enough data')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 sessions with graded answers.');
  });

  test('filters by role, asking the server again', async () => {
    const server = progressServer();
    const { history } = renderAt('/career/progress', '/career/progress', CareerProgressPage);
    await screen.findByRole('region', { name: 'By stage' });
    fireEvent.change(screen.getByLabelText('Sessions for'), { target: { value: 'ml-engineer' } });
    await waitFor(() => expect(server.callsTo('GET', '/api/career/progress').at(-1)!.query.get('role')).toBe('ml-engineer'));
    await waitFor(() => expect(history.get()).toContain('role=ml-engineer'));
  });

  test('says what to do when nothing is graded yet', async () => {
    progressServer(true);
    renderAt('/career/progress', '/career/progress', CareerProgressPage);
    expect(await screen.findByText(/No graded answers yet\. Each loop or drill you finish adds a point/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
