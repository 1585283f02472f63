import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { foursOfKey } from '../../src/pool/key-strings.js';
import { tierIndexOf } from '../../src/scoring/tiers.js';
import { valueOf } from '../../src/search/value.js';
import { valueOrder, valueOrderOnRepeat } from '../../src/search/value-order.js';

describe('valueOrder', () => {
  it("lists every entry once, by value (high first) then by number, and is kept with the pool", () => {
    const numbers = fc.sample(fc.integer({ min: 0, max: 999_999 }), { numRuns: 20_000, seed: 11 }).map((i, k) => `400${[0, 6, 8][k % 3]}${String(i).padStart(6, '0')}`);
    const pool = createPool({ numbers: [...numbers, '4006444444', '4008444448', '4006888888'] });
    const order = valueOrder(pool);
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(pool.size).keys()]);
    const value = (i: number) => valueOf(pool.scores[i]!, tierIndexOf(pool.scores[i]!), foursOfKey(pool.keyAt(i)));
    const expected = [...Array(pool.size).keys()].sort((a, b) => value(b) - value(a) || pool.keyAt(a) - pool.keyAt(b));
    expect([...order]).toEqual(expected);
    expect(valueOrder(pool)).toBe(order);
  });

  it('is made from the second value search of a pool on (the first scans the pool)', () => {
    const pool = createPool({ numbers: ['4006888888', '4006444444', '4008517517'] });
    expect(valueOrderOnRepeat(pool)).toBeNull();
    const order = valueOrderOnRepeat(pool);
    expect(order).toBe(valueOrder(pool));
    expect(valueOrderOnRepeat(pool)).toBe(order);
    const other = createPool({ numbers: ['4006888888'] });
    valueOrder(other); // already made: no scan first
    expect(valueOrderOnRepeat(other)).toBe(valueOrder(other));
  });

  it('an empty pool has an empty order', () => {
    expect(valueOrder(createPool({ numbers: [] })).length).toBe(0);
  });
});
