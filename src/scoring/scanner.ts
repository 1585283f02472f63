import { familyIndex } from '../rules/families.js';
import { BODY_LENGTH, CHOSEN_START, KIND, LAST } from '../rules/kinds.js';
import { COMBINATION_READ, isCombination } from '../rules/combination.js';
import { PATTERN_LENGTH_BITS, alternationAfter, tailPattern } from '../rules/pattern.js';
import { continuesRun, startsInsideRun } from '../rules/repeat.js';
import { seenFrom } from '../rules/phrase.js';
import { continuesDown, continuesUp, upRestart } from '../rules/sequence.js';
import { addSpecialShapes, specialShapes } from '../rules/special-shapes.js';
import { READINGS, READING_SLOT, SLOTS, saturated, scoreOfTotal, type ScoringTables } from './compile.js';
import { LastDigits } from './last-digit.js';
import { ANY, NOT_LAST, NOT_LAST_TWO, READ_ROWS, STATES, readingSource } from './reading-rows.js';

export { STATES } from './reading-rows.js';

/** One finding as the scanner records it; `phrase` is an index into tables.phrases, or -1. */
export interface RawFinding {
  kind: number;
  /** The finding's length, or for a DIGIT finding the digit. */
  slot: number;
  family: number;
  /** Body position (0 = the segment digit) of its first digit. */
  start: number;
  length: number;
  /** Points in tenths, ≥ 0 (taboo counts against). */
  points: number;
  phrase: number;
}

/** What scanning one number gives: its score in tenths (0-1000) and its bit set (family bits, shape flags). */
export interface ScanResult {
  score: number;
  bits: number;
}

/** Where a walk writes each number's score (tenths) and bits, in numeric order. */
export interface ScanOutput {
  scores: Uint16Array;
  bits: Uint16Array;
}

/** Cells before the first digit, so look-backs of up to seven digits read distinct negatives, never a digit. */
export const BEFORE = BODY_LENGTH;
/** readChoice: the state was reached without a reading of its last digit. */
export const SKIP = -1;
/** readChoice: its last digit was read on its own (a lucky or an unlucky digit). */
export const DIGIT_READING = -2;

/**
 * The walk's state after each digit, one row per state (see {@link STATES}), in typed arrays.
 *
 * Shapes: `run` (length of the run of equal digits ending at the last digit read), `runBefore` (the run
 * before it), `up` / `wrapped` (the up-straight ending there, and whether it went 9 → 0), `down`,
 * `alternation` (the length of two digits taking turns ending there), `unlucky` (the position of the
 * last unlucky digit read, or -1: no run or shop pattern with one in it counts), `discount` (the same of the
 * profile's discount digits: a run or shop pattern with one counts its discounted points); `shapeRepeat` and
 * `shapeSequence` (the points of the runs and straights already closed: shop patterns are read only at
 * the end), `shapeTotal` (their saturated sum) and `shapeBits`.
 * Readings, the best non-overlapping readings of the chosen digits read so far (a segmentation, as of
 * words), in three rows ({@link READ_ROWS}) of `readKey` (its rank: the phrases' `phraseRank`, plus 1 for
 * each digit read on its own), `readSums` (its points per reading family, {@link READING_FAMILIES}),
 * `readTotal` (their saturated sum), `readBits`, `readSerious` (it holds a serious taboo), `readChoice`
 * (how the last digit was read: a phrase index, {@link SKIP} or {@link DIGIT_READING}) and `readFrom`
 * (the row of the state it builds on); `automaton` is the phrase automaton's state.
 */
