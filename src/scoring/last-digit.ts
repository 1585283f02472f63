import { familyIndex } from '../rules/families.js';
import { BODY_LENGTH, CHOSEN_START, KIND, LAST } from '../rules/kinds.js';
import { isCombination } from '../rules/combination.js';
import { PATTERN_LENGTH_BITS, classifyWindow6, mirrorLength, tailPattern } from '../rules/pattern.js';
import { READINGS, READING_SLOT, SLOTS, type ScoringTables } from './compile.js';

// The families of the shapes closed at the last digit, and of the clever combination (points index kind, length and end).
const REPEAT = familyIndex('repeat');
const SEQUENCE = familyIndex('sequence');
const PATTERN = familyIndex('pattern');
const COMBINATION = familyIndex('combination');

/** Index into the points table of a pattern as tailPattern returns it (0, which scores nothing, for none). */
function patternIndex(pattern: number): number {
  return pattern === 0 ? 0 : ((pattern >> PATTERN_LENGTH_BITS) * SLOTS + (pattern & ((1 << PATTERN_LENGTH_BITS) - 1))) * BODY_LENGTH + LAST;
}

/** The length of a pattern as tailPattern returns it. */
function patternLength(pattern: number): number {
  return pattern & ((1 << PATTERN_LENGTH_BITS) - 1);
}

/** The saturated value of `sum` points in family f (as compile's `saturated`, on the arrays themselves). */
function sat(saturation: Int32Array, length: number, f: number, sum: number): number {
  return saturation[f * length + (sum < length - 1 ? sum : length - 1)]!;
}
import type { ScanOutput, ScanResult, WalkState } from './scanner.js';

/**
 * The last digit of a number, for all ten values at once: the fast path's look-up.
 *
 * `score(out, index)` writes into `out.scores` / `out.bits` at `index … index + 9` the scores and bits
 * of the ten numbers that the walk's first six digits (state 6 of `state`) begin, exactly as
 * `readInFull(d)` — reading digit d at the last position and finishing the number — gives them.
 *
 * Most last digits carry no shape on: no run, straight, alternation, mirror or six-digit pattern ends
 * with them. Those all close the same shapes (the runs and straights that end before the last digit)
 * and differ only in the readings they end (a phrase, or the digit read on its own as lucky or unlucky)
 * and in whether the last four digits are a clever combination: they are scored from one shared base
 * (`other`) plus those. The digit equal to the one before carries the run on (a pair at the end, N拖M,
 * AABB, AAABBB, AABBCC) and has a base of its own (`repeat`). The remaining few (`readInFull` digits)
 * are read in full: a straight, an alternation, a mirror or ABCABC ending with them.
 *
 * Adding a rule that depends on the last digit: name every last digit that makes its finding among
 * `fullDigits` (more digits than needed is always right, only slower), or add what it gives to the
 * bases. The property tests comparing whole segments with single numbers fail until it is right.
 */
export class LastDigits {
  /** By automaton state: the digits after which a phrase ends. */
  private readonly phraseEnds: Int16Array;
  /** What each last digit read on its own adds to the readings before it (saturated, tenths); 0 for digits that read as nothing. */
  private readonly ownGain = new Int32Array(10);
  /** The digits that read as something on their own (lucky or unlucky). */
  private readonly readDigits: Int8Array;
  /** The family bit a last digit read on its own sets, or 0. */
  private readonly ownBit: Int32Array;

  constructor(
    private readonly tables: ScoringTables,
    private readonly state: WalkState,
    private readonly readInFull: (digit: number) => ScanResult,
  ) {
    this.readDigits = Int8Array.from({ length: 10 }, (_, d) => d).filter((d) => tables.digitPoints[d * BODY_LENGTH + LAST] !== 0);
    this.ownBit = Int32Array.from({ length: 10 }, (_, d) => (tables.digitPoints[d * BODY_LENGTH + LAST] !== 0 ? 1 << tables.digitFamily[d]! : 0));
    const { step, outputStart } = tables.automaton;
    const states = outputStart.length - 1;
    this.phraseEnds = new Int16Array(states);
    for (let a = 0; a < states; a++) {
      for (let d = 0; d < 10; d++) {
        const b = step[a * 10 + d]!;
        if (outputStart[b] !== outputStart[b + 1]) this.phraseEnds[a]! |= 1 << d;
      }
    }
  }

