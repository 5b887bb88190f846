import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootSqlSandbox } from '../../server/coding/sql-sandbox.ts';
import { createCodeRunner, type MockloopCodeRunner } from '../../server/coding/code-runner.ts';
import { exitedAmong, expectRedacted, hiddenCases, productsQuestion, sandboxChildren, loopGapDuring } from './support.ts';

const TIME_LIMIT_MS = 1500;
let runner: MockloopCodeRunner;

beforeAll(async () => {
  runner = createCodeRunner({ languages: ['sql'], timeLimitMs: TIME_LIMIT_MS, maxSqlRows: 500 });
  expect((await runner.ready()).sql.ready).toBe(true);
});

afterAll(async () => {
  await runner?.close();
});

const run = (code: string, mode: 'run' | 'submit' = 'run', coding = productsQuestion()) => runner.run({ coding, code, mode });

describe('SQL results', () => {
  it('passes the reference on every case, showing examples in full and hidden tests as pass/fail only', async () => {
    const result = await run(productsQuestion().reference, 'submit');
    expect(result).toMatchObject({ language: 'sql', status: 'passed', passed: 8, total: 8, stdout: '', outputTruncated: false });
    expect(result.cases[0]).toEqual({
      index: 0,
      hidden: false,
      passed: true,
      note: 'one office product',
      expected: { columns: ['name', 'price'], rows: [['pen', 1.5]] },
      actual: { columns: ['name', 'price'], rows: [['pen', 1.5]] },
    });
    hiddenCases(result).forEach(expectRedacted);
  });

  it("runs only the examples in 'run' mode", async () => {
    expect(await run(productsQuestion().reference)).toMatchObject({ status: 'passed', passed: 2, total: 2 });
  });

  it('fails a wrong query with the first differing rows, and reveals nothing of the hidden tests', async () => {
    const result = await run("SELECT name, price FROM products WHERE category = 'office' AND price > 100", 'submit');
    expect(result.status).toBe('failed');
    expect(result.cases[0]).toMatchObject({ passed: false, error: "expected 1 rows, got 0; missing ('pen', 1.5) (row order does not matter)" });
    expect(result.cases[1]).toMatchObject({ passed: false, error: expect.stringMatching(/missing \('lamp', NULL\)/) });
    hiddenCases(result).forEach(expectRedacted);
    const everything = JSON.stringify(result);
    expect(everything).not.toContain('secretwidget');
    expect(everything).not.toContain('secret hidden note');
  });

  it('builds a fresh database for every case: rows of one case never show up in another', async () => {
    // Example 2 has desk and lamp only; with a shared database it would also see example 1's pen.
    const result = await run("SELECT name, price FROM products WHERE category = 'office'");
    expect(result.cases[1]).toMatchObject({ passed: true, actual: { columns: ['name', 'price'], rows: [['desk', 200], ['lamp', null]] } });
  });

  it('compares as a multiset unless order matters', async () => {
    // Example 2 expects (lamp, NULL) before (desk, 200): SQLite sorts NULL first in ascending order.
    const ascending = "SELECT name, price FROM products WHERE category = 'office' ORDER BY price";
    const descending = "SELECT name, price FROM products WHERE category = 'office' ORDER BY price DESC";
    expect((await run(descending, 'submit')).status).toBe('passed');
    const ordered = productsQuestion({ order_matters: true });
    expect((await run(ascending, 'run', ordered)).status).toBe('passed');
    const wrongOrder = await run(descending, 'run', ordered);
    expect(wrongOrder.cases[1]).toMatchObject({ passed: false, error: "row 1 differs: expected ('lamp', NULL), got ('desk', 200) (order matters here)" });
  });

  it('compares floats with the tolerance and NULL only with NULL', async () => {
    const floats = await run("SELECT name, price + 0.1 + 0.2 - 0.30000000000000004 AS price FROM products WHERE category = 'office'", 'submit');
    expect(floats.status).toBe('passed');
    const nullAsZero = await run("SELECT name, coalesce(price, 0) FROM products WHERE category = 'office'");
    expect(nullAsZero.cases[1]).toMatchObject({ passed: false, error: expect.stringMatching(/missing \('lamp', NULL\); unexpected \('lamp', 0\)/) });
  });

  it('fails a result with the wrong number of columns, naming them', async () => {
    const result = await run("SELECT name FROM products WHERE category = 'office'");
    expect(result.cases[0]).toMatchObject({ passed: false, error: 'expected 2 columns (name, price), got 1 (name)' });
  });

  it('reports an SQL error on an example with SQLite message', async () => {
    expect(await run('SELECT nme FROM products')).toMatchObject({ status: 'error', message: 'SQL error: no such column: nme' });
  });

  it('fails a hidden test whose data makes the query error, without showing the error', async () => {
    const result = await run(
      "SELECT name, price FROM products WHERE category = 'office' AND CASE WHEN name = 'secretwidget' THEN json_extract('not json', '$') ELSE 1 END",
      'submit',
    );
    expect(result).toMatchObject({ status: 'failed', passed: 7, total: 8 });
    expect(result.message).toBeUndefined();
    expect(hiddenCases(result)[0]).toEqual({ index: 0, hidden: true, passed: false });
    expect(JSON.stringify(result)).not.toMatch(/malformed|secretwidget/);
  });

  it("blames the question, not the candidate, when the question's schema is broken", async () => {
    const broken = productsQuestion({ schema: 'CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT' });
    expect(await run('SELECT name, price FROM products', 'run', broken)).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/^This question's database could not be built \(a problem in the question bank\)/),
    });
  });

  it('stops a result with too many rows instead of collecting it', async () => {
    const result = await run('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, x FROM c');
    expect(result.status).toBe('failed');
    expect(result.cases[0]).toMatchObject({ passed: false, error: 'the query returned more than 500 rows' });
  });

  it("reports a query that exhausts SQLite's memory as out of memory", async () => {
    const result = await run(
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100) SELECT length(group_concat(printf('%.10000000c', 'x'))), 1 FROM c",
    );
    expect(result).toMatchObject({ status: 'memory', message: expect.stringMatching(/Out of memory/) });
  });
});

