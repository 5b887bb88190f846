/**
 * Hostile content in a real browser: the candidate's answer, a posting and a model's replies all
 * carry HTML, script and a javascript: link. The server runs with a model (a fake OpenAI-compatible
 * server started here) whose streamed interviewer words, grade feedback, stage summary and
 * job-posting reading are hostile. Everything must read as the characters it is, no element may
 * be injected (watched from before the first script runs), and window.__pwned must stay unset.
 * The server's Content-Security-Policy would block inline script anyway, so the DOM is what is
 * checked, not only whether script ran.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeOpenAi, type RecordedRequest } from '../support/fake-openai.ts';
import { goodReply } from '../support/fault-model.ts';
import { gradesSettled } from './support/api-play.ts';
import { launchBrowser, runBrowserTests, screenshot, watchPageErrors, expectNoSidewaysScroll } from './support/browser.ts';
import { ensureWebBuilt, ROOT } from './support/build.ts';
import { answer, waitForTurn } from './support/room.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> [read this](javascript:window.__pwned=3)';
const ANSWER = `I led the migration and kept both teams informed. ${PAYLOAD} **Result:** we shipped a week early.`;
const LEAD_IN = `Welcome to the behavioral stage. ${PAYLOAD}`;
const FEEDBACK = `Clear ownership. ${PAYLOAD}`;
const SUMMARY = `A calm, specific story. ${PAYLOAD}`;
const RATIONALE = `Duties are about serving models. ${PAYLOAD}`;
const MISMATCH = `The title says data scientist. ${PAYLOAD}`;
const TITLE = '<b onmouseover="window.__pwned=4">Senior Data Scientist</b>';

/** Elements a payload could smuggle in: markup, handlers, script URLs. */
const DANGEROUS = 'img, iframe, object, embed, svg script, script:not([src]), a[href^="javascript:" i], [onerror], [onload], [onclick], [onmouseover]';

const system = (req: RecordedRequest) => String(req.body?.messages?.[0]?.content ?? '');

/** A well-behaved model whose every piece of text carries the payload. */
function hostileModel(req: RecordedRequest) {
  if (req.body?.stream) return { content: LEAD_IN };
  const sys = system(req);
  if (sys.includes('grading one answer')) return { content: JSON.stringify({ ...JSON.parse(goodReply(req)), feedback: FEEDBACK, nextStep: `Practise this. ${PAYLOAD}` }) };
  if (sys.includes('writing the debrief')) return { content: SUMMARY };
  if (sys.includes('which role it really is'))
    return {
      content: JSON.stringify({
        role: 'ml-engineer',
        confidence: 0.8,
        decisivePhrases: ['productionize'],
        skills: [{ skill: 'software-engineering', emphasis: 'high' }],
        stageWeights: [{ stage: 'coding', weight: 3 }],
        overlookedAsks: [],
        titleMismatch: MISMATCH,
        rationale: RATIONALE,
      }),
    };
  return { content: goodReply(req) };
}

