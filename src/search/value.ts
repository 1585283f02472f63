import prices from '../../data/prices.json';
import { TIERS } from '../scoring/tiers.js';

const TIER_LEVEL = Float64Array.from(TIERS, (t) => (prices.tiers as Record<string, number>)[t.id] ?? 1);
const FOUR_FACTOR = Float64Array.from({ length: 8 }, (_, n) => prices.fourDiscount ** n);

/**
 * Value: score for the price level. The price level is the tier's (data/prices.json) times a
 * discount per 4 among the seven digits after 400, since numbers with 4 sell for less (the seed).
 */
export function valueOf(scoreTenths: number, tierIndex: number, fours: number): number {
  return Math.round((scoreTenths / (TIER_LEVEL[tierIndex]! * FOUR_FACTOR[fours]!)) * 1000) / 1000;
}
