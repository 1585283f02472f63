import { minimumSpend } from '../../data/packages.json';
import prices from '../../data/prices.json';
import { guardNumber } from '../errors/guards.js';
import { TIERS } from '../scoring/tiers.js';

/** Each tier's price (its minimum yearly spend in data/packages.json over the lowest tier's) and the discount per 4, made on first use. */
let levels: { tier: Float64Array; four: Float64Array } | undefined;

function priceTables(): { tier: Float64Array; four: Float64Array } {
  if (levels) return levels;
  const minimum: Record<string, { perYear: number } | undefined> = minimumSpend.tiers;
  const base = minimum[TIERS[0]!.id]?.perYear ?? 1;
  levels = {
    tier: Float64Array.from(TIERS, (t) => (minimum[t.id]?.perYear ?? base) / base),
    four: Float64Array.from({ length: 8 }, (_, n) => prices.fourDiscount ** n),
  };
  return levels;
}

/**
 * A number's price level: its tier's minimum yearly spend (data/packages.json) relative to the lowest
 * tier's, times a discount per 4 among the seven digits after 400, since numbers with 4 sell for less (the seed).
 */
export function priceLevel(tierIndex: number, fours: number): number {
  if (typeof tierIndex !== 'number') guardNumber(tierIndex, 'priceLevel(): tierIndex');
  if (typeof fours !== 'number') guardNumber(fours, 'priceLevel(): fours');
  const { tier, four } = priceTables();
  return tier[tierIndex]! * four[fours]!;
}

/** Value: score for the price level. */
export function valueOf(scoreTenths: number, tierIndex: number, fours: number): number {
  return Math.round((scoreTenths / priceLevel(tierIndex, fours)) * 1000) / 1000;
}
