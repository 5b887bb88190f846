/**
 * A fake OpenAI-compatible HTTP server on 127.0.0.1, for testing the real `openai` SDK path:
 * replies, streams, status codes with retry-after, latency, hangs (time-outs), streams cut
 * half-way, malformed JSON and empty replies. Each request takes the next queued behaviour, or
 * the default responder's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Behaviour {
  /** Wait before answering. */
  delayMs?: number;
  /** Never answer (the client's time-out fires). */
  hang?: boolean;
  /** Answer with this status and a JSON error body. */
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message content (non-streamed, or streamed in pieces when the request streams). */
  content?: string;
  finishReason?: string;
  /** Streaming: end the response abruptly after this many content chunks. */
  cutAfterChunks?: number;
  /** Close the socket without any response. */
  destroy?: boolean;
  /** A raw body instead of a chat completion (malformed responses). */
  rawBody?: string;
}

export interface RecordedRequest {
  path: string;
  body: any;
  headers: IncomingMessage['headers'];
}

export type Responder = (req: RecordedRequest, index: number) => Behaviour;

export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Behaviour[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();
  responder: Responder = () => ({ content: 'ok' });
  url = '';

  enqueue(...b: Behaviour[]): this {
    this.queue.push(...b);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === '/stats') {
      // For load runs with the fake in another process: how many model calls it has served.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ requests: this.requests.length }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: any = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      body = null;
    }
    const recorded = { path: req.url ?? '', body, headers: req.headers };
    this.requests.push(recorded);
    const b = this.queue.shift() ?? this.responder(recorded, this.requests.length - 1);
    if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
    if (b.hang) return; // the socket is destroyed by stop() or the client's time-out
    if (b.destroy) {
      req.socket.destroy();
      return;
    }
    if (b.status && b.status >= 400) {
      res.writeHead(b.status, { 'content-type': 'application/json', ...b.headers });
      res.end(JSON.stringify({ error: { message: `fake error ${b.status}`, type: 'fake', code: null } }));
      return;
    }
    if (b.rawBody !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json', ...b.headers });
      res.end(b.rawBody);
      return;
    }
    const content = b.content ?? '';
    const model = body?.model ?? 'fake';
    if (body?.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...b.headers });
      const pieces = content.match(/.{1,6}/gs) ?? [];
      let sent = 0;
      for (const piece of pieces) {
        if (b.cutAfterChunks !== undefined && sent >= b.cutAfterChunks) {
          req.socket.destroy();
          return;
        }
        res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
        sent++;
        await new Promise((r) => setImmediate(r));
      }
      res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: {}, finish_reason: b.finishReason ?? 'stop' }] })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', ...b.headers });
    res.end(
      JSON.stringify({
        id: 'c1',
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: b.finishReason ?? 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }
}
