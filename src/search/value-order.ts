import { foursOfKey } from '../pool/key-strings.js';
import type { Pool } from '../pool/pool.js';
import { TIERS, tierIndexOf } from '../scoring/tiers.js';
import { valueOf } from './value.js';

/** Counts of 4 among the seven digits after 400: 0-7. */
const FOUR_COUNTS = 8;
const GROUPS = 1001 * TIERS.length * FOUR_COUNTS;
const ORDERS = new WeakMap<Pool, Uint32Array>();
/** Pools that had one value-sorted search without listed candidates. */
const SEARCHED_ONCE = new WeakSet<Pool>();

function groupValue(group: number): number {
  const fours = group % FOUR_COUNTS;
  const tier = Math.floor(group / FOUR_COUNTS) % TIERS.length;
  return valueOf(Math.floor(group / (FOUR_COUNTS * TIERS.length)), tier, fours);
}

/**
 * The pool's value order from its second value-sorted search (without listed candidates) on; null on
 * the first, since one search scans the pool in less time than the order takes to make (a one-off
 * command line search), while a website pages and asks again.
 */
export function valueOrderOnRepeat(pool: Pool): Uint32Array | null {
  if (ORDERS.has(pool) || SEARCHED_ONCE.has(pool)) return valueOrder(pool);
  SEARCHED_ONCE.add(pool);
  return null;
}

/**
 * A pool's entries in value order (highest value first, then by number), made once and kept with the
 * pool (4 bytes a number).
 * A value depends only on score, tier and count of 4s, so the entries are grouped by those (at most
 * 1001 × tiers × 8 groups), the groups ranked by value, and the entries placed by a counting sort in
 * number order, which keeps equal values in number order.
 */
export function valueOrder(pool: Pool): Uint32Array {
  const known = ORDERS.get(pool);
  if (known) return known;
  const n = pool.size;
  const rankOf = new Int32Array(GROUPS).fill(-1);
  const groupAt = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = pool.scores[i]!;
    const group = ((s * TIERS.length + tierIndexOf(s)) * FOUR_COUNTS) + foursOfKey(pool.keyAt(i));
    groupAt[i] = group;
    rankOf[group] = 0;
  }
  const used: number[] = [];
  const values = new Float64Array(GROUPS);
  for (let group = 0; group < GROUPS; group++) {
    if (rankOf[group] === -1) continue;
    used.push(group);
    values[group] = groupValue(group);
  }
  used.sort((a, b) => values[b]! - values[a]!);
  // Groups of equal value share a rank, so that their entries interleave by number.
  let rank = -1;
  let last = Number.NaN;
  for (const group of used) {
    if (values[group] !== last) rank++;
    last = values[group]!;
    rankOf[group] = rank;
  }
  const next = new Uint32Array(rank + 2);
  for (let i = 0; i < n; i++) next[rankOf[groupAt[i]!]! + 1]!++;
  for (let r = 1; r < next.length; r++) next[r]! += next[r - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[rankOf[groupAt[i]!]!]!++] = i;
  ORDERS.set(pool, order);
  return order;
}
