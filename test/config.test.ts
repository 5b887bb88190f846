import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.ts';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration from the environment', () => {
  it('defaults to offline, loopback and a file database under ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: 'file:./data/mockloop.db', llm: undefined });
  });

  it('configures a model from LLM_* (or OPENAI_API_KEY), with a placeholder key for local servers', () => {
    expect(loadConfig({ LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-x' }).llm).toMatchObject({ model: 'gpt-4o-mini', apiKey: 'sk-x', baseURL: undefined });
    expect(loadConfig({ LLM_MODEL: 'llama3', LLM_BASE_URL: 'http://localhost:11434/v1' }).llm).toMatchObject({ apiKey: 'not-needed', timeoutMs: 60000 });
  });

  it('names the variable and what it expects on a bad value', () => {
    expect(fails({ PORT: 'eighty' })).toMatch(/PORT="eighty".*expected a TCP port/);
    expect(fails({ LLM_TIMEOUT_MS: '-5' })).toMatch(/LLM_TIMEOUT_MS/);
    expect(fails({ LLM_BASE_URL: 'not a url', LLM_MODEL: 'm' })).toMatch(/LLM_BASE_URL/);
    expect(fails({ DATABASE_URL: 'postgres://x' })).toMatch(/DATABASE_URL.*file:/);
    expect(fails({ LLM_MODEL: 'm' })).toMatch(/neither LLM_BASE_URL nor LLM_API_KEY/);
    expect(fails({ LLM_API_KEY: 'k' })).toMatch(/LLM_MODEL is not set/);
  });

  it('requires an access token when serving beyond localhost', () => {
    expect(fails({ HOST: '0.0.0.0' })).toMatch(/ACCESS_TOKEN must be set/);
    expect(loadConfig({ HOST: '0.0.0.0', ACCESS_TOKEN: 'a-long-random-token-123' }).accessToken).toBe('a-long-random-token-123');
  });
});