export class WalkState {
  readonly cells = Int8Array.from({ length: BEFORE + BODY_LENGTH }, (_, i) => (i < BEFORE ? i - BEFORE - 10 : 0));
  readonly run = new Int32Array(STATES);
  readonly runBefore = new Int32Array(STATES);
  readonly up = new Int32Array(STATES);
  readonly wrapped = new Int32Array(STATES);
  readonly down = new Int32Array(STATES);
  readonly alternation = new Int32Array(STATES);
  readonly unlucky = new Int32Array(STATES);
  readonly discount = new Int32Array(STATES);
  readonly shapeRepeat = new Int32Array(STATES);
  readonly shapeSequence = new Int32Array(STATES);
  readonly shapeTotal = new Int32Array(STATES);
  readonly shapeBits = new Int32Array(STATES);
  /** Row r of state k is at r * STATES + k (sums: times READINGS); row {@link ANY}'s indices are the states themselves. */
  readonly readKey = new Int32Array(READ_ROWS * STATES);
  readonly readSums = new Int32Array(READ_ROWS * STATES * READINGS);
  readonly readTotal = new Int32Array(READ_ROWS * STATES);
  readonly readBits = new Int32Array(READ_ROWS * STATES);
  readonly readSerious = new Uint8Array(READ_ROWS * STATES);
  readonly readChoice = new Int32Array(READ_ROWS * STATES);
  readonly readFrom = new Uint8Array(READ_ROWS * STATES);
  readonly automaton = new Int32Array(STATES);

  /** The body digit at position p (read already). */
  digit(p: number): number {
    return this.cells[BEFORE + p]!;
  }
}

const REPEAT_FAMILY = familyIndex('repeat');
const SEQUENCE_FAMILY = familyIndex('sequence');
const PATTERN_FAMILY = familyIndex('pattern');
const COMBINATION_FAMILY = familyIndex('combination');

/** Copies the reading sums of row-state `from` to row-state `to` (a loop: a built-in call costs more for six entries). */
function copyReadings(table: Int32Array, to: number, from: number): void {
  const t = to * READINGS;
  const f = from * READINGS;
  for (let i = 0; i < READINGS; i++) table[t + i] = table[f + i]!;
}

/**
 * The one implementation of the rules over the seven digits after "400", for both paths.
 *
 * `readDigit(k, d)` reads digit d at body position k: from state k it makes state k + 1, closing the
 * runs and straights d ends and extending the readings. `finish()` closes the number: the runs and
 * straights reaching its end, the shop patterns ending it, and the score. The rule files say what
 * counts; the compiled tables say what it is worth; this walk says when a finding is made.
 *
 * - explain path: `scan` reads one number digit by digit with a log that records every finding;
 * - fast path: `scoreSegment` walks all numbers of a segment as a tree of digits, reading each prefix
 *   once, and scores the last digit for all ten values at once ({@link LastDigits}), reading in full
 *   only the last digits that make a finding of their own.
 * The property tests that compare the paths check the look-up against the step-by-step reading.
 */
export class Scanner {
  readonly state = new WalkState();
  private readonly last: LastDigits;
  private log: RawFinding[] | null = null;
  private result: ScanResult = { score: 0, bits: 0 };

  constructor(readonly tables: ScoringTables) {
    this.last = new LastDigits(tables, this.state, (d) => {
      this.readDigit(LAST, d);
      return this.finish();
    });
  }

  /** Scores the seven digits after "400"; with a log, records every finding. */
  scan(body: string, log: RawFinding[] | null = null): ScanResult {
    this.log = log;
    for (let k = 0; k < BODY_LENGTH; k++) this.readDigit(k, body.charCodeAt(k) - 48);
    const r = this.finish();
    this.log = null;
    return { score: r.score, bits: r.bits | specialShapes(this.state.cells.subarray(BEFORE, BEFORE + BODY_LENGTH)) };
  }

  /** Scores all 1,000,000 numbers whose first body digit is `segmentDigit`, in numeric order of the other six. */
  scoreSegment(segmentDigit: number, out: ScanOutput): void {
    this.log = null;
    this.last.prepare();
    this.readDigit(0, segmentDigit);
    this.visit(1, out, 0);
    addSpecialShapes(segmentDigit, out.bits);
  }

  private visit(k: number, out: ScanOutput, index: number): number {
    let next = index;
    for (let d = 0; d <= 9; d++) {
      this.readDigit(k, d);
      if (k + 1 === LAST) {
        this.last.score(out, next);
        next += 10;
      } else next = this.visit(k + 1, out, next);
    }
    return next;
  }

