/**
 * What the candidate sees when code runs: per test pass or fail; for visible examples the
 * arguments, expected and actual values; the traceback or SQL error; time-outs; and after Submit,
 * under the answer, the hidden tests' outcome counted apart from the examples.
 */
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import { RunResults } from '../../web/src/components/run-results.tsx';
import RoomPage from '../../web/src/pages/room.tsx';
import type { CaseResult, CodeRun, Question, RunResult } from '../../web/src/lib/types.ts';
import { fakeServer, json } from './support/fake-server.ts';
import { fakeInterview } from './support/fake-interview.ts';
import { question, T0 } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

const pythonQuestion = (): Question =>
  question({
    id: 'py-moving-average',
    title: 'Moving average',
    stage: 'coding',
    minutes: 15,
    prompt: 'Write `moving_average(xs, k)`.',
    coding: {
      language: 'python',
      functionName: 'moving_average',
      starter: 'def moving_average(xs, k):\n    raise NotImplementedError\n',
      examples: [
        { args: [[1, 2, 3], 2], expected: [1.5, 2.5], note: 'two windows' },
        { args: [[], 3], expected: [], note: undefined },
      ],
      hiddenTests: 3,
    } as Question['coding'],
  });

function result(over: Partial<RunResult>): RunResult {
  return { language: 'python', mode: 'run', status: 'passed', passed: 0, total: 0, cases: [], stdout: '', stderr: '', outputTruncated: false, durationMs: 41, ...over };
}

