/**
 * Safe reads of createResource: reading a failed resource throws into the page, so views read
 * the value only when there is one, and show the error (the server's message) beside it.
 */
import type { Resource } from 'solid-js';

export const valueOf = <T,>(r: Resource<T>): T | undefined => (r.state === 'ready' || r.state === 'refreshing' ? r() : undefined);

export const errorOf = (r: Resource<unknown>): string | null => (r.error ? (r.error instanceof Error ? r.error.message : String(r.error)) : null);
