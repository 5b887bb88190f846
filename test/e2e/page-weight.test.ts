/**
 * The first page stays light and fits a phone: measured in a real browser, from the JavaScript
 * it actually downloads, gzipped as a server would send it.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { runBrowserTests, screenshot, watchPageErrors, expectNoSidewaysScroll } from './support/browser.ts';
import { waitForTurn } from './support/room.ts';
import { gradesSettled, playSession } from './support/api-play.ts';

/** The budget for the start page's JavaScript, gzipped. */
const INITIAL_JS_BUDGET = 40 * 1024;

describe.skipIf(!runBrowserTests)('page weight and phone width', () => {
  const ctx = useBrowserAndServer();

  test('the start page downloads little JavaScript, and no editor, chart or career code', async () => {
    const context = await ctx.browser.newContext({ baseURL: ctx.server.url });
    const page = await context.newPage();
    const scripts: Array<{ url: string; gzip: number }> = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scripts.push({ url: res.url(), gzip: gzipSync(await res.body(), { level: 9 }).length });
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await page.locator('input[name="role"]').first().waitFor();
    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    console.log(`initial JavaScript: ${scripts.length} file(s), ${(total / 1024).toFixed(1)} KiB gzipped`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(INITIAL_JS_BUDGET);
    // The editor, the charts and the career pages load only where they are used.
    expect(scripts.some((s) => /codemirror|skill-chart|gap-chart|progress-chart|career-/.test(s.url))).toBe(false);
    await context.close();
  });

  test('at phone width, the start page and the room fit without sideways scrolling', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: ctx.server.url, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/');
    await page.getByRole('radio', { name: /Data Scientist/ }).first().check();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'start-phone');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    expect(await waitForTurn(page)).toBe('answering');
    await page.locator('#answer-box').fill('I moved from physics into data after building a forecasting side project.');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'room-phone', false);

    // A finished drill's report and the history, at the same width.
    const candidateId = `e2e-phone-${Date.now()}`;
    const id = await playSession(ctx.server.url, { role: 'data-scientist', mode: 'drill', stage: 'ml-theory', difficulty: 'medium', candidateId }, { strongStages: ['ml-theory'] });
    await gradesSettled(ctx.server.url, id);
    await page.goto(`/session/${id}/report`);
    await page.locator('.skill-chart svg').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'report-phone');
    await page.evaluate((c) => localStorage.setItem('mockloop:candidate', c), candidateId);
    await page.goto('/history');
    await page.locator('.history-item').first().waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'history-phone');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
