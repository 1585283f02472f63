import { LRUCache } from 'lru-cache';
import { guardOptions, guardFields, guardMethods } from '../errors/guards.js';
import { NUMBER_BASE, rankByScore, type Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import { displayOfKey, foursOfKey, numberOfKey } from '../pool/key-strings.js';
import { TIERS, isSpecial, tierIndexOf } from '../scoring/tiers.js';
import type { Finding } from '../scoring/types.js';
import { compilePattern, enumeratePattern, type CompiledPattern } from './pattern/index.js';
import { planOf } from './pattern/compile.js';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.js';
import { Filter, scoreRange, type ScoreRange } from './filter.js';
import { BestHits, before, isAfter, type Hit } from './hits.js';
import { keepList, keptList, SEEN } from './kept-orders.js';
import { guardQuery, normalizeQuery, queryHash, type NormalizedQuery, type SearchQuery } from './query.js';
import { priceLevel, valueOf } from './value.js';
import { hasValueOrder, rankByValue, valueOrder } from './value-order.js';
import { firstValuePage } from './value-walk.js';
import type { SearchCache } from './cache.js';
import { scoringOf, shapeResult, type ShapedResult } from './shape.js';

/** One number found by {@link search}: the result every search shapes, its reasons left out when searched with `{ findings: false }`. */
export interface SearchResult extends Omit<ShapedResult, 'findings'> {
  /** The reasons; left out when searched with `{ findings: false }`. */
  findings?: Finding[];
}

/** How {@link search} answers, beside the query itself. */
export interface SearchOptions {
  /** A cache of result pages; see SearchCache. */
  cache?: SearchCache;
  /** Include each result's reasons (default true); false answers from the pool's arrays alone. */
  findings?: boolean;
}

/** One page of {@link search} results. */
export interface SearchPage {
  /** The numbers, in the query's sort order. */
  results: SearchResult[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** A pattern that leaves at most this many candidates in a segment is enumerated; above it the pool is scanned. */
export const ENUMERATE_LIMIT = 50_000;
/** Entries of the score order a pattern's first search walks before it ranks the pattern's candidates instead. */
const WALK_BUDGET = 4_000;
/** A pattern with at most this many candidates in a segment is ranked on its first search: no dearer than the walk. */
const FEW_CANDIDATES = WALK_BUDGET;
/** Keys of the numbers 4000000000-4009999999. */
const ALL_KEYS: KeyRange = [0, 9_999_999];

/** Compiled patterns by their text, like a database's prepared statements: websites ask the same ones again. */
const PLANS = /* @__PURE__ */ new LRUCache<string, CompiledPattern>({ max: 512 });

function compiled(text: string): CompiledPattern {
  let pattern = PLANS.get(text);
  if (pattern === undefined) PLANS.set(text, (pattern = compilePattern(text)));
  return pattern;
}

/** Keys (numbers minus NUMBER_BASE) from the first to the last a query can match. */
type KeyRange = readonly [number, number];

/** A query with what every pool's search of it needs. */
interface Plan {
  q: NormalizedQuery;
  pattern: CompiledPattern | null;
  range: ScoreRange;
  keys: KeyRange;
}

/**
 * The keys a pattern anchored at the first digit can match, from its leading digits and classes
 * (`^40069%`: 4006900000-4006999999); all keys for other patterns.
 */
function keyRangeOf(pattern: CompiledPattern | null): KeyRange {
  if (pattern === null) return ALL_KEYS;
  const plan = planOf(pattern);
  if (plan.never) return [1, 0];
  if (plan.segCount === 0 || plan.segHi[0] !== 0) return ALL_KEYS;
  let lo = 0;
  let hi = 0;
  let p = 0;
  for (; p < plan.segLen[0]!; p++) {
    const at = plan.segStart[0]! + p;
    const mask = plan.mask[at]!;
    if (plan.kind[at]! >= 0) break; // a letter: any digit so far
    if (mask === 0) return [1, 0];
    lo = lo * 10 + (31 - Math.clz32(mask & -mask));
    hi = hi * 10 + (31 - Math.clz32(mask));
  }
  const rest = 10 ** (10 - p);
  return [Math.max(ALL_KEYS[0], lo * rest - NUMBER_BASE), Math.min(ALL_KEYS[1], (hi + 1) * rest - 1 - NUMBER_BASE)];
}

/** An entry's sort key: its score (tenths) in score order, its value in value order. */
type SortKeyAt = (pool: Pool, i: number, key: number) => number;

const scoreAt: SortKeyAt = (pool, i) => pool.scores[i]!;

/** The sort key of entry i in value order: its score for its price level. */
function valueAt(pool: Pool, i: number, key: number): number {
  const s = pool.scores[i]!;
  return valueOf(s, tierIndexOf(s), foursOfKey(key));
}

/** The first `want` matches of one pool after the cursor, in page order. */
function searchPool(pool: Pool, plan: Plan, after: CursorPosition | null, want: number): Hit[] {
  const { q, pattern, range } = plan;
  if ((q.segments && pool.segment && !q.segments.includes(pool.segment)) || range.lo > range.hi) return [];
  const filter = new Filter(q, pattern, q.segments !== null && pool.segment === null);
  if (q.sort === 'score') return searchByScore(pool, plan, filter, after, want);
  if (q.sort === 'number') return searchByNumber(pool, plan, filter, after, want);
  return searchByValue(pool, plan, filter, after, want);
}

/** The entries of a segment pool a pattern can match, when it leaves at most `limit`; else null. */
function candidatesOf(pattern: CompiledPattern | null, pool: Pool, limit: number): Uint32Array | null {
  return pattern && pool.segment ? enumeratePattern(pattern, pool.segment, limit) : null;
}

/**
 * Score order: a pattern's matches ranked by score, or a walk along the pool's score order, both from
 * the highest score the query allows down to its lowest.
 */
function searchByScore(pool: Pool, plan: Plan, filter: Filter, after: CursorPosition | null, want: number): Hit[] {
  const { q, pattern, range } = plan;
  const hits: Hit[] = [];
  const from = Math.max(firstAfterScore(pool, after), pool.bucketStart[1000 - range.hi]!);
  const to = pool.bucketStart[1001 - range.lo]!;
  if (pattern && pool.segment) {
    const key = `s${q.pattern}`;
    let kept = keptList(pool, key);
    if (kept === undefined) {
      // First search of this pattern here. Few candidates are ranked at once. Otherwise high scores go with
      // the shapes people search for, so walking the score order usually fills a page within a few thousand
      // entries; when it does not, the candidates are ranked.
      const few = candidatesOf(pattern, pool, FEW_CANDIDATES);
      if (few) return readList(pool, plan, keepList(pool, key, rankByScore(pool.scores, few)), scoreAt, after, want);
      keepList(pool, key, SEEN);
      const end = Math.min(to, from + WALK_BUDGET);
      if (walk(pool, filter, pool.order, from, end, want, hits, scoreAt) || end === to) return hits;
      hits.length = 0;
      kept = SEEN;
    }
    if (kept === SEEN) {
      const candidates = candidatesOf(pattern, pool, ENUMERATE_LIMIT);
      kept = keepList(pool, key, candidates ? rankByScore(pool.scores, candidates) : false);
    }
    if (kept) return readList(pool, plan, kept, scoreAt, after, want);
    // Too many candidates to list; within a narrow score range, the pattern's matches there are kept instead.
    const top = pool.bucketStart[1000 - range.hi]!;
    if (to - top <= ENUMERATE_LIMIT && to - top < pool.size) {
      const inRange = `s${q.pattern}|${range.lo}-${range.hi}`;
      const known = keptList(pool, inRange);
      if (known === undefined) keepList(pool, inRange, SEEN);
      else return readList(pool, plan, known instanceof Uint32Array ? known : keepList(pool, inRange, matchesAmong(pool, pattern, top, to)), scoreAt, after, want);
    }
  }
  walk(pool, filter, pool.order, from, to, want, hits, scoreAt);
  return hits;
}

/** The entries of pool.order[from..to) the pattern matches (taken out of the pool or not), in that order. */
function matchesAmong(pool: Pool, pattern: CompiledPattern, from: number, to: number): Uint32Array {
  const out = new Uint32Array(to - from);
  let n = 0;
  for (let p = from; p < to; p++) if (pattern.matches(pool.numberAt(pool.order[p]!))) out[n++] = pool.order[p]!;
  return out.slice(0, n);
}

/**
 * Number order: the pattern's candidates when it has few, the entries within the query's scores when
 * there are few, or else a walk along the pool from the first number the pattern allows to its last.
 */
function searchByNumber(pool: Pool, plan: Plan, filter: Filter, after: CursorPosition | null, want: number): Hit[] {
  const { q, pattern, range, keys } = plan;
  const hits: Hit[] = [];
  const from = firstAtKey(pool, after === null ? keys[0] : Math.max(keys[0], after.number + 1));
  const to = firstAtKey(pool, keys[1] + 1);
  let list: Uint32Array | false = false;
  if (pattern && pool.segment) {
    const key = `n${q.pattern}`;
    let kept = keptList(pool, key);
    if (kept === undefined) kept = keepList(pool, key, candidatesOf(pattern, pool, FEW_CANDIDATES) ?? false);
    if (kept instanceof Uint32Array) list = kept;
  }
  const top = pool.bucketStart[1000 - range.hi]!;
  const bottom = pool.bucketStart[1001 - range.lo]!;
  if (!list && bottom - top <= FEW_CANDIDATES && bottom - top < to - from) list = pool.order.slice(top, bottom).sort();
  if (!list) {
    for (let i = from; i < to; i++) {
      const key = pool.keyAt(i);
      if (filter.accepts(pool, i, key) && hits.push({ pool, index: i, key, sortKey: 0 }) === want) break;
    }
    return hits;
  }
  for (let p = lowerBound(list, from); p < list.length && list[p]! < to; p++) {
    const i = list[p]!;
    const key = pool.keyAt(i);
    if (filter.accepts(pool, i, key) && hits.push({ pool, index: i, key, sortKey: 0 }) === want) break;
  }
  return hits;
}

/**
 * Value order: a pattern's candidates ranked by value; or the pool's entries within the query's scores,
 * tiers and budget ranked by value (the whole pool's value order when it sets none of them); both made
 * on a query's second search and kept. A first search takes the best of the candidates, or walks the
 * score buckets (see firstValuePage).
 */
function searchByValue(pool: Pool, plan: Plan, filter: Filter, after: CursorPosition | null, want: number): Hit[] {
  const { q, pattern } = plan;
  if (pattern && pool.segment) {
    const key = `v${q.pattern}`;
    const kept = keptList(pool, key);
    if (kept instanceof Uint32Array) return readList(pool, plan, kept, valueAt, after, want);
    if (kept !== false) {
      const candidates = candidatesOf(pattern, pool, ENUMERATE_LIMIT);
      if (candidates === null) keepList(pool, key, false);
      else if (kept === SEEN || candidates.length <= FEW_CANDIDATES) return readList(pool, plan, keepList(pool, key, rankByValue(pool, candidates)), valueAt, after, want);
      else {
        keepList(pool, key, SEEN);
        const best = new BestHits(want);
        for (const i of candidates) {
          const key = pool.keyAt(i);
          const value = valueAt(pool, i, key);
          if (!best.wouldTake(value, key)) continue;
          const hit: Hit = { pool, index: i, key, sortKey: value };
          if (isAfter(after, hit) && filter.accepts(pool, i, key)) best.take(hit);
        }
        return best.hits;
      }
    }
  }
  const order = valueListOf(pool, plan);
  if (order === null) return firstValuePage(pool, filter, q, plan.range, after, want);
  const hits: Hit[] = [];
  walk(pool, filter, order, firstAfterIn(pool, order, after, valueAt), order.length, want, hits, valueAt);
  return hits;
}

/**
 * The pool's entries within the query's score range, tiers and budget, in value order: kept from the
 * query's second search on (the whole pool's value order with the pool, others among the kept lists);
 * null on the first.
 */
function valueListOf(pool: Pool, plan: Plan): Uint32Array | null {
  const { q, range } = plan;
  const whole = range.lo === 0 && range.hi === 1000 && q.tierMask === 0 && q.maxPriceLevel === Infinity;
  if (whole && hasValueOrder(pool)) return valueOrder(pool);
  const key = whole ? 'v' : `v${range.lo}-${range.hi}|${q.tierMask}|${q.maxPriceLevel}`;
  const kept = keptList(pool, key);
  if (kept instanceof Uint32Array) return kept;
  if (kept === undefined) {
    keepList(pool, key, SEEN);
    return null;
  }
  if (whole) return valueOrder(pool);
  return keepList(pool, key, rankByValue(pool, entriesWithin(pool, plan)));
}

/** The pool's entries (ascending) within the query's score range, tiers and budget. */
function entriesWithin(pool: Pool, plan: Plan): Uint32Array {
  const { q, range } = plan;
  const byTier = q.tierMask !== 0 || q.maxPriceLevel !== Infinity;
  const within = (i: number): boolean => {
    const s = pool.scores[i]!;
    if (s < range.lo || s > range.hi) return false;
    if (!byTier) return true;
    const tier = tierIndexOf(s);
    return (q.tierMask === 0 || (q.tierMask & (1 << tier)) !== 0) && priceLevel(tier, foursOfKey(pool.keyAt(i))) <= q.maxPriceLevel;
  };
  // Taken score by score and sorted; when that is much of the pool, picked out of the pool in its order instead.
  const out = new Uint32Array(pool.bucketStart[1001 - range.lo]! - pool.bucketStart[1000 - range.hi]!);
  let n = 0;
  for (let s = range.hi; s >= range.lo && n * 8 < pool.size; s--) {
    for (let p = pool.bucketStart[1000 - s]!, to = pool.bucketStart[1001 - s]!; p < to; p++) {
      const i = pool.order[p]!;
      if (within(i)) out[n++] = i;
    }
  }
  if (n * 8 < pool.size) return out.subarray(0, n).sort();
  n = 0;
  for (let i = 0; i < pool.size; i++) if (within(i)) out[n++] = i;
  return out.subarray(0, n);
}

/** The first `want` matches after the cursor in a kept list (every entry of which matches the pattern). */
function readList(pool: Pool, plan: Plan, list: Uint32Array, sortKeyAt: SortKeyAt, after: CursorPosition | null, want: number): Hit[] {
  const { q, range } = plan;
  const hits: Hit[] = [];
  let from = firstAfterIn(pool, list, after, sortKeyAt);
  let to = list.length;
  if (sortKeyAt === scoreAt) {
    if (range.hi < 1000) from = Math.max(from, firstBelow(pool, list, range.hi + 1));
    if (range.lo > 0) to = firstBelow(pool, list, range.lo);
  }
  walk(pool, new Filter(q, null, false), list, from, to, want, hits, sortKeyAt);
  return hits;
}

/** Adds the matches among entries order[from..to) (in page order) to hits; true once it holds `want`. */
function walk(pool: Pool, filter: Filter, order: Uint32Array, from: number, to: number, want: number, hits: Hit[], sortKeyAt: SortKeyAt): boolean {
  for (let p = from; p < to; p++) {
    const i = order[p]!;
    const key = pool.keyAt(i);
    if (!filter.accepts(pool, i, key)) continue;
    hits.push({ pool, index: i, key, sortKey: sortKeyAt(pool, i, key) });
    if (hits.length === want) return true;
  }
  return false;
}

/** The first position in [lo, hi) at which `holds` turns false; it holds for a prefix of the range. */
function partitionPoint(lo: number, hi: number, holds: (at: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first entry whose key is at least `key` (the pool's size if none). */
function firstAtKey(pool: Pool, key: number): number {
  return partitionPoint(0, pool.size, (at) => pool.keyAt(at) < key);
}

/** The first position in an ascending list holding at least `value`. */
function lowerBound(list: Uint32Array, value: number): number {
  return partitionPoint(0, list.length, (at) => list[at]! < value);
}

/** The first position in a list in score order whose entry scores below `score` (tenths). */
function firstBelow(pool: Pool, list: Uint32Array, score: number): number {
  return partitionPoint(0, list.length, (at) => pool.scores[list[at]!]! >= score);
}

/** Position just after the cursor in a list of entries in page order (by the sort key, then by number). */
function firstAfterIn(pool: Pool, order: Uint32Array, after: CursorPosition | null, sortKeyAt: SortKeyAt): number {
  if (after === null) return 0;
  return partitionPoint(0, order.length, (at) => {
    const i = order[at]!;
    const key = pool.keyAt(i);
    const sortKey = sortKeyAt(pool, i, key);
    return sortKey > after.key || (sortKey === after.key && key <= after.number);
  });
}

/** Position in pool.order just after the cursor: inside the cursor's score bucket, entries are in number order. */
function firstAfterScore(pool: Pool, after: CursorPosition | null): number {
  if (after === null) return 0;
  const s = Math.max(0, Math.min(1000, Math.round(after.key)));
  return partitionPoint(pool.bucketStart[1000 - s]!, pool.bucketStart[1001 - s]!, (at) => pool.keyAt(pool.order[at]!) <= after.number);
}

/** The page's matches (one more than the limit, when there are more) and the cursor after them. */
interface PageHits {
  hits: Hit[];
  next: string | null;
}

function pageOf(list: readonly Pool[], q: NormalizedQuery): PageHits {
  const hash = queryHash(q);
  const pattern = q.pattern === null ? null : compiled(q.pattern);
  const after = q.cursor === null ? null : decodeCursor(q.cursor, hash, q.sort);
  const plan: Plan = { q, pattern, range: scoreRange(q), keys: keyRangeOf(pattern) };
  // A loop rather than flatMap, which costs more than the whole search of a pool with a ranked pattern.
  let hits: Hit[] = [];
  for (const pool of list) {
    const found = searchPool(pool, plan, after, q.limit + 1);
    hits = hits.length === 0 ? found : hits.concat(found);
  }
  if (list.length > 1) hits.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const last = hits[q.limit - 1];
  return { hits, next: hits.length > q.limit && last ? encodeCursor({ sort: q.sort, key: last.sortKey, number: last.key }, hash) : null };
}

const SEARCH_OPTION_KINDS = { findings: 'boolean?' } as const;

/**
 * Searches one pool or several (e.g. one per segment): filters, pattern, sort and a stable cursor.
 * Anchored or positional patterns enumerate their candidates; others scan in page order and stop
 * as soon as the page is full. An empty result is a normal answer.
 */
export function search(pools: Pool | readonly Pool[], query: SearchQuery = {}, options: SearchOptions = {}): SearchPage {
  guardQuery(query, 'search(): query');
  guardOptions(options, 'search(): options');
  guardFields(options, 'search(): options', SEARCH_OPTION_KINDS);
  if (options.cache !== undefined) guardMethods(options.cache, 'search(): options.cache', '结果缓存（SearchCache）', 'a SearchCache', ['get', 'set']);
  const list = poolList(pools, 'search');
  const q = normalizeQuery(query);
  const withFindings = options.findings ?? true;
  const cached = withFindings ? options.cache?.get(list, q) : undefined;
  if (cached) return cached;

  const { hits, next } = pageOf(list, q);
  const results: SearchResult[] = [];
  for (let r = 0; r < hits.length && r < q.limit; r++) results.push(withFindings ? toResult(hits[r]!) : toLeanResult(hits[r]!));
  const result: SearchPage = { results, next };
  if (withFindings) options.cache?.set(list, q, result);
  return result;
}

/** One page of {@link searchNumbers}: the numbers alone. */
export interface NumbersPage {
  /** The 10 digits of each number, in the query's sort order. */
  numbers: string[];
  /** Pass as `cursor` for the next page (of either function); null on the last page. */
  next: string | null;
}

/**
 * The page {@link search} would give, as its numbers alone: for lists, exports and availability checks
 * that do not show scores, at a fraction of the cost per result. Same query, order and cursors.
 */
export function searchNumbers(pools: Pool | readonly Pool[], query: SearchQuery = {}): NumbersPage {
  guardQuery(query, 'searchNumbers(): query');
  const q = normalizeQuery(query);
  const { hits, next } = pageOf(poolList(pools, 'searchNumbers'), q);
  const numbers: string[] = [];
  for (let r = 0; r < hits.length && r < q.limit; r++) numbers.push(numberOfKey(hits[r]!.key));
  return { numbers, next };
}

function toLeanResult(h: Hit): SearchResult {
  const s = h.pool.scores[h.index]!;
  const tierIndex = tierIndexOf(s);
  const tier = TIERS[tierIndex]!;
  return { number: numberOfKey(h.key), display: displayOfKey(h.key), score: s / 10, tier: tier.id, special: isSpecial(h.pool.bits[h.index]!), value: valueOf(s, tierIndex, foursOfKey(h.key)) };
}

function toResult(h: Hit): SearchResult {
  return shapeResult(numberOfKey(h.key), scoringOf(h.pool));
}
