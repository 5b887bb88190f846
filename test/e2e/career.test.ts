/**
 * Career fit in a real browser against the real server (offline, temporary database): a candidate
 * rates the eight skills, analyses a posting whose title hides the real role, sees the gap report
 * and makes a plan, runs "Drill my weakest", and sees the gap report, a new plan and the progress
 * charts take the graded answers in; the plan is then edited and exported. Every career page is
 * photographed at laptop and phone width (screenshots/, git-ignored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import type { Page } from 'playwright-core';
import { gradesSettled } from './support/api-play.ts';
import { questionByTitle, referenceCode, strongAnswer } from './support/answers.ts';
import { runBrowserTests, screenshot, watchPageErrors, expectNoSidewaysScroll } from './support/browser.ts';
import { ROOT } from './support/build.ts';
import { answer, currentTitle, isCoding, setCode, waitForTurn } from './support/room.ts';

/** A posting titled "Data Scientist" whose duties are an ML engineer's (test/fixtures/job-descriptions). */
const FIXTURE = join(ROOT, 'test/fixtures/job-descriptions/dev-05-mle-live-service-as-ds-title.md');
const posting = () => readFileSync(FIXTURE, 'utf8').split('---\n').slice(2).join('---\n').trim();

/** Machine learning rated well below an ML engineer's target: it becomes the top gap, drilled in ML theory. */
const RATINGS: Record<string, string> = {
  'Programming tools': '3 · very experienced',
  'Data visualization and communication': '2 · experienced',
  'Data intuition': '2 · experienced',
  Statistics: '2 · experienced',
  'Data wrangling': '2 · experienced',
  'Machine learning (theory and algorithms)': '1 · beginner',
  'Software engineering': '2 · experienced',
  'Multivariable calculus and linear algebra': '2 · experienced',
};
const ML = 'Machine learning (theory and algorithms)';

const gapCard = (page: Page, skill: string) => page.locator('.gap-card', { has: page.getByRole('heading', { level: 3, name: skill, exact: true }) });

