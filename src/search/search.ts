import { NUMBER_BASE, REMOVED, type Pool } from '../pool/pool.js';
import { format } from '../number/format.js';
import { score } from '../scoring/score.js';
import { TIERS, tierIndexOf } from '../scoring/tiers.js';
import type { Finding } from '../scoring/types.js';
import type { TierId } from '../scoring/tiers.js';
import { compilePattern, enumeratePattern, type CompiledPattern } from './pattern/index.js';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.js';
import { normalizeQuery, queryKey, type NormalizedQuery, type SearchQuery } from './query.js';
import { valueOf } from './value.js';
import type { SearchCache } from './cache.js';

export interface SearchResult {
  number: string;
  display: string;
  score: number;
  tier: TierId;
  special: boolean;
  /** Score for the price level (sort: 'value'). */
  value: number;
  /** The reasons; left out when searched with `{ findings: false }`. */
  findings?: Finding[];
}

export interface SearchOptions {
  /** A cache of result pages; see SearchCache. */
  cache?: SearchCache;
  /** Include each result's reasons (default true); false answers from the pool's arrays alone. */
  findings?: boolean;
}

export interface SearchPage {
  results: SearchResult[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** A pattern that leaves at most this many candidates in a segment is enumerated; above it the pool is scanned. */
export const ENUMERATE_LIMIT = 50_000;
/** Entries of the score order tried before a pattern's candidates are enumerated instead. */
const WALK_BUDGET = 4_000;
/** A pattern with at most this many candidates in a segment skips the walk. */
const FEW_CANDIDATES = 1_000;

interface Hit {
  pool: Pool;
  index: number;
  key: number; // number - NUMBER_BASE
  sortKey: number; // score (tenths) or value; 0 for number order
}

/** true when a comes before b in the page order. */
function before(a: { sortKey: number; key: number }, b: { sortKey: number; key: number }): boolean {
  return a.sortKey !== b.sortKey ? a.sortKey > b.sortKey : a.key < b.key;
}

/** Checks one pool entry against the query's filters; digits is scratch space for its ten digits. */
class Filter {
  readonly digits = new Int8Array(10);
  private readonly needsDigits: boolean;

  constructor(
    private readonly q: NormalizedQuery,
    private readonly pattern: CompiledPattern | null,
    private readonly checkSegment: boolean,
  ) {
    this.needsDigits = pattern !== null || q.excludeMask !== 0 || q.includeMask !== 0 || q.tailContains !== null || checkSegment;
    this.digits[0] = 4;
  }

  accepts(pool: Pool, i: number, key: number): boolean {
    const q = this.q;
    const bits = pool.bits[i]!;
    if ((bits & REMOVED) !== 0) return false;
    const s = pool.scores[i]!;
    if (s < q.minScoreTenths || (bits & q.bitsMask) !== q.bitsMask) return false;
    if (q.tierMask !== 0 && (q.tierMask & (1 << tierIndexOf(s, bits))) === 0) return false;
    if (!this.needsDigits) return true;
    const d = this.digits;
    let k = key;
    for (let p = 9; p >= 3; p--) {
      d[p] = k % 10;
      k = Math.floor(k / 10);
    }
    if (this.checkSegment && !q.segments!.includes(`400${d[3]}`)) return false;
    if (q.excludeMask !== 0) for (let p = q.excludeFrom; p < 10; p++) if ((q.excludeMask >> d[p]!) & 1) return false;
    if (q.includeMask !== 0) {
      let seen = 0;
      for (let p = 3; p < 10; p++) seen |= 1 << d[p]!;
      if ((seen & q.includeMask) !== q.includeMask) return false;
    }
    if (q.tailContains !== null && !`${d[6]}${d[7]}${d[8]}${d[9]}`.includes(q.tailContains)) return false;
    return this.pattern === null || this.pattern.matchDigits(d);
  }
}

function fours(key: number): number {
  let n = 0;
  for (let k = key; k > 0; k = Math.floor(k / 10)) if (k % 10 === 4) n++;
  return n;
}

function sortKeyOf(q: NormalizedQuery, pool: Pool, i: number, key: number): number {
  if (q.sort === 'number') return 0;
  const s = pool.scores[i]!;
  return q.sort === 'score' ? s : valueOf(s, tierIndexOf(s, pool.bits[i]!), fours(key));
}

/** The first `want` matches of one pool after the cursor, in page order. */
function searchPool(pool: Pool, q: NormalizedQuery, pattern: CompiledPattern | null, after: CursorPosition | null, want: number): Hit[] {
  if (q.segments && pool.segment && !q.segments.includes(pool.segment)) return [];
  const filter = new Filter(q, pattern, q.segments !== null && pool.segment === null);
  const hits: Hit[] = [];
  const isAfter = (h: { sortKey: number; key: number }) => after === null || before({ sortKey: after.key, key: after.number }, h);
  /** Takes entry i if it matches; false once the page is full. */
  const take = (i: number): boolean => {
    const key = pool.keyAt(i);
    const hit = { pool, index: i, key, sortKey: sortKeyOf(q, pool, i, key) };
    if (isAfter(hit) && filter.accepts(pool, i, key)) hits.push(hit);
    return hits.length < want;
  };
  const enumerate = () => (pattern && pool.segment ? enumeratePattern(pattern, pool.segment, ENUMERATE_LIMIT) : null);

  if (q.sort === 'number') {
    const candidates = enumerate();
    if (candidates) {
      for (const i of candidates) if (!take(i)) break;
    } else {
      for (let i = firstAfterNumber(pool, after); i < pool.size; i++) if (!take(i)) break;
    }
    return hits;
  }
  if (q.sort === 'score') {
    // A pattern with few candidates is answered from them. Otherwise, high scores go with the shapes
    // people search for, so walking the score order usually fills a page within a few thousand
    // entries; when it does not, the pattern's candidates are ranked instead.
    const few = pattern && pool.segment ? enumeratePattern(pattern, pool.segment, FEW_CANDIDATES) : null;
    if (few) return best(few);
    const order = pool.order;
    const start = firstAfterScore(pool, after);
    const budget = pattern ? WALK_BUDGET : order.length;
    let p = start;
    for (; p < order.length && p - start < budget; p++) if (!take(order[p]!)) return hits;
    if (p === order.length) return hits;
    const candidates = enumerate();
    if (!candidates) {
      for (; p < order.length; p++) if (!take(order[p]!)) break;
      return hits;
    }
    hits.length = 0;
    return best(candidates);
  }
  return best(enumerate());

  /** The best `want` matches among the candidates (or all entries), in page order. */
  function best(candidates: Uint32Array | null): Hit[] {
    const consider = (i: number) => {
      const key = pool.keyAt(i);
      const hit = { pool, index: i, key, sortKey: sortKeyOf(q, pool, i, key) };
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

/**
 * Searches one pool or several (e.g. one per segment): filters, pattern, sort and a stable cursor.
 * Anchored or positional patterns enumerate their candidates; others scan in page order and stop
 * as soon as the page is full. An empty result is a normal answer.
 */
export function search(pools: Pool | readonly Pool[], query: SearchQuery = {}, options: SearchOptions = {}): SearchPage {
  const list = Array.isArray(pools) ? (pools as readonly Pool[]) : [pools as Pool];
  const q = normalizeQuery(query);
  const withFindings = options.findings ?? true;
  const cached = withFindings ? options.cache?.get(list, q) : undefined;
  if (cached) return cached;

  const key = queryKey(q);
  const pattern = q.pattern === null ? null : compilePattern(q.pattern);
  const after = q.cursor === null ? null : decodeCursor(q.cursor, key, q.sort);
  const hits = list.flatMap((pool) => searchPool(pool, q, pattern, after, q.limit + 1));
  hits.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const page = hits.slice(0, q.limit);
  const last = page[page.length - 1];
  const result: SearchPage = {
    results: page.map((h) => (withFindings ? toResult(h) : toLeanResult(h))),
    next: hits.length > q.limit && last ? encodeCursor({ sort: q.sort, key: last.sortKey, number: last.key }, key) : null,
  };
  if (withFindings) options.cache?.set(list, q, result);
  return result;
}

function toLeanResult(h: Hit): SearchResult {
  const number = String(NUMBER_BASE + h.key);
  const s = h.pool.scores[h.index]!;
  const tierIndex = tierIndexOf(s, h.pool.bits[h.index]!);
  const tier = TIERS[tierIndex]!;
  return { number, display: format(number), score: s / 10, tier: tier.id, special: tier.special, value: valueOf(s, tierIndex, fours(h.key)) };
}

function toResult(h: Hit): SearchResult {
  const number = String(NUMBER_BASE + h.key);
  const a = score(number, { profile: h.pool.profile, ...(h.pool.company ? { company: h.pool.company } : {}), allowUnconfirmed: true });
  const tierIndex = TIERS.findIndex((t) => t.id === a.tier);
  return {
    number,
    display: format(number),
    score: a.score,
    tier: a.tier,
    special: a.special,
    value: valueOf(h.pool.scores[h.index]!, tierIndex, fours(h.key)),
    findings: a.findings,
  };
}
