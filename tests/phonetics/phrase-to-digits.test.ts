import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { MAX_SYLLABLES, phraseToDigits, type DigitReading } from '../../src/phonetics/phrase-to-digits.js';

const digitsOf = (results: DigitReading[]) => results.map((r) => r.digits);
const top = async (text: string, n: number) => digitsOf(await phraseToDigits(text)).slice(0, n);

async function rejection(text: unknown): Promise<Vanity400Error> {
  try {
    await phraseToDigits(text as string);
  } catch (e) {
    expect(e).toBeInstanceOf(Vanity400Error);
    return e as Vanity400Error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('phraseToDigits: the seed homophones', () => {
  it.each(['一路有我', 'yi lu you wo', 'yiluyouwo', 'yī lù yǒu wǒ', 'yi1lu4you3wo3'])('%s → 1615 among the first 3', async (text) => {
    expect(await top(text, 3)).toContain('1615');
  });

  it.each(['一按我帮您', 'yi an wo bang nin', "yi'anwobangnin"])('%s → 12580 among the first 3', async (text) => {
    expect(await top(text, 3)).toContain('12580');
  });

  it('12580 reads digit by digit with the seed characters: 一 按 我 帮 您', async () => {
    const hit = (await phraseToDigits('一按我帮您')).find((r) => r.digits === '12580');
    expect(hit?.syllables).toEqual(['yi', 'an', 'wo', 'bang', 'nin']);
    expect(hit?.readings.map((r) => r.char)).toEqual(['一', '按', '我', '帮', '您']);
    expect(hit?.readings.map((r) => r.digit).join('')).toBe('12580');
  });

  it('1615 reads 1 as 一 and as 有', async () => {
    const [first] = await phraseToDigits('一路有我');
    expect(first?.digits).toBe('1615');
    expect(first?.readings.map((r) => r.char)).toEqual(['一', '路', '有', '我']);
    expect(first?.readings.map((r) => r.kind)).toEqual(['standard', 'sound-alike', 'sound-alike', 'sound-alike']);
  });
});

describe('phraseToDigits: lucky phrases', () => {
  it('我要发 → 518 first or second, then the solfège 4 = 发 reading', async () => {
    const results = await top('我要发', 2);
    expect(results).toContain('518');
    expect(results).toContain('514');
  });

  it.each([
    ['要发', '18'],
    ['我爱你', '520'],
    ['一生一世', '1314'],
    ['就要发', '918'],
    ['二百五', '250'], // a lexicon phrase that does not read digit by digit
  ])('%s → %s first', async (text, digits) => {
    expect((await phraseToDigits(text))[0]?.digits).toBe(digits);
  });

  it.each([
    ['不三不四', '8384'],
    ['顺顺发发', '6688'],
    ['bu san bu si', '8384'],
  ])('an exact lexicon phrase ranks first even where its sounds are a stretch: %s → %s', async (text, digits) => {
    const results = await phraseToDigits(text);
    expect(results[0]?.digits).toBe(digits);
    expect(results[0]?.quality).toBeGreaterThanOrEqual(0.9);
    // without the lexicon, the sounds alone point elsewhere
    expect(results.slice(1).every((r) => r.quality < (results[0]?.quality ?? 0))).toBe(true);
  });

  it('a lexicon phrase that is not read digit by digit gets one reading for the whole string', async () => {
    const [first] = await phraseToDigits('二百五');
    expect(first?.readings).toEqual([{ digit: '250', syllable: 'er bai wu', kind: 'lexicon', char: '二百五', score: first!.quality }]);
  });

  it('typed pinyin gives the same top digits as the characters', async () => {
    const variants = ['一路发', 'yi lu fa', 'yilufa', 'yī lù fā', 'YI LU FA', 'yi1lu4fa1'];
    const tops = await Promise.all(variants.map((v) => top(v, 3)));
    for (const t of tops) expect(t).toEqual(tops[0]);
    expect(tops[0]?.[0]).toBe('168');
  });

  it('sound-alikes that are not in the lexicon are still found', async () => {
    // 就爱发 is no lexicon phrase: 9 = 就, 2 = 爱, 8 = 发
    const [first] = await phraseToDigits('就爱发');
    expect(first?.digits).toBe('928');
    expect(first?.quality).toBeGreaterThan(0.8);
    expect(first?.quality).toBeLessThanOrEqual(1);
  });

  it('keeps digits typed as digits', async () => {
    const [first] = await phraseToDigits('168一路发');
    expect(first?.digits).toBe('168168');
    expect(first?.readings.slice(0, 3).map((r) => r.kind)).toEqual(['digit', 'digit', 'digit']);
    expect((await phraseToDigits('fa8'))[0]?.digits).toBe('88'); // 8 is no tone number
  });

  it('results are unique by digits, one digit per syllable, qualities within [0, 1], best first after the lexicon hits', async () => {
    const results = await phraseToDigits('我就要发', { limit: 30 });
    expect(results.length).toBe(30);
    expect(new Set(digitsOf(results)).size).toBe(results.length);
    for (const r of results) {
      expect(r.digits).toMatch(/^\d{4}$/);
      expect(r.syllables).toHaveLength(4);
      expect(r.readings).toHaveLength(4);
      expect(r.quality).toBeGreaterThan(0);
      expect(r.quality).toBeLessThanOrEqual(1);
    }
    expect(results[0]?.digits).toBe('5918');
    const rest = results.slice(1).map((r) => r.quality);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
  });

  it('honours limit', async () => {
    expect(await phraseToDigits('一路发', { limit: 1 })).toHaveLength(1);
    expect(await phraseToDigits('一路发')).toHaveLength(10);
  });
});

describe('phraseToDigits: polyphones', () => {
  it.each([
    ['银行', ['yin', 'hang']],
    ['行走', ['xing', 'zou']],
    ['行长', ['hang', 'zhang']],
    ['长久', ['chang', 'jiu']],
    ['重要', ['zhong', 'yao']],
    ['重新', ['chong', 'xin']],
  ])('%s is read in context as %j', async (text, syllables) => {
    expect((await phraseToDigits(text))[0]?.syllables).toEqual(syllables);
  });

  it('长久 → 39 (cháng sounds like 3, 久 is 9)', async () => {
    expect((await phraseToDigits('长久'))[0]?.digits).toBe('39');
  });

  it("a character's other readings are tried too, below the reading in context", async () => {
    const results = await phraseToDigits('银行', { limit: 60 });
    const syllables = new Set(results.map((r) => r.syllables[1]));
    expect(syllables).toContain('hang');
    expect(syllables).toContain('xing');
    const bestHang = results.find((r) => r.syllables[1] === 'hang');
    const bestXing = results.find((r) => r.syllables[1] === 'xing');
    expect(results.indexOf(bestHang as DigitReading)).toBeLessThan(results.indexOf(bestXing as DigitReading));
  });
});

describe('phraseToDigits: bad input', () => {
  it.each([
    ['', undefined, 'empty'],
    ['   ', undefined, 'empty'],
    ['!!!', undefined, 'no Chinese characters, pinyin or digits'],
    ['。，、', undefined, 'no Chinese characters, pinyin or digits'],
    ['hello!!', 2, '"l" at position 2 is neither a Chinese character nor pinyin'],
    ['😀', 0, '"😀" at position 0 is neither a Chinese character nor pinyin'],
    ['一路😀', 2, '"😀" at position 2'],
    ['yi lu x', 6, '"x" at position 6'],
    ['𠀀', 0, 'has no known reading'],
  ])('%j → BAD_PHRASE (position %s)', async (text, position, message) => {
    const error = await rejection(text);
    expect(error.code).toBe('BAD_PHRASE');
    expect(error.position).toBe(position);
    expect(error.message).toContain(JSON.stringify(text));
    expect(error.message).toContain(message);
    expect(error.input).toBe(text);
  });

  it(`rejects more than ${MAX_SYLLABLES} syllables as too long, pointing at the first one too many`, async () => {
    const text = '一路发'.repeat(11) + '我'; // 34 characters
    const error = await rejection(text);
    expect(error.code).toBe('BAD_PHRASE');
    expect(error.message).toContain('too long');
    expect(error.position).toBe(MAX_SYLLABLES);
    await expect(phraseToDigits('一路发'.repeat(10))).resolves.toHaveLength(10);
    expect((await rejection('yi'.repeat(40))).message).toContain('too long');
    expect((await rejection('a'.repeat(10_000))).message).toContain('too long');
  });

  it.each([undefined, null, 42, {}])('rejects %j, which is not a string', async (value) => {
    expect((await rejection(value)).code).toBe('INVALID_TYPE');
  });

  it('any string resolves to well-formed readings or rejects with BAD_PHRASE, never anything else', async () => {
    const pieces = fc.constantFrom('一', '路', '发', '行', '长', '〇', 'yi', 'lu', 'xian', "'", 'a', 'q', 'ng', ' ', '8', '3', '!', '。', '😀', 'é', 'ǖ', '\u0304');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(pieces, { maxLength: 45 }).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const started = Date.now();
        try {
          const results = await phraseToDigits(t);
          expect(results.length).toBeGreaterThan(0);
          const length = results[0]?.syllables.length ?? 0;
          for (const r of results) {
            expect(r.quality).toBeGreaterThan(0);
            expect(r.quality).toBeLessThanOrEqual(1);
            expect(r.digits).toMatch(/^\d+$/);
            expect(r.syllables).toHaveLength(length);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(Vanity400Error);
          expect((e as Vanity400Error).code).toBe('BAD_PHRASE');
        }
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 400 },
    );
  });
});

describe('phraseToDigits: pinyin-pro is loaded lazily', () => {
  afterEach(() => {
    vi.doUnmock('pinyin-pro');
    vi.resetModules();
  });

  it('all of it only for a character its table lacks, and only once', async () => {
    vi.resetModules();
    let loads = 0;
    vi.doMock('pinyin-pro', async (importOriginal) => {
      loads++;
      return importOriginal();
    });
    const fresh = await import('../../src/phonetics/phrase-to-digits.js');
    await fresh.phraseToDigits('yi lu you wo');
    await fresh.phraseToDigits('168');
    expect(loads).toBe(0);
    expect((await fresh.phraseToDigits('一路有我'))[0]?.digits).toBe('1615'); // pinyin-pro's character table reads it
    await fresh.phraseToDigits('长长久久'); // and its word lists tell that no word here changes a reading
    await fresh.phraseToDigits('中国银行'); // or which word does: 银行 reads 行 as háng
    await fresh.phraseToDigits('银行长'); // or which of two overlapping words (银行, 行长) it takes
    expect(loads).toBe(0);
    await fresh.phraseToDigits('人々'); // 々 is not in its table
    await fresh.phraseToDigits('我要睡觉了');
    expect(loads).toBe(1);
  });
});
