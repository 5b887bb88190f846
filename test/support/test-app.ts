/**
 * Builds the real app for a test: a real libSQL database (in memory unless a file URL is given),
 * the real bank and prompts, the offline grader unless an LLM client is passed, and a grade
 * worker the test can drain.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createApp, type AppOptions } from '../../server/app.ts';
import { loadBank, type Bank } from '../../server/bank/load.ts';
import type { CodeRunner } from '../../server/coding/types.ts';
import { openDb } from '../../server/db/open.ts';
import { silentLogger, type Deps } from '../../server/deps.ts';
import { defaultWorkerOptions, GradeWorker, type GradeWorkerOptions } from '../../server/grading/worker.ts';
import { SessionEvents } from '../../server/interview/events.ts';
import type { LlmClient } from '../../server/llm/types.ts';
import { loadPrompts } from '../../server/prompts/load.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
let cachedBank: Bank | undefined;
export const realBank = () => (cachedBank ??= loadBank(resolve(ROOT, 'question-bank')));
export const realPrompts = () => loadPrompts(resolve(ROOT, 'prompts'));

export interface TestAppOptions {
  llm?: LlmClient;
  runner?: CodeRunner;
  dbUrl?: string;
  bank?: Bank;
  worker?: Partial<GradeWorkerOptions>;
  startWorker?: boolean;
  app?: AppOptions;
  limits?: Partial<Deps['limits']>;
  random?: () => number;
}

export async function makeTestApp(o: TestAppOptions = {}) {
  const opened = await openDb(o.dbUrl ?? ':memory:');
  const deps: Deps = {
    db: opened.db,
    bank: o.bank ?? realBank(),
    prompts: realPrompts(),
    llm: o.llm,
    runner: o.runner,
    clock: Date.now,
    ids: () => randomBytes(12).toString('base64url'),
    random: o.random ?? Math.random,
    logger: silentLogger,
    events: new SessionEvents(),
    limits: { maxAnswerChars: 20_000, maxCodeChars: 100_000, maxBodyBytes: 300_000, ...o.limits },
  };
  const worker = new GradeWorker(deps, { ...defaultWorkerOptions('test-worker', 2_000), pollMs: 50, backoffMs: () => 10, ...o.worker });
  if (o.startWorker !== false) worker.start();
  const app = createApp(deps, o.app);
  return {
    app,
    deps,
    worker,
    async json<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await app.request(path, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let data: T;
      try {
        data = JSON.parse(text) as T;
      } catch {
        data = text as T;
      }
      return { status: res.status, body: data, headers: res.headers };
    },
    async close() {
      await worker.stop(1000);
      opened.close();
    },
  };
}
