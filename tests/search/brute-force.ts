import { TIERS, tierIndexOf, type TierId } from '../../src/scoring/tiers.js';
import { FAMILIES } from '../../src/rules/families.js';
import { shapeBit } from '../../src/rules/shapes.js';
import type { Pool } from '../../src/pool/pool.js';
import type { SearchFilters } from '../../src/search/query.js';
import { priceLevel } from '../../src/search/value.js';

/** A pool entry as the brute force sees it: everything a filter or a sort reads, from the pool's arrays and the number's string. */
export interface Row {
  n: string;
  s: number;
  bits: number;
  tier: TierId;
  tierIndex: number;
  fours: number;
}

/** Rows by the pool's score array: pools loaded from one snapshot share it, and their rows. */
const ROWS = new WeakMap<ArrayBufferLike, Row[]>();

/** The pool's entries (not removed) as rows; removals are read at each call. */
export function rowsOf(pool: Pool): Row[] {
  let rows = ROWS.get(pool.scores.buffer);
  if (rows === undefined) {
    rows = [];
    for (let i = 0; i < pool.size; i++) {
      const n = pool.numberAt(i);
      const s = pool.scores[i]!;
      const tierIndex = tierIndexOf(s);
      rows.push({ n, s, bits: pool.bits[i]!, tier: TIERS[tierIndex]!.id, tierIndex, fours: [...n.slice(3)].filter((d) => d === '4').length });
    }
    ROWS.set(pool.scores.buffer, rows);
  }
  return rows.filter((r) => pool.has(r.n));
}

/** Whether a row passes the filters, each tested on the number's string. */
export function passes(row: Row, q: SearchFilters): boolean {
  const { n, s, bits, tier, tierIndex, fours } = row;
  if (q.segments && !q.segments.includes(n.slice(0, 4))) return false;
  if (q.minScore !== undefined && s / 10 < q.minScore) return false;
  if (q.tiers && !q.tiers.includes(tier)) return false;
  if (q.rules && !q.rules.every((r) => bits & (1 << FAMILIES.indexOf(r)))) return false;
  if (q.shapes && !q.shapes.every((sh) => bits & shapeBit(sh))) return false;
  if (q.maxPriceLevel !== undefined && priceLevel(tierIndex, fours) > q.maxPriceLevel) return false;
  const scoped = n.slice({ all: 0, body: 3, tail: 6 }[q.excludeScope ?? 'body']);
  if (q.exclude && [...q.exclude].some((d) => scoped.includes(d))) return false;
  if (q.include && ![...q.include].every((d) => n.slice(3).includes(d))) return false;
  if (q.tailContains && !n.slice(6).includes(q.tailContains)) return false;
  return true;
}
