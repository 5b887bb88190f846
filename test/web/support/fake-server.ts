/**
 * A stand-in for the Mockloop server behind `fetch`, so component tests exercise the real
 * web/src/lib/api.ts (typed client, error bodies, SSE parsing) without a network.
 */
import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

export type Handler = (call: Call, params: Record<string, string>) => Response | Promise<Response>;

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const apiError = (status: number, code: string, message: string) => json({ error: { code, message } }, status);

/** A finished SSE body made of the given events. */
export function sse(events: Array<[string, unknown]>): Response {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');
  return new Response(new TextEncoder().encode(text), { headers: { 'content-type': 'text/event-stream' } });
}

/** An SSE body that stays open: push events with `send`, end it with `close`. */
export function openSse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: () => new Response(stream, { headers: { 'content-type': 'text/event-stream' } }),
    send(event: string, data: unknown) {
      try {
        controller.enqueue(new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      } catch {
        // the page already closed the stream
      }
    },
    close() {
      try {
        controller.close();
      } catch {
        // already closed
      }
    },
  };
}

/** Installs the fake; routes are "METHOD /api/path/:param". Unknown routes answer 404 and are recorded. */
export function fakeServer(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const names: string[] = [];
    const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
    return { method, re, names, handler };
  });
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost:3000');
    const method = (init?.method ?? 'GET').toUpperCase();
    const rawBody = init?.body;
    const call: Call = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof rawBody === 'string' ? JSON.parse(rawBody) : undefined,
      headers: new Headers(init?.headers),
    };
    calls.push(call);
    for (const r of compiled) {
      const m = r.method === method ? r.re.exec(url.pathname) : null;
      if (m) return r.handler(call, Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])));
    }
    return apiError(404, 'not_found', `No route ${method} ${url.pathname}.`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method: string, path: string | RegExp) => calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))),
  };
}
