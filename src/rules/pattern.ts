import { KIND } from './kinds.js';

/**
 * pattern: the number shops' classes. On four digits: AABB, ABAB, ABBA, AAAB, ABBB. On six:
 * ABCABC, AAABBB, AABBCC. Mirrors: the longest palindrome of 5 to 7 digits ending at a digit
 * (ABCCBA), not all one digit. N拖M: a run of N ≥ 3 then a shorter run ending the number.
 * Where a shape stands (the end counts most) is the profile's position multiplier, not a rule here.
 */
export function classifyWindow4(a: number, b: number, c: number, e: number): number {
  if (a === b && c === e && b !== c) return KIND.AABB;
  if (a === c && b === e && a !== b) return KIND.ABAB;
  if (a === e && b === c && a !== b) return KIND.ABBA;
  if (a === b && b === c && c !== e) return KIND.AAAB;
  if (a !== b && b === c && c === e) return KIND.ABBB;
  return 0;
}

/** The six-digit class of u v a b c e, or 0. */
export function classifyWindow6(u: number, v: number, a: number, b: number, c: number, e: number): number {
  if (a !== e && c !== e) return 0; // every class needs one of these
  if (u === b && v === c && a === e && !(u === v && v === a)) return KIND.ABCABC;
  if (u === v && v === a && b === c && c === e && a !== b) return KIND.AAABBB;
  if (u === v && a === b && c === e && v !== a && b !== c) return KIND.AABBCC;
  return 0;
}

/**
 * Length (5-7) of the longest mirror ending at the last of seven digits x6 … x0 (x0 is the digit
 * read last; a position before the number holds a distinct negative value), or 0.
 */
export function mirrorLength(x6: number, x5: number, x4: number, x3: number, x2: number, x1: number, x0: number): number {
  // A mirror of one digit is a run, not a mirror.
  if (x6 === x0 && x5 === x1 && x4 === x2 && !(x0 === x1 && x1 === x2 && x2 === x3)) return 7;
  if (x5 === x0 && x4 === x1 && x3 === x2 && !(x0 === x1 && x1 === x2)) return 6;
  if (x4 === x0 && x3 === x1 && !(x0 === x1 && x1 === x2)) return 5;
  return 0;
}

/**
 * The last digits that make u v a b c ? a six-digit class, as bits (for digits only): every
 * class ends in a (ABCABC) or c (AAABBB, AABBCC), so only those two are tried.
 */
export function window6Ends(u: number, v: number, a: number, b: number, c: number): number {
  if (v !== c && u !== v) return 0; // ABCABC pairs v with c; AAABBB and AABBCC pair u with v
  return (classifyWindow6(u, v, a, b, c, a) !== 0 ? 1 << a : 0) | (classifyWindow6(u, v, a, b, c, c) !== 0 ? 1 << c : 0);
}

/** The last digits that end a mirror after x6 … x1, as bits (for digits only): a mirror ends in the digit it starts with. */
export function mirrorEnds(x6: number, x5: number, x4: number, x3: number, x2: number, x1: number): number {
  if (x1 !== x3 && x1 !== x4 && x1 !== x5) return 0; // a mirror of 5, 6 or 7 digits pairs x1 with x3, x4 or x5
  return (
    (mirrorLength(x6, x5, x4, x3, x2, x1, x6) !== 0 ? 1 << x6 : 0) |
    (mirrorLength(x6, x5, x4, x3, x2, x1, x5) !== 0 ? 1 << x5 : 0) |
    (mirrorLength(x6, x5, x4, x3, x2, x1, x4) !== 0 ? 1 << x4 : 0)
  );
}

/** N拖M: the run before the last one has N ≥ 3 digits, the last run M < N, and N + M ≥ 5 (88866, 66669). */
export function isTrail(before: number, last: number): boolean {
  return before >= 3 && last < before && before + last >= 5;
}
