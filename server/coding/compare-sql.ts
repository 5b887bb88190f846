/**
 * Compares a query's result with the expected one: the same number of columns (names may differ:
 * SQL names unaliased expressions freely), then the rows, in order when the question says order
 * matters and as a multiset otherwise. Cells: NULL equals NULL only; numbers as in
 * compare-values.ts (integers exactly, fractions within the tolerance); a boolean in the question
 * equals SQLite's 1 or 0; text exactly.
 */
import { numbersClose, type Comparison } from './compare-values.ts';

export type Cell = string | number | boolean | null | { $blob: string };
export interface SqlTable {
  columns: string[];
  rows: Cell[][];
}

/** Beyond this many rows a greedy match costs too much; a sorted comparison decides alone. */
const GREEDY_MATCH_MAX_ROWS = 2000;
const SHOWN_ROWS = 3;

function asNumber(c: Cell): number | undefined {
  if (typeof c === 'number') return c;
  if (typeof c === 'boolean') return c ? 1 : 0;
  return undefined;
}

export function cellsEqual(expected: Cell, actual: Cell, tolerance: number): boolean {
  if (expected === null || actual === null) return expected === actual;
  const e = asNumber(expected);
  const a = asNumber(actual);
  if (e !== undefined && a !== undefined) return numbersClose(e, a, tolerance);
  if (typeof expected === 'object' && typeof actual === 'object') return expected.$blob === actual.$blob;
  return expected === actual;
}

function rowsEqual(e: Cell[], a: Cell[], tolerance: number): boolean {
  return e.length === a.length && e.every((cell, i) => cellsEqual(cell, a[i]!, tolerance));
}

/** A total order for sorting rows before a multiset comparison: NULL < numbers < text < blobs. */
function cellOrder(x: Cell, y: Cell): number {
  const rank = (c: Cell) => (c === null ? 0 : asNumber(c) !== undefined ? 1 : typeof c === 'string' ? 2 : 3);
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (rx === 1) return asNumber(x)! - asNumber(y)!;
  const sx = typeof x === 'string' ? x : rx === 3 ? (x as { $blob: string }).$blob : '';
  const sy = typeof y === 'string' ? y : ry === 3 ? (y as { $blob: string }).$blob : '';
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

function rowOrder(x: Cell[], y: Cell[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = cellOrder(x[i]!, y[i]!);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

export function formatRow(row: Cell[]): string {
  const cell = (c: Cell) => (c === null ? 'NULL' : typeof c === 'string' ? `'${c}'` : typeof c === 'object' ? `x'${c.$blob}'` : String(c));
  return `(${row.map(cell).join(', ')})`;
}

function listRows(rows: Cell[][]): string {
  const shown = rows.slice(0, SHOWN_ROWS).map(formatRow).join(', ');
  return rows.length > SHOWN_ROWS ? `${shown} and ${rows.length - SHOWN_ROWS} more` : shown;
}

/** Pairs each expected row with an equal actual row; returns the rows left over on each side. */
function greedyMatch(expected: Cell[][], actual: Cell[][], tolerance: number): { missing: Cell[][]; unexpected: Cell[][] } {
  const used = new Array<boolean>(actual.length).fill(false);
  const missing: Cell[][] = [];
  for (const row of expected) {
    const j = actual.findIndex((a, k) => !used[k] && rowsEqual(row, a, tolerance));
    if (j === -1) missing.push(row);
    else used[j] = true;
  }
  return { missing, unexpected: actual.filter((_, k) => !used[k]) };
}

export function compareSqlResult(expected: SqlTable, actual: SqlTable, opts: { orderMatters: boolean; tolerance: number }): Comparison {
  if (expected.columns.length !== actual.columns.length)
    return {
      equal: false,
      reason: `expected ${expected.columns.length} columns (${expected.columns.join(', ')}), got ${actual.columns.length} (${actual.columns.join(', ')})`,
    };
  const { tolerance } = opts;
  if (opts.orderMatters) {
    const n = Math.max(expected.rows.length, actual.rows.length);
    for (let i = 0; i < n; i++) {
      const e = expected.rows[i];
      const a = actual.rows[i];
      if (e && a && rowsEqual(e, a, tolerance)) continue;
      const countNote = expected.rows.length !== actual.rows.length ? ` (expected ${expected.rows.length} rows, got ${actual.rows.length})` : '';
      const detail = !a ? `expected ${formatRow(e!)}, got no row` : !e ? `got an extra row ${formatRow(a)}` : `expected ${formatRow(e)}, got ${formatRow(a)}`;
      return { equal: false, reason: `row ${i + 1} differs${countNote}: ${detail} (order matters here)` };
    }
    return { equal: true };
  }
  const sortedE = [...expected.rows].sort(rowOrder);
  const sortedA = [...actual.rows].sort(rowOrder);
  if (sortedE.length === sortedA.length && sortedE.every((row, i) => rowsEqual(row, sortedA[i]!, tolerance))) return { equal: true };
  const countNote = expected.rows.length !== actual.rows.length ? `expected ${expected.rows.length} rows, got ${actual.rows.length}` : '';
  if (Math.max(sortedE.length, sortedA.length) > GREEDY_MATCH_MAX_ROWS) {
    const i = sortedE.findIndex((row, k) => !sortedA[k] || !rowsEqual(row, sortedA[k], tolerance));
    const first = i === -1 ? '' : `first difference in sorted order: expected ${formatRow(sortedE[i]!)}, got ${sortedA[i] ? formatRow(sortedA[i]) : 'no row'}`;
    return { equal: false, reason: [countNote, first].filter(Boolean).join('; ') || 'the rows differ' };
  }
  // Tolerance can make sorted orders disagree on near-equal numbers: match row by row before failing.
  const { missing, unexpected } = greedyMatch(sortedE, sortedA, tolerance);
  if (missing.length === 0 && unexpected.length === 0) return { equal: true };
  const parts = [
    countNote,
    missing.length ? `missing ${listRows(missing)}` : '',
    unexpected.length ? `unexpected ${listRows(unexpected)}` : '',
  ];
  return { equal: false, reason: `${parts.filter(Boolean).join('; ')} (row order does not matter)` };
}
