/**
 * Decides, before any database exists, whether a candidate's SQL may run: exactly one read
 * statement (SELECT, or WITH ... SELECT). It works on tokens, so comments, string literals and
 * quoted names cannot hide a keyword, and a keyword inside them does not trip it.
 *
 * Beyond statement kinds, this libSQL build ships SQLite's fileio extension: `SELECT
 * readfile('/etc/passwd')`, `writefile(...)` and the `fsdir` table are plain reads that touch the
 * host, and `sha3_query(...)` runs SQL from a string. Native code is outside Node's permission
 * model, so the guard lets function calls through only from an allowlist and refuses the
 * eponymous tables that reach outside the database. The sandbox adds query_only and a
 * returns-rows check as a second line.
 */

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';
interface Token {
  kind: TokenKind;
  /** Lower-cased for words, unquoted for quoted names, the character for punctuation. */
  text: string;
}

export type SqlCheck = { ok: true } | { ok: false; message: string };

const WRITE_OR_ADMIN = new Set([
  'insert', 'update', 'delete', 'replace', 'upsert', 'create', 'drop', 'alter', 'attach', 'detach', 'pragma', 'vacuum',
  'reindex', 'analyze', 'begin', 'commit', 'rollback', 'savepoint', 'release', 'transaction',
]);

/** Words after which `(` opens a subquery, a list or a clause, not a function call. */
const KEYWORDS_BEFORE_PAREN = new Set([
  'and', 'or', 'not', 'in', 'exists', 'as', 'over', 'filter', 'cast', 'using', 'on', 'where', 'select', 'values', 'from',
  'join', 'by', 'when', 'then', 'else', 'case', 'between', 'like', 'glob', 'regexp', 'match', 'is', 'escape', 'with',
  'recursive', 'materialized', 'window', 'partition', 'range', 'rows', 'groups', 'distinct', 'all', 'union', 'intersect',
  'except', 'having', 'limit', 'offset', 'any', 'collate', 'lateral', 'do', 'end',
]);

/** SQLite's own functions that only compute: aggregates, window, string, date, math, JSON. */
const ALLOWED_FUNCTIONS = new Set([
  // aggregates
  'avg', 'count', 'group_concat', 'string_agg', 'max', 'min', 'sum', 'total', 'median', 'mode', 'stdev', 'variance',
  'lower_quartile', 'upper_quartile',
  // window
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'first_value', 'last_value',
  'nth_value',
  // scalar
  'abs', 'char', 'coalesce', 'concat', 'concat_ws', 'format', 'glob', 'hex', 'ifnull', 'iif', 'if', 'instr', 'length',
  'like', 'likelihood', 'likely', 'lower', 'ltrim', 'nullif', 'octet_length', 'printf', 'quote', 'random', 'randomblob',
  'replace', 'round', 'rtrim', 'sign', 'soundex', 'substr', 'substring', 'trim', 'typeof', 'unhex', 'unicode', 'unlikely',
  'upper', 'zeroblob', 'regexp', 'regexpi', 'reverse', 'leftstr', 'rightstr', 'padl', 'padr', 'padc', 'proper',
  'replicate', 'charindex', 'sha3', 'uuid', 'uuid_str', 'uuid_blob',
  // date and time
  'date', 'time', 'datetime', 'julianday', 'unixepoch', 'strftime', 'timediff',
  // math
  'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'ceil', 'ceiling', 'cos', 'cosh', 'cot', 'coth', 'degrees',
  'exp', 'floor', 'ln', 'log', 'log10', 'log2', 'mod', 'pi', 'pow', 'power', 'radians', 'sin', 'sinh', 'sqrt', 'square',
  'tan', 'tanh', 'trunc',
  // JSON
  'json', 'json_array', 'json_array_length', 'json_error_position', 'json_extract', 'json_group_array',
  'json_group_object', 'json_insert', 'json_object', 'json_patch', 'json_quote', 'json_remove', 'json_replace',
  'json_set', 'json_type', 'json_valid', 'jsonb', 'jsonb_array', 'jsonb_extract', 'jsonb_group_array',
  'jsonb_group_object', 'jsonb_insert', 'jsonb_object', 'jsonb_patch', 'jsonb_remove', 'jsonb_replace', 'jsonb_set',
  // table-valued functions that only generate rows
  'json_each', 'json_tree', 'generate_series',
]);

/** Built-in tables that reach past the query's own data (files, raw pages, settings). */
const FORBIDDEN_TABLES = new Set(['fsdir', 'sqlite_dbpage', 'dbstat', 'carray', 'sqlite_stmt']);

