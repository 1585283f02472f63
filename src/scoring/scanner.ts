import { FAMILY_COUNT } from '../rules/families.js';
import { BODY_LENGTH, KIND } from '../rules/kinds.js';
import { MIN_RUN, continuesRun } from '../rules/repeat.js';
import { MIN_STRAIGHT, continuesDown, continuesUp, upRestart } from '../rules/sequence.js';
import { classifyWindow6, isTrail, mirrorEnds, mirrorLength, window6Ends } from '../rules/pattern.js';
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
// Kinds as plain constants: the walk's rarely taken branches then read no object property, so
// the optimizing compiler needs no feedback for them and does not drop its code when one is taken.
const { REPEAT, SEQUENCE_UP, SEQUENCE_DOWN, MIRROR, TRAIL, COMBINATION, DIGIT, PHRASE } = KIND;
/** Cells before the first digit: the longest window (a seven-digit mirror) looks six digits back. */
const BEFORE = 6;
/** Index of the lowest set bit of a non-zero mask (0 - mask, not -mask: negating 0 would make a -0 double). */
function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & (0 - mask));
}

/** Index of the last-digit scratch slot that stands for every digit carrying nothing on and ending the common window class. */
const OTHER = 10;
/** Row length of the last-digit tables by run or straight length (0 … BODY_LENGTH). */
const RUN_ROW = 8;
/** Undo entries (two ints each) for every finding the numbers on one path of the walk can have. */
const UNDO_SIZE = 4096;

/**
 * The one implementation of the rules over the seven digits after "400", for both paths.
 *
 * It walks numbers as a tree of digits, left to right: the state after each digit (run and
 * straight lengths, the last four digits, the phrase automaton's state, the saturated total)
 * is passed down, and family sums are restored from an undo log. The rule files say what counts
 * (four-digit windows through a table built from their classifiers); this walk says when a
 * finding ends and adds its points. The last digit is scored for all ten values at once from
 * tables built from the same rules and points (see `last`), so a whole segment costs one digit
 * step per ten numbers.
 *
 * - fast path: `walk` over a range of digits, no log, nothing allocated;
 * - explain path: `scan` one number with a log that records every finding; it reads the last
 *   digit step by step, so the property tests that compare the paths check the look-up too.
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

// The walk's changing numbers live in one Int32Array that its closures share (no boxed variables).
/** Undo entries in use. */
const TOP = 0;
/** Saturated total of the findings so far (tenths). */
const TOTAL = 1;
/** Family bits and shape flags of the findings so far. */
const BITS = 2;
/** Output slot of the next number. */
const INDEX = 3;
/** After readShape: the last run, the run before it, the up-straight (and whether it went 9 → 0), the down-straight. */
const RUN = 4;
const RUN_BEFORE = 5;
const UP = 6;
const WRAPPED = 7;
const DOWN = 8;
/** 1 while a log records findings. */
const LOGGING = 9;

