import { FAMILIES, FAMILY_COUNT, TABOO, familyIndex } from '../rules/families.js';
import { BODY_LENGTH, KIND, KIND_COUNT, PATTERN_KINDS } from '../rules/kinds.js';
import { buildPhraseAutomaton, type PhraseAutomaton } from '../rules/phrase-automaton.js';
import { classifyWindow4 } from '../rules/pattern.js';
import { isCombination } from '../rules/combination.js';
import type { Phrase } from '../rules/phrase.js';
import { shapeBit } from '../rules/shapes.js';
import type { Profile } from './profile.js';

/** Slots per kind: a finding's length, or for DIGIT the digit itself. */
export const SLOTS = 10;
/** Set in window4 when the four digits are a clever combination. */
export const COMBINATION_FLAG = 0x100;

/**
 * A profile turned into lookup tables. Points are integers in tenths of a point and already
 * carry the family weight and the position multiplier, so the scanner only adds integers.
 */
export interface ScoringTables {
  readonly profile: Profile;
  /** [(kind * SLOTS + slot) * BODY_LENGTH + end] → points (tenths, ≥ 0; taboo counts against) */
  readonly points: Int32Array;
  /** [kind * SLOTS + slot] → family index, or -1 when the profile does not score it */
  readonly family: Int8Array;
  /** same index as points → family bit | shape flags */
  readonly bits: Int32Array;
  readonly automaton: PhraseAutomaton;
  readonly phrases: readonly Phrase[];
  readonly phraseFamily: Int8Array;
  readonly phraseLength: Int8Array;
  /** [phrase * BODY_LENGTH + end] → points (tenths) */
  readonly phrasePoints: Int32Array;
  /** [four digits, one per 4 bits] → pattern kind (or 0) | COMBINATION_FLAG: the four-digit rules, looked up instead of re-tested */
  readonly window4: Int16Array;
  /** family f's points saturate as saturation[f * saturationLength + min(sum, saturationLength - 1)]; taboo's are negative */
  readonly saturation: Int32Array;
  readonly saturationLength: number;
  /** score in tenths for a total in tenths (clamped to the last entry) */
  readonly scoreOf: Int16Array;
  /** Hash of everything that decides scores: pools and snapshots record it to tell stale ones. */
  readonly fingerprint: string;
}

const LAST = BODY_LENGTH - 1;

function multiplier(profile: Profile, start: number, end: number): number {
  if (end === LAST) return profile.position.tailEnd;
  if (start >= BODY_LENGTH - 4) return profile.position.tail;
  return profile.position.middle;
}

function tenths(points: number): number {
  return Math.round(points * 10);
}

