import { Vanity400Error } from '../errors/vanity400-error.js';
import { segmentInfo } from '../number/segments.js';
import type { CompanyProfile } from '../rules/company.js';
import { BODY_LENGTH } from '../rules/kinds.js';
import type { Profile } from './profile.js';
import { Scanner } from './scanner.js';
import { tablesFor } from './tables.js';
import { tierIndexOf } from './tiers.js';

export interface FastScoreOptions {
  profile?: string | Profile;
  company?: CompanyProfile;
}

/** Scores of a whole segment, indexed by the last six digits (0 … 999,999). */
export interface SegmentScores {
  segment: string;
  /** Score in tenths (0-1000). */
  scores: Uint16Array;
  /** Index into TIERS. */
  tiers: Uint8Array;
  /** Bit f: rule family f found (FAMILIES order); higher bits: shape flags (SHAPES order). */
  bits: Uint16Array;
}

const scanners = new WeakMap<object, Scanner>();

function scannerFor(options: FastScoreOptions): Scanner {
  const tables = tablesFor(options.profile, options.company);
  let s = scanners.get(tables);
  if (!s) scanners.set(tables, (s = new Scanner(tables)));
  return s;
}

/**
 * The fast path for one number: 10 canonical digits (as parse() returns them) in, score in
 * tenths out, no allocation after the first call for a profile.
 */
export function fastScoreTenths(digits: string, options: FastScoreOptions = {}): number {
  if (digits.length !== 10 || !/^400\d{7}$/.test(digits)) {
    throw new Vanity400Error('WRONG_LENGTH', `fastScoreTenths expects 10 canonical digits starting 400, got ${JSON.stringify(digits)}`, {
      input: digits,
    });
  }
  return scannerFor(options).scan(digits.slice(3));
}

/**
 * Scores all 1,000,000 numbers of a segment (e.g. '4006'). Numbers are walked in order as a
 * tree of digits, so each number costs one digit step plus closing, not seven.
 */
export function scoreSegment(segment: string, options: FastScoreOptions & { allowUnconfirmed?: boolean } = {}): SegmentScores {
  const info = segmentInfo(segment);
  if (!info || (!info.confirmed && !options.allowUnconfirmed)) {
    throw new Vanity400Error('UNKNOWN_SEGMENT', `unknown segment ${JSON.stringify(segment)}: expected one of 4000, 4001, 4006, 4007, 4008, 4009`, {
      input: segment,
    });
  }
  const size = 10 ** (BODY_LENGTH - 1);
  const out: SegmentScores = { segment, scores: new Uint16Array(size), tiers: new Uint8Array(size), bits: new Uint16Array(size) };
  const s = new Scanner(tablesFor(options.profile, options.company));
  const { scores, tiers, bits } = out;
  const last = BODY_LENGTH - 1;
  s.push(0, segment.charCodeAt(3) - 48);
  let index = 0;
  const walk = (p: number): void => {
    for (let d = 0; d < 10; d++) {
      s.push(p, d);
      if (p < last - 1) walk(p + 1);
      else {
        for (let e = 0; e < 10; e++) {
          s.push(last, e);
          const score = s.finish();
          scores[index] = score;
          bits[index] = s.bits;
          tiers[index] = tierIndexOf(score, s.bits);
          index++;
        }
      }
    }
  };
  walk(1);
  return out;
}
