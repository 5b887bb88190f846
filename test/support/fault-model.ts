/**
 * A model for the fake OpenAI server that behaves like a reasonable grader and interviewer,
 * except that a share of its replies are faults: latency, 429 with retry-after, 500, a dropped
 * connection, a hang (client time-out), a stream cut half-way, invalid JSON, JSON that violates
 * the schema, scores off the scale, evidence not in the answer, an empty reply.
 */
import type { Behaviour, RecordedRequest, Responder } from './fake-openai.ts';

export const FAULTS = [
  'latency',
  'rate_limited',
  'server_error',
  'connection_dropped',
  'hang',
  'stream_cut',
  'invalid_json',
  'schema_violation',
  'score_out_of_range',
  'evidence_not_in_answer',
  'empty_reply',
] as const;
export type Fault = (typeof FAULTS)[number];

/** A seeded generator, so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const isGrader = (req: RecordedRequest) => String(req.body?.messages?.[0]?.content ?? '').includes('grading one answer');

/** The reply of a well-behaved model to this request. */
export function goodReply(req: RecordedRequest, override?: { score?: number; evidence?: string }): string {
  const msgs = req.body?.messages ?? [];
  if (!isGrader(req)) return 'Thanks. Let us go on to the next question.';
  const user = String(msgs[1]?.content ?? '');
  const ids = [...new Set([...user.matchAll(/criterionId: ([a-z0-9-]+)/g)].map((m) => m[1]!))];
  const answer = /<answer-[0-9a-f]+>\n([\s\S]*?)\n<\/answer-/.exec(user)?.[1] ?? '';
  const quote = override?.evidence ?? answer.split(/[.\n]/).map((s) => s.trim()).find((s) => s.length > 12) ?? answer.slice(0, 40);
  return JSON.stringify({
    criteria: ids.map((id) => ({ criterionId: id, score: override?.score ?? 2, evidence: quote ? [quote] : [], missing: [], rationale: 'partly meets the anchor' })),
    feedback: 'Some of the key points are there.',
    nextStep: 'Practise naming trade-offs explicitly.',
  });
}

export function faultyModel(options: { faultRate: number; rng: () => number; latencyMs?: number; counts?: Map<Fault | 'ok', number> }): Responder {
  return (req): Behaviour => {
    const streaming = !!req.body?.stream;
    const count = (k: Fault | 'ok') => options.counts?.set(k, (options.counts.get(k) ?? 0) + 1);
    if (options.rng() >= options.faultRate) {
      count('ok');
      return { content: goodReply(req), delayMs: options.latencyMs };
    }
    const fault = FAULTS[Math.floor(options.rng() * FAULTS.length)]!;
    count(fault);
    switch (fault) {
      case 'latency':
        return { content: goodReply(req), delayMs: 200 + Math.floor(options.rng() * 300) };
      case 'rate_limited':
        return { status: 429, headers: { 'retry-after': '0' } };
      case 'server_error':
        return { status: 500 };
      case 'connection_dropped':
        return { destroy: true };
      case 'hang':
        return { hang: true };
      case 'stream_cut':
        return streaming ? { content: goodReply(req), cutAfterChunks: 2 } : { destroy: true };
      case 'invalid_json':
        return { content: '{"criteria": [ {"criterionId": "x", "score": ' };
      case 'schema_violation':
        return { content: JSON.stringify({ criteria: 'all good', feedback: 42 }) };
      case 'score_out_of_range':
        return { content: goodReply(req, { score: 17 }) };
      case 'evidence_not_in_answer':
        return { content: goodReply(req, { score: 4, evidence: 'a brilliant and complete answer that covers everything' }) };
      case 'empty_reply':
        return { content: '' };
    }
  };
}
