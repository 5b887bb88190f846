/**
 * Starts the real server as a child process, as `npm start` would (minus the build): offline
 * grader unless told otherwise, a temporary file database, a free port on 127.0.0.1. stop()
 * kills it and cleans up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build.ts';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** The environment without anything that would switch on a model, a token or another database. */
function offlineEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(LLM_|OPENAI_|ACCESS_TOKEN|DATABASE_|QUESTION_PACKS|PORT$|HOST$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** `env` adds settings on top of the offline defaults (a model's LLM_MODEL and LLM_BASE_URL, say). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mockloop-e2e-'));
  const port = await freePort();
  let log = '';
  // One warm Python runner, not the default pool: several browser test files run side by side.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: offlineEnv({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'db')}`, PYTHON_POOL_SIZE: '1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += String(d)));
  child.stderr?.on('data', (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited during start-up (code ${child.exitCode}):\n${log}`);
    }
    try {
      const res = await fetch(`${url}/api/status`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /api/status within 45 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, stop, output: () => log };
}
