/** Steps a candidate takes in the interview room, as a browser user would take them. */
import type { Page } from 'playwright-core';

export type RoomPhase = 'answering' | 'closed';

/** Waits until the interviewer has spoken and the room waits for an answer (or has closed). */
export async function waitForTurn(page: Page, timeout = 20_000): Promise<RoomPhase> {
  await page.waitForSelector('.room[data-phase="answering"], .room[data-phase="closed"], .room[data-phase="error"]', { timeout });
  const phase = await page.getAttribute('.room', 'data-phase');
  if (phase === 'error') throw new Error(`The room shows an error: ${await page.locator('.note-error').first().innerText()}`);
  return phase as RoomPhase;
}

/** The title of the question being answered now (the last question on the page). */
export async function currentTitle(page: Page): Promise<string> {
  return (await page.locator('.turn-group .question-title').last().innerText()).trim();
}

export async function isCoding(page: Page): Promise<boolean> {
  return (await page.locator('.coding-panel').count()) > 0;
}

/** Replaces the editor's code, as typing would (insertText keeps the indentation exact). */
export async function setCode(page: Page, code: string): Promise<void> {
  const editor = page.locator('.cm-content');
  await editor.waitFor({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(code);
}

/** Writes the answer, submits it with Ctrl+Enter and waits for the interviewer's next turn. */
export async function answer(page: Page, text: string): Promise<RoomPhase> {
  const before = await page.locator('.msg-candidate').count();
  const box = page.locator('#answer-box');
  await box.fill(text);
  await box.press('Control+Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.msg-candidate').length > n, before, { timeout: 20_000 });
  return waitForTurn(page);
}
