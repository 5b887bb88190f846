import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { createCodeRunner } from '../../server/coding/code-runner.ts';
import { detectNetworkIsolation } from '../../server/coding/network-isolation.ts';
import { ADD_REFERENCE, addQuestion, exitedAmong, productsQuestion, sandboxChildren } from './support.ts';

describe('network isolation check', () => {
  it('says plainly why there is no isolation when unshare is missing or fails', async () => {
    const missing = await detectNetworkIsolation({ mode: 'auto', unshareCommand: '/nonexistent/unshare', nodePath: process.execPath });
    expect(missing).toMatchObject({ isolated: false, prefix: [] });
    expect(missing.note).toMatch(/^not network-isolated: "unshare -r?n" failed \(.*ENOENT.*\); "unshare -r?n" failed/);
    const failing = await detectNetworkIsolation({ mode: 'auto', unshareCommand: '/bin/false', nodePath: process.execPath });
    expect(failing.isolated).toBe(false);
    expect(failing.note).toMatch(/failed/);
  });

  it('says so when isolation is turned off', async () => {
    const off = await detectNetworkIsolation({ mode: 'off', nodePath: process.execPath });
    expect(off).toEqual({ isolated: false, prefix: [], note: expect.stringMatching(/^not network-isolated: turned off by configuration/) });
  });

  it('isolates with a real namespace where the machine allows it', async () => {
    const found = await detectNetworkIsolation({ mode: 'auto', nodePath: process.execPath });
    if (!found.isolated) return expect(found.note).toMatch(/^not network-isolated/); // this machine cannot; the note says why
    expect(found.prefix[0]).toMatch(/unshare$/);
    expect(found.note).toMatch(/network namespace via "unshare -r?n"/);
  });
});

describe('runner lifecycle', () => {
  it('reports its status as it starts, serves both languages, and kills every child on close', async () => {
    const runner = createCodeRunner({ pythonPoolSize: 1, sqlPoolSize: 1 });
    expect(runner.status().python).toMatchObject({ ready: false, warm: 0 });
    const status = await runner.ready();
    expect(status.python).toMatchObject({ ready: true, warm: 1 });
    expect(status.sql.ready).toBe(true);
    expect((await runner.run({ coding: addQuestion(), code: ADD_REFERENCE, mode: 'submit' })).status).toBe('passed');
    expect((await runner.run({ coding: productsQuestion(), code: productsQuestion().reference, mode: 'submit' })).status).toBe('passed');
    const children = sandboxChildren();
    expect(children.length).toBeGreaterThanOrEqual(2);

    await runner.close();
    expect(sandboxChildren()).toEqual([]);
    expect(await exitedAmong(children, children.length, 1000)).toHaveLength(children.length);
    expect(runner.status().python.ready).toBe(false);
    await expect(runner.run({ coding: addQuestion(), code: ADD_REFERENCE, mode: 'run' })).rejects.toBeInstanceOf(AppError);
  });

  it('ends a run in progress as unavailable when closed, leaving no child behind', async () => {
    const runner = createCodeRunner({ languages: ['python'], pythonPoolSize: 1, timeLimitMs: 30_000 });
    await runner.ready();
    const looping = runner.run({ coding: addQuestion(), code: 'def add(a, b):\n    while True:\n        pass\n', mode: 'run' });
    await new Promise((done) => setTimeout(done, 300));
    await runner.close();
    await expect(looping).rejects.toMatchObject({ code: 'unavailable' });
    expect(sandboxChildren()).toEqual([]);
  });

  it('takes its children down when the server dies without closing it, even children stuck in a loop', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures/orphan-parent.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let children: number[] = [];
    try {
      const [line] = (await once(server.stdout!, 'data')) as [Buffer];
      expect(line.toString()).toBe('running\n');
      children = sandboxChildren(server.pid);
      expect(children.length).toBeGreaterThanOrEqual(2); // the looping Python child and the busy SQL child at least
      server.kill('SIGKILL');
      expect(await exitedAmong(children, children.length, 5000)).toHaveLength(children.length);
    } finally {
      server.kill('SIGKILL');
      for (const pid of children) {
        try {
          process.kill(pid, 'SIGKILL'); // only if the guard failed: never leave a spinning orphan behind
        } catch {
          // already gone, as it should be
        }
      }
    }
  }, 60_000);

  it('closes cleanly while still starting up', async () => {
    const runner = createCodeRunner();
    await new Promise((done) => setTimeout(done, 200));
    await runner.close();
    expect(sandboxChildren()).toEqual([]);
  });

  it('boots a sandbox per run when the pool size is 0', async () => {
    const runner = createCodeRunner({ pythonPoolSize: 0, sqlPoolSize: 0 });
    try {
      expect((await runner.run({ coding: addQuestion(), code: ADD_REFERENCE, mode: 'run' })).status).toBe('passed');
      expect((await runner.run({ coding: productsQuestion(), code: productsQuestion().reference, mode: 'run' })).status).toBe('passed');
      expect(runner.status().python.warm).toBe(0);
    } finally {
      await runner.close();
    }
  });

  it('answers "unavailable" for a language that is turned off, and says so in the status', async () => {
    const runner = createCodeRunner({ languages: ['sql'] });
    try {
      await expect(runner.run({ coding: addQuestion(), code: ADD_REFERENCE, mode: 'run' })).rejects.toMatchObject({
        code: 'unavailable',
        message: 'Python is turned off on this server.',
      });
      expect(runner.status().python).toEqual({ ready: false, warm: 0, networkIsolated: false, isolationNote: 'Python is turned off on this server' });
    } finally {
      await runner.close();
    }
  });

  it('rejects nonsense options at creation', () => {
    expect(() => createCodeRunner({ timeLimitMs: 0 })).toThrow(/timeLimitMs must be a whole number/);
    expect(() => createCodeRunner({ pythonPoolSize: 1.5 })).toThrow(/pythonPoolSize/);
  });
});
