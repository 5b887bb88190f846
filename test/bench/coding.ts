/**
 * The code runner's figures for `npm run bench`: Python cold start, a warm 10-test run, an SQL
 * run, and the p99 latency of a cheap API route while 20 submissions run at once (runs happen in
 * sandbox processes, so the server's event loop must stay free).
 */
import { benchCodeRunner } from '../../server/coding/bench.ts';
import { createCodeRunner } from '../../server/coding/code-runner.ts';
import { startHttpServer } from '../support/http-server.ts';

type Row = (...cells: string[]) => void;
const ms = (n: number) => `${n.toFixed(n >= 100 ? 0 : 1)} ms`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))]!;

async function statusLatency(call: () => Promise<unknown>, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  return times;
}

export async function codingBench(row: Row, _base: { med: number; p99: number }, quick: boolean): Promise<void> {
  const b = await benchCodeRunner({ runs: quick ? 10 : 30 });
  row('Python cold start (fresh sandbox, full Pyodide start)', ms(b.pythonColdStartMs), '', '', '');
  row('Python sandbox start from the memory snapshot', ms(b.pythonSnapshotStartMs), '', '', '');
  row(`Python warm run, 10-test problem (p95 in p99 column, ${b.pythonWarmRun.runs} runs)`, ms(b.pythonWarmRun.median), ms(b.pythonWarmRun.p95), '', '');
  row('Python runs back to back (each waits for a fresh sandbox)', ms(b.pythonBackToBack.median), ms(b.pythonBackToBack.p95), '', '');
  row(`SQL run, 10 cases (p95 in p99 column)`, ms(b.sqlRun.median), ms(b.sqlRun.p95), '', '');

  const runner = createCodeRunner({ pythonPoolSize: 2 });
  await runner.ready();
  const s = await startHttpServer({ runner, startWorker: false });
  try {
    const SUBMISSIONS = 20;
    const idle = await (async () => {
      const until = Date.now() + 1500;
      return statusLatency(() => s.call('GET', '/api/status'), () => Date.now() > until);
    })();
    const sessions = await Promise.all(
      Array.from({ length: SUBMISSIONS }, async (_, i) => {
        const id = (await s.call('POST', '/api/sessions', { role: 'data-scientist', mode: 'drill', stage: 'coding', questionCount: 1, candidateId: `bench-${i}` })).body.session.id;
        const turn = (await s.call('POST', `/api/sessions/${id}/next`)).body;
        return { id, itemId: turn.item.id, code: s.deps.bank.byId.get(turn.item.question.id)!.coding!.reference };
      }),
    );
    let done = false;
    const loaded = statusLatency(() => s.call('GET', '/api/status'), () => done);
    const t0 = performance.now();
    await Promise.all(sessions.map((x) => s.call('POST', `/api/sessions/${x.id}/answers`, { itemId: x.itemId, text: 'My solution.', code: x.code })));
    const wall = performance.now() - t0;
    done = true;
    const busy = await loaded;
    row(
      `GET /api/status p99 while ${SUBMISSIONS} submissions run (${(wall / 1000).toFixed(1)} s)`,
      ms(quantile(busy, 0.5)),
      ms(quantile(busy, 0.99)),
      `idle p99 ${ms(quantile(idle, 0.99))}`,
      `${(quantile(busy, 0.99) / quantile(idle, 0.99)).toFixed(1)}x idle`,
    );
  } finally {
    await s.close();
    await runner.close();
  }
}
