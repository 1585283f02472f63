import { createPool, near, parsePattern, poolFromSnapshot, poolToSnapshot, search, searchNumbers } from '../dist/index.js';
import { astToRegExp, segmentNumbers } from './baselines/regex-search.mjs';
import { astToSql, createSqlitePool } from './baselines/sqlite-search.mjs';
import { createFuseIndex, exactNear, fuseNear, hamming } from './baselines/fuse-near.mjs';
import { measure, round } from './harness.mjs';

const SEGMENT = '4006';
const LIMIT = 20;

/** The query mix: tail patterns, positional, letter-variable shapes, unanchored contains, no-4 filters. */
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
];
const ANCHORED = new Set(['tail', 'positional', 'shape']);

const noFour = (s) => s.indexOf('4', 3) < 0;

/** Ours, the regex scan and SQLite on one pool and query mix; result lists must be identical. */
export function benchSearch() {
  const build = measure(() => createPool({ segment: SEGMENT }), { runs: 5, warmup: 1 });
  const pool = createPool({ segment: SEGMENT });
  const bytesPerNumber = (pool.scores.byteLength + pool.bits.byteLength + pool.order.byteLength) / pool.size;
  const snapshot = poolToSnapshot(pool);
  const load = measure(() => poolFromSnapshot(snapshot), { runs: 11, warmup: 2 });

  const strings = segmentNumbers(SEGMENT);
  const scores = pool.scores;
  const sqlite = createSqlitePool(SEGMENT, scores);

  const cases = QUERIES.map(({ kind, query }) => {
    const ast = parsePattern(query.pattern ?? '%');
    const minScore = Math.round((query.minScore ?? 0) * 10);
    const extra = (i) => scores[i] >= minScore && (!query.exclude || noFour(strings[i]));

    // Like for like: numbers as SQLite's plucked column; rows as SQLite's row objects (ours carry
    // display, tier and value as well); with reasons, as a website shows them. The query object is made
    // once, as SQLite's statement and parameters are.
    const ourQuery = { ...query, limit: LIMIT };
    const ourNumbers = () => searchNumbers(pool, ourQuery).numbers;
    const ourRows = () => search(pool, ourQuery, { findings: false }).results;
    const ourWithReasons = () => search(pool, ourQuery).results;
    const regex = () => {
      const re = astToRegExp(ast);
      const hits = [];
      for (let i = 0; i < strings.length; i++) if (re.test(strings[i]) && extra(i)) hits.push(i);
      hits.sort((a, b) => scores[b] - scores[a] || a - b);
      return hits.slice(0, LIMIT).map((i) => strings[i]);
    };
    const { sql, params } = astToSql(ast, LIMIT);
    const filters = [query.exclude ? `substr(number, 4) NOT GLOB '*4*'` : null, minScore ? `score >= ${minScore}` : null].filter(Boolean);
    const fullSql = filters.length ? sql.replace(' ORDER BY', ` AND ${filters.join(' AND ')} ORDER BY`) : sql;
    const numbersStatement = sqlite.db.prepare(fullSql).pluck();
    const rowsStatement = sqlite.db.prepare(fullSql.replace('SELECT number FROM', 'SELECT number, score FROM'));
    const sqliteNumbers = () => numbersStatement.all(params);
    const sqliteRows = () => rowsStatement.all(params);

    const expected = ourNumbers();
    const answers = [regex(), sqliteNumbers(), ourRows().map((r) => r.number), sqliteRows().map((r) => r.number)];
    const same = answers.every((answer) => JSON.stringify(answer) === JSON.stringify(expected));
    return { kind, query, ourQuery, ourNumbers, ourRows, ourWithReasons, regex, sqliteNumbers, sqliteRows, results: expected.length, identical: same };
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
    const re = measure(c.regex, { runs: 3, warmup: 1 });
    const sq = measure(c.sqliteNumbers, { runs: 31, warmup: 20, batch: 'auto' });
    const sqRows = measure(c.sqliteRows, { runs: 31, warmup: 20, batch: 'auto' });
    return {
      kind: c.kind,
      query: c.query,
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
  const fuse = createFuseIndex(strings);
  const nearRows = ['4006123456', '4006888888', '4006517517'].map((n) => {
    const exact = exactNear(strings, n, 2)
      .map((s) => ({ s, d: hamming(s, n), score: scores[Number(s.slice(4))] }))
      .sort((a, b) => a.d - b.d || b.score - a.score || (a.s < b.s ? -1 : 1))
      .map((x) => x.s);
    const ourNear = () => near(pool, n, { maxDistance: 2, limit: LIMIT }).map((r) => r.number);
    const identical = JSON.stringify(ourNear()) === JSON.stringify(exact.slice(0, LIMIT));
    const ours = measure(ourNear, { runs: 51, warmup: 100 });
    const fz = measure(() => fuseNear(fuse, n, 2, LIMIT), { runs: 3, warmup: 1 });
    const found = new Set(fuseNear(fuse, n, 2, LIMIT));
    const fuseRecall = exact.slice(0, LIMIT).filter((s) => found.has(s)).length / Math.min(LIMIT, exact.length);
    return { number: n, maxDistance: 2, exactMatches: exact.length, identicalToBruteForce: identical, oursMs: ours.medianMs, fuseMs: fz.medianMs, vsFuse: round(fz.medianMs / ours.medianMs, 0), fuseRecallOfTop20: round(fuseRecall, 2) };
  });

  // First search of each pattern on a fresh pool (it ranks the pattern's matches): after the steady
  // timings, as the fresh pools' memory would otherwise be collected while those run.
  for (const [k, c] of cases.entries()) {
    const cold = measure(() => {
      const fresh = poolFromSnapshot(snapshot);
      const t0 = performance.now();
      searchNumbers(fresh, c.ourQuery);
      return performance.now() - t0;
    }, { runs: 7, warmup: 1, timed: true });
    Object.assign(rows[k], { oursFirstMs: cold.medianMs, firstVsSqlite: round(rows[k].sqliteMs / cold.medianMs, 1) });
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const anchored = rows.filter((r) => ANCHORED.has(r.kind));
  return {
    task: `search segment ${SEGMENT} (1,000,000 numbers), first page of ${LIMIT}, best first`,
    pool: { buildMs: build.medianMs, bytesPerNumber, snapshotBytes: snapshot.byteLength, snapshotLoadMs: load.medianMs, sqliteBuildMs: round(sqlite.buildMs, 0), fuseBuildMs: round(fuse.buildMs, 0) },
    queries: rows,
    near: nearRows,
    summary: {
      allIdentical: rows.every((r) => r.identical) && nearRows.every((r) => r.identicalToBruteForce),
      anchoredMedianMs: round(median(anchored.map((r) => r.oursMs))),
      unanchoredMedianMs: round(median(rows.filter((r) => !ANCHORED.has(r.kind)).map((r) => r.oursMs))),
      medianVsSqlite: median(rows.map((r) => r.vsSqlite)),
      minVsSqlite: Math.min(...rows.map((r) => r.vsSqlite)),
      rowsMedianVsSqlite: median(rows.map((r) => r.rowsVsSqlite)),
      rowsMinVsSqlite: Math.min(...rows.map((r) => r.rowsVsSqlite)),
      firstSearchMedianVsSqlite: median(rows.map((r) => r.firstVsSqlite)),
      medianVsRegex: median(rows.map((r) => r.vsRegex)),
      nearMedianMs: round(median(nearRows.map((r) => r.oursMs))),
      nearMedianVsFuse: median(nearRows.map((r) => r.vsFuse)),
    },
    targets: { anchoredMaxMs: 0.2, unanchoredMaxMs: 3, minVsSqlite: 20, nearMaxMs: 1, minVsFuse: 1000, poolBuildMaxMs: 300, maxBytesPerNumber: 8, snapshotLoadMaxMs: 20 },
  };
}
