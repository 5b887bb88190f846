/**
 * A backstop for the Python memory limit. The child caps its wasm heap itself, but code that
 * escapes into the child's JavaScript could allocate outside it; this polls the child's resident
 * size from /proc and reports when it passes the limit. Where /proc does not exist (not Linux)
 * it does nothing, and the in-child cap remains the limit.
 */
import { readFile } from 'node:fs/promises';

const POLL_MS = 100;

async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    // The process is gone or /proc is not there: nothing to watch.
    return undefined;
  }
}

/** Calls `onExceeded` once when the process's resident memory passes `limitBytes`; returns a stop function. */
export function watchMemory(pid: number | undefined, limitBytes: number, onExceeded: () => void): () => void {
  if (pid === undefined) return () => {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const rss = await residentBytes(pid);
    if (stopped) return;
    if (rss !== undefined && rss > limitBytes) {
      stopped = true;
      onExceeded();
      return;
    }
    timer = setTimeout(() => void tick(), POLL_MS);
  };
  timer = setTimeout(() => void tick(), POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
