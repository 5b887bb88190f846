/**
 * Job postings: paste one and see the role it really is, with confidence and the phrases that
 * decided it, the title warning, what it stresses, overlooked asks, the model's reading beside the
 * offline one, and a loop tailored to it. Posting text is shown as text, whatever it contains.
 */
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import CareerJobPage from '../../web/src/pages/career-job.tsx';
import CareerJobsPage from '../../web/src/pages/career-jobs.tsx';
import { apiError, fakeServer, json } from './support/fake-server.ts';
import { careerData, jobAnalysis, profile } from './support/career-fixtures.ts';
import { sessionView } from './support/fixtures.ts';
import { renderAt } from './support/render.tsx';

const POSTING = 'Senior Data Scientist. You will put models into production systems and productionize the prototypes you build with the platform team.';

describe('analysing a posting', () => {
  test('sends the posting and its title, then opens the analysis', async () => {
    const server = fakeServer({
      'GET /api/career/job-analyses': () => json({ analyses: [] }),
      'POST /api/career/job-analyses': () => json(jobAnalysis(), 201),
    });
    const { history } = renderAt('/career/jobs', '/career/jobs', CareerJobsPage);
    expect(await screen.findByText('None yet.')).toBeInTheDocument();
    fireEvent.input(screen.getByLabelText('Posted title (optional)'), { target: { value: '  Senior Data Scientist ' } });
    fireEvent.input(screen.getByLabelText('The posting'), { target: { value: POSTING } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse the posting' }));
    await waitFor(() => expect(history.get()).toBe('/career/jobs/ja-1'));
    expect(server.callsTo('POST', '/api/career/job-analyses')[0]!.body).toMatchObject({ text: POSTING, postedTitle: 'Senior Data Scientist' });
  });

  test('a posting too short to read is not sent; the server’s refusal is shown in its words', async () => {
    const server = fakeServer({
      'GET /api/career/job-analyses': () => json({ analyses: [] }),
      'POST /api/career/job-analyses': () => apiError(400, 'invalid', 'text: is longer than 30000 characters'),
    });
    renderAt('/career/jobs', '/career/jobs', CareerJobsPage);
    fireEvent.input(await screen.findByLabelText('The posting'), { target: { value: 'Data scientist wanted.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse the posting' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Paste the whole posting');
    expect(server.callsTo('POST', '/api/career/job-analyses')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('The posting'), { target: { value: POSTING } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse the posting' }));
    expect(await screen.findByText('text: is longer than 30000 characters')).toBeInTheDocument();
  });

  test('lists earlier analyses with their role and a title warning', async () => {
    fakeServer({
      'GET /api/career/job-analyses': () =>
        json({
          analyses: [
            {
              id: 'ja-1',
              postedTitle: 'Senior Data Scientist',
              createdAt: Date.now(),
              decided: { role: 'ml-engineer', roleName: 'Machine Learning Engineer', source: 'offline' },
              confidence: 0.49,
              confidenceLabel: 'medium',
              warning: 'Posted as Senior Data Scientist; the duties are an ML engineer’s.',
            },
          ],
        }),
    });
    renderAt('/career/jobs', '/career/jobs', CareerJobsPage);
    const link = await screen.findByRole('link', { name: 'Senior Data Scientist' });
    expect(link).toHaveAttribute('href', '/career/jobs/ja-1');
    expect(link.closest('li')).toHaveTextContent('reads as Machine Learning Engineer · medium confidence (49%)');
    expect(link.closest('li')).toHaveTextContent('title and duties differ');
  });
});

function analysisServer(analysis = jobAnalysis()) {
  return fakeServer({
    'GET /api/career/roles': () => json(careerData()),
    'GET /api/career/profile': () => json(profile()),
    'GET /api/career/job-analyses/:id': () => json(analysis),
    'POST /api/career/job-analyses/:id/session': () => json({ ...sessionView({ session: { ...sessionView().session, id: 'tailored-1' } }), tailoring: {} }, 201),
  });
}

describe('an analysed posting', () => {
  test('says the role with its confidence, the deciding phrases in their sentences, and the title warning', async () => {
    analysisServer();
    renderAt('/career/jobs/ja-1', '/career/jobs/:id', CareerJobPage);
    const verdict = (await screen.findByRole('heading', { name: 'Machine Learning Engineer' })).closest('section')!;
    expect(verdict).toHaveTextContent('medium confidence');
    expect(verdict).toHaveTextContent('49% of the phrase points · runner-up Data Scientist (4.5 points)');
    expect(verdict).toHaveTextContent('decided by the offline classifier');
    expect(screen.getByRole('note')).toHaveTextContent('Title and duties differ. Posted as Senior Data Scientist');

    const phrases = screen.getByRole('region', { name: 'The phrases that decided it' });
    const marks = [...phrases.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['production systems', 'productionize']);
    // A sentence the server cut short says so.
    expect(phrases).toHaveTextContent('…arning services for other teams');

    const skills = screen.getByRole('region', { name: 'Skills it stresses' });
    expect(within(skills).getAllByRole('listitem').map((li) => li.querySelector('.emphasis-name')!.textContent)).toEqual([
      'Software engineering',
      'Machine learning (theory and algorithms)',
    ]);
    const stages = screen.getByRole('region', { name: 'Interview stages it stresses' });
    expect(stages.querySelector('li.stressed')).toHaveTextContent('Coding');
    const asks = screen.getByRole('region', { name: 'Asks candidates overlook' });
    expect(within(asks).getByRole('heading', { name: 'Version control (git)' })).toBeInTheDocument();
    expect(asks).toHaveTextContent('How to show it Keep your side project in a public repository.');
    // No model configured: no second reading.
    expect(screen.queryByRole('region', { name: 'Two readings of the posting' })).toBeNull();
  });

  test('puts the model’s reading beside the offline one, and says when they disagree', async () => {
    analysisServer(jobAnalysis({ llm: true }));
    renderAt('/career/jobs/ja-1', '/career/jobs/:id', CareerJobPage);
    const readings = await screen.findByRole('region', { name: 'Two readings of the posting' });
    expect(readings).toHaveTextContent('The readings disagree: the offline classifier says Machine Learning Engineer, the model says MLOps Engineer.');
    const headers = within(readings).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['', 'Offline classifier', 'Model · fake-model']);
    const roleRow = within(readings).getByRole('rowheader', { name: 'Role' }).closest('tr')!;
    expect([...roleRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Machine Learning Engineer', 'MLOps Engineer']);
    expect(readings).toHaveTextContent('phrases it quoted that are not in the posting were dropped');
    expect(screen.getByRole('heading', { name: 'MLOps Engineer' })).toBeInTheDocument();
  });

  test('starts a loop tailored to the posting and goes into it', async () => {
    const server = analysisServer();
    const { history } = renderAt('/career/jobs/ja-1', '/career/jobs/:id', CareerJobPage);
    const tailor = await screen.findByRole('region', { name: 'Practise for this job' });
    expect(tailor).toHaveTextContent('One more question in: Coding.');
    fireEvent.click(within(tailor).getByRole('radio', { name: 'Hard' }));
    fireEvent.click(within(tailor).getByRole('button', { name: 'Start a mock loop tailored to this posting' }));
    await waitFor(() => expect(history.get()).toBe('/session/tailored-1'));
    const body = server.callsTo('POST', '/api/career/job-analyses/ja-1/session')[0]!.body as Record<string, unknown>;
    // The decided role is the server's default: only a different choice is sent.
    expect(body).toMatchObject({ difficulty: 'hard' });
    expect(body.role).toBeUndefined();
  });

  test('shows markup in a posting as the characters it is', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"> production systems <script>window.__pwned=2</script>';
    analysisServer(jobAnalysis({ text: hostile, quote: hostile }));
    renderAt('/career/jobs/ja-1', '/career/jobs/:id', CareerJobPage);
    const phrases = await screen.findByRole('region', { name: 'The phrases that decided it' });
    expect(phrases.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(document.querySelector('main img, img[src="x"], script')).toBeNull();
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
