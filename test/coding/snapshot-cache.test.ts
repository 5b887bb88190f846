import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { obtainSnapshot, snapshotKey } from '../../server/coding/python-snapshot-cache.ts';

let root: string;
const warnings: string[] = [];
const logger = { info() {}, error() {}, warn: (msg: string) => void warnings.push(msg) };

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mockloop-cache-test-'));
  warnings.length = 0;
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A stand-in for booting Pyodide: writes the given file and counts calls. */
function maker(content: string) {
  const calls: string[] = [];
  return {
    calls,
    make: async (file: string) => {
      calls.push(file);
      writeFileSync(file, content);
    },
  };
}

describe('Python snapshot cache', () => {
  it('makes the snapshot once, then serves later runners from the cache', async () => {
    const cacheDir = join(root, 'cache');
    const first = maker('image-1');
    const a = await obtainSnapshot({ key: 'k1', make: first.make, cacheDir, logger });
    expect(first.calls).toHaveLength(1);
    expect(a.cached).toBe(false);
    const second = maker('never');
    const b = await obtainSnapshot({ key: 'k1', make: second.make, cacheDir, logger });
    expect(second.calls).toHaveLength(0);
    expect(b).toMatchObject({ cached: true });
    expect(readFileSync(b.file, 'utf8')).toBe('image-1');
    expect(b.file).not.toBe(a.file);
    a.remove();
    b.remove();
    expect(existsSync(a.file) || existsSync(b.file)).toBe(false);
    expect(readdirSync(cacheDir)).toEqual(['k1.snapshot']);
  });

  it('makes a new snapshot when the key changes and drops the old one, without breaking a runner still using it', async () => {
    const cacheDir = join(root, 'cache');
    const old = await obtainSnapshot({ key: 'old', make: maker('old-image').make, cacheDir, logger });
    const fresh = maker('new-image');
    const current = await obtainSnapshot({ key: 'new', make: fresh.make, cacheDir, logger });
    expect(fresh.calls).toHaveLength(1);
    expect(readdirSync(cacheDir)).toEqual(['new.snapshot']);
    // The older runner boots from its own link, which pruning does not touch.
    expect(readFileSync(old.file, 'utf8')).toBe('old-image');
    old.remove();
    current.remove();
  });

  it('does not trust a cache folder other users can write to', async () => {
    const cacheDir = join(root, 'open');
    await obtainSnapshot({ key: 'k', make: maker('x').make, cacheDir, logger }).then((s) => s.remove());
    chmodSync(cacheDir, 0o777);
    const planted = maker('mine');
    writeFileSync(join(cacheDir, 'k.snapshot'), 'planted by someone else');
    const s = await obtainSnapshot({ key: 'k', make: planted.make, cacheDir, logger });
    expect(planted.calls).toHaveLength(1);
    expect(readFileSync(s.file, 'utf8')).toBe('mine');
    expect(warnings).toContain('code runner: not caching the Python snapshot');
    s.remove();
  });

  it('cleans up its private folder when making the snapshot fails', async () => {
    let written = '';
    const failing = async (file: string) => {
      written = file;
      writeFileSync(file, 'partial');
      throw new Error('boot failed');
    };
    await expect(obtainSnapshot({ key: 'k', make: failing, cacheDir: join(root, 'cache'), logger })).rejects.toThrow('boot failed');
    expect(written).not.toBe('');
    expect(existsSync(dirname(written))).toBe(false);
    expect(readdirSync(join(root, 'cache'))).toEqual([]);
  });

  it('sweeps the private folders of runners that died without closing, and keeps those of live ones', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const abandoned = join(tmpdir(), `mockloop-pyodide-run-${deadPid}-test`);
    const live = join(tmpdir(), `mockloop-pyodide-run-${process.pid}-test`);
    for (const dir of [abandoned, live]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'python.snapshot'), 'x');
    }
    try {
      const s = await obtainSnapshot({ key: 'k', make: maker('x').make, cacheDir: join(root, 'cache'), logger });
      s.remove();
      expect(existsSync(abandoned)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      rmSync(abandoned, { recursive: true, force: true });
      rmSync(live, { recursive: true, force: true });
    }
  });

  it('keys on the content of the inputs', async () => {
    const file = join(root, 'input');
    writeFileSync(file, 'a');
    const one = await snapshotKey({ files: [file], extra: ['v20'] });
    expect(await snapshotKey({ files: [file], extra: ['v20'] })).toBe(one);
    expect(await snapshotKey({ files: [file], extra: ['v22'] })).not.toBe(one);
    writeFileSync(file, 'b');
    expect(await snapshotKey({ files: [file], extra: ['v20'] })).not.toBe(one);
  });
});
