import type { Phrase } from './phrase.js';

const HANZI = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** How the times-table rhyme says a product: 9 → 得九, 10 → 一十, 12 → 十二, 30 → 三十, 49 → 四十九. */
function productWords(product: number): string {
  if (product < 10) return `得${HANZI[product]}`;
  if (product === 10) return '一十';
  const tens = Math.floor(product / 10);
  const ones = product % 10;
  return `${tens === 1 ? '' : HANZI[tens]}十${ones === 0 ? '' : HANZI[ones]}`;
}

/**
 * The 36 lines a×b=c (2 ≤ a ≤ b ≤ 9) of the multiplication rhyme (乘法口诀), as digit strings "a b c":
 * 2510 二五一十, 7749 七七四十九. The 1×n lines (111 一一得一, 188 一八得八) are left out: nobody hears
 * a times-table line in them.
 */
export function multiplicationPhrases(): Phrase[] {
  const phrases: Phrase[] = [];
  for (let a = 2; a <= 9; a++) {
    for (let b = a; b <= 9; b++) {
      const product = a * b;
      phrases.push({
        digits: `${a}${b}${product}`,
        family: 'multiplication',
        zh: `${HANZI[a]}${HANZI[b]}${productWords(product)}`,
        en: `${a} × ${b} = ${product}`,
        source: 'multiplication-table',
      });
    }
  }
  return phrases;
}
