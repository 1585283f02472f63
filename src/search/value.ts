import packages from '../../data/packages.json';
import prices from '../../data/prices.json';
import { guardNumber } from '../errors/guards.js';
import { TIERS } from '../scoring/tiers.js';

const MINIMUM: Record<string, { perYear: number } | undefined> = packages.minimumSpend.tiers;
const BASE = MINIMUM[TIERS[0]!.id]?.perYear ?? 1;
/** Each tier's price: its minimum yearly spend (data/packages.json) over the lowest tier's. */
const TIER_LEVEL = Float64Array.from(TIERS, (t) => (MINIMUM[t.id]?.perYear ?? BASE) / BASE);
const FOUR_FACTOR = Float64Array.from({ length: 8 }, (_, n) => prices.fourDiscount ** n);

/**
 * A number's price level: its tier's minimum yearly spend (data/packages.json) relative to the lowest
 * tier's, times a discount per 4 among the seven digits after 400, since numbers with 4 sell for less (the seed).
 */
export function priceLevel(tierIndex: number, fours: number): number {
  if (typeof tierIndex !== 'number') guardNumber(tierIndex, 'priceLevel(): tierIndex');
  if (typeof fours !== 'number') guardNumber(fours, 'priceLevel(): fours');
  return TIER_LEVEL[tierIndex]! * FOUR_FACTOR[fours]!;
}

/** Value: score for the price level. */
export function valueOf(scoreTenths: number, tierIndex: number, fours: number): number {
  return Math.round((scoreTenths / priceLevel(tierIndex, fours)) * 1000) / 1000;
}
