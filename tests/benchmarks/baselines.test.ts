import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astToRegExp, regexSearch, scanIndex, type PatternAst, type PatternToken } from '../../benchmarks/baselines/regex-search.mjs';
import { astToSql, createSqlitePool, sqliteSearch, type SqlitePool, type SqliteQuery } from '../../benchmarks/baselines/sqlite-search.mjs';
import { enumerateNear, hamming } from '../../benchmarks/baselines/near-enumeration.mjs';

// A small synthetic segment: the 10,000 numbers 4006990000-4006999999, scores[i] belongs to
// strings[i] (the baselines take any list with a parallel score array).
const strings = Array.from({ length: 10_000 }, (_, i) => `400699${String(i).padStart(4, '0')}`);
const scores = new Uint16Array(strings.length);
let seed = 0x400699;
for (let i = 0; i < scores.length; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  scores[i] = (seed >>> 16) % 200; // few distinct scores: many ties, so the number order matters
}
/** Made-up tiers and values, with ties, parallel to the numbers. */
const tiers = Uint8Array.from(scores, (s) => Math.min(4, Math.floor(s / 40)));
const values = Float64Array.from(scores, (s, i) => Math.round((s / (1 + tiers[i]!) / 0.8 ** [...strings[i]!.slice(3)].filter((d) => d === '4').length) * 10) / 10);

/** Builds the AST the pattern parser would return, for the syntax used in these tests. */
function pat(source: string): PatternAst {
  let text = source;
  const anchoredStart = text.startsWith('^');
  const anchoredEnd = text.endsWith('$');
  if (anchoredStart) text = text.slice(1);
  if (anchoredEnd) text = text.slice(0, -1);
  const tokens: PatternToken[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const at = i + (anchoredStart ? 1 : 0);
    if (/\d/.test(c)) tokens.push({ type: 'digit', digit: Number(c), at });
    else if (c === '*' || c === '?') tokens.push({ type: 'any', at });
    else if (c === '%') tokens.push({ type: 'run', at });
    else if (/[A-Z]/.test(c)) tokens.push({ type: 'var', name: c, at });
    else if (c === '[') {
      const close = text.indexOf(']', i);
      const body = text.slice(i + 1, close);
      const negated = body.startsWith('^');
      const listed = new Set([...(negated ? body.slice(1) : body)].map(Number));
      const digits = [...Array(10).keys()].filter((d) => listed.has(d) !== negated);
      tokens.push({ type: 'class', digits, at });
      i = close;
    } else throw new Error(`unsupported ${c} in ${source}`);
  }
  const whole = tokens.length === 10 && !tokens.some((t) => t.type === 'run');
  return { source, tokens, anchoredStart, anchoredEnd, whole };
}

/** Brute force: try every start and every run length, binding letters to distinct digits. */
function naiveMatch(s: string, ast: PatternAst): boolean {
  const mustStart = ast.whole || ast.anchoredStart;
  const mustEnd = ast.whole || ast.anchoredEnd;
  const go = (k: number, p: number, bound: Map<string, number>): boolean => {
    const t = ast.tokens[k];
    if (!t) return !mustEnd || p === s.length;
    if (t.type === 'run') {
      for (let q = p; q <= s.length; q++) if (go(k + 1, q, bound)) return true;
      return false;
    }
    if (p >= s.length) return false;
    const d = Number(s[p]);
    if (t.type === 'digit') return d === t.digit && go(k + 1, p + 1, bound);
    if (t.type === 'any') return go(k + 1, p + 1, bound);
    if (t.type === 'class') return t.digits.includes(d) && go(k + 1, p + 1, bound);
    const had = bound.get(t.name);
    if (had !== undefined) return had === d && go(k + 1, p + 1, bound);
    if ([...bound.values()].includes(d)) return false;
    return go(k + 1, p + 1, new Map(bound).set(t.name, d));
  };
  for (let start = 0; start <= (mustStart ? 0 : s.length); start++) if (go(0, start, new Map())) return true;
  return false;
}

