/**
 * Hundreds of graded answers through the real HTTP server and the real openai SDK, against a
 * model that faults on 30% of calls, many candidates at once. Nothing typed may be lost; every
 * grade must end done, provisional (offline stand-in) or failed with a reason; every such grade
 * can be re-graded later; the server keeps answering other requests throughout.
 * FAULT_RUN_ANSWERS sets the count (default 300; CI runs the full count).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FairLimiter } from '../../server/llm/limiter.ts';
import { withLimiter } from '../../server/llm/limited-client.ts';
import { OpenAiLlmClient } from '../../server/llm/openai-client.ts';
import { FakeOpenAi } from '../support/fake-openai.ts';
import { faultyModel, seeded, type Fault } from '../support/fault-model.ts';
import { startHttpServer } from '../support/http-server.ts';

const ANSWERS = Number(process.env.FAULT_RUN_ANSWERS ?? 300);
const PER_SESSION = 3;
const CONCURRENT_CANDIDATES = 25;
const STAGES = ['recruiter-screen', 'ml-theory', 'case-study', 'behavioral'] as const;

let fake: FakeOpenAi;
let server: Awaited<ReturnType<typeof startHttpServer>>;
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);
const faults = new Map<Fault | 'ok', number>();

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  fake = await new FakeOpenAi().start();
  fake.responder = faultyModel({ faultRate: 0.3, rng: seeded(20261125), latencyMs: 5, counts: faults });
  const llm = withLimiter(
    new OpenAiLlmClient({ baseURL: fake.url, apiKey: 'k', model: 'faulty-model', timeoutMs: 400, maxRetries: 1, maxConcurrency: 16, structuredOutput: 'auto' }),
    new FairLimiter(16),
  );
  server = await startHttpServer({ llm, worker: { concurrency: 16, maxTries: 3, backoffMs: () => 30, pollMs: 50 } });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server?.close();
  await fake?.stop();
});

describe(`${ANSWERS} graded answers with a 30% model fault rate`, () => {
  it('loses nothing, settles every grade, and keeps serving', async () => {
    const bank = server.deps.bank;
    const sent: Array<{ sessionId: string; itemId: string; text: string }> = [];
    const sessions = Math.ceil(ANSWERS / PER_SESSION);

    // A watcher keeps calling a cheap route during the whole run.
    let watching = true;
    const watch: number[] = [];
    const watcher = (async () => {
      while (watching) {
        const res = await server.call('GET', '/api/status');
        watch.push(res.status);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    let next = 0;
    const candidate = async (n: number) => {
      while (next < sessions) {
        const i = next++;
        const created = await server.call('POST', '/api/sessions', {
          role: 'data-scientist',
          mode: 'drill',
          stage: STAGES[i % STAGES.length],
          questionCount: PER_SESSION,
          candidateId: `candidate-${n}`,
        });
        expect(created.status).toBe(201);
        const id = created.body.session.id;
        for (let turnNo = 0; turnNo < 12; turnNo++) {
          const turn = await server.call('POST', `/api/sessions/${id}/next`);
          expect(turn.status).toBe(200);
          if (turn.body.kind === 'closing') break;
          const q = bank.byId.get(turn.body.item.question.id)!;
          const text = `${q.strong_answer.join(' ')} (answer ${i}.${turnNo})`;
          const res = await server.call('POST', `/api/sessions/${id}/answers`, { itemId: turn.body.item.id, text });
          expect(res.status).toBe(201);
          sent.push({ sessionId: id, itemId: turn.body.item.id, text });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_CANDIDATES }, (_, n) => candidate(n)));
    await server.worker.drain(240_000);
    watching = false;
    await watcher;

    // Nothing typed is lost: every answer sent is stored, word for word.
    const stored = await server.deps.db.query.messages.findMany({ where: (m, { eq }) => eq(m.author, 'candidate') });
    const storedTexts = new Set(stored.map((m) => m.text));
    expect(stored.length).toBe(sent.length);
    for (const s of sent) expect(storedTexts.has(s.text)).toBe(true);

    // Every grade settled, once per answered question, with a reason when not a clean model grade.
    const grades = await server.deps.db.query.grades.findMany();
    expect(grades.length).toBeGreaterThanOrEqual(ANSWERS);
    expect(new Set(grades.map((g) => g.itemId)).size).toBe(grades.length);
    const byStatus = (s: string) => grades.filter((g) => g.status === s);
    expect(byStatus('pending')).toEqual([]);
    for (const g of [...byStatus('provisional'), ...byStatus('failed')]) expect(g.error, g.id).toBeTruthy();
    expect(byStatus('done').length + byStatus('provisional').length + byStatus('failed').length).toBe(grades.length);
    // The faults happened, and some grades had to fall back.
    expect([...faults.keys()].filter((k) => k !== 'ok').length).toBeGreaterThanOrEqual(8);
    expect(byStatus('provisional').length).toBeGreaterThan(0);
    expect(byStatus('done').filter((g) => g.grader === 'llm').length).toBeGreaterThan(ANSWERS / 2);
    // Model grades that survived the checks carry only quotes from the answers, on the 0-4 scale.
    for (const g of byStatus('done')) {
      for (const c of (g.result as any).criteria) {
        expect(c.score === null || (c.score >= 0 && c.score <= 4)).toBe(true);
      }
    }

    // The server answered every other request throughout.
    expect(watch.length).toBeGreaterThan(10);
    expect(watch.every((s) => s === 200)).toBe(true);

    // Every provisional or failed grade can be re-graded once the model behaves.
    fake.responder = faultyModel({ faultRate: 0, rng: seeded(1) });
    const toRegrade = [...byStatus('provisional'), ...byStatus('failed')];
    for (const g of toRegrade) expect((await server.call('POST', `/api/sessions/${g.sessionId}/items/${g.itemId}/regrade`)).status).toBe(202);
    await server.worker.drain(120_000);
    const regraded = await server.deps.db.query.grades.findMany({ where: (x, { eq }) => eq(x.current, true) });
    expect(regraded.filter((g) => toRegrade.some((t) => t.itemId === g.itemId)).every((g) => g.status === 'done' && g.grader === 'llm')).toBe(true);

    expect(unhandled).toEqual([]);
  }, 600_000);
});
