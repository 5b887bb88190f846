/**
 * The coding stage end to end, in a real browser against the real server and its real runners
 * (Pyodide in a sandbox process, SQLite in a worker): for one Python and one SQL question, the
 * candidate runs wrong code and sees why it fails (traceback, expected beside actual, the time
 * limit, the SQL error), fixes it, sees every example pass, submits, and sees the hidden tests'
 * outcome under the answer.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import type { Page } from 'playwright-core';
import { questionByTitle } from './support/answers.ts';
import { runBrowserTests, screenshot, SCREENSHOTS, watchPageErrors, expectNoSidewaysScroll } from './support/browser.ts';
import { currentTitle, setCode, waitForTurn } from './support/room.ts';

/** Presses Run and waits for the server's answer and the results panel that shows it. */
async function runExamples(page: Page, status: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/runs$/.test(r.url()), { timeout: 60_000 }),
    page.getByRole('button', { name: 'Run examples' }).click(),
  ]);
  await page.locator(`.composer .run-results[data-status="${status}"]`).waitFor({ timeout: 10_000 });
}

const results = (page: Page) => page.locator('.composer .run-results');
/** The coding panel alone; the room's sticky bar would lie over an element screenshot, so it scrolls away for it. */
async function panelShot(page: Page, name: string): Promise<void> {
  const unstick = await page.addStyleTag({ content: '.room-bar { position: static !important; }' });
  await page.locator('.composer .coding-panel').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await unstick.evaluate((el) => (el as Element).remove());
}

