/**
 * `npm run play`: a tiny terminal client for a running Mockloop server. It runs a whole session
 * through the HTTP API (create, stream each interviewer turn, answer, repeat), waits for the
 * grades and prints the graded transcript as Markdown.
 *
 *   npm run play -- --role data-scientist --mode loop            # answer in the terminal
 *   npm run play -- --role data-analyst --mode drill --stage coding --auto
 *
 * Interactive: type your answer, finish it with a line holding only "." (code for coding
 * questions goes after a line "```", up to the next "```"). --auto answers every question with a
 * short placeholder so you can see the whole flow (and honest low grades) in a few seconds.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.MOCKLOOP_URL ?? 'http://localhost:3000' },
    role: { type: 'string', default: 'data-scientist' },
    mode: { type: 'string', default: 'loop' },
    stage: { type: 'string' },
    difficulty: { type: 'string', default: 'medium' },
    questions: { type: 'string' },
    token: { type: 'string', default: process.env.ACCESS_TOKEN },
    auto: { type: 'boolean', default: false },
  },
});

const headers: Record<string, string> = { 'content-type': 'application/json', ...(args.token ? { authorization: `Bearer ${args.token}` } : {}) };

async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${args.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
}

/** Streams the next interviewer turn to the terminal; resolves with the completed turn. */
async function nextTurn(sessionId: string): Promise<any> {
  const res = await fetch(`${args.url}/api/sessions/${sessionId}/next`, { method: 'POST', headers: { ...headers, accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`next turn: ${res.status} ${await res.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let complete: any;
  process.stdout.write('\nInterviewer: ');
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(raw)?.[1];
      const data = /^data: (.*)$/m.exec(raw)?.[1] ?? '{}';
      if (event === 'question-delta') process.stdout.write(JSON.parse(data).text);
      if (event === 'turn-complete') complete = JSON.parse(data);
      if (event === 'turn-error') throw new Error(JSON.parse(data).message);
    }
  }
  process.stdout.write('\n');
  return complete;
}

const AUTO_ANSWER =
  'I would start by clarifying the goal and the constraints, then look at the data, pick a simple baseline, and measure it before trying anything more complex.';

async function readAnswer(rl: ReturnType<typeof createInterface>, coding: boolean): Promise<{ text: string; code?: string }> {
  console.log(coding ? '(Your answer; code between ``` lines; end with a line ".")' : '(Your answer; end with a line ".")');
  const lines: string[] = [];
  for (;;) {
    const line = await rl.question('');
    if (line.trim() === '.') break;
    lines.push(line);
  }
  const all = lines.join('\n');
  const code = /```[a-z]*\n([\s\S]*?)```/.exec(all)?.[1];
  return { text: all.replace(/```[a-z]*\n[\s\S]*?```/, '').trim(), ...(coding && code ? { code } : {}) };
}

async function main() {
  const status = await api('GET', '/status');
  console.log(`Mockloop at ${args.url}: ${status.grader.description}`);
  const view = await api('POST', '/sessions', {
    role: args.role,
    mode: args.mode,
    ...(args.stage ? { stage: args.stage } : {}),
    difficulty: args.difficulty,
    ...(args.questions ? { questionCount: Number(args.questions) } : {}),
    candidateId: 'cli',
  });
  const id = view.session.id;
  console.log(`Session ${id}: ${view.items.length} questions`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const turn = await nextTurn(id);
      if (turn.kind === 'closing') break;
      const coding = !!turn.item.question?.coding;
      const answer = args.auto
        ? { text: AUTO_ANSWER, ...(coding ? { code: turn.item.question.coding.starter } : {}) }
        : await readAnswer(rl, coding);
      if (args.auto) console.log(`You: ${answer.text}`);
      const res = await api('POST', `/sessions/${id}/answers`, { itemId: turn.item.id, ...answer });
      if (res.run) console.log(`(tests: ${res.run.passed} of ${res.run.total} passed, ${res.run.status})`);
    }
  } finally {
    rl.close();
  }
  process.stdout.write('\nWaiting for grades');
  for (let i = 0; i < 120; i++) {
    const s = await api('GET', `/sessions/${id}`);
    if (s.items.every((it: any) => it.grade && it.grade.status !== 'pending')) break;
    process.stdout.write('.');
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log('\n');
  console.log(await api<string>('GET', `/sessions/${id}/export`));
}

main().catch((err) => {
  console.error(`play: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
