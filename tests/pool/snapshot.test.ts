import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { poolFromSnapshot, poolToSnapshot } from '../../src/pool/snapshot.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof Vanity400Error) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('pool snapshots', () => {
  const segment = createPool({ segment: '4009' });
  const subset = createPool({ numbers: ['4008517517', '4006888888', '4001234567'], profile: 'traditional' });

  it('round-trip a segment and a subset exactly', () => {
    for (const pool of [segment, subset]) {
      const back = poolFromSnapshot(poolToSnapshot(pool));
      expect(back.segment).toBe(pool.segment);
      expect(back.profile).toBe(pool.profile);
      expect(back.fingerprint).toBe(pool.fingerprint);
      expect(Buffer.from(back.scores.buffer, back.scores.byteOffset, back.scores.byteLength).equals(Buffer.from(pool.scores.buffer))).toBe(true);
      expect([...back.order.subarray(0, 1000)]).toEqual([...pool.order.subarray(0, 1000)]);
      expect(back.keys ? [...back.keys] : null).toEqual(pool.keys ? [...pool.keys] : null);
    }
  });

  it('keep numbers taken out', () => {
    const sub = createPool({ numbers: ['4008517517', '4006888888'] });
    sub.remove('4006888888');
    expect(poolFromSnapshot(poolToSnapshot(sub)).has('4006888888')).toBe(false);
  });

  it('reject damage anywhere: a flipped byte, a cut end, other bytes', () => {
    const good = poolToSnapshot(subset);
    const flipped = good.slice(0);
    new Uint8Array(flipped)[flipped.byteLength - 3]! ^= 0x10;
    expect(codeOf(() => poolFromSnapshot(flipped))).toMatch(/^BAD_SNAPSHOT: .*checksum/);
    expect(codeOf(() => poolFromSnapshot(good.slice(0, good.byteLength - 4)))).toMatch(/^BAD_SNAPSHOT: .*truncated/);
    expect(codeOf(() => poolFromSnapshot(new TextEncoder().encode('hello world, not a pool').buffer as ArrayBuffer))).toMatch(/^BAD_SNAPSHOT: .*magic/);
    expect(codeOf(() => poolFromSnapshot(new ArrayBuffer(3)))).toMatch(/^BAD_SNAPSHOT: .*too short/);
    expect(codeOf(() => poolFromSnapshot('x' as never))).toMatch(/^BAD_SNAPSHOT/);
  });

  it('reject a snapshot scored with other rules or data (stale), never giving its scores', () => {
    const good = new Uint8Array(poolToSnapshot(subset));
    const text = new TextDecoder().decode(good);
    const at = text.indexOf(subset.fingerprint);
    const stale = good.slice();
    stale.set(new TextEncoder().encode('00000000'), at);
    expect(codeOf(() => poolFromSnapshot(stale.buffer))).toMatch(/^STALE_SNAPSHOT: .*fingerprint 00000000/);
  });

  it('will not save a pool scored with one customer\'s company facts', () => {
    const own = createPool({ numbers: ['4006151987'], company: { founded: 1987 } });
    expect(codeOf(() => poolToSnapshot(own))).toMatch(/^BAD_SNAPSHOT: .*company/);
  });
});
