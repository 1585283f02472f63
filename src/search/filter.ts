import { REMOVED, type Pool } from '../pool/pool.js';
import { bodyDigitsOfKey, foursOfKey, tailDigitsOfKey } from '../pool/key-strings.js';
import { tierIndexOf } from '../scoring/tiers.js';
import type { CompiledPattern } from './pattern/index.js';
import type { NormalizedFilters } from './query.js';
import { priceLevel } from './value.js';

/** The three digits of 0-999, three entries each. */
const DIGITS_OF_3 = Uint8Array.from({ length: 3000 }, (_, i) => Math.floor(Math.floor(i / 3) / 10 ** (2 - (i % 3))) % 10);
/** The ten digits of the entry being checked; one scratch array serves every filter (searches never interleave). */
const DIGITS = Int8Array.of(4, 0, 0, 0, 0, 0, 0, 0, 0, 0);
const FOUR = 1 << 4;

/** Checks pool entries against a query's filters (and pattern, if any). */
export class Filter {
  private readonly needsDigits: boolean;
  /** Digits the exclude scope holds beyond the seven after 400. */
  private readonly excludeExtra: number;
  private readonly needsTier: boolean;

  constructor(
    private readonly q: NormalizedFilters,
    private readonly pattern: CompiledPattern | null,
    private readonly checkSegment: boolean,
  ) {
    this.needsDigits = pattern !== null || q.tailContains !== null || checkSegment;
    this.excludeExtra = q.excludeFrom === 0 ? (1 << 4) | (1 << 0) : 0; // 400
    this.needsTier = q.tierMask !== 0 || q.maxPriceLevel !== Infinity;
  }

  /** Whether entry i (its number NUMBER_BASE + key) is in the pool and passes every filter. */
  accepts(pool: Pool, i: number, key: number): boolean {
    const q = this.q;
    const bits = pool.bits[i]!;
    if ((bits & REMOVED) !== 0) return false;
    const s = pool.scores[i]!;
    if (s < q.minScoreTenths || (bits & q.bitsMask) !== q.bitsMask) return false;
    if (this.needsTier) {
      const tier = tierIndexOf(s);
      if (q.tierMask !== 0 && (q.tierMask & (1 << tier)) === 0) return false;
      if (priceLevel(tier, foursOfKey(key)) > q.maxPriceLevel) return false;
    }
    if (q.excludeMask !== 0) {
      const held = q.excludeFrom === 6 ? tailDigitsOfKey(key) : bodyDigitsOfKey(key) | this.excludeExtra;
      if ((held & q.excludeMask) !== 0) return false;
    }
    if (q.includeMask !== 0 && (bodyDigitsOfKey(key) & q.includeMask) !== q.includeMask) return false;
    if (!this.needsDigits) return true;
    const d = DIGITS;
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


/** The most 4s after 400 a result of these filters can have: none when 4 is excluded there, 3 when only from the tail. */
export function mostFours(q: NormalizedFilters): number {
  if ((q.excludeMask & FOUR) === 0) return 7;
  return q.excludeFrom === 6 ? 3 : 0;
}

/**
 * The lowest price level a number with score s (tenths) in a tier the mask allows (0: all) and at most
 * `fours` 4s can have; Infinity when no such number can be in an allowed tier.
 */
export function lowestLevelAt(s: number, tierMask: number, fours: number): number {
  const t = tierIndexOf(s);
  if (tierMask !== 0 && (tierMask & (1 << t)) === 0) return Infinity;
  let lowest = Infinity;
  for (let f = 0; f <= fours; f++) lowest = Math.min(lowest, priceLevel(t, f));
  return lowest;
}

/** The range of scores (tenths) a result of these filters can have: the minimum score, and what tiers and budget leave. */
export interface ScoreRange {
  lo: number;
  hi: number;
}

export function scoreRange(q: NormalizedFilters): ScoreRange {
  let lo = q.minScoreTenths;
  let hi = 1000;
  if (q.tierMask !== 0 || q.maxPriceLevel !== Infinity) {
    const fours = mostFours(q);
    const possible = (s: number) => lowestLevelAt(s, q.tierMask, fours) <= q.maxPriceLevel;
    while (hi >= lo && !possible(hi)) hi--;
    while (lo <= hi && !possible(lo)) lo++;
  }
  return { lo, hi };
}
