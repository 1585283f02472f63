import type { Phrase } from './phrase.js';

const HANZI = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** How the times-table rhyme says a product of 10 or more: 10 → 一十, 12 → 十二, 30 → 三十, 49 → 四十九. */
function productWords(product: number): string {
  if (product === 10) return '一十';
  const tens = Math.floor(product / 10);
  const ones = product % 10;
  return `${tens === 1 ? '' : HANZI[tens]}十${ones === 0 ? '' : HANZI[ones]}`;
}

/** The lines the seed names (选号方法: 2510, 7749, 2612, 5630 as 乘法口诀; 3721, 5945 as easy to remember). */
const SAID_ANYWHERE = new Set(['2510', '7749', '2612', '5630', '3721', '5945']);

/**
 * The 32 lines a×b=c (2 ≤ a ≤ b ≤ 9, c ≥ 10) of the multiplication rhyme (乘法口诀), as four digits
 * "a b c": 2510 二五一十, 7749 七七四十九. The lines of three digits (224 二二得四, 339 三三得九, and the
 * 1×n lines: 188 一八得八) are left out: three digits inside a number fall together by chance, and
 * nobody hears a times-table line in them. A line is heard only where it ends the number (尾号 4832):
 * in the middle it borrows digits of what is around it (3515 of 400-835-1511); but the lines the seed
 * names, which people know as sayings, are heard anywhere.
 */
export function multiplicationPhrases(): Phrase[] {
  const phrases: Phrase[] = [];
  for (let a = 2; a <= 9; a++) {
    for (let b = a; b <= 9; b++) {
      const product = a * b;
      if (product < 10) continue;
      phrases.push({
        digits: `${a}${b}${product}`,
        family: 'multiplication',
        zh: `${HANZI[a]}${HANZI[b]}${productWords(product)}`,
        en: `${a} × ${b} = ${product}`,
        ...(SAID_ANYWHERE.has(`${a}${b}${product}`) ? {} : { heard: 'end' as const }),
        source: 'multiplication-table',
      });
    }
  }
  return phrases;
}
