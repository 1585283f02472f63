import { excerpt, guardString } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { segmentInfo } from '../number/segments.js';
import type { CompanyProfile } from '../rules/company.js';
import { BODY_LENGTH } from '../rules/kinds.js';
import type { Profile } from './profile.js';
import { scannerFor, tablesFor } from './tables.js';
import { guardScoreOptions } from './score-options.js';

/** Options of {@link fastScoreTenths} and {@link scoreSegment}. */
export interface FastScoreOptions {
  /** 'seed' (default), 'traditional', or a custom profile object. */
  profile?: string | Profile;
  /** Company facts: numbers holding them score in the `company` family. */
  company?: CompanyProfile;
}

/** Scores of a whole segment, indexed by the last six digits (0 … 999,999). A number's tier is tierIndexOf(score), its special flag isSpecial(bits). */
export interface SegmentScores {
  /** The segment scored, e.g. `'4006'`. */
  segment: string;
  /** Score in tenths (0-1000). */
  scores: Uint16Array;
  /** Bit f: rule family f found (FAMILIES order); higher bits: shape flags (SHAPES order). */
  bits: Uint16Array;
}

/**
 * The fast path for one number: 10 canonical digits (as parse() returns them) in, score in
 * tenths out, no allocation after the first call for a profile.
 */
export function fastScoreTenths(digits: string, options: FastScoreOptions = {}): number {
  guardString(digits, 'fastScoreTenths(): digits', 100, (t) => new Vanity400Error('WRONG_LENGTH', { zh: `fastScoreTenths()：${excerpt(t)} 不是号码的 10 位数字`, en: `fastScoreTenths(): digits ${excerpt(t)} are not the 10 digits of a number` }, { input: t }));
  guardScoreOptions(options, 'fastScoreTenths(): options');
  if (digits.length !== 10 || !/^400\d{7}$/.test(digits)) {
    throw new Vanity400Error('WRONG_LENGTH', { zh: `fastScoreTenths 要的是以 400 开头的 10 位数字，实际是 ${JSON.stringify(digits)}`, en: `fastScoreTenths expects 10 canonical digits starting 400, got ${JSON.stringify(digits)}` }, {
      input: digits,
    });
  }
  return scannerFor(tablesFor(options.profile, options.company)).scan(digits.slice(3)).score;
}

/**
 * Scores all 1,000,000 numbers of a segment (e.g. '4006'). Numbers are walked in order as a
 * tree of digits, so each number costs one digit step plus closing, not seven.
 */
export function scoreSegment(segment: string, options: FastScoreOptions & { allowUnconfirmed?: boolean } = {}): SegmentScores {
  guardString(segment, 'scoreSegment(): segment', 10, (t) => new Vanity400Error('UNKNOWN_SEGMENT', { zh: `scoreSegment()：号段 ${excerpt(t)} 不存在，应为 "4000" 到 "4009"`, en: `scoreSegment(): segment ${excerpt(t)}: expected "4000" to "4009"` }, { input: t }));
  guardScoreOptions(options, 'scoreSegment(): options');
  const info = segmentInfo(segment);
  if (!info || (!info.confirmed && !options.allowUnconfirmed)) {
    throw new Vanity400Error('UNKNOWN_SEGMENT', { zh: `没有号段 ${JSON.stringify(segment)}：应为 4000、4001、4006、4007、4008、4009 之一`, en: `unknown segment ${JSON.stringify(segment)}: expected one of 4000, 4001, 4006, 4007, 4008, 4009` }, {
      input: segment,
    });
  }
  const size = 10 ** (BODY_LENGTH - 1);
  const out: SegmentScores = { segment, scores: new Uint16Array(size), bits: new Uint16Array(size) };
  scannerFor(tablesFor(options.profile, options.company)).scoreSegment(segment.charCodeAt(3) - 48, out);
  return out;
}
