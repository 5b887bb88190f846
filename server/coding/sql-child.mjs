// One SQL sandbox child: runs a candidate's query against a fresh in-memory SQLite database per
// case. Plain .mjs because it runs as its own entry file (tsx and vitest cannot start a .ts one).
// It is a process rather than a worker thread because SQLite's work happens inside one native
// call: Worker.terminate() cannot stop a runaway recursive CTE (the thread keeps spinning and
// even process.exit() waits for it), while SIGKILL on a process always works.
// JSON lines: one case request on stdin, one reply on stdout.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { 'heap-mb': { type: 'string' } } });
const require = createRequire(import.meta.url);
const Database = require('libsql');

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

for (const level of ['log', 'info', 'debug', 'warn']) console[level] = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

// SQLite's own allocations count against this (it is process-wide): a query that builds a huge
// string fails with SQLITE_NOMEM instead of growing the process without bound.
const heapLimit = Number(args['heap-mb'] ?? 256) * 1024 * 1024;
const setup = new Database(':memory:');
setup.exec(`PRAGMA hard_heap_limit = ${Math.floor(heapLimit)}`);
setup.close();

const quoteName = (name) => `"${String(name).replace(/"/g, '""')}"`;
// SQLite binds numbers, strings and null; booleans become 1 and 0 as SQLite stores them anyway.
const bindable = (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const cell = (v) => {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return { $blob: Buffer.from(v).toString('hex') };
  return v;
};

/** Builds the question's tables with this case's rows, then makes the database read-only. */
function openCaseDatabase(schema, seed) {
  const db = new Database(':memory:');
  db.exec(schema);
  db.exec('BEGIN');
  for (const [table, rows] of Object.entries(seed)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      if (columns.length === 0) {
        db.prepare(`INSERT INTO ${quoteName(table)} DEFAULT VALUES`).run();
        continue;
      }
      const sql = `INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      db.prepare(sql).run(columns.map((c) => bindable(row[c])));
    }
  }
  db.exec('COMMIT');
  // Second line of defence behind the parent's statement check: no write can succeed now.
  db.exec('PRAGMA query_only = 1');
  return db;
}

function classify(err) {
  if (err?.code === 'SQLITE_NOMEM' || /out of memory/i.test(String(err?.message))) return 'memory';
  if (err?.code === 'SQLITE_READONLY') return 'rejected';
  return 'sql';
}

function runCase(message) {
  let db;
  try {
    db = openCaseDatabase(message.schema, message.seed);
  } catch (err) {
    // The question's own schema or seed is broken: not the candidate's fault.
    return { type: 'error', kind: 'setup', message: String(err?.message ?? err) };
  }
  try {
    const stmt = db.prepare(message.sql);
    if (!stmt.reader) return { type: 'error', kind: 'rejected', message: 'the statement returns no rows: only a SELECT can run' };
    const columns = stmt.columns().map((c) => c.name);
    const rows = [];
    for (const row of stmt.raw().iterate()) {
      if (rows.length >= message.maxRows) return { type: 'result', columns, rows, tooManyRows: true };
      rows.push(row.map(cell));
    }
    return { type: 'result', columns, rows, tooManyRows: false };
  } catch (err) {
    return { type: 'error', kind: classify(err), message: String(err?.message ?? err) };
  } finally {
    db.close();
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch (err) {
    send({ type: 'error', kind: 'setup', message: `bad request: ${err.message}` });
    return;
  }
  send({ id: message.id, ...runCase(message) });
});
lines.on('close', () => process.exit(0));
send({ type: 'ready' });
