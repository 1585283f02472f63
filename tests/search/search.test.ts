import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { poolFromSnapshot, poolToSnapshot } from '../../src/pool/snapshot.js';
import { NUMBER_BASE, type Pool } from '../../src/pool/pool.js';
import { search, searchNumbers, type SearchPage } from '../../src/search/search.js';
import { normalizeQuery, queryHash, queryKey, type SearchQuery } from '../../src/search/query.js';
import { compilePattern } from '../../src/search/pattern/index.js';
import { valueOf } from '../../src/search/value.js';
import { passes, rowsOf } from './brute-force.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

/** Every number of the pools the query accepts, in its order, by brute force over strings. */
function bruteForce(pools: Pool[], q: SearchQuery): string[] {
  const pattern = q.pattern ? compilePattern(q.pattern) : null;
  const rows: { n: string; key: number }[] = [];
  for (const pool of pools) {
    for (const row of rowsOf(pool)) {
      if (!passes(row, q) || (pattern && !pattern.matches(row.n))) continue;
      const key = q.sort === 'number' ? 0 : q.sort === 'value' ? valueOf(row.s, row.tierIndex, row.fours) : row.s;
      rows.push({ n: row.n, key });
    }
  }
  return rows.sort((a, b) => b.key - a.key || (a.n < b.n ? -1 : 1)).map((r) => r.n);
}

/** Every page, following `next`, checking none is longer than the limit. */
function allPages(pools: Pool[], q: SearchQuery): string[] {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page: SearchPage = search(pools, { ...q, ...(cursor ? { cursor } : {}) });
    expect(page.results.length).toBeLessThanOrEqual(q.limit ?? 20);
    out.push(...page.results.map((r) => r.number));
    if (!page.next) return out;
    cursor = page.next;
  }
  throw new Error('pagination does not end');
}

const seg4006 = createPool({ segment: '4006' });
const seg4008 = createPool({ segment: '4008' });