/** The matches of the query by brute force, in its order. */
function naiveSearch(query: SqliteQuery, limit: number): string[] {
  const hits = strings
    .map((s, i) => ({ s, i, key: query.sort === 'number' ? 0 : query.sort === 'value' ? values[i]! : scores[i]! }))
    .filter(({ s, i }) => (!query.ast || naiveMatch(s, query.ast)) && accepts(query, i));
  hits.sort((a, b) => b.key - a.key || (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  return hits.slice(0, limit).map((h) => h.s);
}

function accepts(query: SqliteQuery, i: number): boolean {
  return (
    scores[i]! >= (query.minScore ?? 0) &&
    (!query.tiers || query.tiers.includes(tiers[i]!)) &&
    ![...(query.excludeDigits ?? '')].some((d) => strings[i]!.slice(3).includes(d))
  );
}

const PATTERNS = [
  '8888$',
  'AABB$',
  '^4006',
  '%520%',
  '[689][689][689]$',
  '4006*9A*AB', // whole (10 positions) with letters
  '4006*9AB*AB', // 11 positions: can never match
  '^400699ABC', // anchored, letters at fixed positions
  'ABCDE$',
  'ABAB', // letters at floating positions
  'AB%BA',
  '^4006%AA$',
  '[^4]AAA',
  '9%9%9%9',
];

describe('astToRegExp', () => {
  it('builds the shape with groups, backreferences and lookaheads', () => {
    expect(astToRegExp(pat('AABB$')).source).toBe('(\\d)\\1(?!\\1)(\\d)\\2$');
    expect(astToRegExp(pat('%520%')).source).toBe('\\d*520\\d*');
    expect(astToRegExp(pat('^4006')).source).toBe('^4006');
    expect(astToRegExp(pat('[689][^4]?')).source).toBe('[689][012356789]\\d');
    expect(astToRegExp(pat('4006*9A*AB')).source).toBe('^4006\\d9(\\d)\\d\\1(?!\\1)(\\d)$');
  });

  it('keeps different letters on different digits', () => {
    const aabb = astToRegExp(pat('AABB$'));
    expect(aabb.test('4006991122')).toBe(true);
    expect(aabb.test('4006998888')).toBe(false);
    expect(aabb.test('4006991112')).toBe(false);
    const abc = astToRegExp(pat('ABC$'));
    expect(abc.test('4006990123')).toBe(true);
    expect(abc.test('4006990121')).toBe(false);
    expect(abc.test('4006990113')).toBe(false);
  });

  it('accepts the hand-written AST shape', () => {
    const ast: PatternAst = {
      source: '8888$',
      tokens: [8, 8, 8, 8].map((digit, k) => ({ type: 'digit' as const, digit, at: k })),
      anchoredStart: false,
      anchoredEnd: true,
      whole: false,
    };
    expect(pat('8888$')).toEqual(ast);
    expect(astToRegExp(ast).source).toBe('8888$');
  });
});

describe('regexSearch and sqliteSearch give the brute-force answer', () => {
  let pool: SqlitePool;
  const index = scanIndex(strings, scores, values);
  beforeAll(() => {
    pool = createSqlitePool(strings, scores, { tiers, values });
  });
  afterAll(() => {
    pool.db.close();
  });

  const FILTERS: Omit<SqliteQuery, 'ast'>[] = [
    {},
    { sort: 'number' },
    { sort: 'value' },
    { minScore: 150 },
    { tiers: [1, 3], sort: 'value' },
    { excludeDigits: '47', minScore: 20, sort: 'number' },
  ];

  for (const source of PATTERNS) {
    it(source, () => {
      const ast = pat(source);
      for (const filters of FILTERS) {
        const query: SqliteQuery = { ast, ...filters };
        const all = naiveSearch(query, Infinity);
        if (source !== '4006*9AB*AB' && !filters.minScore && !filters.excludeDigits && !filters.tiers) expect(all.length).toBeGreaterThan(0);
        for (const limit of [1, 10, 100, Infinity]) {
          const expected = all.slice(0, limit);
          expect(regexSearch(index, ast, limit, { sort: filters.sort ?? 'score', accept: (i) => accepts(query, i) })).toEqual(expected);
          expect(sqliteSearch(pool, query, limit)).toEqual(expected);
        }
      }
    });
  }

  it('filters and sorts without a pattern too', () => {
    for (const filters of FILTERS) expect(sqliteSearch(pool, filters, 50)).toEqual(naiveSearch(filters, 50));
  });

  it('uses tail columns and digit columns for fixed positions and REGEXP for floating letters', () => {
    expect(astToSql(pat('AABB$'), 10).sql).toBe(
      'SELECT number FROM numbers WHERE number GLOB ? AND d7 = d6 AND d8 <> d6 AND d9 = d8 ORDER BY score DESC, number LIMIT ?',
    );
    expect(astToSql(pat('8888$'), 10)).toEqual({ sql: 'SELECT number FROM numbers WHERE number GLOB ? AND last4 = ? ORDER BY score DESC, number LIMIT ?', params: ['*8888', '8888', 10] });
    expect(astToSql(pat('[68][68]8$'), 10).params).toEqual(['*[68][68]8', '668', '688', '868', '888', 10]);
    const floating = astToSql(pat('AB%BA'), 5);
    expect(floating.sql).toContain('number REGEXP ?');
    expect(floating.params).toEqual(['*??*??*', '(\\d)(?!\\1)(\\d)\\d*\\2\\1', 5]);
    expect(astToSql({ minScore: 80, tiers: [3], excludeDigits: '4', sort: 'value' }, 20).sql).toBe(
      'SELECT number FROM numbers WHERE score >= 80 AND tier = 3 AND (digits & 16) = 0 ORDER BY value DESC, number LIMIT ?',
    );
  });

  it('reuses prepared statements per SQL text', () => {
    sqliteSearch(pool, pat('12345$'), 3);
    const size = pool.statements.size;
    sqliteSearch(pool, pat('67890$'), 3);
    expect(pool.statements.size).toBe(size);
  });
});

describe('enumerateNear and hamming', () => {
  it('hamming counts differing positions', () => {
    expect(hamming('4006123456', '4006123456')).toBe(0);
    expect(hamming('4006123456', '4006123450')).toBe(1);
    expect(hamming('4006123456', '4006654321')).toBe(6);
    expect(() => hamming('4006', '40061')).toThrow();
  });

  it('gives the brute-force page: by distance, score and number, filters before the limit', () => {
    const at = new Map(strings.map((s, i) => [s, i]));
    const scoreOf = (n: string) => (at.has(n) ? scores[at.get(n)!] : undefined);
    for (const wanted of ['4006991234', '4006990000', '4006123456']) {
      for (const [maxDistance, limit] of [[1, 5], [2, 40], [3, 1000]] as const) {
        const accept = (n: string, score: number) => score >= 50 && !n.slice(3).includes('7');
        const expected = strings
          .filter((s) => hamming(s, wanted) <= maxDistance && accept(s, scoreOf(s)!))
          .sort((a, b) => hamming(a, wanted) - hamming(b, wanted) || scoreOf(b)! - scoreOf(a)! || (a < b ? -1 : 1))
          .slice(0, limit);
        expect(enumerateNear(wanted, maxDistance, limit, { scoreOf, accept })).toEqual(expected);
      }
    }
  });
});

describe('the day-by-day opening-date baseline', () => {
  it('gives the days openingDate gives', async () => {
    const { dayLoopOpening } = await import('../../benchmarks/baselines/day-loop.mjs');
    const { openingDate } = await import('../../src/orders/opening-date.js');
    for (let t = Date.UTC(2025, 8, 1); t < Date.UTC(2026, 1, 28); t += 37 * 3_600_000) {
      expect(dayLoopOpening(t, 3)).toBe(openingDate('ordinary', t).date);
      expect(dayLoopOpening(t, 7)).toBe(openingDate('special', t).date);
    }
  });
});
