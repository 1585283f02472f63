import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { poolList } from '../../src/pool/pool-list.js';
import { search, searchNumbers } from '../../src/search/search.js';
import { near } from '../../src/search/near.js';
import { searchSounds } from '../../src/search/sounds.js';
import { suggest } from '../../src/suggest/suggest.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import type { Pool } from '../../src/pool/pool.js';

const pool = createPool({ numbers: ['4006888888', '4006517517'] });

describe('poolList', () => {
  it('takes one pool or an array of pools', () => {
    expect(poolList(pool, 'search')).toEqual([pool]);
    expect(poolList([pool, pool], 'search')).toEqual([pool, pool]);
    expect(poolList([], 'search')).toEqual([]);
  });

  it('refuses anything else with an INVALID_TYPE error naming the function, the place and what it got', () => {
    const refused = (pools: unknown, message: RegExp) => {
      expect(() => poolList(pools as Pool, 'near')).toThrow(Vanity400Error);
      expect(() => poolList(pools as Pool, 'near')).toThrow(message);
    };
    refused(null, /^near: pools is null, not a pool \(see createPool\)$/);
    refused(undefined, /near: pools is undefined/);
    refused({ scores: [] }, /near: pools is an object/);
    refused([pool, 'x'], /^near: pools\[1\] is a string, not a pool/);
  });
});

describe('the search functions check their pools before anything else', () => {
  const bad = { segment: '4006' } as unknown as Pool;
  it.each([
    ['search', () => search(bad, {})],
    ['searchNumbers', () => searchNumbers([pool, bad], {})],
    ['near', () => near(bad, '4006888888')],
  ])('%s', (name, call) => {
    expect(call).toThrow(Vanity400Error);
    expect(call).toThrow(new RegExp(`^${name}: pools`));
  });

  it('searchSounds and suggest (async): a rejected promise, not a crash', async () => {
    await expect(searchSounds(bad, { sounds: 'yi lu fa' })).rejects.toThrow(/^searchSounds: pools is an object/);
    await expect(suggest({ name: '一路有我' }, { pools: null as unknown as Pool })).rejects.toThrow(/^suggest: pools is null/);
    await expect(suggest({ name: '一路有我' }, undefined as never)).rejects.toMatchObject({ code: 'INVALID_TYPE' });
  });
});
