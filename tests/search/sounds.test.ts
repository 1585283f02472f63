import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { searchSounds } from '../../src/search/sounds.js';

const pool = createPool({ segment: '4006' });

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

  it('rejects a query with neither or both of sounds and meaning, and a bad phrase', async () => {
    await expect(searchSounds(pool, {})).rejects.toThrow(/exactly one of sounds/);
    await expect(searchSounds(pool, { sounds: 'x', meaning: 'y' })).rejects.toThrow(/exactly one of sounds/);
    await expect(searchSounds(pool, { sounds: 'hello!!' })).rejects.toMatchObject({ code: 'BAD_PHRASE' });
  });
});
