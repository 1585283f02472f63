import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score.js';
import { explain, findingSentence } from '../../src/scoring/explain.js';
import { NOT_RECOMMENDED, tierLabel } from '../../src/scoring/tiers.js';
import { combine } from '../../src/scoring/compile.js';
import { tablesFor } from '../../src/scoring/tables.js';
import { FAMILY_COUNT, TABOO } from '../../src/rules/families.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { checkProfile, profileNames, resolveProfile } from '../../src/scoring/profile.js';

const body = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 });
const number400 = fc.tuple(fc.constantFrom('4000', '4001', '4006', '4007', '4008', '4009'), body).map(([s, b]) => s + b);

describe('score', () => {
  it('is in [0, 100] with one decimal, and the same every time', () => {
    fc.assert(
      fc.property(number400, fc.constantFrom('seed', 'traditional'), (n, profile) => {
        const a = score(n, { profile });
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        expect(Math.round(a.score * 10)).toBe(a.score * 10);
        expect(score(n, { profile })).toEqual(a);
      }),
    );
  });

  it('does not change with separators, full-width digits or a country code', () => {
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    fc.assert(
      fc.property(number400, (n) => {
        const plain = score(n).score;
        expect(score(`${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`).score).toBe(plain);
        expect(score(`400 ${n.slice(3, 7)} ${n.slice(7)}`).score).toBe(plain);
        expect(score(fullWidth(`${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`)).score).toBe(plain);
        expect(score(`+86 ${n}`).score).toBe(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('never goes down when a family gains points (more and stronger findings never lower it)', () => {
    const tables = tablesFor('seed');
    const sums = fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: FAMILY_COUNT, maxLength: FAMILY_COUNT });
    fc.assert(
      fc.property(sums, fc.integer({ min: 0, max: FAMILY_COUNT - 1 }), fc.integer({ min: 1, max: 500 }), (s, f, extra) => {
        fc.pre(f !== TABOO);
        const more = s.slice();
        more[f]! += extra;
        expect(combine(tables, more, false)).toBeGreaterThanOrEqual(combine(tables, s, false));
      }),
    );
  });

  it('ranks the numbers buyers prize far above a plain one', () => {
    const plain = score('4006135792').score;
    for (const n of ['4008888888', '4006888888', '4006123456', '4008517517', '4006161615', '4006112580']) {
      expect(score(n).score, n).toBeGreaterThan(plain + 20);
    }
    expect(score('4008888888').score).toBeGreaterThan(99);
  });

  it('puts seven 8s in the top tier, special, and a plain number in the ordinary one', () => {
    expect(score('4008888888')).toMatchObject({ tier: 'super', special: true });
    expect(score('4006135792')).toMatchObject({ tier: 'ordinary', special: false });
    expect(score('4006131234')).toMatchObject({ special: false });
  });

  it('calls a number special by its last six even where a longer pattern is told: 6666888 四拖三 ends in AAABBB', () => {
    for (const n of ['4006666888', '4008888111', '4006111999', '4006112233']) expect(score(n).special, n).toBe(true);
    expect(explain('4006666888').summary).toContain('属运营商特殊号码，开通需 7 个工作日');
    expect(score('4006666688').special).toBe(false);
  });

  it('calls a number special by its digits alone, whatever the profile: 888-4444 is special where 4 is 死, 141414 ends in ABABAB', () => {
    for (const profile of profileNames()) {
      for (const n of ['4008884444', '4006141414', '4006444444', '4001234567']) expect(score(n, { profile }).special, `${n} (${profile})`).toBe(true);
      expect(score('4006141415', { profile }).special, profile).toBe(false);
    }
  });

  it('keeps a number with a serious taboo out of the tiers above 优选号, and the special flag out of the tier', () => {
    const taboo = score('4008882508');
    expect(taboo.findings.some((f) => f.label === '二百五')).toBe(true);
    expect(['ordinary', 'select']).toContain(taboo.tier);
    // Special by shape, ordinary by score: 400-612-3321 ends in a six-digit mirror.
    const mirror = score('4001373321');
    expect(mirror.special).toBe(false);
    expect(score('4006123321')).toMatchObject({ special: true });
  });

  it('returns the contract fields', () => {
    expect(score('4008-517-517')).toMatchObject({
      number: '4008517517',
      display: '400-851-7517',
      segment: '4008',
      carrier: 'telecom',
    });
  });

  it('rejects an unknown profile and a malformed custom profile with a clear error', () => {
    expect(() => score('4006123456', { profile: 'lucky' })).toThrow(/unknown profile "lucky": use one of seed, traditional, cantonese/);
    const broken = { ...resolveProfile('seed'), name: 'mine', scale: -1 };
    expect(() => checkProfile(broken)).toThrow(Vanity400Error);
    expect(() => score('4006123456', { profile: broken })).toThrow(/profile mine.scale/);
  });

  it('accepts a custom profile object', () => {
    const noLuck = { ...resolveProfile('seed'), name: 'no-luck', points: { ...resolveProfile('seed').points, digits: {} } };
    expect(score('4006131868', { profile: noLuck }).findings.some((f) => f.rule === 'auspicious')).toBe(false);
    expect(score('4006131868').findings.some((f) => f.rule === 'auspicious')).toBe(true);
  });
});

describe('explain', () => {
  it('says why in Chinese and in English, findings on the same digits in one sentence', () => {
    const zh = explain('4008517517');
    const en = explain('4008517517', { lang: 'en' });
    expect(zh.reasons).toEqual(['后六位 517517：ABCABC 型，谐音“我要吃，我要吃”，适合餐饮行业']);
    expect(zh.summary).toBe(`400-851-7517：${zh.score} 分，顶级靓号。后六位 517517（ABCABC 型，谐音“我要吃，我要吃”，适合餐饮行业）。属运营商特殊号码，开通需 7 个工作日。`);
    expect(en.summary).toMatch(/^400-851-7517 scores [\d.]+ \(top\)\. Ends in 517517: ABCABC pattern; sounds like 我要吃/);
    expect(en.score).toBe(zh.score);
  });

  it('always names the largest taboo, and says 加分 or 扣分 nowhere with points beside a 0-100 score', () => {
    const e = explain('4008882506');
    expect(e.summary).toContain('注意：尾号 2506 带 250 谐音“二百五”，像骂人');
    expect(e.reasons.at(-1)).toBe('注意：尾号 2506 带 250 谐音“二百五”，像骂人');
    for (const n of ['4006666666', '4008517517', '4000250438']) expect(explain(n).summary).not.toMatch(/[+-]\d+(\.\d)? 分/);
  });

  it('mentions the 7 working days of a special number', () => {
    expect(explain('4008888888').summary).toContain('7 个工作日');
    expect(explain('4008888888', { lang: 'en' }).summary).toContain('7 working days');
  });

  it('rejects an unknown language', () => {
    expect(() => explain('4008517517', { lang: 'fr' as 'en' })).toThrow(/unknown language "fr"/);
    const [f] = score('4008517517').findings;
    expect(() => findingSentence(f!, 'fr' as 'en')).toThrow(expect.objectContaining({ code: 'UNKNOWN_LANGUAGE' }));
    expect(() => findingSentence(f!, null as unknown as 'en')).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });

  it('says a tier from a tier id and a score, and refuses a score that is not a number', () => {
    expect(tierLabel('top', 91.4)).toEqual({ zh: '顶级靓号', en: 'top' });
    expect(tierLabel('top', 0)).toBe(NOT_RECOMMENDED);
    expect(() => tierLabel('top', null as unknown as number)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });
});
