import { FAMILY_COUNT } from '../rules/families.js';
import { BODY_LENGTH, KIND } from '../rules/kinds.js';
import { SLOTS, type ScoringTables } from './compile.js';
import { BITS, TOTAL, WIDTH } from './state.js';
import { stepRepeat, finishRepeat } from '../rules/repeat.js';
import { stepSequence, finishSequence } from '../rules/sequence.js';
import { stepPattern, finishPattern } from '../rules/pattern.js';
import { stepCombination } from '../rules/combination.js';
import { stepAuspicious } from '../rules/auspicious.js';
import { stepPhrases } from '../rules/phrases.js';

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

/** Enough undo entries for every finding one number can have. */
const UNDO_SIZE = 2048;

/**
 * The one implementation of the rules. It reads the seven digits after "400" left to right and
 * keeps a state per digit read, so a caller that walks numbers in order (a whole segment) only
 * re-reads the digits that changed. Each rule file adds a step; `log`, when set, records every
 * finding (the explain path); without it nothing is allocated (the fast path).
 */
export class Scanner {
  readonly digits = new Int8Array(BODY_LENGTH);
  readonly state = new Int32Array((BODY_LENGTH + 1) * WIDTH);
  /** Points per family so far (tenths). */
  readonly sums = new Int32Array(FAMILY_COUNT);
  /** Bits of the number last finished. */
  bits = 0;
  log: RawFinding[] | null = null;

  private readonly undo = new Int32Array(UNDO_SIZE);
  private top = 0;
  /** marks[p]: undo height before body digit p was read. */
  private readonly marks = new Int32Array(BODY_LENGTH + 1);

  // The tables, one field each, so the hot path loads them without following tables.*.
  readonly points: Int32Array;
  readonly family: Int8Array;
  readonly pointBits: Int32Array;
  readonly phraseStep: Int32Array;
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
  readonly phrasePoints: Int32Array;
  readonly phraseFamily: Int8Array;
  readonly phraseLength: Int8Array;
  private readonly saturation: Int32Array;
  private readonly saturationLength: number;
  private readonly saturationLast: number;
  private readonly scoreOf: Int16Array;

  constructor(readonly tables: ScoringTables) {
    this.points = tables.points;
    this.family = tables.family;
    this.pointBits = tables.bits;
    this.phraseStep = tables.automaton.step;
    this.outputStart = tables.automaton.outputStart;
    this.outputs = tables.automaton.outputs;
    this.phrasePoints = tables.phrasePoints;
    this.phraseFamily = tables.phraseFamily;
    this.phraseLength = tables.phraseLength;
    this.saturation = tables.saturation;
    this.saturationLength = tables.saturationLength;
    this.saturationLast = tables.saturationLength - 1;
    this.scoreOf = tables.scoreOf;
  }

  /**
   * Reads body digit p (0 = the segment digit) after digits 0 … p - 1. Digits p and later of the
   * previous number are forgotten, so numbers can be walked in any order that shares prefixes.
   */
  push(p: number, digit: number): void {
    this.rewind(this.marks[p]!);
    const st = this.state;
    const o = (p + 1) * WIDTH;
    st[o + BITS] = st[o - WIDTH + BITS]!;
    st[o + TOTAL] = st[o - WIDTH + TOTAL]!;
    this.digits[p] = digit;
    stepRepeat(this, p, o);
    stepSequence(this, p, o);
    stepPattern(this, p, o);
    stepCombination(this, p, o);
    stepAuspicious(this, p, o);
    stepPhrases(this, p, o);
    this.marks[p + 1] = this.top;
  }

  /** Closes the number after all seven digits were pushed; returns its score in tenths. Push again before the next close. */
  finish(): number {
    const o = BODY_LENGTH * WIDTH;
    finishRepeat(this, o);
    finishSequence(this, o);
    finishPattern(this, o);
    this.bits = this.state[o + BITS]!;
    const total = this.state[o + TOTAL]!;
    const scoreOf = this.scoreOf;
    return total <= 0 ? 0 : scoreOf[total < scoreOf.length ? total : scoreOf.length - 1]!;
  }

  /** Scores the seven digits after "400", given as a string. */
  scan(body: string): number {
    for (let p = 0; p < BODY_LENGTH; p++) this.push(p, body.charCodeAt(p) - 48);
    return this.finish();
  }

  private rewind(mark: number): void {
    const undo = this.undo;
    const sums = this.sums;
    let top = this.top;
    while (top > mark) {
      top -= 2;
      sums[undo[top]!] = undo[top + 1]!;
    }
    this.top = top;
  }

  /** Adds points to a family and keeps the saturated total up to date, so closing a number is one look-up. */
  private add(o: number, family: number, points: number): void {
    const sums = this.sums;
    const before = sums[family]!;
    const after = before + points;
    this.undo[this.top++] = family;
    this.undo[this.top++] = before;
    sums[family] = after;
    const last = this.saturationLast;
    const base = family * this.saturationLength;
    this.state[o + TOTAL]! += this.saturation[base + (after < last ? after : last)]! - this.saturation[base + (before < last ? before : last)]!;
  }

  emit(o: number, kind: number, slot: number, start: number, length: number): void {
    const i = (kind * SLOTS + slot) * BODY_LENGTH + start + length - 1;
    const points = this.points[i]!;
    if (points === 0) return;
    const family = this.family[kind * SLOTS + slot]!;
    this.add(o, family, points);
    this.state[o + BITS]! |= this.pointBits[i]!;
    if (this.log !== null) this.log.push({ kind, slot, family, start, length, points, phrase: -1 });
  }

  emitPhrase(o: number, phrase: number, end: number): void {
    const points = this.phrasePoints[phrase * BODY_LENGTH + end]!;
    const family = this.phraseFamily[phrase]!;
    const length = this.phraseLength[phrase]!;
    this.add(o, family, points);
    this.state[o + BITS]! |= 1 << family;
    if (this.log !== null) this.log.push({ kind: KIND.PHRASE, slot: length, family, start: end - length + 1, length, points, phrase });
  }
}
