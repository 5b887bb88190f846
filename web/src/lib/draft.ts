/**
 * Drafts survive a reload or a closed tab: the written answer is kept per interviewer message
 * (a follow-up starts a fresh draft), the code per question (it carries across follow-ups).
 */
import { keysWithPrefix, readItem, writeItem } from './storage.ts';

const textKey = (sessionId: string, messageId: string) => `mockloop:draft:${sessionId}:${messageId}`;
const codeKey = (sessionId: string, itemId: string) => `mockloop:code:${sessionId}:${itemId}`;

export const loadTextDraft = (sessionId: string, messageId: string) => readItem(textKey(sessionId, messageId)) ?? '';
export const saveTextDraft = (sessionId: string, messageId: string, text: string) => writeItem(textKey(sessionId, messageId), text || null);
export const clearTextDraft = (sessionId: string, messageId: string) => writeItem(textKey(sessionId, messageId), null);

export const loadCodeDraft = (sessionId: string, itemId: string) => readItem(codeKey(sessionId, itemId));
export const saveCodeDraft = (sessionId: string, itemId: string, code: string) => writeItem(codeKey(sessionId, itemId), code);

/** A finished session needs no drafts: free the storage. */
export function clearSessionDrafts(sessionId: string): void {
  for (const k of [...keysWithPrefix(`mockloop:draft:${sessionId}:`), ...keysWithPrefix(`mockloop:code:${sessionId}:`)]) writeItem(k, null);
}
