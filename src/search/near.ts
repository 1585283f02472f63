import { guardOptions, guardFields, guardString } from '../errors/guards.js';
import { parse } from '../number/parse.js';
import { displayOfKey, numberOfKey } from '../pool/key-strings.js';
import { NUMBER_BASE, type Pool } from '../pool/pool.js';
import { poolList } from '../pool/pool-list.js';
import { scoringOf, shapeResult } from './shape.js';
import type { Finding } from '../scoring/types.js';
import { TIERS, isSpecial, tierIndexOf, type TierId } from '../scoring/tiers.js';
import { Filter } from './filter.js';
import { FILTER_FIELDS, FILTER_KINDS, MAX_LIMIT, normalizeFilters, type SearchFilters } from './query.js';
import { badQuery, QUERY_FAULTS as F } from './errors.js';

/**
 * How far {@link near} looks and how many numbers it returns; the filters are those of a search
 * (segments, exclude, include, tailContains, minScore, tiers, rules, shapes, maxPriceLevel).
 */
export interface NearOptions extends SearchFilters {
  /** Digit positions that may differ: 1, 2 or 3 (default 1). */
  maxDistance?: 1 | 2 | 3;
  /** Also offer numbers that are the wanted one with two neighbouring digits swapped (distance 1). */
  swaps?: boolean;
  /** Results, 1-1000 (default 20). */
  limit?: number;
  /** Include each result's reasons (default true); false answers from the pool's arrays alone. */
  findings?: boolean;
}

/** One number close to the wanted one, as {@link near} returns it. */
export interface NearResult {
  /** The 10 digits. */
  number: string;
  /** As people write it, e.g. "400-888-8889". */
  display: string;
  /** 0–100, one decimal. */
  score: number;
  /** The tier the score and shapes put it in. */
  tier: TierId;
  /** A carrier's special number (the top tiers). */
  special: boolean;
  /** Digit positions that differ (a swap counts as 1). */
  distance: number;
  /** 0-based positions that differ from the wanted number. */
  changed: number[];
  /** It is the wanted number with two neighbouring digits swapped. */
  swap: boolean;
  /** The reasons for its score. */
  findings: Finding[];
}

/** A result of {@link near} with `{ findings: false }`: the same without the reasons. */
export type NearNumber = Omit<NearResult, 'findings'>;

/** Largest pool scanned entry by entry; a bigger one (a segment) is searched by enumerating neighbours. */
const SCAN_LIMIT = 20_000;
const NEAR_FIELDS = new Set(['maxDistance', 'swaps', 'limit', 'findings', ...FILTER_FIELDS]);
const NEAR_KINDS: Readonly<Record<string, string>> = { maxDistance: 'number?', swaps: 'boolean?', limit: 'number?', findings: 'boolean?', ...FILTER_KINDS };

interface Candidate {
  pool: Pool;
  index: number;
  key: number;
  distance: number;
  swap: boolean;
}

/**
 * "My dream number is taken: what is close?" Every number of the pools (not removed) within
 * `maxDistance` differing digit positions of `number`, optionally one neighbour swap away, that
 * passes the filters, ranked by distance, then score, then number. Exact: all such numbers are found,
 * none missed (the filters apply before the limit).
 */
