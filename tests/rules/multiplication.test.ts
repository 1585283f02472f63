import { describe, expect, it } from 'vitest';
import { multiplicationPhrases } from '../../src/rules/multiplication.js';

describe('multiplicationPhrases', () => {
  const phrases = multiplicationPhrases();

  it('has every line a×b (2 ≤ a ≤ b ≤ 9) of four digits once, as the digits of a, b and a×b: 224 二二得四 and the 1×n lines are no reading', () => {
    expect(phrases).toHaveLength(32);
    expect(phrases.some((p) => p.digits.length !== 4)).toBe(false);
    expect(phrases.some((p) => p.digits.startsWith('1'))).toBe(false);
    for (const p of phrases) {
      const a = Number(p.digits[0]);
      const b = Number(p.digits[1]);
      expect(a).toBeLessThanOrEqual(b);
      expect(p.digits.slice(2)).toBe(String(a * b));
    }
    expect(new Set(phrases.map((p) => p.digits)).size).toBe(32);
  });

  it.each([
    ['2510', '二五一十'],
    ['7749', '七七四十九'],
    ['2612', '二六十二'],
    ['5630', '五六三十'],
    ['3412', '三四十二'],
    ['9981', '九九八十一'],
  ])('says %s as the rhyme does: %s', (digits, zh) => {
    expect(phrases.find((p) => p.digits === digits)?.zh).toBe(zh);
  });
});
