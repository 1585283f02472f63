import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Vanity400Error } from '../../../src/errors/vanity400-error.js';
import { compilePattern, parsePattern } from '../../../src/search/pattern/index.js';
import { patternArb } from './oracle.js';

function errorOf(text: string): Vanity400Error {
  try {
    parsePattern(text);
  } catch (e) {
    expect(e).toBeInstanceOf(Vanity400Error);
    return e as Vanity400Error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parsePattern: tokens', () => {
  it('reads digits, any-digit marks and ignores separators', () => {
    const ast = parsePattern('400-6**-8888');
    expect(ast.source).toBe('400-6**-8888');
    expect(ast.tokens).toEqual([
      { type: 'digit', digit: 4, at: 0 },
      { type: 'digit', digit: 0, at: 1 },
      { type: 'digit', digit: 0, at: 2 },
      { type: 'digit', digit: 6, at: 4 },
      { type: 'any', at: 5 },
      { type: 'any', at: 6 },
      { type: 'digit', digit: 8, at: 8 },
      { type: 'digit', digit: 8, at: 9 },
      { type: 'digit', digit: 8, at: 10 },
      { type: 'digit', digit: 8, at: 11 },
    ]);
    expect(ast).toMatchObject({ anchoredStart: false, anchoredEnd: false, whole: true });
  });

  it('treats "-", space and "." alike, anywhere outside a class', () => {
    const strip = (text: string) => parsePattern(text).tokens.map(({ at: _at, ...rest }) => rest);
    expect(strip(' 4 0.0-6 ')).toEqual(strip('4006'));
    expect(strip('^ 4-0 $ ')).toEqual(strip('^40$'));
    expect(parsePattern(' -^4006').anchoredStart).toBe(true);
    expect(parsePattern('8888$ -.').anchoredEnd).toBe(true);
  });

  it('reads letters, "?", "%" and anchors', () => {
    const ast = parsePattern('^A?%B$');
    expect(ast.tokens).toEqual([
      { type: 'var', name: 'A', at: 1 },
      { type: 'any', at: 2 },
      { type: 'run', at: 3 },
      { type: 'var', name: 'B', at: 4 },
    ]);
    expect(ast).toMatchObject({ anchoredStart: true, anchoredEnd: true, whole: false });
  });

  it('reads classes as sorted allowed digits: lists, negations and ranges', () => {
    const digitsOf = (text: string) => {
      const t = parsePattern(text).tokens[0];
      expect(t?.type).toBe('class');
      return t?.type === 'class' ? t.digits : undefined;
    };
    expect(digitsOf('[689]')).toEqual([6, 8, 9]);
    expect(digitsOf('[986]')).toEqual([6, 8, 9]);
    expect(digitsOf('[66]')).toEqual([6]);
    expect(digitsOf('[^4]')).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    expect(digitsOf('[0-3]')).toEqual([0, 1, 2, 3]);
    expect(digitsOf('[90-2]')).toEqual([0, 1, 2, 9]);
    expect(digitsOf('[5-5]')).toEqual([5]);
    expect(digitsOf('[^0-8]')).toEqual([9]);
    expect(digitsOf('[^1-37]')).toEqual([0, 4, 5, 6, 8, 9]);
    expect(parsePattern('4[68]9').tokens[1]).toEqual({ type: 'class', digits: [6, 8], at: 1 });
    expect(parsePattern('4[68]9').tokens[2]).toEqual({ type: 'digit', digit: 9, at: 5 });
  });

  it('marks whole-number patterns: exactly 10 positions and no "%"', () => {
    expect(parsePattern('4006128888').whole).toBe(true);
    expect(parsePattern('^AABBCCDDEE$').whole).toBe(true);
    expect(parsePattern('[0-9]*********').whole).toBe(true);
    expect(parsePattern('400612888').whole).toBe(false);
    expect(parsePattern('40061%28888').whole).toBe(false);
    expect(parsePattern('%').whole).toBe(false);
  });

  it('accepts all the contract examples', () => {
    for (const text of ['400-6**-8888', 'AABB$', '%520%', '4008[^4][^4]ABAB', '[689][689][689]$', '^400%8888$', 'ABAB', 'ABCABC', '^4006', '8888$']) {
      expect(() => parsePattern(text), text).not.toThrow();
    }
    expect(parsePattern('ABCDEFGHIJ').tokens).toHaveLength(10); // ten distinct letters is the most
    expect(parsePattern('%%%4%%').tokens).toHaveLength(6); // "%" does not count as a position
  });

  it('agrees with the grammar for random patterns', () => {
    fc.assert(
      fc.property(patternArb([0, 1, 4, 6, 8]), (g) => {
        const ast = parsePattern(g.text);
        expect(ast.anchoredStart).toBe(g.start);
        expect(ast.anchoredEnd).toBe(g.end);
        const positions = g.tokens.filter((t) => t.kind !== 'run').length;
        expect(ast.whole).toBe(positions === 10 && g.tokens.every((t) => t.kind !== 'run'));
        expect(ast.tokens).toHaveLength(g.tokens.length);
        ast.tokens.forEach((t, i) => {
          const want = g.tokens[i]!;
          const ch = g.text[t.at];
          if (want.kind === 'digit') expect(t).toEqual({ type: 'digit', digit: want.digit, at: t.at });
          else if (want.kind === 'any') expect(t.type).toBe('any');
          else if (want.kind === 'var') expect(t).toEqual({ type: 'var', name: want.name, at: t.at });
          else if (want.kind === 'class') expect(t).toEqual({ type: 'class', digits: want.allowed, at: t.at });
          else expect(t.type).toBe('run');
          const expectedChar =
            want.kind === 'digit' ? String(want.digit) : want.kind === 'any' ? want.char : want.kind === 'var' ? want.name : want.kind === 'class' ? '[' : '%';
          expect(ch).toBe(expectedChar);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('parsePattern: errors', () => {
  it('quotes the pattern, names the position and says what was expected', () => {
    const e = errorOf('40[68');
    expect(e.code).toBe('BAD_PATTERN');
    expect(e.position).toBe(2);
    expect(e.input).toBe('40[68');
    expect(e.message).toBe('pattern "40[68": position 2: "[" is never closed; expected "]"');
    expect(e.toJSON()).toEqual({ code: 'BAD_PATTERN', message: e.message, position: 2 });
  });

  // [pattern, position, a fragment the message must contain]
  const cases: [string, number, string][] = [
    // classes
    ['[', 0, 'never closed'],
    ['4[6-', 1, 'never closed'],
    ['[68', 0, 'never closed'],
    ['[]', 1, 'empty class'],
    ['[^]', 2, 'empty class'],
    ['[^0-9]', 0, 'allows no digit'],
    ['[^0123456789]', 0, 'allows no digit'],
    ['[6x]', 2, '"x" inside a class; expected a digit'],
    ['[6 8]', 2, '" " inside a class'],
    ['[-3]', 1, '"-" inside a class'],
    ['[[6]', 1, '"[" inside a class'],
    ['[6^]', 2, '"^" inside a class'],
    ['[6-x]', 3, 'expected a digit after "6-"'],
    ['[6-]', 3, 'expected a digit after "6-"'],
    ['[3-1]', 3, 'runs backwards'],
    // letters
    ['4006abab', 4, 'expected "A"'],
    ['AAbb', 2, 'capital'],
    ['ABCDEFGHIJK', 10, '11th distinct letter'],
    // anchors
    ['4^006', 1, '"^" may only start'],
    ['^^4006', 1, '"^" may only start'],
    ['4006^', 4, '"^" may only start'],
    ['%^4006', 1, '"^" may only start'],
    ['$4006', 0, '"$" may only end'],
    ['40$06', 2, '"$" may only end'],
    ['4006$$', 4, '"$" may only end'],
    ['8888$ %', 4, '"$" may only end'],
    // length
    ['40061288881', 10, 'at most 10 positions'],
    ['400-612-88881', 12, 'at most 10 positions'],
    ['[0-9]**********', 14, 'at most 10 positions'],
    ['AABCDEFGHIJ', 10, 'at most 10 positions'],
    ['4006%1288881', 11, 'at most 10 positions'],
    // empty
    ['', 0, 'empty'],
    ['- . -', 0, 'empty'],
    ['^$', 0, 'empty'],
    ['^ - $', 0, 'empty'],
    // other characters
    ['4006#', 4, 'unexpected "#"'],
    ['4006\t8888', 4, 'unexpected "\\t"'],
    ['(400)', 0, 'unexpected "("'],
    [']', 0, 'unexpected "]"'],
    ['４００６', 0, 'unexpected "４"'],
    ['40😀', 2, 'unexpected "😀"'],
    ['400+', 3, 'unexpected "+"'],
  ];

  it.each(cases)('%j fails at position %i', (text, position, fragment) => {
    const e = errorOf(text);
    expect(e.code).toBe('BAD_PATTERN');
    expect(e.position).toBe(position);
    expect(e.message).toContain(`pattern ${JSON.stringify(text)}: position ${position}: `);
    expect(e.message).toContain(fragment);
    expect(e.message).toContain('expected');
  });

  it('the 11th distinct letter is rejected even when positions allow it to be reached', () => {
    // Ten letters repeat freely; an 11th distinct one is the error, not the length.
    expect(() => parsePattern('ABCDEFGHIJ')).not.toThrow();
    expect(errorOf('ABCDEFGHIJK').message).toContain('"K"');
  });

  it('rejects non-strings with INVALID_TYPE', () => {
    expect(() => parsePattern(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });
});

describe('parsePattern: fuzz', () => {
  const check = (text: string): void => {
    let ast;
    try {
      ast = parsePattern(text);
    } catch (e) {
      expect(e).toBeInstanceOf(Vanity400Error);
      const err = e as Vanity400Error;
      expect(err.code).toBe('BAD_PATTERN');
      expect(Number.isInteger(err.position)).toBe(true);
      expect(err.position).toBeGreaterThanOrEqual(0);
      expect(err.position).toBeLessThanOrEqual(Math.max(0, text.length - 1));
      expect(err.message).toContain(`position ${err.position}`);
      return;
    }
    expect(ast.source).toBe(text);
    expect(ast.tokens.length).toBeGreaterThan(0);
    expect(ast.tokens.filter((t) => t.type !== 'run').length).toBeLessThanOrEqual(10);
    for (const t of ast.tokens) expect(t.at).toBeLessThan(text.length);
    const p = compilePattern(text);
    expect(typeof p.matches('4006128888')).toBe('boolean');
  };

  it('any string from the grammar alphabet parses or fails with a positioned BAD_PATTERN', () => {
    const unit = fc.constantFrom(...'0123456789*?%[]^$-. ABCDKab#\t'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), check), { numRuns: 3000 });
  });

  it('any unicode string parses or fails with a positioned BAD_PATTERN', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), check), { numRuns: 500 });
  });

  it('long inputs get the same clear answer (a hang would hit the test timeout)', () => {
    for (const text of ['['.repeat(100_000), '['.concat('1'.repeat(100_000)), '-'.repeat(100_000) + '4', '%'.repeat(100_000)]) check(text);
  });
});
