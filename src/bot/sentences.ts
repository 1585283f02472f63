import { tierLabel, type Language, type TierId } from 'vanity400';

/** Numbers named in one answer's sentence; the rest stay in the result. */
export const SAID = 3;

/** "400-666-6688（尾号 6688，99.3 分，超级靓号）" / "400-666-6688 (ends in 6688, 99.3, super)". */
export function brief(n: { display: string; score: number; tier: TierId }, lang: Language, note?: string): string {
  const tier = tierLabel(n.tier, n.score);
  return lang === 'zh'
    ? `${n.display}（${note ? `${note}，` : ''}${n.score} 分，${tier.zh}）`
    : `${n.display} (${note ? `${note}, ` : ''}${n.score}, ${tier.en})`;
}

/** The first few items as a list, marked when there are more: "A、B、C等" / "A, B, C and more". */
export function listed(items: readonly string[], lang: Language): string {
  const shown = items.slice(0, SAID).join(lang === 'zh' ? '、' : ', ');
  if (items.length <= SAID) return shown;
  return lang === 'zh' ? `${shown}等` : `${shown} and more`;
}
