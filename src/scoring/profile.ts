import { excerpt, guardKind } from '../errors/guards.js';
import profilesData from '../../data/profiles.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { FAMILIES, isRuleFamily, type RuleFamily } from '../rules/families.js';
import { PATTERN_KINDS, type PatternName } from '../rules/kinds.js';

/**
 * Points by the length of what is found, keyed by the length as a string: `{ "3": 7, "4": 20 }`.
 * A length left out scores nothing.
 *
 * @inline
 */
type ByLength = Readonly<Record<string, number>>;

/** Scoring weights. All points are in score points before the position multiplier. */
export interface Profile {
  /** The profile's name, e.g. `'seed'` or `'traditional'` for the built-in ones. */
  name: string;
  /** What the profile stands for, in Chinese. */
  zh: string;
  /** What the profile stands for, in English. */
  en: string;
  /** Multipliers by where a finding lies among the 7 digits after 400 (the end counts most). */
  position: {
    /** For a finding that ends with the number's last digit, e.g. 1.5. */
    tailEnd: number;
    /** For a finding wholly in the last four digits that does not end the number, e.g. 1.25. */
    tail: number;
    /** For any other finding, e.g. 1. */
    middle: number;
  };
  /** A multiplier on all points of each family, ≥ 0; 0 turns the family off. */
  familyWeights: Readonly<Record<RuleFamily, number>>;
  /** Each family's ceiling, > 0: its points add up to `sum`, then count as cap × (1 − e^(−sum/cap)). */
  familyCaps: Readonly<Record<RuleFamily, number>>;
  /** The total of the capped families (taboo subtracted) that scores 63.2 (1 − 1/e of 100), > 0. */
  scale: number;
  /** Shape of the final curve: score = 100 × (1 − e^(−(total/scale)^shape)); above 1 keeps plain numbers low. */
  shape: number;
  /** Points every number starts with (0-10), so that a taboo lowers even a plain number. */
  base: number;
  /**
   * Runs and shop patterns holding one of `digits` count `factor` (0-1] of their points: the seed's 带四的靓号最合算,
   * 400-744-4444 sells below 400-666-8888. Straights, readings and combinations keep theirs. Optional.
   */
  shapeDiscount?: {
    /** The digits, e.g. "4". */
    digits: string;
    /** The share of their points such shapes keep, in (0, 1]. */
    factor: number;
  };
  /** Points of each rule (0-1000 each), before the family weight and the position multiplier. */
  points: {
    /** A run of one digit (888), by its length 2-7 (a pair counts only at the very end). */
    repeat: ByLength;
    /** A straight up (3456, 7890), by its length 3-7 (three digits count only at the very end). */
    sequenceUp: ByLength;
    /** A straight down (6543, 3210), by its length 3-7 (three digits count only at the very end). */
    sequenceDown: ByLength;
    /** The shop patterns ending the number: AABB; ABCABC, AAABBB, AABBCC; alternations, mirrors and N拖M by length. */
    pattern: Readonly<Record<PatternName, number>> & {
      /** Two digits taking turns (5757 ABAB, 585858), by its length 4-7. */
      alternation: ByLength;
      /** Digits that read the same backwards (7557 ABBA, 12321, 123321), by its length 4-7. */
      mirror: ByLength;
      /** N拖M: a run of N ≥ 3 then a shorter run of M ≥ 2 ending the number (888866 is 四拖二), by its length 5-7. */
      trail: ByLength;
    };
    /** A clever combination in the last four digits, one digit coming back after another (1511, 5161). */
    combination: number;
    /** A line of the times table as digits a, b, a×b (248 二四得八, 2510 二五一十), by its length 3-4. */
    multiplication: ByLength;
    /** A year 1950-2030 in four digits (年份号; famous years are lexicon entries). */
    year: number;
    /** Digits from the company's facts ({@link CompanyProfile}), by their length 2-6. */
    company: ByLength;
    /** Single digits read as lucky or unlucky wherever no longer reading covers them, keyed by the digit: `{ "8": { family: 'auspicious', points: 2.5 } }`. */
    digits: Readonly<Record<string, {
      /** `'auspicious'` adds the points, `'taboo'` takes them off. */
      family: 'auspicious' | 'taboo';
      /** Points for each time the digit appears. */
      points: number;
    }>>;
    /** A lexicon phrase (data/lexicon.json) by its family: 5 points, for the entry's weight 1 to 5. */
    lexicon: Readonly<Record<'homophone' | 'memorable' | 'taboo', readonly number[]>>;
  };
  /** Taboo lexicon entries of at least this weight are serious: a number with one scores below 精品号 (a tier above 优选号 never has one). */
  seriousTaboo: number;
  /** Multipliers for lexicon phrases carrying a tag, e.g. `{ 'four-as-death': 0 }` drops those; tags not listed count 1. */
  tagWeights: Readonly<Record<string, number>>;
}

