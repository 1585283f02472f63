import fc from 'fast-check';
import { caught } from './caught.js';
import { describe, expect, it } from 'vitest';
import {
  SYLLABLES,
  normalizeSyllable,
  splitLetters,
  splitPinyin,
  splitSyllable,
  syllableSimilarity,
} from '../../src/phonetics/syllable.js';

const syllables = [...SYLLABLES];
const TONE_MARKS: Record<string, string[]> = {
  a: ['ā', 'á', 'ǎ', 'à'],
  e: ['ē', 'é', 'ě', 'è'],
  i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'],
  v: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
};

/** Puts a tone (0-3 → first to fourth) on the first vowel, as a mark or, when asNumber, as a trailing digit. */
function withTone(syllable: string, tone: number, asNumber: boolean): string {
  if (asNumber) return `${syllable}${tone + 1}`;
  const at = syllable.search(/[aeiouv]/);
  const vowel = syllable[at] ?? '';
  const marked = TONE_MARKS[vowel]?.[tone];
  return at < 0 || !marked ? syllable : syllable.slice(0, at) + marked + syllable.slice(at + 1);
}


describe('splitSyllable', () => {
  it.each([
    ['ba', 'b', 'a'],
    ['zhuang', 'zh', 'uang'],
    ['chi', 'ch', 'i'],
    ['shei', 'sh', 'ei'],
    ['er', '', 'er'],
    ['a', '', 'a'],
    ['ang', '', 'ang'],
    // y and w spell out the medial
    ['yi', '', 'i'],
    ['ya', '', 'ia'],
    ['you', '', 'iou'],
    ['yin', '', 'in'],
    ['ying', '', 'ing'],
    ['yong', '', 'iong'],
    ['yu', '', 'v'],
    ['yue', '', 've'],
    ['yuan', '', 'van'],
    ['yun', '', 'vn'],
    ['wu', '', 'u'],
    ['wo', '', 'uo'],
    ['wei', '', 'uei'],
    ['wen', '', 'uen'],
    // ü: written u after j/q/x, v (or ü) after n/l
    ['ju', 'j', 'v'],
    ['que', 'q', 've'],
    ['xuan', 'x', 'van'],
    ['jun', 'j', 'vn'],
    ['lv', 'l', 'v'],
    ['nǚ', 'n', 'v'],
    ['lüe', 'l', 've'],
    ['lue', 'l', 've'],
    // contracted finals are written in full
    ['liu', 'l', 'iou'],
    ['gui', 'g', 'uei'],
    ['lun', 'l', 'uen'],
    ['lù', 'l', 'u'],
  ])('%s → %s + %s', (syllable, initial, final) => {
    expect(splitSyllable(syllable)).toEqual({ initial, final });
  });

  it('y/w spellings and their consonant-initial rhymes share finals', () => {
    expect(splitSyllable('you').final).toBe(splitSyllable('liu').final);
    expect(splitSyllable('wei').final).toBe(splitSyllable('dui').final);
    expect(splitSyllable('yu').final).toBe(splitSyllable('ju').final);
    expect(splitSyllable('yu').final).toBe(splitSyllable('lv').final);
  });
});

describe('normalizeSyllable', () => {
  it.each([
    ['Fā', 'fa'],
    ['lǜ', 'lv'],
    ['lü', 'lv'],
    ['lu:', 'lv'],
    ['hao3', 'hao'],
    ['ma5', 'ma'],
    ['nüe', 'nve'],
    ['nue', 'nve'],
    ['a\u0304', 'a'], // a + combining macron
  ])('%s → %s', (input, output) => {
    expect(normalizeSyllable(input)).toBe(output);
  });
});

