import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseToDigits } from '../../src/phonetics/phrase-to-digits.js';
import type { Pool } from '../../src/pool/pool.js';
import { createPool } from '../../src/pool/create-pool.js';
import { search } from '../../src/search/search.js';
import { searchSounds, type SoundQuery } from '../../src/search/sounds.js';

const pool = createPool({ segment: '4006' });

/**
 * The ranking rule restated: the strongest readings (up to 5, none below 0.7 of the best), each looked
 * for at the end and anywhere; every number found ranks 60 × quality (× 0.75 away from the end) + 0.4 × score.
 */
async function everyPage(pools: Pool | Pool[], query: SoundQuery & { sounds: string }) {
  const { sounds, limit = 20, ...filters } = query;
  const readings = (await phraseToDigits(sounds, { limit: 8 })).filter((r) => r.digits.length >= 2 && r.digits.length <= 10);
  const strong = readings.filter((r) => r.quality >= 0.7 * readings[0]!.quality).slice(0, 5);
  const best = new Map<string, { rank: number; digits: string }>();
  for (const r of strong) {
    for (const pattern of [`${r.digits}$`, `%${r.digits}%`]) {
      for (const hit of search(pools, { ...filters, pattern, limit }, { findings: false }).results) {
        const atEnd = hit.number.endsWith(r.digits);
        const rank = Math.round((60 * r.quality * (atEnd ? 1 : 0.75) + 0.4 * hit.score) * 10) / 10;
        if (rank > (best.get(hit.number)?.rank ?? -1)) best.set(hit.number, { rank, digits: r.digits });
      }
    }
  }
  return [...best.entries()]
    .sort((a, b) => b[1].rank - a[1].rank || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([number, { rank, digits }]) => ({ number, rank, digits }));
}

describe('searchSounds', () => {
  it('finds numbers that sound like a phrase, best at the end, each saying what it sounds like', async () => {
    const { results } = await searchSounds(pool, { sounds: '我要发', limit: 10 });
    expect(results).toHaveLength(10);
    expect(results[0]!.soundsLike).toMatchObject({ digits: '518', atEnd: true });
    for (const r of results) expect(r.number).toContain(r.soundsLike.digits);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.rank).toBeGreaterThanOrEqual(results[i]!.rank);
  });

  it('takes typed pinyin as it takes Chinese', async () => {
    const hanzi = await searchSounds(pool, { sounds: '一路有我', limit: 5 });
    const pinyin = await searchSounds(pool, { sounds: 'yi lu you wo', limit: 5 });
    expect(pinyin.results.map((r) => r.number)).toEqual(hanzi.results.map((r) => r.number));
    expect(hanzi.results[0]!.soundsLike.digits).toBe('1615');
  });

  it('finds numbers by meaning through the lexicon', async () => {
    const { results } = await searchSounds(pool, { meaning: '发财', limit: 5, exclude: '4' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.number.slice(3)).not.toContain('4');
      expect(r.number).toContain(r.soundsLike.digits);
    }
  });

  it('ranks as looking every strong reading up at the end and anywhere would, though it skips searches that cannot change the answer', async () => {
    const pools = { one: pool, two: [pool, createPool({ segment: '4008' })], few: createPool({ numbers: ['4006161615', '4006518518', '4008885168', '4001681688', '4006123456'] }) };
    const phrases = ['一路有我', '我要发', 'yi lu fa', '一生一世', '要发', '长长久久', '发发发', '168', 'wo ai ni', '顺发物流'];
    const filters: Partial<SoundQuery>[] = [{}, { exclude: '4' }, { minScore: 70 }, { tailContains: '8' }, { include: '6' }, { segments: ['4008'] }, { tiers: ['premium', 'top'] }];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...phrases), fc.constantFrom(...filters), fc.constantFrom(1, 3, 20, 60), fc.constantFrom('one', 'two', 'few'), async (sounds, filter, limit, which) => {
        const query = { sounds, ...filter, limit };
        const { results } = await searchSounds(pools[which], query);
        expect(results.map((r) => ({ number: r.number, rank: r.rank, digits: r.soundsLike.digits }))).toEqual(await everyPage(pools[which], query));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves out readings longer than a number instead of failing on them', async () => {
    // 阿里巴巴 reads as digits too, so every reading of the whole phrase runs past ten digits
    const readings = await phraseToDigits('阿里巴巴1688批发网');
    expect(readings.length).toBeGreaterThan(0);
    expect(readings.every((r) => r.digits.length > 10)).toBe(true);
    expect((await searchSounds(pool, { sounds: '阿里巴巴1688批发网', limit: 5 })).results).toEqual([]);
    // the same phrase cut to what fits finds numbers, each holding its reading's digits
    const { results } = await searchSounds(pool, { sounds: '1688批发', limit: 5 });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.number).toContain(r.soundsLike.digits);
  });

  it('rejects a query with neither or both of sounds and meaning, and a bad phrase', async () => {
    await expect(searchSounds(pool, {})).rejects.toThrow(/exactly one of sounds/);
    await expect(searchSounds(pool, { sounds: 'x', meaning: 'y' })).rejects.toThrow(/exactly one of sounds/);
    await expect(searchSounds(pool, { sounds: 'hello!!' })).rejects.toMatchObject({ code: 'BAD_PHRASE' });
  });
});
