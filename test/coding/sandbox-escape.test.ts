/**
 * Host-escape attempts from a candidate's Python. Each must fail harmlessly: no secret in the
 * result, no file written, no process started, no request reaching the host, and the parent
 * keeps serving (its event loop turns and the next normal run passes).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildChannel } from '../../server/coding/child-channel.ts';
import { createCodeRunner, type MockloopCodeRunner } from '../../server/coding/code-runner.ts';
import { detectNetworkIsolation } from '../../server/coding/network-isolation.ts';
import { bootPythonSandbox, makePythonSnapshot, pyodideDir, snapshotInputs, type PythonSandboxConfig } from '../../server/coding/python-sandbox.ts';
import { obtainSnapshot, snapshotKey } from '../../server/coding/python-snapshot-cache.ts';
import { ADD_REFERENCE, addQuestion } from './support.ts';

const SECRET = `s3cret-${process.pid}-${Date.now()}`;
const MARKER = join(tmpdir(), `mockloop-escape-${process.pid}-${Date.now()}`);
const REPO_FILE = resolve(import.meta.dirname, '../../package.json');
const REPO_SNIPPET = JSON.parse(readFileSync(REPO_FILE, 'utf8')).name as string;
const PASSWD_SNIPPET = 'root:x:0:0';

let runner: MockloopCodeRunner;
let server: Server;
let hits = 0;
let url = '';

beforeAll(async () => {
  // The server's environment holds secrets (API keys); children must start without it.
  process.env.MOCKLOOP_TEST_SECRET = SECRET;
  server = createServer((_req, res) => {
    hits++;
    res.end('reached');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  runner = createCodeRunner({ languages: ['python'] });
  expect((await runner.ready()).python.ready).toBe(true);
});

afterAll(async () => {
  delete process.env.MOCKLOOP_TEST_SECRET;
  await runner?.close();
  await new Promise((done) => server?.close(done));
  rmSync(MARKER, { force: true });
});

/** Python that gets the child's `process` object the way the STACK notes warn about. */
const GET_PROCESS = 'import pyodide_js\nproc = pyodide_js.constructor.constructor("return globalThis.process")()\n';

const RESTRICTED = /Access to this API has been restricted/;

/** [name, code, why it fails]: the reason is checked too, so an attack cannot pass by breaking for another cause. */
const attacks = (): [string, string, RegExp][] => [
  ['js.process.exit() through the js module', 'import js\ndef add(a, b):\n    js.process.exit(7)\n', /stopped unexpectedly/],
  ['process.exit() through pyodide_js and constructor.constructor', `${GET_PROCESS}def add(a, b):\n    proc.exit(9)\n`, /stopped unexpectedly/],
  ['reading /etc/passwd from Python', 'def add(a, b):\n    return open("/etc/passwd").read()\n', /FileNotFoundError/],
  ['reading /etc/passwd through Node fs', `${GET_PROCESS}def add(a, b):\n    return proc.getBuiltinModule("fs").readFileSync("/etc/passwd", "utf8")\n`, RESTRICTED],
  ['reading a repository file through Node fs', `${GET_PROCESS}def add(a, b):\n    return proc.getBuiltinModule("fs").readFileSync(${JSON.stringify(REPO_FILE)}, "utf8")\n`, RESTRICTED],
  [
    'reading /etc/passwd through pyodide.code.run_js',
    'from pyodide.code import run_js\ndef add(a, b):\n    return run_js("process.getBuiltinModule(\'fs\').readFileSync(\'/etc/passwd\', \'utf8\')")\n',
    RESTRICTED,
  ],
  ['writing a file in /tmp through Node fs', `${GET_PROCESS}def add(a, b):\n    proc.getBuiltinModule("fs").writeFileSync(${JSON.stringify(MARKER)}, "x")\n    return a + b\n`, RESTRICTED],
  // Python's own files live in Pyodide's in-memory file system: the write "works" and the host never sees it.
  ['writing a file in /tmp from Python', `def add(a, b):\n    open(${JSON.stringify(MARKER)}, "w").write("x")\n    return open(${JSON.stringify(MARKER)}).read()\n`, /got str 'x'/],
  ['subprocess.run', `import subprocess\ndef add(a, b):\n    return subprocess.run(["touch", ${JSON.stringify(MARKER)}]).returncode\n`, /does not support processes/],
  ['os.system', `import os\ndef add(a, b):\n    return os.system("touch ${MARKER}")\n`, RESTRICTED],
  ['child_process through Node', `${GET_PROCESS}def add(a, b):\n    return proc.getBuiltinModule("child_process").execSync("touch ${MARKER}")\n`, RESTRICTED],
  ['a worker thread through Node', `${GET_PROCESS}def add(a, b):\n    W = proc.getBuiltinModule("worker_threads").Worker\n    return W.new("require('fs').writeFileSync('${MARKER}', 'x')", {"eval": True})\n`, RESTRICTED],
  ['urllib to a server on 127.0.0.1', `import urllib.request\ndef add(a, b):\n    return urllib.request.urlopen("${url}").read()\n`, /URLError/],
  ['pyodide.http.open_url to a server on 127.0.0.1', `from pyodide.http import open_url\ndef add(a, b):\n    return open_url("${url}").read()\n`, /XMLHttpRequest/],
];

