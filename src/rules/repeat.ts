/** repeat: maximal runs of equal digits (对子, 豹子 and longer), from 2 up to all 7 digits after 400. */
export const MIN_RUN = 2;

/** Whether `digit` carries on the run that `prev` ended. */
export function continuesRun(prev: number, digit: number): boolean {
  return digit === prev;
}
