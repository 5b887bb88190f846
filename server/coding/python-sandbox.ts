/**
 * How a Python sandbox child is started, booted and snapshotted. The isolation is the process:
 *   [unshare -n] node --experimental-permission --allow-fs-read=<pyodide> --allow-fs-read=<child
 *   files> [--allow-fs-read=<snapshot>] python-child.mjs
 * so the child may read Pyodide and its own two files and nothing else, may not write, spawn or
 * start workers, gets an empty environment, and (where possible) sees no network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ChildChannel, expectFirstMessage } from './child-channel.ts';

export const PYTHON_CHILD_FILE = fileURLToPath(new URL('./python-child.mjs', import.meta.url));
export const PYTHON_HARNESS_FILE = fileURLToPath(new URL('./python-harness.py', import.meta.url));

/** The folder of the pyodide npm package: the only place the child reads the runtime from. */
export function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export interface PythonSandboxConfig {
  nodePath: string;
  /** The network-namespace wrapper, or nothing. */
  prefix: string[];
  pyodideDir: string;
  memoryLimitMb: number;
  outputLimitBytes: number;
  /** A memory snapshot to boot from (much faster than a full start). */
  snapshotFile?: string;
  /** Told about every child as soon as it is spawned (so it can be killed on shutdown). */
  onSpawn?: (channel: ChildChannel) => void;
}

/** Snapshot boot is well under a second; a cold start on a busy machine can take many. */
const BOOT_TIMEOUT_MS = 60_000;
/** A case's value is capped at 1 MB by the harness; output messages are much smaller. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;
/** All a submission may send back: generous for real results, a stop for a flood. */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** The child's own JavaScript heap; Python's memory is the separate wasm heap, capped in the child. */
const CHILD_JS_HEAP_MB = 256;

function childCommand(cfg: PythonSandboxConfig, extra: { readFiles?: string[]; writeFile?: string; childArgs: string[] }) {
  const nodeArgs = [
    '--experimental-permission',
    '--disable-warning=ExperimentalWarning',
    `--max-old-space-size=${CHILD_JS_HEAP_MB}`,
    `--allow-fs-read=${cfg.pyodideDir}/`,
    `--allow-fs-read=${PYTHON_CHILD_FILE}`,
    `--allow-fs-read=${PYTHON_HARNESS_FILE}`,
    ...(extra.readFiles ?? []).map((f) => `--allow-fs-read=${f}`),
    ...(extra.writeFile ? [`--allow-fs-write=${extra.writeFile}`] : []),
    PYTHON_CHILD_FILE,
    `--pyodide=${cfg.pyodideDir}`,
    `--harness=${PYTHON_HARNESS_FILE}`,
    `--memory-mb=${cfg.memoryLimitMb}`,
    `--output-limit=${cfg.outputLimitBytes}`,
    ...extra.childArgs,
  ];
  const [command, ...prefixArgs] = [...cfg.prefix, cfg.nodePath];
  return { command: command!, args: [...prefixArgs, ...nodeArgs] };
}

const ReadySchema = z.object({ type: z.literal('ready') });
const SnapshotDoneSchema = z.object({ type: z.literal('snapshot-done') });

/** Starts one sandbox and resolves once Python is loaded and the harness is ready for a job. */
export async function bootPythonSandbox(cfg: PythonSandboxConfig, signal: AbortSignal): Promise<ChildChannel> {
  if (signal.aborted) throw new Error('the code runner was closed');
  const readFiles = cfg.snapshotFile ? [cfg.snapshotFile] : [];
  const childArgs = cfg.snapshotFile ? [`--snapshot=${cfg.snapshotFile}`] : [];
  const { command, args } = childCommand(cfg, { readFiles, childArgs });
  const channel = new ChildChannel({ command, args, cwd: cfg.pyodideDir, maxLineBytes: MAX_LINE_BYTES, maxTotalBytes: MAX_TOTAL_BYTES });
  cfg.onSpawn?.(channel);
  await expectFirstMessage(channel, ReadySchema, 'starting a Python sandbox', BOOT_TIMEOUT_MS, signal);
  return channel;
}

/** Everything that shapes a snapshot's contents, for the snapshot cache's key. */
export function snapshotInputs(dir: string): { files: string[]; extra: string[] } {
  return {
    files: [PYTHON_CHILD_FILE, PYTHON_HARNESS_FILE, join(dir, 'pyodide.asm.wasm'), join(dir, 'pyodide.asm.mjs'), join(dir, 'python_stdlib.zip')],
    extra: [process.version, process.arch],
  };
}

/**
 * Boots Pyodide once in a child that runs only our code and saves its memory; later children
 * start from that image. The child may write that one file and nothing else.
 */
export async function makePythonSnapshot(cfg: PythonSandboxConfig, file: string, signal: AbortSignal): Promise<void> {
  const { command, args } = childCommand({ ...cfg, snapshotFile: undefined }, { writeFile: file, childArgs: [`--make-snapshot=${file}`] });
  const channel = new ChildChannel({ command, args, cwd: cfg.pyodideDir, maxLineBytes: 4096 });
  cfg.onSpawn?.(channel);
  await expectFirstMessage(channel, SnapshotDoneSchema, 'making the Python snapshot', BOOT_TIMEOUT_MS, signal);
  await channel.exited;
}