  /** Reads digit d at body position k: makes state k + 1 from state k. */
  readDigit(k: number, d: number): void {
    const s = this.state;
    const next = k + 1;
    s.cells[BEFORE + k] = d;
    s.unlucky[next] = ((this.tables.unluckyDigits >> d) & 1) !== 0 ? k : k === 0 ? -1 : s.unlucky[k]!;
    s.discount[next] = ((this.tables.discountDigits >> d) & 1) !== 0 ? k : k === 0 ? -1 : s.discount[k]!;
    s.shapeRepeat[next] = s.shapeRepeat[k]!;
    s.shapeSequence[next] = s.shapeSequence[k]!;
    s.shapeTotal[next] = s.shapeTotal[k]!;
    s.shapeBits[next] = s.shapeBits[k]!;
    if (k === 0) {
      s.run[next] = 1;
      s.runBefore[next] = 0;
      s.up[next] = 1;
      s.wrapped[next] = 0;
      s.down[next] = 1;
      s.alternation[next] = 1;
      // Readings start after the segment digit.
      s.readKey[next] = 0;
      s.readSums.fill(0, next * READINGS, (next + 1) * READINGS);
      s.readTotal[next] = 0;
      s.readBits[next] = 0;
      s.readSerious[next] = 0;
      s.readChoice[next] = SKIP;
      s.readFrom[next] = ANY;
      for (let r = 1; r < READ_ROWS; r++) {
        const i = r * STATES + next;
        s.readKey[i] = 0;
        s.readSums.fill(0, i * READINGS, (i + 1) * READINGS);
        s.readTotal[i] = 0;
        s.readBits[i] = 0;
        s.readSerious[i] = 0;
        s.readChoice[i] = SKIP;
        s.readFrom[i] = r;
      }
      s.automaton[next] = 0;
      return;
    }
    const prev = s.cells[BEFORE + k - 1]!;
    if (continuesRun(prev, d)) {
      s.run[next] = s.run[k]! + 1;
      s.runBefore[next] = s.runBefore[k]!;
    } else {
      this.closeShape(next, KIND.REPEAT, s.run[k]!, k - 1);
      s.run[next] = 1;
      s.runBefore[next] = s.run[k]!;
    }
    if (continuesUp(prev, d, s.wrapped[k] === 1)) {
      s.up[next] = s.up[k]! + 1;
      s.wrapped[next] = prev === 9 ? 1 : 0;
    } else {
      this.closeShape(next, KIND.SEQUENCE_UP, s.up[k]!, k - 1);
      s.up[next] = upRestart(prev, d);
      s.wrapped[next] = 0;
    }
    if (continuesDown(prev, d)) s.down[next] = s.down[k]! + 1;
    else {
      this.closeShape(next, KIND.SEQUENCE_DOWN, s.down[k]!, k - 1);
      s.down[next] = 1;
    }
    s.alternation[next] = alternationAfter(s.alternation[k]!, s.cells[BEFORE + k - 2]!, prev, d);
    this.readReading(k, d);
  }

