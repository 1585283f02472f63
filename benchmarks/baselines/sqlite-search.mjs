/**
 * Baseline for pattern search: a typical website back end. One SQLite table of the segment's
 * numbers (in memory, better-sqlite3) and one SQL query per pattern:
 * - `number GLOB ?` for digits, any-digit, classes and runs (anchors decide the outer `*`);
 * - when every token has a fixed position (whole, or anchored without %): `d_i = ?` for fixed
 *   digits (so the tail index can serve `8888$`), `d_i = d_j` / `d_i <> d_j` for letters;
 * - letters at floating positions: `number REGEXP ?` with a JS user function (astToRegExp);
 * - `ORDER BY score DESC, number ASC LIMIT ?`.
 * Inputs and the answer are as in regex-search.mjs.
 */
import Database from 'better-sqlite3';
import { astToRegExp, segmentNumbers } from './regex-search.mjs';

/** @typedef {import('./regex-search.mjs').PatternAst} PatternAst */
/** @typedef {{ db: any, buildMs: number, statements: Map<string, any> }} SqlitePool */

const DIGIT_COLUMNS = Array.from({ length: 10 }, (_, i) => `d${i}`);

/**
 * Builds the in-memory table.
 * @param {number | string | readonly string[]} segment a segment (6, "6" or "4006": its
 *   1,000,000 numbers) or any list of number strings
 * @param {Uint16Array} scores parallel to the numbers (scores[i] = score of number i, tenths)
 * @returns {SqlitePool}
 */
export function createSqlitePool(segment, scores) {
  const t0 = performance.now();
  const strings = Array.isArray(segment) ? segment : segmentNumbers(/** @type {number|string} */ (segment));
  if (scores.length < strings.length) throw new Error('scores must be parallel to the numbers');
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE numbers (number TEXT PRIMARY KEY, score INTEGER NOT NULL, ${DIGIT_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO numbers VALUES (${Array(12).fill('?').join(', ')})`);
  const insertAll = db.transaction(() => {
    const row = new Array(12);
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      row[0] = s;
      row[1] = scores[i];
      for (let k = 0; k < 10; k++) row[k + 2] = s.charCodeAt(k) - 48;
      insert.run(row);
    }
  });
  insertAll();
  // Indexes after the bulk load: same end state, faster than maintaining them row by row.
  db.exec(`
    CREATE INDEX numbers_score ON numbers (score);
    CREATE INDEX numbers_tail4 ON numbers (d6, d7, d8, d9);
    CREATE INDEX numbers_tail2 ON numbers (d8, d9);
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
 * The SQL and bind parameters for a pattern.
 * @param {PatternAst} ast
 * @param {number} limit
 * @returns {{ sql: string, params: (string | number)[] }}
 */
export function astToSql(ast, limit) {
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

  const where = ['number GLOB ?'];
  /** @type {(string | number)[]} */
  const params = [glob];
  if (impossible) where.push('0');
  const hasVars = ast.tokens.some((t) => t.type === 'var');
  const offset = fixedOffset(ast);
  if (offset !== null) {
    /** @type {Map<string, string>} letter → column of its first occurrence */
    const firstColumn = new Map();
    ast.tokens.forEach((t, k) => {
      const column = DIGIT_COLUMNS[offset + k];
      if (t.type === 'digit') {
        where.push(`${column} = ?`);
        params.push(t.digit);
      } else if (t.type === 'var') {
        const first = firstColumn.get(t.name);
        if (first) where.push(`${column} = ${first}`);
        else {
          for (const other of firstColumn.values()) where.push(`${column} <> ${other}`);
          firstColumn.set(t.name, column);
        }
      }
    });
  } else if (hasVars) {
    where.push('number REGEXP ?');
    params.push(astToRegExp(ast).source);
  }
  params.push(Number.isFinite(limit) ? limit : -1); // SQLite: a negative LIMIT means no limit
  return { sql: `SELECT number FROM numbers WHERE ${where.join(' AND ')} ORDER BY score DESC, number ASC LIMIT ?`, params };
}

/**
 * Runs the pattern's query; prepared statements are cached per SQL text.
 * @param {SqlitePool} pool
 * @param {PatternAst} ast
 * @param {number} limit
 * @returns {string[]}
 */
export function sqliteSearch(pool, ast, limit) {
  const { sql, params } = astToSql(ast, limit);
  let stmt = pool.statements.get(sql);
  if (!stmt) pool.statements.set(sql, (stmt = pool.db.prepare(sql).pluck()));
  return stmt.all(params);
}
