import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compilePattern } from '../../../src/search/pattern/index.js';
import { DIGITS, numbersFor, oracleRegExp, patternArb, rng, witness, type GenPattern, type GenToken } from './oracle.js';

/** [pattern, numbers it matches, numbers it does not]. */
const table: [string, string[], string[]][] = [
  ['400-6**-8888', ['4006128888', '4006008888', '4006998888'], ['4007128888', '4006128889', '4000612888']],
  // Different letters are different digits; the same letter is the same digit.
  ['AABB$', ['4006128899', '4006121122', '4006129988', '4000000011'], ['4006128888', '4006121899', '4006128989', '4006112899']],
  ['ABAB', ['4006121212', '4000001212', '4001010000'], ['4000000000', '4006123456', '4006111111']],
  ['ABCABC', ['4006123123', '4001231230', '4008168168'], ['4006121121', '4006111111', '4006123124']],
  ['%520%', ['4006520000', '4006000520', '4006005200', '4005200000'], ['4006052100', '4006502000', '4006250250']],
  ['4008[^4][^4]ABAB', ['4008121212', '4008009898', '4008556767'], ['4008141212', '4008421212', '4008121111', '4006121212', '4008125255']],
  ['[689][689][689]$', ['4006123689', '4006123688', '4000000999', '4006128666'], ['4006123678', '4006123679', '4006123588', '4006128880']],
  ['^400%8888$', ['4006128888', '4008888888', '4000008888'], ['4006128887', '4006888812', '4018888888']],
  ['^4006', ['4006000000', '4006999999'], ['4001400600', '4000400600', '4007000000']],
  ['4006', ['4006000000', '4001400600', '4000004006'], ['4001400700', '4000000000']],
  ['8888$', ['4006128888', '4008888888'], ['4008888123', '4006128887']],
  ['8888', ['4006128888', '4008888123'], ['4008088123']],
  ['[0-3]$', ['4006128880', '4006128883'], ['4006128884', '4006128889']],
  ['A%A', ['4012356784', '4000000000', '4400000000'], ['4012356789']],
  ['^4AAA', ['4444000000', '4000123456'], ['4011000000']],
  ['?', ['4000000000'], []],
  ['%', ['4006128888', '9999999999'], []],
  // Anchored at both ends but shorter than a number: nothing can match.
  ['^4006$', [], ['4006000000', '4006400640']],
];

describe('compilePattern: the contract examples', () => {
  it.each(table)('%s', (text, yes, no) => {
    const p = compilePattern(text);
    expect(p.ast.source).toBe(text);
    for (const n of yes) {
      expect(p.matches(n), `${text} should match ${n}`).toBe(true);
      expect(p.matchDigits([...n].map(Number)), n).toBe(true);
    }
    for (const n of no) {
      expect(p.matches(n), `${text} should not match ${n}`).toBe(false);
      expect(p.matchDigits(Int8Array.from([...n].map(Number))), n).toBe(false);
    }
  });

  it('a 10-position pattern matches the whole number, never a window', () => {
    const whole = compilePattern('*********8');
    const window = compilePattern('********8');
    expect(whole.matches('4006128880')).toBe(false); // only the 9th digit is 8
    expect(window.matches('4006128880')).toBe(true); // the 9-wide window at offset 0 ends in 8
    expect(whole.matches('4006128888')).toBe(true);
    expect(compilePattern('4006128888').matches('4006128888')).toBe(true);
    expect(compilePattern('4006128888').matches('4006128889')).toBe(false);
    expect(compilePattern('400612888').matches('4006128889')).toBe(true);
    expect(compilePattern('^AAAAAAAAAA').matches('4444444444')).toBe(true);
    expect(compilePattern('AAAAAAAAA').matches('4444444440')).toBe(true);
    expect(compilePattern('AAAAAAAAAA').matches('4444444440')).toBe(false);
  });

  it('different letters must differ even when they are far apart or across "%"', () => {
    expect(compilePattern('A%B').matches('4444444444')).toBe(false);
    expect(compilePattern('A%B').matches('4444444445')).toBe(true);
    expect(compilePattern('^A%B$').matches('4000000004')).toBe(false);
    expect(compilePattern('^A%B$').matches('4000000005')).toBe(true);
    expect(compilePattern('^AB%BA$').matches('4500000054')).toBe(true);
    expect(compilePattern('^AB%BA$').matches('4500000045')).toBe(false);
    expect(compilePattern('^AB%BA$').matches('4400000044')).toBe(false);
    // Needs backtracking: the first window binds A=4,B=0, but only A=3,B=2 closes with "A$".
    expect(compilePattern('%AB%A$').matches('4012000323')).toBe(true);
  });

  it('reuses its state safely call after call', () => {
    const p = compilePattern('AABB$');
    const digits = new Uint8Array([4, 0, 0, 6, 1, 2, 8, 8, 9, 9]);
    expect(p.matchDigits(digits)).toBe(true);
    digits[9] = 8;
    expect(p.matchDigits(digits)).toBe(false);
    digits[9] = 9;
    expect(p.matchDigits(digits)).toBe(true);
    expect(p.matches('4006128888')).toBe(false);
    expect(p.matches('4006127788')).toBe(true);
  });

  it('anything but 10 digits is not a match', () => {
    const p = compilePattern('%');
    expect(p.matches('4006128888')).toBe(true);
    expect(p.matches('400612888')).toBe(false);
    expect(p.matches('40061288881')).toBe(false);
    expect(p.matches('400612888x')).toBe(false);
    expect(p.matches('400-612-8888')).toBe(false);
    expect(p.matchDigits([4, 0, 0, 6])).toBe(false);
    expect(compilePattern('8$').matchDigits([8])).toBe(false);
    expect(compilePattern('A%B').matchDigits([1, 2])).toBe(false);
  });
});

