/**
 * A drill started and answered with the keyboard alone, with feedback held back to the end of
 * the stage, in a real browser against the real server (offline, temporary database).
 */
import { describe, expect, test } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import type { Page } from 'playwright-core';
import { runBrowserTests, watchPageErrors } from './support/browser.ts';
import { waitForTurn } from './support/room.ts';

/** Presses Tab until the focused element matches `selector` (at most 40 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.skipIf(!runBrowserTests)('a drill with the keyboard only', () => {
  const ctx = useBrowserAndServer();

  test('start a drill, answer every question with Ctrl+Enter, and see the stage feedback only when the stage ends', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1100, height: 900 }, baseURL: ctx.server.url });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/');
    await page.locator('input[name="role"]').first().waitFor();

    // Role: arrow keys move within the radio group, as in any native form.
    await tabTo(page, 'input[name="role"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="role"]:checked').getAttribute('value')).toBe('product-data-scientist');
    await tabTo(page, 'input[name="mode"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="mode"]:checked').getAttribute('value')).toBe('drill');
    await tabTo(page, 'input[name="stage"]');
    await page.keyboard.press('ArrowDown'); // ml-theory (the default) -> coding
    await page.keyboard.press('ArrowDown'); // -> case-study
    expect(await page.locator('input[name="stage"]:checked').getAttribute('value')).toBe('case-study');
    await tabTo(page, 'input[name="difficulty"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('input[name="difficulty"]:checked').getAttribute('value')).toBe('easy');
    await tabTo(page, 'input[name="feedback"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="feedback"]:checked').getAttribute('value')).toBe('stage');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');

    expect(await waitForTurn(page)).toBe('answering');
    expect(await page.locator('.room-heading h1').innerText()).toContain('Drill: Case study');
    // The answer box has the focus: the candidate can type at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-box');

    let sawHidden = false;
    for (let turn = 0; ; turn++) {
      expect(turn).toBeLessThan(15);
      const before = await page.locator('.msg-candidate').count();
      await page.keyboard.type('I would frame the goal and a metric first, then build a simple baseline before anything fancy.');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.msg-candidate').length > n, before);
      const phase = await waitForTurn(page);
      if (phase === 'closed') break;
      if ((await page.getByText('shown when the stage ends').count()) > 0) sawHidden = true;
      expect(await page.locator('.grade-details').count(), 'no grade is shown before the stage ends').toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-box');
    }
    expect(sawHidden).toBe(true);
    // The stage is over: every answer's feedback is now there, with a verdict for the stage.
    await page.waitForFunction(() => document.querySelectorAll('.grade-details').length >= 3 && !document.querySelector('.grading'), undefined, {
      timeout: 20_000,
    });
    expect(await page.getByText('shown when the stage ends').count()).toBe(0);
    await page.locator('.stage-result .verdict').waitFor();

    // Keyboard to the report.
    await tabTo(page, 'a[href$="/report"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Verdict by stage' }).waitFor();
    expect(await page.locator('.stage-card').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
