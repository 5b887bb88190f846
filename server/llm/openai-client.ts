/**
 * LlmClient over the `openai` SDK. Any OpenAI-compatible server works by base URL (OpenAI,
 * Ollama, vLLM, llama.cpp server, LM Studio). The SDK retries 408/409/429/5xx itself and honours
 * retry-after; here its errors become our LlmError kinds, with the SDK error kept as `cause`.
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  RateLimitError,
} from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { LlmConfig } from '../config.ts';
import { LlmError, type ChatMessage, type LlmClient, type LlmJsonRequest, type LlmRequest } from './types.ts';

/** Converts anything the SDK throws into an LlmError; LlmErrors pass through unchanged. */
export function toLlmError(err: unknown): LlmError {
  if (err instanceof LlmError) return err;
  if (err instanceof APIConnectionTimeoutError) return new LlmError('timeout', 'The model did not answer in time.', { cause: err });
  if (err instanceof APIUserAbortError) return new LlmError('timeout', 'The model call was cancelled.', { cause: err });
  if (err instanceof APIConnectionError) return new LlmError('unavailable', 'The model server cannot be reached.', { cause: err });
  if (err instanceof RateLimitError) return new LlmError('rate_limited', 'The model server is rate-limiting requests.', { cause: err });
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    if (status === 401 || status === 403) return new LlmError('unavailable', `The model server refused the credentials (${status}).`, { cause: err });
    if (status >= 500 || status === 408 || status === 409) return new LlmError('unavailable', `The model server failed (${status}).`, { cause: err });
    return new LlmError('unavailable', `The model server rejected the request (${status}): ${err.message}`, { cause: err });
  }
  if (err instanceof Error && err.name === 'AbortError') return new LlmError('timeout', 'The model call was cancelled.', { cause: err });
  return new LlmError('unavailable', `The model call failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

/** Models often wrap JSON in a Markdown fence despite instructions; take what is inside. */
export function extractJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  const body = (fenced ? fenced[1]! : content).trim();
  return JSON.parse(body);
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export class OpenAiLlmClient implements LlmClient {
  readonly model: string;
  private readonly sdk: OpenAI;
  /** 'auto' becomes 'json_object' for good once a server rejects JSON-schema output. */
  private structured: LlmConfig['structuredOutput'];

  constructor(config: LlmConfig, options: { fetch?: typeof fetch } = {}) {
    this.model = config.model;
    this.structured = config.structuredOutput;
    this.sdk = new OpenAI({
      baseURL: config.baseURL,
      apiKey: config.apiKey,
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
      fetch: options.fetch,
    });
  }

  private async complete(req: LlmRequest, responseFormat?: OpenAI.ChatCompletionCreateParams['response_format']): Promise<string> {
    let completion: OpenAI.ChatCompletion;
    try {
      completion = await this.sdk.chat.completions.create(
        {
          model: this.model,
          messages: req.messages,
          max_tokens: req.maxTokens,
          temperature: req.temperature,
          ...(responseFormat ? { response_format: responseFormat } : {}),
        },
        { signal: req.signal },
      );
    } catch (err) {
      throw toLlmError(err);
    }
    const choice = completion.choices?.[0];
    if (!choice) throw new LlmError('bad_output', 'The model returned no choices.');
    if (choice.message?.refusal) throw new LlmError('refused', `The model refused: ${choice.message.refusal}`);
    if (choice.finish_reason === 'content_filter') throw new LlmError('refused', 'The model refused (content filter).');
    if (choice.finish_reason === 'length') throw new LlmError('truncated', 'The model reply was cut off at the token limit.');
    const content = choice.message?.content ?? '';
    if (!content.trim()) throw new LlmError('bad_output', 'The model returned an empty reply.');
    return content;
  }

  text(req: LlmRequest): Promise<string> {
    return this.complete(req);
  }

  async *stream(req: LlmRequest): AsyncIterable<string> {
    let stream: AsyncIterable<OpenAI.ChatCompletionChunk>;
    try {
      stream = await this.sdk.chat.completions.create(
        { model: this.model, messages: req.messages, max_tokens: req.maxTokens, temperature: req.temperature, stream: true },
        { signal: req.signal },
      );
    } catch (err) {
      throw toLlmError(err);
    }
    let any = false;
    try {
      for await (const chunk of stream) {
        const choice = chunk.choices?.[0];
        if (choice?.finish_reason === 'content_filter') throw new LlmError('refused', 'The model refused (content filter).');
        const delta = choice?.delta?.content;
        if (delta) {
          any = true;
          yield delta;
        }
      }
    } catch (err) {
      throw toLlmError(err);
    }
    if (!any) throw new LlmError('bad_output', 'The model streamed an empty reply.');
  }

  private async completeJson(req: LlmRequest, schema: z.ZodType, name: string): Promise<string> {
    if (this.structured !== 'json_object') {
      try {
        return await this.complete(req, zodResponseFormat(schema as never, name));
      } catch (err) {
        // Servers without JSON-schema output answer 400; in auto mode fall back to JSON mode.
        const cause = err instanceof LlmError ? err.cause : err;
        if (this.structured === 'auto' && cause instanceof BadRequestError) this.structured = 'json_object';
        else throw err;
      }
    }
    return this.complete(req, { type: 'json_object' });
  }

  async json<T>(req: LlmJsonRequest<T>): Promise<T> {
    const first = await this.completeJson(req, req.schema, req.schemaName);
    const checked = this.parse(first, req.schema);
    if (checked.ok) return checked.value;
    // One repair attempt: show the model its reply and what was wrong with it.
    const repairMessages: ChatMessage[] = [
      ...req.messages,
      { role: 'assistant', content: first },
      {
        role: 'user',
        content: `That reply is not valid: ${checked.problem}. Reply again with only the corrected JSON object, matching the required schema exactly.`,
      },
    ];
    const second = await this.completeJson({ ...req, messages: repairMessages }, req.schema, req.schemaName);
    const rechecked = this.parse(second, req.schema);
    if (rechecked.ok) return rechecked.value;
    throw new LlmError('bad_output', `The model's JSON did not match the schema after one repair: ${rechecked.problem}`);
  }

  private parse<T>(content: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problem: string } {
    let raw: unknown;
    try {
      raw = extractJson(content);
    } catch {
      return { ok: false, problem: 'it is not parseable JSON' };
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: describeZodError(parsed.error) };
  }
}
