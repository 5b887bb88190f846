/**
 * Runs one Python submission in a warm sandbox child, in two phases:
 *   1. the module and the visible examples; their output streams back and is all that is shown;
 *   2. (submit only) the hidden tests, sent only after phase 1 has finished, whose output is
 *      thrown away: hidden arguments never share a process with anything the candidate can see.
 * The child is used once and destroyed (the pool boots a replacement), so nothing a submission
 * leaves in the interpreter, or in the child's JavaScript, reaches the next one. A time-out or a
 * memory overrun is a SIGKILL.
 */
import type { PythonCoding } from '../bank/schema.ts';
import type { Logger } from '../deps.ts';
import { AppError } from '../errors.ts';
import { preview, type ChildChannel } from './child-channel.ts';
import { watchMemory } from './memory-watch.ts';
import { OutputBuffer } from './output-buffer.ts';
import { hiddenCase, visibleCase } from './python-cases.ts';
import { ChildMessageSchema, type Outcome, type Phase } from './python-protocol.ts';
import type { CaseResult, RunMode, RunResult, RunStatus } from './types.ts';
import type { WarmPool } from './warm-pool.ts';

export interface PythonLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
  outputLimitBytes: number;
}

/** How a phase ended. */
type PhaseEnd =
  | { kind: 'done'; status: 'ok' | 'error' | 'memory'; message?: string }
  | { kind: 'timeout' }
  | { kind: 'memory' }
  | { kind: 'fatal'; message: string }
  | { kind: 'crash'; detail: string };

interface RunState {
  examples: (Outcome | undefined)[];
  tests: (Outcome | undefined)[];
  loaded: boolean;
  stdout: OutputBuffer;
  stderr: OutputBuffer;
}

/**
 * Room above the wasm heap cap for the runtime itself before the watchdog acts: a booted child
 * holds about 220 MB (Pyodide's compiled code, the snapshot image, the JS heap).
 */
const RSS_HEADROOM_BYTES = 512 * 1024 * 1024;

export class PythonRunner {
  constructor(
    private readonly pool: WarmPool<ChildChannel>,
    private readonly limits: PythonLimits,
    private readonly logger: Logger,
    private readonly isClosed: () => boolean,
  ) {}