describe('compilePattern against a RegExp oracle', () => {
  const alphabets = fc.oneof(
    fc.shuffledSubarray(DIGITS, { minLength: 2, maxLength: 3 }),
    fc.constant<number[]>([0, 4, 6, 8]),
  );

  it('matches exactly the numbers the oracle matches', () => {
    let matched = 0;
    let missed = 0;
    fc.assert(
      fc.property(
        alphabets.chain((alphabet) => fc.tuple(fc.constant(alphabet), patternArb(alphabet), fc.integer())),
        ([alphabet, g, seed]) => {
          const p = compilePattern(g.text);
          const oracle = oracleRegExp(g);
          for (const n of numbersFor(g, alphabet, seed, 24)) {
            const want = oracle.test(n);
            expect(p.matches(n), `${g.text} on ${n}`).toBe(want);
            expect(p.matchDigits(Int8Array.from(n, Number)), `${g.text} on ${n} (digits)`).toBe(want);
            if (want) matched++;
            else missed++;
          }
        },
      ),
      { numRuns: 2000 },
    );
    // The numbers are biased so both outcomes are common.
    expect(matched).toBeGreaterThan(5000);
    expect(missed).toBeGreaterThan(5000);
  });

  it('matches every number built to satisfy the pattern', () => {
    fc.assert(
      fc.property(patternArb([1, 2, 3, 5, 7, 9]), fc.integer(), (g, seed) => {
        const n = witness(g, rng(seed));
        fc.pre(n !== null);
        expect(oracleRegExp(g).test(n!)).toBe(true);
        expect(compilePattern(g.text).matches(n!), `${g.text} on ${n}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compilePattern: bounded work', () => {
  /** Letters, digits and "%" only, read by the test itself. */
  const simple = (text: string): GenPattern => ({
    text,
    start: false,
    end: false,
    tokens: [...text].map((c): GenToken => (c === '%' ? { kind: 'run' } : c >= 'A' ? { kind: 'var', name: c } : { kind: 'digit', digit: Number(c) })),
  });

  // An exponential search would run into the test timeout here.
  it.each(['A%B%C%A%B%C', '%A%A%A%A%A%', 'A%B%C%D%E%F', '%1%2%3%4%5%', 'AB%BA%AB'])('%s stays correct on 20,000 numbers', (text) => {
    const p = compilePattern(text);
    const oracle = oracleRegExp(simple(text));
    const rand = rng(7);
    const numbers = Array.from({ length: 20_000 }, () => Array.from({ length: 10 }, () => String(rand(rand(2) ? 4 : 10))).join(''));
    const got = numbers.map((n) => p.matches(n));
    expect(got).toEqual(numbers.map((n) => oracle.test(n)));
    expect(got.filter(Boolean).length).toBeGreaterThan(0);
  });
});