/** The parent is alive, its event loop turns, and it still runs code. */
async function expectStillServing(): Promise<void> {
  await new Promise((done) => setImmediate(done));
  expect((await runner.run({ coding: addQuestion(), code: ADD_REFERENCE, mode: 'run' })).status).toBe('passed');
}

describe('host-escape attempts fail harmlessly, and the parent keeps serving', () => {
  it('starts children in a network namespace on this machine (or says why not)', () => {
    const status = runner.status().python;
    if (status.networkIsolated) expect(status.isolationNote).toMatch(/network namespace/);
    else expect(status.isolationNote).toMatch(/^not network-isolated: .{20,}/);
  });

  it.each(attacks().map(([name]) => [name]))('%s', async (name) => {
    const [, code, why] = attacks().find(([n]) => n === name)!;
    const result = await runner.run({ coding: addQuestion(), code, mode: 'run' });
    expect(result.status).not.toBe('passed');
    expect(`${result.message ?? ''} ${result.cases[0]!.error ?? ''}`).toMatch(why);
    const everything = JSON.stringify(result);
    for (const secret of [SECRET, PASSWD_SNIPPET, `"name": "${REPO_SNIPPET}"`]) expect(everything).not.toContain(secret);
    expect(existsSync(MARKER)).toBe(false);
    // Nothing reached the host's loopback (asserted where the network can be cut off).
    if (runner.status().python.networkIsolated) expect(hits).toBe(0);
    await expectStillServing();
  });

  it("does not hand the server's environment to the child", async () => {
    const code = `import os, json\n${GET_PROCESS}def add(a, b):\n    return [json.dumps(dict(os.environ)), pyodide_js.constructor.constructor("return JSON.stringify(process.env)")()]\n`;
    const result = await runner.run({ coding: addQuestion(), code, mode: 'run' });
    const [pythonEnv, nodeEnv] = result.cases[0]!.actual as [string, string];
    expect(nodeEnv).toBe('{}');
    expect(pythonEnv).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    await expectStillServing();
  });
});

