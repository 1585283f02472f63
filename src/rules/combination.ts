/**
 * combination: the seed's clever combinations (1511, 1151, 5161, 1516) as one general shape,
 * not a list: in four digits one digit comes back after one other (x?x? or ?x?x), with at most
 * three distinct digits, and the window is none of the shop classes (ABAB, AAAB, ABBB) or a repeat.
 */
export function isCombination(a: number, b: number, c: number, e: number): boolean {
  const firstBack = a === c;
  const secondBack = b === e;
  if (firstBack === secondBack) return false; // neither, or ABAB / AAAA
  return !((a === b && b === c) || (b === c && c === e)); // AAAB, ABBB
}
