/**
 * Builds the web app once before the browser tests, when dist/ is missing or older than any web
 * source. A lock directory keeps parallel test files from building over each other.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
const DIST_INDEX = join(ROOT, 'dist', 'index.html');
const LOCK = join(tmpdir(), `mockloop-web-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  const sources = Math.max(newestMtime(join(ROOT, 'web')), newestMtime(join(ROOT, 'vite.config.ts')));
  return sources > built;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureWebBuilt(): Promise<void> {
  for (let waited = 0; isStale(); waited += 250) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Someone else is building; a lock older than two minutes is left from a crashed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (waited > 120_000) throw new Error('Timed out waiting for another web build to finish.');
      await sleep(250);
      continue;
    }
    try {
      if (isStale()) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
