import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Profile } from '../scoring/profile.js';
import { tablesFor } from '../scoring/tables.js';
import { FAMILIES } from '../rules/families.js';
import { SHAPES } from '../rules/shapes.js';
import { guardOptions, invalidType } from '../errors/guards.js';
import { Pool, REMOVED } from './pool.js';

const MAGIC = 0x4c503456; // "V4PL" little-endian
// 2: the score order is rebuilt on load (a counting sort), not stored: half the bytes to download.
// 3: the checksum covers the header too.
const FORMAT = 3;
/** The rule and shape bits a pool entry may have, and REMOVED. */
const KNOWN_BITS = ((1 << (FAMILIES.length + SHAPES.length)) - 1) | REMOVED;
const SEGMENT_SIZE = 1_000_000;
/** Every 400 number is NUMBER_BASE + a key below this. */
const KEY_LIMIT = 10_000_000;

interface Header {
  segment: string | null;
  profile: string;
  fingerprint: string;
  size: number;
  checksum: string;
}

/** 32-bit multiply-xorshift hash over the header's fields and the payload's words: damage to any byte changes it. */
function checksumOf(fields: string, words: Uint32Array): string {
  let h = 0x811c9dc5 ^ words.length;
  for (let i = 0; i < fields.length; i++) {
    h = Math.imul(h ^ fields.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
  }
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i]!, 0x01000193);
    h ^= h >>> 15;
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The header's fields as the checksum reads them (everything but the checksum itself). */
function fieldsOf(h: Omit<Header, 'checksum'>): string {
  return JSON.stringify([h.segment, h.profile, h.fingerprint, h.size]);
}

/**
 * A pool as one ArrayBuffer: a small JSON header (segment, profile, the rules' fingerprint, size,
 * checksum) and the typed arrays, 4-byte aligned so loading makes views instead of copies.
 */
export function poolToSnapshot(pool: Pool): ArrayBuffer {
  if (!(pool instanceof Pool)) throw invalidType('poolToSnapshot(): pool', '号码池（createPool 的结果）', 'a pool (from createPool)', pool);
  if (pool.company) throw new Vanity400Error('BAD_SNAPSHOT', 'pool snapshot: a pool scored with company facts is made per customer and cannot be saved');
  const n = pool.size;
  const keyWords = pool.keys ? n : 0;
  const payloadWords = keyWords + n; // keys, then scores and bits as 16-bit halves
  const payload = new Uint32Array(payloadWords);
  if (pool.keys) payload.set(pool.keys, 0);
  const packed = new Uint16Array(payload.buffer, keyWords * 4, 2 * n);
  packed.set(pool.scores, 0);
  packed.set(pool.bits, n);
  const fields = { segment: pool.segment, profile: typeof pool.profile === 'string' ? pool.profile : pool.profile.name, fingerprint: pool.fingerprint, size: n };
  const header: Header = { ...fields, checksum: checksumOf(fieldsOf(fields), payload) };
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
 * mismatch over the header and the data), an impossible one (numbers outside 400, keys out of order or
 * repeated, scores over 100, a segment without its 1,000,000 numbers), or one made with other rules or
 * data than this version's (fingerprint mismatch) is an error: it would give wrong scores. Pass the custom profile object if it used one.
 * Company facts are not kept in a snapshot: a pool scored with them cannot be saved.
 */
export function poolFromSnapshot(buffer: ArrayBuffer, options: { profile?: Profile } = {}): Pool {
  if (!(buffer instanceof ArrayBuffer)) bad('expected an ArrayBuffer');
  guardOptions(options, 'poolFromSnapshot(): options');
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
  if (typeof header !== 'object' || header === null) bad('header is not an object (damaged)');
  const n = header.size;
  if (!Number.isInteger(n) || n < 0 || n > KEY_LIMIT) bad('header has no valid size (damaged)');
  if (header.segment !== null && (typeof header.segment !== 'string' || !/^400\d$/.test(header.segment))) bad('header names no valid segment (damaged)');
  if (header.segment !== null && n !== SEGMENT_SIZE) bad(`a segment has ${SEGMENT_SIZE} numbers, the header says ${n} (damaged)`);
  if (typeof header.profile !== 'string' || typeof header.fingerprint !== 'string' || typeof header.checksum !== 'string') bad('header fields are missing (damaged)');
  const headerBytes = 12 + Math.ceil(jsonLength / 4) * 4;
  if (buffer.byteLength < headerBytes || new Uint8Array(buffer, 12 + jsonLength, headerBytes - 12 - jsonLength).some((b) => b !== 0)) bad('header padding is damaged');
  const keyWords = header.segment === null ? n : 0;
  const words = keyWords + n;
  if (buffer.byteLength !== headerBytes + words * 4) bad(`expected ${headerBytes + words * 4} bytes for ${n} numbers, found ${buffer.byteLength} (truncated or damaged)`);
  const payload = new Uint32Array(buffer, headerBytes, words);
  if (checksumOf(fieldsOf(header), payload) !== header.checksum) bad('checksum does not match (damaged)');

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
  // A checksum only says the bytes are as written: what they say must be possible too.
  if (keys) {
    for (let i = 0; i < n; i++) {
      if (keys[i]! >= KEY_LIMIT) bad(`entry ${i} is not a 400 number`);
      if (i > 0 && keys[i]! <= keys[i - 1]!) bad(`entry ${i} is out of order or repeated`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (scores[i]! > 1000) bad(`entry ${i} has a score over 100`);
    if ((bits[i]! & ~KNOWN_BITS) !== 0) bad(`entry ${i} has unknown rule bits`);
  }
  return new Pool(header.segment, keys, scores, bits, profile, header.fingerprint);
}
