import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { defaultPackages, parsePackages } from '../../src/packages/packages.js';
import { TIERS } from '../../src/scoring/tiers.js';
import { caught } from '../phonetics/caught.js';

const bundledText = readFileSync(new URL('../../data/packages.json', import.meta.url), 'utf8');
const agentFile = (packages: unknown[], extra: object = {}) =>
  JSON.stringify({ packages, sources: { 'agent-defined': { title: 'ours', url: null } }, ...extra }, null, 2);
const good = { id: 'basic', zh: '基础套餐', en: 'basic', prepay: 1200, years: 1, ratePerMinute: 0.12, source: 'agent-defined' };


describe('data/packages.json', () => {
  it('loads, with a minimum spend for every tier, rising along the ladder', () => {
    const list = defaultPackages();
    expect(list.packages.length).toBeGreaterThan(4);
    const spends = TIERS.map((t) => list.tierMinimum[t.id].perYear);
    expect([...spends].sort((a, b) => a - b)).toEqual(spends);
    expect(parsePackages(bundledText, { file: 'data/packages.json' })).toEqual(list);
  });

  it('every rate is at or above the settlement cost and every source is listed', () => {
    for (const p of defaultPackages().packages) {
      expect(p.ratePerMinute).toBeGreaterThanOrEqual(0.06);
      expect(Object.keys(defaultPackages().sources)).toContain(p.source);
    }
  });
});

describe('parsePackages', () => {
  it("reads an agent's own file and keeps the bundled minimum spends when it gives none", () => {
    const list = parsePackages(agentFile([good]), { file: 'huatong.json' });
    expect(list.packages).toEqual([good]);
    expect(list.tierMinimum).toEqual(defaultPackages().tierMinimum);
    expect(list.file).toBe('huatong.json');
  });

  it("takes the carrier's own minimum spend of single numbers", () => {
    const minimumSpend = {
      tiers: Object.fromEntries(TIERS.map((t) => [t.id, { perYear: 100, source: 'agent-defined' }])),
      numbers: [{ number: '400-666-8888', perYear: 50000, source: 'agent-defined' }],
    };
    const list = parsePackages(agentFile([good], { minimumSpend }));
    expect(list.numberMinimum.get('4006668888')).toEqual({ perYear: 50000, source: 'agent-defined' });
  });

  it.each([
    ['a rate below the settlement cost', { ratePerMinute: 0.05 }, 'packages[0].ratePerMinute', /结算成本/, /settlement cost of 0\.06/],
    ['a rate written in 分', { ratePerMinute: 12 }, 'packages[0].ratePerMinute', /分/, /in 分 rather than 元/],
    ['a rate that is not a number', { ratePerMinute: '0.1' }, 'packages[0].ratePerMinute', /不是数字/, /not a number/],
    ['a prepayment of nothing', { prepay: 0 }, 'packages[0].prepay', /金额/, /amount/],
    ['a prepayment in fractions of 分', { prepay: 1200.005 }, 'packages[0].prepay', /两位小数/, /two decimals/],
    ['half a year', { years: 0.5 }, 'packages[0].years', /整数年/, /whole number of years/],
    ['a bad id', { id: 'Year 1' }, 'packages[0].id', /小写字母/, /lower-case/],
    ['an unknown source', { source: 'blog' }, 'packages[0].source', /sources/, /not in sources/],
    ['an unknown field', { rate: 0.1 }, 'packages[0].rate', /未知字段/, /unknown field/],
    ['an empty name', { zh: '' }, 'packages[0].zh', /文字/, /text/],
  ])('refuses %s, naming the line and the field', (_what, change, field, zh, en) => {
    const text = agentFile([{ ...good, ...change }]);
    const error = caught(() => parsePackages(text, { file: 'huatong.json' }));
    expect(error.code).toBe('BAD_PACKAGES');
    expect(error.field).toBe(field);
    const key = field.split('.').at(-1)!;
    const line = text.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1;
    expect(error.message).toContain(`huatong.json line ${line}, ${field}:`);
    expect(error.messageIn('zh')).toContain(`huatong.json 第 ${line} 行`);
    expect(error.messageIn('zh')).toMatch(zh);
    expect(error.message).toMatch(en);
  });

  it('refuses a duplicate id on the second', () => {
    const error = caught(() => parsePackages(agentFile([good, good])));
    expect(error).toMatchObject({ code: 'BAD_PACKAGES', field: 'packages[1].id' });
    expect(error.message).toMatch(/listed twice/);
  });

  it('names the line of malformed JSON', () => {
    const error = caught(() => parsePackages('{\n  "packages": [\n    { "id": "a", }\n  ]\n}', { file: 'x.json' }));
    expect(error.code).toBe('BAD_PACKAGES');
    expect(error.message).toMatch(/^x\.json line 3 is not valid JSON/);
  });

  it('refuses a file without packages or with a missing tier', () => {
    expect(caught(() => parsePackages(agentFile([])))).toMatchObject({ code: 'BAD_PACKAGES', field: 'packages' });
    const minimumSpend = { tiers: { ordinary: { perYear: 1, source: 'agent-defined' } } };
    const error = caught(() => parsePackages(agentFile([good], { minimumSpend })));
    expect(error.field).toBe('minimumSpend.tiers');
    expect(error.message).toMatch(/select/);
  });

  it("names the line and field of a bad minimum spend for special numbers", () => {
    const tiers = Object.fromEntries(['ordinary', 'select', 'premium', 'top', 'super'].map((t) => [t, { perYear: 600, source: 'agent-defined' }]));
    const text = JSON.stringify(JSON.parse(agentFile([good], { minimumSpend: { tiers, special: { perYear: -1, source: 'agent-defined' } } })), null, 2);
    const error = caught(() => parsePackages(text, { file: 'huatong.json' }));
    expect(error).toMatchObject({ code: 'BAD_PACKAGES', field: 'minimumSpend.special.perYear' });
    expect(error.message).toMatch(new RegExp(`^huatong\\.json line ${text.split('\n').findIndex((l) => l.includes('"perYear": -1')) + 1}, minimumSpend\\.special\\.perYear`));
  });

  it('never crashes on a mangled file: every failure is BAD_PACKAGES', () => {
    const values = fc.oneof(fc.constant(undefined), fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object());
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(good)), values, fc.integer({ min: 0, max: bundledText.length }), (key, value, cut) => {
        const text = agentFile([{ ...good, [key]: value }]);
        for (const input of [text, text.slice(0, cut)]) {
          try {
            parsePackages(input);
          } catch (error) {
            expect(error).toBeInstanceOf(Vanity400Error);
            expect((error as Vanity400Error).code).toBe('BAD_PACKAGES');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
