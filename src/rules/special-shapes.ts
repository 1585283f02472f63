import { BODY_LENGTH } from './kinds.js';
import { classifyWindow6, mirrorLength } from './pattern.js';
import { continuesDown, continuesUp, upRestart } from './sequence.js';
import { shapeBit } from './shapes.js';

const TAIL_RUN4 = shapeBit('tailRun4');
const TAIL_RUN5 = shapeBit('tailRun5');
const RUN6 = shapeBit('run6');
const TAIL_SEQUENCE5 = shapeBit('tailSequence5');
const TAIL_PATTERN6 = shapeBit('tailPattern6');

/**
 * The shapes that make a number one of the carrier's special numbers, from its seven body digits (the
 * segment digit first). They follow the digits alone: no profile, superstition or score decides them,
 * so 400-888-4444 is special whether 4 is 发 or 死.
 */
export function specialShapes(body: ArrayLike<number>): number {
  let run = 1;
  let longest = 1;
  let up = 1;
  let wrapped = false;
  let down = 1;
  for (let i = 1; i < BODY_LENGTH; i++) {
    const prev = body[i - 1]!;
    const d = body[i]!;
    run = d === prev ? run + 1 : 1;
    if (run > longest) longest = run;
    if (continuesUp(prev, d, wrapped)) {
      up++;
      wrapped = prev === 9;
    } else {
      up = upRestart(prev, d);
      wrapped = false;
    }
    down = continuesDown(prev, d) ? down + 1 : 1;
  }
  const x6 = body[0]!;
  const x5 = body[1]!;
  const x4 = body[2]!;
  const x3 = body[3]!;
  const x2 = body[4]!;
  const x1 = body[5]!;
  const x0 = body[6]!;
  let bits = 0;
  if (run >= 4) bits |= TAIL_RUN4;
  if (run >= 5) bits |= TAIL_RUN5;
  if (longest >= 6) bits |= RUN6;
  if (up >= 5 || down >= 5) bits |= TAIL_SEQUENCE5;
  const alternation6 = x5 === x3 && x3 === x1 && x4 === x2 && x2 === x0 && x5 !== x4;
  if (alternation6 || classifyWindow6(x5, x4, x3, x2, x1, x0) !== 0 || mirrorLength(x6, x5, x4, x3, x2, x1, x0) >= 6) bits |= TAIL_PATTERN6;
  return bits;
}

/**
 * ORs the special shapes of every number of a segment into `bits`, indexed by the last six digits. For
 * each first five digits, the last digits that could complete a shape (a run, a straight, a six-digit
 * class, a mirror) are found first; only those numbers are looked at in full.
 */
export function addSpecialShapes(segmentDigit: number, bits: Uint16Array): void {
  const b = new Int8Array(BODY_LENGTH);
  b[0] = segmentDigit;
  let i = 0;
  for (let d1 = 0; d1 <= 9; d1++) {
    b[1] = d1;
    for (let d2 = 0; d2 <= 9; d2++) {
      b[2] = d2;
      for (let d3 = 0; d3 <= 9; d3++) {
        b[3] = d3;
        for (let d4 = 0; d4 <= 9; d4++) {
          b[4] = d4;
          for (let d5 = 0; d5 <= 9; d5++, i += 10) {
            b[5] = d5;
            let last = 0;
            if (d4 === d5 || (d3 === d4 && d1 === d2) || (d1 === d2 && d2 === d3)) last |= 1 << d5; // runs, AAABBB, AABBCC
            if (d1 === d4 && d2 === d5) last |= 1 << d3; // ABCABC
            if (d1 === d3 && d3 === d5 && d2 === d4) last |= 1 << d4; // ABABAB
            if (d2 === d5 && d3 === d4) last |= 1 << d1; // a mirror of six
            if (d1 === d5 && d2 === d4) last |= 1 << segmentDigit; // a mirror of seven
            const step = d5 - d4;
            if ((step === 1 || step === -1) && d4 - d3 === step && d3 - d2 === step) last |= (d5 + step >= 0 && d5 + step <= 9 ? 1 << (d5 + step) : 0) | (d5 === 9 ? 1 : 0);
            if (d1 === d2 && d2 === d3 && d3 === d4 && d4 === d5 && segmentDigit === d1) last = 0x3ff; // six alike before the last digit
            for (; last !== 0; last &= last - 1) {
              const d6 = 31 - Math.clz32(last & -last);
              b[6] = d6;
              bits[i + d6]! |= specialShapes(b);
            }
          }
        }
      }
    }
  }
}
