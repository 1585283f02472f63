import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { defaultPackages, parsePackages } from '../../src/packages/packages.js';
import { quote } from '../../src/packages/quote.js';
import { score } from '../../src/scoring/score.js';
import { TIERS, type TierId } from '../../src/scoring/tiers.js';

const tierIds = TIERS.map((t) => t.id);

describe('quote', () => {
  it('prices each package for the traffic: the prepayment is a floor, the minutes beyond it cost the rate', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tierIds), fc.integer({ min: 0, max: 200_000 }), (tier, minutes) => {
        const q = quote({ tier: tier as TierId, minutesPerMonth: minutes });
        const minimum = defaultPackages().tierMinimum[tier as TierId].perYear;
        const eligible = defaultPackages().packages.filter((p) => p.prepay / p.years >= minimum);
        expect(q.packages.map((p) => p.package.id).sort()).toEqual(eligible.map((p) => p.id).sort());
        expect(q.ineligible.map((p) => p.package.id).sort()).toEqual(
          defaultPackages().packages.filter((p) => !eligible.includes(p)).map((p) => p.id).sort(),
        );
        for (const p of q.packages) {
          const byMinutes = minutes * 12 * p.package.years * p.package.ratePerMinute;
          const perYear = Math.max(p.package.prepay, byMinutes) / p.package.years;
          expect(p.perYear).toBeCloseTo(perYear, 2);
          expect(p.total).toBeCloseTo(perYear * p.package.years, 2);
          expect(p.perYear).toBeGreaterThanOrEqual(p.prepayPerYear - 0.005);
          expect(p.coveredMinutesPerMonth * 12 * p.package.years * p.package.ratePerMinute).toBeLessThanOrEqual(p.package.prepay + 1e-6);
          if (minutes > 0) expect(p.effectiveRate!).toBeGreaterThanOrEqual(p.package.ratePerMinute - 0.0001);
          else expect(p.effectiveRate).toBeNull();
        }
        const costs = q.packages.map((p) => p.perYear);
        expect([...costs].sort((a, b) => a - b)).toEqual(costs);
        expect(q.packages.map((p) => p.rank)).toEqual(q.packages.map((_, i) => i + 1));
      }),
      { numRuns: 200 },
    );
  });

  it("uses the number's tier, and says what callers pay", () => {
    const q = quote({ number: '400-666-8888', minutesPerMonth: 1000 });
    const a = score('4006668888');
    expect(q).toMatchObject({ number: '4006668888', tier: a.tier, special: a.special, minimumSpend: { of: 'tier' } });
    expect(q.caller.zh).toMatch(/市话费.*长途/);
    expect(q.caller.en).toMatch(/local rate.*long-distance/);
  });

  it('light traffic favours a small prepayment, heavy traffic a low rate', () => {
    expect(quote({ tier: 'ordinary', minutesPerMonth: 100 }).packages[0]!.package.prepay).toBe(600);
    expect(quote({ tier: 'ordinary', minutesPerMonth: 100_000 }).packages[0]!.package.ratePerMinute).toBe(0.1);
  });

  it('keeps to one term when asked', () => {
    const q = quote({ tier: 'ordinary', minutesPerMonth: 500, years: 3 });
    expect(q.packages.length).toBeGreaterThan(0);
    expect(q.packages.every((p) => p.package.years === 3)).toBe(true);
  });

  it("flags a rate below 0.10 with the seed's warning, and a number's own minimum spend wins", () => {
    const text = JSON.stringify({
      packages: [
        { id: 'cheap', zh: '便宜', en: 'cheap', prepay: 20000, years: 1, ratePerMinute: 0.08, source: 'a' },
        { id: 'fair', zh: '正常', en: 'fair', prepay: 60000, years: 1, ratePerMinute: 0.1, source: 'a' },
      ],
      minimumSpend: { tiers: Object.fromEntries(tierIds.map((t) => [t, { perYear: 0, source: 'a' }])), numbers: [{ number: '4006668888', perYear: 50000, source: 'a' }] },
      sources: { a: { title: 'agent', url: null } },
    });
    const list = parsePackages(text);
    const own = quote({ number: '4006668888', minutesPerMonth: 10 }, list);
    expect(own.minimumSpend).toEqual({ perYear: 50000, source: 'a', of: 'number', basis: { zh: '运营商给这个号码定的', en: "the carrier's figure for this number" } });
    expect(own.packages.map((p) => p.package.id)).toEqual(['fair']);
    expect(own.ineligible[0]!.reason.zh).toMatch(/这个号码每年 50000 元的最低消费/);
    const other = quote({ number: '4006666689', minutesPerMonth: 10 }, list);
    expect(other.packages.map((p) => [p.package.id, p.warning !== undefined])).toEqual([['cheap', true], ['fair', false]]);
    expect(other.packages[0]!.warning!.zh).toMatch(/做了手脚/);
  });

  it("holds a special number below 顶级靓号 to the special numbers' figure, and says whether it is the default or the agent's", () => {
    const bundled = defaultPackages();
    const a = score('4006121212');
    expect(a).toMatchObject({ special: true });
    expect(bundled.tierMinimum[a.tier].perYear).toBeLessThan(bundled.specialMinimum.perYear);
    const q = quote({ number: '400-612-1212', minutesPerMonth: 800 });
    expect(q.minimumSpend).toMatchObject({ perYear: bundled.specialMinimum.perYear, source: 'special-default', of: 'special' });
    expect(q.minimumSpend.basis.zh).toBe('特殊号码的最低消费由运营商定，价目表里还没填运营商给的数，这是默认的估计，以运营商核定的为准');
    expect(q.minimumSpend.basis.en).toMatch(/default estimate/);
    expect(q.packages.every((p) => p.prepayPerYear >= bundled.specialMinimum.perYear)).toBe(true);
    expect(q.ineligible[0]!.reason.zh).toBe(`每年预存 600 元，低于特殊号码每年 ${bundled.specialMinimum.perYear} 元的最低消费`);
    // The same tier without the special shape keeps its tier's figure; asked by tier, special says so.
    const plain = quote({ tier: a.tier, minutesPerMonth: 800 });
    expect(plain.minimumSpend).toMatchObject({ perYear: bundled.tierMinimum[a.tier].perYear, of: 'tier' });
    expect(quote({ tier: a.tier, special: true, minutesPerMonth: 800 }).minimumSpend.of).toBe('special');
    // A tier above the special figure keeps its own.
    const top = quote({ number: '400-777-1111', minutesPerMonth: 800 });
    expect(top).toMatchObject({ tier: 'super', special: true, minimumSpend: { perYear: bundled.tierMinimum.super.perYear, of: 'tier' } });

    const agent = (special?: object) =>
      parsePackages({
        packages: [{ id: 'y5000', zh: '年套餐 5000 元', en: '5,000 元 a year', prepay: 5000, years: 1, ratePerMinute: 0.1, source: 'own' }],
        minimumSpend: { tiers: Object.fromEntries(tierIds.map((t) => [t, { perYear: 600, source: 'own' }])), ...(special ? { special } : {}) },
        sources: { own: { title: '华通的价目表', url: null } },
      });
    const own = quote({ number: '400-612-1212', minutesPerMonth: 800 }, agent({ perYear: 4800, source: 'own' }));
    expect(own.minimumSpend).toEqual({ perYear: 4800, source: 'own', of: 'special', basis: { zh: '按价目表里特殊号码的标准，特殊号码的最低消费由运营商定', en: "the price list's figure for special numbers, which the carrier sets" } });
    expect(own.packages.map((p) => p.package.id)).toEqual(['y5000']);
    const kept = agent();
    expect(kept.specialMinimum).toEqual(bundled.specialMinimum);
    expect(kept.sources['special-default']).toEqual(bundled.sources['special-default']);
    expect(quote({ number: '400-612-1212', minutesPerMonth: 800 }, kept).minimumSpend.basis).toEqual(q.minimumSpend.basis);
  });

  it.each([
    [{ tier: 'ordinary', minutesPerMonth: -1 }, 'minutesPerMonth'],
    [{ tier: 'ordinary', minutesPerMonth: Number.NaN }, 'minutesPerMonth'],
    [{ tier: 'ordinary', minutesPerMonth: '500' }, 'minutesPerMonth'],
    [{ tier: 'ordinary', minutesPerMonth: 5, years: 1.5 }, 'years'],
    [{ tier: 'gold', minutesPerMonth: 5 }, 'tier'],
    [{ minutesPerMonth: 5 }, 'tier'],
    [{ number: '4006668888', tier: 'top', minutesPerMonth: 5 }, 'tier'],
  ])('refuses %j, naming the field', (request, field) => {
    const run = () => quote(request as never);
    expect(run).toThrow(Vanity400Error);
    try {
      run();
    } catch (error) {
      expect((error as Vanity400Error).field).toBe(field);
      expect((error as Vanity400Error).messageIn('zh')).toContain(field);
    }
  });

  it('passes on the parse error of a malformed number', () => {
    expect(() => quote({ number: '400-851', minutesPerMonth: 5 })).toThrow(expect.objectContaining({ code: 'WRONG_LENGTH' }));
  });
});
