import { FAMILIES, FAMILY_COUNT, TABOO, familyIndex } from '../rules/families.js';
import { BODY_LENGTH, CHOSEN_START, KIND, KIND_COUNT, LAST, PATTERN_KINDS, TAIL_START } from '../rules/kinds.js';
import { buildPhraseAutomaton, type PhraseAutomaton } from '../rules/phrase-automaton.js';
import { heardAt, type Phrase } from '../rules/phrase.js';
import { runCounts } from '../rules/repeat.js';
import { straightCounts } from '../rules/sequence.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Profile } from './profile.js';
import { TIER_MIN_TENTHS, tierIndexById } from './tiers.js';

/** Slots per kind: a finding's length, or for DIGIT the digit itself. */
export const SLOTS = 10;

/** The families readings count in (lucky and unlucky digits, phrases); no shape counts in them. */
export const READING_FAMILIES = (['auspicious', 'homophone', 'memorable', 'multiplication', 'company', 'taboo'] as const).map(familyIndex);
export const READINGS = READING_FAMILIES.length;
/** By family: its place in a state's reading sums. */
export const READING_SLOT = Int8Array.from({ length: FAMILY_COUNT }, (_, f) => READING_FAMILIES.indexOf(f));


/**
 * A profile turned into lookup tables. Points are integers in tenths of a point and already carry
 * the family weight and the position multiplier (and are 0 where a rule does not count, such as a
 * pair in the middle), so the scanner only adds integers.
 */
export interface ScoringTables {
  readonly profile: Profile;
  /** Shapes: [(kind * SLOTS + length) * BODY_LENGTH + end] → points (tenths, ≥ 0). */
  readonly points: Int32Array;
  /** Same index as points → the family bit and shape flags a finding there sets (0 when it has no points). */
  readonly bits: Int32Array;
  /** [kind] → family index of a shape kind, or -1 when the profile does not score it. */
  readonly kindFamily: Int8Array;
  /** Single-digit readings: [digit * BODY_LENGTH + position] → points (tenths, ≥ 0; 0 outside the chosen digits). */
  readonly digitPoints: Int32Array;
  /** [digit] → family of its reading (auspicious or taboo), or -1. */
  readonly digitFamily: Int8Array;
  /** Digits that count against a number read on their own (4 in the traditional profile), as bits: no shape made with one counts. */
  readonly unluckyDigits: number;
  /** The profile's shapeDiscount digits, as bits: a run or shop pattern holding one counts `discounted` points. */
  readonly discountDigits: number;
  /** Same index as points: the points of a run or shop pattern holding a discount digit (the others' are as in points). */
  readonly discounted: Int32Array;
  /** The phrases the scanner reads (lexicon entries the profile keeps, the times table, years, company facts). */
  readonly phrases: readonly Phrase[];
  readonly automaton: PhraseAutomaton;
  readonly phraseFamily: Int8Array;
  readonly phraseLength: Int8Array;
  /** 1 for a taboo phrase serious enough to keep the number out of the tiers above 优选号. */
  readonly phraseSerious: Uint8Array;
  /**
   * 1 for a phrase not read where it would cut a run of three or more equal digits: all but the
   * company's own facts, told wherever they are, and taboos, which a customer may hear all the same.
   */
  readonly phraseYieldsToRuns: Uint8Array;
  /** [phrase * BODY_LENGTH + end] → points (tenths, ≥ 0; taboo counts against). */
  readonly phrasePoints: Int32Array;
  /**
   * Same index → what the phrase adds to a segmentation's rank: its points times a factor that grows
   * with its length faster than the length, so the whole phrase people hear (1414 要死要死, 5188 我要发发)
   * outranks the shorter readings inside it; a digit read on its own adds 1, only filling gaps.
   */
  readonly phraseRank: Int32Array;
  /** Family f's points saturate as saturation[f * saturationLength + min(sum, saturationLength - 1)]; taboo's are negative. */
  readonly saturation: Int32Array;
  readonly saturationLength: number;
  /** Score in tenths for a total in tenths (clamped to the last entry). */
  readonly scoreOf: Int16Array;
  /** Points (tenths) every number starts with, so that a taboo always lowers a number, even a plain one. */
  readonly base: number;
  /** The highest score (tenths) of a number with a serious taboo: just under 精品号. */
  readonly seriousCap: number;
  /** Hash of everything that decides scores: pools and snapshots record it to tell stale ones. */
  readonly fingerprint: string;
}

/** The families a profile's shapeDiscount lowers: runs and shop patterns, not straights or combinations. */
const DISCOUNTED_FAMILIES: readonly string[] = ['repeat', 'pattern'];

/** By a phrase's length: the factor on its points in a segmentation's rank (two digits 4, three 6, four 9 …). */
const LENGTH_RANK = [0, 0, 4, 6, 9, 12, 16];

