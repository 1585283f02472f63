/**
 * combination: the seed's clever combinations (1511, 1151, 5161, 1516) as one general shape, read in
 * the last four digits a b c e only: one digit comes back after one other (x?x? or ?x?x: ABAA, ABAC,
 * AABA, ABCB), and the four are neither an alternation (ABAB) nor mostly one digit (AAAB, ABBB).
 */
export function isCombination(a: number, b: number, c: number, e: number): boolean {
  const firstBack = a === c;
  const secondBack = b === e;
  if (firstBack === secondBack) return false; // neither, or ABAB / AAAA
  return !((a === b && b === c) || (b === c && c === e)); // AAAB, ABBB
}
