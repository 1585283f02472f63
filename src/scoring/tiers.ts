import tiersData from '../../data/tiers.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { isShapeName, shapeBit, type ShapeName } from '../rules/shapes.js';

/** A tier's id, lowest first: ordinary (普通号), select (优选号), premium (精品号), top (顶级靓号), super (超级靓号). */
export type TierId = 'ordinary' | 'select' | 'premium' | 'top' | 'super';

/** One step of the tier ladder (data/tiers.json). */
export interface Tier {
  /** The tier's id, e.g. `'premium'`. */
  id: TierId;
  /** Its name in Chinese, e.g. `'精品号'`. */
  zh: string;
  /** Its name in English, e.g. `'premium'`. */
  en: string;
  /** Lowest score (0-100) of the tier. */
  minScore: number;
  /** Shapes that lift a number into the tier whatever its score. */
  shapes: readonly ShapeName[];
  /** A carrier "special number": opens in 7 working days, with a carrier-set minimum spend. */
  special: boolean;
  /** Working days the carrier takes to open a number of the tier: 3, or 7 for special numbers. */
  openWorkingDays: number;
}

function loadTiers(): readonly Tier[] {
  const tiers = tiersData.tiers.map((t, i) => {
    const where = `data/tiers.json tiers[${i}]`;
    if (i > 0 && t.minScore <= tiersData.tiers[i - 1]!.minScore) {
      throw new Vanity400Error('BAD_DATA', `${where}: minScore must rise along the ladder`);
    }
    for (const s of t.shapes) if (!isShapeName(s)) throw new Vanity400Error('BAD_DATA', `${where}: unknown shape ${JSON.stringify(s)}`);
    return Object.freeze({ ...t, id: t.id as TierId, shapes: Object.freeze(t.shapes as ShapeName[]) });
  });
  return Object.freeze(tiers);
}

/** The ladder, lowest first. */
export const TIERS: readonly Tier[] = loadTiers();

/** Each tier's minScore in tenths, in ladder order. */
export const TIER_MIN_TENTHS = Int16Array.from(TIERS, (t) => Math.round(t.minScore * 10));
/** Each tier's shapes as a bit set (shapeBit), in ladder order. */
export const TIER_SHAPE_MASK = Int32Array.from(TIERS, (t) => t.shapes.reduce((m, s) => m | shapeBit(s), 0));

const ANY_SHAPE = TIER_SHAPE_MASK.reduce((m, x) => m | x, 0);
const TIER_BY_SCORE = Uint8Array.from({ length: 1001 }, (_, s) => {
  let tier = 0;
  for (let i = 1; i < TIER_MIN_TENTHS.length; i++) if (s >= TIER_MIN_TENTHS[i]!) tier = i;
  return tier;
});

/**
 * Index in {@link TIERS} of a number's tier, from its score in tenths (a whole number 0-1000) and its
 * bit set as in {@link SegmentScores.bits}: the highest tier whose minScore the score reaches or one of
 * whose shapes is set. The fast path's way: for `s = scoreSegment('4008')`, `TIERS[tierIndexOf(s.scores[i], s.bits[i])]`.
 */
export function tierIndexOf(scoreTenths: number, bits: number): number {
  const byScore = TIER_BY_SCORE[scoreTenths]!;
  if ((bits & ANY_SHAPE) === 0) return byScore;
  for (let i = TIERS.length - 1; i > byScore; i--) if ((bits & TIER_SHAPE_MASK[i]!) !== 0) return i;
  return byScore;
}

/** The tier with this id, e.g. `tierById('top')`; undefined for an unknown id. */
export function tierById(id: string): Tier | undefined {
  return TIERS.find((t) => t.id === id);
}
