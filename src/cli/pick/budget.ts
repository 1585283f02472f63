import { TIERS, type TierId } from '../../scoring/tiers.js';
import { priceLevel } from '../../search/value.js';

/** The most the customer will pay, as a price level (a tier's minimum yearly spend relative to the lowest tier's, see search/value.ts; Infinity: no limit). */
export interface Budget {
  id: TierId | 'any';
  level: number;
}

const tierIndex = (tier: TierId) => TIERS.findIndex((t) => t.id === tier);

/** No limit, then "up to" each tier but the highest (up to the highest is no limit). */
export const BUDGETS: readonly Budget[] = [
  { id: 'any', level: Infinity },
  ...TIERS.slice(0, -1).map((t, i) => ({ id: t.id, level: priceLevel(i, 0) })),
];

/** A number's price level, as sort: 'value' prices it. */
function levelOf(number: string, tier: TierId): number {
  return priceLevel(tierIndex(tier), [...number.slice(3)].filter((d) => d === '4').length);
}

export function fits(budget: Budget, number: string, tier: TierId): boolean {
  return levelOf(number, tier) <= budget.level;
}
