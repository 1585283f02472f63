import { badSnapshot as bad, SNAPSHOT_DAMAGE, staleSnapshot } from './errors.js';
import type { Profile } from '../scoring/profile.js';
import { tablesFor } from '../scoring/tables.js';
import { FAMILIES } from '../rules/families.js';
import { SHAPES } from '../rules/shapes.js';
import { guardOptions, invalidType, guardKind, guardFields } from '../errors/guards.js';
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
  if (pool.company) bad(SNAPSHOT_DAMAGE.companyPool);
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

/**
 * Loads a snapshot made by poolToSnapshot. A damaged snapshot (wrong magic, truncated, checksum
 * mismatch over the header and the data), an impossible one (numbers outside 400, keys out of order or
 * repeated, scores over 100, a segment without its 1,000,000 numbers), or one made with other rules or
 * data than this version's (fingerprint mismatch) is an error: it would give wrong scores. Pass the custom profile object if it used one.
 * Company facts are not kept in a snapshot: a pool scored with them cannot be saved.
 */
export function poolFromSnapshot(buffer: ArrayBuffer, options: { profile?: string | Profile } = {}): Pool {
  guardKind(buffer, 'poolFromSnapshot(): buffer', 'object');
  if (!(buffer instanceof ArrayBuffer)) bad(SNAPSHOT_DAMAGE.notBuffer);
  guardOptions(options, 'poolFromSnapshot(): options');
  guardFields(options, 'poolFromSnapshot(): options', { profile: 'string|object?' });
  if (buffer.byteLength < 12) bad(SNAPSHOT_DAMAGE.tooShort(buffer.byteLength));
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) bad(SNAPSHOT_DAMAGE.wrongMagic);
  if (view.getUint32(4, true) !== FORMAT) bad(SNAPSHOT_DAMAGE.wrongFormat(view.getUint32(4, true), FORMAT));
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > buffer.byteLength) bad(SNAPSHOT_DAMAGE.headerTruncated);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, jsonLength)));
  } catch {
    bad(SNAPSHOT_DAMAGE.headerNotJson);
  }
  if (typeof header !== 'object' || header === null) bad(SNAPSHOT_DAMAGE.headerNotObject);
  const n = header.size;
  if (!Number.isInteger(n) || n < 0 || n > KEY_LIMIT) bad(SNAPSHOT_DAMAGE.noSize);
  if (header.segment !== null && (typeof header.segment !== 'string' || !/^400\d$/.test(header.segment))) bad(SNAPSHOT_DAMAGE.noSegment);
  if (header.segment !== null && n !== SEGMENT_SIZE) bad(SNAPSHOT_DAMAGE.segmentSize(SEGMENT_SIZE, n));
  if (typeof header.profile !== 'string' || typeof header.fingerprint !== 'string' || typeof header.checksum !== 'string') bad(SNAPSHOT_DAMAGE.missingFields);
  const headerBytes = 12 + Math.ceil(jsonLength / 4) * 4;
  if (buffer.byteLength < headerBytes || new Uint8Array(buffer, 12 + jsonLength, headerBytes - 12 - jsonLength).some((b) => b !== 0)) bad(SNAPSHOT_DAMAGE.padding);
  const keyWords = header.segment === null ? n : 0;
  const words = keyWords + n;
  if (buffer.byteLength !== headerBytes + words * 4) bad(SNAPSHOT_DAMAGE.length(headerBytes + words * 4, n, buffer.byteLength));
  const payload = new Uint32Array(buffer, headerBytes, words);
  if (checksumOf(fieldsOf(header), payload) !== header.checksum) bad(SNAPSHOT_DAMAGE.checksum);

  const profile = options.profile ?? header.profile;
  const current = tablesFor(profile).fingerprint;
  if (current !== header.fingerprint) {
    throw staleSnapshot(header.fingerprint, current);
  }
  const keys = header.segment === null ? new Uint32Array(buffer, headerBytes, n) : null;
  const scores = new Uint16Array(buffer, headerBytes + keyWords * 4, n);
  const bits = new Uint16Array(buffer, headerBytes + keyWords * 4 + 2 * n, n);
  // A checksum only says the bytes are as written: what they say must be possible too.
  if (keys) {
    for (let i = 0; i < n; i++) {
      if (keys[i]! >= KEY_LIMIT) bad(SNAPSHOT_DAMAGE.notNumber(i));
      if (i > 0 && keys[i]! <= keys[i - 1]!) bad(SNAPSHOT_DAMAGE.order(i));
    }
  }
  for (let i = 0; i < n; i++) {
    if (scores[i]! > 1000) bad(SNAPSHOT_DAMAGE.score(i));
    if ((bits[i]! & ~KNOWN_BITS) !== 0) bad(SNAPSHOT_DAMAGE.bits(i));
  }
  return new Pool(header.segment, keys, scores, bits, profile, header.fingerprint);
}
