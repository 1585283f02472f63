import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Profile } from '../scoring/profile.js';
import { tablesFor } from '../scoring/tables.js';
import { Pool } from './pool.js';

const MAGIC = 0x4c503456; // "V4PL" little-endian
// 2: the score order is rebuilt on load (a counting sort), not stored: half the bytes to download.
const FORMAT = 2;

interface Header {
  segment: string | null;
  profile: string;
  fingerprint: string;
  size: number;
  checksum: string;
}

/** 32-bit multiply-xorshift hash over 32-bit words: damage to any byte changes it. */
function checksumOf(words: Uint32Array): string {
  let h = 0x811c9dc5 ^ words.length;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i]!, 0x01000193);
    h ^= h >>> 15;
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A pool as one ArrayBuffer: a small JSON header (segment, profile, the rules' fingerprint, size,
 * checksum) and the typed arrays, 4-byte aligned so loading makes views instead of copies.
 */
export function poolToSnapshot(pool: Pool): ArrayBuffer {
  if (pool.company) throw new Vanity400Error('BAD_SNAPSHOT', 'pool snapshot: a pool scored with company facts is made per customer and cannot be saved');
  const n = pool.size;
  const keyWords = pool.keys ? n : 0;
  const payloadWords = keyWords + n; // keys, then scores and bits as 16-bit halves
  const payload = new Uint32Array(payloadWords);
  if (pool.keys) payload.set(pool.keys, 0);
  const packed = new Uint16Array(payload.buffer, keyWords * 4, 2 * n);
  packed.set(pool.scores, 0);
  packed.set(pool.bits, n);
  const header: Header = { segment: pool.segment, profile: typeof pool.profile === 'string' ? pool.profile : pool.profile.name, fingerprint: pool.fingerprint, size: n, checksum: checksumOf(payload) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = 12 + Math.ceil(json.length / 4) * 4;
  const out = new ArrayBuffer(headerBytes + payload.byteLength);
  const view = new DataView(out);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, json.length, true);
  new Uint8Array(out, 12, json.length).set(json);
  new Uint8Array(out, headerBytes).set(new Uint8Array(payload.buffer));
  return out;
}

function bad(message: string): never {
  throw new Vanity400Error('BAD_SNAPSHOT', `pool snapshot: ${message}`);
}

/**
 * Loads a snapshot made by poolToSnapshot. A damaged snapshot (wrong magic, truncated, checksum
 * mismatch) or one made with other rules or data than this version's (fingerprint mismatch) is an
 * error: a stale snapshot would give wrong scores. Pass the custom profile object if it used one.
 * Company facts are not kept in a snapshot: a pool scored with them cannot be saved.
 */
export function poolFromSnapshot(buffer: ArrayBuffer, options: { profile?: Profile } = {}): Pool {
  if (!(buffer instanceof ArrayBuffer)) bad('expected an ArrayBuffer');
  if (buffer.byteLength < 12) bad(`${buffer.byteLength} bytes is too short to be a snapshot`);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) bad('not a vanity400 pool snapshot (wrong magic bytes)');
  if (view.getUint32(4, true) !== FORMAT) bad(`format ${view.getUint32(4, true)} is not the supported format ${FORMAT}`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > buffer.byteLength) bad('header runs past the end (truncated)');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, jsonLength)));
  } catch {
    bad('header is not valid JSON (damaged)');
  }
  const n = header.size;
  if (!Number.isInteger(n) || n < 0) bad('header has no valid size (damaged)');
  const headerBytes = 12 + Math.ceil(jsonLength / 4) * 4;
  const keyWords = header.segment === null ? n : 0;
  const words = keyWords + n;
  if (buffer.byteLength !== headerBytes + words * 4) bad(`expected ${headerBytes + words * 4} bytes for ${n} numbers, found ${buffer.byteLength} (truncated or damaged)`);
  const payload = new Uint32Array(buffer, headerBytes, words);
  if (checksumOf(payload) !== header.checksum) bad('checksum does not match (damaged)');

  const profile = options.profile ?? header.profile;
  const current = tablesFor(profile).fingerprint;
  if (current !== header.fingerprint) {
    throw new Vanity400Error(
      'STALE_SNAPSHOT',
      `pool snapshot was scored with other rules or data (fingerprint ${header.fingerprint}, this version ${current}): build the pool again`,
    );
  }
  const keys = header.segment === null ? new Uint32Array(buffer, headerBytes, n) : null;
  const scores = new Uint16Array(buffer, headerBytes + keyWords * 4, n);
  const bits = new Uint16Array(buffer, headerBytes + keyWords * 4 + 2 * n, n);
  return new Pool(header.segment, keys, scores, bits, profile, header.fingerprint);
}
