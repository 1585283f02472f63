import type { Scanner } from '../scoring/scanner.js';
import { DOWN, UP, UP_WRAPPED, WIDTH } from '../scoring/state.js';
import { BODY_LENGTH, KIND } from './kinds.js';

/**
 * sequence: maximal straights of 3 or more, up (顺子 1234) or down (倒顺 4321). Going up, 0 may
 * follow 9 as the last digit (7890, the order of a keyboard's digit row); the straight ends there.
 */
export function stepSequence(s: Scanner, p: number, o: number): void {
  const st = s.state;
  const q = o - WIDTH;
  const cur = s.digits[p]!;
  const prev = p > 0 ? s.digits[p - 1]! : -9;
  if (st[q + UP_WRAPPED] === 0 && (cur === prev + 1 || (prev === 9 && cur === 0))) {
    st[o + UP] = st[q + UP]! + 1;
    st[o + UP_WRAPPED] = prev === 9 ? 1 : 0;
  } else {
    const up = st[q + UP]!;
    if (up >= 3) s.emit(o, KIND.SEQUENCE_UP, up, p - up, up);
    // After 7890 a new straight may start at the 0 (90123 holds 0123).
    st[o + UP] = cur === prev + 1 ? 2 : 1;
    st[o + UP_WRAPPED] = 0;
  }
  if (cur === prev - 1) {
    st[o + DOWN] = st[q + DOWN]! + 1;
  } else {
    const down = st[q + DOWN]!;
    if (down >= 3) s.emit(o, KIND.SEQUENCE_DOWN, down, p - down, down);
    st[o + DOWN] = 1;
  }
}

export function finishSequence(s: Scanner, o: number): void {
  const up = s.state[o + UP]!;
  if (up >= 3) s.emit(o, KIND.SEQUENCE_UP, up, BODY_LENGTH - up, up);
  const down = s.state[o + DOWN]!;
  if (down >= 3) s.emit(o, KIND.SEQUENCE_DOWN, down, BODY_LENGTH - down, down);
}
