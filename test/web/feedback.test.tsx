/**
 * Feedback on one graded answer: scores per criterion on the rubric scale, the evidence marked in
 * the candidate's own words (as text, never as HTML), what was missing, what a strong answer
 * covers, the next step; and the grade's other states.
 */
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import { Feedback } from '../../web/src/components/feedback.tsx';
import { GradePanel } from '../../web/src/components/grade-panel.tsx';
import { grade, item } from './support/fixtures.ts';

const answer = { id: 'a1', text: 'I love turning messy sales data into decisions. Last year I built a dashboard for sales.', code: null };

describe('feedback on an answer', () => {
  test('shows each criterion’s score on its scale, with anchor, missing points and a tip where it is low', () => {
    render(() => <Feedback grade={grade()} answers={[answer]} title="Why this role?" />);
    const criteria = screen.getAllByRole('listitem').filter((li) => li.classList.contains('criterion'));
    expect(criteria).toHaveLength(3);

    const [motivation, evidence, fit] = criteria as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(motivation).getByRole('heading', { name: 'Specific motivation' })).toBeInTheDocument();
    expect(motivation).toHaveTextContent('3 of 4');
    expect(motivation).toHaveTextContent('Names what draws them to this role, with a reason.');
    expect(within(motivation).getByText('a link to the company')).toBeInTheDocument();
    // Scored 3 of 4: strong enough that no "close the gap" tip is pushed.
    expect(motivation).not.toHaveTextContent('To close the gap');

    expect(evidence).toHaveTextContent('1 of 4');
    expect(evidence).toHaveTextContent('To close the gap Add one number to every story');

    // No evidence at all is said in words, not shown as a zero.
    expect(fit).toHaveTextContent('Insufficient evidence');
    expect(fit).not.toHaveTextContent('0 of 4');
    expect(within(fit).getByText('the daily work of the role')).toBeInTheDocument();

    expect(screen.getByText('2.5')).toBeInTheDocument();
    expect(screen.getByText('Rewrite your answer with one number that shows impact.')).toBeInTheDocument();
    const strong = screen.getByRole('heading', { name: 'What a strong answer covers' }).parentElement!;
    expect(within(strong).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Why this company, in one concrete sentence.',
      'A project with a measurable result.',
    ]);
    expect(screen.getByText(/Graded offline/)).toBeInTheDocument();
  });

  test('marks the evidence inside the answer, one <mark> per quote, loosely matched like the server', () => {
    const g = grade();
    g.criteria[1]!.evidence = ['BUILT  a Dashboard'];
    const { container } = render(() => <Feedback grade={g} answers={[answer]} />);
    const marks = [...container.querySelectorAll('mark.evidence')];
    expect(marks.map((m) => m.textContent)).toEqual(['I love turning messy sales data into decisions', 'built a dashboard']);
    expect(marks[0]).toHaveAttribute('title', 'Evidence for: Specific motivation');
    // The whole answer is still there, in order.
    expect(container.querySelector('.answer-quote')!.textContent).toBe(answer.text);
  });

  test('never renders the answer as HTML, even where the evidence cuts through markup', () => {
    const hostile = 'My plan: <img src=x onerror="alert(1)"> then <script>steal()</script> and <b>bold</b> claims.';
    const g = grade();
    g.criteria[0]!.evidence = ['<img src=x onerror="alert(1)">'];
    g.criteria[1]!.evidence = ['<script>steal()</script>'];
    const { container } = render(() => <Feedback grade={g} answers={[{ id: 'a', text: hostile, code: '<svg onload=alert(2)>' }]} />);
    expect(container.querySelector('img, script, svg, b')).toBeNull();
    expect(container.querySelector('.answer-quote .answer-text')!.textContent).toBe(hostile);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['<img src=x onerror="alert(1)">', '<script>steal()</script>']);
    expect(container.querySelector('.answer-quote code')!.textContent).toBe('<svg onload=alert(2)>');
  });

  test('a criterion’s button shows only its own evidence', () => {
    const { container } = render(() => <Feedback grade={grade()} answers={[answer]} />);
    const button = screen.getByRole('button', { name: 'Show only its evidence (1): Specific motivation', pressed: false });
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.filter((m) => m.classList.contains('evidence-on')).map((m) => m.textContent)).toEqual(['I love turning messy sales data into decisions']);
    expect(marks.filter((m) => m.classList.contains('evidence-dim')).map((m) => m.textContent)).toEqual(['built a dashboard']);
    fireEvent.click(button);
    expect(container.querySelectorAll('mark.evidence-dim')).toHaveLength(0);
  });

  test('says how far to trust a grade: model name, provisional, flags', () => {
    const g = grade({
      grader: 'llm',
      model: 'gpt-4o-mini',
      status: 'provisional',
      flags: [{ flag: 'offline_fallback', text: 'The model could not grade this answer, so the offline grader did.' }],
    });
    render(() => <Feedback grade={g} answers={[answer]} />);
    expect(screen.getByText(/Graded by the model gpt-4o-mini/)).toHaveTextContent('provisional');
    expect(screen.getByText('The model could not grade this answer, so the offline grader did.')).toBeInTheDocument();
  });
});

describe('the grade panel under a question', () => {
  test('pending: a visible, announced grading state', () => {
    const g = grade({ status: 'pending', level: null, criteria: [] });
    render(() => <GradePanel item={item({ status: 'complete', grade: g })} answers={[answer]} />);
    expect(screen.getByRole('status')).toHaveTextContent('Grading your answer against the rubric…');
  });

  test('held back until the stage ends', () => {
    render(() => <GradePanel item={item({ status: 'complete', grade: { id: 'g', status: 'done', hiddenUntilStageEnd: true } })} answers={[answer]} />);
    expect(screen.getByText(/shown when the stage ends/)).toBeInTheDocument();
    expect(screen.queryByRole('region')).toBeNull();
  });

  test('failed: says so and offers a re-grade', () => {
    let asked = 0;
    const g = grade({ status: 'failed', error: 'the model timed out', criteria: [] });
    render(() => <GradePanel item={item({ status: 'complete', grade: g })} answers={[answer]} onRegrade={() => asked++} />);
    expect(screen.getByText(/could not be graded: the model timed out/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Re-grade this answer' }));
    expect(asked).toBe(1);
  });

  test('done: folded under a summary with the level, open when asked', () => {
    render(() => <GradePanel item={item({ status: 'complete', grade: grade() })} answers={[answer]} open />);
    const details = screen.getByText('Feedback on “Why this role?”').closest('details')!;
    expect(details).toHaveAttribute('open');
    expect(details.querySelector('summary')).toHaveTextContent('Level 2.5 of 4');
  });
});
