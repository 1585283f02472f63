import { KIND } from './kinds.js';

/**
 * pattern: the number shops' classes, all read at the end of the number, where buyers look for them
 * (尾号 AABB, 尾号 ABAB …). With x the body digits and x0 the last one:
 * - AABB: the last four are two pairs (5577);
 * - alternation: two digits taking turns over the last 4 to 7 digits (5757 ABAB, 58585 ABABA, 585858 ABABAB);
 * - mirror: the longest run of 4 to 7 last digits that reads the same backwards (7557 ABBA, 12321,
 *   123321), neither one digit nor an alternation;
 * - the six-digit classes of the last six: ABCABC (517517), AAABBB (888666), AABBCC (556677);
 * - N拖M: a run of N ≥ 3 then a shorter run of M ≥ 2 ending the number (88866 三拖二, 888866 四拖二), or
 *   a shorter run then a longer one (66888 AABBB, 668888 AABBBB, 6668888 AAABBBB).
 * One pattern per number: the longest that ends it (888866 is 四拖二, not also AABB), and of equal
 * lengths the first of six-digit class, mirror, alternation, N拖M, AABB. Positions before the number
 * hold distinct negative values, so no pattern reaches past the first body digit.
 */

/** AABB in the last four digits a b c e, or 0. */
export function tailWindow4(a: number, b: number, c: number, e: number): number {
  return a === b && c === e && b !== c ? KIND.AABB : 0;
}

/** The six-digit class of the last six digits u v a b c e, or 0. */
export function classifyWindow6(u: number, v: number, a: number, b: number, c: number, e: number): number {
  if (a !== e && c !== e) return 0; // every class needs one of these
  if (u === b && v === c && a === e && !(u === v && v === a)) return KIND.ABCABC;
  if (u === v && v === a && b === c && c === e && a !== b) return KIND.AAABBB;
  if (u === v && a === b && c === e && v !== a && b !== c) return KIND.AABBCC;
  return 0;
}

/** Length of the alternation (two digits taking turns) ending at x0, given the one ending at x1 (`before`, 1 for the first digit). */
export function alternationAfter(before: number, x2: number, x1: number, x0: number): number {
  if (x0 === x1) return 1;
  return x0 === x2 && before >= 2 ? before + 1 : 2;
}

/**
 * Length (4-7) of the longest mirror ending at x0, of the last seven digits x6 … x0 (positions before
 * the number hold distinct negatives), or 0: the digits read the same backwards, are neither all one
 * digit nor an alternation (those are runs and ABAB), and hold no run of three (6888886 is a 五连号
 * with a digit on each side, not a mirror).
 */
export function mirrorLength(x6: number, x5: number, x4: number, x3: number, x2: number, x1: number, x0: number): number {
  // A run of three in a mirror covers its middle (x3 of seven, x2 x3 of six, x2 of five) or its ends.
  if (x6 === x0 && x5 === x1 && x4 === x2 && !(x0 === x2 && x1 === x3) && x2 !== x3 && !(x0 === x1 && x1 === x2)) return 7;
  if (x5 === x0 && x4 === x1 && x3 === x2 && x1 !== x2) return 6;
  if (x4 === x0 && x3 === x1 && x0 !== x2 && x1 !== x2) return 5;
  if (x3 === x0 && x2 === x1 && x0 !== x1) return 4;
  return 0;
}

/**
 * N拖M: the run before the last one has N ≥ 3 digits, the last run 2 ≤ M < N (88866 三拖二, 888866 四拖二);
 * also a shorter run before a longer one ending the number, told by its letters: a pair then three or four
 * (66888 AABBB, 668888 AABBBB) and three then four (6668888 AAABBBB); 6666661 is a 六连号, not a trail.
 */
export function isTrail(before: number, last: number): boolean {
  if (before >= 3 && last >= 2 && last < before) return true;
  return (before === 2 && (last === 3 || last === 4)) || (before === 3 && last === 4);
}

/** A pattern as {@link tailPattern} returns it: kind * 8 + length, or 0 for none. */
export const PATTERN_LENGTH_BITS = 3;

/**
 * The one shop pattern ending the number of last seven digits x6 … x0, given the alternation ending at
 * x0 and the last two runs (`before`, then `last`, the one ending the number): kind * 8 + length, or 0.
 */
export function tailPattern(x6: number, x5: number, x4: number, x3: number, x2: number, x1: number, x0: number, alternation: number, before: number, last: number): number {
  const six = classifyWindow6(x5, x4, x3, x2, x1, x0);
  let best = six === 0 ? 0 : (six << PATTERN_LENGTH_BITS) | 6;
  let length = six === 0 ? 0 : 6;
  const mirror = mirrorLength(x6, x5, x4, x3, x2, x1, x0);
  if (mirror > length) {
    best = (KIND.MIRROR << PATTERN_LENGTH_BITS) | mirror;
    length = mirror;
  }
  if (alternation >= 4 && alternation > length) {
    best = (KIND.ALTERNATION << PATTERN_LENGTH_BITS) | alternation;
    length = alternation;
  }
  if (isTrail(before, last) && before + last > length) {
    best = (KIND.TRAIL << PATTERN_LENGTH_BITS) | (before + last);
    length = before + last;
  }
  if (length < 4 && tailWindow4(x3, x2, x1, x0) !== 0) best = (KIND.AABB << PATTERN_LENGTH_BITS) | 4;
  return best;
}