/** The position multiplier of a finding from body position `start` to `end`. */
export function multiplier(profile: Profile, start: number, end: number): number {
  if (end === LAST) return profile.position.tailEnd;
  if (start >= TAIL_START) return profile.position.tail;
  return profile.position.middle;
}

function tenths(points: number): number {
  return Math.round(points * 10);
}

/** The points (before position) the profile gives a phrase, tags applied; 0 drops it. */
export function phraseBase(profile: Profile, ph: Phrase): number {
  const pts = profile.points;
  let base: number;
  if (ph.family === 'multiplication') base = pts.multiplication[String(ph.digits.length)] ?? 0;
  else if (ph.family === 'company') base = pts.company[String(ph.digits.length)] ?? 0;
  else if (ph.source === 'years') base = pts.year;
  else base = pts.lexicon[ph.family][(ph.weight ?? 1) - 1] ?? 0;
  for (const tag of ph.tags ?? []) base *= profile.tagWeights[tag] ?? 1;
  return base * profile.familyWeights[ph.family];
}

/**
 * The phrases a profile reads: those it gives points, one per digit string. Company facts come first,
 * then the lexicon, the times table and the years, and a later phrase with the digits of an earlier
 * one is left out (1949 the lexicon's, not the plain year's). Two lexicon entries for one digit string
 * in a profile are a data error: a number must not get two readings of the same digits.
 */
export function phrasesFor(profile: Profile, phrases: readonly Phrase[]): Phrase[] {
  const kept = new Map<string, Phrase>();
  for (const ph of phrases) {
    if (!(phraseBase(profile, ph) > 0)) continue;
    const other = kept.get(ph.digits);
    if (!other) kept.set(ph.digits, ph);
    else if (other.source !== 'company-profile' && ph.source !== 'years' && ph.family !== 'multiplication' && other.family !== 'multiplication') {
      throw new Vanity400Error('BAD_DATA', {
        zh: `评分方案 ${profile.name} 对 ${ph.digits} 有两种读法（“${other.zh}”和“${ph.zh}”）：同一串数字在一个方案里只能有一种读法`,
        en: `profile ${profile.name} reads ${ph.digits} two ways ("${other.zh}" and "${ph.zh}"): a digit string has one reading in a profile`,
      });
    }
  }
  return [...kept.values()];
}

