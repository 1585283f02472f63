import { Vanity400Error } from '../errors/vanity400-error.js';
import { parse } from '../number/parse.js';
import { displayOfKey, numberOfKey } from '../pool/key-strings.js';
import { NUMBER_BASE, REMOVED, type Pool } from '../pool/pool.js';
import { score } from '../scoring/score.js';
import type { Finding } from '../scoring/types.js';
import type { TierId } from '../scoring/tiers.js';

/** How far {@link near} looks and how many numbers it returns. */
export interface NearOptions {
  /** Digit positions that may differ: 1, 2 or 3 (default 1). */
  maxDistance?: 1 | 2 | 3;
  /** Also offer numbers that are the wanted one with two neighbouring digits swapped (distance 1). */
  swaps?: boolean;
  /** Results, 1-1000 (default 20). */
  limit?: number;
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

/** Largest pool scanned entry by entry; a bigger one (a segment) is searched by enumerating neighbours. */
const SCAN_LIMIT = 20_000;

interface Candidate {
  pool: Pool;
  index: number;
  key: number;
  distance: number;
  swap: boolean;
}

/**
 * "My dream number is taken: what is close?" Every number of the pools (not removed) within
 * `maxDistance` differing digit positions of `number`, optionally one neighbour swap away, ranked
 * by distance, then score, then number. Exact: all such numbers are found, none missed.
 */
export function near(pools: Pool | readonly Pool[], number: string, options: NearOptions = {}): NearResult[] {
  const maxDistance = options.maxDistance ?? 1;
  if (maxDistance !== 1 && maxDistance !== 2 && maxDistance !== 3) {
    throw new Vanity400Error('BAD_QUERY', `near: maxDistance ${JSON.stringify(maxDistance)} is not 1, 2 or 3`, { input: maxDistance });
  }
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new Vanity400Error('BAD_QUERY', `near: limit ${JSON.stringify(limit)} is not a whole number from 1 to 1000`, { input: limit });
  }
  const target = parse(number, { allowUnconfirmed: true }).digits;
  const wanted = Array.from(target, (c) => c.charCodeAt(0) - 48);
  const found = new Map<string, Candidate>();
  const offer = (pool: Pool, index: number, distance: number, swap: boolean) => {
    if (index < 0 || (pool.bits[index]! & REMOVED) !== 0) return;
    const key = pool.keyAt(index);
    const id = `${pool.id}:${index}`;
    const seen = found.get(id);
    if (!seen || distance < seen.distance) found.set(id, { pool, index, key, distance, swap });
  };

  for (const pool of Array.isArray(pools) ? (pools as readonly Pool[]) : [pools as Pool]) {
    if (pool.segment === null && pool.size <= SCAN_LIMIT) {
      for (let i = 0; i < pool.size; i++) {
        const digits = pool.numberAt(i);
        const d = hamming(digits, target);
        if (d <= maxDistance) offer(pool, i, d, false);
      }
    } else {
      // Change up to maxDistance of the positions that may vary in this pool, in every way.
      const from = pool.segment === null ? 3 : 4;
      const fixed = pool.segment === null ? 0 : hamming(pool.segment, target.slice(0, 4));
      // The wanted number moved into this pool's segment, as its offset from NUMBER_BASE.
      const start = pool.segment === null ? Number(target) - NUMBER_BASE : Number(pool.segment + target.slice(4)) - NUMBER_BASE;
      const vary = (first: number, budget: number, key: number, changed: number) => {
        if (changed > 0) offer(pool, pool.indexOfKey(key), fixed + changed, false);
        if (budget === 0) return;
        for (let p = first, place = 10 ** (9 - first); p < 10; p++, place /= 10) {
          const original = wanted[p]!;
          for (let v = 0; v < 10; v++) if (v !== original) vary(p + 1, budget - 1, key + (v - original) * place, changed + 1);
        }
      };
      if (fixed <= maxDistance) {
        offer(pool, pool.indexOfKey(start), fixed, false);
        vary(from, maxDistance - fixed, start, 0);
      }
    }
    if (options.swaps) {
      for (let p = 3; p < 9; p++) {
        if (wanted[p] === wanted[p + 1]) continue;
        const swapped = target.slice(0, p) + target[p + 1] + target[p] + target.slice(p + 2);
        offer(pool, pool.indexOf(swapped), 1, true);
      }
    }
  }

  const ranked = [...found.values()].sort(
    (a, b) => a.distance - b.distance || b.pool.scores[b.index]! - a.pool.scores[a.index]! || a.key - b.key,
  );
  return ranked.slice(0, limit).map((c) => {
    const n = numberOfKey(c.key);
    const a = score(n, { profile: c.pool.profile, ...(c.pool.company ? { company: c.pool.company } : {}), allowUnconfirmed: true });
    const changed: number[] = [];
    for (let p = 0; p < 10; p++) if (n[p] !== target[p]) changed.push(p);
    return { number: n, display: displayOfKey(c.key), score: a.score, tier: a.tier, special: a.special, distance: c.distance, changed, swap: c.swap, findings: a.findings };
  });
}

/** Count of positions where two equally long digit strings differ. */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) d++;
  return d;
}
