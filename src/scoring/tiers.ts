import tiersData from '../../data/tiers.json';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { isShapeName, shapeBit, type ShapeName } from '../rules/shapes.js';

export type TierId = 'ordinary' | 'select' | 'premium' | 'top' | 'super';

export interface Tier {
  id: TierId;
  zh: string;
  en: string;
  /** Lowest score (0-100) of the tier. */
  minScore: number;
  /** Shapes that lift a number into the tier whatever its score. */
  shapes: readonly ShapeName[];
  /** A carrier "special number": opens in 7 working days, with a carrier-set minimum spend. */
  special: boolean;
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

/** Index of the tier for a score in tenths and a shape/family bit set; the fast path uses this. */
export const TIER_MIN_TENTHS = Int16Array.from(TIERS, (t) => Math.round(t.minScore * 10));
export const TIER_SHAPE_MASK = Int32Array.from(TIERS, (t) => t.shapes.reduce((m, s) => m | shapeBit(s), 0));

const ANY_SHAPE = TIER_SHAPE_MASK.reduce((m, x) => m | x, 0);
const TIER_BY_SCORE = Uint8Array.from({ length: 1001 }, (_, s) => {
  let tier = 0;
  for (let i = 1; i < TIER_MIN_TENTHS.length; i++) if (s >= TIER_MIN_TENTHS[i]!) tier = i;
  return tier;
});

export function tierIndexOf(scoreTenths: number, bits: number): number {
  const byScore = TIER_BY_SCORE[scoreTenths]!;
  if ((bits & ANY_SHAPE) === 0) return byScore;
  for (let i = TIERS.length - 1; i > byScore; i--) if ((bits & TIER_SHAPE_MASK[i]!) !== 0) return i;
  return byScore;
}

export function tierById(id: string): Tier | undefined {
  return TIERS.find((t) => t.id === id);
}
