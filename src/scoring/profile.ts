import profilesData from '../../data/profiles.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { FAMILIES, isRuleFamily, type RuleFamily } from '../rules/families.js';
import { PATTERN_KINDS, type PatternName } from '../rules/kinds.js';

type ByLength = Readonly<Record<string, number>>;

/** Scoring weights. All points are in score points before the position multiplier. */
export interface Profile {
  name: string;
  zh: string;
  en: string;
  position: { tailEnd: number; tail: number; middle: number };
  familyWeights: Readonly<Record<RuleFamily, number>>;
  familyCaps: Readonly<Record<RuleFamily, number>>;
  scale: number;
  /** Shape of the final curve: score = 100 × (1 − e^(−(total/scale)^shape)); above 1 keeps plain numbers low. */
  shape: number;
  points: {
    repeat: ByLength;
    sequenceUp: ByLength;
    sequenceDown: ByLength;
    pattern: Readonly<Record<Exclude<PatternName, 'mirror' | 'trail'>, number>> & { mirror: ByLength; trail: ByLength };
    combination: number;
    multiplication: ByLength;
    company: ByLength;
    digits: Readonly<Record<string, { family: 'auspicious' | 'taboo'; points: number }>>;
    lexicon: Readonly<Record<'homophone' | 'memorable' | 'taboo', readonly number[]>>;
  };
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

export function profileNames(): string[] {
  return [...builtIn.keys()];
}

/** A built-in profile by name ('seed', the default, or 'traditional'), or a custom profile object, checked. */
export function resolveProfile(profile: string | Profile = 'seed'): Profile {
  if (typeof profile !== 'string') return checkProfile(profile);
  const found = builtIn.get(profile);
  if (!found) {
    throw new Vanity400Error('UNKNOWN_PROFILE', `unknown profile ${JSON.stringify(profile)}: use one of ${profileNames().join(', ')}`, {
      input: profile,
    });
  }
  return found;
}
