import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pinyin } from 'pinyin-pro';
import table from 'pinyin-pro/dist/esm/data/dict1.mjs';
import { readHanRun } from '../../src/phonetics/han-readings.js';
import { normalizeSyllable } from '../../src/phonetics/syllable.js';

/** What all of pinyin-pro says of a run, in context: per character its pick, then its other readings. */
function inContext(run: readonly string[]): string[][] {
  const items = pinyin(run.join(''), { type: 'all', toneType: 'none', v: true });
  expect(items.map((item) => item.origin)).toEqual(run);
  return items.map((item) => (item.isZh ? [...new Set([item.pinyin, ...(item.polyphonic ?? [])].map(normalizeSyllable).filter(Boolean))] : []));
}

const chars = (text: string) => [...text];

/** Random runs of pieces (characters or words) joined, each read as all of pinyin-pro reads it. */
async function runsOfPiecesReadInContext(piece: fc.Arbitrary<string>, length: { minLength: number; maxLength: number }, numRuns: number) {
  await fc.assert(
    fc.asyncProperty(fc.array(piece, length), async (pieces) => {
      const run = chars(pieces.join(''));
      expect(await readHanRun(run), run.join('')).toEqual(inContext(run));
    }),
    { numRuns },
  );
}
const charTable = table as { NumberDICT: (string | undefined)[]; StringDICT: Map<string, string> };
const everyChar = [
  ...charTable.NumberDICT.flatMap((readings, code) => (readings ? [String.fromCharCode(code)] : [])),
  ...charTable.StringDICT.keys(),
];

describe('readHanRun reads as all of pinyin-pro does', () => {
  it('every character pinyin-pro knows, alone', async () => {
    expect(everyChar.length).toBeGreaterThan(20_000);
    for (const char of everyChar) expect(await readHanRun([char]), char).toEqual(inContext([char]));
  });

  it("every word of pinyin-pro's word lists, whose readings come from context", async () => {
    const { PatternsNormal } = await import('pinyin-pro/dist/esm/data/patterns.mjs');
    expect(PatternsNormal.length).toBeGreaterThan(4_000);
    for (const { zh } of PatternsNormal) expect(await readHanRun(chars(zh)), zh).toEqual(inContext(chars(zh)));
  });

  it('every character after 了 and before it (了 with no character before it is liǎo)', async () => {
    for (const char of everyChar) {
      expect(await readHanRun(['了', char]), `了${char}`).toEqual(inContext(['了', char]));
      expect(await readHanRun([char, '了']), `${char}了`).toEqual(inContext([char, '了']));
    }
  });

  it('random runs of words of the lists side by side and overlapping, with characters between', async () => {
    const { PatternsNormal } = await import('pinyin-pro/dist/esm/data/patterns.mjs');
    const words = PatternsNormal.map((p: { zh: string }) => p.zh);
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...everyChar), fc.constantFrom(...chars('行长重乐了不一')));
    await runsOfPiecesReadInContext(piece, { minLength: 1, maxLength: 5 }, 3000);
  });

  it('random runs of two or three words of the lists chained where they share characters, with characters around', async () => {
    const { PatternsNormal } = await import('pinyin-pro/dist/esm/data/patterns.mjs');
    const words = PatternsNormal.map((p: { zh: string }) => chars(p.zh));
    // Words by each of their beginnings short of the whole word: those that can follow a word ending so.
    const byBeginning = new Map<string, string[][]>();
    for (const word of words) {
      for (let k = 1; k < word.length; k++) {
        const beginning = word.slice(0, k).join('');
        byBeginning.set(beginning, [...(byBeginning.get(beginning) ?? []), word]);
      }
    }
    /** The words that can follow word, overlapping it, each with what it adds to it. */
    const followers = (word: string[]) =>
      word.slice(1).flatMap((_, k) => (byBeginning.get(word.slice(k + 1).join('')) ?? []).map((next) => ({ next, added: next.slice(word.length - k - 1) })));
    const chainable = words.filter((word) => followers(word).length > 0);
    expect(chainable.length).toBeGreaterThan(1_000);

    /** The first word, then as many overlapping words as there are picks, each chosen by its pick; undefined if a word has no follower. */
    const chain = (first: string[], picks: number[]) => {
      let run = first;
      let last = first;
      for (const pick of picks) {
        const options = followers(last);
        if (!options.length) return undefined;
        const { next, added } = options[pick % options.length]!;
        run = [...run, ...added];
        last = next;
      }
      return run;
    };
    const around = fc.array(fc.oneof(fc.constantFrom(...everyChar), fc.constantFrom(...chars('行长重乐了不一我')), fc.constantFrom(...words)), { maxLength: 3 });
    const chained = fc.record({ first: fc.constantFrom(...chainable), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), before: around, after: around });
    let overlapping = 0;
    await fc.assert(
      fc.asyncProperty(chained, async ({ first, picks, before, after }) => {
        const middle = chain(first, picks);
        if (!middle) return;
        overlapping++;
        const run = [...before.flat(), ...middle, ...after.flat()];
        expect(await readHanRun(run), run.join('')).toEqual(inContext(run));
      }),
      { numRuns: 4000 },
    );
    expect(overlapping).toBeGreaterThan(2_000);
  });

  it("long runs, where pinyin-pro's probabilities fall below 1e-300 and it scales them", async () => {
    // pinyin-pro loses the scale of what follows a character read alone, so far from the end it may skip a word.
    for (const run of ['银行' + '我'.repeat(23), '银行' + '我'.repeat(20), '银行长' + '我'.repeat(30), '我'.repeat(10) + '银行长' + '发'.repeat(25)]) {
      expect(await readHanRun(chars(run)), run).toEqual(inContext(chars(run)));
    }
    expect((await readHanRun(chars('银行' + '我'.repeat(20))))[1]![0]).toBe('hang');
    expect((await readHanRun(chars('银行' + '我'.repeat(23))))[1]![0]).toBe('xing');
    const { PatternsNormal } = await import('pinyin-pro/dist/esm/data/patterns.mjs');
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...chars('一路有我要发按帮您八九零')) },
      fc.constantFrom(...PatternsNormal.map((p: { zh: string }) => p.zh)),
      fc.constantFrom(...chars('行长重乐了不')),
    );
    await runsOfPiecesReadInContext(piece, { minLength: 20, maxLength: 40 }, 1000);
  });

  it('random runs of characters with one reading and with several, with words and without', async () => {
    const common = chars('一路有我要发按帮您长行乐重了不从房告阿宫久生世爱你财福顺达通八九六零两百千万中国银音');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...common), fc.constantFrom(...everyChar)), { minLength: 1, maxLength: 12 }), async (run) => {
        expect(await readHanRun(run)).toEqual(inContext(run));
      }),
      { numRuns: 500 },
    );
  });
});

