/**
 * Slots of one level's state: the state after reading body digits 0 … p. Each rule writes its
 * own slots for every level; the family sums are kept once, outside the levels, with an undo log.
 */
export const RUN = 0; // length of the run of equal digits ending here
export const PREV_RUN = 1; // length of the run before it
export const UP = 2; // length of the ascending straight ending here
export const UP_WRAPPED = 3; // 1 when that straight just went 9 → 0 (7890) and cannot go on
export const DOWN = 4; // length of the descending straight ending here
export const PHRASE_STATE = 5; // phrase automaton state
export const BITS = 6; // family bits | shape flags of the findings so far
export const TOTAL = 7; // sum over families of their saturated points (tenths): the score before its final curve
export const WIDTH = 8;
