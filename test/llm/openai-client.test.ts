/** The real openai SDK path against a fake OpenAI-compatible server on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenAiLlmClient } from '../../server/llm/openai-client.ts';
import { LlmError } from '../../server/llm/types.ts';
import { FakeOpenAi } from '../support/fake-openai.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await new FakeOpenAi().start();
});
afterEach(async () => fake.stop());

const client = (over: Partial<ConstructorParameters<typeof OpenAiLlmClient>[0]> = {}) =>
  new OpenAiLlmClient({ baseURL: fake.url, apiKey: 'k', model: 'fake-model', timeoutMs: 2000, maxRetries: 2, maxConcurrency: 4, structuredOutput: 'auto', ...over });
const messages = [{ role: 'user' as const, content: 'hi' }];
const Schema = z.object({ score: z.number().int().min(0).max(4), note: z.string() });

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(LlmError);
    return (err as LlmError).kind;
  }
}

describe('OpenAiLlmClient against a fake OpenAI-compatible server', () => {
  it('returns text and sends the model, messages and key', async () => {
    fake.enqueue({ content: 'hello there' });
    expect(await client().text({ messages })).toBe('hello there');
    expect(fake.requests[0]!.body).toMatchObject({ model: 'fake-model', messages });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer k');
  });

  it('streams text in pieces', async () => {
    fake.enqueue({ content: 'a streamed reply, piece by piece' });
    const pieces: string[] = [];
    for await (const p of client().stream({ messages })) pieces.push(p);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe('a streamed reply, piece by piece');
    expect(fake.requests[0]!.body.stream).toBe(true);
  });

  it('retries a 429 (honouring retry-after) and then succeeds', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '0' } }, { content: 'after the limit' });
    expect(await client().text({ messages })).toBe('after the limit');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports rate_limited when 429s persist, and unavailable for a 500 or a dead server', async () => {
    fake.responder = () => ({ status: 429, headers: { 'retry-after': '0' } });
    expect(await kindOf(client({ maxRetries: 1 }).text({ messages }))).toBe('rate_limited');
    fake.responder = () => ({ status: 500 });
    expect(await kindOf(client({ maxRetries: 0 }).text({ messages }))).toBe('unavailable');
    const port = new URL(fake.url).port;
    await fake.stop();
    expect(await kindOf(client({ maxRetries: 0, baseURL: `http://127.0.0.1:${port}/v1` }).text({ messages }))).toBe('unavailable');
  });

  it('times out a hung server as timeout, keeping the SDK error as cause', async () => {
    fake.responder = () => ({ hang: true });
    const err = await client({ timeoutMs: 200, maxRetries: 0 })
      .text({ messages })
      .catch((e) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err.kind).toBe('timeout');
    expect(err.cause).toBeDefined();
  });

  it('asks for JSON-schema output and validates it', async () => {
    fake.enqueue({ content: JSON.stringify({ score: 3, note: 'fine' }) });
    expect(await client().json({ messages, schema: Schema, schemaName: 'grade' })).toEqual({ score: 3, note: 'fine' });
    expect(fake.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'grade' } });
  });

  it('repairs malformed JSON once', async () => {
    fake.enqueue({ content: 'Sure! {score: three' }, { content: '```json\n{"score": 2, "note": "fixed"}\n```' });
    expect(await client().json({ messages, schema: Schema, schemaName: 'grade' })).toEqual({ score: 2, note: 'fixed' });
    expect(fake.requests[1]!.body.messages.at(-1).content).toMatch(/not valid: it is not parseable JSON/);
  });

  it('fails with bad_output when schema-violating JSON survives the repair', async () => {
    fake.responder = () => ({ content: JSON.stringify({ score: 11, note: 5 }) });
    const err = await client().json({ messages, schema: Schema, schemaName: 'grade' }).catch((e) => e);
    expect(err.kind).toBe('bad_output');
    expect(err.message).toMatch(/score/);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.messages.at(-1).content).toMatch(/score/);
  });

  it('falls back to JSON mode when the server rejects JSON-schema output', async () => {
    fake.enqueue({ status: 400 }, { content: JSON.stringify({ score: 1, note: 'json mode' }) }, { content: JSON.stringify({ score: 0, note: 'again' }) });
    const c = client({ maxRetries: 0 });
    expect(await c.json({ messages, schema: Schema, schemaName: 'grade' })).toEqual({ score: 1, note: 'json mode' });
    expect(fake.requests[1]!.body.response_format).toEqual({ type: 'json_object' });
    await c.json({ messages, schema: Schema, schemaName: 'grade' });
    expect(fake.requests[2]!.body.response_format).toEqual({ type: 'json_object' });
  });

  it('reports an empty reply as bad_output, a cut-off as truncated and a content filter as refused', async () => {
    fake.enqueue({ content: '' }, { content: 'half', finishReason: 'length' }, { content: 'no', finishReason: 'content_filter' });
    expect(await kindOf(client().text({ messages }))).toBe('bad_output');
    expect(await kindOf(client().text({ messages }))).toBe('truncated');
    expect(await kindOf(client().text({ messages }))).toBe('refused');
  });

  it('surfaces a stream cut half-way as an error, not a silent short reply', async () => {
    fake.enqueue({ content: 'this stream will be cut off before the end', cutAfterChunks: 2 });
    const got: string[] = [];
    const err = await (async () => {
      for await (const p of client({ maxRetries: 0 }).stream({ messages })) got.push(p);
    })().catch((e) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(got.join('').length).toBeGreaterThan(0);
  });
});