describe('SQL statement rules, end to end', () => {
  it.each([
    ['INSERT INTO products VALUES (9, "x", "y", 1)', /start with SELECT or WITH/],
    ['UPDATE products SET price = 0', /start with SELECT or WITH/],
    ['DELETE FROM products', /start with SELECT or WITH/],
    ['DROP TABLE products', /start with SELECT or WITH/],
    ["ATTACH DATABASE '/tmp/x.db' AS x", /start with SELECT or WITH/],
    ['PRAGMA table_info(products)', /start with SELECT or WITH/],
    ['SELECT name, price FROM products; DELETE FROM products', /Only one statement/],
    ['WITH gone AS (SELECT 1) DELETE FROM products', /DELETE is not allowed/],
    ["SELECT readfile('/etc/passwd'), 1", /readfile\(\) is not allowed/],
  ])('rejects %s before running it', async (sql, reason) => {
    const result = await run(sql);
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(reason);
    expect(result.cases.every((c) => !c.passed && c.error === 'not run: the query was rejected')).toBe(true);
  });

  it('accepts a trailing semicolon and comments', async () => {
    expect((await run("-- office only\nSELECT name, price FROM products /* all */ WHERE category = 'office';\n")).status).toBe('passed');
  });

  it('has a second guard in the sandbox: a write that slipped past the check fails on the read-only database', async () => {
    const child = await bootSqlSandbox({ nodePath: process.execPath, prefix: [], heapLimitMb: 64 }, new AbortController().signal);
    try {
      const ask = async (sql: string) => {
        child.send({ id: 0, schema: 'CREATE TABLE t (a INTEGER);', seed: { t: [{ a: 1 }] }, sql, maxRows: 10 });
        const event = await child.nextWithin(5000);
        return event !== 'timeout' && event.kind === 'message' ? event.data : event;
      };
      expect(await ask('DELETE FROM t RETURNING a')).toMatchObject({ type: 'error', kind: 'rejected', message: 'attempt to write a readonly database' });
      expect(await ask('CREATE TABLE u (b)')).toMatchObject({ type: 'error', kind: 'rejected', message: expect.stringMatching(/returns no rows/) });
      expect(await ask('SELECT a FROM t')).toMatchObject({ type: 'result', columns: ['a'], rows: [[1]] });
    } finally {
      child.kill();
      await child.exited;
    }
  });
});

describe('SQL time limit', () => {
  it('stops a runaway recursive CTE, kills its process, keeps the event loop free, and serves the next run', async () => {
    const before = sandboxChildren();
    const runaway = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*), 1 FROM c';
    const { value: result, maxGapMs, ms } = await loopGapDuring(run(runaway));
    expect(result).toMatchObject({ status: 'timeout', message: expect.stringMatching(/more than 1.5 s/) });
    expect(ms).toBeLessThan(TIME_LIMIT_MS + 2000);
    expect(maxGapMs).toBeLessThan(ms / 3);
    expect(await exitedAmong(before, 1, 2000)).toHaveLength(1);
    const started = performance.now();
    expect((await run(productsQuestion().reference, 'submit')).status).toBe('passed');
    expect(performance.now() - started).toBeLessThan(2500);
  });
});
