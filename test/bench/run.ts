/**
 * `npm run bench`: the speed figures of this machine, each beside a baseline measured in the same
 * run (the machine is shared and noisy, so medians and ratios matter, not absolute numbers).
 * Starts the real HTTP server on 127.0.0.1 with a temporary file database; the "model" is the
 * fake OpenAI-compatible server with a fixed latency.
 */
import { mkdtempSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { OpenAiLlmClient } from '../../server/llm/openai-client.ts';
import { FakeOpenAi } from '../support/fake-openai.ts';
import { startHttpServer } from '../support/http-server.ts';
import { codingBench } from './coding.ts';
import { spawn } from 'node:child_process';
import { loadBank } from '../../server/bank/load.ts';
import { spawnServer } from '../support/spawn-server.ts';
import { ROOT } from '../support/test-app.ts';

const quick = process.argv.includes('--quick');
const N = quick ? 60 : 300;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function bareBaseline(): Promise<{ med: number; p99: number }> {
  const app = new Hono().get('/ping', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
  for (let i = 0; i < 50; i++) await (await fetch(url)).json();
  const times: number[] = [];
  for (let i = 0; i < N; i++) times.push(await timed(async () => (await fetch(url)).json()));
  server.close();
  return { med: median(times), p99: quantile(times, 0.99) };
}

async function apiLatency(base: { med: number; p99: number }) {
  const s = await startHttpServer({ dbUrl: `file:${join(mkdtempSync(join(tmpdir(), 'bench-')), 'db.sqlite')}` });
  const bank = s.deps.bank;
  const create: number[] = [];
  const answer: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < N; i++) {
    let id = '';
    create.push(await timed(async () => (id = (await s.call('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 1, candidateId: `c${i}` })).body.session.id)));
    const turn = (await s.call('POST', `/api/sessions/${id}/next`)).body;
    const text = bank.byId.get(turn.item.question.id)!.strong_answer.join(' ');
    answer.push(await timed(() => s.call('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text })));
    await s.worker.drain();
    read.push(await timed(() => s.call('GET', `/api/sessions/${id}`)));
  }
  const line = (name: string, xs: number[]) =>
    row(name, ms(median(xs)), ms(quantile(xs, 0.99)), `${(median(xs) / base.med).toFixed(1)}x`, `${(quantile(xs, 0.99) / base.p99).toFixed(1)}x`);
  row('bare Hono JSON route (baseline)', ms(base.med), ms(base.p99), '1.0x', '1.0x');
  line('create a session (drill)', create);
  line('submit an answer (offline grader)', answer);
  line('read a graded transcript', read);
  await s.close();
}

/** Starts the fake model in its own process; resolves with its base URL. */
async function startFakeModelProcess(latencyMs: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fake-openai-cli.ts', String(latencyMs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve(String(d).trim().split('\n')[0]!));
    child.once('exit', (code) => reject(new Error(`fake model exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Candidates against the real server process, with the fake model in a third process, so the
 * load generator, the server and the "model" do not share one event loop.
 */
async function throughput() {
  const LATENCY = 300;
  const CANDIDATES = quick ? 50 : 200;
  const DURATION = quick ? 4000 : 8000;
  const bank = loadBank(join(ROOT, 'question-bank'));
  const fake = await startFakeModelProcess(LATENCY);
  const stats = async () => ((await (await fetch(fake.url.replace(/\/v1$/, '/stats'))).json()) as { requests: number }).requests;
  for (const limit of [CANDIDATES, 16]) {
    const server = await spawnServer({
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bench-')), 'db.sqlite')}`,
      LLM_MODEL: 'fake',
      LLM_BASE_URL: fake.url,
      LLM_API_KEY: 'k',
      LLM_MAX_RETRIES: '0',
      LLM_MAX_CONCURRENCY: String(limit),
      LLM_STRUCTURED_OUTPUT: 'json_object',
    });
    const call = async (method: string, path: string, body?: unknown) =>
      (await fetch(`${server.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })).json() as Promise<any>;
    const before = await stats();
    let turns = 0;
    const started = performance.now();
    const until = Date.now() + DURATION;
    await Promise.all(
      Array.from({ length: CANDIDATES }, async (_, c) => {
        while (Date.now() < until) {
          const id = (await call('POST', '/api/sessions', { role: 'data-scientist', mode: 'drill', stage: 'behavioral', questionCount: 3, candidateId: `t${c}` })).session.id;
          for (;;) {
            if (Date.now() >= until) return;
            const turn = await call('POST', `/api/sessions/${id}/next`);
            turns++;
            if (turn.kind === 'closing') break;
            await call('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: bank.byId.get(turn.item.question.id)!.strong_answer.join(' ') });
          }
        }
      }),
    );
    // Every model call (interviewer turns and grades) over the whole wall time.
    const elapsed = (performance.now() - started) / 1000;
    const perSec = ((await stats()) - before) / elapsed;
    const ideal = limit / (LATENCY / 1000);
    row(
      limit === CANDIDATES ? `${CANDIDATES} candidates, model ${LATENCY} ms: model calls/s (LLM_MAX_CONCURRENCY=${limit})` : `same, LLM_MAX_CONCURRENCY=${limit} (the rest queue)`,
      perSec.toFixed(0),
      `ideal ${ideal.toFixed(0)}`,
      `${((perSec / ideal) * 100).toFixed(0)}% of ideal`,
      `${(turns / elapsed).toFixed(0)} turns/s`,
    );
    await server.stop();
  }
  fake.stop();
}

async function firstTokenToSse() {
  const fake = await new FakeOpenAi().start();
  let firstChunkAt = 0;
  fake.responder = () => ({ content: 'Welcome. Let us begin with a question about your background and the roles you are applying to.' });
  const llm = new OpenAiLlmClient({ baseURL: fake.url, apiKey: 'k', model: 'fake', timeoutMs: 10_000, maxRetries: 0, maxConcurrency: 8, structuredOutput: 'json_object' });
  const origStream = llm.stream.bind(llm);
  // Stamp the moment the SDK hands over the model's first token inside the server.
  llm.stream = async function* (req) {
    let first = true;
    for await (const d of origStream(req)) {
      if (first) firstChunkAt = performance.now();
      first = false;
      yield d;
    }
  };
  const s = await startHttpServer({ llm, startWorker: false });
  const gaps: number[] = [];
  for (let i = 0; i < (quick ? 20 : 100); i++) {
    const id = (await s.call('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 1, candidateId: `sse${i}` })).body.session.id;
    const res = await fetch(`${s.url}/api/sessions/${id}/next`, { method: 'POST', headers: { accept: 'text/event-stream' } });
    const reader = res.body!.getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += new TextDecoder().decode(value);
      if (buf.includes('event: question-delta')) {
        gaps.push(performance.now() - firstChunkAt);
        break;
      }
    }
    await reader.cancel();
  }
  row('model first token -> browser SSE event', ms(median(gaps)), ms(quantile(gaps, 0.99)), '', '');
  await s.close();
  await fake.stop();
}

async function memoryPerSession() {
  const gc = (globalThis as { gc?: () => void }).gc;
  const s = await startHttpServer({ startWorker: false, dbUrl: `file:${join(mkdtempSync(join(tmpdir(), 'bench-')), 'db.sqlite')}` });
  const SESSIONS = quick ? 100 : 500;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const ids: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const id = (await s.call('POST', '/api/sessions', { role: 'data-analyst', mode: 'loop', candidateId: `m${i}` })).body.session.id;
    await s.call('POST', `/api/sessions/${id}/next`);
    ids.push(id);
  }
  // Each active candidate's browser also holds an event stream open.
  const streams = await Promise.all(ids.map((id) => fetch(`${s.url}/api/sessions/${id}/events`)));
  await new Promise((r) => setTimeout(r, 300));
  gc?.();
  const after = process.memoryUsage().heapUsed;
  row(`server heap per active session (${SESSIONS}, each with an open event stream)`, `${((after - before) / SESSIONS / 1024).toFixed(1)} KiB`, gc ? '' : '(no --expose-gc)', '', '');
  for (const r of streams) await r.body?.cancel();
  await s.close();
}

async function dbSize() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-size-'));
  const file = join(dir, 'db.sqlite');
  const s = await startHttpServer({ dbUrl: `file:${file}` });
  const bank = s.deps.bank;
  const ANSWERS = quick ? 200 : 1000;
  const size0 = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  let answered = 0;
  let c = 0;
  while (answered < ANSWERS) {
    const id = (await s.call('POST', '/api/sessions', { role: 'data-scientist', mode: 'drill', stage: ['ml-theory', 'case-study', 'behavioral'][c % 3], questionCount: 5, candidateId: `d${c++}` })).body.session.id;
    for (;;) {
      const turn = (await s.call('POST', `/api/sessions/${id}/next`)).body;
      if (turn.kind === 'closing' || answered >= ANSWERS) break;
      await s.call('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: bank.byId.get(turn.item.question.id)!.strong_answer.join(' ') });
      answered++;
    }
  }
  await s.worker.drain(60_000);
  await s.deps.db.run('PRAGMA wal_checkpoint(TRUNCATE)' as never);
  const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  row('database size per 1,000 graded answers', `${(((size - size0) / answered) * 1000 / 1024 / 1024).toFixed(2)} MiB`, `(${answered} answers, strong-length text)`, '', '');
  await s.close();
}

async function main() {
  const t0 = Date.now();
  console.log(`Mockloop bench on ${process.platform} ${process.arch}, Node ${process.version}${quick ? ' (quick)' : ''}\n`);
  const base = await bareBaseline();
  await apiLatency(base);
  await firstTokenToSse();
  await throughput();
  await memoryPerSession();
  await dbSize();
  await codingBench(row, base, quick);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['what', 'median', 'p99', 'ratio', 'p99 ratio'][i]!.length));
  const fmt = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ');
  console.log(fmt(['what', 'median', 'p99', 'ratio', 'p99 ratio']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  process.exit(0);
}

void main();
