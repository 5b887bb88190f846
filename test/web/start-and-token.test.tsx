/** The start page (roles, modes, the grader in plain words) and the access-token form on a 401. */
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import { App } from '../../web/src/app.tsx';
import { listSessions } from '../../web/src/lib/api.ts';
import { StartPage } from '../../web/src/pages/start.tsx';
import { apiError, fakeServer, json } from './support/fake-server.ts';
import { bank, listEntry, sessionView, status } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

describe('the start page', () => {
  test('offers every role with its one line, says which grader is active, and starts a drill', async () => {
    const server = fakeServer({
      'GET /api/bank': () => json(bank()),
      'GET /api/status': () => json(status()),
      'GET /api/sessions': () => json({ sessions: [listEntry({ id: 'open-1', status: 'active', answered: 2 })] }),
      'POST /api/sessions': () => json(sessionView({ session: { ...sessionView().session, id: 'new-1' } }), 201),
    });
    const { history } = renderAt('/', '/', StartPage);
    const analyst = await screen.findByRole('radio', { name: /Data Analyst/ });
    // Each role comes with its one line on what the job really is.
    expect(analyst.closest('label')).toHaveTextContent('Business analysis and dashboards.');
    expect(document.querySelectorAll('input[name="role"]')).toHaveLength(2);
    expect(await screen.findByText('Offline grader')).toBeInTheDocument();
    expect(screen.getByText('Graded offline: no model is configured.')).toBeInTheDocument();
    // An unfinished session is one click from resuming.
    expect(await screen.findByRole('link', { name: 'Resume' })).toHaveAttribute('href', '/session/open-1');

    fireEvent.click(analyst);
    fireEvent.click(screen.getByRole('radio', { name: /Drill one stage/ }));
    fireEvent.click(await screen.findByRole('radio', { name: /^Coding/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Hard' }));
    fireEvent.click(screen.getByRole('radio', { name: 'At the end of each stage' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start the interview' }));

    await waitFor(() => expect(history.get()).toBe('/session/new-1'));
    const body = server.callsTo('POST', '/api/sessions')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ role: 'data-analyst', mode: 'drill', stage: 'coding', difficulty: 'hard', feedback: 'stage' });
    expect(body.candidateId).toMatch(/^c-[0-9a-f]{24}$/);
  });

  test('asks for a role before starting', async () => {
    const server = fakeServer({ 'GET /api/bank': () => json(bank()), 'GET /api/status': () => json(status()), 'GET /api/sessions': () => json({ sessions: [] }) });
    renderAt('/', '/', StartPage);
    fireEvent.click(await screen.findByRole('button', { name: 'Start the interview' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose the role you are preparing for first.');
    expect(server.callsTo('POST', '/api/sessions')).toHaveLength(0);
  });

  test('shows the server’s message when a session cannot be created', async () => {
    fakeServer({
      'GET /api/bank': () => json(bank()),
      'GET /api/status': () => json(status()),
      'GET /api/sessions': () => json({ sessions: [] }),
      'POST /api/sessions': () => apiError(400, 'invalid', 'The bank has no questions for this stage.'),
    });
    renderAt('/', '/', StartPage);
    fireEvent.click(await screen.findByRole('radio', { name: /Data Analyst/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start the interview' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The bank has no questions for this stage.');
    expect(screen.getByRole('button', { name: 'Start the interview' })).toBeEnabled();
  });
});

describe('a server that needs an access token', () => {
  test('a 401 brings up the token form; the saved token goes with every request', async () => {
    const server = fakeServer({
      'GET /api/bank': (call) => (call.headers.get('authorization') === 'Bearer s3cret-token-value' ? json(bank()) : apiError(401, 'unauthorized', 'This server needs an access token.')),
      'GET /api/status': () => apiError(401, 'unauthorized', 'This server needs an access token.'),
      'GET /api/sessions': () => json({ sessions: [] }),
    });
    history.replaceState(null, '', '/');
    render(() => <App />);
    const field = await screen.findByLabelText('Access token');
    expect(screen.getByRole('heading', { name: 'This server needs an access token' })).toBeInTheDocument();

    fireEvent.input(field, { target: { value: 's3cret-token-value' } });
    // Saving also reloads the page, which jsdom cannot do; what matters is what later requests send.
    fireEvent.submit(field.closest('form')!);
    expect(localStorage.getItem('mockloop:token')).toBe('s3cret-token-value');
    await listSessions();
    expect(server.calls.at(-1)!.headers.get('authorization')).toBe('Bearer s3cret-token-value');
  });
});
