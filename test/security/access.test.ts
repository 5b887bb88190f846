/** Serving beyond localhost: a token on every API call, security headers, same-origin writes, unguessable ids. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof makeTestApp>>;
afterEach(async () => t?.close());
const TOKEN = 'a-very-long-access-token-for-tests';

describe('access control and headers', () => {
  it('requires the access token on every API route when one is configured', async () => {
    t = await makeTestApp({ app: { accessToken: TOKEN } });
    for (const [method, path] of [['GET', '/api/status'], ['GET', '/api/bank'], ['GET', '/api/sessions'], ['POST', '/api/sessions']] as const) {
      const none = await t.json(method, path, method === 'POST' ? { role: 'data-analyst', mode: 'loop' } : undefined);
      expect(none.status, path).toBe(401);
      expect(none.body.error.message).toMatch(/access token/);
      const wrong = await t.json(method, path, undefined, { authorization: 'Bearer wrong-token-of-some-length' });
      expect(wrong.status, path).toBe(401);
    }
    const ok = await t.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'loop' }, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(201);
    expect((await t.json('GET', '/api/status', undefined, { 'x-access-token': TOKEN })).status).toBe(200);
  });

  it('sets security headers', async () => {
    t = await makeTestApp();
    const res = await t.app.request('/api/status');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  it('refuses state-changing requests from another origin, and allows the same origin', async () => {
    t = await makeTestApp();
    const body = { role: 'data-analyst', mode: 'loop' };
    const foreign = await t.json('POST', 'http://mockloop.test/api/sessions', body, { origin: 'https://evil.example', host: 'mockloop.test' });
    expect(foreign.status).toBe(403);
    const same = await t.json('POST', 'http://mockloop.test/api/sessions', body, { origin: 'http://mockloop.test', host: 'mockloop.test' });
    expect(same.status).toBe(201);
    // Reads are not state-changing.
    expect((await t.json('GET', 'http://mockloop.test/api/status', undefined, { origin: 'https://evil.example' })).status).toBe(200);
  });

  it('gives sessions unguessable ids (at least 96 random bits)', async () => {
    t = await makeTestApp();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await t.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 1 })).body.session.id);
    expect(ids.size).toBe(20);
    for (const id of ids) expect(Buffer.from(id, 'base64url').length).toBeGreaterThanOrEqual(12);
  });
});
