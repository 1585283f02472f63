import { KIND } from './kinds.js';

/**
 * pattern: the number shops' classes, all read at the end of the number, where buyers look for them
 * (尾号 AABB, 尾号 ABAB …). With x the body digits and x0 the last one:
 * - AABB: the last four are two pairs (5577);
 * - alternation: two digits taking turns over the last 4 to 7 digits (5757 ABAB, 58585 ABABA, 585858 ABABAB);
 * - mirror: the longest run of 4 to 7 last digits that reads the same backwards (7557 ABBA, 12321,
 *   123321), neither one digit nor an alternation;
 * - the six-digit classes of the last six: ABCABC (517517), AAABBB (888666), AABBCC (556677);
 * - N拖M: a run of N ≥ 3 then a shorter run of M ending the number, N + M ≥ 5 (88866 三拖二).
 * One long pattern per number: a six-digit class takes the place of a six-digit mirror, and an
 * AABB that is the end of an AABBCC is not counted again. Positions before the number hold
 * distinct negative values, so no pattern reaches past the first body digit.
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
 * the number hold distinct negatives), or 0: the digits read the same backwards and are neither all
 * one digit nor an alternation (those are runs and ABAB).
 */
export function mirrorLength(x6: number, x5: number, x4: number, x3: number, x2: number, x1: number, x0: number): number {
  if (x6 === x0 && x5 === x1 && x4 === x2 && !(x0 === x2 && x1 === x3)) return 7;
  if (x5 === x0 && x4 === x1 && x3 === x2 && !(x0 === x1 && x1 === x2)) return 6;
  if (x4 === x0 && x3 === x1 && !(x0 === x2 && x1 === x3)) return 5;
  if (x3 === x0 && x2 === x1 && x0 !== x1) return 4;
  return 0;
}

/** N拖M: the run before the last one has N ≥ 3 digits, the last run M < N, and N + M ≥ 5 (88866, 66669). */
export function isTrail(before: number, last: number): boolean {
  return before >= 3 && last < before && before + last >= 5;
}
