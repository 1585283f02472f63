import { notASegment } from './errors.js';
import { BODY_LENGTH } from '../rules/kinds.js';
import type { CompanyProfile } from '../rules/company.js';
import type { Profile } from '../scoring/profile.js';
import { numberOfKey } from './key-strings.js';
import { guardNumber, guardString } from '../errors/guards.js';

/** Numbers are kept as their offset from 4,000,000,000: every 400 number fits a Uint32. */
export const NUMBER_BASE = 4_000_000_000;
/** Set in a pool entry's bits when the number has left the pool (sold, withdrawn): bit 15 is free of rule bits. */
export const REMOVED = 1 << 15;
const SEGMENT_SIZE = 10 ** (BODY_LENGTH - 1);

/**
 * Scored numbers in typed arrays: a whole segment (entry i = the number whose last six digits are i)
 * or any subset (entries in number order). `order` lists entries by score, high first, then by number.
 * A segment costs 8 bytes a number: score (2), bits (2), order (4).
 */
export class Pool {
  /** Bumped whenever a number leaves or comes back, so caches can tell stale answers. */
  version = 0;
  private static nextId = 1;
  /** Identifies the pool for caches. */
  readonly id = Pool.nextId++;
  /** bucketStart[1000 - s]: first position in `order` of score s (tenths); bucketStart[1001] = size. */
  readonly bucketStart: Int32Array;

  /** @internal Use {@link createPool} or {@link poolFromSnapshot}. */
  constructor(
    /** Segment of a whole-segment pool, or null for a subset. */
    readonly segment: string | null,
    /** For a subset: each entry's number minus NUMBER_BASE, ascending. */
    readonly keys: Uint32Array | null,
    /** Each entry's score in tenths (0–1000): 852 is 85.2. */
    readonly scores: Uint16Array,
    /** Each entry's rule families (bit i = {@link FAMILIES}[i] has a finding) and shapes ({@link SHAPES}, above them). */
    readonly bits: Uint16Array,
    /** The profile the scores were made with (a built-in name or a custom profile). */
    readonly profile: string | Profile,
    /** Fingerprint of the rules and data the scores were made with. */
    readonly fingerprint: string,
    /** Company facts the scores include, if any. */
    readonly company?: CompanyProfile,
  ) {
    this.bucketStart = bucketStarts(scores, null);
    this.order = placeByScore(scores, null, this.bucketStart);
    this.base = segment === null ? 0 : segmentBase(segment);
  }

  /** Key of a whole segment's entry 0. */
  private readonly base: number;

  /** Entry indexes by score, high first, then by number. */
  readonly order: Uint32Array;

  /** Entries in the pool, removed ones included. */
  get size(): number {
    return this.scores.length;
  }

  /** The number of entry i as its offset from NUMBER_BASE. */
  keyAt(i: number): number {
    guardNumber(i, 'Pool.keyAt(): i');
    return this.keys ? this.keys[i]! : this.base + i;
  }

  /** The 10 digits of entry i. */
  numberAt(i: number): string {
    guardNumber(i, 'Pool.numberAt(): i');
    return numberOfKey(this.keyAt(i));
  }

  /** Entry of a 10-digit number, or -1 when the pool never held it. */
  indexOf(number: string): number {
    guardString(number, 'Pool.indexOf(): number');
    if (!/^400\d{7}$/.test(number)) return -1;
    return this.indexOfKey(Number(number) - NUMBER_BASE);
  }

  /** Entry of the number NUMBER_BASE + key, or -1. */
  indexOfKey(key: number): number {
    guardNumber(key, 'Pool.indexOfKey(): key');
    if (!this.keys) {
      const i = key - this.base;
      return i >= 0 && i < SEGMENT_SIZE ? i : -1;
    }
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether the number is in the pool now. */
  has(number: string): boolean {
    guardString(number, 'Pool.has(): number');
    const i = this.indexOf(number);
    return i >= 0 && (this.bits[i]! & REMOVED) === 0;
  }

  /** Takes a number out (sold, held elsewhere); returns false if it was not in the pool. */
  remove(number: string): boolean {
    guardString(number, 'Pool.remove(): number');
    const i = this.indexOf(number);
    if (i < 0 || (this.bits[i]! & REMOVED) !== 0) return false;
    this.bits[i]! |= REMOVED;
    this.version++;
    return true;
  }

  /** Puts a removed number back; returns false if it was not removed. */
  restore(number: string): boolean {
    guardString(number, 'Pool.restore(): number');
    const i = this.indexOf(number);
    if (i < 0 || (this.bits[i]! & REMOVED) === 0) return false;
    this.bits[i]! &= ~REMOVED;
    this.version++;
    return true;
  }

  /** Segments (first four digits) the pool's numbers are in. */
  segments(): string[] {
    if (!this.keys) return [this.segment!];
    const out = new Set<string>();
    for (const k of this.keys) out.add(String(NUMBER_BASE + k).slice(0, 4));
    return [...out];
  }
}

export function segmentBase(segment: string): number {
  const d = segment.charCodeAt(3) - 48;
  if (segment.length !== 4 || !segment.startsWith('400') || d < 0 || d > 9) {
    throw notASegment(segment);
  }
  return d * SEGMENT_SIZE;
}

/** Below this many entries, rankByScore sorts them rather than counting their scores. */
const FEW_TO_COUNT = 512;
/** Entries stay below 2^25 (a segment has 2^20). */
const ENTRY_SPAN = 2 ** 25;

/**
 * The given entries (ascending) in a pool's score order: high first, then number. A counting sort, so
 * ranking a pattern's candidates costs two passes over them; a few are sorted natively instead, each
 * as one number (1000 - score) × 2^25 + entry.
 */
export function rankByScore(scores: Uint16Array, entries: Uint32Array): Uint32Array {
  if (entries.length >= FEW_TO_COUNT) return placeByScore(scores, entries, bucketStarts(scores, entries));
  const keys = new Float64Array(entries.length);
  for (let k = 0; k < entries.length; k++) keys[k] = (1000 - scores[entries[k]!]!) * ENTRY_SPAN + entries[k]!;
  keys.sort();
  const order = new Uint32Array(entries.length);
  for (let k = 0; k < entries.length; k++) order[k] = keys[k]! % ENTRY_SPAN;
  return order;
}

function placeByScore(scores: Uint16Array, entries: Uint32Array | null, bucketStart: Int32Array): Uint32Array {
  const next = bucketStart.slice();
  const n = entries ? entries.length : scores.length;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = entries ? entries[k]! : k;
    order[next[1000 - scores[i]!]!++] = i;
  }
  return order;
}

/** Start in a high-first order of each score bucket; index 1000 - score. */
function bucketStarts(scores: Uint16Array, entries: Uint32Array | null): Int32Array {
  const count = new Int32Array(1002);
  const n = entries ? entries.length : scores.length;
  for (let k = 0; k < n; k++) count[1000 - scores[entries ? entries[k]! : k]! + 1]!++;
  for (let s = 1; s < count.length; s++) count[s]! += count[s - 1]!;
  return count;
}
