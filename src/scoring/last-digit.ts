import { familyIndex } from '../rules/families.js';
import { BODY_LENGTH, CHOSEN_START, KIND, LAST } from '../rules/kinds.js';
import { COMBINATION_READ, isCombination } from '../rules/combination.js';
import { PATTERN_LENGTH_BITS, alternationAfter, classifyWindow6, mirrorLength, tailPattern } from '../rules/pattern.js';
import { startsInsideRun } from '../rules/repeat.js';
import { seenFrom } from '../rules/phrase.js';
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
import { NOT_LAST_TWO, STATES, readingSource } from './reading-rows.js';
import type { ScanOutput, ScanResult, WalkState } from './scanner.js';

let combinationTable: Int16Array | undefined;

/**
 * By the four digits before the last (as a number, 0-9999, the first of them the digit before the
 * last four): the last digits that make its last four a clever combination, as bits. The same for
 * every profile; built on first use.
 */
function combinationDigits(): Int16Array {
  if (!combinationTable) {
    combinationTable = new Int16Array(10_000);
    for (let w = 0; w < 10_000; w++) {
      const before = Math.floor(w / 1000);
      const a = Math.floor(w / 100) % 10;
      const b = Math.floor(w / 10) % 10;
      const c = w % 10;
      for (let d = 0; d <= 9; d++) if (isCombination(before, a, b, c, d)) combinationTable[w]! |= 1 << d;
    }
  }
  return combinationTable;
}

/**
 * The last digit of a number, for all ten values at once: the fast path's look-up.
 *
 * `score(out, index)` writes into `out.scores` / `out.bits` at `index … index + 9` the scores and bits
 * of the ten numbers that the walk's first six digits (state 6 of `state`) begin, exactly as
 * `readInFull(d)` — reading digit d at the last position and finishing the number — gives them.
 *
 * A last digit other than the one before it closes the run before it and starts a run of one; with
 * the closed shapes of the first six digits that makes one base (`other`). The digit that carries the
 * up- or the down-straight on has a base of its own, and so has the digit equal to the one before,
 * which carries the run on (a pair at the end, N拖M, AABB, AAABBB, AABBCC: `repeat`). On top of its
 * base a digit may end a shop pattern (`patternDigits`: an alternation, a mirror, ABCABC), make the
 * last four a clever combination, end a phrase and be read on its own (lucky or unlucky): each is
 * added from a table, and the readings as in Scanner.readReading. Only unlucky digits (4 in the
 * traditional profile: no run or pattern with one counts) are read in full with `readInFull`.
 *
 * Adding a rule that depends on the last digit: give the digits that make its finding their own
 * base or gain here, or read them in full (adding them to `full` is always right, only slower). The
 * property tests comparing whole segments with single numbers fail until it is right.
 */
export class LastDigits {
  /** By automaton state: the digits after which a phrase ends. */
  private readonly phraseEnds: Int16Array;
  /** What each last digit read on its own adds to the readings before it (saturated, tenths); 0 for digits that read as nothing. */
  private readonly ownGain = new Int32Array(10);
  /** The digits that read as something on their own (lucky or unlucky). */
  private readonly readDigits: Int8Array;
  /** By readDigits index i and the points r its family has before it: what the i-th read digit adds, at [i * saturationLength + min(r, saturationLength - 1)]. */
  private ownGainAt = new Int32Array(0);
  /** combinationDigits(), once {@link prepare} has run. */
  private combinationsOf: Int16Array = new Int16Array(0);
  /** The tables' scoreOf, capped at seriousCap: for numbers whose first six digits read as a serious taboo. */
  private cappedScoreOf = new Int16Array(0);
  /** The family bit a last digit read on its own sets, or 0. */
  private readonly ownBit: Int32Array;
  /** By last digit: what its shapes add (saturated, with those of the first six digits), and their bits. */
  private readonly shapeTotal = new Int32Array(10);
  private readonly shapeBits = new Int32Array(10);
  /** The last digits that make a clever combination, as bits, and what one adds. */
  private combinations = 0;
  private combinationGain = 0;

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