function makeWalk(t: ScoringTables) {
  const { points, family, bits: pointBits, window4, phrasePoints, phraseFamily, phraseLength, saturation, saturationLength, scoreOf } = t;
  const { step, outputStart, outputs } = t.automaton;
  const satLast = saturationLength - 1;
  const scoreLast = scoreOf.length - 1;
  const reg = new Int32Array(10);
  const sums = new Int32Array(FAMILY_COUNT);
  const undo = new Int32Array(UNDO_SIZE);
  // Digits read so far at BEFORE + p; the six cells before the number hold distinct negatives.
  const cells = Int8Array.from({ length: BEFORE + BODY_LENGTH }, (_, i) => (i < BEFORE ? i - BEFORE - 10 : 0));
  const L = lastDigitTables(t);
  const { runEnds, upEnds, downEnds, restartEnds, window4Ends, otherWindow, windowPattern, windowCombination, windowBits } = L;
  const { onRepeat, offRepeat, onTrail, offTrail, onRunBits, offRunBits, onUp, offUp, onDown, offDown, onUpBits, offUpBits, onDownBits, offDownBits } = L;
  const { ownFamily, ownPoints, ownBits, endStart, endFamily, endPoints, endBits, phraseEnds, foundBits } = L;
  const repeatBase = L.repeatFamily * saturationLength;
  const sequenceBase = L.sequenceFamily * saturationLength;
  const patternBase = L.patternFamily * saturationLength;
  const combinationBase = L.combinationFamily * saturationLength;
  // Per parent: what the up- and down-straights add for a last digit carrying on neither (0), the down one (1), the up one (2), and the bits.
  const straightGain = new Int32Array(4);
  const straightBits = new Int32Array(4);
  // Per last digit (and OTHER): what its shapes add to the total, and the bits with them; what its own points add.
  const lastShape = new Int32Array(OTHER + 1);
  const lastShapeBits = new Int32Array(OTHER + 1);
  const ownGain = new Int32Array(10);
  // Per last digit that ends a six-digit window or a mirror (see sixEnds): its pattern points and bits.
  const sixPoints = new Int32Array(OTHER + 1);
  const sixBits = new Int32Array(OTHER + 1);
  const scoredDigits = Int32Array.from({ length: 10 }, (_, d) => d).filter((d) => L.ownPoints[d] !== 0);

  let from: Int8Array = cells;
  let to: Int8Array = cells;
  let scoresOut: Uint16Array = new Uint16Array(0);
  let bitsOut: Uint16Array = new Uint16Array(0);
  let log: RawFinding[] = [];

  /** Saturated value of `sum` points in the family whose curve starts at `base`. */
  const sat = (base: number, sum: number): number => saturation[base + (sum < satLast ? sum : satLast)]!;

  const restore = (mark: number, total: number, bits: number): void => {
    let top = reg[TOP]!;
    while (top > mark) {
      top -= 2;
      sums[undo[top]!] = undo[top + 1]!;
    }
    reg[TOP] = top;
    reg[TOTAL] = total;
    reg[BITS] = bits;
  };

  const add = (f: number, pts: number): void => {
    const top = reg[TOP]!;
    const before = sums[f]!;
    const after = before + pts;
    undo[top] = f;
    undo[top + 1] = before;
    reg[TOP] = top + 2;
    sums[f] = after;
    const base = f * saturationLength;
    reg[TOTAL] = reg[TOTAL]! + sat(base, after) - sat(base, before);
  };

  const emit = (kind: number, slot: number, start: number, length: number): void => {
    const i = (kind * SLOTS + slot) * BODY_LENGTH + start + length - 1;
    const pts = points[i]!;
    if (pts === 0) return;
    const f = family[kind * SLOTS + slot]!;
    add(f, pts);
    reg[BITS] = reg[BITS]! | pointBits[i]!;
    if (reg[LOGGING] === 1) log.push({ kind, slot, family: f, start, length, points: pts, phrase: -1 });
  };

  const emitPhrase = (phrase: number, end: number): void => {
    const pts = phrasePoints[phrase * BODY_LENGTH + end]!;
    const f = phraseFamily[phrase]!;
    add(f, pts);
    reg[BITS] = reg[BITS]! | (1 << f);
    if (reg[LOGGING] === 1) {
      const length = phraseLength[phrase]!;
      log.push({ kind: PHRASE, slot: length, family: f, start: end - length + 1, length, points: pts, phrase });
    }
  };

  /**
   * Reads digit d at p for the shapes: emits the runs and straights it ends and the windows
   * ending at it; sets RUN … DOWN. prev: digit p - 1; run/before: lengths of the last run and
   * the one before it; up/wrapped/down: straights ending at p - 1; w: digits p - 3 … p, 4 bits each.
   */
  const readShape = (p: number, d: number, prev: number, run: number, before: number, up: number, wrapped: number, down: number, w: number): void => {
    if (p > 0 && continuesRun(prev, d)) {
      reg[RUN] = run + 1;
      reg[RUN_BEFORE] = before;
    } else {
      if (run >= MIN_RUN) emit(REPEAT, run, p - run, run);
      reg[RUN] = 1;
      reg[RUN_BEFORE] = run;
    }
    if (p > 0 && continuesUp(prev, d, wrapped === 1)) {
      reg[UP] = up + 1;
      reg[WRAPPED] = prev === 9 ? 1 : 0;
    } else {
      if (up >= MIN_STRAIGHT) emit(SEQUENCE_UP, up, p - up, up);
      reg[UP] = p > 0 ? upRestart(prev, d) : 1;
      reg[WRAPPED] = 0;
    }
    if (p > 0 && continuesDown(prev, d)) reg[DOWN] = down + 1;
    else {
      if (down >= MIN_STRAIGHT) emit(SEQUENCE_DOWN, down, p - down, down);
      reg[DOWN] = 1;
    }
    if (p >= 3) {
      const cls = window4[w]!;
      if (cls !== 0) {
        if ((cls & 0xff) !== 0) emit(cls & 0xff, 4, p - 3, 4);
        if ((cls & COMBINATION_FLAG) !== 0) emit(COMBINATION, 4, p - 3, 4);
      }
      const at = BEFORE + p;
      const x1 = cells[at - 1]!;
      const x2 = cells[at - 2]!;
      const x3 = cells[at - 3]!;
      const x4 = cells[at - 4]!;
      const x5 = cells[at - 5]!;
      const k6 = classifyWindow6(x5, x4, x3, x2, x1, d);
      if (k6 !== 0) emit(k6, 6, p - 5, 6);
      const m = mirrorLength(cells[at - 6]!, x5, x4, x3, x2, x1, d);
      if (m !== 0) emit(MIRROR, m, p - m + 1, m);
    }
  };

  /** Reads digit d at p for its own points and the phrases ending at it; returns the automaton state after it. */
  const readSound = (p: number, d: number, ac: number): number => {
    emit(DIGIT, d, p, 1);
    const a = step[ac * 10 + d]!;
    for (let i = outputStart[a]!, end = outputStart[a + 1]!; i < end; i++) emitPhrase(outputs[i]!, p);
    return a;
  };

  /** The number ends after the digit readShape read: close what runs to its last digit. */
  const closeEnd = (): void => {
    const run = reg[RUN]!;
    const before = reg[RUN_BEFORE]!;
    const up = reg[UP]!;
    const down = reg[DOWN]!;
    if (run >= MIN_RUN) emit(REPEAT, run, BODY_LENGTH - run, run);
    if (up >= MIN_STRAIGHT) emit(SEQUENCE_UP, up, BODY_LENGTH - up, up);
    if (down >= MIN_STRAIGHT) emit(SEQUENCE_DOWN, down, BODY_LENGTH - down, down);
    if (isTrail(before, run)) emit(TRAIL, before + run, BODY_LENGTH - before - run, before + run);
  };

  // ac: phrase automaton state after digit p - 1; w4: digits p - 4 … p - 1, 4 bits each.
  const visit = (p: number, prev: number, run: number, before: number, up: number, wrapped: number, down: number, w4: number, ac: number): void => {
    const mark = reg[TOP]!;
    const total = reg[TOTAL]!;
    const bits = reg[BITS]!;
    const hi = to[p]!;
    for (let d = from[p]!; d <= hi; d++) {
      restore(mark, total, bits);
      cells[BEFORE + p] = d;
      const w = ((w4 << 4) | d) & 0xffff;
      readShape(p, d, prev, run, before, up, wrapped, down, w);
      const a = readSound(p, d, ac);
      if (p + 1 === LAST) last(d, w, a, sixEnds(d));
      else visit(p + 1, d, reg[RUN]!, reg[RUN_BEFORE]!, reg[UP]!, reg[WRAPPED]!, reg[DOWN]!, w, a);
    }
  };

  /**
   * The last digits that end a six-digit window or a mirror after the parent's digits (x1 its
   * last), as bits; their pattern points and bits go to sixPoints/sixBits. Kept out of `last`, so
   * the classifiers' rarely taken branches cannot make the compiler drop the code of `last`.
   */
  const sixEnds = (x1: number): number => {
    const at = BEFORE + LAST;
    const x2 = cells[at - 2]!;
    const x3 = cells[at - 3]!;
    const x4 = cells[at - 4]!;
    const x5 = cells[at - 5]!;
    const x6 = cells[at - 6]!;
    const six = window6Ends(x5, x4, x3, x2, x1) | mirrorEnds(x6, x5, x4, x3, x2, x1);
    for (let todo = six; todo !== 0; todo &= todo - 1) {
      const d = lowestBit(todo);
      const k6 = classifyWindow6(x5, x4, x3, x2, x1, d);
      const m = mirrorLength(x6, x5, x4, x3, x2, x1, d);
      const i6 = (k6 * SLOTS + 6) * BODY_LENGTH + LAST;
      const im = (MIRROR * SLOTS + m) * BODY_LENGTH + LAST;
      sixPoints[d] = (k6 !== 0 ? points[i6]! : 0) + (m !== 0 ? points[im]! : 0);
      sixBits[d] = (k6 !== 0 ? foundBits[i6]! : 0) | (m !== 0 ? foundBits[im]! : 0);
    }
    return six;
  };

  /**
   * The last digits lo … hi, all at once, after the parent's digit prev (its runs and straights in
   * reg, as readShape left them): what readShape and closeEnd would find is looked up. A digit's
   * shapes depend on whether it carries the run, the up- or the down-straight on (each then goes on
   * to the end, or else closes before it), on the class of the four-digit window it ends and on a
   * six-digit window or mirror it may end: most digits do none of this and share one window class
   * (OTHER), so their shape gain is found once and only the few others' one by one. Then each
   * digit's own points and the phrases it ends. Shapes and sounds, and the shape kinds among
   * themselves, count in separate families, so each family's gain is looked up on its own. With a
   * log (or tables the look-up does not fit, or an up-straight restarting long enough to count)
   * digits are read step by step, findings in reading order.
   */
  const last = (prev: number, w4: number, ac: number, six: number): void => {
    const run = reg[RUN]!;
    const before = reg[RUN_BEFORE]!;
    const up = reg[UP]!;
    const wrapped = reg[WRAPPED]!;
    const down = reg[DOWN]!;
    const lo = from[LAST]!;
    const hi = to[LAST]!;
    const first = reg[INDEX]! - lo;
    reg[INDEX] = first + hi + 1;
    const mark = reg[TOP]!;
    const total = reg[TOTAL]!;
    const bits = reg[BITS]!;
    const scores = scoresOut;
    const bitsOf = bitsOut;
    const range = (2 << hi) - (1 << lo);
    let full = range;
    if (reg[LOGGING] === 0 && L.usable) {
      // The run: carried on to the end, or closed before the last digit.
      const sRepeat = sums[L.repeatFamily]!;
      const rOn = sRepeat + onRepeat[run]!;
      const rOff = sRepeat + offRepeat[run]!;
      const r0 = saturation[repeatBase + (sRepeat < satLast ? sRepeat : satLast)]!;
      const runGainOn = saturation[repeatBase + (rOn < satLast ? rOn : satLast)]! - r0;
      const runGainOff = saturation[repeatBase + (rOff < satLast ? rOff : satLast)]! - r0;
      const trailOn = onTrail[before * RUN_ROW + run]!;
      const trailOff = offTrail[run]!;
      const runBitsOn = bits | onRunBits[before * RUN_ROW + run]!;
      const runBitsOff = bits | offRunBits[run]!;
      // The straights: up and down both count as sequence; a digit carries on neither (0), the down one (1) or the up one (2).
      // Shorter straights neither close nor grow into one: then no digit gains by them.
      const straights = up + 1 >= MIN_STRAIGHT || down + 1 >= MIN_STRAIGHT ? 4 : 0;
      const sSequence = sums[L.sequenceFamily]!;
      const q0 = straights === 0 ? 0 : saturation[sequenceBase + (sSequence < satLast ? sSequence : satLast)]!;
      straightGain[0] = 0;
      straightBits[0] = 0;
      for (let k = 0; k < straights; k++) {
        const q = sSequence + ((k & 2) !== 0 ? onUp[up]! : offUp[up]!) + ((k & 1) !== 0 ? onDown[down]! : offDown[down]!);
        straightGain[k] = saturation[sequenceBase + (q < satLast ? q : satLast)]! - q0;
        straightBits[k] = ((k & 2) !== 0 ? onUpBits[up]! : offUpBits[up]!) | ((k & 1) !== 0 ? onDownBits[down]! : offDownBits[down]!);
      }
      const sPattern = sums[L.patternFamily]!;
      const p0 = saturation[patternBase + (sPattern < satLast ? sPattern : satLast)]!;
      const sCombination = sums[L.combinationFamily]!;
      const c1 = sCombination + L.combinationPoints;
      const combinationGain =
        saturation[combinationBase + (c1 < satLast ? c1 : satLast)]! - saturation[combinationBase + (sCombination < satLast ? sCombination : satLast)]!;
      const runOn = runEnds[prev]!;
      const upOn = straights === 4 ? upEnds[prev * 2 + wrapped]! : 0;
      const downOn = straights === 4 ? downEnds[prev]! : 0;
      const window = (w4 << 4) & 0xfff0;
      const own = runOn | upOn | downOn | window4Ends[window >> 4]! | six;
      // Shapes: bit OTHER for the digits that carry nothing on and end the common window class.
      for (let todo = (own & range) | ((range & ~own) !== 0 ? 1 << OTHER : 0); todo !== 0; todo &= todo - 1) {
        const d = lowestBit(todo);
        const carries = (runOn >> d) & 1;
        const straight = (((upOn >> d) & 1) << 1) | ((downOn >> d) & 1);
        const cls = d === OTHER ? otherWindow[window >> 4]! : window4[window | d]!;
        const ends6 = (six << (31 - d)) >> 31; // all ones when d ends a six-digit window or a mirror
        const sp = (sPattern + (carries !== 0 ? trailOn : trailOff) + windowPattern[cls]! + (sixPoints[d]! & ends6)) | 0;
        lastShape[d] =
          (carries !== 0 ? runGainOn : runGainOff) +
          straightGain[straight]! +
          saturation[patternBase + (sp < satLast ? sp : satLast)]! -
          p0 +
          (windowCombination[cls] !== 0 ? combinationGain : 0);
        lastShapeBits[d] = (carries !== 0 ? runBitsOn : runBitsOff) | straightBits[straight]! | windowBits[cls]! | (sixBits[d]! & ends6);
      }
      // A digit's own points: only the scored digits gain, each once.
      for (let i = 0; i < scoredDigits.length; i++) {
        const d = scoredDigits[i]!;
        if (((range >> d) & 1) === 0) continue;
        const f = ownFamily[d]!;
        const s = sums[f]!;
        const sd = s + ownPoints[d]!;
        ownGain[d] = saturation[f * saturationLength + (sd < satLast ? sd : satLast)]! - saturation[f * saturationLength + (s < satLast ? s : satLast)]!;
      }
      const otherShape = lastShape[OTHER]!;
      const otherBits = lastShapeBits[OTHER]!;
      for (let d = lo; d <= hi; d++) {
        const m = (own << (31 - d)) >> 31; // all ones when d has a shape of its own
        const sum = (total + ((lastShape[d]! & m) | (otherShape & ~m)) + ownGain[d]!) | 0;
        scores[first + d] = sum <= 0 ? 0 : scoreOf[sum < scoreLast ? sum : scoreLast]!;
        bitsOf[first + d] = (lastShapeBits[d]! & m) | (otherBits & ~m) | ownBits[d]!;
      }
      // The phrases ending at the last digit, family by family (one may be that of the digit's own points).
      const row = ac * 10;
      for (let todo = phraseEnds[ac]! & range; todo !== 0; todo &= todo - 1) {
        const d = lowestBit(todo);
        const a = step[row + d]!;
        const f = ownFamily[d]!;
        let sum = total + ownGain[d]!;
        let k = endStart[a]!;
        const end = endStart[a + 1]!;
        do {
          // A phrase ends after d, so state a has at least one family entry.
          const g = endFamily[k]!;
          const e = sums[g]! + (g === f ? ownPoints[d]! : 0);
          const eu = e + endPoints[k]!;
          sum += saturation[g * saturationLength + (eu < satLast ? eu : satLast)]! - saturation[g * saturationLength + (e < satLast ? e : satLast)]!;
        } while (++k < end);
        const m = (own << (31 - d)) >> 31; // all ones when d has a shape of its own
        sum = (sum + ((lastShape[d]! & m) | (otherShape & ~m))) | 0;
        scores[first + d] = sum <= 0 ? 0 : scoreOf[sum < scoreLast ? sum : scoreLast]!;
        bitsOf[first + d] = (lastShapeBits[d]! & m) | (otherBits & ~m) | ownBits[d]! | endBits[a]!;
      }
      full &= restartEnds[prev]!;
    }
    while (full !== 0) {
      const d = lowestBit(full);
      full &= full - 1;
      restore(mark, total, bits);
      readShape(LAST, d, prev, run, before, up, wrapped, down, ((w4 << 4) | d) & 0xffff);
      readSound(LAST, d, ac);
      closeEnd();
      write(first + d, reg[TOTAL]!, reg[BITS]!);
    }
  };

  const write = (slot: number, total: number, bits: number): void => {
    scoresOut[slot] = total <= 0 ? 0 : scoreOf[total < scoreLast ? total : scoreLast]!;
    bitsOut[slot] = bits;
  };

  return (lo: Int8Array, hi: Int8Array, target: ScanOutput, findings: RawFinding[] | null): void => {
    from = lo;
    to = hi;
    scoresOut = target.scores;
    bitsOut = target.bits;
    log = findings ?? [];
    reg.fill(0);
    reg[LOGGING] = findings === null ? 0 : 1;
    sums.fill(0);
    visit(0, -9, 0, 0, 0, 0, 0, 0, 0);
  };
}

