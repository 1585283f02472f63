import type { Scanner } from '../scoring/scanner.js';
import { KIND } from './kinds.js';

/**
 * auspicious: each lucky digit (the seed's 6, 8, 9, 0), worth more toward the end through the
 * position multiplier. The profile decides which digits count and for which family: the
 * traditional profile also puts every 4 in taboo.
 */
export function stepAuspicious(s: Scanner, p: number, o: number): void {
  s.emit(o, KIND.DIGIT, s.digits[p]!, p, 1);
}
