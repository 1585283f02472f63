/**
 * Baseline for search: a website back end as a good engineer would build it. One SQLite table of the
 * numbers (in memory, better-sqlite3) with the columns and indexes the query mix needs, ANALYZEd, and
 * one SQL query per search:
 * - `number GLOB ?` for digits, any-digit, classes and runs (anchors decide the outer `*`); a fixed
 *   prefix becomes a range of the primary key;
 * - tail columns `last4`, `last3` (each indexed with score) for patterns whose last digits are fixed,
 *   as `last4 = ?` or `last4 IN (…)`;
 * - letters at fixed positions as digit columns (`d7 = d6`, `d8 <> d6`); at floating positions
 *   `number REGEXP ?` with a JS user function (astToRegExp);
 * - filters as columns: `score >= ?`, `tier IN (…)`, `(digits & ?) = 0` for digits to leave out;
 * - `ORDER BY score DESC, number` (index `(score DESC, number)`), `ORDER BY value DESC, number`
 *   (index `(value DESC, number)`, and `(tier, value DESC, number)` for tiers), or `ORDER BY number`
 *   (the primary key).
 * Inputs and the answer are as in regex-search.mjs; tiers and values are parallel arrays too.
 */
import Database from 'better-sqlite3';
import { astToRegExp, segmentNumbers } from './regex-search.mjs';

/** @typedef {import('./regex-search.mjs').PatternAst} PatternAst */
/** @typedef {{ db: any, buildMs: number, statements: Map<string, any> }} SqlitePool */
/** @typedef {{ ast?: PatternAst | null, minScore?: number, tiers?: number[], excludeDigits?: string, sort?: 'score' | 'number' | 'value' }} SqliteQuery */

const DIGIT_COLUMNS = Array.from({ length: 10 }, (_, i) => `d${i}`);
/** Most values an `IN (…)` list of a tail column may hold. */
const MOST_IN = 100;

/**
 * Builds the in-memory table.
 * @param {number | string | readonly string[]} segment a segment (6, "6" or "4006": its
 *   1,000,000 numbers) or any list of number strings
 * @param {Uint16Array} scores parallel to the numbers (scores[i] = score of number i, tenths)
 * @param {{ tiers?: ArrayLike<number>, values?: ArrayLike<number> }} [extra] each number's tier index
 *   and value (default 0)
 * @returns {SqlitePool}
 */