function check(ok: boolean, where: string, what: Text): asserts ok {
  if (!ok) throw new Vanity400Error('BAD_PROFILE', { zh: `评分方案 ${where}：${what.zh}`, en: `profile ${where}: ${what.en}` });
}
interface Text {
  zh: string;
  en: string;
}

const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1000;
const POINTS: Text = { zh: '应为 0 到 1000 的分数', en: 'expected points from 0 to 1000' };

function checkByLength(v: unknown, where: string, min: number, max: number): void {
  check(!!v && typeof v === 'object' && !Array.isArray(v), where, { zh: '应为“长度 → 分数”的对象', en: 'expected an object of length → points' });
  for (const [k, p] of Object.entries(v as object)) {
    const len = Number(k);
    check(Number.isInteger(len) && len >= min && len <= max, where, { zh: `长度“${k}”应为 ${min} 到 ${max}`, en: `length "${k}" is not ${min}-${max}` });
    check(isPoints(p), `${where}.${k}`, POINTS);
  }
}

/** Checks a profile object (e.g. a custom one a website passes in); any mistake is an error naming the field. */
export function checkProfile(value: unknown): Profile {
  guardKind(value, 'checkProfile(): profile', 'object');
  check(!!value && typeof value === 'object' && !Array.isArray(value), '', { zh: '应为一个对象', en: 'expected an object' });
  const p = value as Profile;
  const name = typeof p.name === 'string' ? p.name.slice(0, 40) : '(unnamed)';
  const at = (field: string) => `${name}.${field}`;
  const multiplier: Text = { zh: '应为 ≥ 0 的倍数', en: 'expected a multiplier ≥ 0' };
  for (const k of ['tailEnd', 'tail', 'middle'] as const) check(isPoints(p.position?.[k]), at(`position.${k}`), multiplier);
  for (const f of FAMILIES) {
    check(isPoints(p.familyWeights?.[f]), at(`familyWeights.${f}`), { zh: '应为 ≥ 0 的权重', en: 'expected a weight ≥ 0' });
    check(isPoints(p.familyCaps?.[f]) && p.familyCaps[f] > 0, at(`familyCaps.${f}`), { zh: '应为 > 0 的上限', en: 'expected a cap > 0' });
  }
  check(isPoints(p.scale) && p.scale > 0, at('scale'), { zh: '应为 > 0 的数', en: 'expected a number > 0' });
  check(isPoints(p.shape) && p.shape > 0 && p.shape <= 4, at('shape'), { zh: '应为 (0, 4] 之间的数', en: 'expected a number in (0, 4]' });
  check(isPoints(p.base) && p.base <= 10, at('base'), { zh: '应为 0 到 10 的分数', en: 'expected points from 0 to 10' });
  if (p.shapeDiscount !== undefined) {
    const sd = p.shapeDiscount;
    check(!!sd && typeof sd === 'object' && typeof sd.digits === 'string' && /^\d{1,10}$/.test(sd.digits), at('shapeDiscount.digits'), { zh: '应为一串数字，如 "4"', en: 'expected a string of digits such as "4"' });
    check(isPoints(sd.factor) && sd.factor > 0 && sd.factor <= 1, at('shapeDiscount.factor'), { zh: '应为 (0, 1] 之间的倍数', en: 'expected a factor in (0, 1]' });
  }
  const pts = p.points;
  check(!!pts && typeof pts === 'object', at('points'), { zh: '应为一个对象', en: 'expected an object' });
  checkByLength(pts.repeat, at('points.repeat'), 2, 7);
  checkByLength(pts.sequenceUp, at('points.sequenceUp'), 3, 7);
  checkByLength(pts.sequenceDown, at('points.sequenceDown'), 3, 7);
  checkByLength(pts.multiplication, at('points.multiplication'), 4, 4);
  checkByLength(pts.company, at('points.company'), 2, 6);
  check(!!pts.pattern && typeof pts.pattern === 'object', at('points.pattern'), { zh: '应为一个对象', en: 'expected an object' });
  for (const k of Object.keys(PATTERN_KINDS) as PatternName[]) check(isPoints(pts.pattern[k]), at(`points.pattern.${k}`), POINTS);
  checkByLength(pts.pattern.alternation, at('points.pattern.alternation'), 4, 7);
  checkByLength(pts.pattern.mirror, at('points.pattern.mirror'), 4, 7);
  checkByLength(pts.pattern.trail, at('points.pattern.trail'), 5, 7);
  check(isPoints(pts.combination), at('points.combination'), POINTS);
  check(isPoints(pts.year), at('points.year'), POINTS);
  check(!!pts.digits && typeof pts.digits === 'object', at('points.digits'), { zh: '应为一个对象', en: 'expected an object' });
  for (const [d, rule] of Object.entries(pts.digits)) {
    check(/^\d$/.test(d), at(`points.digits.${d.slice(0, 10)}`), { zh: '键应为单个数字', en: 'keys are single digits' });
    check(rule?.family === 'auspicious' || rule?.family === 'taboo', at(`points.digits.${d}.family`), { zh: '应为 "auspicious" 或 "taboo"', en: 'expected "auspicious" or "taboo"' });
    check(isPoints(rule.points), at(`points.digits.${d}.points`), POINTS);
  }
  for (const f of ['homophone', 'memorable', 'taboo'] as const) {
    const w = pts.lexicon?.[f];
    check(Array.isArray(w) && w.length === 5 && w.every(isPoints), at(`points.lexicon.${f}`), { zh: '应为 5 个分数，对应权重 1 到 5', en: 'expected 5 points, for weights 1-5' });
  }
  check(Number.isInteger(p.seriousTaboo) && p.seriousTaboo >= 1 && p.seriousTaboo <= 6, at('seriousTaboo'), { zh: '应为 1 到 6 的整数（6 表示没有严重忌讳）', en: 'expected a whole number 1-6 (6: no taboo is serious)' });
  check(!!p.tagWeights && typeof p.tagWeights === 'object', at('tagWeights'), { zh: '应为一个对象', en: 'expected an object' });
  for (const [t, w] of Object.entries(p.tagWeights)) check(isPoints(w), at(`tagWeights.${t.slice(0, 40)}`), { zh: '应为 ≥ 0 的权重', en: 'expected a weight ≥ 0' });
  check(FAMILIES.every(isRuleFamily), at('families'), { zh: '未知的规则类别', en: 'unknown family' });
  return p;
}