/** Records every dangerous element or attribute that ever reaches the live document. */
function watchInjections() {
  const w = window as unknown as { __injected: string[] };
  w.__injected = [];
  const selector = '__DANGEROUS__';
  const check = (el: Element) => {
    for (const e of [el, ...el.querySelectorAll('*')]) if (e.matches(selector)) w.__injected.push(e.outerHTML.slice(0, 200));
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) check(r.target);
      for (const n of r.addedNodes) if (n instanceof Element) check(n);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['onerror', 'onload', 'onclick', 'onmouseover', 'href', 'src'] });
}

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __injected: string[] }).__injected)).toEqual([]);
  expect(await page.locator(DANGEROUS).count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

/** True when some element's own text is exactly `text` (nothing parsed out of it). */
const hasLiteral = (page: Page, selector: string, text: string) =>
  page.evaluate(([sel, t]) => [...document.querySelectorAll(sel!)].some((e) => e.textContent === t), [selector, text] as const);

describe.skipIf(!runBrowserTests)('hostile content from a candidate and a model', () => {
  let fake: FakeOpenAi;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    fake = await new FakeOpenAi().start();
    fake.responder = hostileModel;
    browser = await launchBrowser();
    await ensureWebBuilt();
    server = await startServer({ LLM_MODEL: 'fake-model', LLM_BASE_URL: fake.url, LLM_API_KEY: 'test-key', LLM_TIMEOUT_MS: '20000' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.stop();
  });

  test('answers, postings and model replies with HTML and script show as text, and nothing runs', async () => {
    const candidateId = `e2e-hostile-${Date.now()}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    await context.addInitScript((id) => localStorage.setItem('mockloop:candidate', id), candidateId);
    await context.addInitScript(`(${watchInjections.toString().replace("'__DANGEROUS__'", JSON.stringify(DANGEROUS))})()`);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    // A posting with markup in its title and text; the model's reading carries the payload too.
    const posting = readFileSync(join(ROOT, 'test/fixtures/job-descriptions/dev-05-mle-live-service-as-ds-title.md'), 'utf8').split('---\n').slice(2).join('---\n');
    await page.goto('/career/jobs');
    await page.getByLabel('Posted title (optional)').fill(TITLE);
    await page.getByLabel('The posting').fill(`${posting}\n\n${PAYLOAD}`);
    await page.getByRole('button', { name: 'Analyse the posting' }).click();
    await page.getByRole('region', { name: 'Two readings of the posting' }).waitFor();
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await hasLiteral(page, '.reading-table td', RATIONALE)).toBe(true);
    expect(await page.getByRole('note').innerText()).toContain(MISMATCH);
    expect(await page.locator('.role-verdict .label').innerText()).toMatch(/the duties describe/i);
    expect(await page.locator('.role-verdict').innerText()).toContain('decided by the model fake-model');
    await page.getByText('The posting you pasted').click();
    expect(await page.locator('.posting-text p').textContent()).toContain(PAYLOAD);
    await screenshot(page, 'hostile-job');
    // At phone width the two readings stack, and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await page.getByRole('region', { name: 'Two readings of the posting' }).screenshot({ path: join(ROOT, 'screenshots', 'hostile-job-readings-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNothingInjected(page);

    // An interview whose interviewer, grader and debrief are the model.
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ml-engineer', mode: 'drill', stage: 'behavioral', questionCount: 1, candidateId }),
    });
    const sessionId = ((await created.json()) as { session: { id: string } }).session.id;
    await page.goto(`/session/${sessionId}`);
    expect(await waitForTurn(page)).toBe('answering');
    // The model's streamed lead-in, as the characters it sent; the bank's question after it.
    expect(await hasLiteral(page, '.msg-interviewer .model-said', LEAD_IN)).toBe(true);
    expect(await page.locator('.msg-interviewer .prose').first().innerText()).not.toBe('');
    let phase = await answer(page, ANSWER);
    while (phase === 'answering') phase = await answer(page, `Follow-up: ${PAYLOAD}`);
    expect(await hasLiteral(page, '.msg-candidate .answer-text', ANSWER)).toBe(true);

    await gradesSettled(server.url, sessionId);
    const feedback = page.locator('.feedback-summary').first();
    await feedback.waitFor({ timeout: 20_000 });
    expect(await feedback.textContent()).toBe(FEEDBACK);
    // The grader's evidence is marked inside the answer, still as text.
    expect(await page.locator('.feedback .answer-text').first().textContent()).toBe(ANSWER);
    const unstick = await page.addStyleTag({ content: '.room-bar { position: static !important; }' });
    await screenshot(page, 'hostile-room');
    await unstick.evaluate((el) => (el as Element).remove());
    await expectNothingInjected(page);

    // The report's debrief and the transcript say the same, literally.
    await page.getByRole('link', { name: 'See your report' }).click();
    await page.locator('.stage-card-summary').waitFor({ timeout: 20_000 });
    expect(await page.locator('.stage-card-summary').innerText()).toContain(SUMMARY);
    await page.goto(`/session/${sessionId}/review`);
    await page.locator('.feedback-summary').first().waitFor();
    expect(await hasLiteral(page, '.msg-interviewer .model-said', LEAD_IN)).toBe(true);
    expect(await hasLiteral(page, '.msg-candidate .answer-text', ANSWER)).toBe(true);
    expect(await hasLiteral(page, '.feedback-summary', FEEDBACK)).toBe(true);

    await expectNothingInjected(page);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // The model really was asked: the interviewer streamed, the grader and the debrief answered.
    expect(fake.requests.some((r) => r.body?.stream)).toBe(true);
    expect(fake.requests.some((r) => system(r).includes('grading one answer'))).toBe(true);
    await context.close();
  }, 120_000);
});
