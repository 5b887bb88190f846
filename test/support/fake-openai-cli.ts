/**
 * The fake OpenAI-compatible server as its own process (for load runs, so the "model" does not
 * share the server's CPU): `node --import tsx test/support/fake-openai-cli.ts <latencyMs>` prints
 * its base URL on the first line of stdout and serves well-behaved replies after the latency.
 */
import { FakeOpenAi } from './fake-openai.ts';
import { goodReply } from './fault-model.ts';

const latency = Number(process.argv[2] ?? 300);
const fake = await new FakeOpenAi().start();
// Keep memory flat over long runs: the load run reads counts from /stats, not the bodies.
fake.responder = (req) => {
  const reply = { content: goodReply(req), delayMs: latency };
  req.body = null;
  return reply;
};
console.log(fake.url);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
