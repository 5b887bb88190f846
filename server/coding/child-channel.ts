/**
 * A sandbox child process that speaks JSON lines: messages to it on stdin, from it on stdout.
 * Whatever a child says is untrusted (the candidate's code runs in it), so lines are size-bounded
 * here (a child that floods stdout is killed, not buffered without end) and the caller validates
 * every message's shape. Node's IPC channel would buffer an endless message without limit.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export type ChildEvent =
  | { kind: 'message'; data: unknown }
  | { kind: 'exit'; code: number | null; signal: string | null; reason?: string };

export interface ChildChannelOptions {
  command: string;
  args: string[];
  cwd?: string;
  /** A longer line kills the child. */
  maxLineBytes: number;
}

const STDERR_TAIL_BYTES = 4096;

export class ChildChannel {
  readonly pid: number | undefined;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: ChildEvent[] = [];
  private waiter: ((event: ChildEvent) => void) | undefined;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private stderr = '';
  private exitReason: string | undefined;
  private exitEvent: ChildEvent | undefined;
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

  /** The next message, or the child's exit (repeated for every later call). */
  next(): Promise<ChildEvent> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.exitEvent) return Promise.resolve(this.exitEvent);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** SIGKILL: the child gets no chance to run anything else. */
  kill(reason?: string): void {
    if (reason) this.exitReason ??= reason;
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
    if (line.trim() === '' || this.exitEvent) return;
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
