import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLexicon, lexiconPhrases } from '../../src/rules/lexicon.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

const json = (name: string) => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));

describe('data files', () => {
  it.each([
    ['lexicon.json', 'entries'],
    ['segments.json', 'segments'],
    ['tiers.json', 'tiers'],
    ['digits.json', 'digits'],
    ['packages.json', 'packages'],
    ['documents.json', 'documents'],
    ['documents.json', 'industries'],
  ])('every entry of %s names a source the file lists', (file, key) => {
    const data = json(file);
    expect(data[key].length).toBeGreaterThan(0);
    for (const entry of data[key]) expect(Object.keys(data.sources), JSON.stringify(entry)).toContain(entry.source);
  });

  it('every minimum spend of packages.json and every fact of billing.json names a source the file lists', () => {
    const packages = json('packages.json');
    for (const m of [...Object.values<{ source: string }>(packages.minimumSpend.tiers), packages.minimumSpend.special]) expect(Object.keys(packages.sources)).toContain(m.source);
    const billing = json('billing.json');
    for (const key of ['settlementCost', 'typicalAgentRate', 'agentRates', 'unitGuard']) expect(Object.keys(billing.sources)).toContain(billing[key].source);
  });

  it('every profile names a source', () => {
    const data = json('profiles.json');
    for (const p of Object.values<{ source: string }>(data.profiles)) expect(Object.keys(data.sources)).toContain(p.source);
  });

  it("the lexicon holds the seed's readings, and no reading a buyer would find wrong or negative as a bonus", () => {
    const phrases = lexiconPhrases();
    for (const d of ['12580', '1615', '580', '114', '1949', '365', '8848', '5460']) {
      expect(phrases.find((p) => p.digits === d)?.source, d).toBe('seed');
    }
    // Entries a native buyer rejects (data/lexicon.json's about): farewells, sorry, boredom, forced or emergency readings.
    for (const d of ['886', '687', '56', '519', '837', '1372', '94', '110', '119', '120', '12315', '315', '996', '1840', '31', '13', '38', '58']) {
      expect(phrases.filter((p) => p.digits === d && p.family !== 'taboo'), d).toEqual([]);
    }
    expect(phrases.find((p) => p.digits === '250')).toMatchObject({ family: 'taboo', weight: 5 });
  });
});

describe('readLexicon', () => {
  const good = { digits: '168', family: 'homophone', zh: '一路发', en: 'prosper', weight: 5, tags: [], source: 's' };
  const read = (entry: object) => () => readLexicon({ sources: { s: {} }, entries: [good, entry] });

  it.each([
    [{ ...good, digits: '16a' }, 'entries[1]: digits "16a" is not 2 to 6 digits'],
    [{ ...good, digits: '888' }, 'entries[1]: digits 888 is a plain repeat'],
    [{ ...good }, 'entries[1]: 168 is listed twice as homophone'],
    [{ ...good, digits: '518', family: 'lucky' }, 'entries[1]: family "lucky"'],
    [{ ...good, digits: '518', weight: 9 }, 'entries[1]: weight 9'],
    [{ ...good, digits: '518', tags: ['nice'] }, 'entries[1]: tags ["nice"]'],
    [{ ...good, digits: '518', source: 'blog' }, 'entries[1]: source "blog" is not in sources'],
    [{ ...good, digits: '518', en: '' }, 'entries[1]: zh and en labels are required'],
  ])('rejects a bad entry %j, naming it', (entry, message) => {
    expect(read(entry)).toThrow(Vanity400Error);
    expect(read(entry)).toThrow(message);
  });

  it('rejects a file of the wrong shape', () => {
    expect(() => readLexicon({ entries: 'x' } as never)).toThrow(/expected \{ sources/);
  });
});
