/**
 * Starts the sandboxed code runner for the server and waits until it can take a warm run, so the
 * start-up log can say whether Python is network-isolated. A language that cannot start does not
 * stop the server: its runs answer "unavailable" and status() says why.
 */
import type { Logger } from '../deps.ts';
import { createCodeRunner } from './code-runner.ts';
import type { CodeRunner } from './types.ts';

export async function startCodeRunner(options: { poolSize: number; timeoutMs: number; logger: Logger }): Promise<CodeRunner | undefined> {
  const runner = createCodeRunner({ pythonPoolSize: options.poolSize, timeLimitMs: options.timeoutMs, logger: options.logger });
  const status = await runner.ready();
  if (!status.python.ready) options.logger.warn(`code runner: Python is not ready (${status.python.isolationNote})`);
  if (!status.sql.ready) options.logger.warn('code runner: SQL is not ready (see the errors above)');
  return runner;
}