  async run(coding: PythonCoding, code: string, mode: RunMode): Promise<RunResult> {
    const child = await this.pool.acquire().catch((err: unknown) => {
      throw new AppError('unavailable', `Python cannot run right now: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    });
    const started = performance.now();
    const tests = mode === 'submit' ? coding.tests : [];
    const state: RunState = {
      examples: new Array<Outcome | undefined>(coding.examples.length).fill(undefined),
      tests: new Array<Outcome | undefined>(tests.length).fill(undefined),
      loaded: false,
      stdout: new OutputBuffer(this.limits.outputLimitBytes),
      stderr: new OutputBuffer(this.limits.outputLimitBytes),
    };
    // The clock starts now: waiting for a sandbox and booting it do not count against the candidate.
    const deadline = Date.now() + this.limits.timeLimitMs;
    let overMemory = false;
    const stopWatch = watchMemory(child.pid, this.limits.memoryLimitMb * 1024 * 1024 + RSS_HEADROOM_BYTES, () => {
      overMemory = true;
      child.kill('over the memory limit');
    });
    let phase: Phase = 'examples';
    let end: PhaseEnd;
    try {
      child.send({ type: 'examples', code, function: coding.function, cases: coding.examples.map((c) => ({ args: c.args })) });
      end = await this.collect(child, 'examples', state, deadline);
      if (end.kind === 'done' && end.status === 'ok' && tests.length > 0) {
        phase = 'tests';
        child.send({ type: 'tests', cases: tests.map((c) => ({ args: c.args })) });
        end = await this.collect(child, 'tests', state, deadline);
      }
    } finally {
      stopWatch();
      // One submission per child: whatever the code did to the interpreter goes with it.
      this.pool.release(child, false);
    }
    if (overMemory) end = { kind: 'memory' };
    if (end.kind === 'crash') {
      if (this.isClosed()) throw new AppError('unavailable', 'The code runner was shut down during the run.');
      this.logger.warn('python sandbox stopped unexpectedly', { detail: end.detail, stderr: child.stderrTail().slice(-1000) });
    }

    const { status, message } = this.describeEnd(end, phase, state);
    const tolerance = coding.tolerance;
    const notRun = notRunReason(status);
    const cases: CaseResult[] = [
      ...coding.examples.map((c, i) => {
        const runningWhenStopped = status === 'timeout' && phase === 'examples' && state.loaded && i === state.examples.findIndex((o) => o === undefined);
        return visibleCase(i, c, state.examples[i], tolerance, runningWhenStopped ? 'time limit exceeded while running this example' : notRun);
      }),
      ...tests.map((c, i) => hiddenCase(i, c, state.tests[i], tolerance)),
    ];
    const passed = cases.filter((c) => c.passed).length;
    return {
      language: 'python',
      mode,
      status: status ?? (passed === cases.length ? 'passed' : 'failed'),
      passed,
      total: cases.length,
      cases,
      stdout: state.stdout.text(),
      stderr: state.stderr.text(),
      outputTruncated: state.stdout.truncated || state.stderr.truncated,
      ...(message !== undefined ? { message } : {}),
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** Reads the child's messages for one phase until it reports the phase done, fails or runs out of time. */
  private async collect(child: ChildChannel, phase: Phase, state: RunState, deadline: number): Promise<PhaseEnd> {
    const outcomes = phase === 'examples' ? state.examples : state.tests;
    for (;;) {
      const event = await child.nextWithin(deadline - Date.now());
      if (event === 'timeout') {
        child.kill('time limit');
        return { kind: 'timeout' };
      }
      if (event.kind === 'exit') return { kind: 'crash', detail: event.reason ?? (event.signal ? `signal ${event.signal}` : `exit code ${event.code}`) };
      const parsed = ChildMessageSchema.safeParse(event.data);
      if (!parsed.success) {
        child.kill('invalid message');
        return { kind: 'crash', detail: `the sandbox sent an invalid message: ${preview(event.data)}` };
      }
      const m = parsed.data;
      // Anything labelled with another phase is stale or forged: only this phase's messages count.
      if (m.type === 'output' && phase === 'examples') state[m.stream].append(m.text);
      else if (m.type === 'loaded' && phase === 'examples') state.loaded = true;
      else if (m.type === 'case' && m.phase === phase && m.index < outcomes.length && outcomes[m.index] === undefined) {
        if (m.ok) outcomes[m.index] = { ok: true, value: m.value ?? null };
        else if (m.exception) outcomes[m.index] = { ok: false, exception: m.exception };
      } else if (m.type === 'examples-done' && phase === 'examples') {
        if (m.truncated.stdout) state.stdout.markTruncated();
        if (m.truncated.stderr) state.stderr.markTruncated();
        return { kind: 'done', status: m.status, ...(m.message !== undefined ? { message: m.message } : {}) };
      } else if (m.type === 'tests-done' && phase === 'tests') return { kind: 'done', status: m.status };
      else if (m.type === 'fatal') return { kind: 'fatal', message: m.message };
    }
  }

  /** The run's status when something other than the cases decides it, and the message for the candidate. */
  private describeEnd(end: PhaseEnd, phase: Phase, state: RunState): { status?: RunStatus; message?: string } {
    const seconds = `${this.limits.timeLimitMs / 1000} s`;
    const outOfMemory = { status: 'memory' as const, message: `Out of memory: the code needed more than ${this.limits.memoryLimitMb} MB.` };
    switch (end.kind) {
      case 'done':
        if (end.status === 'ok') return {};
        if (end.status === 'memory') return outOfMemory;
        return { status: 'error', message: end.message ?? 'The code did not load.' };
      case 'memory':
        return outOfMemory;
      case 'timeout': {
        const where =
          phase === 'tests'
            ? 'during the hidden tests'
            : state.loaded
              ? 'while running the examples'
              : 'while loading the module (an endless loop at the top level?)';
        return { status: 'timeout', message: `Time limit exceeded: the code ran for more than ${seconds} ${where}. Output printed before that is shown.` };
      }
      case 'fatal':
        if (/memory|cannot enlarge|allocat/i.test(end.message)) return outOfMemory;
        return {
          status: 'error',
          message: phase === 'tests' ? 'Python crashed during the hidden tests.' : `Python crashed: ${end.message.split('\n')[0]}`,
        };
      case 'crash':
        return { status: 'error', message: `The Python process stopped unexpectedly while running the ${phase === 'tests' ? 'hidden tests' : 'examples'}.` };
    }
  }
}

function notRunReason(status: RunStatus | undefined): string {
  switch (status) {
    case 'error':
      return 'not run: the code did not load or Python stopped';
    case 'timeout':
      return 'not run: the time limit was reached first';
    case 'memory':
      return 'not run: the code ran out of memory first';
    default:
      return 'not run';
  }
}
