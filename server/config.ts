/**
 * Configuration from the environment, parsed once with zod at start-up. A bad value stops
 * start-up with a message naming the variable and what it expects.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().min(100).max(3_600_000);
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const EnvSchema = z.object({
  PORT: port.default(3000).describe('a TCP port number, 0-65535'),
  HOST: z.string().trim().min(1).default('127.0.0.1').describe('an interface address such as 127.0.0.1 or 0.0.0.0'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(file:|libsql:|https?:|wss?:|:memory:$)/, 'must start with file:, libsql:, http(s):, ws(s): or be :memory:')
    .default('file:./data/mockloop.db')
    .describe('a libSQL URL: file:./data/mockloop.db, :memory:, or libsql://host'),
  DATABASE_AUTH_TOKEN: optionalText,
  LLM_BASE_URL: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(z.url({ message: 'must be a URL such as http://localhost:11434/v1' }).optional())
    .optional(),
  LLM_API_KEY: optionalText,
  OPENAI_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: positiveMs.default(60_000).describe('milliseconds, 100-3600000'),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2).describe('a whole number 0-10'),
  LLM_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4).describe('a whole number 1-256'),
  LLM_STRUCTURED_OUTPUT: z.enum(['auto', 'json_schema', 'json_object']).default('auto'),
  QUESTION_PACKS: optionalText.describe('folders of question packs, separated by commas'),
  ACCESS_TOKEN: optionalText,
  MAX_ANSWER_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(20_000).describe('a whole number 100-1000000'),
  CODE_TIMEOUT_MS: positiveMs.default(5_000).describe('milliseconds, 100-3600000'),
  PYTHON_POOL_SIZE: z.coerce.number().int().min(0).max(16).default(2).describe('a whole number 0-16'),
  GRADE_LEASE_MS: positiveMs.default(30_000).describe('milliseconds, 100-3600000'),
});

export interface LlmConfig {
  baseURL?: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxConcurrency: number;
  structuredOutput: 'auto' | 'json_schema' | 'json_object';
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Undefined: no model configured, the offline interviewer and grader run. */
  llm?: LlmConfig;
  llmMaxConcurrency: number;
  questionPacks: string[];
  accessToken?: string;
  maxAnswerChars: number;
  codeTimeoutMs: number;
  pythonPoolSize: number;
  gradeLeaseMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
export const isLoopback = (host: string) => LOOPBACK.test(host);

/** Parses `env` (process.env by default); throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      const expects = (EnvSchema.shape as Record<string, z.ZodType>)[name]?.description;
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}${expects ? ` (expected ${expects})` : ''}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const apiKey = e.LLM_API_KEY ?? e.OPENAI_API_KEY;
  if (e.LLM_MODEL && !e.LLM_BASE_URL && !apiKey)
    throw new ConfigError(
      'Invalid configuration:\n  LLM_MODEL is set but neither LLM_BASE_URL nor LLM_API_KEY (or OPENAI_API_KEY) is: set one, or unset LLM_MODEL to run offline.',
    );
  if (!e.LLM_MODEL && (e.LLM_BASE_URL || apiKey))
    throw new ConfigError(
      'Invalid configuration:\n  LLM_MODEL is not set, but LLM_BASE_URL or an API key is: name the model to use (for example LLM_MODEL=gpt-4o-mini), or unset them to run offline.',
    );
  if (!isLoopback(e.HOST) && !e.ACCESS_TOKEN)
    throw new ConfigError(
      `Invalid configuration:\n  HOST=${e.HOST} serves beyond this machine, so ACCESS_TOKEN must be set (a long random string every API call must send).`,
    );
  if (e.ACCESS_TOKEN && e.ACCESS_TOKEN.length < 16)
    throw new ConfigError('Invalid configuration:\n  ACCESS_TOKEN: must be at least 16 characters.');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    llm: e.LLM_MODEL
      ? {
          baseURL: e.LLM_BASE_URL,
          // Local servers (Ollama, llama.cpp) take any key; the SDK insists on one.
          apiKey: apiKey ?? 'not-needed',
          model: e.LLM_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxRetries: e.LLM_MAX_RETRIES,
          maxConcurrency: e.LLM_MAX_CONCURRENCY,
          structuredOutput: e.LLM_STRUCTURED_OUTPUT,
        }
      : undefined,
    llmMaxConcurrency: e.LLM_MAX_CONCURRENCY,
    questionPacks: e.QUESTION_PACKS ? e.QUESTION_PACKS.split(',').map((s) => s.trim()).filter(Boolean) : [],
    accessToken: e.ACCESS_TOKEN,
    maxAnswerChars: e.MAX_ANSWER_CHARS,
    codeTimeoutMs: e.CODE_TIMEOUT_MS,
    pythonPoolSize: e.PYTHON_POOL_SIZE,
    gradeLeaseMs: e.GRADE_LEASE_MS,
  };
}