const builtIn = new Map<string, Profile>();
for (const [name, body] of Object.entries(profilesData.profiles)) {
  builtIn.set(name, Object.freeze(checkProfile({ name, ...body })));
}

/** The names of the built-in profiles, e.g. `['seed', 'traditional', 'cantonese']`. */
export function profileNames(): string[] {
  return [...builtIn.keys()];
}

/** A built-in profile by name ('seed', the default, 'traditional' or 'cantonese'), or a custom profile object, checked. */
export function resolveProfile(profile: string | Profile = 'seed'): Profile {
  guardKind(profile, 'resolveProfile(): profile', 'string|object');
  if (typeof profile === 'string' && profile.length > 100) {
    throw new Vanity400Error('UNKNOWN_PROFILE', { zh: `没有评分方案 ${excerpt(profile)}：可用 ${profileNames().join('、')}`, en: `unknown profile ${excerpt(profile)}: use one of ${profileNames().join(', ')}` }, { input: profile });
  }
  if (typeof profile !== 'string') return checkProfile(profile);
  const found = builtIn.get(profile);
  if (!found) {
    const shown = JSON.stringify(profile.length > 40 ? `${profile.slice(0, 40)}…` : profile);
    throw new Vanity400Error(
      'UNKNOWN_PROFILE',
      { zh: `没有评分方案 ${shown}：可用 ${profileNames().join('、')}`, en: `unknown profile ${shown}: use one of ${profileNames().join(', ')}` },
      { input: profile },
    );
  }
  return found;
}