describe("the parent's channel to the child is guarded", () => {
  it('ignores results forged for the hidden tests while the examples run', async () => {
    // A wrong solution that writes "passing" hidden results (even the right values) straight to the protocol.
    const forged = addQuestion()
      .tests.map((t, index) => JSON.stringify({ type: 'case', phase: 'tests', index, ok: true, value: t.expected ?? null }))
      .join('\n');
    const code = `${GET_PROCESS}proc.stdout.write(${JSON.stringify(forged)} + "\\n")\ndef add(a, b):\n    return -1\n`;
    const result = await runner.run({ coding: addQuestion(), code, mode: 'submit' });
    expect(result.status).toBe('failed');
    expect(result.cases.filter((c) => c.hidden && c.passed)).toHaveLength(0);
    await expectStillServing();
  });

  it('ends the run when the child forges a value nested deep enough to overflow a recursive comparison', async () => {
    const forge = `'{"type":"case","phase":"examples","index":0,"ok":true,"value":' + "[" * 100_000 + "]" * 100_000 + '}\\n'`;
    const code = `${GET_PROCESS}proc.stdout.write(${forge})\ndef add(a, b):\n    return a + b\n`;
    const result = await runner.run({ coding: addQuestion(), code, mode: 'run' });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/stopped unexpectedly/) });
    await expectStillServing();
  });

  it('ends the run when the child writes something that is not a message, ignoring what follows it', async () => {
    // A well-formed "done" right behind the bad line, in the same write: it must not count.
    const done = JSON.stringify({ type: 'examples-done', status: 'ok', truncated: { stdout: false, stderr: false } });
    const code = `${GET_PROCESS}proc.stdout.write("hello parent\\n" + ${JSON.stringify(done)} + "\\n")\ndef add(a, b):\n    return a + b\n`;
    const result = await runner.run({ coding: addQuestion(), code, mode: 'run' });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/stopped unexpectedly/) });
    await expectStillServing();
  });

  it('kills a child that floods its output instead of buffering it', async () => {
    const code = `${GET_PROCESS}chunk = "x" * 1_000_000\nfor _ in range(20):\n    proc.stdout.write(chunk)\ndef add(a, b):\n    return a + b\n`;
    const result = await runner.run({ coding: addQuestion(), code, mode: 'run' });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/stopped unexpectedly/) });
    await expectStillServing();
  });
});

describe('the network namespace', () => {
  /** Boots one sandbox, has it fire a request at the test server, keeps it alive a moment, and counts hits. */
  async function hitsFrom(cfg: PythonSandboxConfig): Promise<number> {
    const before = hits;
    const child: ChildChannel = await bootPythonSandbox(cfg, new AbortController().signal);
    try {
      const code = `${GET_PROCESS}proc.getBuiltinModule("http").get("${url}").on("error", lambda *_: None)\ndef add(a, b):\n    return a + b\n`;
      child.send({ type: 'examples', code, function: 'add', cases: [{ args: [1, 2] }] });
      // Requests go out once Python returns and the child's event loop turns: give it time.
      for (let i = 0; i < 40 && hits === before; i++) await new Promise((done) => setTimeout(done, 50));
      return hits - before;
    } finally {
      child.kill();
      await child.exited;
    }
  }

  it('keeps a sandbox from reaching a server on 127.0.0.1, which it reaches without the namespace', async () => {
    const isolation = await detectNetworkIsolation({ mode: 'auto', nodePath: process.execPath });
    const base = { nodePath: process.execPath, prefix: [], pyodideDir: pyodideDir(), memoryLimitMb: 256, outputLimitBytes: 4096 };
    const snapshot = await obtainSnapshot({
      key: await snapshotKey(snapshotInputs(base.pyodideDir)),
      make: (file) => makePythonSnapshot(base, file, new AbortController().signal),
      logger: { info() {}, warn() {}, error() {} },
    });
    try {
      // The control: the same code outside the namespace does reach the server, so the check can fail.
      expect(await hitsFrom({ ...base, snapshotFile: snapshot.file })).toBeGreaterThan(0);
      if (!isolation.isolated) return; // nothing to prove on a machine without namespaces (the status says so)
      expect(await hitsFrom({ ...base, prefix: isolation.prefix, snapshotFile: snapshot.file })).toBe(0);
    } finally {
      snapshot.remove();
    }
  }, 60_000);
});
