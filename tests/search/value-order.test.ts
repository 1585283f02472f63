import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { foursOfKey } from '../../src/pool/key-strings.js';
import { tierIndexOf } from '../../src/scoring/tiers.js';
import { valueOf } from '../../src/search/value.js';
import { rankByValue, valueOrder } from '../../src/search/value-order.js';

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

  it('ranks any entries (few by sorting, many by grouping) as the whole order does', () => {
    const numbers = fc.sample(fc.integer({ min: 0, max: 999_999 }), { numRuns: 80_000, seed: 12 }).map((i, k) => `400${[1, 4, 9][k % 3]}${String(i).padStart(6, '0')}`);
    const pool = createPool({ numbers, allowUnconfirmed: true });
    const whole = valueOrder(pool);
    for (const step of [1, 3, 97]) {
      const entries = Uint32Array.from({ length: Math.ceil(pool.size / step) }, (_, k) => k * step);
      expect([...rankByValue(pool, entries)]).toEqual([...whole].filter((i) => i % step === 0));
    }
  });

  it('an empty pool has an empty order', () => {
    expect(valueOrder(createPool({ numbers: [] })).length).toBe(0);
  });
});
