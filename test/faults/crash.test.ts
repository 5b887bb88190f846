/**
 * Crash safety: the server process is killed hard (SIGKILL) while grades are pending; started
 * again on the same file database, it finishes them: nothing duplicated, nothing lost.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeOpenAi } from '../support/fake-openai.ts';
import { goodReply } from '../support/fault-model.ts';
import { realBank } from '../support/test-app.ts';
import { freePort, spawnServer, type SpawnedServer } from '../support/spawn-server.ts';

let fake: FakeOpenAi;
let server: SpawnedServer | undefined;
afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() };
}

describe('a hard kill while grades are pending', () => {
  it('resumes the pending grades after a restart, once each', async () => {
    let gradersSlow = true;
    fake = await new FakeOpenAi().start();
    const isGrader = (b: any) => String(b?.messages?.[0]?.content ?? '').includes('grading one answer');
    // While the first server lives, grading hangs: the grade jobs stay claimed and pending.
    fake.responder = (req) => (isGrader(req.body) && gradersSlow ? { hang: true } : { content: goodReply(req) });
    const env = {
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'crash-')), 'db.sqlite')}`,
      LLM_MODEL: 'fake-model',
      LLM_BASE_URL: fake.url,
      LLM_API_KEY: 'k',
      LLM_TIMEOUT_MS: '60000',
      GRADE_LEASE_MS: '1500',
    };
    const port = await freePort();
    server = await spawnServer(env, port);
    const bank = realBank();
    const created = await call(server.url, 'POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 3 });
    const id = created.body.session.id;
    const answered: string[] = [];
    for (;;) {
      const turn = await call(server.url, 'POST', `/api/sessions/${id}/next`);
      if (turn.body.kind === 'closing') break;
      const text = bank.byId.get(turn.body.item.question.id)!.strong_answer.join(' ');
      expect((await call(server.url, 'POST', `/api/sessions/${id}/answers`, { itemId: turn.body.item.id, text })).status).toBe(201);
      answered.push(turn.body.item.id);
    }
    await new Promise((r) => setTimeout(r, 300)); // let the worker claim the jobs and call the model
    const before = await call(server.url, 'GET', `/api/sessions/${id}`);
    expect(before.body.items.map((i: any) => i.grade.status)).toEqual(['pending', 'pending', 'pending']);
    expect(fake.requests.filter((r) => isGrader(r.body)).length).toBeGreaterThan(0);

    await server.kill();
    gradersSlow = false;
    server = await spawnServer(env, port);

    const deadline = Date.now() + 30_000;
    let view: any;
    do {
      await new Promise((r) => setTimeout(r, 200));
      view = (await call(server.url, 'GET', `/api/sessions/${id}`)).body;
    } while (view.items.some((i: any) => i.grade.status === 'pending') && Date.now() < deadline);

    expect(view.items.map((i: any) => i.grade.status)).toEqual(['done', 'done', 'done']);
    expect(view.items.every((i: any) => i.grade.grader === 'llm' && i.grade.attempt === 1)).toBe(true);
    expect(view.messages.filter((m: any) => m.author === 'candidate').map((m: any) => m.itemId)).toEqual(answered);
    expect(view.session.status).toBe('finished');
  }, 90_000);
});
