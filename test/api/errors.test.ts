/** Bad input gets a clear 4xx JSON error naming what is wrong; never a 500. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/test-app.ts';

type T = Awaited<ReturnType<typeof makeTestApp>>;
let t: T;
afterEach(async () => t?.close());

async function drill(stage = 'behavioral', questionCount = 1) {
  return (await t.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage, questionCount })).body.session.id as string;
}

describe('API errors', () => {
  it('names the field for invalid bodies', async () => {
    t = await makeTestApp();
    const cases: Array<[object, string]> = [
      [{ mode: 'loop' }, 'role'],
      [{ role: 'data-analyst', mode: 'sprint' }, 'mode'],
      [{ role: 'data-analyst', mode: 'loop', difficulty: 'extreme' }, 'difficulty'],
      [{ role: 'astronaut', mode: 'loop' }, 'role'],
      [{ role: 'data-analyst', mode: 'drill' }, 'stage'],
      [{ role: 'data-analyst', mode: 'loop', stage: 'coding' }, 'stage'],
      [{ role: 'data-analyst', mode: 'drill', stage: 'coding', questionCount: 0 }, 'questionCount'],
      [{ role: 'data-analyst', mode: 'loop', extra: 1 }, '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await t.json('POST', '/api/sessions', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
  });

  it('answers malformed JSON, wrong content types and unknown routes with JSON 4xx', async () => {
    t = await makeTestApp();
    const bad = await t.app.request('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not valid JSON/);
    const form = await t.app.request('/api/sessions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'role=x' });
    expect(form.status).toBe(415);
    const none = await t.json('GET', '/api/nothing-here');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('not_found');
  });

  it('404s unknown sessions and questions, 400s malformed ids', async () => {
    t = await makeTestApp();
    expect((await t.json('GET', '/api/sessions/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.json('POST', '/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/next')).status).toBe(404);
    expect((await t.json('GET', '/api/sessions/..%2F..%2Fetc')).status).toBe(400);
    const id = await drill();
    await t.json('POST', `/api/sessions/${id}/next`);
    const res = await t.json('POST', `/api/sessions/${id}/answers`, { itemId: 'BBBBBBBBBBBBBBBB', text: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe('itemId');
  });

  it('409s answering twice, answering a question not yet asked, and answering a finished session', async () => {
    t = await makeTestApp();
    const id = await drill('behavioral', 2);
    const view = (await t.json('GET', `/api/sessions/${id}`)).body;
    const notAsked = await t.json('POST', `/api/sessions/${id}/answers`, { itemId: view.items[1].id, text: 'early' });
    expect(notAsked.status).toBe(409);
    const turn = (await t.json('POST', `/api/sessions/${id}/next`)).body;
    const stuffed = 'I took ownership, I measured a 12% reduction, because I decided to act, and the result was clear. '.repeat(3);
    expect((await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: stuffed })).status).toBe(201);
    const twice = await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: 'again' });
    expect(twice.status).toBe(409);
    // Finish the session, then try to answer.
    for (let i = 0; i < 10; i++) {
      const n = (await t.json('POST', `/api/sessions/${id}/next`)).body;
      if (n.kind === 'closing') break;
      await t.json('POST', `/api/sessions/${id}/answers`, { itemId: n.item.id, text: 'done' });
    }
    const late = await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: 'late' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/finished/);
  });

  it('413s an oversized answer and an oversized body, and stores nothing', async () => {
    t = await makeTestApp({ limits: { maxAnswerChars: 1000, maxBodyBytes: 50_000 } });
    const id = await drill();
    const turn = (await t.json('POST', `/api/sessions/${id}/next`)).body;
    const big = await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: 'x'.repeat(1001) });
    expect(big.status).toBe(413);
    expect(big.body.error.field).toBe('text');
    const huge = await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: 'y'.repeat(60_000) });
    expect(huge.status).toBe(413);
    const messages = (await t.json('GET', `/api/sessions/${id}`)).body.messages;
    expect(messages.filter((m: any) => m.author === 'candidate')).toHaveLength(0);
  });

  it('rejects code for a non-coding question and an empty answer', async () => {
    t = await makeTestApp();
    const id = await drill();
    const turn = (await t.json('POST', `/api/sessions/${id}/next`)).body;
    expect((await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: 'x', code: 'print(1)' })).body.error.field).toBe('code');
    expect((await t.json('POST', `/api/sessions/${id}/answers`, { itemId: turn.item.id, text: '   ' })).status).toBe(400);
  });

  it('says plainly when code cannot be run on this server', async () => {
    t = await makeTestApp();
    const id = await drill('coding');
    const turn = (await t.json('POST', `/api/sessions/${id}/next`)).body;
    const run = await t.json('POST', `/api/sessions/${id}/runs`, { itemId: turn.item.id, code: 'x' });
    expect(run.status).toBe(503);
    expect(run.body.error.message).toMatch(/cannot be run/);
  });
});

describe('bodies over real HTTP', () => {
  it('accepts bodiless POST and DELETE as browsers send them, and refuses a non-JSON body', async () => {
    const { startHttpServer } = await import('../support/http-server.ts');
    const s = await startHttpServer();
    try {
      const id = (await s.call('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 1 })).body.session.id;
      // No Content-Type, no Content-Length: the way fetch() sends a bodiless POST.
      expect((await fetch(`${s.url}/api/sessions/${id}/next`, { method: 'POST' })).status).toBe(200);
      const del = await fetch(`${s.url}/api/sessions/${id}`, { method: 'DELETE' });
      expect(del.status).toBe(404); // no such route, but not refused as a bad body
      const text = await fetch(`${s.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'role=x' });
      expect(text.status).toBe(415);
    } finally {
      await s.close();
    }
  });
});
