import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { score } from '../../src/scoring/score.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

describe('createPool', () => {
  const pool = createPool({ segment: '4008' });

  it('holds a whole segment in 8 bytes a number: score, bits and the order by score', () => {
    expect(pool.size).toBe(1_000_000);
    expect((pool.scores.byteLength + pool.bits.byteLength + pool.order.byteLength) / pool.size).toBe(8);
    expect(pool.numberAt(0)).toBe('4008000000');
    expect(pool.numberAt(888_888)).toBe('4008888888');
    expect(pool.scores[888_888]! / 10).toBe(score('4008888888').score);
  });

  it('orders every entry by score, high first, then by number', () => {
    const { order, scores } = pool;
    expect(new Set(order).size).toBe(pool.size);
    for (let p = 1; p < order.length; p++) {
      const a = order[p - 1]!;
      const b = order[p]!;
      if (scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b)) throw new Error(`order broken at ${p}`);
    }
    expect(pool.numberAt(order[0]!)).toBe('4008888888');
  });

  it('builds a subset from any written forms, once each, scored as alone', () => {
    const sub = createPool({ numbers: ['400-851-7517', '4006 888 888', '４００６８８８８８８', '4001234567'] });
    expect(sub.size).toBe(3);
    expect([0, 1, 2].map((i) => sub.numberAt(i))).toEqual(['4001234567', '4006888888', '4008517517']);
    for (let i = 0; i < 3; i++) expect(sub.scores[i]! / 10).toBe(score(sub.numberAt(i)).score);
    expect(sub.indexOf('4006888888')).toBe(1);
    expect(sub.indexOf('4006888889')).toBe(-1);
    expect(sub.segments().sort()).toEqual(['4001', '4006', '4008']);
  });

  it('rejects a subset with bad numbers, listing each by its place, and builds nothing', () => {
    let error: unknown;
    try {
      createPool({ numbers: ['4008517517', '12345', '4006888888', '4003123456'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Vanity400Error);
    expect((error as Vanity400Error).code).toBe('BAD_NUMBERS');
    expect((error as Vanity400Error).message).toMatch(/2 of 4 numbers[\s\S]*#2: .*12345[\s\S]*#4: .*4003/);
  });

  it('takes numbers out and back, bumping its version', () => {
    const sub = createPool({ numbers: ['4008517517'] });
    expect(sub.remove('4008517517')).toBe(true);
    expect(sub.has('4008517517')).toBe(false);
    expect(sub.remove('4008517517')).toBe(false);
    expect(sub.restore('4008517517')).toBe(true);
    expect(sub.version).toBe(2);
  });

  it('rejects an unknown segment', () => {
    expect(() => createPool({ segment: '4003' })).toThrow(/unknown segment "4003"/);
    expect(() => createPool({ segment: '5006' })).toThrow(Vanity400Error);
  });
});
