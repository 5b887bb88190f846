import { describe, expect, it } from 'vitest';
import { checkSql } from '../../server/coding/sql-guard.ts';

function rejection(sql: string): string {
  const result = checkSql(sql);
  if (result.ok) throw new Error(`expected the guard to reject: ${sql}`);
  return result.message;
}

describe('checkSql: what may run', () => {
  it.each([
    'SELECT 1',
    'select * from products;',
    'SELECT 1;  -- done\n',
    'SELECT 1;;',
    "SELECT name FROM products WHERE name = 'DROP TABLE products; DELETE'",
    'SELECT "update", [delete], `insert` FROM t',
    '/* INSERT INTO x */ SELECT 1',
    'WITH r AS (SELECT 1 AS x) SELECT x FROM r',
    'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT n FROM c',
    'WITH a(x, y) AS MATERIALIZED (SELECT 1, 2), b AS NOT MATERIALIZED (SELECT 3) SELECT * FROM a, b',
    "SELECT replace(name, 'a', 'b'), count(*) FILTER (WHERE x > 0), CAST(x AS REAL) FROM t GROUP BY 1",
    'SELECT category, RANK() OVER (PARTITION BY category ORDER BY revenue DESC) FROM t WINDOW w AS (ORDER BY x)',
    "SELECT strftime('%Y', d), round(avg(x), 2), coalesce(a, b), json_extract(j, '$.a') FROM t",
    'SELECT * FROM t WHERE x IN (SELECT y FROM u) AND EXISTS (SELECT 1 FROM v)',
    'SELECT value FROM generate_series(1, 3)',
    "SELECT x'00ff', 1e-5, .5, 0x1F",
    'SELECT 1 /* an unterminated comment runs to the end',
  ])('accepts %s', (sql) => {
    expect(checkSql(sql)).toEqual({ ok: true });
  });
});

describe('checkSql: what is rejected, and why', () => {
  it.each([
    ['INSERT INTO products VALUES (1)', /start with SELECT or WITH/],
    ['UPDATE products SET name = 1', /start with SELECT or WITH/],
    ['DELETE FROM products', /start with SELECT or WITH/],
    ['CREATE TABLE x (a)', /start with SELECT or WITH/],
    ['DROP TABLE products', /start with SELECT or WITH/],
    ['ALTER TABLE products ADD c', /start with SELECT or WITH/],
    ['REPLACE INTO products VALUES (1)', /start with SELECT or WITH/],
    ['VACUUM', /start with SELECT or WITH/],
    ["ATTACH 'x.db' AS x", /start with SELECT or WITH/],
    ['PRAGMA table_info(products)', /start with SELECT or WITH/],
    ['BEGIN', /start with SELECT or WITH/],
    ['VALUES (1)', /start with SELECT or WITH/],
  ])('rejects a statement that is not a read: %s', (sql, reason) => {
    expect(rejection(sql)).toMatch(reason);
  });

  it.each([
    ['SELECT 1; SELECT 2', /Only one statement/],
    ['SELECT 1; DROP TABLE products', /Only one statement/],
    ["SELECT 1; -- comment\nATTACH 'x' AS y", /Only one statement/],
  ])('rejects more than one statement: %s', (sql, reason) => {
    expect(rejection(sql)).toMatch(reason);
  });

  it.each([
    ['WITH x AS (SELECT 1) DELETE FROM products', /DELETE is not allowed/],
    ['WITH x AS (SELECT 1) INSERT INTO products SELECT * FROM x', /INSERT is not allowed/],
    ['WITH x AS (SELECT 1) UPDATE products SET a = 1', /UPDATE is not allowed/],
    ['WITH x AS (SELECT 1) VALUES (1)', /must be a SELECT/],
    ['SELECT * FROM pragma_table_info(\'products\')', /pragma_table_info/],
    ['SELECT name FROM pragma_function_list', /pragma_function_list/],
  ])('rejects a write or setting hidden behind WITH or a table: %s', (sql, reason) => {
    expect(rejection(sql)).toMatch(reason);
  });

  // This libSQL build ships the fileio extension: these are plain SELECTs that touch the host.
  it.each([
    ["SELECT readfile('/etc/passwd')", /readfile\(\) is not allowed/],
    ["SELECT writefile('/tmp/x', 'y')", /writefile\(\) is not allowed/],
    ['SELECT "readfile"(\'/etc/passwd\')', /readfile\(\) is not allowed/],
    ["SELECT [writefile]('/tmp/x', 'y')", /writefile\(\) is not allowed/],
    ["SELECT * FROM fsdir('/etc')", /fsdir/],
    ["SELECT data FROM fsdir WHERE name = '/etc/passwd'", /fsdir/],
    ["SELECT sha3_query('ATTACH ''x'' AS y')", /sha3_query\(\) is not allowed/],
    ["SELECT load_extension('/tmp/evil.so')", /load_extension\(\) is not allowed/],
    ['SELECT * FROM sqlite_dbpage', /sqlite_dbpage/],
  ])('rejects reaching outside the database: %s', (sql, reason) => {
    expect(rejection(sql)).toMatch(reason);
  });

  it('rejects an empty query and an unterminated string', () => {
    expect(rejection('  -- nothing here\n ;')).toMatch(/empty/);
    expect(rejection("SELECT 'oops")).toMatch(/unterminated string literal/);
  });
});
