/** Wraps an LlmClient so every call waits for a slot in a FairLimiter (streams hold it until done). */
import type { FairLimiter } from './limiter.ts';
import type { LlmClient, LlmJsonRequest, LlmRequest } from './types.ts';

const keyOf = (req: LlmRequest) => req.fairnessKey ?? 'default';

export function withLimiter(inner: LlmClient, limiter: FairLimiter): LlmClient {
  return {
    model: inner.model,
    text: (req: LlmRequest) => limiter.run(keyOf(req), () => inner.text(req), req.signal),
    json: <T>(req: LlmJsonRequest<T>) => limiter.run(keyOf(req), () => inner.json(req), req.signal),
    stream(req: LlmRequest): AsyncIterable<string> {
      return {
        async *[Symbol.asyncIterator]() {
          let release!: () => void;
          const held = new Promise<void>((r) => (release = r));
          let started!: () => void;
          const slot = new Promise<void>((r) => (started = r));
          const done = limiter.run(keyOf(req), () => (started(), held), req.signal);
          await Promise.race([slot, done]);
          try {
            yield* inner.stream(req);
          } finally {
            release();
            await done;
          }
        },
      };
    },
  };
}
