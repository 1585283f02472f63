import { TIERS, compilePattern, createPool, near, parsePattern, poolFromSnapshot, poolToSnapshot, priceLevel, search, searchNumbers, tierIndexOf } from '../dist/index.js';
import { regexSearch, scanIndex, segmentNumbers } from './baselines/regex-search.mjs';
import { astToSql, createSqlitePool } from './baselines/sqlite-search.mjs';
import { enumerateNear, hamming } from './baselines/near-enumeration.mjs';
import { measure, round } from './harness.mjs';

const SEGMENT = '4006';
const LIMIT = 20;
/** Each shape's first search, and SQLite's first run of its statement, timed this many times. */
const FIRST_RUNS = 11;
/** No shape's first search may take more than this many times the median shape's. */
const SLOWEST_VS_MEDIAN = 20;

/**
 * The query mix: tail patterns, positional, letter-variable shapes, unanchored contains, no-4 filters,
 * a fixed prefix in number order, high minimum scores (alone and with a broad pattern), and value order
 * with a minimum score, tiers, a pattern and nothing else.
 */
const QUERIES = [
  { kind: 'tail', query: { pattern: '8888$' } },
  { kind: 'tail', query: { pattern: '[689][689][689]$' } },
  { kind: 'positional', query: { pattern: '400-6**-8888' } },
  { kind: 'positional', query: { pattern: '4006*9A*AB' } },
  { kind: 'shape', query: { pattern: 'AABB$' } },
  { kind: 'shape', query: { pattern: 'ABAB$' } },
  { kind: 'shape', query: { pattern: 'ABCABC$' } },
  { kind: 'unanchored', query: { pattern: '%520%' } },
  { kind: 'unanchored', query: { pattern: '%1314%' } },
  { kind: 'no-4', query: { pattern: 'AABB$', exclude: '4' } },
  { kind: 'no-4', query: { exclude: '4', minScore: 80 } },
  { kind: 'prefix', query: { pattern: '^40069%', sort: 'number' } },
  { kind: 'bound', query: { minScore: 99.6 } },
  { kind: 'bound', query: { pattern: '%7%', minScore: 95 } },
  { kind: 'value', query: { sort: 'value', minScore: 80 } },
  { kind: 'value', query: { sort: 'value', tiers: ['top'] } },
  { kind: 'value', query: { sort: 'value', pattern: 'AABB$' } },
  { kind: 'value', query: { sort: 'value' } },
];