/** Compiles a checked profile and the phrases to look for into the scanner's tables. */
export function compileTables(profile: Profile, phrases: readonly Phrase[]): ScoringTables {
  const points = new Int32Array(KIND_COUNT * SLOTS * BODY_LENGTH);
  const family = new Int8Array(KIND_COUNT * SLOTS).fill(-1);
  const bits = new Int32Array(points.length);

  const define = (kind: number, slot: number, fam: number, base: number, length: number, shape: (end: number) => number) => {
    if (!(base > 0)) return;
    const weight = profile.familyWeights[FAMILIES[fam]!];
    family[kind * SLOTS + slot] = fam;
    for (let end = length - 1; end < BODY_LENGTH; end++) {
      const i = (kind * SLOTS + slot) * BODY_LENGTH + end;
      points[i] = tenths(base * weight * multiplier(profile, end - length + 1, end));
      bits[i] = (points[i]! > 0 ? 1 << fam : 0) | shape(end);
    }
  };
  const byLength = (table: Readonly<Record<string, number>>, fn: (len: number, pts: number) => void) => {
    for (const [len, pts] of Object.entries(table)) fn(Number(len), pts);
  };
  const none = () => 0;
  const atTail = (flag: number) => (end: number) => (end === LAST ? flag : 0);

  const pts = profile.points;
  byLength(pts.repeat, (len, p) =>
    define(KIND.REPEAT, len, familyIndex('repeat'), p, len, (end) =>
      (len >= 4 && end === LAST ? shapeBit('tailRun4') : 0) |
      (len >= 5 && end === LAST ? shapeBit('tailRun5') : 0) |
      (len >= 6 ? shapeBit('run6') : 0),
    ),
  );
  const tailSequence = (len: number) => (len >= 5 ? atTail(shapeBit('tailSequence5')) : none);
  byLength(pts.sequenceUp, (len, p) => define(KIND.SEQUENCE_UP, len, familyIndex('sequence'), p, len, tailSequence(len)));
  byLength(pts.sequenceDown, (len, p) => define(KIND.SEQUENCE_DOWN, len, familyIndex('sequence'), p, len, tailSequence(len)));
  const pattern = familyIndex('pattern');
  for (const name of ['AABB', 'ABAB', 'ABBA', 'AAAB', 'ABBB'] as const) define(PATTERN_KINDS[name], 4, pattern, pts.pattern[name], 4, none);
  for (const name of ['ABCABC', 'AAABBB', 'AABBCC'] as const) {
    define(PATTERN_KINDS[name], 6, pattern, pts.pattern[name], 6, atTail(shapeBit('tailPattern6')));
  }
  byLength(pts.pattern.mirror, (len, p) => define(KIND.MIRROR, len, pattern, p, len, len >= 6 ? atTail(shapeBit('tailPattern6')) : none));
  byLength(pts.pattern.trail, (len, p) => define(KIND.TRAIL, len, pattern, p, len, none));
  define(KIND.COMBINATION, 4, familyIndex('combination'), pts.combination, 4, none);
  for (const [digit, rule] of Object.entries(pts.digits)) define(KIND.DIGIT, Number(digit), familyIndex(rule.family), rule.points, 1, none);

  // Phrases: drop those the profile weighs at 0, and a negative phrase that is only the end of a positive one.
  const kept = phrases.filter((ph) => phraseBase(profile, ph) > 0);
  const automaton = buildPhraseAutomaton(
    kept.map((ph) => ph.digits),
    (outputs) => {
      const longestPositive = Math.max(0, ...outputs.filter((o) => kept[o]!.family !== 'taboo').map((o) => kept[o]!.digits.length));
      return outputs.filter((o) => kept[o]!.family !== 'taboo' || kept[o]!.digits.length >= longestPositive);
    },
  );
  const phraseFamily = Int8Array.from(kept, (ph) => familyIndex(ph.family));
  const phraseLength = Int8Array.from(kept, (ph) => ph.digits.length);
  const phrasePoints = new Int32Array(kept.length * BODY_LENGTH);
  kept.forEach((ph, i) => {
    const base = phraseBase(profile, ph) * profile.familyWeights[ph.family];
    for (let end = ph.digits.length - 1; end < BODY_LENGTH; end++) {
      phrasePoints[i * BODY_LENGTH + end] = tenths(base * multiplier(profile, end - ph.digits.length + 1, end));
    }
  });

  // One curve per family, all of one length so the scanner indexes them without a look-up of where each starts.
  const caps = FAMILIES.map((name) => tenths(profile.familyCaps[name]));
  const saturationLength = Math.max(...caps) * 8 + 1;
  const saturation = new Int32Array(FAMILY_COUNT * saturationLength);
  caps.forEach((cap, f) => {
    const sign = f === TABOO ? -1 : 1;
    for (let s = 0; s < saturationLength; s++) {
      saturation[f * saturationLength + s] = sign * Math.round(cap * (1 - Math.exp(-Math.min(s, cap * 8) / cap)));
    }
  });
  const positiveTotal = caps.reduce((sum, cap, f) => (f === TABOO ? sum : sum + cap), 0);
  const scale = tenths(profile.scale);
  const scoreOf = new Int16Array(positiveTotal + 1);
  for (let t = 0; t <= positiveTotal; t++) scoreOf[t] = Math.round(1000 * (1 - Math.exp(-((t / scale) ** profile.shape))));

  const window4 = new Int16Array(1 << 16);
  for (let a = 0; a < 10; a++) {
    for (let b = 0; b < 10; b++) {
      for (let c = 0; c < 10; c++) {
        for (let e = 0; e < 10; e++) {
          window4[(a << 12) | (b << 8) | (c << 4) | e] = classifyWindow4(a, b, c, e) | (isCombination(a, b, c, e) ? COMBINATION_FLAG : 0);
        }
      }
    }
  }

  const fingerprint = fingerprintOf([points, family, bits, phrasePoints, phraseFamily, saturation, scoreOf, automaton.step, automaton.outputs]);

  return {
    profile,
    fingerprint,
    points,
    window4,
    family,
    bits,
    automaton,
    phrases: kept,
    phraseFamily,
    phraseLength,
    phrasePoints,
    saturation,
    saturationLength,
    scoreOf,
  };
}

function phraseBase(profile: Profile, ph: Phrase): number {
  const pts = profile.points;
  let base: number;
  if (ph.family === 'multiplication') base = pts.multiplication[String(ph.digits.length)] ?? 0;
  else if (ph.family === 'company') base = pts.company[String(ph.digits.length)] ?? 0;
  else base = pts.lexicon[ph.family][(ph.weight ?? 1) - 1] ?? 0;
  for (const tag of ph.tags ?? []) base *= profile.tagWeights[tag] ?? 1;
  return base;
}

/** The saturated value (tenths, negative for taboo) of `sum` points in family f. */
export function saturated(tables: ScoringTables, family: number, sum: number): number {
  const last = tables.saturationLength - 1;
  return tables.saturation[family * tables.saturationLength + (sum < last ? sum : last)]!;
}

/** Score (tenths) from the total of saturated family values (tenths). */
export function scoreOfTotal(tables: ScoringTables, total: number): number {
  if (total <= 0) return 0;
  const scoreOf = tables.scoreOf;
  return scoreOf[total < scoreOf.length ? total : scoreOf.length - 1]!;
}

/** Score (tenths) from per-family sums (tenths), all at once: the explain path's way. */
export function combine(tables: ScoringTables, sums: ArrayLike<number>): number {
  let total = 0;
  for (let f = 0; f < FAMILY_COUNT; f++) total += saturated(tables, f, sums[f]!);
  return scoreOfTotal(tables, total);
}

/** FNV-1a over the bytes of the tables, as 8 hex digits. */
function fingerprintOf(arrays: readonly ArrayBufferView[]): string {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
