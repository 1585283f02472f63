import { FAMILY_COUNT } from '../rules/families.js';
import { BODY_LENGTH, KIND } from '../rules/kinds.js';
import { MIN_RUN, continuesRun } from '../rules/repeat.js';
import { MIN_STRAIGHT, continuesDown, continuesUp, upRestart } from '../rules/sequence.js';
import { classifyWindow6, isTrail, mirrorLength } from '../rules/pattern.js';
import { COMBINATION_FLAG, SLOTS, type ScoringTables } from './compile.js';

/** One finding as the scanner emits it; `phrase` is an index into tables.phrases, or -1. */
export interface RawFinding {
  kind: number;
  slot: number;
  family: number;
  start: number;
  length: number;
  points: number;
  phrase: number;
}

/** Where a walk writes each number's score (tenths) and bits, in numeric order. */
export interface ScanOutput {
  scores: Uint16Array;
  bits: Uint16Array;
}

const LAST = BODY_LENGTH - 1;
/** Undo entries (two ints each) for every finding the numbers on one path of the walk can have. */
const UNDO_SIZE = 4096;

/**
 * The one implementation of the rules over the seven digits after "400", for both paths.
 *
 * It walks numbers as a tree of digits, left to right: the state after each digit (run and
 * straight lengths, the last four digits, the phrase automaton's state, the saturated total)
 * is passed down, and family sums are restored from an undo log, so a whole segment costs one
 * digit step per number. The rule files say what counts (four-digit windows through a table
 * built from their classifiers); this walk says when a finding ends and adds its points.
 *
 * - fast path: `walk` over a range of digits, no log, nothing allocated;
 * - explain path: `scan` one number with a log that records every finding.
 */
export class Scanner {
  /** Bits of the number `scan` last read. */
  bits = 0;
  private readonly run: (from: Int8Array, to: Int8Array, out: ScanOutput, log: RawFinding[] | null) => void;
  private readonly one = { from: new Int8Array(BODY_LENGTH), out: { scores: new Uint16Array(1), bits: new Uint16Array(1) } };

  constructor(readonly tables: ScoringTables) {
    this.run = makeWalk(tables);
  }

  /** Scores every number whose body digit p lies in from[p] … to[p], in numeric order. */
  walk(from: Int8Array, to: Int8Array, out: ScanOutput): void {
    this.run(from, to, out, null);
  }

  /** Scores the seven digits after "400"; with a log, records every finding. Returns the score in tenths. */
  scan(body: string, log: RawFinding[] | null = null): number {
    const { from, out } = this.one;
    for (let p = 0; p < BODY_LENGTH; p++) from[p] = body.charCodeAt(p) - 48;
    this.run(from, from, out, log);
    this.bits = out.bits[0]!;
    return out.scores[0]!;
  }
}