/**
 * What the walk looks up for the last digit. Built from the compiled tables and the rule
 * functions; `usable` is false when the families do not fall apart as the look-up assumes (then
 * every last digit is read in full).
 */
function lastDigitTables(t: ScoringTables) {
  const { points, family, bits, window4, phrasePoints, phraseFamily } = t;
  const { step, outputStart, outputs } = t.automaton;

  // Digits that carry the run / the up-straight (by whether it went 9 → 0) / the down-straight on,
  // and after which an up-straight restarts long enough to count, by the digit before.
  const runEnds = new Int16Array(10);
  const upEnds = new Int16Array(20);
  const downEnds = new Int16Array(10);
  const restartEnds = new Int16Array(10);
  for (let prev = 0; prev < 10; prev++) {
    for (let d = 0; d < 10; d++) {
      if (continuesRun(prev, d)) runEnds[prev]! |= 1 << d;
      if (continuesDown(prev, d)) downEnds[prev]! |= 1 << d;
      for (let w = 0; w < 2; w++) if (continuesUp(prev, d, w === 1)) upEnds[prev * 2 + w]! |= 1 << d;
      if (upRestart(prev, d) >= MIN_STRAIGHT) restartEnds[prev]! |= 1 << d;
    }
  }
  // Bits a finding adds: none when it has no points, as emit skips it.
  const foundBits = Int32Array.from(points, (p, i) => (p === 0 ? 0 : bits[i]!));
  const pointsAt = (kind: number, slot: number, end: number) => points[(kind * SLOTS + slot) * BODY_LENGTH + end]!;
  const bitsAt = (kind: number, slot: number, end: number) => foundBits[(kind * SLOTS + slot) * BODY_LENGTH + end]!;

  // What readShape and closeEnd find at the last digit for the run and the straights before it
  // (lengths up to 7), when the digit carries them on (on…) or not (off…): points and bits.
  // The run: repeat points; the trail (N拖M) it may end: pattern points, by run before * RUN_ROW + run.
  const onRepeat = new Int32Array(RUN_ROW);
  const offRepeat = new Int32Array(RUN_ROW);
  const offTrail = new Int32Array(RUN_ROW);
  const offRunBits = new Int32Array(RUN_ROW);
  const onTrail = new Int32Array(RUN_ROW * RUN_ROW);
  const onRunBits = new Int32Array(RUN_ROW * RUN_ROW);
  const onUp = new Int32Array(RUN_ROW);
  const offUp = new Int32Array(RUN_ROW);
  const onDown = new Int32Array(RUN_ROW);
  const offDown = new Int32Array(RUN_ROW);
  const onUpBits = new Int32Array(RUN_ROW);
  const offUpBits = new Int32Array(RUN_ROW);
  const onDownBits = new Int32Array(RUN_ROW);
  const offDownBits = new Int32Array(RUN_ROW);
  for (let n = 0; n < BODY_LENGTH; n++) {
    // Carried on: the run or straight of n + 1 ends the number. Not: the one of n closes before it, and one of 1 ends it.
    if (n + 1 >= MIN_RUN) onRepeat[n] = pointsAt(KIND.REPEAT, n + 1, LAST);
    if (n >= MIN_RUN) offRepeat[n] = pointsAt(KIND.REPEAT, n, LAST - 1);
    if (1 >= MIN_RUN) offRepeat[n]! += pointsAt(KIND.REPEAT, 1, LAST);
    offRunBits[n] = (n >= MIN_RUN ? bitsAt(KIND.REPEAT, n, LAST - 1) : 0) | (1 >= MIN_RUN ? bitsAt(KIND.REPEAT, 1, LAST) : 0);
    if (isTrail(n, 1)) {
      offTrail[n] = pointsAt(KIND.TRAIL, n + 1, LAST);
      offRunBits[n]! |= bitsAt(KIND.TRAIL, n + 1, LAST);
    }
    for (let b = 0; b + n < BODY_LENGTH; b++) {
      onRunBits[b * RUN_ROW + n] = n + 1 >= MIN_RUN ? bitsAt(KIND.REPEAT, n + 1, LAST) : 0;
      if (isTrail(b, n + 1)) {
        onTrail[b * RUN_ROW + n] = pointsAt(KIND.TRAIL, b + n + 1, LAST);
        onRunBits[b * RUN_ROW + n]! |= bitsAt(KIND.TRAIL, b + n + 1, LAST);
      }
    }
    if (n + 1 >= MIN_STRAIGHT) {
      onUp[n] = pointsAt(KIND.SEQUENCE_UP, n + 1, LAST);
      onUpBits[n] = bitsAt(KIND.SEQUENCE_UP, n + 1, LAST);
      onDown[n] = pointsAt(KIND.SEQUENCE_DOWN, n + 1, LAST);
      onDownBits[n] = bitsAt(KIND.SEQUENCE_DOWN, n + 1, LAST);
    }
    if (n >= MIN_STRAIGHT) {
      offUp[n] = pointsAt(KIND.SEQUENCE_UP, n, LAST - 1);
      offUpBits[n] = bitsAt(KIND.SEQUENCE_UP, n, LAST - 1);
      offDown[n] = pointsAt(KIND.SEQUENCE_DOWN, n, LAST - 1);
      offDownBits[n] = bitsAt(KIND.SEQUENCE_DOWN, n, LAST - 1);
    }
    // A down-straight not carried on restarts at 1 (an up one as upRestart says: restartEnds).
    if (1 >= MIN_STRAIGHT) {
      offDown[n]! += pointsAt(KIND.SEQUENCE_DOWN, 1, LAST);
      offDownBits[n]! |= bitsAt(KIND.SEQUENCE_DOWN, 1, LAST);
    }
  }

  // The family each group of shape kinds counts in (any when the profile scores none of them, as
  // their points are then 0; -1 when they count in more than one), and the sound families.
  const familiesOf = (kinds: readonly number[]) => {
    const found = new Set<number>();
    for (const kind of kinds) for (let slot = 0; slot < SLOTS; slot++) if (family[kind * SLOTS + slot]! >= 0) found.add(family[kind * SLOTS + slot]!);
    return found;
  };
  // An index loop over a byte table: this runs once per profile, before the compiler has seen it, and
  // iterating the 65,536 windows with for…of and a Set took milliseconds there.
  const kindSeen = new Uint8Array(256);
  for (let i = 0; i < window4.length; i++) kindSeen[window4[i]! & 0xff] = 1;
  const windowKinds: number[] = [];
  for (let kind = 1; kind < 256; kind++) if (kindSeen[kind] === 1) windowKinds.push(kind);
  const groups = [
    familiesOf([KIND.REPEAT]),
    familiesOf([KIND.SEQUENCE_UP, KIND.SEQUENCE_DOWN]),
    familiesOf([KIND.TRAIL, KIND.MIRROR, KIND.ABCABC, KIND.AAABBB, KIND.AABBCC, ...windowKinds]),
    familiesOf([KIND.COMBINATION]),
  ];
  const familyOf = (found: Set<number>): number => (found.size === 1 ? [...found][0]! : 0);
  const repeatFamily = familyOf(groups[0]!);
  const sequenceFamily = familyOf(groups[1]!);
  const patternFamily = familyOf(groups[2]!);
  const combinationFamily = familyOf(groups[3]!);
  const sound = new Set<number>(phraseFamily);
  for (let d = 0; d < 10; d++) if (family[KIND.DIGIT * SLOTS + d]! >= 0) sound.add(family[KIND.DIGIT * SLOTS + d]!);
  const scored = groups.filter((found) => found.size > 0).map((found) => [...found][0]!);
  const usable = groups.every((found) => found.size <= 1) && scored.every((f) => !sound.has(f)) && new Set(scored).size === scored.length;

  // The four-digit window ending the number, by its window4 value: pattern points, combination or not, bits.
  const combinationPoints = pointsAt(KIND.COMBINATION, 4, LAST);
  const windowPattern = new Int32Array(COMBINATION_FLAG * 2);
  const windowCombination = new Uint8Array(COMBINATION_FLAG * 2);
  const windowBits = new Int32Array(COMBINATION_FLAG * 2);
  for (let cls = 0; cls < windowPattern.length; cls++) {
    const kind = cls & 0xff;
    if (kind !== 0) {
      windowPattern[cls] = pointsAt(kind, 4, LAST);
      windowBits[cls] = bitsAt(kind, 4, LAST);
    }
    if ((cls & COMBINATION_FLAG) !== 0) {
      windowCombination[cls] = 1;
      windowBits[cls]! |= bitsAt(KIND.COMBINATION, 4, LAST);
    }
  }

  // By the three digits before (4 bits each): the class of the window ended by a digit equal to none
  // of them (OTHER), and the digits whose window is of another class.
  const otherWindow = new Int16Array(1 << 12);
  const window4Ends = new Int16Array(1 << 12);
  for (let a = 0; a < 10; a++) {
    for (let b = 0; b < 10; b++) {
      for (let c = 0; c < 10; c++) {
        const abc = (a << 8) | (b << 4) | c;
        let other = 0;
        while (other === a || other === b || other === c) other++;
        otherWindow[abc] = window4[(abc << 4) | other]!;
        for (let d = 0; d < 10; d++) if (window4[(abc << 4) | d] !== otherWindow[abc]) window4Ends[abc]! |= 1 << d;
      }
    }
  }

  // A last digit's own points: family (0 when it has none, so adding 0 changes nothing), points, bits.
  const ownFamily = new Int32Array(10);
  const ownPoints = new Int32Array(10);
  const ownBits = new Int32Array(10);
  for (let d = 0; d < 10; d++) {
    ownPoints[d] = pointsAt(KIND.DIGIT, d, LAST);
    ownFamily[d] = ownPoints[d] === 0 ? 0 : family[KIND.DIGIT * SLOTS + d]!;
    ownBits[d] = bitsAt(KIND.DIGIT, d, LAST);
  }
  // The phrases ending at the last digit, by automaton state a: their points summed per family
  // (entries endStart[a] … endStart[a + 1] of endFamily/endPoints) and their family bits.
  const states = outputStart.length - 1;
  const endStart = new Int32Array(states + 1);
  const endFamilies: number[] = [];
  const endPointsList: number[] = [];
  const endBits = new Int32Array(states);
  for (let a = 0; a < states; a++) {
    endStart[a] = endFamilies.length;
    for (let i = outputStart[a]!; i < outputStart[a + 1]!; i++) {
      const f = phraseFamily[outputs[i]!]!;
      let k = endFamilies.indexOf(f, endStart[a]);
      if (k < 0) {
        k = endFamilies.length;
        endFamilies.push(f);
        endPointsList.push(0);
      }
      endPointsList[k]! += phrasePoints[outputs[i]! * BODY_LENGTH + LAST]!;
      endBits[a]! |= 1 << f;
    }
  }
  endStart[states] = endFamilies.length;
  const endFamily = Int32Array.from(endFamilies);
  const endPoints = Int32Array.from(endPointsList);
  // By the state before: the digits after which phrases end.
  const phraseEnds = new Int16Array(states);
  for (let a = 0; a < states; a++) {
    for (let d = 0; d < 10; d++) if (outputStart[step[a * 10 + d]!] !== outputStart[step[a * 10 + d]! + 1]) phraseEnds[a]! |= 1 << d;
  }

  return {
    usable,
    onRepeat,
    offRepeat,
    onTrail,
    offTrail,
    onRunBits,
    offRunBits,
    onUp,
    offUp,
    onDown,
    offDown,
    onUpBits,
    offUpBits,
    onDownBits,
    offDownBits,
    runEnds,
    upEnds,
    downEnds,
    restartEnds,
    repeatFamily,
    sequenceFamily,
    patternFamily,
    combinationFamily,
    combinationPoints,
    windowPattern,
    windowCombination,
    windowBits,
    ownFamily,
    ownPoints,
    ownBits,
    endStart,
    endFamily,
    endPoints,
    endBits,
    phraseEnds,
    foundBits,
    window4Ends,
    otherWindow,
  };
}
