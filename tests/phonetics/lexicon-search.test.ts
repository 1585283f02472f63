import { describe, expect, it } from 'vitest';
import { searchLexicon } from '../../src/phonetics/lexicon-search.js';

const digits = (query: string, limit = 5) => searchLexicon(query, { limit }).map((h) => h.digits);

describe('searchLexicon', () => {
  it.each(['一路发', 'yilufa', 'yi lu fa', 'yī lù fā', 'YiLuFa'])('%s finds 一路发 (168) first, with a full score', (query) => {
    const [first] = searchLexicon(query);
    expect(first).toMatchObject({ digits: '168', zh: '一路发', reading: 'yī lù fā', family: 'homophone' });
    expect(first?.score).toBeGreaterThan(0.95);
  });

  it('tolerates typos: yilufaa, yilofa', () => {
    expect(digits('yilufaa', 1)).toEqual(['168']);
    expect(digits('yilofa', 3)).toContain('168');
  });

  it.each(['发财', 'facai', 'fa cai', 'fā cái'])('%s (get rich; no entry is 发财) finds the 发 = prosper entries', (query) => {
    const hits = searchLexicon(query);
    expect(hits.length).toBeGreaterThanOrEqual(5);
    for (const hit of hits) expect(hit.zh).toContain('发');
  });

  it('prosper finds the entries glossed with it', () => {
    const hits = searchLexicon('prosper');
    expect(hits.length).toBeGreaterThanOrEqual(5);
    for (const hit of hits) expect(hit.en).toMatch(/prosper/i);
    expect(digits('prosper', 10)).toContain('518');
  });

  it('finds by digits and by English', () => {
    expect(digits('520', 1)).toEqual(['520']);
    expect(digits('Everest', 1)).toEqual(['8848']);
    expect(digits('wo ai ni', 1)).toEqual(['520']);
  });

  it('scores are in [0, 1] and sorted best first', () => {
    const hits = searchLexicon('爱你', { limit: 50 });
    expect(hits.length).toBeGreaterThan(10);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('filters by family and honours limit', () => {
    const taboo = searchLexicon('si', { families: ['taboo'], limit: 4 });
    expect(taboo).toHaveLength(4);
    for (const hit of taboo) expect(hit.family).toBe('taboo');
    expect(searchLexicon('sǐ', { families: ['memorable'] }).every((h) => h.family === 'memorable')).toBe(true);
    expect(searchLexicon('一路发', { limit: 2 })).toHaveLength(2);
  });

  it('an empty or blank query finds nothing; so does nonsense', () => {
    expect(searchLexicon('')).toEqual([]);
    expect(searchLexicon('   ')).toEqual([]);
    expect(searchLexicon('zzzzqqq')).toEqual([]);
  });
});
