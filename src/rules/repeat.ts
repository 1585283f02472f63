import { LAST } from './kinds.js';

/**
 * repeat: maximal runs of equal digits after 400. Three or more count anywhere (豹子, 四连号 …),
 * including the segment digit where people see it (400-666-6666 is seven 6s); a pair counts only
 * when it ends the number (尾号 88): a pair in the middle is no selling point.
 */
export const MIN_RUN = 2;

/** Whether `digit` carries on the run that `prev` ended. */
export function continuesRun(prev: number, digit: number): boolean {
  return digit === prev;
}

/** Whether a run of `length` equal digits ending at body position `end` is a finding. */
export function runCounts(length: number, end: number): boolean {
  return length >= 3 || (length === 2 && end === LAST);
}

/**
 * Whether a reading whose first digits are `first`, `second`, after `before2`, `before`, starts inside a
 * run of three or more equal digits: nobody hears 三三得九 in 333999 or 六六三十六 in 6666363.
 */
export function startsInsideRun(before2: number, before: number, first: number, second: number): boolean {
  return before === first && (before2 === first || second === first);
}

/**
 * Whether a reading ending in `secondLast`, `last`, followed by `next`, ends inside a run of three or
 * more equal digits: 1688 一路发发 is not heard in 168888, whose 8888 is told as a run.
 */
export function endsInsideRun(secondLast: number, last: number, next: number): boolean {
  return secondLast === last && next === last;
}