export function near(pools: Pool | readonly Pool[], number: string, options: NearOptions & { findings: false }): NearNumber[];
export function near(pools: Pool | readonly Pool[], number: string, options?: NearOptions): NearResult[];
export function near(pools: Pool | readonly Pool[], number: string, options: NearOptions = {}): NearNumber[] | NearResult[] {
  guardString(number, 'near(): number');
  guardOptions(options, 'near(): options');
  guardFields(options, 'near(): options', NEAR_KINDS);
  if (!options || typeof options !== 'object') badQuery('near', 'options', F.notObject, options);
  for (const key of Object.keys(options)) {
    if (!NEAR_FIELDS.has(key)) badQuery('near', key, F.unknownField([...NEAR_FIELDS]), options);
  }
  const filters = normalizeFilters(options, 'near');
  const maxDistance = options.maxDistance ?? 1;
  if (maxDistance !== 1 && maxDistance !== 2 && maxDistance !== 3) badQuery('near', 'maxDistance', F.notChoice(maxDistance, ['1', '2', '3']), maxDistance);
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) badQuery('near', 'limit', F.notWhole(limit, 1, MAX_LIMIT), limit);
  const target = parse(number, { allowUnconfirmed: true }).digits;
  const wanted = Array.from(target, (c) => c.charCodeAt(0) - 48);
  const list = poolList(pools, 'near').filter((pool) => !filters.segments || pool.segment === null || filters.segments.includes(pool.segment));
  const filterOf = list.map((pool) => new Filter(filters, null, filters.segments !== null && pool.segment === null));
  // By pool and entry (pool number × 2^25 + entry: entries stay below 2^25).
  const found = new Map<number, Candidate>();
  const offer = (pool: Pool, poolNumber: number, index: number, distance: number, swap: boolean) => {
    if (index < 0) return;
    const id = poolNumber * 2 ** 25 + index;
    const seen = found.get(id);
    if (seen && seen.distance <= distance) return;
    const key = pool.keyAt(index);
    if (filterOf[poolNumber]!.accepts(pool, index, key)) found.set(id, { pool, index, key, distance, swap });
  };

  // Small subsets are scanned whole; segments (and big subsets) get their neighbours listed, one
  // distance at a time: results rank by distance first, so once `limit` numbers are found within a
  // distance, farther ones cannot make the page.
  const listed = (pool: Pool) => pool.segment !== null || pool.size > SCAN_LIMIT;
  list.forEach((pool, poolNumber) => {
    if (listed(pool)) return;
    for (let i = 0; i < pool.size; i++) {
      const d = hamming(pool.numberAt(i), target);
      if (d <= maxDistance) offer(pool, poolNumber, i, d, false);
    }
  });
  for (let distance = 0; distance <= maxDistance; distance++) {
    list.forEach((pool, poolNumber) => {
      if (listed(pool)) offerAt(pool, poolNumber, distance);
      if (distance === 1 && options.swaps) {
        for (let p = 3; p < 9; p++) {
          if (wanted[p] === wanted[p + 1]) continue;
          const swapped = target.slice(0, p) + target[p + 1] + target[p] + target.slice(p + 2);
          offer(pool, poolNumber, pool.indexOf(swapped), 1, true);
        }
      }
    });
    let within = 0;
    for (const c of found.values()) if (c.distance <= distance) within++;
    if (within >= limit) break;
  }

  /** Offers the pool's numbers exactly `distance` digit positions away from the wanted one. */
  function offerAt(pool: Pool, poolNumber: number, distance: number): void {
    // Positions 0-3 are the segment's; a segment pool's differ from the wanted number's in `fixed` places.
    const from = pool.segment === null ? 3 : 4;
    const fixed = pool.segment === null ? 0 : hamming(pool.segment, target.slice(0, 4));
    const changes = distance - fixed;
    if (changes < 0) return;
    // The wanted number moved into this pool's segment, as its offset from NUMBER_BASE.
    const start = pool.segment === null ? Number(target) - NUMBER_BASE : Number(pool.segment + target.slice(4)) - NUMBER_BASE;
    // Digits the filters exclude are never put in, and positions holding one must change: a number that
    // keeps one is refused anyway, so those branches are not listed.
    const scopeFrom = Math.max(from, filters.excludeFrom);
    let mustChange = 0;
    for (let p = scopeFrom; p < 10; p++) if ((filters.excludeMask >> wanted[p]!) & 1) mustChange |= 1 << p;
    const vary = (first: number, left: number, key: number) => {
      if (left === 0) {
        if (mustChange >> first === 0) offer(pool, poolNumber, pool.indexOfKey(key), distance, false);
        return;
      }
      for (let p = first, place = 10 ** (9 - first); p <= 10 - left; p++, place /= 10) {
        const original = wanted[p]!;
        const refused = p >= scopeFrom ? filters.excludeMask : 0;
        for (let v = 0; v < 10; v++) if (v !== original && ((refused >> v) & 1) === 0) vary(p + 1, left - 1, key + (v - original) * place);
        if ((mustChange >> p) & 1) break; // the positions after p leave p as it is
      }
    };
    vary(from, changes, start);
  }

  const ranked = [...found.values()].sort(
    (a, b) => a.distance - b.distance || b.pool.scores[b.index]! - a.pool.scores[a.index]! || a.key - b.key,
  );
  const withFindings = options.findings ?? true;
  return ranked.slice(0, limit).map((c) => {
    const n = numberOfKey(c.key);
    const changed: number[] = [];
    for (let p = 0; p < 10; p++) if (n[p] !== target[p]) changed.push(p);
    const display = displayOfKey(c.key);
    if (!withFindings) {
      const s = c.pool.scores[c.index]!;
      const tier = TIERS[tierIndexOf(s)]!;
      return { number: n, display, score: s / 10, tier: tier.id, special: isSpecial(c.pool.bits[c.index]!), distance: c.distance, changed, swap: c.swap };
    }
    const a = shapeResult(n, scoringOf(c.pool));
    return { number: n, display, score: a.score, tier: a.tier, special: a.special, distance: c.distance, changed, swap: c.swap, findings: a.findings };
  });
}

/** Count of positions where two equally long digit strings differ. */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) d++;
  return d;
}
