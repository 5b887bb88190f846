/**
 * Debian's chromium driven by playwright-core (which never downloads a browser). Missing
 * chromium skips the browser tests on a developer machine but fails them loudly under CI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './build.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
export const chromiumPresent = existsSync(CHROMIUM);
/** Run the browser tests when chromium is here, and always under CI (where its absence fails). */
export const runBrowserTests = chromiumPresent || inCI;

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPresent)
    throw new Error(`Chromium is missing at ${CHROMIUM}: the end-to-end tests cannot run. Install it with: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const SCREENSHOTS = join(ROOT, 'screenshots');

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Collects uncaught errors and console errors of the page, for the test to assert none happened.
 * `expectedStatuses`: HTTP errors the test provokes on purpose (the browser logs each one).
 */
export function watchPageErrors(page: Page, expectedStatuses: number[] = [503]): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const status = /status of (\d{3})/.exec(m.text())?.[1];
    if (status && expectedStatuses.includes(Number(status))) return;
    errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * The page does not scroll sideways. Polled: after a viewport change, the editor and the charts
 * re-measure themselves over a frame or two, and only the settled layout counts.
 */
export async function expectNoSidewaysScroll(page: Page, timeout = 3_000): Promise<void> {
  const measure = () =>
    page.evaluate(() => {
      const width = window.innerWidth;
      // The outermost elements that stick out, to name the culprit when this fails.
      const culprits = Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > width + 1 && el.parentElement && el.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).replace(/\s+/g, '.')}`);
      return { over: document.documentElement.scrollWidth - width, culprits };
    });
  await expect.poll(async () => (await measure()).over, { timeout }).toBeLessThanOrEqual(0).catch(async (err) => {
    throw new Error(`the page scrolls sideways by ${(await measure()).over} px; sticking out: ${(await measure()).culprits.join(', ')}`, { cause: err });
  });
}
