/**
 * The interview room against a fake server (the real api.ts underneath): the streamed question,
 * Ctrl+Enter, the grading state and the feedback, drafts across a reload, coding questions with
 * the editor and Run, refusals from the server, and the timers' gentle warning.
 */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import RoomPage from '../../web/src/pages/room.tsx';
import { apiError, fakeServer, json } from './support/fake-server.ts';
import { fakeInterview } from './support/fake-interview.ts';
import { grade, question, sqlQuestion } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

const openRoom = () => renderAt('/session/sess-1', '/session/:id', RoomPage);
const answerBox = () => screen.getByRole('textbox', { name: /your answer|explain your approach/i }) as HTMLTextAreaElement;
/** The interviewer has finished speaking and the answer box is there. */
const turnReady = () => screen.findByRole('textbox', { name: /your answer|explain your approach/i });

describe('the interview room', () => {
  test('streams the question, submits on Ctrl+Enter, shows the grading state, then the feedback with evidence marked', async () => {
    const interview = fakeInterview([question()]);
    const server = fakeServer(interview.routes);
    openRoom();

    await turnReady();
    expect(screen.getByText('Why do you want this role?')).toBeInTheDocument();
    expect(screen.getByText('Question 1 of 1')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Why this role?' })).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(answerBox()));

    const text = 'I love turning messy sales data into decisions, and I built a dashboard for my team.';
    fireEvent.input(answerBox(), { target: { value: text } });
    fireEvent.keyDown(answerBox(), { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(server.callsTo('POST', '/api/sessions/sess-1/answers')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/sessions/sess-1/answers')[0]!.body).toEqual({ itemId: 'item-1', text });
    // The answer is in the conversation, the box is empty, and the grade is visibly pending.
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(await screen.findByText(/Grading your answer against the rubric/)).toBeInTheDocument();
    expect(await screen.findByText('Interview complete')).toBeInTheDocument();

    interview.finishGrade('item-1', grade());
    const feedback = await screen.findByRole('region', { name: 'Feedback on Why this role?' });
    const marks = feedback.querySelectorAll('mark.evidence');
    expect([...marks].map((m) => m.textContent)).toEqual(['I love turning messy sales data into decisions', 'built a dashboard']);
    expect(within(feedback).getByText('Rewrite your answer with one number that shows impact.')).toBeInTheDocument();
    expect(screen.queryByText(/Grading your answer/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See your report' })).toHaveAttribute('href', '/session/sess-1/report');
  });

  test('a reload resumes the pending question once, with the draft still in the box', async () => {
    const interview = fakeInterview([question(), question({ id: 'q2', title: 'Second' })]);
    fakeServer(interview.routes);
    const first = openRoom();
    await turnReady();
    fireEvent.input(answerBox(), { target: { value: 'Half of my answer' } });
    first.unmount();

    openRoom();
    await waitFor(() => expect(answerBox().value).toBe('Half of my answer'));
    // The question was replayed, not asked again: it is on the page once.
    await waitFor(() => expect(interview.nextCalls).toHaveLength(2));
    expect(screen.getAllByText('Why do you want this role?')).toHaveLength(1);
    expect(screen.getByText(/Draft saved on this device/)).toBeInTheDocument();
  });

  test('an answer the server refuses stays in the box, with the server’s own words', async () => {
    const interview = fakeInterview([question()]);
    fakeServer({ ...interview.routes, 'POST /api/sessions/:id/answers': () => apiError(413, 'too_large', 'text is 25000 characters; the limit is 20000.') });
    openRoom();
    await turnReady();
    fireEvent.input(answerBox(), { target: { value: 'A very long answer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(await screen.findByText('text is 25000 characters; the limit is 20000.')).toBeInTheDocument();
    expect(answerBox().value).toBe('A very long answer');
  });

  test('an empty answer is not sent', async () => {
    const interview = fakeInterview([question()]);
    const server = fakeServer(interview.routes);
    openRoom();
    await turnReady();
    fireEvent.keyDown(answerBox(), { key: 'Enter', metaKey: true });
    expect(await screen.findByText(/the box is empty/)).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/sessions/sess-1/answers')).toHaveLength(0);
  });

  test('a coding question brings the editor, the examples and Run; a server without a runner says so', async () => {
    const interview = fakeInterview([sqlQuestion()]);
    const server = fakeServer({
      ...interview.routes,
      'POST /api/sessions/:id/runs': () => apiError(503, 'unavailable', 'Code cannot be run on this server (no code runner is configured).'),
    });
    openRoom();
    await turnReady();
    expect(screen.getByText('Schema')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Explain your approach' })).toBeInTheDocument();
    // CodeMirror arrives by dynamic import; its content is labelled for screen readers.
    await waitFor(() => expect(document.querySelector('.cm-content')).not.toBeNull(), { timeout: 5000 });
    expect(document.querySelector('.cm-content')).toHaveAttribute('aria-label', 'Your SQL query');
    expect(document.querySelector('.cm-content')!.textContent).toContain('SELECT 1;');

    fireEvent.click(screen.getByRole('button', { name: 'Run examples' }));
    expect(await screen.findByText('Code cannot be run on this server (no code runner is configured).')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/sessions/sess-1/runs')[0]!.body).toEqual({ itemId: 'item-1', code: 'SELECT 1;' });

    // Submitting sends the explanation and the code together.
    fireEvent.input(answerBox(), { target: { value: 'Rank within each category.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/sessions/sess-1/answers')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/sessions/sess-1/answers')[0]!.body).toEqual({ itemId: 'item-1', text: 'Rank within each category.', code: 'SELECT 1;' });
  });

  test('Run shows each example: pass or fail, expected and actual, and the error', async () => {
    const interview = fakeInterview([sqlQuestion()]);
    fakeServer({
      ...interview.routes,
      'POST /api/sessions/:id/runs': () =>
        json(
          {
            id: 'run-1',
            result: {
              language: 'sql',
              mode: 'run',
              status: 'failed',
              passed: 0,
              total: 1,
              cases: [
                {
                  index: 0,
                  hidden: false,
                  passed: false,
                  note: 'one product',
                  expected: { columns: ['category'], rows: [['office']] },
                  actual: { columns: ['category'], rows: [] },
                  error: 'Expected 1 row, got 0.',
                },
              ],
              stdout: '',
              stderr: '',
              outputTruncated: false,
              durationMs: 12,
            },
          },
          201,
        ),
    });
    openRoom();
    await turnReady();
    fireEvent.click(screen.getByRole('button', { name: 'Run examples' }));
    const results = await screen.findByText('Some failed');
    const panel = results.closest('.run-results') as HTMLElement;
    expect(panel).toHaveTextContent('0 of 1 examples passed');
    expect(within(panel).getByText(/Example 1/)).toHaveTextContent('Example 1: failed');
    expect(within(panel).getByText('Expected 1 row, got 0.')).toBeInTheDocument();
    expect(within(panel).getByText('(no rows)')).toBeInTheDocument();
  });

  test('timers count from when the question was asked, and warn gently near the end', async () => {
    // Asked 4.5 minutes ago, for a 5-minute question: the last minute has begun.
    const asked = Date.now() - 4.5 * 60_000;
    const interview = fakeInterview([question()], { now: () => asked });
    fakeServer(interview.routes);
    openRoom();
    await turnReady();
    const timer = (await screen.findByText('This question')).closest('.timer') as HTMLElement;
    expect(timer).toHaveAttribute('data-pace', 'near');
    expect(timer).toHaveTextContent(/4:3\d/);
    expect(screen.getByText('About a minute or two left for this question.')).toBeInTheDocument();
  });

  test('with feedback at the end of the stage, a finished answer shows no grade yet', async () => {
    const interview = fakeInterview([question(), question({ id: 'q2', title: 'Second', prompt: 'What next?' })], { feedback: 'stage' });
    fakeServer(interview.routes);
    openRoom();
    await turnReady();
    fireEvent.input(answerBox(), { target: { value: 'Because of the data.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(await screen.findByText('What next?')).toBeInTheDocument();
    await turnReady();
    expect(await screen.findByText(/shown when the stage ends/)).toBeInTheDocument();
    expect(screen.queryByText(/Grading your answer/)).not.toBeInTheDocument();
  });
});
