import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Vanity400Error } from '../../../src/errors/vanity400-error.js';
import { compilePattern, enumeratePattern, type CompiledPattern } from '../../../src/search/pattern/index.js';
import { patternArb, rng } from './oracle.js';

const SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'];
const pad6 = (n: number): string => String(n).padStart(6, '0');

/** Every suffix of the segment whose full number the predicate accepts (all 1,000,000 tried). */
function bruteForce(segment: string, accept: (digits: Int8Array, text: string | null) => boolean, withText: boolean): number[] {
  const digits = Int8Array.from(`${segment}000000`, Number);
  const out: number[] = [];
  for (let n = 0; n < 1_000_000; n++) {
    if (accept(digits, withText ? segment + pad6(n) : null)) out.push(n);
    for (let i = 9; i >= 4; i--) {
      if (digits[i] !== 9) {
        digits[i]!++;
        break;
      }
      digits[i] = 0;
    }
  }
  return out;
}

const byMatcher = (p: CompiledPattern, segment: string): number[] => bruteForce(segment, (d) => p.matchDigits(d), false);

describe('enumeratePattern against brute force over a whole segment', () => {
  // Each oracle is a RegExp written by hand here, independent of the parser and matcher.
  const cases: [string, string, RegExp, number][] = [
    ['400-6**-8888', '4006', /^4006\d\d8888$/, 100],
    ['AABB$', '4007', /^\d{6}(\d)\1(?!\1)(\d)\2$/, 9000],
    ['%520%', '4009', /520/, 3999],
    ['4008[^4][^4]ABAB', '4008', /^4008[^4\D][^4\D](\d)(?!\1)(\d)\1\2$/, 9 * 9 * 90],
    ['[689][689][689]$', '4000', /[689]{3}$/, 27_000],
    ['^400%8888$', '4001', /^400\d*8888$/, 100],
    ['ABAB', '4006', /(\d)(?!\1)(\d)\1\2/, -1],
  ];

  it.each(cases)('%s in %s', (text, segment, oracle, size) => {
    const p = compilePattern(text);
    const got = enumeratePattern(p, segment, 50_000);
    expect(got).not.toBeNull();
    const want = bruteForce(segment, (_d, s) => oracle.test(s!), true);
    if (size >= 0) expect(want).toHaveLength(size);
    expect(want.length).toBeGreaterThan(0);
    expect(Array.from(got!)).toEqual(want);
  });

  it('finds nothing where the segment contradicts the pattern', () => {
    expect(Array.from(enumeratePattern(compilePattern('400-6**-8888'), '4008', 1000)!)).toEqual([]);
    expect(Array.from(enumeratePattern(compilePattern('^4006'), '4008', 0)!)).toEqual([]);
    expect(Array.from(enumeratePattern(compilePattern('^4006$'), '4006', 0)!)).toEqual([]);
    expect(Array.from(enumeratePattern(compilePattern('^[0-3]'), '4006', 0)!)).toEqual([]);
    expect(Array.from(enumeratePattern(compilePattern('^AA'), '4006', 0)!)).toEqual([]); // 4 then 0
  });
});

describe('enumeratePattern: the candidate limit', () => {
  it('returns null when the candidates exceed the limit, the matches otherwise', () => {
    const aabb = compilePattern('AABB$');
    expect(enumeratePattern(aabb, '4006', 8999)).toBeNull();
    expect(enumeratePattern(aabb, '4006', 9000)).toHaveLength(9000);
    // Candidates are counted per placement, before overlaps are merged: 4 × 1000, of which 520520 twice.
    const run = compilePattern('%520%');
    expect(enumeratePattern(run, '4006', 3999)).toBeNull();
    expect(enumeratePattern(run, '4006', 4000)).toHaveLength(3999);
    expect(enumeratePattern(compilePattern('^4006'), '4006', 999_999)).toBeNull();
    const all = enumeratePattern(compilePattern('^4006'), '4006', 1_000_000)!;
    expect(all).toHaveLength(1_000_000);
    expect(all[0]).toBe(0);
    expect(all[999_999]).toBe(999_999);
    expect(enumeratePattern(compilePattern('%'), '4001', 10)).toBeNull();
  });

  it('a fully fixed pattern yields its one number', () => {
    expect(Array.from(enumeratePattern(compilePattern('400-612-8888'), '4006', 1)!)).toEqual([128888]);
    expect(Array.from(enumeratePattern(compilePattern('^400%123456$'), '4009', 1)!)).toEqual([123456]);
  });

  it('answers from the fixed positions: the candidates of 4008[^4][^4]ABAB are exactly its 81 × 90 numbers', () => {
    const found = enumeratePattern(compilePattern('4008[^4][^4]ABAB'), '4008', 10_000)!;
    expect(found).toHaveLength(81 * 90);
    expect(enumeratePattern(compilePattern('^4008123456$'), '4008', 1)![0]).toBe(123456);
  });

  it('rejects bad segments and limits', () => {
    const p = compilePattern('8888$');
    for (const segment of ['4010', '400', '40066', 'abcd', '5006']) {
      expect(() => enumeratePattern(p, segment, 10)).toThrow(Vanity400Error);
      expect(() => enumeratePattern(p, segment, 10)).toThrow(expect.objectContaining({ code: 'UNKNOWN_SEGMENT' }));
    }
    expect(() => enumeratePattern(p, '4006', Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
    expect(() => enumeratePattern(p, '4006', -1)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });
});

describe('enumeratePattern: properties', () => {
  const alphabet = [0, 4, 6, 8, 9];
  const segment = fc.constantFrom(...SEGMENTS);

  it('equals brute force for random patterns that fix many positions', () => {
    let compared = 0;
    fc.assert(
      fc.property(patternArb(alphabet, { minPositions: 7 }), segment, (g, seg) => {
        const p = compilePattern(g.text);
        const got = enumeratePattern(p, seg, 20_000);
        if (got === null) return;
        compared++;
        expect(Array.from(got), `${g.text} in ${seg}`).toEqual(byMatcher(p, seg));
      }),
      { numRuns: 30 },
    );
    expect(compared).toBeGreaterThan(10);
  });

  it('is sorted, unique, within the limit, sound and complete on sampled numbers', () => {
    let nonNull = 0;
    fc.assert(
      fc.property(patternArb(alphabet), segment, fc.integer({ min: 0, max: 30_000 }), fc.integer(), (g, seg, limit, seed) => {
        const p = compilePattern(g.text);
        const got = enumeratePattern(p, seg, limit);
        if (got === null) return;
        nonNull++;
        expect(got.length).toBeLessThanOrEqual(limit);
        const wrong: string[] = [];
        for (let i = 1; i < got.length; i++) if (!(got[i]! > got[i - 1]!)) wrong.push(`unsorted at ${i}`);
        for (const n of got) if (!p.matches(seg + pad6(n))) wrong.push(`listed ${seg}${pad6(n)}`);
        const set = new Set(got);
        const rand = rng(seed);
        // Samples near listed numbers catch misses better than uniform ones.
        for (let i = 0; i < 200; i++) {
          const base = got.length > 0 && i % 2 === 0 ? got[rand(got.length)]! : rand(1_000_000);
          const n = (base + (i % 4 === 0 ? 0 : rand(100))) % 1_000_000;
          if (set.has(n) !== p.matches(seg + pad6(n))) wrong.push(`${set.has(n) ? 'listed' : 'missed'} ${seg}${pad6(n)}`);
        }
        expect(wrong, g.text).toEqual([]);
      }),
      { numRuns: 1500 },
    );
    expect(nonNull).toBeGreaterThan(200);
  });
});
