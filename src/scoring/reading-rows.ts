import { BODY_LENGTH } from '../rules/kinds.js';

/** States: after 0 … BODY_LENGTH digits. State k holds what the first k body digits left behind. */
export const STATES = BODY_LENGTH + 1;

/**
 * The rows of readings kept for each state k, so that no phrase is read where it ends inside a run of
 * three or more equal digits, which the digits after it may decide: {@link ANY}, the best segmentation;
 * {@link NOT_LAST}, the best with no such phrase ending at digit k - 1; {@link NOT_LAST_TWO}, the best with
 * none ending at k - 1 or k - 2. A phrase that starts inside a run is never read at all.
 */
export const READ_ROWS = 3;
export const ANY = 0;
export const NOT_LAST = 1;
export const NOT_LAST_TWO = 2;

/**
 * The row of state k that what comes next builds on, given digits k - 2, k - 1, k and k + 1 (`second`;
 * any negative if not known yet): a phrase ending at k - 1 or k - 2 must not end inside the run that
 * digit k carries on (888 in 1688 8 8: the 1688 of 168888 is not read).
 */
export function readingSource(before2: number, before: number, first: number, second: number): number {
  if (first !== before) return ANY;
  if (before === before2) return NOT_LAST_TWO;
  return second === first ? NOT_LAST : ANY;
}
