import { guardOptions } from '../errors/guards.js';
import { REMOVED, rankByScore, type Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import { bodyDigitsOfKey, displayOfKey, foursOfKey, numberOfKey, tailDigitsOfKey } from '../pool/key-strings.js';
import { score } from '../scoring/score.js';
import { TIERS, isSpecial, tierIndexOf } from '../scoring/tiers.js';
import type { Finding } from '../scoring/types.js';
import type { TierId } from '../scoring/tiers.js';
import { compilePattern, enumeratePattern, type CompiledPattern } from './pattern/index.js';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.js';
import { normalizeQuery, queryHash, type NormalizedQuery, type SearchQuery } from './query.js';
import { valueOf } from './value.js';
import { valueOrderOnRepeat } from './value-order.js';
import type { SearchCache } from './cache.js';
import { LRUCache } from 'lru-cache';

/** One number found by {@link search}. */
export interface SearchResult {
  /** The 10 digits, e.g. "4006666688". */
  number: string;
  /** As people write it, e.g. "400-666-6688". */
  display: string;
  /** 0–100, one decimal. */
  score: number;
  /** The tier the score and shapes put it in. */
  tier: TierId;
  /** A carrier's special number (the top tiers): longer to open, with a minimum spend. */
  special: boolean;
  /** Score for the price level (sort: 'value'). */
  value: number;
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
/** Bound of the memory kept for patterns' ranked matches (see RANKED). */
const RANKED_CACHE_BYTES = 8_000_000;

interface Hit {
  pool: Pool;
  index: number;
  key: number; // number - NUMBER_BASE
  sortKey: number; // score (tenths) or value; 0 for number order
}

/** The three digits of 0-999, three entries each. */
const DIGITS_OF_3 = Uint8Array.from({ length: 3000 }, (_, i) => Math.floor(Math.floor(i / 3) / 10 ** (2 - (i % 3))) % 10);

/** Compiled patterns by their text, like a database's prepared statements: websites ask the same ones again. */
const PLANS = new LRUCache<string, CompiledPattern>({ max: 512 });

function compiled(text: string): CompiledPattern {
  let pattern = PLANS.get(text);
  if (pattern === undefined) PLANS.set(text, (pattern = compilePattern(text)));
  return pattern;
}

type Ranked = Uint32Array | false | typeof SEEN;
const SEEN = Symbol('seen');

/**
 * One pattern's entry in RANKED; BY_POOL finds it without building a key string per search. The pool is
 * held weakly, so that a pool dropped by its owner (say, replaced by a fresh snapshot) can be collected.
 */
interface RankedEntry {
  pool: WeakRef<Pool>;
  text: string;
  ranked: Ranked;
}

/**
 * A pattern's matches in a segment pool, in the pool's score order (false: more than ENUMERATE_LIMIT),
 * kept for patterns searched more than once: repeated searches and later pages read them from the top.
 * SEEN marks a pattern searched once. Scores never change in a pool (sold numbers are only marked),
 * so the lists stay true.
 */
const RANKED = new LRUCache<RankedEntry, true>({
  maxSize: RANKED_CACHE_BYTES,
  sizeCalculation: (_, entry) => (entry.ranked instanceof Uint32Array ? entry.ranked.byteLength : 0) + 64,
  dispose: (_, entry) => {
    const pool = entry.pool.deref();
    if (pool !== undefined) BY_POOL.get(pool)?.delete(entry.text);
  },
});
const BY_POOL = new WeakMap<Pool, Map<string, RankedEntry>>();

function rankedOf(pool: Pool, text: string): Ranked | undefined {
  const entry = BY_POOL.get(pool)?.get(text);
  if (entry === undefined) return undefined;
  RANKED.get(entry); // most recently used
  return entry.ranked;
}

function keepRanked(pool: Pool, text: string, ranked: Ranked): void {
  let entries = BY_POOL.get(pool);
  if (entries === undefined) BY_POOL.set(pool, (entries = new Map()));
  const old = entries.get(text);
  if (old !== undefined) RANKED.delete(old);
  const entry: RankedEntry = { pool: new WeakRef(pool), text, ranked };
  entries.set(text, entry);
  RANKED.set(entry, true);
}

/** Ranks a pattern's candidates by score and keeps them (false, kept too: more than ENUMERATE_LIMIT). */
function rank(pool: Pool, text: string, candidates: Uint32Array): Uint32Array;
function rank(pool: Pool, text: string, candidates: Uint32Array | null): Uint32Array | false;
function rank(pool: Pool, text: string, candidates: Uint32Array | null): Uint32Array | false {
  const ranked = candidates ? rankByScore(pool.scores, candidates) : false;
  keepRanked(pool, text, ranked);
  return ranked;
}

const DIGITS = Int8Array.of(4, 0, 0, 0, 0, 0, 0, 0, 0, 0);

/** true when a comes before b in the page order. */
function before(a: { sortKey: number; key: number }, b: { sortKey: number; key: number }): boolean {
  return a.sortKey !== b.sortKey ? a.sortKey > b.sortKey : a.key < b.key;
}

/** Checks one pool entry against the query's filters; digits is scratch space for its ten digits. */
class Filter {
  /** The ten digits of the entry being checked; one scratch array serves every filter (searches never interleave). */
  readonly digits = DIGITS;
  private readonly needsDigits: boolean;

  constructor(
    private readonly q: NormalizedQuery,
    private readonly pattern: CompiledPattern | null,
    private readonly checkSegment: boolean,
  ) {
    this.needsDigits = pattern !== null || q.tailContains !== null || checkSegment;
    this.excludeExtra = q.excludeFrom === 0 ? (1 << 4) | (1 << 0) : 0; // 400
  }

  /** Digits the exclude scope holds beyond the seven after 400. */
  private readonly excludeExtra: number;

  accepts(pool: Pool, i: number, key: number): boolean {
    const q = this.q;
    const bits = pool.bits[i]!;
    if ((bits & REMOVED) !== 0) return false;
    const s = pool.scores[i]!;
    if (s < q.minScoreTenths || (bits & q.bitsMask) !== q.bitsMask) return false;
    if (q.tierMask !== 0 && (q.tierMask & (1 << tierIndexOf(s))) === 0) return false;
    if (q.excludeMask !== 0) {
      const held = q.excludeFrom === 6 ? tailDigitsOfKey(key) : bodyDigitsOfKey(key) | this.excludeExtra;
      if ((held & q.excludeMask) !== 0) return false;
    }
    if (q.includeMask !== 0 && (bodyDigitsOfKey(key) & q.includeMask) !== q.includeMask) return false;
    if (!this.needsDigits) return true;
    const d = this.digits;
    // key < 10^7: split it into 1 + 3 + 3 digits with integer division and a table, not seven divisions.
    const high = (key / 1000) | 0;
    const low = key - high * 1000;
    const segment = (high / 1000) | 0;
    const mid = (high - segment * 1000) * 3;
    d[3] = segment;
    d[4] = DIGITS_OF_3[mid]!;
    d[5] = DIGITS_OF_3[mid + 1]!;
    d[6] = DIGITS_OF_3[mid + 2]!;
    d[7] = DIGITS_OF_3[low * 3]!;
    d[8] = DIGITS_OF_3[low * 3 + 1]!;
    d[9] = DIGITS_OF_3[low * 3 + 2]!;
    if (this.checkSegment && !q.segments!.includes(`400${d[3]}`)) return false;
    if (q.tailContains !== null && !`${d[6]}${d[7]}${d[8]}${d[9]}`.includes(q.tailContains)) return false;
    return this.pattern === null || this.pattern.matchDigits(d);
  }
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
function searchPool(pool: Pool, q: NormalizedQuery, pattern: CompiledPattern | null, after: CursorPosition | null, want: number): Hit[] {
  if (q.segments && pool.segment && !q.segments.includes(pool.segment)) return [];
  const known = q.sort === 'score' && pattern && pool.segment ? rankedOf(pool, q.pattern!) : false;
  if (known instanceof Uint32Array) return readRanked(pool, q, known, after, want);
  const filter = new Filter(q, pattern, q.segments !== null && pool.segment === null);
  if (q.sort === 'score') return searchByScore(pool, q, pattern, filter, known, after, want);

  const hits: Hit[] = [];
  const isAfter = (h: { sortKey: number; key: number }) => after === null || before({ sortKey: after.key, key: after.number }, h);
  // In number order, a pattern with more than a few thousand candidates has one every few hundred
  // numbers: walking the pool fills a page sooner than listing them all.
  const candidates = candidatesOf(pattern, pool, q.sort === 'number' ? FEW_CANDIDATES : ENUMERATE_LIMIT);
  if (q.sort === 'number') {
    /** Takes entry i if it matches; false once the page is full. */
    const take = (i: number): boolean => {
      const key = pool.keyAt(i);
      if (!filter.accepts(pool, i, key)) return true;
      const hit = { pool, index: i, key, sortKey: 0 };
      if (isAfter(hit)) hits.push(hit);
      return hits.length < want;
    };
    if (candidates) {
      for (const i of candidates) if (!take(i)) break;
    } else {
      for (let i = firstAfterNumber(pool, after); i < pool.size; i++) if (!take(i)) break;
    }
    return hits;
  }

  // Value order: the pool's value order walked like the score order, or the best `want` of the
  // candidates (or, on the pool's first value search, of all its entries).
  const order = candidates === null ? valueOrderOnRepeat(pool) : null;
  if (order !== null) {
    walk(pool, filter, order, firstAfterIn(pool, order, after, valueAt), order.length, want, hits, valueAt);
    return hits;
  }
  const consider = (i: number) => {
    const key = pool.keyAt(i);
    const hit = { pool, index: i, key, sortKey: valueAt(pool, i, key) };
    if (!isAfter(hit) || (hits.length === want && !before(hit, hits[want - 1]!))) return;
    if (!filter.accepts(pool, i, key)) return;
    if (hits.length < want) hits.push(hit); // else the worst is dropped
    let at = hits.length - 1;
    while (at > 0 && before(hit, hits[at - 1]!)) {
      hits[at] = hits[at - 1]!;
      at--;
    }
    hits[at] = hit;
  };
  if (candidates) for (const i of candidates) consider(i);
  else for (let i = 0; i < pool.size; i++) consider(i);
  return hits;
}

/** The entries of a segment pool a pattern can match, when it leaves at most `limit`; else null. */
function candidatesOf(pattern: CompiledPattern | null, pool: Pool, limit: number): Uint32Array | null {
  return pattern && pool.segment ? enumeratePattern(pattern, pool.segment, limit) : null;
}

/** Score order: a pattern's ranked matches, or a walk along the pool's score order. */
function searchByScore(pool: Pool, q: NormalizedQuery, pattern: CompiledPattern | null, filter: Filter, known: Ranked | undefined, after: CursorPosition | null, want: number): Hit[] {
  const hits: Hit[] = [];
  let ranked = known;
  if (ranked === undefined) {
    // First search of this pattern here. Few candidates are ranked at once. Otherwise high scores go with
    // the shapes people search for, so walking the score order usually fills a page within a few thousand
    // entries; when it does not, the candidates are ranked.
    const few = candidatesOf(pattern, pool, FEW_CANDIDATES);
    if (few) return readRanked(pool, q, rank(pool, q.pattern!, few), after, want);
    keepRanked(pool, q.pattern!, SEEN);
    const start = firstAfterScore(pool, after);
    const end = Math.min(pool.order.length, start + WALK_BUDGET);
    if (walk(pool, filter, pool.order, start, end, want, hits) || end === pool.order.length) return hits;
    hits.length = 0;
    ranked = SEEN;
  }
  if (ranked === SEEN) ranked = rank(pool, q.pattern!, candidatesOf(pattern, pool, ENUMERATE_LIMIT));
  if (ranked) return readRanked(pool, q, ranked, after, want);
  walk(pool, filter, pool.order, firstAfterScore(pool, after), pool.order.length, want, hits);
  return hits;
}

/** The first `want` matches after the cursor among a pattern's ranked matches. */
function readRanked(pool: Pool, q: NormalizedQuery, ranked: Uint32Array, after: CursorPosition | null, want: number): Hit[] {
  const hits: Hit[] = [];
  walk(pool, new Filter(q, null, false), ranked, firstAfterIn(pool, ranked, after, scoreAt), ranked.length, want, hits); // every entry matches the pattern
  return hits;
}

/** Adds the matches among entries order[from..to) (in page order) to hits; true once it holds `want`. */
function walk(pool: Pool, filter: Filter, order: Uint32Array, from: number, to: number, want: number, hits: Hit[], sortKeyAt: SortKeyAt = scoreAt): boolean {
  for (let p = from; p < to; p++) {
    const i = order[p]!;
    const key = pool.keyAt(i);
    if (!filter.accepts(pool, i, key)) continue;
    hits.push({ pool, index: i, key, sortKey: sortKeyAt(pool, i, key) });
    if (hits.length === want) return true;
  }
  return false;
}

function firstAfterNumber(pool: Pool, after: CursorPosition | null): number {
  if (after === null) return 0;
  let lo = 0;
  let hi = pool.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool.keyAt(mid) <= after.number) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position just after the cursor in a list of entries in page order (by the sort key, then by number). */
function firstAfterIn(pool: Pool, order: Uint32Array, after: CursorPosition | null, sortKeyAt: SortKeyAt): number {
  if (after === null) return 0;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const i = order[mid]!;
    const key = pool.keyAt(i);
    const sortKey = sortKeyAt(pool, i, key);
    if (sortKey > after.key || (sortKey === after.key && key <= after.number)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position in pool.order just after the cursor: inside the cursor's score bucket, entries are in number order. */
function firstAfterScore(pool: Pool, after: CursorPosition | null): number {
  if (after === null) return 0;
  const s = Math.max(0, Math.min(1000, Math.round(after.key)));
  let lo = pool.bucketStart[1000 - s]!;
  let hi = pool.bucketStart[1001 - s]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool.keyAt(pool.order[mid]!) <= after.number) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  // A loop rather than flatMap, which costs more than the whole search of a pool with a ranked pattern.
  let hits: Hit[] = [];
  for (const pool of list) {
    const found = searchPool(pool, q, pattern, after, q.limit + 1);
    hits = hits.length === 0 ? found : hits.concat(found);
  }
  if (list.length > 1) hits.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const last = hits[q.limit - 1];
  return { hits, next: hits.length > q.limit && last ? encodeCursor({ sort: q.sort, key: last.sortKey, number: last.key }, hash) : null };
}

/**
 * Searches one pool or several (e.g. one per segment): filters, pattern, sort and a stable cursor.
 * Anchored or positional patterns enumerate their candidates; others scan in page order and stop
 * as soon as the page is full. An empty result is a normal answer.
 */
export function search(pools: Pool | readonly Pool[], query: SearchQuery = {}, options: SearchOptions = {}): SearchPage {
  guardOptions(query, 'search(): query');
  guardOptions(options, 'search(): options');
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
  guardOptions(query, 'searchNumbers(): query');
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
  const number = numberOfKey(h.key);
  const a = score(number, { profile: h.pool.profile, ...(h.pool.company ? { company: h.pool.company } : {}), allowUnconfirmed: true });
  const tierIndex = TIERS.findIndex((t) => t.id === a.tier);
  return {
    number,
    display: displayOfKey(h.key),
    score: a.score,
    tier: a.tier,
    special: a.special,
    value: valueOf(h.pool.scores[h.index]!, tierIndex, foursOfKey(h.key)),
    findings: a.findings,
  };
}