  /**
   * The best readings of the chosen digits up to position k (state k + 1), in each row: leave digit k
   * unread, or end a phrase at it (longest first), or read it on its own; a choice replaces the one
   * before only if it ranks strictly higher, so ties keep the earlier. A phrase is not read where it
   * starts inside a run of three or more (company facts and taboos aside); where it may end inside one, the rows
   * keep the best without it until the digits after it tell.
   */
  private readReading(k: number, d: number): void {
    const s = this.state;
    const t = this.tables;
    const c = s.cells;
    const next = k + 1;
    const a = t.automaton.step[s.automaton[k]! * 10 + d]!;
    s.automaton[next] = a;
    const skipRow = readingSource(c[BEFORE + k - 2]!, c[BEFORE + k - 1]!, d, -1);
    // Only row ANY of the last state is read (finish, logReadings); of the state before it, the other
    // rows only where its digit carries on the one before (readingSource of the last digit), as in LastDigits.
    const rows = next === BODY_LENGTH || (next === LAST && d !== c[BEFORE + k - 1]) ? 1 : READ_ROWS;
    const own = t.digitPoints[d * BODY_LENGTH + k]!;
    const { outputs, outputStart } = t.automaton;
    for (let r = 0; r < rows; r++) {
      // NOT_LAST_TWO of state k + 1 also leaves out a phrase ending at k - 1.
      const skip = r === NOT_LAST_TWO && skipRow === ANY ? NOT_LAST : skipRow;
      const skipKey = s.readKey[skip * STATES + k]!;
      let key = skipKey;
      let fromState = k;
      let fromRow = skip;
      let family = -1;
      let points = 0;
      let choice = SKIP;
      for (let i = outputStart[a]!, end = outputStart[a + 1]!; i < end; i++) {
        const ph = outputs[i]!;
        const yields = t.phraseYieldsToRuns[ph] === 1;
        // A phrase that may end inside a run is kept out of the rows that leave such phrases out.
        if (yields && r !== ANY) continue;
        const length = t.phraseLength[ph]!;
        const pts = t.phrasePoints[ph * BODY_LENGTH + k]!;
        const start = k - length + 1;
        if (start < CHOSEN_START || pts === 0) continue;
        const b2 = seenFrom(start, start - 2, c[BEFORE + start - 2]!);
        const b1 = seenFrom(start, start - 1, c[BEFORE + start - 1]!);
        const first = c[BEFORE + start]!;
        const second = c[BEFORE + start + 1]!;
        if (yields && startsInsideRun(b2, b1, first, second)) continue;
        const from = readingSource(b2, b1, first, second);
        const phraseKey = s.readKey[from * STATES + start]! + t.phraseRank[ph * BODY_LENGTH + k]!;
        if (phraseKey > key) {
          key = phraseKey;
          fromState = start;
          fromRow = from;
          family = t.phraseFamily[ph]!;
          points = pts;
          choice = ph;
        }
      }
      if (own !== 0 && skipKey + 1 > key) {
        key = skipKey + 1;
        fromState = k;
        fromRow = skip;
        family = t.digitFamily[d]!;
        points = own;
        choice = DIGIT_READING;
      }
      this.writeReadings(r * STATES + next, key, fromRow * STATES + fromState, fromRow, family, points, choice);
    }
  }

  /** Writes row-state `to`: the segmentation of row-state `from` (of row `fromRow`) with the best choice added, ranked `key`. */
  private writeReadings(to: number, key: number, from: number, fromRow: number, family: number, points: number, choice: number): void {
    const s = this.state;
    const t = this.tables;
    s.readKey[to] = key;
    copyReadings(s.readSums, to, from);
    s.readTotal[to] = s.readTotal[from]!;
    s.readBits[to] = s.readBits[from]!;
    s.readSerious[to] = s.readSerious[from]! | (choice >= 0 ? t.phraseSerious[choice]! : 0);
    s.readChoice[to] = choice;
    s.readFrom[to] = fromRow;
    if (family >= 0) {
      const i = to * READINGS + READING_SLOT[family]!;
      const before = s.readSums[i]!;
      s.readSums[i] = before + points;
      s.readTotal[to]! += saturated(t, family, before + points) - saturated(t, family, before);
      s.readBits[to]! |= 1 << family;
    }
  }

  /** Adds a run or a straight of `kind` and `length` ending at body position `end` to state `row`, if it counts there. */
  private closeShape(row: number, kind: number, length: number, end: number): void {
    const t = this.tables;
    const i = (kind * SLOTS + length) * BODY_LENGTH + end;
    const s = this.state;
    const pts = (s.discount[end + 1]! > end - length ? t.discounted : t.points)[i]!;
    // A run of an unlucky digit is no selling point (4444 in the traditional profile); a straight through one still is.
    if (pts === 0 || (kind === KIND.REPEAT && s.unlucky[end + 1]! > end - length)) return;
    const sums = kind === KIND.REPEAT ? s.shapeRepeat : s.shapeSequence;
    const family = kind === KIND.REPEAT ? REPEAT_FAMILY : SEQUENCE_FAMILY;
    const before = sums[row]!;
    sums[row] = before + pts;
    s.shapeTotal[row]! += saturated(t, family, before + pts) - saturated(t, family, before);
    s.shapeBits[row]! |= t.bits[i]!;
    if (this.log !== null) this.log.push({ kind, slot: length, family, start: end - length + 1, length, points: pts, phrase: -1 });
  }

  /** Points of the shop patterns and the clever combination ending the number, while `finish` reads them. */
  private patternSum = 0;
  private combinationSum = 0;
  private patternBits = 0;