export function createSqlitePool(segment, scores, extra = {}) {
  const t0 = performance.now();
  const strings = Array.isArray(segment) ? segment : segmentNumbers(/** @type {number|string} */ (segment));
  if (scores.length < strings.length) throw new Error('scores must be parallel to the numbers');
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE numbers (number TEXT PRIMARY KEY, score INTEGER NOT NULL, tier INTEGER NOT NULL, value REAL NOT NULL,
    digits INTEGER NOT NULL, last4 TEXT NOT NULL, last3 TEXT NOT NULL, ${DIGIT_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')}) WITHOUT ROWID`);
  const insert = db.prepare(`INSERT INTO numbers VALUES (${Array(17).fill('?').join(', ')})`);
  const insertAll = db.transaction(() => {
    const row = new Array(17);
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      let digits = 0;
      for (let k = 3; k < 10; k++) digits |= 1 << (s.charCodeAt(k) - 48);
      row[0] = s;
      row[1] = scores[i];
      row[2] = extra.tiers?.[i] ?? 0;
      row[3] = extra.values?.[i] ?? 0;
      row[4] = digits;
      row[5] = s.slice(6);
      row[6] = s.slice(7);
      for (let k = 0; k < 10; k++) row[k + 7] = s.charCodeAt(k) - 48;
      insert.run(row);
    }
  });
  insertAll();
  // Indexes after the bulk load: same end state, faster than maintaining them row by row.
  db.exec(`
    CREATE INDEX numbers_score ON numbers (score DESC, number, value);
    CREATE INDEX numbers_value ON numbers (value DESC, number);
    CREATE INDEX numbers_tier_value ON numbers (tier, value DESC, number);
    CREATE INDEX numbers_last4 ON numbers (last4, score DESC, number);
    CREATE INDEX numbers_last3 ON numbers (last3, score DESC, number);
    ANALYZE;
  `);
  /** @type {Map<string, RegExp>} */
  const regexps = new Map();
  // SQLite rewrites `X REGEXP Y` as regexp(Y, X): the pattern comes first.
  db.function('regexp', { deterministic: true }, (source, text) => {
    let re = regexps.get(source);
    if (!re) regexps.set(source, (re = new RegExp(source)));
    return re.test(text) ? 1 : 0;
  });
  return { db, buildMs: performance.now() - t0, statements: new Map() };
}

/**
 * Where token 0 sits when every token has a fixed position, else null.
 * @param {PatternAst} ast
 */
function fixedOffset(ast) {
  const n = ast.tokens.length;
  if (n > 10 || ast.tokens.some((t) => t.type === 'run')) return null;
  if (ast.whole || ast.anchoredStart || n === 10) return 0;
  if (ast.anchoredEnd) return 10 - n;
  return null;
}

/**
 * The values a tail column can take when its positions are digits or classes, or null (a letter, any
 * digit, or more than MOST_IN values).
 * @param {(import('./regex-search.mjs').PatternToken | undefined)[]} tokens the tail's tokens
 */
function tailValues(tokens) {
  let values = [''];
  for (const t of tokens) {
    const digits = t?.type === 'digit' ? [t.digit] : t?.type === 'class' ? t.digits : null;
    if (digits === null || values.length * digits.length > MOST_IN) return null;
    values = values.flatMap((v) => digits.map((d) => v + d));
  }
  return values;
}

/**
 * The SQL and bind parameters for a pattern and filters.
 * @param {PatternAst | SqliteQuery | null} query a pattern, or a pattern with filters and a sort
 * @param {number} limit
 * @returns {{ sql: string, params: (string | number)[] }}
 */
export function astToSql(query, limit) {
  /** @type {SqliteQuery} */
  const q = query && 'tokens' in query ? { ast: query } : (query ?? {});
  const where = [];
  /** @type {(string | number)[]} */
  const params = [];
  if (q.ast) patternWhere(q.ast, where, params);
  if (q.minScore) where.push(`score >= ${q.minScore}`);
  if (q.tiers) where.push(q.tiers.length === 1 ? `tier = ${q.tiers[0]}` : `tier IN (${q.tiers.join(', ')})`);
  if (q.excludeDigits) where.push(`(digits & ${[...q.excludeDigits].reduce((m, d) => m | (1 << Number(d)), 0)}) = 0`);
  const order = { score: 'score DESC, number', value: 'value DESC, number', number: 'number' }[q.sort ?? 'score'];
  params.push(Number.isFinite(limit) ? limit : -1); // SQLite: a negative LIMIT means no limit
  return { sql: `SELECT number FROM numbers${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`, params };
}

/**
 * @param {PatternAst} ast
 * @param {string[]} where
 * @param {(string | number)[]} params
 */
function patternWhere(ast, where, params) {
  let glob = '';
  let impossible = false;
  for (const t of ast.tokens) {
    if (t.type === 'digit') glob += String(t.digit);
    else if (t.type === 'any' || t.type === 'var') glob += '?';
    else if (t.type === 'run') glob += '*';
    else if (t.type === 'class') {
      if (t.digits.length) glob += `[${t.digits.join('')}]`;
      else (impossible = true), (glob += '?');
    }
  }
  if (!(ast.whole || ast.anchoredStart)) glob = '*' + glob;
  if (!(ast.whole || ast.anchoredEnd)) glob += '*';
  glob = glob.replace(/\*+/g, '*');
  if (glob !== '*') {
    where.push('number GLOB ?');
    params.push(glob);
  }
  if (impossible) where.push('0');
  const hasVars = ast.tokens.some((t) => t.type === 'var');
  const offset = fixedOffset(ast);
  if (offset !== null) {
    const at = (position) => ast.tokens[position - offset];
    for (const [column, from] of [['last4', 6], ['last3', 7]]) {
      const values = tailValues([...Array(10 - from).keys()].map((k) => at(from + k)));
      if (values === null) continue;
      where.push(values.length === 1 ? `${column} = ?` : `${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
      break;
    }
    /** @type {Map<string, string>} letter → column of its first occurrence */
    const firstColumn = new Map();
    ast.tokens.forEach((t, k) => {
      if (t.type !== 'var') return;
      const column = DIGIT_COLUMNS[offset + k];
      const first = firstColumn.get(t.name);
      if (first) where.push(`${column} = ${first}`);
      else {
        for (const other of firstColumn.values()) where.push(`${column} <> ${other}`);
        firstColumn.set(t.name, column);
      }
    });
  } else if (hasVars) {
    where.push('number REGEXP ?');
    params.push(astToRegExp(ast).source);
  }
}

/**
 * Runs the pattern's query; prepared statements are cached per SQL text.
 * @param {SqlitePool} pool
 * @param {PatternAst | SqliteQuery | null} query
 * @param {number} limit
 * @returns {string[]}
 */
export function sqliteSearch(pool, query, limit) {
  const { sql, params } = astToSql(query, limit);
  let stmt = pool.statements.get(sql);
  if (!stmt) pool.statements.set(sql, (stmt = pool.db.prepare(sql).pluck()));
  return stmt.all(params);
}