  /** The last digits read in full after the first six digits, as bits: an alternation, a mirror or ABCABC ends with them. */
  private fullDigits(): number {
    const s = this.state;
    const row = LAST;
    const prev = s.digit(LAST - 1);
    const b4 = s.digit(LAST - 2);
    const b3 = s.digit(LAST - 3);
    const b2 = s.digit(LAST - 4);
    const b1 = s.digit(LAST - 5);
    const b0 = s.digit(LAST - 6);
    let full = 0;
    if (b4 !== prev && s.alternation[row]! >= 3) full |= 1 << b4;
    if (classifyWindow6(b1, b2, b3, b4, prev, b3) === KIND.ABCABC) full |= 1 << b3;
    // A mirror of 4, 5, 6 or 7 digits pairs the digit before the last with the one 2, 3, 4 or 5 places before it.
    if (b4 === prev || b3 === prev || b2 === prev || b1 === prev) {
      if (mirrorLength(b0, b1, b2, b3, b4, prev, b0) !== 0) full |= 1 << b0;
      if (mirrorLength(b0, b1, b2, b3, b4, prev, b1) !== 0) full |= 1 << b1;
      if (mirrorLength(b0, b1, b2, b3, b4, prev, b2) !== 0) full |= 1 << b2;
      if (mirrorLength(b0, b1, b2, b3, b4, prev, b3) !== 0) full |= 1 << b3;
    }
    return full;
  }

