/**
 * Every API route with hostile input: wrong types, missing fields, huge strings, odd Unicode,
 * deep JSON, wrong content types. Only 4xx with a JSON error may come back; never a 500, never
 * a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../support/fault-model.ts';
import { makeTestApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let sessionId: string;
let itemId: string;
beforeAll(async () => {
  t = await makeTestApp({ limits: { maxBodyBytes: 100_000 } });
  sessionId = (await t.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 2 })).body.session.id;
  itemId = (await t.json('POST', `/api/sessions/${sessionId}/next`)).body.item.id;
});
afterAll(async () => t.close());

const rng = seeded(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
/** encodeURIComponent, but a lone surrogate goes raw (percent-encoded by hand) instead of throwing. */
const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};
const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
const ODD = ['', ' ', '\u0000', '\u202e\u202d', '👩‍💻'.repeat(50), '\ud800', 'Ω≈ç√∫', '<script>alert(1)</script>', "'; DROP TABLE sessions; --", '../../etc/passwd', '%00', '{{role_name}}'];
const VALUES: unknown[] = [null, true, false, 0, -1, 1e308, -0, 3.5, NaN, 'x'.repeat(200_000), [], [1, 2], {}, deep(200), ...ODD];

function mutate(base: Record<string, unknown>): unknown {
  const r = rng();
  if (r < 0.1) return pick(VALUES);
  if (r < 0.2) return [base];
  const copy: Record<string, unknown> = { ...base };
  const keys = Object.keys(copy);
  const k = pick(keys.length ? keys : ['x']);
  if (rng() < 0.3) delete copy[k];
  else copy[k] = pick(VALUES);
  if (rng() < 0.2) copy[pick(ODD) || 'extra'] = pick(VALUES);
  return copy;
}

const ROUTES: Array<{ method: string; path: () => string; body?: () => Record<string, unknown> }> = [
  { method: 'POST', path: () => '/api/sessions', body: () => ({ role: 'data-analyst', mode: 'drill', stage: 'coding', difficulty: 'easy', questionCount: 2, candidateId: 'c', feedback: 'answer' }) },
  { method: 'GET', path: () => `/api/sessions?candidateId=${enc(pick(ODD))}&limit=${enc(String(pick(VALUES)))}&mode=${enc(pick(ODD))}` },
  { method: 'GET', path: () => `/api/sessions/${enc(pick([sessionId, ...ODD, 'a'.repeat(300)]))}` },
  { method: 'POST', path: () => `/api/sessions/${enc(pick([sessionId, ...ODD]))}/next` },
  { method: 'POST', path: () => `/api/sessions/${sessionId}/answers`, body: () => ({ itemId, text: 'an answer', code: 'x' }) },
  { method: 'POST', path: () => `/api/sessions/${sessionId}/runs`, body: () => ({ itemId, code: 'print(1)' }) },
  { method: 'POST', path: () => `/api/sessions/${sessionId}/items/${enc(pick([itemId, ...ODD]))}/regrade` },
  { method: 'GET', path: () => `/api/sessions/${enc(pick([sessionId, ...ODD]))}/export` },
  { method: 'GET', path: () => '/api/status' },
  { method: 'GET', path: () => '/api/bank' },
];

async function send(method: string, path: string, body: string | undefined, contentType: string | undefined) {
  const res = await t.app.request(path, { method, headers: contentType ? { 'content-type': contentType } : {}, body });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
}

function expectClean(r: { status: number; text: string; type: string }, label: string) {
  expect(r.status, `${label} -> ${r.status} ${r.text.slice(0, 200)}`).toBeLessThan(500);
  expect(r.text, label).not.toMatch(/at .*\.ts:\d+|node_modules|SQLITE|LibsqlError|ZodError/);
  if (r.status >= 400) {
    expect(r.type, label).toMatch(/application\/json/);
    expect(JSON.parse(r.text).error.message.length, label).toBeGreaterThan(0);
  }
}

describe('fuzzed input on every route', () => {
  it('answers 2000 mutated requests without a 500 or a stack trace', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const route = pick(ROUTES);
      const path = route.path();
      let body: string | undefined;
      let type: string | undefined = 'application/json';
      if (route.body) {
        const r = rng();
        if (r < 0.05) body = '{"unterminated": ';
        else if (r < 0.1) body = 'not json at all';
        else if (r < 0.13) body = '[' .repeat(5000) + ']'.repeat(5000);
        else body = JSON.stringify(mutate(route.body()), (_k, v) => (Number.isNaN(v) ? 'NaN' : v));
        if (rng() < 0.08) type = pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']);
        if (rng() < 0.05) type = undefined;
      }
      const r = await send(route.method, path, body, type);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expectClean(r, `${route.method} ${path} ${String(body).slice(0, 80)}`);
    }
    // The fuzz reached both the handlers and the validators (it is not all 400s at the door).
    const count = (pred: (s: number) => boolean) => [...statuses].filter(([s]) => pred(s)).reduce((n, [, c]) => n + c, 0);
    expect(count((s) => s < 300)).toBeGreaterThan(100);
    expect(count((s) => s === 400)).toBeGreaterThan(300);
    expect(count((s) => s === 404 || s === 409 || s === 413 || s === 415)).toBeGreaterThan(30);
  }, 120_000);

  it('rejects a body above the size limit with 413', async () => {
    const r = await send('POST', '/api/sessions', JSON.stringify({ role: 'x'.repeat(200_000) }), 'application/json');
    expect(r.status).toBe(413);
    expectClean(r, 'oversized');
  });
});
