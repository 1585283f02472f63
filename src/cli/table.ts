import { findingSentence, type Language } from '../scoring/explain.js';
import { tierById, type TierId } from '../scoring/tiers.js';
import type { Finding } from '../scoring/types.js';
import { palette, tierPaint, type Palette } from './colour.js';

const PLAIN = palette(false);

/** One table line for people: number, score, tier, then whatever the command says about it. Colour only with a colouring palette. */
export function numberRow(display: string, score: number, tier: TierId, lang: Language, rest: string, paint: Palette = PLAIN): string {
  const t = tierById(tier)!;
  const tierText = lang === 'zh' ? t.zh.padEnd(5, '　') : t.en.padEnd(9);
  const colour = tierPaint(paint, tier);
  return `${display.padEnd(14)}  ${paint.bold(colour(score.toFixed(1).padStart(5)))}  ${colour(tierText)}  ${rest}`;
}

/** The strongest positive reasons of a number, in one line. */
export function topReasons(findings: readonly Finding[] | undefined, lang: Language, count = 3): string {
  return (findings ?? [])
    .filter((f) => f.points > 0)
    .slice(0, count)
    .map((f) => findingSentence(f, lang))
    .join(lang === 'zh' ? '；' : '; ');
}

/** How a number near the wanted one differs from it. */
export function nearHow(r: { distance: number; swap: boolean }, lang: Language): string {
  const zh = lang === 'zh';
  if (r.distance === 0) return zh ? '就是它' : 'the number itself';
  if (r.swap) return zh ? '相邻两位对调' : 'two neighbours swapped';
  return zh ? `改 ${r.distance} 位` : `${r.distance} digit${r.distance > 1 ? 's' : ''} changed`;
}