  score(out: ScanOutput, index: number): void {
    const t = this.tables;
    const s = this.state;
    const row = LAST;
    const { saturation, saturationLength, scoreOf, seriousCap, base, digitPoints, digitFamily, phraseRank, phraseLength, phrasePoints, phraseFamily, phraseSerious, points, bits: bitsOf } = t;
    const { step, outputStart, outputs } = t.automaton;
    const { readSums, readKey, readTotal, readBits, readSerious } = s;
    const satLast = saturationLength - 1;
    const scoreLast = scoreOf.length - 1;
    const prev = s.digit(LAST - 1);
    const b4 = s.digit(LAST - 2);
    const b3 = s.digit(LAST - 3);
    const b2 = s.digit(LAST - 4);
    const b1 = s.digit(LAST - 5);
    const b0 = s.digit(LAST - 6);
    // Unlucky digits are read in full: a run or pattern ending with one does not count.
    const full = this.fullDigits() | t.unluckyDigits;
    // A run or pattern from `start` to the end (or to the digit before it) counts only if no unlucky digit lies in it.
    const unlucky = s.unlucky[row]!;
    const ac = s.automaton[row]! * 10;
    const phraseDigits = this.phraseEnds[s.automaton[row]!]!;

    // The bases. Both close the straights before the last digit (the repeated digit carries neither on);
    // a digit carrying nothing on also closes the run, and starts a run of one (N拖M by the run before).
    // Shapes and readings count in families of their own, so their saturated totals add up; the shapes
    // closed here count in the repeat, sequence and pattern families (no pattern is read before the end).
    const repeat0 = s.shapeRepeat[row]!;
    const sequence0 = s.shapeSequence[row]!;
    const run = s.run[row]!;
    const before = s.runBefore[row]!;
    const up = s.up[row]!;
    const down = s.down[row]!;
    const iUp = (KIND.SEQUENCE_UP * SLOTS + up) * BODY_LENGTH + LAST - 1;
    const iDown = (KIND.SEQUENCE_DOWN * SLOTS + down) * BODY_LENGTH + LAST - 1;
    const shapes0 = s.shapeTotal[row]! - sat(saturation, saturationLength, SEQUENCE, sequence0);
    const common = shapes0 + sat(saturation, saturationLength, SEQUENCE, sequence0 + points[iUp]! + points[iDown]!);
    const commonBits = s.shapeBits[row]! | bitsOf[iUp]! | bitsOf[iDown]!;
    // A digit carrying nothing on, or only a straight: the run closes before it, and N拖M goes by the run before.
    const iRunOff = (unlucky < LAST - run ? (KIND.REPEAT * SLOTS + run) * BODY_LENGTH + LAST - 1 : 0);
    const otherPattern = tailPattern(b0, b1, b2, b3, b4, prev, -1, 2, run, 1);
    const iTrailOff = (unlucky < LAST + 1 - patternLength(otherPattern) ? patternIndex(otherPattern) : 0);
    const runOff =
      sat(saturation, saturationLength, REPEAT, repeat0 + points[iRunOff]!) -
      sat(saturation, saturationLength, REPEAT, repeat0) +
      sat(saturation, saturationLength, PATTERN, points[iTrailOff]!);
    const runOffBits = bitsOf[iRunOff]! | bitsOf[iTrailOff]!;
    const otherTotal = common + runOff;
    const otherBits = commonBits | runOffBits;
    // The digit that carries the up-straight on to the end (the down one closes), and the one that carries the down-straight on.
    const upDigit = up >= 2 && s.wrapped[row] === 0 ? (prev === 9 ? 0 : prev + 1) : -1;
    const downDigit = down >= 2 && prev > 0 ? prev - 1 : -1;
    const iUpOn = (KIND.SEQUENCE_UP * SLOTS + up + 1) * BODY_LENGTH + LAST;
    const iDownOn = (KIND.SEQUENCE_DOWN * SLOTS + down + 1) * BODY_LENGTH + LAST;
    const upTotal = upDigit < 0 ? 0 : shapes0 + sat(saturation, saturationLength, SEQUENCE, sequence0 + points[iUpOn]! + points[iDown]!) + runOff;
    const upBits = s.shapeBits[row]! | bitsOf[iUpOn]! | bitsOf[iDown]! | runOffBits;
    const downTotal = downDigit < 0 ? 0 : shapes0 + sat(saturation, saturationLength, SEQUENCE, sequence0 + points[iUp]! + points[iDownOn]!) + runOff;
    const downBits = s.shapeBits[row]! | bitsOf[iUp]! | bitsOf[iDownOn]! | runOffBits;
    // The repeated digit: the run goes on to the end, then N拖M, and a six-digit class or AABB.
    const repeatPattern = tailPattern(b0, b1, b2, b3, b4, prev, prev, 1, before, run + 1);
    const iPattern = (unlucky < LAST + 1 - patternLength(repeatPattern) ? patternIndex(repeatPattern) : 0);
    // A pair ending the number is told by the pattern it ends.
    const iRunOn = repeatPattern !== 0 && run === 1 ? 0 : (unlucky < LAST - run ? (KIND.REPEAT * SLOTS + run + 1) * BODY_LENGTH + LAST : 0);
    const repeatTotal =
      common +
      sat(saturation, saturationLength, REPEAT, repeat0 + points[iRunOn]!) -
      sat(saturation, saturationLength, REPEAT, repeat0) +
      sat(saturation, saturationLength, PATTERN, points[iPattern]!);
    const repeatBits = commonBits | bitsOf[iRunOn]! | bitsOf[iPattern]!;
    // A clever combination in the last four, for the digits that make one (its family is touched by nothing else here).
    const iCombination = (KIND.COMBINATION * SLOTS + 4) * BODY_LENGTH + LAST;
    const combinationPoints = points[iCombination]!;
    const combinationBits = bitsOf[iCombination]!;
    const combinationGain = sat(saturation, saturationLength, COMBINATION, combinationPoints);

    // Which last digits make the last four a clever combination: the digit three places back coming
    // back (b4 − 1, b4 + 1 or b3 itself after b3 b4 b3), or the one two places back (b4): no other can.
    let combinations = 0;
    if (combinationPoints !== 0 && unlucky < LAST - 3) {
      if (isCombination(b2, b3, b4, prev, b3)) combinations |= 1 << b3;
      if (isCombination(b2, b3, b4, prev, b4)) combinations |= 1 << b4;
      if (b4 > 0 && isCombination(b2, b3, b4, prev, b4 - 1)) combinations |= 1 << (b4 - 1);
      if (b4 < 9 && isCombination(b2, b3, b4, prev, b4 + 1)) combinations |= 1 << (b4 + 1);
    }
    // What each digit read on its own adds to state 6's readings.
    const ownGain = this.ownGain;
    const skipSums = row * READINGS;
    for (let i = 0; i < this.readDigits.length; i++) {
      const d = this.readDigits[i]!;
      const own = digitPoints[d * BODY_LENGTH + LAST]!;
      const f = digitFamily[d]!;
      const r0 = readSums[skipSums + READING_SLOT[f]!]!;
      const r1 = r0 + own;
      ownGain[d] = saturation[f * saturationLength + (r1 < satLast ? r1 : satLast)]! - saturation[f * saturationLength + (r0 < satLast ? r0 : satLast)]!;
    }
    const skipTotal = readTotal[row]!;
    const skipBits = readBits[row]!;
    const skipSerious = readSerious[row]!;
    const scores = out.scores;
    const bitsOut = out.bits;
    const ownBit = this.ownBit;
    // Every digit as if no phrase ended with it and it carried no shape on but the run; then the digits
    // that end a phrase, then those read in full, each written over.
    for (let d = 0; d <= 9; d++) {
      const combination = ((combinations >> d) & 1) !== 0;
      const shapeTotal = d === prev ? repeatTotal : d === upDigit ? upTotal : d === downDigit ? downTotal : otherTotal;
      const total = shapeTotal + (combination ? combinationGain : 0) + skipTotal + ownGain[d]!;
      const withBase = total + base;
      const score = withBase <= 0 ? 0 : scoreOf[withBase < scoreLast ? withBase : scoreLast]!;
      scores[index + d] = skipSerious === 1 && score > seriousCap ? seriousCap : score;
      const shapeBits = d === prev ? repeatBits : d === upDigit ? upBits : d === downDigit ? downBits : otherBits;
      bitsOut[index + d] = shapeBits | (combination ? combinationBits : 0) | skipBits | ownBit[d]!;
    }
    const skipKey = readKey[row]!;
    for (let todo = phraseDigits & ~full; todo !== 0; todo &= todo - 1) {
      const d = 31 - Math.clz32(todo & -todo);
      // The best readings ending here, as in Scanner.readReading: leave the digit unread, end a phrase at
      // it, or read it on its own; only a strictly better choice replaces one.
      const a = step[ac + d]!;
      let best = skipKey;
      let from = row;
      let family = -1;
      let points = 0;
      let choice = -1;
      for (let i = outputStart[a]!, end = outputStart[a + 1]!; i < end; i++) {
        const ph = outputs[i]!;
        const length = phraseLength[ph]!;
        const pts = phrasePoints[ph * BODY_LENGTH + LAST]!;
        const start = LAST - length + 1;
        if (start < CHOSEN_START || pts === 0) continue;
        const key = readKey[start]! + phraseRank[ph * BODY_LENGTH + LAST]!;
        if (key > best) {
          best = key;
          from = start;
          family = phraseFamily[ph]!;
          points = pts;
          choice = ph;
        }
      }
      const own = digitPoints[d * BODY_LENGTH + LAST]!;
      if (own !== 0 && skipKey + 1 > best) {
        from = row;
        family = digitFamily[d]!;
        points = own;
        choice = -1;
      }
      // A reading of all four last digits tells them better than a clever combination (1615 一路有我).
      const combination = ((combinations >> d) & 1) !== 0 && !(choice >= 0 && phraseLength[choice]! >= 4);
      const shapeTotal = d === prev ? repeatTotal : d === upDigit ? upTotal : d === downDigit ? downTotal : otherTotal;
      const shapeBits = d === prev ? repeatBits : d === upDigit ? upBits : d === downDigit ? downBits : otherBits;
      let total = shapeTotal + (combination ? combinationGain : 0) + readTotal[from]!;
      let found = shapeBits | (combination ? combinationBits : 0) | readBits[from]!;
      if (family >= 0) {
        const r0 = readSums[from * READINGS + READING_SLOT[family]!]!;
        const r1 = r0 + points;
        total += saturation[family * saturationLength + (r1 < satLast ? r1 : satLast)]! - saturation[family * saturationLength + (r0 < satLast ? r0 : satLast)]!;
        found |= 1 << family;
      }
      const serious = readSerious[from]! | (choice >= 0 ? phraseSerious[choice]! : 0);
      const withBase = total + base;
      const score = withBase <= 0 ? 0 : scoreOf[withBase < scoreLast ? withBase : scoreLast]!;
      scores[index + d] = serious === 1 && score > seriousCap ? seriousCap : score;
      bitsOut[index + d] = found;
    }
    for (let todo = full; todo !== 0; todo &= todo - 1) {
      const d = 31 - Math.clz32(todo & -todo);
      const r = this.readInFull(d);
      scores[index + d] = r.score;
      bitsOut[index + d] = r.bits;
    }
  }
}
