import { LAST } from './kinds.js';

/**
 * sequence: maximal straights, up (顺子 1234) or down (倒顺 4321). Four or more count anywhere, three
 * only when they end the number (尾号 123). Going up, 0 may follow 9 as the last digit of a straight
 * (7890, the order of a keyboard's digit row); a new straight may start at that 0 (90123 holds 0123).
 */
export const MIN_STRAIGHT = 3;

/** Whether `digit` carries on an up-straight ending in `prev`; `wrapped` says it already went 9 → 0. */
export function continuesUp(prev: number, digit: number, wrapped: boolean): boolean {
  return !wrapped && (digit === prev + 1 || (prev === 9 && digit === 0));
}

/** Length of the up-straight starting when one could not go on: 2 when `digit` follows `prev` (the 0 after a wrap), else 1. */
export function upRestart(prev: number, digit: number): number {
  return digit === prev + 1 ? 2 : 1;
}

export function continuesDown(prev: number, digit: number): boolean {
  return digit === prev - 1;
}

/** Whether a straight of `length` digits ending at body position `end` is a finding. */
export function straightCounts(length: number, end: number): boolean {
  return length >= 4 || (length === MIN_STRAIGHT && end === LAST);
}
