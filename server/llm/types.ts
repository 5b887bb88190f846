/**
 * The one door to a language model. Domain code receives an LlmClient; it never builds one.
 * Errors cross this door as LlmError with a kind the engine can act on (retry later, fall back
 * to the offline grader, tell the candidate) and the original error kept as `cause`.
 */
import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  /** Who the call is for (a session id): the concurrency limiter keeps sessions fair. */
  fairnessKey?: string;
}

export interface LlmJsonRequest<T> extends LlmRequest {
  schema: z.ZodType<T>;
  /** A short name for the schema (the JSON-schema response format needs one). */
  schemaName: string;
}

export interface LlmClient {
  /** The model's name, recorded on everything it produces. */
  readonly model: string;
  text(req: LlmRequest): Promise<string>;
  stream(req: LlmRequest): AsyncIterable<string>;
  /** Structured output, validated by `schema`; an invalid reply is repaired once, then a bad_output error. */
  json<T>(req: LlmJsonRequest<T>): Promise<T>;
}

export const LLM_ERROR_KINDS = ['rate_limited', 'timeout', 'unavailable', 'bad_output', 'refused', 'truncated'] as const;
export type LlmErrorKind = (typeof LLM_ERROR_KINDS)[number];

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Worth trying again later: the model may answer next time. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'timeout' || this.kind === 'unavailable';
  }
}