/** Near numbers: plain, and with the filters a salesperson adds (no 4, a minimum score, tiers, the tail kept). */
const NEARS = [
  { number: '4006123456', options: { maxDistance: 2 } },
  { number: '4006888888', options: { maxDistance: 2 } },
  { number: '4006517517', options: { maxDistance: 2 } },
  { number: '4006888888', options: { maxDistance: 2, exclude: '4', minScore: 60 } },
  { number: '4006517517', options: { maxDistance: 3, tiers: ['top', 'super'] } },
  { number: '4006123456', options: { maxDistance: 3, tailContains: '56', exclude: '4' } },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tierIndex = (id) => TIERS.findIndex((t) => t.id === id);

/** Ours, SQLite (indexed as the mix needs, ANALYZEd) and an ordered regex scan on one pool and query mix; near beside a plain enumeration. Result lists must be identical. */
export function benchSearch() {
  const build = measure(() => createPool({ segment: SEGMENT }), { runs: 5, warmup: 1 });
  const pool = createPool({ segment: SEGMENT });
  const bytesPerNumber = (pool.scores.byteLength + pool.bits.byteLength + pool.order.byteLength) / pool.size;
  const snapshot = poolToSnapshot(pool);
  const load = measure(() => poolFromSnapshot(snapshot), { runs: 11, warmup: 2 });

  // What the baselines store per number: score, tier and value (score for its price level), as the library defines them.
  const strings = segmentNumbers(SEGMENT);
  const scores = pool.scores;
  const tiers = Uint8Array.from(scores, (s, i) => tierIndexOf(s, pool.bits[i]));
  const foursAt = (i) => [...strings[i].slice(3)].filter((d) => d === '4').length;
  const levelAt = (i) => priceLevel(tiers[i], foursAt(i));
  const values = Float64Array.from(scores, (s, i) => Math.round((s / levelAt(i)) * 1000) / 1000);
  const sqlite = createSqlitePool(SEGMENT, scores, { tiers, values });
  const scan = scanIndex(strings, scores, values);

  const cases = QUERIES.map(({ kind, query }) => {
    const ast = query.pattern ? parsePattern(query.pattern) : null;
    const minScore = Math.round((query.minScore ?? 0) * 10);
    const tierIds = query.tiers?.map(tierIndex);
    const accept = (i) => scores[i] >= minScore && (!tierIds || tierIds.includes(tiers[i])) && !(query.exclude && strings[i].indexOf(query.exclude, 3) >= 0);

    // Like for like: numbers as SQLite's plucked column; rows as SQLite's row objects (ours carry
    // display, tier and value as well); with reasons, as a website shows them. The query object is made
    // once, as SQLite's statement and parameters are.
    const ourQuery = { ...query, limit: LIMIT };
    const ourNumbers = () => searchNumbers(pool, ourQuery).numbers;
    const ourRows = () => search(pool, ourQuery, { findings: false }).results;
    const ourWithReasons = () => search(pool, ourQuery).results;
    const regex = () => regexSearch(scan, ast, LIMIT, { sort: query.sort ?? 'score', accept });
    const { sql, params } = astToSql({ ast, minScore, tiers: tierIds, excludeDigits: query.exclude, sort: query.sort }, LIMIT);
    const numbersStatement = sqlite.db.prepare(sql).pluck();
    const rowsStatement = sqlite.db.prepare(sql.replace('SELECT number FROM', 'SELECT number, score FROM'));
    const sqliteNumbers = () => numbersStatement.all(params);
    const sqliteRows = () => rowsStatement.all(params);
    const sqliteFirst = () => sqlite.db.prepare(sql).pluck().all(params);

    const expected = ourNumbers();
    const answers = [regex(), sqliteNumbers(), sqliteFirst(), ourRows().map((r) => r.number), sqliteRows().map((r) => r.number)];
    const same = answers.every((answer) => JSON.stringify(answer) === JSON.stringify(expected));
    return { kind, query, sql, ourQuery, ourNumbers, ourRows, ourWithReasons, regex, sqliteNumbers, sqliteRows, sqliteFirst, results: expected.length, identical: same };
  });
  // Every query of the mix runs for two seconds before any is timed, so each is timed in the steady state
  // a server reaches: not while the compiler is still learning the next query's shape, nor while the
  // collector clears the pools built above.
  for (const start = performance.now(); performance.now() - start < 2000; ) {
    for (const c of cases) {
      c.ourNumbers();
      c.ourRows();
      c.sqliteNumbers();
      c.sqliteRows();
    }
  }

  // Our calls take about a microsecond, so the harness's own first compilation shows in whichever is timed
  // first: one untimed round of the same measurements settles it.
  const timeOurs = (c) => [measure(c.ourNumbers, { runs: 31, warmup: 200, batch: 'auto' }), measure(c.ourRows, { runs: 31, warmup: 200, batch: 'auto' })];
  for (const c of cases) timeOurs(c);

  const rows = cases.map((c) => {
    const [ours, ourRows] = timeOurs(c);
    const withReasons = measure(c.ourWithReasons, { runs: 51, warmup: 100 });
    const re = measure(c.regex, { runs: 11, warmup: 2, batch: 'auto' });
    const sq = measure(c.sqliteNumbers, { runs: 31, warmup: 20, batch: 'auto' });
    const sqRows = measure(c.sqliteRows, { runs: 31, warmup: 20, batch: 'auto' });
    return {
      kind: c.kind,
      query: c.query,
      sql: c.sql,
      results: c.results,
      identical: c.identical,
      oursMs: ours.medianMs,
      oursRowsMs: ourRows.medianMs,
      oursWithReasonsMs: withReasons.medianMs,
      regexMs: re.medianMs,
      sqliteMs: sq.medianMs,
      sqliteRowsMs: sqRows.medianMs,
      vsRegex: round(re.medianMs / ours.medianMs, 1),
      vsSqlite: round(sq.medianMs / ours.medianMs, 1),
      rowsVsSqlite: round(sqRows.medianMs / ourRows.medianMs, 1),
    };
  });

  // Near numbers: every answer checked against a scan of the whole segment.
  const scoreOf = (n) => (n.startsWith(SEGMENT) ? scores[Number(n.slice(4))] : undefined);
  const nearCases = NEARS.map(({ number, options }) => {
    const minScore = Math.round((options.minScore ?? 0) * 10);
    const tierIds = options.tiers?.map(tierIndex);
    const accept = (n, score) =>
      score >= minScore &&
      (!tierIds || tierIds.includes(tiers[Number(n.slice(4))])) &&
      !(options.exclude && n.indexOf(options.exclude, 3) >= 0) &&
      !(options.tailContains && !n.slice(6).includes(options.tailContains));
    const exact = strings
      .filter((s, i) => hamming(s, number) <= options.maxDistance && accept(s, scores[i]))
      .map((s) => ({ s, d: hamming(s, number), score: scoreOf(s) }))
      .sort((a, b) => a.d - b.d || b.score - a.score || (a.s < b.s ? -1 : 1))
      .slice(0, LIMIT)
      .map((x) => x.s);
    const lean = { ...options, limit: LIMIT, findings: false };
    const full = { ...options, limit: LIMIT };
    const ourNumbers = () => near(pool, number, lean).map((r) => r.number);
    const ourWithReasons = () => near(pool, number, full);
    const enumeration = () => enumerateNear(number, options.maxDistance, LIMIT, { scoreOf, accept });
    const identical = [ourNumbers(), ourWithReasons().map((r) => r.number), enumeration()].every((a) => JSON.stringify(a) === JSON.stringify(exact));
    return { number, options, lean, exactMatches: exact.length, identical, ourNumbers, ourWithReasons, enumeration };
  });
  for (const start = performance.now(); performance.now() - start < 1000; ) for (const c of nearCases) (c.ourNumbers(), c.enumeration());
  const nearRows = nearCases.map((c) => {
    const ours = measure(c.ourNumbers, { runs: 31, warmup: 50, batch: 'auto' });
    const withReasons = measure(c.ourWithReasons, { runs: 31, warmup: 20 });
    const en = measure(c.enumeration, { runs: 31, warmup: 20, batch: 'auto' });
    return { number: c.number, options: c.options, results: c.exactMatches, identicalToBruteForce: c.identical, oursMs: ours.medianMs, oursWithReasonsMs: withReasons.medianMs, enumerationMs: en.medianMs, vsEnumeration: round(en.medianMs / ours.medianMs, 1) };
  });

  // First searches, after the steady timings (the fresh pools' memory would otherwise be collected while
  // those run): each on a pool fresh from the snapshot, which has kept nothing for any query, with the
  // pattern compiled as if never seen; beside SQLite's first run of each statement, prepared anew. Two
  // settings, the same for both engines. In a warm process: the fresh pools are loaded beforehand and
  // the mix runs for a while (the collector finishes with the loads), then before each timed search
  // another query of the mix runs on both, as on a server that loaded its pools earlier and has been
  // answering since. Right after a load: each timed search follows the load of a pool (which writes its
  // 4 MB score order and leaves both engines with cold caches and the collector busy).
  const settle = () => {
    for (const start = performance.now(); performance.now() - start < 100; ) for (const c of cases) (c.ourNumbers(), c.sqliteNumbers());
  };
  /** The median ms of the first-time actions in a warm process: each after another query of the mix. */
  const firstWarm = (k, actions) => {
    settle();
    const other = cases[(k + 1) % cases.length];
    const times = actions.map((action) => {
      for (let r = 0; r < 3; r++) (other.ourNumbers(), other.sqliteNumbers());
      const t0 = performance.now();
      action();
      return performance.now() - t0;
    });
    return round(median(times), 4);
  };
  /** The median ms of the action `prepare` returns, each right after a pool is loaded. */
  const firstAfterLoad = (prepare) => {
    const times = Array.from({ length: FIRST_RUNS }, () => {
      const action = prepare(poolFromSnapshot(snapshot));
      const t0 = performance.now();
      action();
      return performance.now() - t0;
    });
    return round(median(times), 4);
  };
  const freshPools = () => Array.from({ length: FIRST_RUNS }, () => poolFromSnapshot(snapshot));
  for (const [k, c] of cases.entries()) {
    const ourFirst = (fresh) => () => {
      if (c.query.pattern) compilePattern(c.query.pattern);
      searchNumbers(fresh, c.ourQuery);
    };
    const ours = { warm: firstWarm(k, freshPools().map(ourFirst)), afterLoad: firstAfterLoad(ourFirst) };
    const sq = { warm: firstWarm(k, Array(FIRST_RUNS).fill(c.sqliteFirst)), afterLoad: firstAfterLoad(() => c.sqliteFirst) };
    Object.assign(rows[k], {
      oursFirstMs: ours.warm,
      sqliteFirstMs: sq.warm,
      firstVsSqlite: round(sq.warm / ours.warm, 1),
      oursFirstAfterLoadMs: ours.afterLoad,
      sqliteFirstAfterLoadMs: sq.afterLoad,
      firstAfterLoadVsSqlite: round(sq.afterLoad / ours.afterLoad, 1),
    });
  }
  for (const [k, c] of nearCases.entries()) {
    const ourFirst = (fresh) => () => near(fresh, c.number, c.lean);
    Object.assign(nearRows[k], { oursFirstMs: firstWarm(k, freshPools().map(ourFirst)), oursFirstAfterLoadMs: firstAfterLoad(ourFirst) });
  }

  /** The first-time check: every shape (queries and near) within SLOWEST_VS_MEDIAN times the median shape. */
  const shapeCheck = (field) => {
    const shapes = [...rows.map((r) => ({ shape: r.query, firstMs: r[field] })), ...nearRows.map((r) => ({ shape: { near: r.number, ...r.options }, firstMs: r[field] }))];
    const medianShapeMs = median(shapes.map((s) => s.firstMs));
    const slowest = shapes.reduce((a, b) => (b.firstMs > a.firstMs ? b : a));
    return {
      medianShapeMs,
      slowestShape: slowest.shape,
      slowestMs: slowest.firstMs,
      slowestVsMedian: round(slowest.firstMs / medianShapeMs, 1),
      over: shapes.filter((s) => s.firstMs > SLOWEST_VS_MEDIAN * medianShapeMs).map((s) => ({ ...s, vsMedian: round(s.firstMs / medianShapeMs, 1) })),
    };
  };
  return {
    task: `search segment ${SEGMENT} (1,000,000 numbers), first page of ${LIMIT}, first time and repeated`,
    pool: { buildMs: build.medianMs, bytesPerNumber, snapshotBytes: snapshot.byteLength, snapshotLoadMs: load.medianMs, sqliteBuildMs: round(sqlite.buildMs, 0) },
    sqliteIndexes: sqlite.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all(),
    queries: rows,
    near: nearRows,
    summary: {
      allIdentical: rows.every((r) => r.identical) && nearRows.every((r) => r.identicalToBruteForce),
      repeatedMedianVsSqlite: median(rows.map((r) => r.vsSqlite)),
      repeatedMinVsSqlite: Math.min(...rows.map((r) => r.vsSqlite)),
      rowsMedianVsSqlite: median(rows.map((r) => r.rowsVsSqlite)),
      rowsMinVsSqlite: Math.min(...rows.map((r) => r.rowsVsSqlite)),
      firstMedianVsSqlite: median(rows.map((r) => r.firstVsSqlite)),
      firstMinVsSqlite: Math.min(...rows.map((r) => r.firstVsSqlite)),
      oursFirstMedianMs: median(rows.map((r) => r.oursFirstMs)),
      sqliteFirstMedianMs: median(rows.map((r) => r.sqliteFirstMs)),
      firstAfterLoadMedianVsSqlite: median(rows.map((r) => r.firstAfterLoadVsSqlite)),
      firstAfterLoadMinVsSqlite: Math.min(...rows.map((r) => r.firstAfterLoadVsSqlite)),
      repeatedMedianVsRegex: median(rows.map((r) => r.vsRegex)),
      nearMedianMs: round(median(nearRows.map((r) => r.oursMs)), 4),
      nearMedianVsEnumeration: median(nearRows.map((r) => r.vsEnumeration)),
      nearMinVsEnumeration: Math.min(...nearRows.map((r) => r.vsEnumeration)),
      firstTime: shapeCheck('oursFirstMs'),
      firstTimeAfterLoad: shapeCheck('oursFirstAfterLoadMs'),
    },
    targets: { firstMedianVsSqlite: 1, repeatedMedianVsSqlite: 20, slowestVsMedian: SLOWEST_VS_MEDIAN, poolBuildMaxMs: 300, maxBytesPerNumber: 8, snapshotLoadMaxMs: 20 },
  };
}