  /** The last digits other than the repeated one that end a shop pattern (an alternation, a mirror, ABCABC) after the first six digits, as bits. */
  private patternDigits(b0: number, b1: number, b2: number, b3: number, b4: number, prev: number): number {
    let full = 0;
    if (b4 !== prev && this.state.alternation[LAST]! >= 3) full |= 1 << b4;
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
    const s = this.state;
    // A last digit making a run of three builds on other readings (readingSource): read in full where they differ.
    const prev = s.digit(LAST - 1);
    const full = this.tables.unluckyDigits | this.tables.discountDigits | (prev === s.digit(LAST - 2) && this.rowsDiffer(NOT_LAST_TWO) ? 1 << prev : 0);
    this.shapesOfDigits();
    this.ownReadings();
    const { shapeTotal, shapeBits, ownGain, ownBit } = this;
    const scoreOf = s.readSerious[LAST] === 1 ? this.cappedScoreOf : this.tables.scoreOf;
    const scoreLast = scoreOf.length - 1;
    const before = s.readTotal[LAST]! + this.tables.base;
    const skipBits = s.readBits[LAST]!;
    const scores = out.scores;
    const bitsOut = out.bits;
    // Every digit as if it ended no phrase; then the digits that end one, and those read in full, each written over.
    for (let d = 0; d <= 9; d++) {
      const total = shapeTotal[d]! + ownGain[d]! + before;
      scores[index + d] = total <= 0 ? 0 : scoreOf[total < scoreLast ? total : scoreLast]!;
      bitsOut[index + d] = shapeBits[d]! | skipBits | ownBit[d]!;
    }
    for (let todo = this.phraseEnds[s.automaton[LAST]!]! & ~full; todo !== 0; todo &= todo - 1) this.phraseDigit(out, index, 31 - Math.clz32(todo & -todo));
    for (let todo = full; todo !== 0; todo &= todo - 1) {
      const d = 31 - Math.clz32(todo & -todo);
      const r = this.readInFull(d);
      scores[index + d] = r.score;
      bitsOut[index + d] = r.bits;
    }
  }

  /** Whether row r of the readings of the first six digits scores otherwise than row ANY. */
  private rowsDiffer(r: number): boolean {
    const s = this.state;
    const a = LAST;
    const b = r * STATES + LAST;
    if (s.readTotal[a] !== s.readTotal[b] || s.readBits[a] !== s.readBits[b] || s.readSerious[a] !== s.readSerious[b]) return true;
    for (let i = 0; i < READINGS; i++) if (s.readSums[a * READINGS + i] !== s.readSums[b * READINGS + i]) return true;
    return false;
  }