describe('splitPinyin', () => {
  it.each([
    ['yi lu you wo', ['yi', 'lu', 'you', 'wo']],
    ['yiluyouwo', ['yi', 'lu', 'you', 'wo']],
    ['yī lù yǒu wǒ', ['yi', 'lu', 'you', 'wo']],
    ['yi1lu4you3wo3', ['yi', 'lu', 'you', 'wo']],
    ['yi2lu4', ['yi', 'lu']],
    ['YiLuFa', ['yi', 'lu', 'fa']],
    ['yianwobangnin', ['yi', 'an', 'wo', 'bang', 'nin']],
    ['zhuangyuan', ['zhuang', 'yuan']],
    ['nǚ lǜ', ['nv', 'lv']],
    ['nvlv', ['nv', 'lv']],
    ['  wo,ai!ni。 ', ['wo', 'ai', 'ni']],
    ['Xī’ān', ['xi', 'an']],
  ])('%s → %j', (text, expected) => {
    expect(splitPinyin(text)).toEqual(expected);
  });

  describe('ambiguous runs: no apostrophe means no vowel-initial syllable inside, then longest match', () => {
    it.each([
      ['xian', ['xian']], // 先, not 西安
      ["xi'an", ['xi', 'an']],
      ['xi an', ['xi', 'an']],
      ['fangan', ['fan', 'gan']], // 反感; 方案 is written fang'an
      ["fang'an", ['fang', 'an']],
      ['yuan', ['yuan']], // not yu an
      ['shier', ['shi', 'er']], // the only split: er must stand alone
      ['tiane', ['tian', 'e']], // only full split: ti + ane is impossible
      ['jiang', ['jiang']], // not ji ang / jian g
      ['changan', ['chan', 'gan']],
      ["chang'an", ['chang', 'an']],
    ])('%s → %j', (text, expected) => {
      expect(splitPinyin(text)).toEqual(expected);
    });

    it('the vowel rule only breaks ties between full splits; a run with one full split keeps it', () => {
      expect(splitLetters('yian')).toEqual(['yi', 'an']);
      expect(splitLetters('ernv')).toEqual(['er', 'nv']);
    });
  });

  it('empty or separator-only text has no syllables', () => {
    expect(splitPinyin('')).toEqual([]);
    expect(splitPinyin(" - ' ")).toEqual([]);
  });

  it.each([
    ['hello', 2, '"l"'], // he is pinyin, then nothing starts at l
    ['yi lu x', 6, '"x"'],
    ['yilux', 4, '"x"'],
    ['q', 0, '"q"'],
    ['yi lu 😀', 6, '"😀"'],
    ['wo ai 你', 6, '"你"'],
    ['yi lu 8', 6, '"8"'], // a digit after a space is not a tone number
  ])('%j is not pinyin: BAD_PHRASE at %i', (text, position, shown) => {
    const error = caught(() => splitPinyin(text));
    expect(error.code).toBe('BAD_PHRASE');
    expect(error.position).toBe(position);
    expect(error.message).toContain(JSON.stringify(text));
    expect(error.message).toContain(`${shown} at position ${position}`);
  });

  it('round-trips any sequence of syllables joined with spaces or apostrophes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', "'"), (list, sep) => {
        expect(splitPinyin(list.join(sep))).toEqual(list);
      }),
    );
  });

  it('a run without separators always splits into valid syllables that spell it', () => {
    expect(splitPinyin('nuea')).toEqual(['nve', 'a']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 8 }), (list) => {
        const run = list.join('');
        const split = splitPinyin(run);
        // nue and lue are nüe and lüe, which the split writes nve and lve (nuea is 虐 a, not 怒 e a).
        const spelling = (s: string) => s.replace(/([nl])ue/g, '$1ve');
        expect(spelling(split.join(''))).toBe(spelling(run));
        for (const s of split) expect(SYLLABLES.has(s)).toBe(true);
      }),
    );
  });

  it('tone marks and tone numbers do not change the split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...syllables), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }),
        (list) => {
          const plain = list.map(([s]) => s).join(' ');
          expect(splitPinyin(list.map(([s, t]) => withTone(s, t, false)).join(' '))).toEqual(splitPinyin(plain));
          expect(splitPinyin(list.map(([s, t]) => withTone(s, t, true)).join(''))).toEqual(splitPinyin(plain));
        },
      ),
    );
  });
});

describe('syllableSimilarity', () => {
  const syllable = fc.constantFrom(...syllables);

  it('is 1 for identical syllables and below 1 for different ones', () => {
    fc.assert(
      fc.property(syllable, syllable, (a, b) => {
        expect(syllableSimilarity(a, a)).toBe(1);
        if (normalizeSyllable(a) !== normalizeSyllable(b)) expect(syllableSimilarity(a, b)).toBeLessThan(1);
      }),
    );
  });

  it('is symmetric and within [0, 1], for syllables and for any strings', () => {
    fc.assert(
      fc.property(fc.oneof(syllable, fc.string({ maxLength: 8 })), fc.oneof(syllable, fc.string({ maxLength: 8 })), (a, b) => {
        const ab = syllableSimilarity(a, b);
        expect(ab).toBe(syllableSimilarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('ignores tones, written as marks or numbers', () => {
    fc.assert(
      fc.property(syllable, syllable, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (a, b, ta, tb) => {
        const plain = syllableSimilarity(a, b);
        expect(syllableSimilarity(withTone(a, ta, false), withTone(b, tb, false))).toBe(plain);
        expect(syllableSimilarity(withTone(a, ta, true), withTone(b, tb, false))).toBe(plain);
      }),
    );
    expect(syllableSimilarity('fā', 'fa4')).toBe(1);
    expect(syllableSimilarity('nǚ', 'nv')).toBe(1);
  });

  it.each([
    ['nin', 'lin'],
    ['lu', 'nu'],
    ['zhi', 'zi'],
    ['chi', 'ci'],
    ['shi', 'si'],
    ['fu', 'hu'],
    ['xin', 'xing'],
    ['ren', 'reng'],
    ['fan', 'fang'],
    ['yi', 'yu'],
    ['wo', 'o'],
    ['ni', 'nv'],
  ])('gives partial credit to the common merger %s ~ %s', (a, b) => {
    const score = syllableSimilarity(a, b);
    expect(score).toBeGreaterThanOrEqual(0.5);
    expect(score).toBeLessThan(1);
  });

  it('scores mergers above unrelated sounds', () => {
    expect(syllableSimilarity('nin', 'lin')).toBeGreaterThan(syllableSimilarity('nin', 'bin'));
    expect(syllableSimilarity('shi', 'si')).toBeGreaterThan(syllableSimilarity('shi', 'li'));
    expect(syllableSimilarity('xin', 'xing')).toBeGreaterThan(syllableSimilarity('xin', 'xiao'));
    expect(syllableSimilarity('ba', 'bou')).toBe(0); // same initial, unrelated final
    expect(syllableSimilarity('wo', 'ba')).toBe(0);
    expect(syllableSimilarity('ba', 'fa')).toBe(0.5); // rhyme only
  });
});