describe('readHanRun loads what it needs', () => {
  const TABLE = 'pinyin-pro/dist/esm/data/dict1.mjs';
  const WORDS = 'pinyin-pro/dist/esm/data/patterns.mjs';
  afterEach(() => {
    for (const name of ['pinyin-pro', TABLE, WORDS]) vi.doUnmock(name);
    vi.resetModules();
  });

  /** han-readings loaded afresh, counting the loads of each part of pinyin-pro. */
  async function counted() {
    vi.resetModules();
    const loads = { table: 0, words: 0, all: 0 };
    vi.doMock(TABLE, async (importOriginal) => (loads.table++, importOriginal()));
    vi.doMock(WORDS, async (importOriginal) => (loads.words++, importOriginal()));
    vi.doMock('pinyin-pro', async (importOriginal) => (loads.all++, importOriginal()));
    return { fresh: await import('../../src/phonetics/han-readings.js'), loads };
  }

  it('one reading per character: the table; a polyphone, overlapping words or not: the word lists too; each once', async () => {
    const { fresh, loads } = await counted();
    expect(await fresh.readHanRun(chars('一路有我'))).toEqual([['yi'], ['lu'], ['you'], ['wo']]);
    expect(await fresh.readHanRun(chars('我要发'))).toEqual([['wo'], ['yao'], ['fa']]);
    expect(loads).toEqual({ table: 1, words: 0, all: 0 });
    expect(await fresh.readHanRun(chars('长长久久'))).toEqual(inContext(chars('长长久久'))); // 长: cháng or zhǎng, and no word here
    expect(await fresh.readHanRun(chars('行行发'))).toEqual(inContext(chars('行行发')));
    const bank = await fresh.readHanRun(chars('中国银行')); // the word 银行: háng, not xíng
    expect(bank).toEqual(inContext(chars('中国银行')));
    expect(bank[3]![0]).toBe('hang');
    expect(await fresh.readHanRun(chars('重庆音乐'))).toEqual(inContext(chars('重庆音乐'))); // two words side by side
    const president = await fresh.readHanRun(chars('银行长')); // 银行 and 行长 overlap, equally likely: pinyin-pro takes 行长
    expect(president).toEqual(inContext(chars('银行长')));
    expect(president.map((r) => r[0])).toEqual(['yin', 'hang', 'zhang']);
    expect(await fresh.readHanRun(chars('一行长长'))).toEqual(inContext(chars('一行长长')));
    expect(loads).toEqual({ table: 1, words: 1, all: 0 });
  });

  it('a character not in the table: all of pinyin-pro, which reads 々 as the character before it', async () => {
    const { fresh, loads } = await counted();
    expect(await fresh.readHanRun(chars('人々'))).toEqual([['ren'], ['ren']]);
    expect(loads).toEqual({ table: 1, words: 0, all: 1 });
  });

  it('a word of the lists not as expected (a syllable short): all of pinyin-pro for the runs it occurs in', async () => {
    vi.resetModules();
    vi.doMock(WORDS, async (importOriginal) => {
      const { PatternsNormal } = await importOriginal<typeof import('pinyin-pro/dist/esm/data/patterns.mjs')>();
      return { PatternsNormal: [...PatternsNormal, { zh: '行长', pinyin: 'hang', probability: 1, priority: 1, length: 2 }] };
    });
    const loads = { all: 0 };
    vi.doMock('pinyin-pro', async (importOriginal) => (loads.all++, importOriginal()));
    const fresh = await import('../../src/phonetics/han-readings.js');
    expect(await fresh.readHanRun(chars('中国银行'))).toEqual(inContext(chars('中国银行')));
    expect(loads.all).toBe(0);
    expect(await fresh.readHanRun(chars('银行长'))).toEqual(inContext(chars('银行长')));
    expect(loads.all).toBe(1);
  });

  it.each([TABLE, WORDS])('without %s, all of pinyin-pro reads the runs that need it', async (part) => {
    vi.resetModules();
    vi.doMock(part, () => {
      throw new Error('not there');
    });
    const fresh = await import('../../src/phonetics/han-readings.js');
    for (const run of ['一路有我', '长长久久', '中国银行']) expect(await fresh.readHanRun(chars(run))).toEqual(inContext(chars(run)));
  });
});
