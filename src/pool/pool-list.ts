import { notAPool } from './errors.js';
import { Pool } from './pool.js';

/**
 * The pools a search function was given (one pool or an array of them) as a list; anything else is an
 * INVALID_TYPE error naming the function and what it got, rather than a TypeError deep inside.
 */
export function poolList(pools: Pool | readonly Pool[], where: string): readonly Pool[] {
  const list: readonly unknown[] = Array.isArray(pools) ? pools : [pools];
  for (let k = 0; k < list.length; k++) {
    if (list[k] instanceof Pool) continue;
    const which = Array.isArray(pools) ? `pools[${k}]` : 'pools';
    throw notAPool(where, which, list[k]);
  }
  return list as readonly Pool[];
}
