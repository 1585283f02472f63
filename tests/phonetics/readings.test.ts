import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { checkReadings, digitCandidates, digitReadings } from '../../src/phonetics/readings.js';
import { normalizeSyllable } from '../../src/phonetics/syllable.js';
import { lexiconPhrases } from '../../src/rules/lexicon.js';

const file = JSON.parse(readFileSync(new URL('../../data/readings.json', import.meta.url), 'utf8'));
const has = (digit: string, kind: string, syllable: string, char: string) =>
  digitReadings().some((r) => r.digit === digit && r.kind === kind && r.syllable === syllable && r.char === char);

describe('data/readings.json', () => {
  it('every reading names a listed source, and every listed source is used', () => {
    const sources = Object.keys(file.sources);
    for (const r of file.readings) expect(sources, JSON.stringify(r)).toContain(r.source);
    for (const id of sources) expect(file.readings.some((r: { source: string }) => r.source === id), id).toBe(true);
    for (const s of Object.values<{ title: string; url: string | null }>(file.sources)) expect(s.title).toBeTruthy();
  });

  it('has the standard reading of every digit', () => {
    const standard = ['líng', 'yī', 'èr', 'sān', 'sì', 'wǔ', 'liù', 'qī', 'bā', 'jiǔ'];
    standard.forEach((syllable, digit) => {
      expect(digitReadings().filter((r) => r.digit === String(digit) && r.kind === 'standard').map((r) => r.syllable)).toEqual([syllable]);
    });
  });

  it.each([
    ['1', 'telephone', 'yāo', '幺'],
    ['2', 'telephone', 'liǎng', '两'],
    ['7', 'telephone', 'guǎi', '拐'],
    ['0', 'telephone', 'dòng', '洞'],
    ['9', 'telephone', 'gōu', '勾'],
    ['4', 'solfege', 'fā', '发'],
    ['8', 'sound-alike', 'fā', '发'],
    ['5', 'sound-alike', 'wǒ', '我'],
    ['1', 'sound-alike', 'yào', '要'],
    ['2', 'sound-alike', 'ài', '爱'],
    ['0', 'sound-alike', 'nǐ', '你'],
    ['0', 'sound-alike', 'nín', '您'],
    ['6', 'sound-alike', 'lù', '路'],
    ['9', 'sound-alike', 'jiǔ', '久'],
    ['9', 'sound-alike', 'jiù', '就'],
    ['3', 'sound-alike', 'shēng', '生'],
    ['7', 'sound-alike', 'qǐ', '起'],
    ['4', 'sound-alike', 'sǐ', '死'],
  ])('has %s as %s %s %s', (digit, kind, syllable, char) => {
    expect(has(digit, kind, syllable, char)).toBe(true);
  });

  it('has a solfège reading for 1-7 only', () => {
    const solfege = digitReadings().filter((r) => r.kind === 'solfege').map((r) => r.digit).sort();
    expect(solfege).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('covers every Mandarin digit-to-syllable pairing the lexicon homophones use more than once', () => {
    const uses = new Map<string, number>();
    for (const p of lexiconPhrases()) {
      // Cantonese readings (唔 = m) belong to the opt-in regional profile, not to the Mandarin syllable table
      if (p.family === 'memorable' || !p.reading || p.tags?.includes('cantonese')) continue;
      const syllables = p.reading.split(' ');
      if (syllables.length !== p.digits.length) continue;
      syllables.forEach((s, i) => {
        const key = `${p.digits[i]}:${normalizeSyllable(s)}`;
        uses.set(key, (uses.get(key) ?? 0) + 1);
      });
    }
    const known = new Set(digitReadings().map((r) => `${r.digit}:${r.toneless}`));
    const missing = [...uses].filter(([key, n]) => n > 1 && !known.has(key)).map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('weights are in [0, 1], the standard readings 1', () => {
    for (const r of digitReadings()) {
      expect(r.weight).toBeGreaterThanOrEqual(0);
      expect(r.weight).toBeLessThanOrEqual(1);
      if (r.kind === 'standard') expect(r.weight).toBe(1);
    }
  });
});

describe('checkReadings', () => {
  const good = { digit: '8', kind: 'sound-alike', syllable: 'fā', char: '发', weight: 0.9, source: 's' };
  const standard = [...'0123456789'].map((digit) => ({ digit, kind: 'standard', syllable: 'x', char: 'x', weight: 1, source: 's' }));
  const check = (entry: object) => () => checkReadings({ sources: { s: {} }, readings: [...standard, entry] });

  it('accepts a good file', () => {
    expect(check(good)()).toHaveLength(11);
  });

  it.each([
    [{ ...good, digit: '88' }, 'readings[10]: digit "88" is not one digit'],
    [{ ...good, kind: 'pun' }, 'readings[10]: kind "pun" is unknown'],
    [{ ...good, char: '' }, 'readings[10]: syllable and char are required'],
    [{ ...good, weight: 1.5 }, 'readings[10]: weight 1.5 is not in 0-1'],
    [{ ...good, source: 'blog' }, 'readings[10]: source "blog" is not in sources'],
  ])('rejects %j, naming it', (entry, message) => {
    expect(check(entry)).toThrow(Vanity400Error);
    expect(check(entry)).toThrow(message);
  });

  it('requires a standard reading of every digit', () => {
    expect(() => checkReadings({ sources: { s: {} }, readings: [good] })).toThrow(/digit 0 has no standard reading/);
  });
});

describe('digitCandidates', () => {
  it('scores each digit by its best reading: similarity × weight', () => {
    const fa = digitCandidates('fa');
    expect(fa[0]).toMatchObject({ digit: '8', score: 0.95 });
    expect(fa[1]).toMatchObject({ digit: '4', score: 0.6 });
    expect(fa).toHaveLength(10);
    expect(digitCandidates('nin')[0]).toMatchObject({ digit: '0' });
    expect(digitCandidates('nin')[0]?.reading.char).toBe('您');
  });
});
