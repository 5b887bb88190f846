/**
 * How an SQL sandbox child is started: a Node process under the permission model that may read
 * only the libSQL packages and its own file. libSQL is a native addon, which the permission model
 * does not confine (hence --allow-addons and its warning); what keeps SQLite inside the database
 * is sql-guard.ts, query_only and the returns-rows check. The process boundary is what makes a
 * runaway query stoppable.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ChildChannel, expectFirstMessage } from './child-channel.ts';

export const SQL_CHILD_FILE = fileURLToPath(new URL('./sql-child.mjs', import.meta.url));

const BOOT_TIMEOUT_MS = 30_000;
/** Up to maxSqlRows rows come back in one line. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface SqlSandboxConfig {
  nodePath: string;
  /** Put in front of the command line (the parent-death guard), or nothing. */
  prefix: string[];
  heapLimitMb: number;
  /** Told about every child as soon as it is spawned (so it can be killed on shutdown). */
  onSpawn?: (channel: ChildChannel) => void;
}

/** The node_modules folder holding libsql and its native binary package. */
function libsqlModulesDir(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('libsql')));
}

export async function bootSqlSandbox(cfg: SqlSandboxConfig, signal: AbortSignal): Promise<ChildChannel> {
  if (signal.aborted) throw new Error('the code runner was closed');
  const args = [
    '--experimental-permission',
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
    '--allow-addons',
    `--allow-fs-read=${libsqlModulesDir()}/`,
    `--allow-fs-read=${SQL_CHILD_FILE}`,
    '--max-old-space-size=256',
    SQL_CHILD_FILE,
    `--heap-mb=${cfg.heapLimitMb}`,
  ];
  const [command, ...prefixArgs] = [...cfg.prefix, cfg.nodePath];
  const channel = new ChildChannel({ command: command!, args: [...prefixArgs, ...args], maxLineBytes: MAX_LINE_BYTES });
  cfg.onSpawn?.(channel);
  await expectFirstMessage(channel, z.object({ type: z.literal('ready') }), 'starting an SQL sandbox', BOOT_TIMEOUT_MS, signal);
  return channel;
}
