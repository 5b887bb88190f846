/**
 * History in a real browser: every past session with its verdicts, filters, a transcript opened,
 * an answer re-graded and the transcript exported as Markdown.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { gradesSettled, getJson, playSession } from './support/api-play.ts';
import { runBrowserTests, screenshot, watchPageErrors } from './support/browser.ts';

describe.skipIf(!runBrowserTests)('history, transcript, re-grade and export', () => {
  const ctx = useBrowserAndServer();

  test('lists past sessions with verdicts, filters them, opens a transcript, re-grades an answer and exports it', async () => {
    const candidateId = `e2e-history-${Date.now()}`;
    const loopId = await playSession(
      ctx.server.url,
      { role: 'ml-engineer', mode: 'loop', difficulty: 'medium', candidateId },
      { strongStages: ['coding', 'case-study', 'behavioral'] },
    );
    const drillId = await playSession(ctx.server.url, { role: 'data-engineer', mode: 'drill', stage: 'coding', difficulty: 'easy', candidateId }, { answers: 1 });
    await gradesSettled(ctx.server.url, loopId);

    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: ctx.server.url, acceptDownloads: true });
    // This browser is that candidate: the id the app keeps in localStorage.
    await context.addInitScript((id) => localStorage.setItem('mockloop:candidate', id), candidateId);
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/history');
    await page.locator('.history-item').nth(1).waitFor();
    expect(await page.locator('.history-item').count()).toBe(2);
    const loopRow = page.locator('.history-item', { hasText: 'Machine Learning Engineer' });
    expect(await loopRow.innerText()).toContain('Full loop');
    expect(await loopRow.innerText()).toContain('Finished');
    expect(await loopRow.locator('.stage-verdicts li').count()).toBe(5);
    expect(await loopRow.locator('.stage-verdicts .verdict').first().innerText()).toMatch(/hire/i);
    const drillRow = page.locator('.history-item', { hasText: 'Data Engineer' });
    expect(await drillRow.innerText()).toContain('Drill: Coding');
    expect(await drillRow.getByRole('link', { name: 'Resume' }).count()).toBe(1);
    await screenshot(page, 'history');

    // Filters: by mode, then by status; they live in the address.
    await page.getByLabel('Mode').selectOption('drill');
    await page.waitForFunction(() => document.querySelectorAll('.history-item').length === 1);
    expect(page.url()).toContain('mode=drill');
    expect(await page.locator('.history-item').innerText()).toContain('Data Engineer');
    await page.getByLabel('Mode').selectOption('');
    await page.getByLabel('Status').selectOption('finished');
    await page.waitForFunction(() => document.querySelectorAll('.history-item').length === 1 && document.querySelector('.history-item')!.textContent!.includes('Machine Learning'));
    await page.getByLabel('Status').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('.history-item').length === 2);

    // The whole graded transcript.
    await page.locator('.history-item', { hasText: 'Machine Learning Engineer' }).getByRole('link', { name: 'Transcript' }).click();
    await page.getByText('Graded transcript').waitFor();
    const view = await getJson<{ items: Array<{ id: string; question: { title: string } | null }> }>(`${ctx.server.url}/api/sessions/${loopId}`);
    expect(await page.locator('.question-title').count()).toBe(view.items.length);
    expect(await page.locator('.grade-details[open]').count()).toBe(view.items.length);
    expect(await page.locator('mark.evidence').count()).toBeGreaterThan(0);
    await screenshot(page, 'transcript', false);

    // Re-grade the first answer: a new attempt, graded again, shown in place.
    await page.getByRole('button', { name: 'Re-grade this answer' }).first().click();
    const first = view.items[0]!.id;
    for (let i = 0; i < 100; i++) {
      const now = await getJson<{ items: Array<{ id: string; grade: { attempt: number; status: string } | null }> }>(`${ctx.server.url}/api/sessions/${loopId}`);
      const g = now.items.find((x) => x.id === first)!.grade!;
      if (g.attempt === 2 && g.status === 'done') break;
      expect(i).toBeLessThan(99);
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.waitForFunction(() => !document.querySelector('.grading') && document.querySelectorAll('.grade-details').length > 0);

    // Export as Markdown: a real download with the server's file name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mockloop-ml-engineer-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Mock interview: Machine Learning Engineer \(full loop\)/);
    expect(markdown).toContain('## Verdicts by stage');

    // The unfinished drill resumes from history.
    await page.goto('/history');
    await page.locator('.history-item', { hasText: 'Data Engineer' }).getByRole('link', { name: 'Resume' }).click();
    await page.waitForSelector('.room[data-phase="answering"]');
    expect(page.url()).toContain(`/session/${drillId}`);
    expect(await page.locator('.msg-candidate').count()).toBe(1);

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
