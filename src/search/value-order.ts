import { foursOfKey } from '../pool/key-strings.js';
import type { Pool } from '../pool/pool.js';
import { TIERS, tierIndexOf } from '../scoring/tiers.js';
import { valueOf } from './value.js';

/** Counts of 4 among the seven digits after 400: 0-7. */
const FOUR_COUNTS = 8;
const GROUPS = 1001 * TIERS.length * FOUR_COUNTS;
const ORDERS = new WeakMap<Pool, Uint32Array>();

function groupValue(group: number): number {
  const fours = group % FOUR_COUNTS;
  const tier = Math.floor(group / FOUR_COUNTS) % TIERS.length;
  return valueOf(Math.floor(group / (FOUR_COUNTS * TIERS.length)), tier, fours);
}

/**
 * A pool's entries in value order (highest value first, then by number), made once and kept with the
 * pool (4 bytes a number).
 */
export function valueOrder(pool: Pool): Uint32Array {
  let order = ORDERS.get(pool);
  if (order === undefined) ORDERS.set(pool, (order = rankByValue(pool, null)));
  return order;
}

/** Whether the pool's value order is made. */
export function hasValueOrder(pool: Pool): boolean {
  return ORDERS.has(pool);
}

const VALUE_SPAN = 2 ** 23;
const GROUP_SPAN = 2 ** 16;
/** Scratch for rankByValue: each group's rank, -1 for groups not in use (reset after each call). */
const RANK_OF = new Int32Array(GROUPS).fill(-1);

/**
 * Entries of a pool (ascending, that is in number order; null: all of them) in value order.
 * A value depends only on score, tier and count of 4s, so the entries are grouped by those (at most
 * 1001 × tiers × 8 groups), the groups in use ranked by value, and the entries placed by a counting
 * sort in number order, which keeps equal values in number order.
 */
export function rankByValue(pool: Pool, entries: Uint32Array | null): Uint32Array {
  const n = entries ? entries.length : pool.size;
  const groupAt = new Uint32Array(n);
  const used: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = entries ? entries[k]! : k;
    const s = pool.scores[i]!;
    const group = (s * TIERS.length + tierIndexOf(s)) * FOUR_COUNTS + foursOfKey(pool.keyAt(i));
    groupAt[k] = group;
    if (RANK_OF[group] === -1) {
      RANK_OF[group] = 0;
      used.push(group);
    }
  }
  // The groups by value, high first: each as one number, (2^23 - value × 1000) × 2^16 + its place in
  // `used`, sorted natively (values have three decimals and stay below 5,000; groups below 2^16).
  const byValue = new Float64Array(used.length);
  for (let g = 0; g < used.length; g++) byValue[g] = (VALUE_SPAN - Math.round(groupValue(used[g]!) * 1000)) * GROUP_SPAN + g;
  byValue.sort();
  // Groups of equal value share a rank, so that their entries interleave by number.
  let rank = -1;
  for (let r = 0; r < byValue.length; r++) {
    if (r === 0 || Math.floor(byValue[r]! / GROUP_SPAN) !== Math.floor(byValue[r - 1]! / GROUP_SPAN)) rank++;
    RANK_OF[used[byValue[r]! % GROUP_SPAN]!] = rank;
  }
  const next = new Uint32Array(rank + 2);
  for (let k = 0; k < n; k++) next[RANK_OF[groupAt[k]!]! + 1]!++;
  for (let r = 1; r < next.length; r++) next[r]! += next[r - 1]!;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[next[RANK_OF[groupAt[k]!]!]!++] = entries ? entries[k]! : k;
  for (const group of used) RANK_OF[group] = -1;
  return order;
}
