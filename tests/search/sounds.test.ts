import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pool } from '../../src/pool/pool.js';
import { createPool } from '../../src/pool/create-pool.js';
import { search } from '../../src/search/search.js';
import { searchSounds, type SoundQuery } from '../../src/search/sounds.js';
import { readText } from '../../src/phonetics/text-readings.js';
import { score } from '../../src/scoring/score.js';

const pool = createPool({ segment: '4006' });

/**
 * The ranking rule restated through search(): each reading readText keeps is looked for at the end and,
 * if longer than two digits, anywhere in the six chosen digits; every number found ranks by its best
 * reading: 60 × quality (× 0.75 away from the end) + 0.4 × score.
 */
async function everyPage(pools: Pool | Pool[], query: SoundQuery & { sounds: string }) {
  const { sounds, limit = 20, ...filters } = query;
  const { readings } = await readText(sounds, 'phrase');
  const found = new Set<string>();
  for (const r of readings) {
    for (const pattern of [`${r.digits}$`, ...(r.digits.length > 2 ? [`%${r.digits}%`] : [])]) {
      for (const hit of search(pools, { ...filters, pattern, limit: 1000 }, { findings: false }).results) found.add(`${hit.number}|${hit.score}`);
    }
  }
  const best = new Map<string, { rank: number; digits: string }>();
  for (const key of found) {
    const [number, score] = key.split('|') as [string, string];
    for (const r of readings) {
      const at = number.lastIndexOf(r.digits);
      if (at < 4 || (r.digits.length <= 2 && at !== 8)) continue;
      const atEnd = at + r.digits.length === 10;
      const rank = Math.round((60 * r.quality * (atEnd ? 1 : 0.75) + 0.4 * Number(score)) * 10) / 10;
      if (rank > (best.get(number)?.rank ?? -1)) best.set(number, { rank, digits: r.digits });
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
    const phrases = ['一路有我', '我要发', 'yi lu fa', '一生一世', '要发', '久久', '发发发', '168', 'wo ai ni', '一起发'];
    const filters: Partial<SoundQuery>[] = [{}, { exclude: '4' }, { minScore: 70 }, { tailContains: '8' }, { include: '6' }, { segments: ['4008'] }, { tiers: ['premium', 'top'] }];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...phrases), fc.constantFrom(...filters), fc.constantFrom(1, 3, 20, 60), fc.constantFrom('one', 'two', 'few'), async (sounds, filter, limit, which) => {
        const query = { sounds, ...filter, limit };
        const { results } = await searchSounds(pools[which], query);
        expect(results.map((r) => ({ number: r.number, rank: r.rank, digits: r.soundsLike.digits }))).toEqual(await everyPage(pools[which], query));
      }),
      { numRuns: 25 },
    );
  });

  it('leaves out readings longer than the six digits a buyer chooses, and says there is none', async () => {
    const page = await searchSounds(pool, { sounds: '阿里巴巴1688批发网', limit: 5 });
    expect(page.results).toEqual([]);
    expect(page.notes[0]!.zh).toMatch(/^没有读音相符的号码/);
  });

  it('finds readings only in the six digits after the segment digit, two digits only at the end', async () => {
    for (const sounds of ['发发', '久久', '一路发']) {
      const { results } = await searchSounds([pool, createPool({ segment: '4008' })], { sounds, limit: 40 });
      expect(results.length).toBe(40);
      for (const r of results) {
        expect(r.soundsLike.at).toBeGreaterThanOrEqual(4);
        expect(r.number.slice(r.soundsLike.at, r.soundsLike.at + r.soundsLike.digits.length)).toBe(r.soundsLike.digits);
        if (r.soundsLike.digits.length === 2) expect(r.soundsLike.atEnd).toBe(true);
      }
    }
  });

  it('answers a phrase no digits sound like with no numbers, saying so and offering the meaning and other routes', async () => {
    for (const sounds of ['顺顺利利', '发财', '平安', '好运', '顺丰速运', '美的']) {
      const page = await searchSounds(pool, { sounds });
      expect(page.results, sounds).toEqual([]);
      expect(page.notes[0]!.zh, sounds).toBe(`没有读音相符的号码：“${sounds}”找不到读音贴切的数字。`);
      expect(page.notes.at(-1)!.kind).toBe('other-routes');
    }
    const page = await searchSounds(pool, { sounds: '顺顺利利' });
    expect(page.notes.find((n) => n.kind === 'try-meaning')?.zh).toMatch(/^可以按寓意“顺利”找，比如 666（六六大顺）/);
  });

  it('says how good a reading is in the sentence a salesperson reads', async () => {
    const known = await searchSounds(pool, { sounds: '一路有我', limit: 3 });
    expect(known.results[0]!.soundsLike.says.zh).toBe('尾号 1615 谐音“一路有我”（常见说法）');
    const close = await searchSounds(pool, { sounds: '发发', limit: 3 });
    expect(close.results[0]!.soundsLike.says.zh).toBe('尾号 88 谐音“发发”（读音贴切）');
    expect(close.results[0]!.soundsLike.grade).toBe('close');
  });

  it('finds by whole meanings, never by a shared character', async () => {
    const wealth = await searchSounds(pool, { meaning: '发财', limit: 60 });
    const digits = new Set(wealth.results.map((r) => r.soundsLike.digits));
    for (const d of ['168', '518']) expect(digits).toContain(d);
    expect(wealth.results[0]!.soundsLike.says.zh).toMatch(/^尾号 (168|518)：(一路发|我要发)，寓意发财$/);
    for (const meaning of ['运', '五四运动', '奥运']) {
      const page = await searchSounds(pool, { meaning: meaning === '奥运' ? '好运' : meaning, limit: 60 });
      for (const r of page.results) expect(r.soundsLike.phrase).not.toMatch(/奥运|五四/);
    }
    expect((await searchSounds(pool, { meaning: '运' })).notes[0]!.zh).toMatch(/^没有收录“运”这个寓意。可以试试：发财、顺利/);
    const everest = await searchSounds(pool, { meaning: '珠峰', limit: 5 });
    expect(everest.results[0]!.soundsLike).toMatchObject({ digits: '8848', phrase: '珠峰高度 8848 米' });
  });

  it("scores with the pool's profile and company facts", async () => {
    const own = createPool({ segment: '4006', profile: 'traditional', company: { founded: 1994 } });
    const { results } = await searchSounds(own, { sounds: '一生一世', limit: 5 });
    for (const r of results) expect(r.score).toBe(score(r.number, { profile: 'traditional', company: { founded: 1994 } }).score);
  });

  it('rejects a query with neither or both of sounds and meaning, and a bad phrase', async () => {
    await expect(searchSounds(pool, {})).rejects.toThrow(/exactly one of sounds/);
    await expect(searchSounds(pool, { sounds: 'x', meaning: 'y' })).rejects.toThrow(/exactly one of sounds/);
    await expect(searchSounds(pool, { sounds: 'hello!!' })).rejects.toMatchObject({ code: 'BAD_PHRASE' });
  });
});
