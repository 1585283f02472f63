import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { search } from '../../src/search/search.js';
import { SearchCache } from '../../src/search/cache.js';

describe('SearchCache', () => {
  it('answers a repeated query from the cache and counts hits and misses', () => {
    const pool = createPool({ numbers: ['4006888888', '4006666666', '4008517517'] });
    const cache = new SearchCache({ max: 10 });
    const first = search(pool, { pattern: '%8%' }, { cache });
    expect(search(pool, { pattern: '%8%' }, { cache })).toBe(first);
    expect(search(pool, { pattern: '%8%', limit: 20 }, { cache })).toBe(first); // the same query once normalised
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, size: 1, max: 10 });
    expect(cache.stats().hitRate).toBeCloseTo(2 / 3);
  });

  it('drops the pages of a pool that changed, and only those', () => {
    const a = createPool({ numbers: ['4006888888', '4006666666'] });
    const b = createPool({ numbers: ['4008517517'] });
    const cache = new SearchCache();
    search(a, {}, { cache });
    const fromB = search(b, {}, { cache });
    a.remove('4006888888');
    const again = search(a, {}, { cache });
    expect(again.results.map((r) => r.number)).toEqual(['4006666666']);
    expect(search(b, {}, { cache })).toBe(fromB);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3, size: 2 });
  });

  it('keeps at most max pages, dropping the least recently used', () => {
    const pool = createPool({ numbers: ['4006888888'] });
    const cache = new SearchCache({ max: 2 });
    for (const minScore of [1, 2, 3]) search(pool, { minScore }, { cache });
    expect(cache.stats().size).toBe(2);
  });
});
