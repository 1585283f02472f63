/** A reading of at least this many digits ending the number tells its last four instead of the combination (1918: 918 就要发). */
export const COMBINATION_READ = 3;

/**
 * combination: the seed's clever combinations (1511, 1151, 5161, 1516) as one general shape, read in
 * the last four digits a b c e only: one digit comes back after one other (x?x? or ?x?x), and what
 * it comes back around is one other digit (1511, 1151: ABAA, AABA) or two neighbouring digits (1516,
 * 5161: 5 and 6). Alternations (ABAB) and mostly one digit (AAAB, ABBB) are shop classes, not this;
 * two unrelated digits around it (7573) are no combination a salesperson would name, and neither are
 * four digits that carry on a run before them (000050 is five 0s: `before` is the digit before a).
 * It is read only where no shop pattern ends the number (31413 is told as ABCBA 对称, not also as this),
 * and never with a 4 in it: 1514 is not 顺口 to a customer who hears 514 我要死.
 */
export function isCombination(before: number, a: number, b: number, c: number, e: number): boolean {
  if (before === a || a === 4 || b === 4 || c === 4 || e === 4) return false;
  const firstBack = a === c;
  const secondBack = b === e;
  if (firstBack === secondBack) return false; // neither, or ABAB / AAAA
  if ((a === b && b === c) || (b === c && c === e)) return false; // AAAB, ABBB
  // The two digits besides the one that comes back: b and e (ABAC, ABAA), or a and c (ABCB, AABA).
  const [x, y] = firstBack ? [b, e] : [a, c];
  const back = firstBack ? a : b;
  return x === back || y === back || x === y || Math.abs(x - y) === 1;
}
