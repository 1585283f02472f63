import type { Scanner } from '../scoring/scanner.js';
import { PREV_RUN, RUN, WIDTH } from '../scoring/state.js';
import { BODY_LENGTH, KIND } from './kinds.js';

/** repeat: maximal runs of 2 to 7 equal digits (对子, 豹子 and longer), scored when the run ends. */
export function stepRepeat(s: Scanner, p: number, o: number): void {
  const st = s.state;
  const d = s.digits;
  const q = o - WIDTH;
  if (p > 0 && d[p] === d[p - 1]) {
    st[o + RUN] = st[q + RUN]! + 1;
    st[o + PREV_RUN] = st[q + PREV_RUN]!;
    return;
  }
  const run = st[q + RUN]!;
  if (run >= 2) s.emit(o, KIND.REPEAT, run, p - run, run);
  st[o + PREV_RUN] = run;
  st[o + RUN] = 1;
}

export function finishRepeat(s: Scanner, o: number): void {
  const run = s.state[o + RUN]!;
  if (run >= 2) s.emit(o, KIND.REPEAT, run, BODY_LENGTH - run, run);
}
