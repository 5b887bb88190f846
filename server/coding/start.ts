/** Starts the code runner for the server (wired to the sandbox runner once it lands). */
import type { Logger } from '../deps.ts';
import type { CodeRunner } from './types.ts';

export async function startCodeRunner(_options: { poolSize: number; timeoutMs: number; logger: Logger }): Promise<CodeRunner | undefined> {
  return undefined;
}