  /** Adds a shop pattern (or the clever combination) of `kind` and `length` ending the number, if it holds no unlucky digit. */
  private closePattern(kind: number, length: number): void {
    const t = this.tables;
    const i = (kind * SLOTS + length) * BODY_LENGTH + LAST;
    const pts = (this.state.discount[BODY_LENGTH]! > LAST - length ? t.discounted : t.points)[i]!;
    if (pts === 0 || this.state.unlucky[BODY_LENGTH]! > LAST - length) return;
    const family = kind === KIND.COMBINATION ? COMBINATION_FAMILY : PATTERN_FAMILY;
    if (kind === KIND.COMBINATION) this.combinationSum += pts;
    else this.patternSum += pts;
    this.patternBits |= t.bits[i]!;
    if (this.log !== null) this.log.push({ kind, slot: length, family, start: LAST - length + 1, length, points: pts, phrase: -1 });
  }

  /** Closes the number read into state BODY_LENGTH: what reaches its end, the patterns ending it, the score. */
  finish(): ScanResult {
    const s = this.state;
    const t = this.tables;
    const row = BODY_LENGTH;
    const run = s.run[row]!;
    const before = s.runBefore[row]!;
    this.closeShape(row, KIND.SEQUENCE_DOWN, s.down[row]!, LAST);
    // The last seven digits, x0 the last.
    const c = s.cells;
    const at = BEFORE + LAST;
    const x0 = c[at]!;
    const x1 = c[at - 1]!;
    const x2 = c[at - 2]!;
    const x3 = c[at - 3]!;
    const x4 = c[at - 4]!;
    const x5 = c[at - 5]!;
    const x6 = c[at - 6]!;
    this.patternSum = 0;
    this.combinationSum = 0;
    this.patternBits = 0;
    const pattern = tailPattern(x6, x5, x4, x3, x2, x1, x0, s.alternation[row]!, before, run);
    if (pattern !== 0) this.closePattern(pattern >> PATTERN_LENGTH_BITS, pattern & ((1 << PATTERN_LENGTH_BITS) - 1));
    // The clever combination, where no shop pattern ends the number and no reading of three or four of its digits tells them better (1615 一路有我, 1918 就要发).
    const reading = s.readChoice[row]!;
    if (pattern === 0 && isCombination(x4, x3, x2, x1, x0) && !(reading >= 0 && t.phraseLength[reading]! >= COMBINATION_READ)) this.closePattern(KIND.COMBINATION, 4);
    // A pair ending the number is told by the pattern it ends (5577, 88866), not on its own.
    if (!(pattern !== 0 && run === 2)) this.closeShape(row, KIND.REPEAT, run, LAST);
    this.closeShape(row, KIND.SEQUENCE_UP, s.up[row]!, LAST);
    if (this.log !== null) this.logReadings();

    // Shapes and readings count in families of their own, so their saturated totals add up.
    const total = s.shapeTotal[row]! + saturated(t, PATTERN_FAMILY, this.patternSum) + saturated(t, COMBINATION_FAMILY, this.combinationSum) + s.readTotal[row]!;
    const r = this.result;
    r.score = scoreOfTotal(t, total, s.readSerious[row] === 1);
    r.bits = s.shapeBits[row]! | this.patternBits | s.readBits[row]!;
    return r;
  }

  /** Records the readings of the whole number, walking its best segmentation back from the end. */
  private logReadings(): void {
    const s = this.state;
    const t = this.tables;
    const found: RawFinding[] = [];
    let row = ANY;
    for (let k = BODY_LENGTH; k > CHOSEN_START; ) {
      const choice = s.readChoice[row * STATES + k]!;
      const end = k - 1;
      const from = s.readFrom[row * STATES + k]!;
      if (choice >= 0) {
        const length = t.phraseLength[choice]!;
        found.push({ kind: KIND.PHRASE, slot: length, family: t.phraseFamily[choice]!, start: k - length, length, points: t.phrasePoints[choice * BODY_LENGTH + end]!, phrase: choice });
        k -= length;
      } else {
        if (choice === DIGIT_READING) {
          const d = s.digit(end);
          found.push({ kind: KIND.DIGIT, slot: d, family: t.digitFamily[d]!, start: end, length: 1, points: t.digitPoints[d * BODY_LENGTH + end]!, phrase: -1 });
        }
        k--;
      }
      row = from;
    }
    this.log!.push(...found.reverse());
  }
}
