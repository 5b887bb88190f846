/**
 * Compares a Python function's result (as the sandbox reports it) with a question's expected
 * value. Numbers: integers exactly, anything fractional within the tolerance (relative or
 * absolute, like math.isclose with both set to it); an int equals a float within it; NaN equals
 * NaN. Tuples arrive as lists, so they compare as lists. Booleans are not numbers here.
 *
 * The sandbox tags what JSON cannot carry: `{ $float: 'nan' | 'inf' | '-inf' }` for non-finite
 * floats and `{ $repr: '...' }` for objects it cannot describe (which equal nothing). Results
 * shown to candidates keep these tags, so they survive being stored as JSON.
 */

export type Comparison = { equal: true } | { equal: false; reason: string };

const SPECIAL_FLOATS: Record<string, number> = { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, '-inf': Number.NEGATIVE_INFINITY };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ $float }` as a number; anything else unchanged. */
function asSpecialFloat(v: unknown): unknown {
  if (isRecord(v) && Object.keys(v).length === 1 && typeof v.$float === 'string' && v.$float in SPECIAL_FLOATS) return SPECIAL_FLOATS[v.$float];
  return v;
}

function isOpaque(v: unknown): v is { $repr: string } {
  return isRecord(v) && Object.keys(v).length === 1 && typeof v.$repr === 'string';
}

/** A value made safe to store as JSON: non-finite numbers become `{ $float }`. */
export function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return { $float: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' };
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

/** A short Python-looking rendering, for messages to the candidate. */
export function pyRepr(v: unknown, max = 200): string {
  const out = render(asSpecialFloat(v));
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

function render(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(v)) return `[${v.map((x) => render(asSpecialFloat(x))).join(', ')}]`;
  if (isOpaque(v)) return v.$repr;
  if (isRecord(v)) return `{${Object.entries(v).map(([k, x]) => `'${k}': ${render(asSpecialFloat(x))}`).join(', ')}}`;
  return String(v);
}

function kind(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (isOpaque(v)) return 'object';
  return 'dict';
}

export function numbersClose(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  // Two whole numbers are compared exactly: a tolerance must not make 1000001 equal 1000000.
  if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

function at(path: string): string {
  return path ? ` at ${path}` : '';
}

function compareAt(expected: unknown, actual: unknown, tolerance: number, path: string): Comparison {
  const e = asSpecialFloat(expected);
  const a = asSpecialFloat(actual);
  const differ = (): Comparison => ({ equal: false, reason: `expected ${pyRepr(e)}, got ${pyRepr(a)}${at(path)}` });
  if (isOpaque(a)) return { equal: false, reason: `expected ${pyRepr(e)}, got ${a.$repr}${at(path)}` };
  if (typeof e === 'number' && typeof a === 'number') return numbersClose(e, a, tolerance) ? { equal: true } : differ();
  if (kind(e) !== kind(a))
    return { equal: false, reason: `expected ${kind(e)} ${pyRepr(e)}, got ${kind(a)} ${pyRepr(a)}${at(path)}` };
  if (Array.isArray(e) && Array.isArray(a)) {
    if (e.length !== a.length)
      return { equal: false, reason: `expected ${items(e.length)}, got ${a.length}${at(path)}: expected ${pyRepr(e)}, got ${pyRepr(a)}` };
    for (let i = 0; i < e.length; i++) {
      const c = compareAt(e[i], a[i], tolerance, `${path}[${i}]`);
      if (!c.equal) return c;
    }
    return { equal: true };
  }
  if (isRecord(e) && isRecord(a)) {
    const missing = Object.keys(e).filter((k) => !(k in a));
    const extra = Object.keys(a).filter((k) => !(k in e));
    if (missing.length || extra.length) {
      const parts = [missing.length ? `missing keys ${missing.map((k) => pyRepr(k)).join(', ')}` : '', extra.length ? `unexpected keys ${extra.map((k) => pyRepr(k)).join(', ')}` : ''];
      return { equal: false, reason: `${parts.filter(Boolean).join('; ')}${at(path)}` };
    }
    for (const k of Object.keys(e)) {
      const c = compareAt(e[k], a[k], tolerance, `${path}[${pyRepr(k)}]`);
      if (!c.equal) return c;
    }
    return { equal: true };
  }
  return e === a || (e === null && a === undefined) ? { equal: true } : differ();
}

/** Whether `actual` (from the sandbox) matches `expected` (from the question). */
export function compareValues(expected: unknown, actual: unknown, tolerance: number): Comparison {
  return compareAt(expected, actual, tolerance, '');
}