describe('run results', () => {
  test('a failing example shows its arguments, expected and actual values; a raising one its traceback', () => {
    const cases: CaseResult[] = [
      { index: 0, hidden: false, passed: false, note: 'two windows', args: [[1, 2, 3], 2], expected: [1.5, 2.5], actual: [1, 2] },
      { index: 1, hidden: false, passed: false, args: [[], 3], expected: [], error: 'Traceback (most recent call last):\n  File "<candidate>", line 3, in moving_average\nZeroDivisionError: division by zero' },
    ];
    render(() => <RunResults result={result({ status: 'failed', total: 2, cases })} />);
    const panel = screen.getByRole('status');
    expect(panel).toHaveTextContent('Some failed · 0 of 2 examples passed · 41 ms');
    const [first, second] = within(panel).getAllByRole('listitem');
    expect(first).toHaveTextContent('Example 1: failed — two windows');
    expect(first).toHaveTextContent('Arguments[1,2,3], 2');
    expect(first).toHaveTextContent('Expected[1.5,2.5]');
    expect(first).toHaveTextContent('Actual[1,2]');
    expect(second!.querySelector('.run-error')!.textContent).toContain('ZeroDivisionError: division by zero');
  });

  test('time-outs, SQL errors and refusals are said as such, with the runner’s message', () => {
    const { unmount } = render(() => <RunResults result={result({ status: 'timeout', message: 'Stopped after 5 s: the code ran too long (an endless loop?).' })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Time limit reached');
    expect(screen.getByText('Stopped after 5 s: the code ran too long (an endless loop?).')).toHaveClass('run-error');
    unmount();
    render(() => <RunResults result={result({ language: 'sql', status: 'error', message: 'SQL error: no such column: revenu' })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Your code did not run');
    expect(screen.getByText('SQL error: no such column: revenu')).toBeInTheDocument();
  });

  test('a submit run counts the hidden tests apart, and shows them as pass or fail only', () => {
    const cases: CaseResult[] = [
      { index: 0, hidden: false, passed: true, args: [[1, 2, 3], 2], expected: [1.5, 2.5], actual: [1.5, 2.5] },
      { index: 0, hidden: true, passed: true },
      { index: 1, hidden: true, passed: false },
    ];
    render(() => <RunResults result={result({ mode: 'submit', status: 'failed', passed: 2, total: 3, cases })} />);
    const panel = screen.getByRole('status');
    expect(panel).toHaveTextContent('2 of 3 tests passed');
    expect(panel).toHaveTextContent('Examples: 1 of 1 passed · Hidden tests: 1 of 2 passed');
    const hidden = within(panel).getByText(/Hidden test 2/).closest('li')!;
    expect(hidden).toHaveTextContent('Hidden test 2: failed');
    expect(hidden.querySelector('.case-values')).toBeNull();
  });
});

describe('after Submit, in the room', () => {
  function codingRoom(run: RunResult | null, runError: string | null = null) {
    const interview = fakeInterview([pythonQuestion()]);
    const server = fakeServer({
      ...interview.routes,
      'POST /api/sessions/:id/answers': async (call, params) => {
        const res = await interview.routes['POST /api/sessions/:id/answers']!(call, params);
        const body = (await res.json()) as Record<string, unknown>;
        // The server stores the answer first, then runs the code: the run is a moment later.
        // (The view holds the result as JSON; the runner's own type is wider.)
        if (run) interview.view.runs.push({ id: 'run-s1', itemId: 'item-1', mode: 'submit', language: 'python', code: 'x', result: run as CodeRun['result'], createdAt: T0 + 1 });
        return json({ ...body, run, runError }, 201);
      },
    });
    renderAt('/session/sess-1', '/session/:id', RoomPage);
    return server;
  }

  test('the hidden tests’ outcome appears under the answer that carried the code', async () => {
    const run = result({
      mode: 'submit',
      status: 'failed',
      passed: 4,
      total: 5,
      cases: [
        { index: 0, hidden: false, passed: true, args: [[1, 2, 3], 2], expected: [1.5, 2.5], actual: [1.5, 2.5] },
        { index: 1, hidden: false, passed: true, args: [[], 3], expected: [], actual: [] },
        { index: 0, hidden: true, passed: true },
        { index: 1, hidden: true, passed: false },
        { index: 2, hidden: true, passed: true },
      ],
    });
    codingRoom(run);
    const box = await screen.findByRole('textbox', { name: 'Explain your approach' });
    fireEvent.input(box, { target: { value: 'A sliding window sum.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    const summary = await screen.findByText(/Tests on your submitted code/);
    expect(summary).toHaveTextContent('Tests on your submitted code: 4 of 5 tests passed; hidden tests: 2 of 3');
    const details = summary.closest('details')!;
    // Something failed: the detail is open, and it follows the answer.
    expect(details).toHaveAttribute('open');
    expect(details.previousElementSibling).toHaveClass('msg-candidate');
    expect(details).toHaveTextContent('Examples: 2 of 2 passed · Hidden tests: 2 of 3 passed');
    expect(within(details).getByText(/Hidden test 2/)).toHaveTextContent('Hidden test 2: failed');
  });

  test('all passed: the summary says so and the detail stays folded', async () => {
    const cases: CaseResult[] = [
      { index: 0, hidden: false, passed: true },
      { index: 0, hidden: true, passed: true },
      { index: 1, hidden: true, passed: true },
      { index: 2, hidden: true, passed: true },
    ];
    codingRoom(result({ mode: 'submit', status: 'passed', passed: 4, total: 4, cases }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Explain your approach' }), { target: { value: 'Done.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    const summary = await screen.findByText(/Tests on your submitted code/);
    expect(summary).toHaveTextContent('all 4 tests passed, 3 of them hidden');
    expect(summary.closest('details')).not.toHaveAttribute('open');
  });

  test('when the tests could not run, the room says why and that the answer is kept', async () => {
    codingRoom(null, 'The code runner failed; your answer is saved and the tests will run when it is graded.');
    fireEvent.input(await screen.findByRole('textbox', { name: 'Explain your approach' }), { target: { value: 'Done.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await waitFor(() => expect(screen.getByText('The code runner failed; your answer is saved and the tests will run when it is graded.')).toBeInTheDocument());
  });
});
