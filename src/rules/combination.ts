import type { Scanner } from '../scoring/scanner.js';
import { KIND } from './kinds.js';

/**
 * combination: the seed's clever combinations (1511, 1151, 5161, 1516) as one general shape,
 * not a list: in four digits one digit comes back after one other (x?x? or ?x?x), with at most
 * three distinct digits, and the window is none of the shop classes (ABAB, AAAB, ABBB) or a repeat.
 */
export function stepCombination(s: Scanner, p: number, o: number): void {
  if (p < 3) return;
  const d = s.digits;
  const a = d[p - 3]!;
  const b = d[p - 2]!;
  const c = d[p - 1]!;
  const e = d[p]!;
  const firstBack = a === c;
  const secondBack = b === e;
  if (firstBack === secondBack) return; // neither, or ABAB / AAAA
  if ((a === b && b === c) || (b === c && c === e)) return; // AAAB, ABBB
  s.emit(o, KIND.COMBINATION, 4, p - 3, 4);
}