class SqlSyntaxProblem extends Error {}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  const readQuoted = (close: string, kind: 'string' | 'quoted', what: string) => {
    let text = '';
    i++;
    for (;;) {
      if (i >= n) throw new SqlSyntaxProblem(`unterminated ${what}`);
      const ch = sql[i]!;
      if (ch === close) {
        // A doubled quote is an escaped quote ('it''s'), except for [brackets].
        if (close !== ']' && sql[i + 1] === close) {
          text += close;
          i += 2;
          continue;
        }
        i++;
        break;
      }
      text += ch;
      i++;
    }
    tokens.push({ kind, text: kind === 'quoted' ? text.toLowerCase() : text });
  };
  while (i < n) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      // SQLite lets an unterminated block comment run to the end of the input.
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (ch === "'") {
      readQuoted("'", 'string', 'string literal');
    } else if (ch === '"') {
      readQuoted('"', 'quoted', 'quoted name');
    } else if (ch === '`') {
      readQuoted('`', 'quoted', 'quoted name');
    } else if (ch === '[') {
      readQuoted(']', 'quoted', 'bracketed name');
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      const start = i;
      while (i < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[i]!)) i++;
      const word = sql.slice(start, i);
      // x'ABCD' is a blob literal, not the word x.
      if (/^x$/i.test(word) && sql[i] === "'") readQuoted("'", 'string', 'blob literal');
      else tokens.push({ kind: 'word', text: word.toLowerCase() });
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const start = i;
      while (i < n && /[0-9A-Za-z_.]/.test(sql[i]!)) {
        if (/[eE]/.test(sql[i]!) && /[+-]/.test(sql[i + 1] ?? '')) i++;
        i++;
      }
      tokens.push({ kind: 'number', text: sql.slice(start, i) });
    } else if (ch === '?' || ch === ':' || ch === '@' || ch === '$') {
      const start = i;
      i++;
      while (i < n && /[A-Za-z0-9_]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'param', text: sql.slice(start, i) });
    } else {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    }
  }
  return tokens;
}

/** Index of the `)` matching the `(` at `open`, or -1. */
function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return j;
  }
  return -1;
}

const isWord = (t: Token | undefined, ...words: string[]) => t?.kind === 'word' && words.includes(t.text);
const isPunct = (t: Token | undefined, ch: string) => t?.kind === 'punct' && t.text === ch;

/** `name(a, b) AS [NOT] [MATERIALIZED] (`: a CTE with a column list, not a function call. */
function isCteColumnList(tokens: Token[], nameAt: number): boolean {
  const close = closingParen(tokens, nameAt + 1);
  if (close === -1 || !isWord(tokens[close + 1], 'as')) return false;
  let j = close + 2;
  if (isWord(tokens[j], 'not')) j++;
  if (isWord(tokens[j], 'materialized')) j++;
  return isPunct(tokens[j], '(');
}

const READ_ONLY_HINT = 'only a single read query (SELECT, or WITH ... SELECT) can run';

/** Whether `sql` is exactly one read statement that touches nothing outside its own database. */
export function checkSql(sql: string): SqlCheck {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (err) {
    if (err instanceof SqlSyntaxProblem) return { ok: false, message: `The query has an ${err.message}.` };
    throw err;
  }
  // Trailing semicolons are fine; anything after the first one is a second statement.
  while (isPunct(tokens.at(-1), ';')) tokens.pop();
  if (tokens.length === 0) return { ok: false, message: 'The query is empty: write one SELECT statement.' };
  if (tokens.some((t) => isPunct(t, ';')))
    return { ok: false, message: `Only one statement can run: remove everything after the first semicolon (${READ_ONLY_HINT}).` };
  if (!isWord(tokens[0], 'select', 'with'))
    return { ok: false, message: `The query must start with SELECT or WITH: ${READ_ONLY_HINT}.` };

  let depth = 0;
  let mainVerbSeen = tokens[0]!.text === 'select';
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      continue;
    }
    if (t.kind === 'word' && WRITE_OR_ADMIN.has(t.text) && !(t.text === 'replace' && isPunct(tokens[j + 1], '(')))
      return { ok: false, message: `${t.text.toUpperCase()} is not allowed: ${READ_ONLY_HINT}.` };
    if ((t.kind === 'word' || t.kind === 'quoted') && (FORBIDDEN_TABLES.has(t.text) || t.text.startsWith('pragma_')))
      return { ok: false, message: `"${t.text}" is not allowed: the query may only read the question's tables.` };
    // After WITH's definitions, the statement itself must be a SELECT (not WITH ... DELETE).
    if (!mainVerbSeen && depth === 0 && isWord(t, 'select', 'values')) {
      if (t.text !== 'select') return { ok: false, message: `After WITH the statement must be a SELECT: ${READ_ONLY_HINT}.` };
      mainVerbSeen = true;
    }
    const isName = t.kind === 'quoted' || (t.kind === 'word' && !KEYWORDS_BEFORE_PAREN.has(t.text));
    if (isName && isPunct(tokens[j + 1], '(') && !isCteColumnList(tokens, j) && !ALLOWED_FUNCTIONS.has(t.text))
      return { ok: false, message: `The function ${t.text}() is not allowed here: use SQLite's built-in aggregate, window, string, date, math and JSON functions.` };
  }
  if (!mainVerbSeen) return { ok: false, message: `After WITH the statement must be a SELECT: ${READ_ONLY_HINT}.` };
  return { ok: true };
}
