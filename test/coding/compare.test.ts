import { describe, expect, it } from 'vitest';
import { compareSqlResult, type SqlTable } from '../../server/coding/compare-sql.ts';
import { compareValues, jsonSafe } from '../../server/coding/compare-values.ts';

describe('compareValues (Python results)', () => {
  it('compares floats within the tolerance, recursively through lists and dicts', () => {
    expect(compareValues([0.15, { a: [0.25] }], [0.15000000000000002, { a: [0.25000000001] }], 1e-9).equal).toBe(true);
    const off = compareValues({ a: [1.5, 2.5] }, { a: [1.5, 2.6] }, 1e-9);
    expect(off).toEqual({ equal: false, reason: "expected 2.5, got 2.6 at ['a'][1]" });
  });

  it('treats an int and a float as equal within the tolerance, but compares whole numbers exactly', () => {
    expect(compareValues(3, 3.0000000001, 1e-6).equal).toBe(true);
    expect(compareValues(1_000_000, 1_000_001, 1e-6).equal).toBe(false);
  });

  it('compares tuples as lists (they arrive as lists) and lengths first', () => {
    expect(compareValues([1, [2, 3]], [1, [2, 3]], 0).equal).toBe(true);
    expect(compareValues([1, 2], [1, 2, 3], 0)).toMatchObject({ equal: false, reason: expect.stringMatching(/expected 2 items, got 3/) });
  });

  it('treats NaN as equal to NaN, and infinities by sign', () => {
    expect(compareValues(Number.NaN, { $float: 'nan' }, 1e-9).equal).toBe(true);
    expect(compareValues([Number.POSITIVE_INFINITY], [{ $float: 'inf' }], 1e-9).equal).toBe(true);
    expect(compareValues(Number.POSITIVE_INFINITY, { $float: '-inf' }, 1e-9).equal).toBe(false);
    expect(compareValues(1, { $float: 'nan' }, 1e-9).equal).toBe(false);
  });

  it('does not let booleans, None and strings pass for numbers', () => {
    expect(compareValues(true, 1, 0)).toMatchObject({ equal: false, reason: 'expected bool True, got int 1' });
    expect(compareValues(null, 0, 0).equal).toBe(false);
    expect(compareValues('1', 1, 0).equal).toBe(false);
    expect(compareValues(null, null, 0).equal).toBe(true);
  });

  it('reports missing and unexpected dict keys', () => {
    expect(compareValues({ a: 1, b: 2 }, { a: 1, c: 2 }, 0)).toEqual({ equal: false, reason: "missing keys 'b'; unexpected keys 'c'" });
  });

  it('never matches an object the sandbox could not describe', () => {
    expect(compareValues('x', { $repr: '<Foo object>' }, 0)).toEqual({ equal: false, reason: "expected 'x', got <Foo object>" });
  });

  it('makes non-finite numbers survive JSON', () => {
    expect(JSON.parse(JSON.stringify(jsonSafe([Number.NaN, -Infinity, 1])))).toEqual([{ $float: 'nan' }, { $float: '-inf' }, 1]);
  });
});

describe('compareSqlResult', () => {
  const expected: SqlTable = { columns: ['category', 'name', 'revenue'], rows: [['office', 'desk', 200], ['office', 'lamp', 60], ['food', 'apple', 2.5]] };
  const unordered = { orderMatters: false, tolerance: 1e-6 };
  const ordered = { orderMatters: true, tolerance: 1e-6 };

  it('compares rows as a multiset unless order matters', () => {
    const shuffled: SqlTable = { columns: ['c', 'n', 'r'], rows: [['food', 'apple', 2.5], ['office', 'desk', 200], ['office', 'lamp', 60]] };
    expect(compareSqlResult(expected, shuffled, unordered).equal).toBe(true);
    expect(compareSqlResult(expected, shuffled, ordered)).toEqual({
      equal: false,
      reason: "row 1 differs: expected ('office', 'desk', 200), got ('food', 'apple', 2.5) (order matters here)",
    });
  });

  it('counts duplicates: a multiset, not a set', () => {
    const twice: SqlTable = { columns: ['a'], rows: [[1], [1], [2]] };
    expect(compareSqlResult(twice, { columns: ['a'], rows: [[1], [2], [2]] }, unordered)).toEqual({
      equal: false,
      reason: 'missing (1); unexpected (2) (row order does not matter)',
    });
  });

  it('compares floats with the tolerance', () => {
    const close: SqlTable = { columns: ['a', 'b', 'c'], rows: [['office', 'desk', 200], ['office', 'lamp', 60.0000000001], ['food', 'apple', 2.5000000001]] };
    expect(compareSqlResult(expected, close, unordered).equal).toBe(true);
    const far: SqlTable = { columns: ['a', 'b', 'c'], rows: [['office', 'desk', 200], ['office', 'lamp', 60.1], ['food', 'apple', 2.5]] };
    expect(compareSqlResult(expected, far, unordered)).toEqual({
      equal: false,
      reason: "missing ('office', 'lamp', 60); unexpected ('office', 'lamp', 60.1) (row order does not matter)",
    });
  });

  it('matches rows whose sorted order differs only within the tolerance', () => {
    const e: SqlTable = { columns: ['a', 'b'], rows: [[1.0000001, 'b'], [1, 'a']] };
    const a: SqlTable = { columns: ['a', 'b'], rows: [[1.0000001, 'a'], [1, 'b']] };
    expect(compareSqlResult(e, a, { orderMatters: false, tolerance: 1e-6 }).equal).toBe(true);
  });

  it('fails on a different column count, naming both sides', () => {
    expect(compareSqlResult(expected, { columns: ['category', 'name'], rows: [] }, unordered)).toEqual({
      equal: false,
      reason: 'expected 3 columns (category, name, revenue), got 2 (category, name)',
    });
  });

  it('treats NULL as equal only to NULL, and a boolean as 1 or 0', () => {
    expect(compareSqlResult({ columns: ['a'], rows: [[null]] }, { columns: ['a'], rows: [[null]] }, unordered).equal).toBe(true);
    expect(compareSqlResult({ columns: ['a'], rows: [[null]] }, { columns: ['a'], rows: [[0]] }, unordered).equal).toBe(false);
    expect(compareSqlResult({ columns: ['a'], rows: [['']] }, { columns: ['a'], rows: [[null]] }, unordered).equal).toBe(false);
    expect(compareSqlResult({ columns: ['a'], rows: [[true], [false]] }, { columns: ['a'], rows: [[1], [0]] }, unordered).equal).toBe(true);
  });

  it('reports a missing row when the result is short', () => {
    expect(compareSqlResult(expected, { columns: ['a', 'b', 'c'], rows: expected.rows.slice(0, 2) }, unordered)).toEqual({
      equal: false,
      reason: "expected 3 rows, got 2; missing ('food', 'apple', 2.5) (row order does not matter)",
    });
  });
});
