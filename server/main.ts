/**
 * The one place that reads configuration and wires the real parts: the libSQL database, the
 * question bank, the prompts, the model client (or the offline grader), the code runner and the
 * grade worker; then serves the API and the built web app.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { BankError, loadBank } from './bank/load.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDb } from './db/open.ts';
import type { Deps, Logger } from './deps.ts';
import { defaultWorkerOptions, GradeWorker } from './grading/worker.ts';
import { SessionEvents } from './interview/events.ts';
import { FairLimiter } from './llm/limiter.ts';
import { withLimiter } from './llm/limited-client.ts';
import { OpenAiLlmClient } from './llm/openai-client.ts';
import { loadPrompts, PromptError } from './prompts/load.ts';
import { startCodeRunner } from './coding/start.ts';
import { loadCareer } from './career/load.ts';

const ROOT = resolve(import.meta.dirname, '..');

const logger: Logger = {
  info: (msg, data) => console.log(`[mockloop] ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`),
  warn: (msg, data) => console.warn(`[mockloop] warning: ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`),
  error: (msg, data) => console.error(`[mockloop] error: ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`),
};

function fail(message: string): never {
  console.error(`[mockloop] cannot start.\n${message}`);
  process.exit(1);
}

async function main() {
  let config;
  let bank;
  let prompts;
  let career;
  try {
    config = loadConfig();
    bank = loadBank(resolve(ROOT, 'question-bank'), config.questionPacks.map((p) => resolve(p)));
    career = loadCareer(bank);
    prompts = loadPrompts(resolve(ROOT, 'prompts'));
  } catch (err) {
    if (err instanceof ConfigError || err instanceof BankError || err instanceof PromptError) fail(err.message);
    throw err;
  }

  const { db, close: closeDb } = await openDb(config.databaseUrl, config.databaseAuthToken);
  const llm = config.llm ? withLimiter(new OpenAiLlmClient(config.llm), new FairLimiter(config.llmMaxConcurrency)) : undefined;
  const runner = await startCodeRunner({ poolSize: config.pythonPoolSize, timeoutMs: config.codeTimeoutMs, logger });

  const deps: Deps = {
    db,
    bank,
    career,
    prompts,
    llm,
    runner,
    clock: Date.now,
    ids: () => randomBytes(16).toString('base64url'),
    random: Math.random,
    logger,
    events: new SessionEvents(),
    limits: { maxAnswerChars: config.maxAnswerChars, maxCodeChars: 100_000, maxBodyBytes: Math.max(256_000, config.maxAnswerChars * 4 + 200_000) },
  };
  const worker = new GradeWorker(deps, defaultWorkerOptions(`server-${randomBytes(6).toString('hex')}`, config.gradeLeaseMs));
  worker.start();

  const app = createApp(deps, { accessToken: config.accessToken, webDist: resolve(ROOT, 'dist') });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const shownHost = config.host === '127.0.0.1' ? 'localhost' : config.host;
    logger.info(`listening on http://${shownHost}:${info.port}`);
    logger.info(
      llm
        ? `grader: model ${llm.model}${config.llm?.baseURL ? ` at ${config.llm.baseURL}` : ''} (offline grader as fallback)`
        : 'grader: OFFLINE (no model configured: set LLM_MODEL and LLM_BASE_URL or LLM_API_KEY to use one)',
    );
    logger.info(`question bank ${bank.version}: ${bank.questions.length} questions${bank.packs.length ? `, packs: ${bank.packs.map((p) => p.id).join(', ')}` : ''}`);
    logger.info(`database: ${config.databaseUrl}`);
    if (runner) {
      const s = runner.status();
      logger.info(`code runner: python ${s.python.networkIsolated ? 'network-isolated' : 'NOT network-isolated'} (${s.python.isolationNote})`);
    } else logger.warn('code runner unavailable: coding answers are stored and graded, but code is not run');
    if (config.accessToken) logger.info('access token required on every API call');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    server.close();
    await worker.stop();
    await runner?.close();
    closeDb();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (err) => logger.error('unhandled rejection', { error: String(err) }));
}

void main();
