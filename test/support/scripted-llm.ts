/**
 * A scripted LlmClient for unit tests of prompts and parsing: replies come from a queue or a
 * function, and every call is recorded. It validates structured replies with the request's
 * schema like the real client, so a reply that violates it fails the same way.
 */
import type { LlmClient, LlmJsonRequest, LlmRequest } from '../../server/llm/types.ts';
import { LlmError } from '../../server/llm/types.ts';

export type ScriptedReply = string | object | LlmError | ((req: LlmRequest) => string | object | LlmError);

export interface RecordedCall {
  method: 'text' | 'stream' | 'json';
  request: LlmRequest;
}

export class ScriptedLlm implements LlmClient {
  readonly calls: RecordedCall[] = [];
  private readonly queue: ScriptedReply[] = [];

  constructor(
    readonly model = 'scripted-model',
    private readonly fallback?: ScriptedReply,
  ) {}

  reply(...replies: ScriptedReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  private next(req: LlmRequest): string | object {
    const r = this.queue.shift() ?? this.fallback;
    if (r === undefined) throw new Error('ScriptedLlm: no reply scripted for this call');
    const value = typeof r === 'function' ? r(req) : r;
    if (value instanceof LlmError) throw value;
    return value;
  }

  async text(request: LlmRequest): Promise<string> {
    this.calls.push({ method: 'text', request });
    const v = this.next(request);
    return typeof v === 'string' ? v : JSON.stringify(v);
  }

  async *stream(request: LlmRequest): AsyncIterable<string> {
    this.calls.push({ method: 'stream', request });
    const v = this.next(request);
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    for (const piece of text.match(/.{1,8}/gs) ?? []) yield piece;
  }

  async json<T>(request: LlmJsonRequest<T>): Promise<T> {
    this.calls.push({ method: 'json', request });
    const v = this.next(request);
    const raw = typeof v === 'string' ? JSON.parse(v) : v;
    const parsed = request.schema.safeParse(raw);
    if (!parsed.success) throw new LlmError('bad_output', `scripted reply violates the schema: ${parsed.error.message}`);
    return parsed.data;
  }
}
