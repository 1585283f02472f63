import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/search/lru.js';

describe('the search caches’ LRU map', () => {
  it('drops the least recently used beyond max, and tells dispose', () => {
    const gone: string[] = [];
    const lru = new Lru<string, number>({ max: 2, dispose: (v, k) => gone.push(`${k}=${v}`) });
    lru.set('a', 1).set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recently used
    lru.set('c', 3);
    expect(gone).toEqual(['b=2']);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
    lru.set('a', 10);
    expect(gone).toEqual(['b=2', 'a=1']);
    lru.clear();
    expect(lru.size).toBe(0);
    expect(gone.slice(2).sort()).toEqual(['a=10', 'c=3']);
  });

  it('bounds the total size, and keeps no entry larger than the bound alone', () => {
    const lru = new Lru<string, Uint8Array>({ maxSize: 10, sizeOf: (v) => v.length });
    lru.set('a', new Uint8Array(4)).set('b', new Uint8Array(4)).set('c', new Uint8Array(4));
    expect([lru.get('a'), lru.size]).toEqual([undefined, 2]);
    lru.set('huge', new Uint8Array(11));
    expect([lru.get('huge'), lru.size]).toEqual([undefined, 2]);
  });

  it('behaves as a model LRU over random operations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('get', 'set', 'delete'), fc.nat(6)), { maxLength: 200 }), (ops) => {
        const lru = new Lru<number, number>({ max: 3 });
        const model: number[] = []; // keys, least recently used first
        for (const [op, k] of ops) {
          if (op === 'get') {
            const i = model.indexOf(k);
            expect(lru.get(k)).toBe(i < 0 ? undefined : k * 2);
            if (i >= 0) model.push(...model.splice(i, 1));
          } else if (op === 'set') {
            const i = model.indexOf(k);
            if (i >= 0) model.splice(i, 1);
            model.push(k);
            if (model.length > 3) model.shift();
            lru.set(k, k * 2);
          } else {
            const i = model.indexOf(k);
            expect(lru.delete(k)).toBe(i >= 0);
            if (i >= 0) model.splice(i, 1);
          }
          expect(lru.size).toBe(model.length);
        }
      }),
    );
  });
});