describe.skipIf(!runBrowserTests)('career fit in a real browser', () => {
  const ctx = useBrowserAndServer();

  test('rate skills, analyse a posting, drill the weakest, and see the gaps, the plan and the progress update', async () => {
    const candidateId = `e2e-career-${Date.now()}`;
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: ctx.server.url, acceptDownloads: true });
    await context.addInitScript((id) => localStorage.setItem('mockloop:candidate', id), candidateId);
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // 1. The self-assessment, reached from the header.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Career' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your skills' }).waitFor();
    for (const [skill, level] of Object.entries(RATINGS)) await page.getByRole('group', { name: skill, exact: true }).getByRole('radio', { name: level }).check();
    await page.getByRole('checkbox', { name: /Machine Learning Engineer/ }).check();
    await page.getByRole('button', { name: 'Save my self-assessment' }).click();
    await page.getByText(/^Saved /).waitFor();
    // A second save, a week of study later: the history shows the step.
    await page.getByRole('group', { name: 'Statistics', exact: true }).getByRole('radio', { name: '3 · very experienced' }).check();
    expect(await page.getByRole('group', { name: 'Statistics', exact: true }).innerText()).toContain('was 2, now 3');
    await page.getByRole('button', { name: 'Save my self-assessment' }).click();
    await page.getByText('2 saves', { exact: false }).waitFor();
    expect(await page.locator('tr[data-skill="statistics"] .rating-step').allInnerTexts()).toEqual(['2', '3']);
    await screenshot(page, 'career-profile');

    // 2. A posting titled "Data Scientist" that is really an ML engineer's job.
    await page.getByRole('navigation', { name: 'Career fit' }).getByRole('link', { name: 'Postings' }).click();
    await page.getByLabel('Posted title (optional)').fill('Senior Data Scientist - Machine Learning (Social)');
    await page.getByLabel('The posting').fill(posting());
    await page.getByRole('button', { name: 'Analyse the posting' }).click();
    await page.locator('.role-verdict').waitFor();
    expect(page.url()).toMatch(/\/career\/jobs\/[\w-]+$/);
    const jobPath = new URL(page.url()).pathname;
    expect(await page.locator('.role-verdict .role-name').innerText()).toBe('Machine Learning Engineer');
    expect(await page.locator('.role-verdict .confidence').innerText()).toMatch(/confidence .*\d+% of the phrase points · runner-up/);
    expect(await page.getByRole('note').innerText()).toMatch(/^Title and duties differ\. Posted as Senior Data Scientist/);
    expect(await page.locator('.phrase-hit mark').count()).toBeGreaterThan(2);
    expect(await page.getByRole('region', { name: 'Skills it stresses' }).innerText()).toContain('Software engineering');
    expect(await page.getByRole('region', { name: 'Asks candidates overlook' }).getByRole('heading', { level: 3 }).allInnerTexts()).toContain('Version control (git)');
    expect(await page.getByRole('button', { name: 'Start a mock loop tailored to this posting' }).isEnabled()).toBe(true);
    await screenshot(page, 'career-job');

    // 3. The gap report before any graded answer: the self-rating stands in, evidence is missing.
    await page.getByRole('navigation', { name: 'Career fit' }).getByRole('link', { name: 'Gaps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your gaps for Machine Learning Engineer' }).waitFor();
    await page.getByRole('img', { name: /Target, self-rating and demonstrated level/ }).waitFor();
    expect(await page.getByText('and 0 graded answers.').count()).toBe(1);
    expect(await gapCard(page, ML).locator('.gap-status').innerText()).toBe('#1 gap: 2 levels short');
    expect(await page.locator('.no-evidence').count()).toBe(8);

    // ...and a first plan from it: three months, built from the ratings.
    await page.getByRole('link', { name: 'Make a learning plan' }).click();
    await page.getByRole('radio', { name: '3 months' }).check();
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.locator('.milestone').first().waitFor();
    const firstPlanUrl = page.url();
    await page.getByText(/^Built from your gaps/).click();
    expect(await page.locator('.plan-basis tr', { hasText: ML }).innerText()).toContain('your rating');
    expect(await page.getByRole('region', { name: /^Reach out/ }).count()).toBe(0);

    // 4. "Drill my weakest": the drill aims at machine learning; every answer is a strong one.
    await page.goto('/career/gaps');
    await page.getByRole('button', { name: 'Drill my weakest' }).click();
    expect(await waitForTurn(page)).toBe('answering');
    const drillId = /\/session\/([\w-]+)$/.exec(page.url())![1]!;
    expect(await page.locator('.room-heading h1').innerText()).toContain('Drill: ML theory');
    for (let turn = 0, phase: string = 'answering'; phase === 'answering'; turn++) {
      expect(turn).toBeLessThan(12);
      const title = await currentTitle(page);
      if (await isCoding(page)) await setCode(page, referenceCode(title)!);
      const followUp = (await page.locator('.msg').last().getAttribute('class'))?.includes('msg-follow-up');
      phase = await answer(page, followUp ? 'I would check it on a held-out set first.' : strongAnswer(questionByTitle(title).title));
    }
    await gradesSettled(ctx.server.url, drillId);

    // 5. From the drill's report to the gaps: the answers are evidence now.
    await page.getByRole('link', { name: 'See your report' }).click();
    await page.getByRole('heading', { name: 'Verdict by stage' }).waitFor();
    await page.getByRole('link', { name: 'See your gaps and plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your gaps for Machine Learning Engineer' }).waitFor();
    expect(page.url()).toContain('/career/gaps?role=ml-engineer');
    const graded = Number(/and (\d+) graded answers?\./.exec(await page.locator('.career-head').innerText())![1]);
    expect(graded).toBeGreaterThanOrEqual(3);
    const ml = gapCard(page, ML);
    expect(await ml.innerText()).toMatch(/Your answers show\s*\d \([a-z ]+\) · mean [\d.]+ of 4 over \d+ answers/);
    expect(await ml.innerText()).toContain('Measured from\nyour graded answers');
    // Strong answers show more than the "beginner" rating: flagged, and the gap closes.
    expect(await ml.locator('.flag-self-lower').innerText()).toMatch(/^Your answers show more than you claim\./);
    expect(await ml.locator('.gap-status').innerText()).not.toMatch(/^#1 gap: 2 levels short/);
    expect(await page.locator('.stage-levels li', { hasText: 'ML theory' }).innerText()).toMatch(/ML theory\s+[\d.]+ of 4 · \d+ answers/);
    expect(await page.locator('.no-evidence').count()).toBeLessThan(8);
    await screenshot(page, 'career-gaps');

    // 6. A new plan takes the answers in; it is edited and exported.
    await page.getByRole('link', { name: 'Make a learning plan' }).click();
    await page.getByRole('radio', { name: '6 months' }).check();
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.locator('.milestone').first().waitFor();
    expect(page.url()).not.toBe(firstPlanUrl);
    const planPath = new URL(page.url()).pathname;
    await page.getByText(/^Built from your gaps/).click();
    expect(await page.locator('.plan-basis tr', { hasText: ML }).innerText()).toContain('your answers');
    await page.getByRole('region', { name: /^Reach out/ }).waitFor();
    const total = await page.locator('.milestone').count();
    expect(await page.locator('.plan-progress').innerText()).toContain(`0 of ${total} milestones done`);

    const first = page.locator('.milestone').first();
    const firstTitle = await first.locator('.milestone-title').innerText();
    await first.getByRole('checkbox').check();
    await page.getByText(`1 of ${total} milestones done`).waitFor();
    await first.getByRole('button', { name: /^Edit:/ }).click();
    await first.getByLabel('Notes').fill('Started with the scraping script.');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.locator('.milestone-notes').waitFor();

    const add = page.getByRole('form', { name: 'Add a milestone' });
    await add.getByLabel('Title').fill('Mock interview with a friend who is an ML engineer');
    await add.getByLabel('Due').fill((await page.locator('.milestone time').nth(2).getAttribute('datetime'))!);
    await add.getByRole('button', { name: 'Add to the plan' }).click();
    await page.locator('.milestone-title', { hasText: 'Mock interview with a friend' }).waitFor();

    const doomed = page.locator('.milestone', { hasText: 'Six-month review' });
    await doomed.getByRole('button', { name: /^Delete:/ }).click();
    await doomed.getByRole('button', { name: 'Delete it' }).click();
    await page.locator('.milestone', { hasText: 'Six-month review' }).waitFor({ state: 'detached' });
    expect(await page.locator('.plan-progress').innerText()).toContain(`1 of ${total} milestones done`); // one added, one deleted
    await screenshot(page, 'career-plan');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mockloop-plan-ml-engineer-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Learning plan: Machine Learning Engineer \(6 months\)/);
    expect(markdown).toContain(`- [x] `);
    expect(markdown).toContain(firstTitle.replace(/\s*\n\s*/g, ' '));
    expect(markdown).toContain('Started with the scraping script.');
    expect(markdown).toContain('Mock interview with a friend who is an ML engineer');
    expect(markdown).not.toContain('Six-month review');

    await page.goto('/career/plans');
    await page.locator('.plan-list li').nth(1).waitFor();
    expect(await page.locator('.plan-list li').count()).toBe(2);

    // 7. Progress: the drill is a point on the ML theory and machine learning charts.
    await page.getByRole('navigation', { name: 'Career fit' }).getByRole('link', { name: 'Progress' }).click();
    const mlTheory = page.getByRole('region', { name: 'By stage' }).getByRole('img', { name: /^ML theory: level per session/ });
    await mlTheory.waitFor();
    expect(await mlTheory.locator('circle.pc-point').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'By skill' }).getByRole('img', { name: new RegExp(`^${ML.replace(/[()]/g, '\\$&')}`) }).count()).toBe(1);
    await screenshot(page, 'career-progress');
    expect(errors).toEqual([]);

    // 8. The same pages at phone width: nothing scrolls sideways.
    const phone = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: ctx.server.url, isMobile: true, hasTouch: true });
    await phone.addInitScript((id) => localStorage.setItem('mockloop:candidate', id), candidateId);
    const small = await phone.newPage();
    const phoneErrors = watchPageErrors(small);
    for (const [name, path, ready] of [
      ['career-profile-phone', '/career', '.rating-history'],
      ['career-job-phone', jobPath, '.tailor'],
      ['career-gaps-phone', '/career/gaps', '.gap-chart-box svg'],
      ['career-plan-phone', planPath, '.milestone'],
      ['career-progress-phone', '/career/progress', '.progress-chart svg'],
    ] as const) {
      await small.goto(path);
      await small.locator(ready).first().waitFor();
      await expectNoSidewaysScroll(small);
      await screenshot(small, name);
    }
    expect(phoneErrors).toEqual([]);
    await phone.close();
    await context.close();
  }, 180_000);
});