describe.skipIf(!runBrowserTests)('coding questions that run the candidate’s code', () => {
  const ctx = useBrowserAndServer();

  async function failPython(page: Page, fn: string, starter: string): Promise<void> {
    // The starter raises: each example fails with the traceback, trimmed to the candidate's code.
    await setCode(page, starter);
    await runExamples(page, 'failed');
    const traceback = results(page).locator('.case-fail .run-error').first();
    expect(await traceback.innerText()).toMatch(/Traceback[\s\S]*NotImplementedError/);

    // A wrong value: each example shows its arguments, what was expected and what came back.
    await setCode(page, `def ${fn}(*args, **kwargs):\n    return "wrong"\n`);
    await runExamples(page, 'failed');
    expect(await results(page).locator('.run-headline').innerText()).toMatch(/^Some failed · 0 of \d+ examples passed/);
    const first = results(page).locator('.case').first();
    expect(await first.locator('.case-head').innerText()).toMatch(/Example 1: failed/);
    expect(await first.locator('.case-values dt').allInnerTexts()).toEqual(['Arguments', 'Expected', 'Actual']);
    expect(await first.locator('.case-values dd').last().innerText()).toBe('"wrong"');
    await panelShot(page, 'coding-python-failing');

    // An endless loop: stopped at the time limit, and said so.
    await setCode(page, `def ${fn}(*args, **kwargs):\n    while True:\n        pass\n`);
    await runExamples(page, 'timeout');
    expect(await results(page).locator('.run-headline').innerText()).toContain('Time limit reached');
    expect(await results(page).locator('.run-error').first().innerText()).not.toBe('');
  }

  async function failSql(page: Page): Promise<void> {
    // An SQL error comes back in SQLite's words.
    await setCode(page, 'SELECT * FROM nowhere');
    await runExamples(page, 'error');
    expect(await results(page).locator('.run-headline').innerText()).toContain('Your code did not run');
    expect(await results(page).locator('pre.run-error').first().innerText()).toContain('no such table: nowhere');

    // A wrong result: the expected and the actual rows side by side, and why they differ.
    await setCode(page, 'SELECT 1 AS wrong');
    await runExamples(page, 'failed');
    const first = results(page).locator('.case').first();
    expect(await first.locator('.case-values dt').allInnerTexts()).toEqual(['Expected', 'Actual']);
    expect(await first.locator('.case-values dd').last().locator('th').allInnerTexts()).toEqual(['wrong']);
    expect(await first.locator('.run-error').innerText()).toMatch(/expected \d+ columns/);
    await panelShot(page, 'coding-sql-failing');
    // The tables scroll inside the panel on a phone; the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await panelShot(page, 'coding-sql-failing-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  test('one Python and one SQL question: failing runs, a fix, passing runs, and the hidden tests on submit', async () => {
    const candidateId = `e2e-coding-${Date.now()}`;
    const created = await fetch(`${ctx.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Two questions: a coding drill alternates languages, so one is Python and one SQL.
      body: JSON.stringify({ role: 'data-analyst', mode: 'drill', stage: 'coding', questionCount: 2, difficulty: 'medium', candidateId }),
    });
    const sessionId = ((await created.json()) as { session: { id: string } }).session.id;

    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: ctx.server.url });
    await context.addInitScript((id) => localStorage.setItem('mockloop:candidate', id), candidateId);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/session/${sessionId}`);

    const solved: string[] = [];
    let phase = await waitForTurn(page);
    while (phase === 'answering') {
      const title = await currentTitle(page);
      const coding = questionByTitle(title).coding!;
      expect(solved, `"${title}" came twice`).not.toContain(coding.language);

      if (coding.language === 'python') await failPython(page, coding.function!, coding.starter);
      else await failSql(page);

      // Fixed: the reference solution passes every visible example.
      await setCode(page, coding.reference);
      await runExamples(page, 'passed');
      const examples = coding.examples.length;
      expect(await results(page).locator('.run-headline').innerText()).toMatch(new RegExp(`^All passed · ${examples} of ${examples} examples passed`));
      expect(await results(page).locator('.case-pass').count()).toBe(examples);
      if (coding.language === 'python') await panelShot(page, 'coding-python-passing');

      // Submit: every test runs, the hidden ones too; the outcome appears under the answer.
      const answered = await page.locator('.msg-candidate').count();
      await page.locator('#answer-box').fill('I build the result in one pass and checked it against the examples and the edge cases first.');
      await page.locator('#answer-box').press('Control+Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.msg-candidate').length > n, answered, { timeout: 60_000 });
      phase = await waitForTurn(page, 60_000);
      const submitted = page.locator('.submitted-run').last();
      const total = examples + coding.tests.length;
      expect(await submitted.getAttribute('data-status')).toBe('passed');
      expect(await submitted.locator('summary').innerText()).toContain(`Tests on your submitted code: all ${total} tests passed, ${coding.tests.length} of them hidden`);
      // Folded when all passed; opened, every hidden test is a plain pass.
      await submitted.locator('summary').click();
      expect(await submitted.locator('.run-split').innerText()).toBe(
        `Examples: ${examples} of ${examples} passed · Hidden tests: ${coding.tests.length} of ${coding.tests.length} passed`,
      );
      expect(await submitted.locator('.case-pass', { hasText: 'Hidden test' }).count()).toBe(coding.tests.length);
      expect(await submitted.locator('.case', { hasText: 'Hidden test' }).locator('.case-values').count()).toBe(0);
      if (solved.length === 0) {
        await page.setViewportSize({ width: 1280, height: 1600 });
        await page.locator('.turn-group').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
        const unstick = await page.addStyleTag({ content: '.room-bar { position: static !important; }' });
        await screenshot(page, 'coding-submitted', false);
        await unstick.evaluate((el) => (el as Element).remove());
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      solved.push(coding.language);

      // A follow-up on the same question gets a short written reply (the code goes with it again).
      while (phase === 'answering' && (await currentTitle(page)) === title) {
        const n = await page.locator('.msg-candidate').count();
        await page.locator('#answer-box').fill('Sorting first would cost O(n log n); one pass with a dictionary is linear.');
        await page.locator('#answer-box').press('Control+Enter');
        await page.waitForFunction((k) => document.querySelectorAll('.msg-candidate').length > k, n, { timeout: 60_000 });
        phase = await waitForTurn(page, 60_000);
      }
    }
    expect(solved.sort()).toEqual(['python', 'sql']);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
