/**
 * Who this browser is to the server: a candidate id made once per browser, and the access token
 * when the server asks for one. Both live in localStorage.
 */
import { readItem, writeItem } from './storage.ts';

const CANDIDATE_KEY = 'mockloop:candidate';
const TOKEN_KEY = 'mockloop:token';

/** A random id; getRandomValues works on plain http too, where crypto.randomUUID is missing. */
function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'c-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function candidateId(): string {
  const known = readItem(CANDIDATE_KEY);
  if (known && /^[A-Za-z0-9_.@-]{1,64}$/.test(known)) return known;
  const id = newId();
  writeItem(CANDIDATE_KEY, id);
  return id;
}

export const accessToken = (): string | null => readItem(TOKEN_KEY);
export const saveAccessToken = (token: string | null): void => writeItem(TOKEN_KEY, token?.trim() || null);
