import { excerpt } from '../errors/guards.js';
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
  /** Points of each rule (0-1000 each), before the family weight and the position multiplier. */
  points: {
    /** A run of one digit (888), by its length 2-7. */
    repeat: ByLength;
    /** A straight up (345, 7890), by its length 3-7. */
    sequenceUp: ByLength;
    /** A straight down (543, 3210), by its length 3-7. */
    sequenceDown: ByLength;
    /** Each shop pattern of 4 digits (AABB, ABAB, ABBA, AAAB, ABBB) or 6 (ABCABC, AAABBB, AABBCC), plus mirrors and N拖M by length. */
    pattern: Readonly<Record<Exclude<PatternName, 'mirror' | 'trail'>, number>> & {
      /** A mirror (digits that read the same backwards: 12321, ABCCBA), by its length 5-7. */
      mirror: ByLength;
      /** N拖M: a run of N ≥ 3 then a shorter run of M ending the number (88886 is 4拖1), by its length 5-7. */
      trail: ByLength;
    };
    /** A clever combination of four digits, one digit coming back after another (1511, 5161). */
    combination: number;
    /** A line of the times table as digits a, b, a×b (248 二四得八, 3721 三七二十一), by its length 3-4. */
    multiplication: ByLength;
    /** Digits from the company's facts ({@link CompanyProfile}), by their length 2-7. */
    company: ByLength;
    /** Single digits that count each time they appear after 400, keyed by the digit: `{ "8": { family: 'auspicious', points: 2.5 } }`. */
    digits: Readonly<Record<string, {
      /** `'auspicious'` adds the points, `'taboo'` takes them off. */
      family: 'auspicious' | 'taboo';
      /** Points for each time the digit appears. */
      points: number;
    }>>;
    /** A lexicon phrase (data/lexicon.json) by its family: 5 points, for the entry's weight 1 to 5. */
    lexicon: Readonly<Record<'homophone' | 'memorable' | 'taboo', readonly number[]>>;
  };
  /** Multipliers for lexicon phrases carrying a tag, e.g. `{ 'four-as-death': 0 }` drops those; tags not listed count 1. */
  tagWeights: Readonly<Record<string, number>>;
}

function check(ok: boolean, where: string, what: string): asserts ok {
  if (!ok) throw new Vanity400Error('BAD_PROFILE', `profile ${where}: ${what}`);
}

const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1000;

function checkByLength(v: unknown, where: string, min: number, max: number): void {
  check(!!v && typeof v === 'object', where, 'expected an object of length → points');
  for (const [k, p] of Object.entries(v as object)) {
    const len = Number(k);
    check(Number.isInteger(len) && len >= min && len <= max, where, `length "${k}" is not ${min}-${max}`);
    check(isPoints(p), `${where}.${k}`, `${JSON.stringify(p)} is not a number of points ≥ 0`);
  }
}

/** Checks a profile object (e.g. a custom one a website passes in); any mistake is an error naming the field. */
export function checkProfile(value: unknown): Profile {
  check(!!value && typeof value === 'object', '', 'expected an object');
  const p = value as Profile;
  const name = typeof p.name === 'string' ? p.name : '(unnamed)';
  const at = (field: string) => `${name}.${field}`;
  for (const k of ['tailEnd', 'tail', 'middle'] as const) check(isPoints(p.position?.[k]), at(`position.${k}`), 'expected a multiplier ≥ 0');
  for (const f of FAMILIES) {
    check(isPoints(p.familyWeights?.[f]), at(`familyWeights.${f}`), 'expected a weight ≥ 0');
    check(isPoints(p.familyCaps?.[f]) && p.familyCaps[f] > 0, at(`familyCaps.${f}`), 'expected a cap > 0');
  }
  check(isPoints(p.scale) && p.scale > 0, at('scale'), 'expected a number > 0');
  check(isPoints(p.shape) && p.shape > 0 && p.shape <= 4, at('shape'), 'expected a number in (0, 4]');
  const pts = p.points;
  check(!!pts && typeof pts === 'object', at('points'), 'expected an object');
  checkByLength(pts.repeat, at('points.repeat'), 2, 7);
  checkByLength(pts.sequenceUp, at('points.sequenceUp'), 3, 7);
  checkByLength(pts.sequenceDown, at('points.sequenceDown'), 3, 7);
  checkByLength(pts.multiplication, at('points.multiplication'), 3, 4);
  checkByLength(pts.company, at('points.company'), 2, 7);
  check(!!pts.pattern && typeof pts.pattern === 'object', at('points.pattern'), 'expected an object');
  for (const k of Object.keys(PATTERN_KINDS) as PatternName[]) {
    if (k === 'mirror' || k === 'trail') checkByLength(pts.pattern[k], at(`points.pattern.${k}`), 5, 7);
    else check(isPoints(pts.pattern[k]), at(`points.pattern.${k}`), 'expected points ≥ 0');
  }
  check(isPoints(pts.combination), at('points.combination'), 'expected points ≥ 0');
  check(!!pts.digits && typeof pts.digits === 'object', at('points.digits'), 'expected an object');
  for (const [d, rule] of Object.entries(pts.digits)) {
    check(/^\d$/.test(d), at(`points.digits.${d}`), 'keys are single digits');
    check(rule?.family === 'auspicious' || rule?.family === 'taboo', at(`points.digits.${d}.family`), 'expected "auspicious" or "taboo"');
    check(isPoints(rule.points), at(`points.digits.${d}.points`), 'expected points ≥ 0');
  }
  for (const f of ['homophone', 'memorable', 'taboo'] as const) {
    const w = pts.lexicon?.[f];
    check(Array.isArray(w) && w.length === 5 && w.every(isPoints), at(`points.lexicon.${f}`), 'expected 5 points, for weights 1-5');
  }
  check(!!p.tagWeights && typeof p.tagWeights === 'object', at('tagWeights'), 'expected an object');
  for (const [t, w] of Object.entries(p.tagWeights)) check(isPoints(w), at(`tagWeights.${t}`), 'expected a weight ≥ 0');
  check(FAMILIES.every(isRuleFamily), at('families'), 'unknown family');
  return p;
}

const builtIn = new Map<string, Profile>();
for (const [name, body] of Object.entries(profilesData.profiles)) {
  builtIn.set(name, Object.freeze(checkProfile({ name, ...body })));
}

/** The names of the built-in profiles, e.g. `['seed', 'traditional']`. */
export function profileNames(): string[] {
  return [...builtIn.keys()];
}

/** A built-in profile by name ('seed', the default, or 'traditional'), or a custom profile object, checked. */
export function resolveProfile(profile: string | Profile = 'seed'): Profile {
  if (typeof profile === 'string' && profile.length > 100) {
    throw new Vanity400Error('UNKNOWN_PROFILE', `unknown profile ${excerpt(profile)}: use one of ${profileNames().join(', ')}`, { input: profile });
  }
  if (typeof profile !== 'string') return checkProfile(profile);
  const found = builtIn.get(profile);
  if (!found) {
    throw new Vanity400Error('UNKNOWN_PROFILE', `unknown profile ${JSON.stringify(profile)}: use one of ${profileNames().join(', ')}`, {
      input: profile,
    });
  }
  return found;
}
