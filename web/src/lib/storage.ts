/**
 * localStorage that never throws: private windows and full quotas must not break the interview,
 * they only lose the convenience (drafts, remembered choices).
 */
export function readItem(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage full or blocked: the draft lives on in the page, only reload-safety is lost.
  }
}

/** Keys under a prefix (used to drop a finished session's drafts). */
export function keysWithPrefix(prefix: string): string[] {
  try {
    const ls = globalThis.localStorage;
    if (!ls) return [];
    const out: string[] = [];
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i);
      if (k?.startsWith(prefix)) out.push(k);
    }
    return out;
  } catch {
    return [];
  }
}
