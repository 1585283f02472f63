import tiersData from '../../data/tiers.json';
import { guardNumber, invalidType, guardString } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { SPECIAL_MASK } from '../rules/shapes.js';

/** A tier's id, lowest first: ordinary (普通号), select (优选号), premium (精品号), top (顶级靓号), super (超级靓号). */
export type TierId = 'ordinary' | 'select' | 'premium' | 'top' | 'super';

/** One step of the tier ladder (data/tiers.json). A number's tier follows its score alone. */
export interface Tier {
  /** The tier's id, e.g. `'premium'`. */
  id: TierId;
  /** Its name in Chinese, e.g. `'精品号'`. */
  zh: string;
  /** Its name in English, e.g. `'premium'`. */
  en: string;
  /** Lowest score (0-100) of the tier. */
  minScore: number;
}

const TIER_IDS: readonly TierId[] = ['ordinary', 'select', 'premium', 'top', 'super'];

function loadTiers(): readonly Tier[] {
  const tiers = tiersData.tiers.map((t, i): Tier => {
    const where = `data/tiers.json tiers[${i}]`;
    if (t.id !== TIER_IDS[i]) throw new Vanity400Error('BAD_DATA', `${where}: expected the tier ${TIER_IDS[i]}`);
    if (i > 0 && t.minScore <= tiersData.tiers[i - 1]!.minScore) throw new Vanity400Error('BAD_DATA', `${where}: minScore must rise along the ladder`);
    return Object.freeze({ id: t.id as TierId, zh: t.zh, en: t.en, minScore: t.minScore });
  });
  return Object.freeze(tiers);
}

/** The ladder, lowest first. */
export const TIERS: readonly Tier[] = loadTiers();

/** Each tier's minScore in tenths, in ladder order. */
export const TIER_MIN_TENTHS = Int16Array.from(TIERS, (t) => Math.round(t.minScore * 10));

const TIER_BY_SCORE = Uint8Array.from({ length: 1001 }, (_, s) => {
  let tier = 0;
  for (let i = 1; i < TIER_MIN_TENTHS.length; i++) if (s >= TIER_MIN_TENTHS[i]!) tier = i;
  return tier;
});

/**
 * Index in {@link TIERS} of a number's tier from its score in tenths (a whole number 0-1000): the
 * highest tier whose minScore the score reaches, so tiers never disagree with scores. The fast path's
 * way: for `s = scoreSegment('4008')`, `TIERS[tierIndexOf(s.scores[i])]`.
 */
export function tierIndexOf(scoreTenths: number): number {
  guardNumber(scoreTenths, 'tierIndexOf(): scoreTenths');
  return TIER_BY_SCORE[scoreTenths]!;
}

/** Index in {@link TIERS} of the tier with this id; -1 for an unknown id. */
export function tierIndexById(id: string): number {
  return TIERS.findIndex((t) => t.id === id);
}

/** The tier with this id, e.g. `tierById('top')`; undefined for an unknown id. */
export function tierById(id: string): Tier | undefined {
  guardString(id, 'tierById(): id');
  return TIERS[tierIndexById(id)];
}

/** What a number its taboo brings to 0 is called instead of its tier. */
export const NOT_RECOMMENDED: Readonly<LocalText> = { zh: '不推荐', en: 'avoid' };

/**
 * What a number is called before a customer: its tier's name, or 不推荐 (in English: avoid) when a taboo
 * brings its score to 0 (only a taboo can: every number starts from the profile's base).
 */
export function tierLabel(tier: TierId, score: number): LocalText {
  guardNumber(score, 'tierLabel(): score');
  if (score === 0) return NOT_RECOMMENDED;
  const found = tierById(tier);
  if (found === undefined) throw invalidType('tierLabel(): tier', `等级 id（${TIERS.map((t) => t.id).join('、')}）`, `a tier id (${TIERS.map((t) => t.id).join(', ')})`, tier);
  return { zh: found.zh, en: found.en };
}

/** Working days the carrier takes to open an ordinary number (seed: 3 个工作日) and a special one (7). */
export const OPEN_WORKING_DAYS: Readonly<{
  /** An ordinary number: 3. */
  ordinary: number;
  /** A special number: 7. */
  special: number;
}> = Object.freeze({ ordinary: tiersData.special.ordinaryWorkingDays, special: tiersData.special.specialWorkingDays });

/**
 * Whether a number is one of the carrier's special numbers (特殊号码: 7 working days to open, a
 * carrier-set minimum spend), from its bit set as in {@link SegmentScores.bits}: one of the shapes of
 * {@link SHAPES} ends it. It is told apart from the tier and never changes it.
 */
export function isSpecial(bits: number): boolean {
  guardNumber(bits, 'isSpecial(): bits');
  return (bits & SPECIAL_MASK) !== 0;
}