function makeWalk(t: ScoringTables) {
  const { points, family, bits: pointBits, window4, phrasePoints, phraseFamily, phraseLength, saturation, saturationLength, scoreOf } = t;
  const { step, outputStart, outputs } = t.automaton;
  const satLast = saturationLength - 1;
  const scoreLast = scoreOf.length - 1;
  const sums = new Int32Array(FAMILY_COUNT);
  const undo = new Int32Array(UNDO_SIZE);
  const digits = new Int8Array(BODY_LENGTH);
  let top = 0;
  let total = 0;
  let bits = 0;
  let index = 0;
  let from: Int8Array = digits;
  let to: Int8Array = digits;
  let out: ScanOutput;
  let log: RawFinding[] | null = null;

  const add = (f: number, pts: number): void => {
    const before = sums[f]!;
    const after = before + pts;
    undo[top++] = f;
    undo[top++] = before;
    sums[f] = after;
    const base = f * saturationLength;
    total += saturation[base + (after < satLast ? after : satLast)]! - saturation[base + (before < satLast ? before : satLast)]!;
  };

  const emit = (kind: number, slot: number, start: number, length: number): void => {
    const i = (kind * SLOTS + slot) * BODY_LENGTH + start + length - 1;
    const pts = points[i]!;
    if (pts === 0) return;
    const f = family[kind * SLOTS + slot]!;
    add(f, pts);
    bits |= pointBits[i]!;
    if (log !== null) log.push({ kind, slot, family: f, start, length, points: pts, phrase: -1 });
  };

  const emitPhrase = (phrase: number, end: number): void => {
    const pts = phrasePoints[phrase * BODY_LENGTH + end]!;
    const f = phraseFamily[phrase]!;
    add(f, pts);
    bits |= 1 << f;
    if (log !== null) {
      const length = phraseLength[phrase]!;
      log.push({ kind: KIND.PHRASE, slot: length, family: f, start: end - length + 1, length, points: pts, phrase });
    }
  };

  // prev: digit p - 1; run/before: lengths of the last run and the one before it; up/wrapped/down:
  // straights ending at p - 1; w4: digits p - 4 … p - 1, 4 bits each; ac: phrase automaton state.
  const visit = (p: number, prev: number, run: number, before: number, up: number, wrapped: number, down: number, w4: number, ac: number): void => {
    const mark = top;
    const total0 = total;
    const bits0 = bits;
    const hi = to[p]!;
    // The six digits before p, read once (the loop writes digits[p]); before the number: distinct negatives.
    const x1 = p >= 1 ? digits[p - 1]! : -11;
    const x2 = p >= 2 ? digits[p - 2]! : -12;
    const x3 = p >= 3 ? digits[p - 3]! : -13;
    const x4 = p >= 4 ? digits[p - 4]! : -14;
    const x5 = p >= 5 ? digits[p - 5]! : -15;
    const x6 = p >= 6 ? digits[p - 6]! : -16;
    for (let d = from[p]!; d <= hi; d++) {
      while (top > mark) {
        top -= 2;
        sums[undo[top]!] = undo[top + 1]!;
      }
      total = total0;
      bits = bits0;
      digits[p] = d;

      let r = 1;
      let b = run;
      if (p > 0 && continuesRun(prev, d)) {
        r = run + 1;
        b = before;
      } else if (run >= MIN_RUN) emit(KIND.REPEAT, run, p - run, run);

      let u: number;
      let uw = 0;
      if (p > 0 && continuesUp(prev, d, wrapped === 1)) {
        u = up + 1;
        uw = prev === 9 ? 1 : 0;
      } else {
        if (up >= MIN_STRAIGHT) emit(KIND.SEQUENCE_UP, up, p - up, up);
        u = p > 0 ? upRestart(prev, d) : 1;
      }
      let dn = 1;
      if (p > 0 && continuesDown(prev, d)) dn = down + 1;
      else if (down >= MIN_STRAIGHT) emit(KIND.SEQUENCE_DOWN, down, p - down, down);

      const w = ((w4 << 4) | d) & 0xffff;
      if (p >= 3) {
        const cls = window4[w]!;
        if (cls !== 0) {
          if ((cls & 0xff) !== 0) emit(cls & 0xff, 4, p - 3, 4);
          if ((cls & COMBINATION_FLAG) !== 0) emit(KIND.COMBINATION, 4, p - 3, 4);
        }
        const k6 = classifyWindow6(x5, x4, x3, x2, x1, d);
        if (k6 !== 0) emit(k6, 6, p - 5, 6);
        const m = mirrorLength(x6, x5, x4, x3, x2, x1, d);
        if (m !== 0) emit(KIND.MIRROR, m, p - m + 1, m);
      }

      emit(KIND.DIGIT, d, p, 1);

      const a = step[ac * 10 + d]!;
      for (let i = outputStart[a]!, end = outputStart[a + 1]!; i < end; i++) emitPhrase(outputs[i]!, p);

      if (p < LAST) {
        visit(p + 1, d, r, b, u, uw, dn, w, a);
        continue;
      }
      // The number ends here: close what runs to its last digit.
      if (r >= MIN_RUN) emit(KIND.REPEAT, r, BODY_LENGTH - r, r);
      if (u >= MIN_STRAIGHT) emit(KIND.SEQUENCE_UP, u, BODY_LENGTH - u, u);
      if (dn >= MIN_STRAIGHT) emit(KIND.SEQUENCE_DOWN, dn, BODY_LENGTH - dn, dn);
      if (isTrail(b, r)) emit(KIND.TRAIL, b + r, BODY_LENGTH - b - r, b + r);
      const score = total <= 0 ? 0 : scoreOf[total < scoreLast ? total : scoreLast]!;
      out.scores[index] = score;
      out.bits[index] = bits;
      index++;
    }
  };

  return (lo: Int8Array, hi: Int8Array, target: ScanOutput, findings: RawFinding[] | null): void => {
    from = lo;
    to = hi;
    out = target;
    log = findings;
    index = 0;
    top = 0;
    total = 0;
    bits = 0;
    sums.fill(0);
    visit(0, -9, 0, 0, 0, 0, 0, 0, 0);
  };
}
