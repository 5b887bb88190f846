/**
 * Keeps the Python memory snapshot between runs of the server (and between test files), so a
 * start-up pays Pyodide's full boot only when something that shapes the snapshot changed: Node,
 * Pyodide, the child or the harness (all part of the cache key).
 *
 * The cache is a folder only this user can touch (checked, not assumed: a snapshot is code the
 * sandbox runs). Each runner hard-links the snapshot into its own private folder, named with its
 * pid, so a newer version may prune old snapshots while an older server still boots from its
 * link; folders left by a process that died without closing are swept at the next start.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../deps.ts';

export interface SnapshotFile {
  file: string;
  /** Deletes this runner's private folder (the cache stays). */
  remove: () => void;
  /** Whether it came from the cache (no full boot was needed). */
  cached: boolean;
}

/** A hash of everything that shapes the snapshot's contents (read asynchronously: it is tens of MB). */
export async function snapshotKey(inputs: { files: string[]; extra: string[] }): Promise<string> {
  const hash = createHash('sha256');
  for (const part of inputs.extra) hash.update(`${part}\0`);
  for (const file of inputs.files) hash.update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

export function defaultCacheDir(): string {
  return join(tmpdir(), `mockloop-pyodide-cache-${process.getuid?.() ?? 'user'}`);
}

/** The cache folder, created if needed, or why it cannot be trusted. */
function openCacheDir(dir: string): { ok: true } | { ok: false; why: string } {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return { ok: false, why: `${dir} is not a folder` };
    if (process.getuid && st.uid !== process.getuid()) return { ok: false, why: `${dir} belongs to another user` };
    if ((st.mode & 0o077) !== 0) return { ok: false, why: `${dir} is open to other users (mode ${(st.mode & 0o777).toString(8)})` };
    return { ok: true };
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) };
  }
}

const PRIVATE_PREFIX = 'mockloop-pyodide-run-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes private folders whose runner died without closing (killed, crashed). */
function sweepAbandoned(logger: Logger): void {
  try {
    for (const name of readdirSync(tmpdir())) {
      const pid = Number(new RegExp(`^${PRIVATE_PREFIX}(\\d+)-`).exec(name)?.[1]);
      if (!pid || processAlive(pid)) continue;
      const dir = join(tmpdir(), name);
      if (process.getuid && lstatSync(dir).uid !== process.getuid()) continue;
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (err) {
    logger.warn('code runner: could not sweep old snapshot folders', { error: err instanceof Error ? err.message : String(err) });
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to); // another file system, or links not allowed
  }
}

/**
 * A snapshot for this runner: from the cache when one matches `key`, else made with `make` (which
 * writes the file it is given) and then stored in the cache for next time.
 */
export async function obtainSnapshot(opts: {
  key: string;
  make: (file: string) => Promise<void>;
  cacheDir?: string;
  logger: Logger;
}): Promise<SnapshotFile> {
  sweepAbandoned(opts.logger);
  const privateDir = mkdtempSync(join(tmpdir(), `${PRIVATE_PREFIX}${process.pid}-`));
  const file = join(privateDir, 'python.snapshot');
  const remove = () => rmSync(privateDir, { recursive: true, force: true });
  try {
    const cacheDir = opts.cacheDir ?? defaultCacheDir();
    const cache = openCacheDir(cacheDir);
    if (!cache.ok) opts.logger.warn('code runner: not caching the Python snapshot', { reason: cache.why });
    const cached = join(cacheDir, `${opts.key}.snapshot`);
    if (cache.ok && existsSync(cached)) {
      linkOrCopy(cached, file);
      return { file, remove, cached: true };
    }
    await opts.make(file);
    if (cache.ok) publish(file, cacheDir, opts.key, opts.logger);
    return { file, remove, cached: false };
  } catch (err) {
    remove();
    throw err;
  }
}

/** Stores a fresh snapshot in the cache and drops older ones; a failure only costs the next start time. */
function publish(file: string, cacheDir: string, key: string, logger: Logger): void {
  try {
    // Atomically: a half-written snapshot must never be found under its final name.
    const temp = join(cacheDir, `${key}.${process.pid}.tmp`);
    linkOrCopy(file, temp);
    chmodSync(temp, 0o600);
    renameSync(temp, join(cacheDir, `${key}.snapshot`));
    for (const name of readdirSync(cacheDir)) {
      if (name !== `${key}.snapshot` && name.endsWith('.snapshot')) rmSync(join(cacheDir, name), { force: true });
    }
  } catch (err) {
    logger.warn('code runner: could not cache the Python snapshot', { error: err instanceof Error ? err.message : String(err) });
  }
}
