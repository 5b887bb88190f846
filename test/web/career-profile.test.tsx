/**
 * The self-assessment: the eight skills rated against their level descriptions, target roles in
 * the order picked, how ratings changed across saves; and the navigation that leads there.
 */
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import { App } from '../../web/src/app.tsx';
import CareerProfilePage from '../../web/src/pages/career-profile.tsx';
import { candidateId } from '../../web/src/lib/identity.ts';
import { fakeServer, json } from './support/fake-server.ts';
import { careerData, profile, SKILL_IDS } from './support/career-fixtures.ts';
import { bank, status } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

const openProfile = () => renderAt('/career', '/career', CareerProfilePage);

describe('your skills', () => {
  test('rates the eight skills against their descriptions, picks target roles in order, and saves', async () => {
    const server = fakeServer({
      'GET /api/career/roles': () => json(careerData()),
      'GET /api/career/profile': () => json(profile({ empty: true })),
      'PUT /api/career/profile': () => json(profile()),
    });
    openProfile();
    const stats = (await screen.findByRole('group', { name: 'Statistics' })) as HTMLElement;
    // Each level carries the bank's description of it, for this skill.
    expect(within(stats).getByRole('radio', { name: '2 · experienced', description: 'Statistics at an experienced level.' })).toBeInTheDocument();
    expect(document.querySelectorAll('fieldset.skill-rating')).toHaveLength(8);

    // Saving with skills unrated says which, and sends nothing.
    fireEvent.click(within(stats).getByRole('radio', { name: '3 · very experienced' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save my self-assessment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Rate all eight skills first: Programming tools, .* are not rated yet/);
    expect(server.callsTo('PUT', '/api/career/profile')).toHaveLength(0);

    for (const id of SKILL_IDS.filter((s) => s !== 'statistics')) {
      const box = document.querySelector(`input[name="rating-${id}"][value="2"]`) as HTMLInputElement;
      fireEvent.click(box);
    }
    expect(screen.getByText('8 of 8 rated')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: /Data Analyst/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Machine Learning Engineer/ }));
    // The first role picked is the default one.
    expect(screen.getByRole('checkbox', { name: /Data Analyst/ }).closest('label')).toHaveTextContent('default');
    fireEvent.click(screen.getByRole('button', { name: 'Save my self-assessment' }));

    await waitFor(() => expect(server.callsTo('PUT', '/api/career/profile')).toHaveLength(1));
    const body = server.callsTo('PUT', '/api/career/profile')[0]!.body as { candidateId: string; ratings: Record<string, number>; targetRoles: string[] };
    expect(body.candidateId).toBe(candidateId());
    expect(body.targetRoles).toEqual(['data-analyst', 'ml-engineer']);
    expect(body.ratings).toEqual({ ...Object.fromEntries(SKILL_IDS.map((s) => [s, 2])), statistics: 3 });
    expect(await screen.findByRole('status')).toHaveTextContent(/Saved/);
    expect(screen.getByRole('link', { name: 'See your gaps' })).toHaveAttribute('href', '/career/gaps');
  });

  test('starts from the last save and shows how each rating moved', async () => {
    fakeServer({ 'GET /api/career/roles': () => json(careerData()), 'GET /api/career/profile': () => json(profile()) });
    openProfile();
    const history = await screen.findByRole('region', { name: 'How your ratings changed' });
    await waitFor(() => expect(document.querySelector('input[name="rating-programming-tools"][value="3"]')).toBeChecked());
    expect(screen.getByRole('checkbox', { name: /Machine Learning Engineer/ })).toBeChecked();
    expect(history).toHaveTextContent('2 saves');
    const row = history.querySelector('tr[data-skill="programming-tools"]') as HTMLElement;
    expect([...row.querySelectorAll('.rating-step')].map((s) => s.textContent)).toEqual(['2', '3']);
    expect(row.querySelector('.rating-step.up')).toHaveTextContent('3');
    expect(row).toHaveTextContent('3 (very experienced)');

    // Changing a rating says what it moves from, before saving.
    fireEvent.click(document.querySelector('input[name="rating-statistics"][value="1"]')!);
    expect(screen.getByRole('group', { name: 'Statistics' })).toHaveTextContent('was 2, now 1');
  });

  test('the header links to the career pages, which load when visited', async () => {
    fakeServer({
      'GET /api/bank': () => json(bank()),
      'GET /api/status': () => json(status()),
      'GET /api/sessions': () => json({ sessions: [] }),
      'GET /api/career/roles': () => json(careerData()),
      'GET /api/career/profile': () => json(profile()),
    });
    history.replaceState(null, '', '/');
    render(() => <App />);
    const main = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(main).getByRole('link', { name: 'Career' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your skills' })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Career fit' });
    expect(within(tabs).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/career', '/career/jobs', '/career/gaps', '/career/plans', '/career/progress']);
    expect(within(main).getByRole('link', { name: 'Career' })).toHaveClass('active');
  });
});
