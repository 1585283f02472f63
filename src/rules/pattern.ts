import type { Scanner } from '../scoring/scanner.js';
import { PREV_RUN, RUN } from '../scoring/state.js';
import { BODY_LENGTH, KIND } from './kinds.js';

/**
 * pattern: the number shops' classes, on the window ending at each digit. Four digits:
 * AABB, ABAB, ABBA, AAAB, ABBB. Six: ABCABC, AAABBB, AABBCC. Mirrors: the longest palindrome
 * of 5 to 7 digits ending here (ABCCBA), not all one digit. Where a number ends is worth more
 * through the profile's position multiplier, not here.
 */
export function stepPattern(s: Scanner, p: number, o: number): void {
  if (p < 3) return;
  const d = s.digits;
  const a = d[p - 3]!;
  const b = d[p - 2]!;
  const c = d[p - 1]!;
  const e = d[p]!;
  if (a === b && c === e && b !== c) s.emit(o, KIND.AABB, 4, p - 3, 4);
  else if (a === c && b === e && a !== b) s.emit(o, KIND.ABAB, 4, p - 3, 4);
  else if (a === e && b === c && a !== b) s.emit(o, KIND.ABBA, 4, p - 3, 4);
  else if (a === b && b === c && c !== e) s.emit(o, KIND.AAAB, 4, p - 3, 4);
  else if (a !== b && b === c && c === e) s.emit(o, KIND.ABBB, 4, p - 3, 4);

  if (p >= 5) {
    const u = d[p - 5]!;
    const v = d[p - 4]!;
    if (u === b && v === c && a === e && !(u === v && v === a)) s.emit(o, KIND.ABCABC, 6, p - 5, 6);
    else if (u === v && v === a && b === c && c === e && a !== b) s.emit(o, KIND.AAABBB, 6, p - 5, 6);
    else if (u === v && a === b && c === e && v !== a && b !== c) s.emit(o, KIND.AABBCC, 6, p - 5, 6);
  }
  for (let len = p + 1 < 7 ? p + 1 : 7; len >= 5; len--) {
    if (d[p - len + 1] === e && isMirror(d, p - len + 1, p)) {
      s.emit(o, KIND.MIRROR, len, p - len + 1, len);
      break;
    }
  }
}

function isMirror(d: Int8Array, from: number, to: number): boolean {
  let mixed = false;
  for (let i = from, j = to; i < j; i++, j--) {
    if (d[i] !== d[j]) return false;
    if (d[i] !== d[from]) mixed = true;
  }
  return mixed || d[(from + to) >> 1] !== d[from];
}

/** N拖M: a run of N ≥ 3 equal digits followed by a shorter run of M other digits ending the number (88866, 6666 9). */
export function finishPattern(s: Scanner, o: number): void {
  const run = s.state[o + RUN]!;
  const before = s.state[o + PREV_RUN]!;
  if (before >= 3 && run < before && before + run >= 5) s.emit(o, KIND.TRAIL, before + run, BODY_LENGTH - before - run, before + run);
}
