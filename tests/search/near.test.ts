import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import type { Pool } from '../../src/pool/pool.js';
import { near, type NearOptions } from '../../src/search/near.js';
import type { SearchFilters } from '../../src/search/query.js';
import { passes, rowsOf } from './brute-force.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

/** Every number of the pool within d positions, by comparing with all of them. */
function bruteForce(pool: Pool, target: string, d: number): string[] {
  const out: { n: string; dist: number; s: number }[] = [];
  for (let i = 0; i < pool.size; i++) {
    if (!pool.has(pool.numberAt(i))) continue;
    const n = pool.numberAt(i);
    let dist = 0;
    for (let p = 0; p < 10; p++) if (n[p] !== target[p]) dist++;
    if (dist <= d) out.push({ n, dist, s: pool.scores[i]! });
  }
  return out.sort((a, b) => a.dist - b.dist || b.s - a.s || (a.n < b.n ? -1 : 1)).map((r) => r.n);
}

describe('near', () => {
  const segment = createPool({ segment: '4006' });
  const number = fc.tuple(fc.constantFrom('4006', '4008', '4001'), fc.integer({ min: 0, max: 999_999 })).map(([s, i]) => s + String(i).padStart(6, '0'));

  it('finds exactly the numbers of a segment within 1 or 2 digits, ranked by distance then score', () => {
    fc.assert(
      fc.property(number, fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>, (n, d) => {
        const got = near(segment, n, { maxDistance: d, limit: 1000 }).map((r) => r.number);
        expect(got).toEqual(bruteForce(segment, n, d).slice(0, 1000));
      }),
      { numRuns: 12 },
    );
  });

  it('finds exactly those within 3 digits of a subset', () => {
    const subset = createPool({ numbers: fc.sample(number, { numRuns: 5000, seed: 3 }) });
    fc.assert(
      fc.property(fc.constantFrom(...fc.sample(number, { numRuns: 50, seed: 4 })), (n) => {
        expect(near(subset, n, { maxDistance: 3, limit: 1000 }).map((r) => r.number)).toEqual(bruteForce(subset, n, 3));
      }),
      { numRuns: 20 },
    );
  });

  it('gives the brute-force page for any limit, distance and swaps over several pools (a segment, a big and a small subset)', () => {
    const withGaps = createPool({ segment: '4006' });
    for (const n of near(withGaps, '4006517517', { maxDistance: 1, limit: 30 })) withGaps.remove(n.number); // the closest are sold
    const big = createPool({ numbers: fc.sample(number.map((n) => `4008${n.slice(4)}`), { numRuns: 25_000, seed: 5 }) });
    const small = createPool({ numbers: fc.sample(number.map((n) => `4001${n.slice(4)}`), { numRuns: 3_000, seed: 6 }) });
    const pools = [withGaps, big, small];
    /** All pools' numbers, by distance (a swap counts 1), score and number, as near ranks them. */
    const everyNear = (target: string, maxDistance: number, swaps: boolean) => {
      const swapped = new Set<string>();
      for (let p = 3; swaps && p < 9; p++) if (target[p] !== target[p + 1]) swapped.add(target.slice(0, p) + target[p + 1] + target[p] + target.slice(p + 2));
      const out: { n: string; dist: number; s: number }[] = [];
      for (const pool of pools) {
        for (let i = 0; i < pool.size; i++) {
          const n = pool.numberAt(i);
          if (!pool.has(n)) continue;
          let dist = 0;
          for (let p = 0; p < 10; p++) if (n[p] !== target[p]) dist++;
          if (swapped.has(n)) dist = 1;
          if (dist <= maxDistance) out.push({ n, dist, s: pool.scores[i]! });
        }
      }
      return out.sort((a, b) => a.dist - b.dist || b.s - a.s || (a.n < b.n ? -1 : 1)).map((r) => r.n);
    };
    const target = fc.oneof(number, fc.constant('4006517517'), fc.integer({ min: 0, max: 49 }).map((i) => big.numberAt(i * 400)));
    fc.assert(
      fc.property(target, fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, fc.integer({ min: 1, max: 80 }), fc.boolean(), (n, maxDistance, limit, swaps) => {
        const got = near(pools, n, { maxDistance, limit, swaps }).map((r) => r.number);
        expect(got).toEqual(everyNear(n, maxDistance, swaps).slice(0, limit));
      }),
      { numRuns: 25 },
    );
  });

  it('filters as search does, before the limit: the brute-force page of the numbers that pass, over several pools', () => {
    const withGaps = createPool({ segment: '4006' });
    for (const n of near(withGaps, '4006888888', { maxDistance: 1, limit: 10 })) withGaps.remove(n.number);
    const other = createPool({ segment: '4008' });
    const big = createPool({ numbers: fc.sample(number.map((n) => `4009${n.slice(4)}`), { numRuns: 25_000, seed: 8 }) });
    const small = createPool({ numbers: fc.sample(number, { numRuns: 3_000, seed: 9 }) });
    const pools = [withGaps, other, big, small];
    const filters: fc.Arbitrary<SearchFilters> = fc.record(
      {
        segments: fc.subarray(['4001', '4006', '4008', '4009'], { minLength: 1 }),
        exclude: fc.constantFrom('4', '8', '47'),
        excludeScope: fc.constantFrom('body', 'tail', 'all'),
        include: fc.constantFrom('8', '68'),
        tailContains: fc.constantFrom('8', '88', '8888'),
        minScore: fc.constantFrom(20, 50, 80),
        tiers: fc.subarray(['ordinary', 'select', 'premium', 'top', 'super'], { minLength: 1 }),
        rules: fc.subarray(['repeat', 'auspicious'], { minLength: 1 }),
        maxPriceLevel: fc.constantFrom(1, 2, 6),
      },
      { requiredKeys: [] },
    );
    const everyNear = (target: string, q: NearOptions) => {
      const out: { n: string; dist: number; s: number }[] = [];
      for (const pool of pools) {
        for (const row of rowsOf(pool)) {
          let dist = 0;
          for (let p = 0; p < 10; p++) if (row.n[p] !== target[p]) dist++;
          if (dist <= (q.maxDistance ?? 1) && passes(row, q)) out.push({ n: row.n, dist, s: row.s });
        }
      }
      return out.sort((a, b) => a.dist - b.dist || b.s - a.s || (a.n < b.n ? -1 : 1)).map((r) => r.n);
    };
    const target = fc.oneof(fc.constantFrom('4006888888', '4008517517', '4009123456'), number);
    fc.assert(
      fc.property(target, filters, fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, fc.integer({ min: 1, max: 60 }), (n, f, maxDistance, limit) => {
        const q: NearOptions = { ...f, maxDistance, limit };
        expect(near(pools, n, q).map((r) => r.number)).toEqual(everyNear(n, q).slice(0, limit));
      }),
      { numRuns: 30 },
    );
  });

  it('says how far each result is and which digits changed', () => {
    const [first] = near(segment, '4006888888', { maxDistance: 1 });
    expect(first).toMatchObject({ number: '4006888888', distance: 0, changed: [] });
    const one = near(segment, '4006888888', { maxDistance: 1, limit: 100 }).find((r) => r.number === '4006888886');
    expect(one).toMatchObject({ distance: 1, changed: [9], swap: false });
  });

  it('answers from the pool alone with findings: false, the same numbers without the reasons', () => {
    const options = { maxDistance: 2, limit: 50, exclude: '4' } as const;
    const full = near(segment, '4006517517', options);
    expect(near(segment, '4006517517', { ...options, findings: false })).toEqual(full.map(({ findings, ...rest }) => rest));
    expect(() => near(segment, '4006517517', { findings: 'no' as never })).toThrow(/near\(\): options\.findings: expected true or false/);
  });

  it('leaves out numbers taken out of the pool', () => {
    const sub = createPool({ numbers: ['4006888886', '4006888868', '4006888688'] });
    sub.remove('4006888886');
    expect(near(sub, '4006888888', { maxDistance: 1 }).map((r) => r.number)).toEqual(['4006888868', '4006888688'].sort((a, b) => sub.scores[sub.indexOf(b)]! - sub.scores[sub.indexOf(a)]! || (a < b ? -1 : 1)));
  });

  it('offers one swap of neighbouring digits when asked', () => {
    const sub = createPool({ numbers: ['4006517571'] });
    expect(near(sub, '4006517517', { maxDistance: 1 })).toEqual([]);
    expect(near(sub, '4006517517', { maxDistance: 1, swaps: true })).toMatchObject([{ number: '4006517571', distance: 1, swap: true, changed: [8, 9] }]);
  });

  it('rejects a bad distance, limit or number clearly', () => {
    expect(() => near(segment, '4006888888', { maxDistance: 4 as 3 })).toThrow(
      expect.objectContaining({ code: 'BAD_QUERY', text: { zh: '找相近号码的 maxDistance 有误：应为 1、2、3 之一，实际是 4', en: 'near: maxDistance: 4 is not 1, 2 or 3' } }),
    );
    expect(() => near(segment, '4006888888', { limit: 0 })).toThrow(/limit: 0 is not a whole number from 1 to 1000/);
    expect(() => near(segment, '4006-88x')).toThrow(Vanity400Error);
    expect(() => near(segment, '4006888888', { exclude: 'four' })).toThrow(/near: exclude: "four" is not a string of digits/);
    expect(() => near(segment, '4006888888', { tiers: ['gold'] as never })).toThrow(/near: tiers: "gold" is not one of/);
    expect(() => near(segment, '4006888888', { distance: 2 } as never)).toThrow(/near: distance: unknown field/);
  });
});
