import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { Pool } from '../../src/pool/pool.js';
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
    expect(codeOf(() => poolFromSnapshot('x' as never))).toMatch(/^INVALID_TYPE: poolFromSnapshot\(\): buffer/);
  });

  it('reject a snapshot scored with other rules or data (stale), never giving its scores', () => {
    // A pool as an older version made it: scored under another fingerprint, its snapshot whole.
    const older = new Pool(null, subset.keys, subset.scores, subset.bits, 'seed', '00000000');
    expect(codeOf(() => poolFromSnapshot(poolToSnapshot(older)))).toMatch(/^STALE_SNAPSHOT: .*fingerprint 00000000/);
  });

  it('will not save a pool scored with one customer\'s company facts', () => {
    const own = createPool({ numbers: ['4006151987'], company: { founded: 1987 } });
    expect(codeOf(() => poolToSnapshot(own))).toMatch(/^BAD_SNAPSHOT: .*company/);
  });
});

describe('snapshots whole', () => {
  const small = () => createPool({ numbers: ['4006-123-000', '4006-888-888', '4008-517-517'] });

  /** A snapshot with its header rewritten (and, unless `keepChecksum`, a checksum made for it as the writer would). */
  function withHeader(bytes: ArrayBuffer, change: (h: Record<string, unknown>) => void): ArrayBuffer {
    const view = new DataView(bytes);
    const length = view.getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 12, length))) as Record<string, unknown>;
    change(header);
    const json = new TextEncoder().encode(JSON.stringify(header));
    const headerBytes = 12 + Math.ceil(json.length / 4) * 4;
    const payload = new Uint8Array(bytes, 12 + Math.ceil(length / 4) * 4);
    const out = new ArrayBuffer(headerBytes + payload.length);
    new Uint8Array(out).set(new Uint8Array(bytes, 0, 12));
    new DataView(out).setUint32(8, json.length, true);
    new Uint8Array(out, 12, json.length).set(json);
    new Uint8Array(out, headerBytes).set(payload);
    return out;
  }

  it('the checksum covers the header: another segment or size in an edited header is refused', () => {
    const bytes = poolToSnapshot(small());
    expect(() => poolFromSnapshot(withHeader(bytes, (h) => (h.profile = 'traditional')))).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('checksum') }));
    const segment = poolToSnapshot(createPool({ segment: '4006' }));
    expect(() => poolFromSnapshot(withHeader(segment, (h) => (h.segment = '4008')))).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('checksum') }));
  });

  it('every one-byte edit of a snapshot is refused with BAD_SNAPSHOT or STALE_SNAPSHOT, never loaded or a TypeError', () => {
    const bytes = new Uint8Array(poolToSnapshot(small()));
    for (let i = 0; i < bytes.length; i++) {
      for (const delta of [1, 0x80]) {
        const copy = bytes.slice();
        copy[i] = copy[i]! ^ delta;
        let error: unknown = null;
        try {
          poolFromSnapshot(copy.buffer);
        } catch (e) {
          error = e;
        }
        expect(error, `byte ${i} ^ ${delta}`).toBeInstanceOf(Vanity400Error);
        expect(['BAD_SNAPSHOT', 'STALE_SNAPSHOT']).toContain((error as Vanity400Error).code);
      }
    }
  });

  it('a crafted snapshot with a valid checksum but impossible content is refused', () => {
    // The library's own writer, given a pool whose arrays were set by hand: a valid checksum over impossible content.
    const craft = (numbers: number[], scores: number[]): ArrayBuffer =>
      poolToSnapshot(new Pool(null, Uint32Array.from(numbers), Uint16Array.from(scores), new Uint16Array(numbers.length), 'seed', small().fingerprint));
    expect(() => poolFromSnapshot(craft([6_123_000, 6_123_000], [500, 500]))).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('out of order or repeated') }));
    expect(() => poolFromSnapshot(craft([6_888_888, 6_123_000], [500, 500]))).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('out of order') }));
    expect(() => poolFromSnapshot(craft([6_123_000, 12_000_000], [500, 500]))).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('not a 400 number') }));
    expect(() => poolFromSnapshot(craft([6_123_000], [1001]))).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('score over 100') }));
  });
});
