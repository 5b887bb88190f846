/**
 * The candidate's whole journey in a real browser (Debian's chromium via playwright-core) against
 * the real server, started here on 127.0.0.1 in offline mode with a temporary database: a full
 * loop answered to the end with a reload in the middle, feedback, the report and a drill of the
 * weakest stage. Screenshots go to screenshots/ (git-ignored) for a human to look at.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { partialAnswer, questionByTitle, referenceCode, strongAnswer, weakAnswer } from './support/answers.ts';
import { launchBrowser, runBrowserTests, screenshot, SCREENSHOTS, watchPageErrors } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { answer, currentTitle, isCoding, setCode, waitForTurn } from './support/room.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** How well the candidate of this test answers each stage: a spread, as a real candidate's. */
const QUALITY: Record<string, 'strong' | 'partial' | 'weak'> = {
  'recruiter-screen': 'strong',
  'ml-theory': 'partial',
  coding: 'strong',
  'case-study': 'weak',
  behavioral: 'strong',
};

describe.skipIf(!runBrowserTests)('the interview in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser(); // under CI a missing chromium fails here, loudly
    await ensureWebBuilt();
    server = await startServer();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport, baseURL: server.url });
    const page = await context.newPage();
    return { context, page, errors: watchPageErrors(page) };
  }

  /** Answers the current question as this candidate would; strong coding answers come with code. */
  async function answerTurn(page: Page): Promise<'answering' | 'closed'> {
    const title = await currentTitle(page);
    // Follow-ups get a short reply, as in a real conversation; the first answer carries the substance.
    const followUp = (await page.locator('.msg').last().getAttribute('class'))?.includes('msg-follow-up');
    const quality = followUp ? 'weak' : QUALITY[questionByTitle(title).stage]!;
    if ((await isCoding(page)) && quality === 'strong') await setCode(page, referenceCode(title)!);
    return answer(page, quality === 'strong' ? strongAnswer(title) : quality === 'partial' ? partialAnswer(title) : weakAnswer());
  }

  test('a full loop: answered to the end, resumed after a reload, with feedback, the report and a drill', async () => {
    const { context, page, errors } = await openPage();
    await page.goto('/');
    await page.getByText('Graded offline').waitFor();
    expect(await page.locator('input[name="role"]').count()).toBe(7);
    await page.getByRole('radio', { name: /Data Analyst/ }).check();
    await screenshot(page, 'start');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    expect(await waitForTurn(page)).toBe('answering');
    const sessionUrl = page.url();
    expect(sessionUrl).toMatch(/\/session\/[\w-]+$/);

    let resumed = false;
    let sawFeedback = false;
    let phase: 'answering' | 'closed' = 'answering';
    for (let turn = 0; phase === 'answering'; turn++) {
      expect(turn, 'the loop should end well within 40 turns').toBeLessThan(40);

      if (!resumed && (await isCoding(page))) {
        // Mid-answer on a coding question: code in the editor, an explanation half written.
        const title = await currentTitle(page);
        const code = referenceCode(title)!;
        await setCode(page, code);
        // Run the visible examples: results per example, or, with no runner on the server, why not.
        const status = (await (await fetch(`${server.url}/api/status`)).json()) as { runner: unknown };
        await page.getByRole('button', { name: 'Run examples' }).click();
        if (status.runner) await page.locator('.run-results[data-status="passed"]').waitFor({ timeout: 30_000 });
        else await page.getByText(/no code runner/i).waitFor();
        const draft = 'I aggregate first, then join, so that nothing fans out. Still thinking about the edge';
        await page.locator('#answer-box').fill(draft);
        // A tall window shows the question, the editor, the results and the answer box at once.
        await page.setViewportSize({ width: 1280, height: 1700 });
        await page.locator('.turn-group').last().evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, 'room-mid-answer', false);
        await page.setViewportSize({ width: 1280, height: 900 });

        // A reload resumes where the candidate was: same question, same answers, the draft and the code.
        const answered = await page.locator('.msg-candidate').count();
        await page.reload();
        expect(await waitForTurn(page)).toBe('answering');
        expect(await currentTitle(page)).toBe(title);
        expect(await page.locator('.msg-candidate').count()).toBe(answered);
        expect(await page.locator('#answer-box').inputValue()).toBe(draft);
        await page.locator('.cm-content').waitFor();
        expect(await page.locator('.cm-content').innerText()).toContain(code.split('\n')[0]!.trim());
        resumed = true;
      }

      const answeredTitle = await currentTitle(page);
      phase = await answerTurn(page);

      // Feedback on a middling answer shows everything: evidence, scores, what was missing.
      const movedOn = phase === 'closed' || (await currentTitle(page)) !== answeredTitle;
      if (!sawFeedback && movedOn && QUALITY[questionByTitle(answeredTitle).stage] === 'partial') {
        const feedback = page.locator('.grade-details[open]', { hasText: answeredTitle });
        await feedback.locator('.feedback').waitFor();
        // Evidence is marked inside the candidate's own words; gaps and a strong answer are spelled out.
        expect(await feedback.locator('mark.evidence').count()).toBeGreaterThan(0);
        expect(await feedback.locator('.missing').count()).toBeGreaterThan(0);
        expect(await feedback.getByText('What a strong answer covers').count()).toBe(1);
        // The room's sticky bar would lie over an element screenshot: let it scroll away for the shot.
        const unstick = await page.addStyleTag({ content: '.room-bar { position: static !important; }' });
        await feedback.screenshot({ path: join(SCREENSHOTS, 'feedback.png') });
        await unstick.evaluate((el) => (el as Element).remove());
        sawFeedback = true;
      }
    }
    expect(resumed, 'a coding question came and the reload was tried on it').toBe(true);
    expect(sawFeedback, 'feedback appeared after an answer').toBe(true);

    await page.getByRole('link', { name: 'See your report' }).click();
    await page.getByRole('heading', { name: 'Verdict by stage' }).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('still being graded'), undefined, { timeout: 20_000 });
    const cards = page.locator('.stage-card');
    expect(await cards.count()).toBe(5);
    for (const card of await cards.all()) expect(await card.locator('.verdict').innerText()).toMatch(/hire/i);
    await page.locator('.skill-chart svg').waitFor();
    expect(await page.locator('.skill-chart .skill-bar').count()).toBeGreaterThan(0);
    expect(await page.locator('.weak-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'report');

    // The weakest stage, one click away.
    const drill = page.getByRole('button', { name: /^Drill / });
    const stageName = (await drill.innerText()).replace(/^Drill /, '');
    await drill.click();
    expect(await waitForTurn(page)).toBe('answering');
    expect(page.url()).not.toBe(sessionUrl);
    expect(await page.locator('.room-heading h1').innerText()).toContain(`Drill: ${stageName}`);

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