describe('search over whole segments', () => {
  it.each<SearchQuery>([
    { pattern: '8888$' },
    { pattern: 'AABB$', exclude: '4', limit: 50 },
    { pattern: '400-6**-8888', sort: 'number', limit: 30 },
    { pattern: '%88%', sort: 'number', limit: 40 },
    { pattern: '%520%', minScore: 60, limit: 25 },
    { pattern: '4008[^4][^4]ABAB', sort: 'value' },
    { pattern: '[689][689][689]$', tiers: ['top', 'super'], limit: 40 },
    { rules: ['multiplication'], minScore: 80, limit: 15 },
    { shapes: ['tailRun4'], exclude: '4', sort: 'value', limit: 12 },
    { tailContains: '88', include: '6', minScore: 70, limit: 10, sort: 'number' },
    { segments: ['4008'], pattern: '^4008', minScore: 95 },
  ])('the first page of %j is the brute-force answer', (q) => {
    const page = search([seg4006, seg4008], q);
    const expected = bruteForce([seg4006, seg4008], q);
    expect(page.results.map((r) => r.number)).toEqual(expected.slice(0, q.limit ?? 20));
    expect(page.next === null).toBe(expected.length <= (q.limit ?? 20));
  });

  it('a pattern searched again (answered from its ranked matches) gives the brute-force answer, also after numbers leave', () => {
    const pool = createPool({ segment: '4006' });
    for (const pattern of ['AABB$', '%520%', '400-6**-8888', '8$']) {
      const q: SearchQuery = { pattern, exclude: '4', limit: 15 };
      const first = search(pool, q).results.map((r) => r.number);
      expect(first).toEqual(bruteForce([pool], q).slice(0, 15));
      expect(search(pool, q).results.map((r) => r.number)).toEqual(first);
      for (const n of first.slice(0, 3)) pool.remove(n);
      expect(search(pool, q).results.map((r) => r.number)).toEqual(bruteForce([pool], q).slice(0, 15));
      for (const n of first.slice(0, 3)) pool.restore(n);
      expect(search(pool, q).results.map((r) => r.number)).toEqual(first);
    }
  });

  it("pages through value order (read from the pool's value order) with no repeats and no gaps", () => {
    const q: SearchQuery = { sort: 'value', tiers: ['super'], exclude: '0', limit: 23 };
    expect(allPages([seg4006, seg4008], q)).toEqual(bruteForce([seg4006, seg4008], q));
    const first = search(seg4006, { sort: 'value', limit: 50 });
    expect(first.results.map((r) => r.number)).toEqual(bruteForce([seg4006], { sort: 'value' }).slice(0, 50));
    const values = first.results.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('pages through number order, walking the pool for a pattern with many candidates, with no repeats and no gaps', () => {
    const q: SearchQuery = { pattern: '[689][689][689]$', sort: 'number', minScore: 75, limit: 41 };
    const expected = bruteForce([seg4006, seg4008], q);
    expect(expected.length).toBeGreaterThan(100);
    expect(allPages([seg4006, seg4008], q)).toEqual(expected);
  });

  it('pages through a pattern with no repeats and no gaps', () => {
    const q: SearchQuery = { pattern: 'ABAB$', exclude: '4', minScore: 55, limit: 37 };
    expect(allPages([seg4006], q)).toEqual(bruteForce([seg4006], q));
  });

  it('results carry score, tier and reasons', () => {
    const top = search(seg4006, { pattern: '8888$' }).results.find((r) => r.number === '4006888888');
    expect(top).toMatchObject({ display: '400-688-8888', tier: 'super', special: true });
    expect(top!.findings!.some((f) => f.rule === 'repeat' && f.digits === '888888')).toBe(true);
  });

  it('an empty answer is a normal answer', () => {
    expect(search(seg4006, { pattern: '^4008' })).toEqual({ results: [], next: null });
  });
});

describe('every shape of query over whole segments, first time and again', () => {
  const snapshots = ['4006', '4008'].map((segment) => poolToSnapshot(createPool({ segment })));
  const fourFour = createPool({ segment: '4004', allowUnconfirmed: true }); // the segment's own digit is a 4

  const shape: fc.Arbitrary<SearchQuery> = fc.record(
    {
      pattern: fc.constantFrom('8888$', 'AABB$', '^40069%', '^4008[0-3]%', '^400%', '^4006*8%', '%7%', '%8%', '%520%', '4006*9A*AB', '[689][689][689]$', '^4008ABAB'),
      segments: fc.subarray(['4006', '4008'], { minLength: 1 }),
      exclude: fc.constantFrom('4', '47', '0'),
      excludeScope: fc.constantFrom('body', 'tail'),
      tailContains: fc.constantFrom('8', '66'),
      minScore: fc.constantFrom(30, 60, 80, 90, 95, 99.6),
      tiers: fc.subarray(['ordinary', 'select', 'premium', 'top', 'super'], { minLength: 1 }),
      maxPriceLevel: fc.constantFrom(0.5, 1, 2, 5.5, 20),
      sort: fc.constantFrom('score', 'number', 'value'),
      limit: fc.integer({ min: 1, max: 60 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<SearchQuery>;

  /** Up to `pages` pages of the query, following next. */
  const pagesOf = (pools: Pool[], q: SearchQuery, pages: number) => {
    const out: string[] = [];
    let cursor: string | null = null;
    for (let p = 0; p < pages; p++) {
      const page: SearchPage = search(pools, cursor ? { ...q, cursor } : q, { findings: false });
      out.push(...page.results.map((r) => r.number));
      cursor = page.next;
      if (!cursor) break;
    }
    return { numbers: out, more: cursor !== null };
  };

  it('on fresh pools, the first page, the same page again and the next pages are the brute-force answer', () => {
    fc.assert(
      fc.property(shape, (q) => {
        const fresh = snapshots.map((s) => poolFromSnapshot(s));
        const expected = bruteForce(fresh, q);
        const limit = q.limit ?? 20;
        const first = pagesOf(fresh, q, 1);
        expect(first.numbers).toEqual(expected.slice(0, limit));
        expect(pagesOf(fresh, q, 1).numbers).toEqual(first.numbers); // read from a kept list
        const three = pagesOf(fresh, q, 3);
        expect(three.numbers).toEqual(expected.slice(0, 3 * limit));
        expect(three.more).toBe(expected.length > 3 * limit);
        // A later page on pools that never saw the query: the first search there starts at the cursor.
        const cursor = search(fresh, q).next;
        if (cursor) expect(pagesOf(snapshots.map((s) => poolFromSnapshot(s)), { ...q, cursor }, 1).numbers).toEqual(expected.slice(limit, 2 * limit));
      }),
      { numRuns: 40 },
    );
  });

  it.each<SearchQuery>([
    { sort: 'value' },
    { sort: 'value', limit: 200 },
    { sort: 'value', tiers: ['top'] },
    { sort: 'value', tiers: ['premium', 'super'], limit: 50 },
    { sort: 'value', minScore: 80 },
    { sort: 'value', exclude: '4' },
    { sort: 'value', exclude: '4', excludeScope: 'tail', limit: 30 },
    { sort: 'value', include: '4', maxPriceLevel: 0.6 },
    { sort: 'value', pattern: '%44%' },
    { sort: 'value', pattern: 'AABB$' },
  ])('value order %j, first time and again, on a segment whose own digit is 4 too', (q) => {
    const pools = [poolFromSnapshot(snapshots[0]!), fourFour];
    const expected = bruteForce(pools, q);
    const limit = q.limit ?? 20;
    expect(pagesOf(pools, q, 1).numbers).toEqual(expected.slice(0, limit));
    expect(pagesOf(pools, q, 2).numbers).toEqual(expected.slice(0, 2 * limit));
  });

  it('walks stop at the lowest score asked for and number order starts at the pattern\'s prefix, whatever was removed', () => {
    const pool = poolFromSnapshot(snapshots[0]!);
    const best = search(pool, { minScore: 99.6, limit: 1000 }).results.map((r) => r.number);
    expect(best).toEqual(bruteForce([pool], { minScore: 99.6 }));
    pool.remove(best[0]!);
    expect(search(pool, { minScore: 99.6, limit: 1000 }).results.map((r) => r.number)).toEqual(best.slice(1));
    const q: SearchQuery = { pattern: '^40069%', sort: 'number', limit: 5 };
    const numbers = search(pool, q).results.map((r) => r.number);
    expect(numbers).toEqual(['4006900000', '4006900001', '4006900002', '4006900003', '4006900004']);
    pool.remove('4006900001');
    expect(search(pool, q).results.map((r) => r.number)).toEqual(bruteForce([pool], q).slice(0, 5));
    const all = allPages([pool], { ...q, limit: 1000 });
    expect(all).toEqual(bruteForce([pool], q));
    expect(all.at(-1)).toBe('4006999999');
  });
});

describe('search over a subset', () => {
  const numbers = fc.sample(fc.integer({ min: 0, max: 999_999 }), { numRuns: 3000, seed: 7 }).map((i, k) => `400${[0, 1, 6, 7, 8, 9][k % 6]}${String(i).padStart(6, '0')}`);
  const subset = createPool({ numbers: [...numbers, '4006888888', '4008517517', '4001234567', '4009168168'] });

  const query: fc.Arbitrary<SearchQuery> = fc.record(
    {
      pattern: fc.constantFrom('8$', 'AB$', '^4006', '%88%', '[689][689]$', 'A*A$', '1%2'),
      segments: fc.subarray(['4000', '4001', '4006', '4007', '4008', '4009'], { minLength: 1 }),
      exclude: fc.constantFrom('4', '47', '0'),
      excludeScope: fc.constantFrom('body', 'tail', 'all'),
      include: fc.constantFrom('8', '68'),
      tailContains: fc.constantFrom('8', '66'),
      minScore: fc.integer({ min: 0, max: 60 }),
      tiers: fc.subarray(['ordinary', 'select', 'premium', 'top', 'super'], { minLength: 1 }),
      rules: fc.subarray(['repeat', 'auspicious', 'homophone'], { minLength: 1 }),
      maxPriceLevel: fc.constantFrom(0.3, 1, 2.5, 16),
      sort: fc.constantFrom('score', 'number', 'value'),
      limit: fc.integer({ min: 1, max: 40 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<SearchQuery>;

  it('every combination of filters and sorts pages through the brute-force answer exactly', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(allPages([subset], q)).toEqual(bruteForce([subset], q));
      }),
      { numRuns: 150 },
    );
  });

  it('searchNumbers gives the numbers and cursor of the same page, and the two share cursors', () => {
    fc.assert(
      fc.property(query, (q) => {
        const page = search([subset], q, { findings: false });
        const numbers = searchNumbers([subset], q);
        expect(numbers).toEqual({ numbers: page.results.map((r) => r.number), next: page.next });
        if (page.next) {
          const second = searchNumbers([subset], { ...q, cursor: page.next });
          expect(second.numbers).toEqual(search([subset], { ...q, cursor: page.next }).results.map((r) => r.number));
        }
      }),
      { numRuns: 100 },
    );
    expect(() => searchNumbers(subset, { pattern: 'AA(' })).toThrow(Vanity400Error);
    expect(() => searchNumbers(subset, { limit: 0 })).toThrow(/limit/);
  });

  it('a number taken out of the pool stops being found; later pages do not shift', () => {
    const sub = createPool({ numbers: ['4006888888', '4006666666', '4006111111', '4006222222'] });
    const first = search(sub, { limit: 2 });
    sub.remove(first.results[0]!.number);
    const second = search(sub, { limit: 2, cursor: first.next! });
    expect([...first.results, ...second.results].map((r) => r.number)).toEqual(bruteForce([createPool({ numbers: ['4006888888', '4006666666', '4006111111', '4006222222'] })], {}));
    expect(search(sub, {}).results.map((r) => r.number)).not.toContain(first.results[0]!.number);
  });
});

describe('bad queries', () => {
  const pool = createPool({ numbers: ['4006888888'] });
  it.each<[unknown, RegExp]>([
    [{ limit: 0 }, /limit: 0 is not a whole number from 1 to 1000/],
    [{ limit: Number.NaN }, /limit: NaN is not a whole number/],
    [{ sort: 'price' }, /sort: "price" is not score, number or value/],
    [{ tiers: ['gold'] }, /tiers: "gold" is not one of ordinary/],
    [{ exclude: 'four' }, /exclude: "four" is not a string of digits/],
    [{ exclude: '4x' }, /exclude: "4x" is not a string of digits/],
    [{ include: 8 }, /query\.include: expected a string/],
    [{ segments: ['4006', '5006'] }, /segments: "5006"/],
    [{ minScore: 101 }, /minScore: 101/],
    [{ maxPriceLevel: 0 }, /maxPriceLevel: 0 is not a price level above 0/],
    [{ maxPriceLevel: '5' }, /query\.maxPriceLevel: expected a number/],
    [{ patern: '8888$' }, /patern: unknown field/],
    [{ pattern: '88[8' }, /position 2/],
    [{ cursor: 'garbage' }, /cursor "garbage" is not one a search returned/],
  ])('%j is a clear error', (q, message) => {
    expect(() => search(pool, q as SearchQuery)).toThrow(Vanity400Error);
    expect(() => search(pool, q as SearchQuery)).toThrow(message);
  });

  it('digits may be written with commas and spaces', () => {
    const some = createPool({ numbers: ['4006888888', '4006777777', '4006444444', '4006123456'] });
    const numbers = (exclude: string) => search(some, { exclude }).results.map((r) => r.number);
    expect(numbers('4, 7')).toEqual(['4006888888']);
    expect(numbers('4 7')).toEqual(numbers('47'));
    expect(numbers(' , ')).toHaveLength(4);
  });

  it('a cursor from another query is refused', () => {
    const big = createPool({ numbers: ['4006888888', '4006666666', '4006111111'] });
    const page = search(big, { limit: 1 });
    expect(() => search(big, { limit: 1, minScore: 10, cursor: page.next! })).toThrow(/belongs to another query/);
  });
});

describe('number offsets', () => {
  it('NUMBER_BASE + key is the number', () => {
    expect(seg4006.keyAt(123_456) + NUMBER_BASE).toBe(4006123456);
  });
});

describe('query hash', () => {
  const base: SearchQuery = { pattern: 'AABB$', segments: ['4006'], exclude: '4', minScore: 60, limit: 20 };
  const variants: SearchQuery[] = [
    { ...base, pattern: 'ABAB$' },
    { ...base, pattern: undefined },
    { ...base, segments: ['4008'] },
    { ...base, segments: undefined },
    { ...base, exclude: '47' },
    { ...base, excludeScope: 'tail' },
    { ...base, include: '8' },
    { ...base, tailContains: '8' },
    { ...base, minScore: 61 },
    { ...base, tiers: ['top'] },
    { ...base, rules: ['multiplication'] },
    { ...base, shapes: ['tailRun4'] },
    { ...base, sort: 'value' },
    { ...base, limit: 21 },
    { ...base, maxPriceLevel: 5 },
  ];

  it('is the same for queries that normalise alike and differs when any field does', () => {
    const hashOf = (query: SearchQuery) => queryHash(normalizeQuery(query));
    expect(hashOf({ ...base, segments: ['4006', '4006'], pattern: ' AABB$ ', cursor: 'x' })).toBe(hashOf(base));
    const hashes = new Set([base, ...variants].map(hashOf));
    expect(hashes.size).toBe(variants.length + 1);
    for (const v of variants) expect(queryKey(normalizeQuery(v))).not.toBe(queryKey(normalizeQuery(base)));
  });
});

describe('memory', () => {
  it('a pool whose patterns were ranked can still be collected once its owner drops it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let collected = false;
    const registry = new FinalizationRegistry(() => (collected = true));
    (() => {
      const pool = createPool({ segment: '4009' });
      for (const pattern of ['8888$', 'AABB$']) for (let k = 0; k < 2; k++) search(pool, { pattern }, { findings: false });
      registry.register(pool, 'pool');
    })();
    for (let tries = 0; tries < 50 && !collected; tries++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(collected).toBe(true);
  });
});
