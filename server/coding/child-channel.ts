/**
 * A sandbox child process that speaks JSON lines: messages to it on stdin, from it on stdout.
 * Whatever a child says is untrusted (the candidate's code runs in it), so lines are size-bounded
 * here (a child that floods stdout is killed, not buffered without end) and the caller validates
 * every message's shape. Node's IPC channel would buffer an endless message without limit.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { z } from 'zod';

export type ChildEvent =
  | { kind: 'message'; data: unknown }
  | { kind: 'exit'; code: number | null; signal: string | null; reason?: string };

export interface ChildChannelOptions {
  command: string;
  args: string[];
  cwd?: string;
  /** A longer line kills the child. */
  maxLineBytes: number;
  /** More output than this over the child's life kills it (a flood of small lines costs parsing too). */
  maxTotalBytes?: number;
}

const STDERR_TAIL_BYTES = 4096;

/** A short rendering of something a child sent, for error messages and logs. */
export function preview(data: unknown): string {
  try {
    return JSON.stringify(data).slice(0, 200);
  } catch (err) {
    // A forged message can be nested deep enough to overflow JSON.stringify: name the problem instead.
    return `(unprintable: ${err instanceof Error ? err.message : String(err)})`;
  }
}

export class ChildChannel {
  readonly pid: number | undefined;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: ChildEvent[] = [];
  private waiter: ((event: ChildEvent) => void) | undefined;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private totalBytes = 0;
  private stderr = '';
  private exitReason: string | undefined;
  private exitEvent: ChildEvent | undefined;
  /** Set by kill(): nothing the child still had in the pipe may count as a message after that. */
  private killed = false;
  readonly exited: Promise<void>;

  constructor(private readonly opts: ChildChannelOptions) {
    // A minimal environment: the server's secrets (API keys, tokens) never reach the sandbox.
    this.child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: {}, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.child.pid;
    this.child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    // Writing to a child that just died raises EPIPE on stdin; the exit event reports the death.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('error', (err) => {
        this.exitReason ??= `could not start ${opts.command}: ${err.message}`;
        this.finish({ kind: 'exit', code: null, signal: null, reason: this.exitReason });
        resolve();
      });
      this.child.on('close', (code, signal) => {
        this.finish({ kind: 'exit', code, signal, reason: this.exitReason });
        resolve();
      });
    });
  }

  /** The last few KB the child wrote to stderr: for logs, never for candidates. */
  stderrTail(): string {
    return this.stderr;
  }

  get alive(): boolean {
    return this.exitEvent === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  send(message: unknown): void {
    if (this.alive) this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  /** The next message, or the child's exit (repeated for every later call). One reader at a time. */
  next(): Promise<ChildEvent> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.exitEvent) return Promise.resolve(this.exitEvent);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** Like next(), or 'timeout' when nothing comes within `ms`; a later event then stays queued. */
  nextWithin(ms: number): Promise<ChildEvent | 'timeout'> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.exitEvent) return Promise.resolve(this.exitEvent);
    return new Promise((resolve) => {
      const deliver = (event: ChildEvent) => {
        clearTimeout(timer);
        resolve(event);
      };
      const timer = setTimeout(() => {
        if (this.waiter === deliver) this.waiter = undefined;
        resolve('timeout');
      }, Math.max(0, ms));
      this.waiter = deliver;
    });
  }

  /** SIGKILL: the child gets no chance to run anything else. */
  kill(reason?: string): void {
    if (reason) this.exitReason ??= reason;
    this.killed = true;
    if (this.alive) this.child.kill('SIGKILL');
  }

  private push(event: ChildEvent): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter(event);
    } else this.queue.push(event);
  }

  private finish(event: ChildEvent): void {
    if (this.exitEvent) return;
    this.exitEvent = event;
    this.push(event);
  }

  private onStdout(chunk: Buffer): void {
    if (this.killed) return;
    this.totalBytes += chunk.length;
    if (this.opts.maxTotalBytes !== undefined && this.totalBytes > this.opts.maxTotalBytes) {
      this.kill(`the sandbox sent more than ${this.opts.maxTotalBytes} bytes`);
      return;
    }
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.partial.push(chunk.subarray(start, nl));
      const line = Buffer.concat(this.partial).toString('utf8');
      this.partial = [];
      this.partialBytes = 0;
      start = nl + 1;
      this.onLine(line);
    }
    if (start < chunk.length) {
      this.partial.push(chunk.subarray(start));
      this.partialBytes += chunk.length - start;
      if (this.partialBytes > this.opts.maxLineBytes) {
        this.partial = [];
        this.partialBytes = 0;
        this.kill(`the sandbox sent a message over ${this.opts.maxLineBytes} bytes`);
      }
    }
  }

  private onLine(line: string): void {
    if (line.trim() === '' || this.exitEvent || this.killed) return;
    if (Buffer.byteLength(line) > this.opts.maxLineBytes) {
      this.kill(`the sandbox sent a message over ${this.opts.maxLineBytes} bytes`);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      this.kill(`the sandbox sent a line that is not JSON: ${JSON.stringify(line.slice(0, 120))}`);
      return;
    }
    this.push({ kind: 'message', data });
  }
}

/**
 * Waits for the child's first message and checks it against `schema` (its "ready" line). On a
 * time-out, an abort, an exit or anything unexpected the child is killed and the error says why.
 */
export async function expectFirstMessage(
  channel: ChildChannel,
  schema: z.ZodType,
  what: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const onAbort = () => channel.kill('the code runner was closed');
  signal.addEventListener('abort', onAbort);
  try {
    const event = await channel.nextWithin(timeoutMs);
    if (event === 'timeout') throw new Error(`${what} took longer than ${timeoutMs / 1000} s`);
    if (event.kind === 'exit') {
      const detail = event.reason ?? `exit code ${event.code ?? event.signal}`;
      const tail = channel.stderrTail().trim().split('\n').slice(-3).join(' | ');
      throw new Error(`${what} failed (${detail})${tail ? `: ${tail}` : ''}`);
    }
    if (!schema.safeParse(event.data).success) throw new Error(`${what} failed: unexpected message ${preview(event.data)}`);
  } catch (err) {
    channel.kill();
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
