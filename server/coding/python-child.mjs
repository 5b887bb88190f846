// One Python sandbox child: Pyodide inside a Node process started with the permission model (see
// python-sandbox.ts for the exact command). Plain .mjs because it runs as its own entry file: tsx
// and vitest cannot start a .ts file here. It speaks JSON lines: jobs on stdin, replies on stdout.
//
// Everything the candidate's code can reach (the `js` module, the `constructor.constructor`
// trick) lands in this process, which can read only the Pyodide folder and its own files, cannot
// write, spawn or start workers, runs in a network namespace where available, and is thrown away
// after one submission. Nothing said from here is trusted: the parent validates every line.
import { constants as fsConstants, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    pyodide: { type: 'string' },
    harness: { type: 'string' },
    snapshot: { type: 'string' },
    'make-snapshot': { type: 'string' },
    'memory-mb': { type: 'string' },
    'output-limit': { type: 'string' },
  },
});

/** One protocol line to the parent. Synchronous on Linux pipes, so it is out before any kill. */
function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

// Stray console output must not corrupt the protocol on stdout.
for (const level of ['log', 'info', 'debug', 'warn']) console[level] = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

// Under the permission model process.binding throws; Pyodide's NODEFS only needs the fs constants.
process.binding = (name) => {
  if (name === 'constants') return { fs: fsConstants };
  throw new Error(`process.binding('${name}') is not available in the sandbox`);
};

// Cap the wasm heap: a failed grow makes malloc fail, which Python turns into MemoryError instead
// of letting the child grow to wasm32's 4 GB.
const memoryLimit = Number(args['memory-mb'] ?? 512) * 1024 * 1024;
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (pages) {
  if (this.buffer.byteLength + pages * 65536 > memoryLimit) throw new RangeError('the sandbox memory limit was reached');
  return grow.call(this, pages);
};

// Output written below Python's sys.stdout (sys.__stdout__, os.write) lands here, byte by byte as
// Python flushes it (a line-batched handler would hold back print(..., end='')). It is passed on
// only while the visible examples run, up to the output limit.
const outputLimit = Number(args['output-limit'] ?? 65536);
const fdOutput = { open: true, sent: { stdout: 0, stderr: 0 }, truncated: { stdout: false, stderr: false } };
function fdSink(stream) {
  const decoder = new TextDecoder();
  return {
    write: (bytes) => {
      if (!fdOutput.open) return bytes.length;
      const text = decoder.decode(bytes, { stream: true });
      const room = outputLimit - fdOutput.sent[stream];
      if (text.length > room) fdOutput.truncated[stream] = true;
      if (room > 0 && text) {
        const piece = text.slice(0, room);
        fdOutput.sent[stream] += piece.length;
        send({ type: 'output', stream, text: piece });
      }
      return bytes.length;
    },
  };
}

const { loadPyodide } = await import(pathToFileURL(join(args.pyodide, 'pyodide.mjs')).href);
const HARNESS_MODULES = 'import builtins, io, json, linecache, math, sys, traceback';

if (args['make-snapshot']) {
  // Booting from a memory snapshot takes a fraction of a full start; this child runs only our code.
  const py = await loadPyodide({ indexURL: `${args.pyodide}/`, _makeSnapshot: true });
  py.runPython(HARNESS_MODULES);
  writeFileSync(args['make-snapshot'], py.makeMemorySnapshot());
  send({ type: 'snapshot-done' });
  process.exit(0);
}

const started = performance.now();
const py = await loadPyodide({
  indexURL: `${args.pyodide}/`,
  ...(args.snapshot ? { _loadSnapshot: readFileSync(args.snapshot) } : {}),
  env: { HOME: '/home/pyodide' },
});
py.setStdout(fdSink('stdout'));
py.setStderr(fdSink('stderr'));
// input() gets end-of-file: stdin carries the protocol and must never reach Python.
py.setStdin({ stdin: () => null });
py.runPython(HARNESS_MODULES);
const harness = py.globals.get('dict')();
py.runPython(readFileSync(args.harness, 'utf8'), { globals: harness, filename: 'mockloop_harness.py' });
const runExamples = harness.get('run_examples');
const runTests = harness.get('run_tests');
const emit = (line) => process.stdout.write(`${line}\n`);

function handle(message) {
  if (message.type === 'examples') {
    const summary = JSON.parse(runExamples(message.code, message.function, JSON.stringify(message.cases), outputLimit, emit));
    // The examples are done: nothing printed after this point may reach the candidate.
    fdOutput.open = false;
    const truncated = {
      stdout: Boolean(summary.truncated?.stdout) || fdOutput.truncated.stdout,
      stderr: Boolean(summary.truncated?.stderr) || fdOutput.truncated.stderr,
    };
    send({ type: 'examples-done', status: summary.status, message: summary.message, truncated });
  } else if (message.type === 'tests') {
    fdOutput.open = false;
    const summary = JSON.parse(runTests(JSON.stringify(message.cases), emit));
    send({ type: 'tests-done', status: summary.status });
  } else {
    throw new Error(`unknown message type ${String(message.type)}`);
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  try {
    handle(JSON.parse(line));
  } catch (err) {
    // A Pyodide fatal error (wasm stack overflow, out of memory in the runtime) lands here.
    send({ type: 'fatal', message: String(err?.message ?? err).slice(0, 2000) });
    process.exit(1);
  }
});
lines.on('close', () => process.exit(0));
send({ type: 'ready', bootMs: Math.round(performance.now() - started) });
