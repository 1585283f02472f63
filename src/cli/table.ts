import type { Language } from '../scoring/explain.js';
import { tierById, type TierId } from '../scoring/tiers.js';

/** One table line for people: number, score, tier, then whatever the command says about it. */
export function numberRow(display: string, score: number, tier: TierId, lang: Language, rest: string): string {
  const t = tierById(tier)!;
  const tierText = lang === 'zh' ? t.zh.padEnd(5, '　') : t.en.padEnd(9);
  return `${display.padEnd(14)}  ${score.toFixed(1).padStart(5)}  ${tierText}  ${rest}`;
}