/** Compiles a checked profile and the phrases to look for into the scanner's tables. */
export function compileTables(profile: Profile, phrases: readonly Phrase[]): ScoringTables {
  const points = new Int32Array(KIND_COUNT * SLOTS * BODY_LENGTH);
  const discounted = new Int32Array(points.length);
  const bits = new Int32Array(points.length);
  const discount = profile.shapeDiscount;
  const kindFamily = new Int8Array(KIND_COUNT).fill(-1);

  /** Points for `kind` of each length in `table`, at every end where `counts` says it is a finding. */
  const define = (
    kind: number,
    fam: number,
    table: Readonly<Record<string, number>>,
    counts: (length: number, end: number) => boolean,
  ) => {
    kindFamily[kind] = fam;
    const weight = profile.familyWeights[FAMILIES[fam]!];
    for (const [len, base] of Object.entries(table)) {
      const length = Number(len);
      for (let end = length - 1; end < BODY_LENGTH; end++) {
        if (!counts(length, end)) continue;
        const i = (kind * SLOTS + length) * BODY_LENGTH + end;
        points[i] = tenths(base * weight * multiplier(profile, end - length + 1, end));
        discounted[i] = discount && DISCOUNTED_FAMILIES.includes(FAMILIES[fam]!) ? tenths(base * weight * multiplier(profile, end - length + 1, end) * discount.factor) : points[i]!;
        bits[i] = points[i] > 0 ? 1 << fam : 0;
      }
    }
  };
  const atEnd = (_length: number, end: number) => end === LAST;
  const pts = profile.points;
  const repeat = familyIndex('repeat');
  const sequence = familyIndex('sequence');
  const pattern = familyIndex('pattern');
  define(KIND.REPEAT, repeat, pts.repeat, runCounts);
  define(KIND.SEQUENCE_UP, sequence, pts.sequenceUp, straightCounts);
  define(KIND.SEQUENCE_DOWN, sequence, pts.sequenceDown, straightCounts);
  define(KIND.AABB, pattern, { 4: pts.pattern.AABB }, atEnd);
  for (const name of ['ABCABC', 'AAABBB', 'AABBCC'] as const) define(PATTERN_KINDS[name], pattern, { 6: pts.pattern[name] }, atEnd);
  define(KIND.ALTERNATION, pattern, pts.pattern.alternation, atEnd);
  define(KIND.MIRROR, pattern, pts.pattern.mirror, atEnd);
  define(KIND.TRAIL, pattern, pts.pattern.trail, atEnd);
  define(KIND.COMBINATION, familyIndex('combination'), { 4: pts.combination }, atEnd);

  const digitPoints = new Int32Array(10 * BODY_LENGTH);
  const digitFamily = new Int8Array(10).fill(-1);
  for (const [digit, rule] of Object.entries(pts.digits)) {
    const d = Number(digit);
    const fam = familyIndex(rule.family);
    digitFamily[d] = fam;
    for (let p = CHOSEN_START; p < BODY_LENGTH; p++) {
      digitPoints[d * BODY_LENGTH + p] = tenths(rule.points * profile.familyWeights[rule.family] * multiplier(profile, p, p));
    }
  }

  let unluckyDigits = 0;
  for (let d = 0; d < 10; d++) if (digitFamily[d] === TABOO) unluckyDigits |= 1 << d;
  let discountDigits = 0;
  for (const c of discount?.digits ?? '') discountDigits |= 1 << Number(c);

  const kept = phrasesFor(profile, phrases);
  const automaton = buildPhraseAutomaton(kept.map((ph) => ph.digits));
  const phraseFamily = Int8Array.from(kept, (ph) => familyIndex(ph.family));
  const phraseLength = Int8Array.from(kept, (ph) => ph.digits.length);
  const phraseSerious = Uint8Array.from(kept, (ph) => (ph.family === 'taboo' && (ph.weight ?? 0) >= profile.seriousTaboo ? 1 : 0));
  const phraseYieldsToRuns = Uint8Array.from(kept, (ph) => (ph.family === 'company' || ph.family === 'taboo' ? 0 : 1));
  const phrasePoints = new Int32Array(kept.length * BODY_LENGTH);
  const phraseRank = new Int32Array(kept.length * BODY_LENGTH);
  kept.forEach((ph, i) => {
    const base = phraseBase(profile, ph);
    for (let end = CHOSEN_START + ph.digits.length - 1; end < BODY_LENGTH; end++) {
      if (!heardAt(ph, end)) continue;
      const pts = Math.max(1, tenths(base * multiplier(profile, end - ph.digits.length + 1, end)));
      phrasePoints[i * BODY_LENGTH + end] = pts;
      phraseRank[i * BODY_LENGTH + end] = pts * LENGTH_RANK[ph.digits.length]!;
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
  const positiveTotal = caps.reduce((sum, cap, f) => (f === TABOO ? sum : sum + cap), tenths(profile.base));
  const scale = tenths(profile.scale);
  const scoreOf = new Int16Array(positiveTotal + 1);
  for (let t = 0; t <= positiveTotal; t++) scoreOf[t] = Math.round(1000 * (1 - Math.exp(-((t / scale) ** profile.shape))));
  const seriousCap = TIER_MIN_TENTHS[tierIndexById('premium')]! - 1;
  const base = tenths(profile.base);

  const fingerprint = fingerprintOf([
    points,
    discounted,
    Int32Array.of(discountDigits),
    bits,
    digitPoints,
    phrasePoints,
    phraseRank,
    phraseFamily,
    phraseSerious,
    phraseYieldsToRuns,
    saturation,
    scoreOf,
    automaton.step,
    automaton.outputs,
    Int32Array.of(seriousCap, base),
  ]);

  return {
    profile,
    fingerprint,
    points,
    bits,
    kindFamily,
    digitPoints,
    digitFamily,
    unluckyDigits,
    discountDigits,
    discounted,
    automaton,
    phrases: kept,
    phraseFamily,
    phraseLength,
    phraseSerious,
    phraseYieldsToRuns,
    phrasePoints,
    phraseRank,
    saturation,
    saturationLength,
    scoreOf,
    base,
    seriousCap,
  };
}

/** The saturated value (tenths, negative for taboo) of `sum` points in family f. */
export function saturated(tables: ScoringTables, family: number, sum: number): number {
  const last = tables.saturationLength - 1;
  return tables.saturation[family * tables.saturationLength + (sum < last ? sum : last)]!;
}

/** Score (tenths) from the total of saturated family values (tenths), and whether a serious taboo caps it. */
export function scoreOfTotal(tables: ScoringTables, total: number, serious: boolean): number {
  const t = total + tables.base;
  if (t <= 0) return 0;
  const scoreOf = tables.scoreOf;
  const s = scoreOf[t < scoreOf.length ? t : scoreOf.length - 1]!;
  return serious && s > tables.seriousCap ? tables.seriousCap : s;
}

/** Score (tenths) from per-family sums (tenths), all at once: the explain path's way. */
export function combine(tables: ScoringTables, sums: ArrayLike<number>, serious: boolean): number {
  let total = 0;
  for (let f = 0; f < FAMILY_COUNT; f++) total += saturated(tables, f, sums[f]!);
  return scoreOfTotal(tables, total, serious);
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