  /**
   * What the shapes of each last digit add to the number (`shapeTotal`, saturated, with the shapes of
   * the first six digits) and their bits (`shapeBits`): the base of its kind, a shop pattern it ends,
   * a clever combination it makes.
   */
  private shapesOfDigits(): void {
    const t = this.tables;
    const s = this.state;
    const row = LAST;
    const { saturation, saturationLength, points, bits: bitsOf } = t;
    const { shapeTotal, shapeBits } = this;
    const prev = s.digit(LAST - 1);
    const b4 = s.digit(LAST - 2);
    const b3 = s.digit(LAST - 3);
    const b2 = s.digit(LAST - 4);
    const b1 = s.digit(LAST - 5);
    const b0 = s.digit(LAST - 6);
    // A run or pattern from `start` to the end (or to the digit before it) counts only if no unlucky digit lies in it.
    const unlucky = s.unlucky[row]!;
    // The points of a run or pattern from `start` to the end: discounted where a discount digit lies in it (the last digit is not one here).
    const discountAt = s.discount[row]!;
    const pointsFrom = (start: number) => (discountAt >= start ? t.discounted : points);
    const repeat0 = s.shapeRepeat[row]!;
    const sequence0 = s.shapeSequence[row]!;
    const run = s.run[row]!;
    const before = s.runBefore[row]!;
    const up = s.up[row]!;
    const down = s.down[row]!;
    // Shapes and readings count in families of their own, so their saturated totals add up; the shapes
    // closed here count in the repeat, sequence and pattern families (no pattern is read before the end).
    // Every digit but the repeated one closes the straights before it, and the run; a run of one ends the number.
    const iUp = (KIND.SEQUENCE_UP * SLOTS + up) * BODY_LENGTH + LAST - 1;
    const iDown = (KIND.SEQUENCE_DOWN * SLOTS + down) * BODY_LENGTH + LAST - 1;
    const shapes0 = s.shapeTotal[row]! - sat(saturation, saturationLength, SEQUENCE, sequence0);
    const common = shapes0 + sat(saturation, saturationLength, SEQUENCE, sequence0 + points[iUp]! + points[iDown]!);
    const commonBits = s.shapeBits[row]! | bitsOf[iUp]! | bitsOf[iDown]!;
    const iRunOff = unlucky < LAST - run ? (KIND.REPEAT * SLOTS + run) * BODY_LENGTH + LAST - 1 : 0;
    const runOff = sat(saturation, saturationLength, REPEAT, repeat0 + pointsFrom(LAST - run)[iRunOff]!) - sat(saturation, saturationLength, REPEAT, repeat0);
    const otherTotal = common + runOff;
    const otherBits = commonBits | bitsOf[iRunOff]!;
    for (let d = 0; d <= 9; d++) {
      shapeTotal[d] = otherTotal;
      shapeBits[d] = otherBits;
    }
    // The digit that carries the up-straight on to the end (the down one closes), and the one that carries the down-straight on.
    if (up >= 2 && s.wrapped[row] === 0) {
      const d = prev === 9 ? 0 : prev + 1;
      const iOn = (KIND.SEQUENCE_UP * SLOTS + up + 1) * BODY_LENGTH + LAST;
      shapeTotal[d] = shapes0 + sat(saturation, saturationLength, SEQUENCE, sequence0 + points[iOn]! + points[iDown]!) + runOff;
      shapeBits[d] = s.shapeBits[row]! | bitsOf[iOn]! | bitsOf[iDown]! | bitsOf[iRunOff]!;
    }
    if (down >= 2 && prev > 0) {
      const iOn = (KIND.SEQUENCE_DOWN * SLOTS + down + 1) * BODY_LENGTH + LAST;
      shapeTotal[prev - 1] = shapes0 + sat(saturation, saturationLength, SEQUENCE, sequence0 + points[iUp]! + points[iOn]!) + runOff;
      shapeBits[prev - 1] = s.shapeBits[row]! | bitsOf[iUp]! | bitsOf[iOn]! | bitsOf[iRunOff]!;
    }
    // The repeated digit: the run goes on to the end, then N拖M, a six-digit class, a mirror or AABB;
    // a pair ending the number is told by the pattern it ends.
    const repeatPattern = tailPattern(b0, b1, b2, b3, b4, prev, prev, 1, before, run + 1);
    const iPattern = unlucky < LAST + 1 - patternLength(repeatPattern) ? patternIndex(repeatPattern) : 0;
    const iRunOn = repeatPattern !== 0 && run === 1 ? 0 : unlucky < LAST - run ? (KIND.REPEAT * SLOTS + run + 1) * BODY_LENGTH + LAST : 0;
    shapeTotal[prev] =
      common +
      sat(saturation, saturationLength, REPEAT, repeat0 + pointsFrom(LAST - run)[iRunOn]!) -
      sat(saturation, saturationLength, REPEAT, repeat0) +
      sat(saturation, saturationLength, PATTERN, pointsFrom(LAST + 1 - patternLength(repeatPattern))[iPattern]!);
    shapeBits[prev] = commonBits | bitsOf[iRunOn]! | bitsOf[iPattern]!;
    // The digits that end a shop pattern, as bits: no clever combination is read where one does.
    let patternEnds = repeatPattern !== 0 ? 1 << prev : 0;
    // The shop pattern a digit other than the repeated one ends (the run closes before it).
    for (let todo = this.patternDigits(b0, b1, b2, b3, b4, prev) & ~(1 << prev); todo !== 0; todo &= todo - 1) {
      const d = 31 - Math.clz32(todo & -todo);
      const pattern = tailPattern(b0, b1, b2, b3, b4, prev, d, alternationAfter(s.alternation[row]!, b4, prev, d), run, 1);
      if (pattern !== 0) patternEnds |= 1 << d;
      const i = unlucky < LAST + 1 - patternLength(pattern) ? patternIndex(pattern) : 0;
      shapeTotal[d]! += sat(saturation, saturationLength, PATTERN, pointsFrom(LAST + 1 - patternLength(pattern))[i]!);
      shapeBits[d]! |= bitsOf[i]!;
    }
    // A clever combination in the last four (its family is touched by nothing else here).
    const iCombination = (KIND.COMBINATION * SLOTS + 4) * BODY_LENGTH + LAST;
    let combinations = 0;
    if (points[iCombination]! !== 0 && unlucky < LAST - 3) combinations = this.combinationsOf[((b2 * 10 + b3) * 10 + b4) * 10 + prev]!;
    combinations &= ~patternEnds;
    this.combinations = combinations;
    this.combinationGain = sat(saturation, saturationLength, COMBINATION, points[iCombination]!);
    for (let todo = combinations; todo !== 0; todo &= todo - 1) {
      const d = 31 - Math.clz32(todo & -todo);
      shapeTotal[d]! += this.combinationGain;
      shapeBits[d]! |= bitsOf[iCombination]!;
    }
  }

