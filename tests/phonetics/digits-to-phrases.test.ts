import fc from 'fast-check';
import { caught } from './caught.js';
import { describe, expect, it } from 'vitest';
import { digitsToPhrases } from '../../src/phonetics/digits-to-phrases.js';
import { phraseToDigits } from '../../src/phonetics/phrase-to-digits.js';


describe('digitsToPhrases', () => {
  it.each([
    ['1615', '一路有我'],
    ['12580', '一按我帮您'],
  ])('the seed homophone %s reads as %s, first, from the lexicon', (digits, text) => {
    const [first] = digitsToPhrases(digits);
    expect(first).toMatchObject({ text, source: 'lexicon', family: 'homophone' });
    expect(first?.en).toBeTruthy();
    expect(first?.pinyin.split(' ')).toHaveLength(digits.length);
  });

  it('round-trips the seed homophones through phraseToDigits', async () => {
    for (const digits of ['1615', '12580']) {
      const [first] = digitsToPhrases(digits);
      expect((await phraseToDigits(first?.text ?? '')).map((r) => r.digits).slice(0, 3)).toContain(digits);
    }
  });

  it('lists every lexicon family for the digits, taboo readings marked', () => {
    const phrases = digitsToPhrases('1414');
    expect(phrases.find((p) => p.text === '要死要死')?.family).toBe('taboo');
    expect(phrases.find((p) => p.text === '要发要发')?.family).toBe('homophone');
    const memorable = digitsToPhrases('8848').find((p) => p.family === 'memorable');
    expect(memorable?.text).toContain('8848');
  });

  it('composes a phrase from the best sound-alike of each digit when the lexicon has none', () => {
    const phrases = digitsToPhrases('9258');
    expect(phrases.every((p) => p.source === 'readings')).toBe(true);
    expect(phrases[0]).toMatchObject({ text: '久爱我发', pinyin: 'jiǔ ài wǒ fā', source: 'readings' });
  });

  it('518 → 我要发, from the lexicon and not repeated as a composition', () => {
    const phrases = digitsToPhrases('518', { limit: 50 });
    expect(phrases[0]).toMatchObject({ text: '我要发', source: 'lexicon' });
    expect(phrases.filter((p) => p.text === '我要发')).toHaveLength(1);
    expect(new Set(phrases.map((p) => p.text)).size).toBe(phrases.length);
  });

  it('4 can be 死 (sound-alike) or 发 (the seed reading it in solfège)', () => {
    const texts = digitsToPhrases('4').map((p) => p.text);
    expect(texts).toContain('死');
    expect(texts).toContain('发');
  });

  it('is sorted best first, qualities within [0, 1], one character per digit for compositions', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,8}$/), fc.integer({ min: 1, max: 20 }), (digits, limit) => {
        const phrases = digitsToPhrases(digits, { limit });
        expect(phrases.length).toBeGreaterThan(0);
        expect(phrases.length).toBeLessThanOrEqual(limit);
        const qualities = phrases.map((p) => p.quality);
        expect(qualities).toEqual([...qualities].sort((a, b) => b - a));
        for (const p of phrases) {
          expect(p.quality).toBeGreaterThan(0);
          expect(p.quality).toBeLessThanOrEqual(1);
          if (p.source === 'readings') {
            expect([...p.text]).toHaveLength(digits.length);
            expect(p.pinyin.split(' ')).toHaveLength(digits.length);
          }
        }
      }),
    );
  });

  it.each([
    ['', undefined, 'got nothing'],
    ['12a4', 2, '"a" at position 2 is not a digit'],
    ['x', 0, '"x" at position 0'],
    ['400 800', 3, '" " at position 3'],
    ['123456789', 8, 'more than 8 digits'],
    ['１２', 0, 'is not a digit'],
  ])('rejects %j with BAD_PHRASE at %s', (digits, position, message) => {
    const error = caught(() => digitsToPhrases(digits));
    expect(error.code).toBe('BAD_PHRASE');
    expect(error.position).toBe(position);
    expect(error.message).toContain(JSON.stringify(digits));
    expect(error.message).toContain(message);
  });

  it('rejects what is not a string', () => {
    expect(caught(() => digitsToPhrases(1615 as unknown as string)).code).toBe('INVALID_TYPE');
  });
});
