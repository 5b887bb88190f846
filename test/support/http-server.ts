/** The real HTTP server (@hono/node-server) on 127.0.0.1 around a test app. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { makeTestApp, type TestAppOptions } from './test-app.ts';

export async function startHttpServer(options: TestAppOptions = {}) {
  const t = await makeTestApp(options);
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...t,
    url,
    async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let data: any = text;
      try {
        data = JSON.parse(text);
      } catch {}
      return { status: res.status, body: data as T, headers: res.headers };
    },
    async close() {
      // SSE streams keep connections open; end them so close() does not wait forever.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
      await t.close();
    },
  };
}