  /** Builds the look-up tables `score` reads, once, before the first number: the explain path never needs them. */
  prepare(): void {
    if (this.combinationsOf.length !== 0) return;
    const { saturation, saturationLength: length, digitFamily, digitPoints } = this.tables;
    this.ownGainAt = new Int32Array(this.readDigits.length * length);
    for (let i = 0; i < this.readDigits.length; i++) {
      const d = this.readDigits[i]!;
      const f = digitFamily[d]!;
      for (let r = 0; r < length; r++) this.ownGainAt[i * length + r] = sat(saturation, length, f, r + digitPoints[d * BODY_LENGTH + LAST]!) - sat(saturation, length, f, r);
    }
    this.cappedScoreOf = this.tables.scoreOf.map((score) => Math.min(score, this.tables.seriousCap));
    this.combinationsOf = combinationDigits();
  }

  /** What each last digit read on its own adds to the readings of the first six (`ownGain`). */
  private ownReadings(): void {
    const { saturationLength, digitFamily } = this.tables;
    const readSums = this.state.readSums;
    const { readDigits, ownGain, ownGainAt } = this;
    for (let i = 0; i < readDigits.length; i++) {
      const d = readDigits[i]!;
      const r = readSums[LAST * READINGS + READING_SLOT[digitFamily[d]!]!]!;
      ownGain[d] = ownGainAt[i * saturationLength + (r < saturationLength - 1 ? r : saturationLength - 1)]!;
    }
  }

  /**
   * A last digit that ends a phrase: the best readings may change, as in Scanner.readReading (leave the
   * digit unread, end a phrase at it, or read it on its own; only a strictly better choice replaces one),
   * and a reading of all four last digits tells them better than a clever combination (1615 一路有我).
   */
  private phraseDigit(out: ScanOutput, index: number, d: number): void {
    const t = this.tables;
    const s = this.state;
    const row = LAST;
    const { saturation, saturationLength, scoreOf, seriousCap, base, digitPoints, digitFamily, phraseRank, phraseLength, phrasePoints, phraseFamily, phraseSerious } = t;
    const { step, outputStart, outputs } = t.automaton;
    const { readSums, readKey } = s;
    const a = step[s.automaton[row]! * 10 + d]!;
    const skipKey = readKey[row]!;
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
      const b2 = seenFrom(start, start - 2, s.digit(start - 2));
      const b1 = seenFrom(start, start - 1, s.digit(start - 1));
      const first = s.digit(start);
      const second = start + 1 === LAST ? d : s.digit(start + 1);
      if (t.phraseYieldsToRuns[ph] === 1 && startsInsideRun(b2, b1, first, second)) continue;
      const source = readingSource(b2, b1, first, second) * STATES + start;
      const key = readKey[source]! + phraseRank[ph * BODY_LENGTH + LAST]!;
      if (key > best) {
        best = key;
        from = source;
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
    const unsaid = ((this.combinations >> d) & 1) !== 0 && choice >= 0 && phraseLength[choice]! >= COMBINATION_READ ? this.combinationGain : 0;
    let total = this.shapeTotal[d]! - unsaid + s.readTotal[from]!;
    let found = (unsaid !== 0 ? this.shapeBits[d]! & ~(1 << COMBINATION) : this.shapeBits[d]!) | s.readBits[from]!;
    if (family >= 0) {
      const satLast = saturationLength - 1;
      const r0 = readSums[from * READINGS + READING_SLOT[family]!]!;
      const r1 = r0 + points;
      total += saturation[family * saturationLength + (r1 < satLast ? r1 : satLast)]! - saturation[family * saturationLength + (r0 < satLast ? r0 : satLast)]!;
      found |= 1 << family;
    }
    const serious = s.readSerious[from]! | (choice >= 0 ? phraseSerious[choice]! : 0);
    const withBase = total + base;
    const score = withBase <= 0 ? 0 : scoreOf[withBase < scoreOf.length - 1 ? withBase : scoreOf.length - 1]!;
    out.scores[index + d] = serious === 1 && score > seriousCap ? seriousCap : score;
    out.bits[index + d] = found;
  }
}
