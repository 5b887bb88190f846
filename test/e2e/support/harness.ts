/**
 * The usual set-up of a browser test file: chromium, the built web app and a real server
 * (offline, temporary database), started once before the file's tests and stopped after.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { ensureWebBuilt } from './build.ts';
import { startServer, type RunningServer } from './server.ts';

export function useBrowserAndServer(env: Record<string, string> = {}): { readonly browser: Browser; readonly server: RunningServer } {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuilt();
    server = await startServer(env);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
  };
}
