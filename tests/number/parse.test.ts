import { describe, it, expect } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import type { ErrorCode } from '../../src/errors/vanity400-error.js';
import { parse, tryParse, isValid400 } from '../../src/number/index.js';

/** Runs fn, asserts it throws a Vanity400Error with `code`, and returns the error. */
function errorOf(fn: () => unknown, code: ErrorCode): Vanity400Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Vanity400Error);
    const err = e as Vanity400Error;
    expect(err.code).toBe(code);
    expect(err.name).toBe('Vanity400Error');
    return err;
  }
  throw new Error(`expected a ${code} error, but nothing was thrown`);
}

describe('parse: written forms', () => {
  // Every row is the same number, 4006123456, written a different way.
  const forms: [string, string][] = [
    ['no separators', '4006123456'],
    ['3-3-4', '400-612-3456'],
    ['4-3-3', '4006-123-456'],
    ['3-4-3', '400-6123-456'],
    ['spaces 3-3-4', '400 612 3456'],
    ['spaces 4-3-3', '4006 123 456'],
    ['dots', '400.612.3456'],
    ['dots 4-3-3', '4006.123.456'],
    ['slashes', '400/612/3456'],
    ['parentheses', '(400) 612-3456'],
    ['spaced dashes', '400 - 612 - 3456'],
    ['every digit apart', '4 0 0 6 1 2 3 4 5 6'],
    ['leading and trailing whitespace', '   4006123456  '],
    ['tab and newline', '\t400-612-3456\r\n'],
    ['full-width digits', '４００６１２３４５６'],
    ['full-width digits and hyphens', '４００６－１２３－４５６'],
    ['full-width full stops', '４００６．１２３．４５６'],
    ['full-width parentheses', '（400）612-3456'],
    ['mixed ASCII and full-width digits', '400６１２3456'],
    ['ideographic spaces', '400\u3000612\u30003456'],
    ['no-break spaces', '400\u00a0612\u00a03456'],
    ['en dashes', '400\u2013612\u20133456'],
    ['em dashes', '400\u2014612\u20143456'],
    ['minus signs', '400\u2212612\u22123456'],
    ['hyphen and non-breaking hyphen', '400\u2010612\u20113456'],
    ['figure dash and ASCII hyphen', '4006\u2012123-456'],
    ['mixed look-alike dashes', '400\u2013612\uff0d3456'],
    ['+86 with spaces', '+86 400 612 3456'],
    ['+86 with dashes', '+86-400-612-3456'],
    ['+86 joined', '+864006123456'],
    ['+86 then parentheses', '+86 (400) 612-3456'],
    ['(+86) in parentheses', '(+86) 4006-123-456'],
    ['full-width +86', '＋８６ ４００６ １２３ ４５６'],
    ['+86 after leading spaces', '  +86 4006123456'],
    ['0086 with spaces', '0086 400 612 3456'],
    ['0086 joined', '00864006123456'],
    ['0086 with dashes', '0086-4006-123-456'],
    ['86 with spaces', '86 400 612 3456'],
    ['86 joined', '864006123456'],
    ['86 with dots', '86.4006.123.456'],
  ];

  it.each(forms)('%s: %j', (_label, text) => {
    expect(parse(text)).toEqual({ digits: '4006123456', segment: '4006', carrier: 'unicom' });
  });

  it('returns a plain Number400 with ASCII digits for each carrier', () => {
    expect(parse('400-851-7517')).toEqual({ digits: '4008517517', segment: '4008', carrier: 'telecom' });
    expect(parse('4001 888 999')).toEqual({ digits: '4001888999', segment: '4001', carrier: 'mobile' });
    expect(parse('４０００-１１１-２２２')).toEqual({ digits: '4000111222', segment: '4000', carrier: 'unicom' });
  });
});

describe('parse: errors', () => {
  it('INVALID_TYPE for a number, naming the type and keeping the input', () => {
    const err = errorOf(() => parse(123 as unknown as string), 'INVALID_TYPE');
    expect(err.message).toContain('string');
    expect(err.message).toContain('number 123');
    expect(err.input).toBe(123);
    expect(err.position).toBeUndefined();
  });

  it.each([
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an object', { digits: '4008517517' }, 'an object'],
    ['an array', ['4008517517'], 'an array'],
    ['a String object', new String('4008517517'), 'an object'],
    ['a bigint', 4008517517n, 'bigint 4008517517'],
    ['a symbol', Symbol('x'), 'a symbol'],
    ['a function', () => '4008517517', 'a function'],
  ])('INVALID_TYPE for %s', (_label, value, described) => {
    const err = errorOf(() => parse(value as unknown as string), 'INVALID_TYPE');
    expect(err.message).toContain(described);
  });

  it('INVALID_TYPE even for a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    errorOf(() => parse(proxy as unknown as string), 'INVALID_TYPE');
  });

  it.each([
    ['', 'empty'],
    [' - ', 'only separators'],
    ['\u3000 ..//()\u2013', 'only separators'],
  ])('EMPTY for %j', (text, words) => {
    const err = errorOf(() => parse(text), 'EMPTY');
    expect(err.message).toContain(JSON.stringify(text));
    expect(err.message).toContain(words);
    expect(err.message).toContain('400');
  });

  it('BAD_CHARACTER for 400-12a-4567 at position 6, quoting input and character', () => {
    const err = errorOf(() => parse('400-12a-4567'), 'BAD_CHARACTER');
    expect(err.position).toBe(6);
    expect(err.input).toBe('400-12a-4567');
    expect(err.message).toContain('"400-12a-4567"');
    expect(err.message).toContain('"a"');
    expect(err.message).toContain('position 6');
    expect(err.message).toMatch(/expected digits/);
    expect(err.toJSON()).toEqual({ code: 'BAD_CHARACTER', message: err.message, position: 6 });
  });

  it.each([
    ['letter O for zero', '4OO-851-7517', 1, '"O"'],
    ['the first of several bad characters', '4a0b', 1, '"a"'],
    ['a bad character before a length problem', '12x', 2, '"x"'],
    ['a comma', '400,851,7517', 3, '","'],
    ['an underscore', '400_851_7517', 3, '"_"'],
    ['a zero-width space', '\u200b4008517517', 0, 'U+200B'],
    ['an emoji (astral, quoted whole)', '4008😀517517', 4, '"😀"'],
    ['a lone surrogate', '4008\ud800517517', 4, 'U+D800'],
    ['Arabic-Indic digit', '400٨517517', 3, 'U+0668'],
  ])('BAD_CHARACTER for %s', (_label, text, position, quoted) => {
    const err = errorOf(() => parse(text), 'BAD_CHARACTER');
    expect(err.position).toBe(position);
    expect(err.message).toContain(quoted);
    expect(err.message).toContain(`position ${position}`);
  });

  describe('the "+" sign', () => {
    it.each([
      ['+ followed by another country code', '+1 400 851 7517', 0],
      ['+ followed by 8 then a wrong digit', '+87 400 851 7517', 0],
      ['+ followed by 0086', '+0086 4008517517', 0],
      ['+ after leading spaces, wrong code', '  +44 4008517517', 2],
      ['+ with nothing after it', '+', 0],
      ['+ with a single 8', '+8', 0],
      ['+ with only separators after it', '+ - ', 0],
    ])('BAD_CHARACTER at the "+" for %s', (_label, text, position) => {
      const err = errorOf(() => parse(text), 'BAD_CHARACTER');
      expect(err.position).toBe(position);
      expect(err.message).toContain('followed by the country code 86');
    });

    it.each([
      ['after a digit', '400+8517517', 3],
      ['twice', '++864008517517', 1],
      ['after the country code', '+86+4008517517', 3],
      ['at the end', '4008517517+', 10],
    ])('BAD_CHARACTER at a "+" that appears %s', (_label, text, position) => {
      const err = errorOf(() => parse(text), 'BAD_CHARACTER');
      expect(err.position).toBe(position);
      expect(err.message).toContain('"+"');
    });

    it('a bad country code after "+" is reported before a later bad character', () => {
      expect(errorOf(() => parse('+1 400-12a-4567'), 'BAD_CHARACTER').position).toBe(0);
      expect(errorOf(() => parse('+86 400-12a-4567'), 'BAD_CHARACTER').position).toBe(10);
    });
  });

  it('WRONG_LENGTH for 12345, saying 5 digits were found', () => {
    const err = errorOf(() => parse('12345'), 'WRONG_LENGTH');
    expect(err.message).toContain('"12345"');
    expect(err.message).toContain('found 5 digits');
    expect(err.message).toContain('expected 10');
    expect(err.position).toBeUndefined();
  });

  it.each([
    ['one digit (singular)', '7', 'found 1 digit;'],
    ['nine digits', '400-851-751', 'found 9 digits'],
    ['eleven digits', '400-851-75170', 'found 11 digits'],
    ['86 not followed by 400 stays 12 digits', '86 500 851 7517', 'found 12 digits'],
    ['0086 not followed by 400 stays 14 digits', '0086 500 851 7517', 'found 14 digits'],
    ['86 with a short number', '86 400 851 751', 'found 11 digits'],
    ['+86 with a short number', '+86 12345', 'found 5 digits after the country code +86'],
    ['+86 alone', '+86', 'found 0 digits after the country code +86'],
    ['+86 then 0086 (only one country code is removed)', '+86 0086 4008517517', 'found 14 digits after'],
    ['two 86 prefixes', '86 86 4008517517', 'found 14 digits'],
  ])('WRONG_LENGTH for %s', (_label, text, words) => {
    const err = errorOf(() => parse(text), 'WRONG_LENGTH');
    expect(err.message).toContain(words);
  });

  it('WRONG_LENGTH for a huge input counts every digit but keeps the message short', () => {
    const err = errorOf(() => parse('4'.repeat(1_000_000)), 'WRONG_LENGTH');
    expect(err.message).toContain('found 1000000 digits');
    expect(err.message.length).toBeLessThan(300);
  });

  it('NOT_400 for 5006123456, naming input and the expected prefix', () => {
    const err = errorOf(() => parse('5006123456'), 'NOT_400');
    expect(err.message).toContain('"5006123456"');
    expect(err.message).toContain('starts with 500');
    expect(err.message).toContain('expected 400');
  });

  it.each(['800-820-8820', '+86 5008517517', '4108517517', '0400851751'])('NOT_400 for %j', (text) => {
    errorOf(() => parse(text), 'NOT_400');
  });

  it('UNKNOWN_SEGMENT for 4003123456, listing the known segments', () => {
    const err = errorOf(() => parse('4003123456'), 'UNKNOWN_SEGMENT');
    expect(err.message).toContain('"4003123456"');
    expect(err.message).toContain('segment 4003');
    for (const seg of ['4000', '4001', '4006', '4007', '4008', '4009']) expect(err.message).toContain(seg);
    expect(err.message).not.toMatch(/400[2-5] \(/);
    expect(err.message).toContain('allowUnconfirmed');
  });

  it.each(['4002', '4003', '4004', '4005'])('%s is rejected by default and accepted with allowUnconfirmed', (seg) => {
    const text = `${seg}-123-456`;
    errorOf(() => parse(text), 'UNKNOWN_SEGMENT');
    errorOf(() => parse(text, { allowUnconfirmed: false }), 'UNKNOWN_SEGMENT');
    errorOf(() => parse(text, {}), 'UNKNOWN_SEGMENT');
    expect(parse(text, { allowUnconfirmed: true })).toEqual({ digits: `${seg}123456`, segment: seg, carrier: null });
  });

  it('allowUnconfirmed does not loosen any other check', () => {
    errorOf(() => parse('5003123456', { allowUnconfirmed: true }), 'NOT_400');
    errorOf(() => parse('400312345', { allowUnconfirmed: true }), 'WRONG_LENGTH');
    errorOf(() => parse('40031234x6', { allowUnconfirmed: true }), 'BAD_CHARACTER');
  });
});

describe('tryParse and isValid400', () => {
  it('tryParse returns the value for a valid number', () => {
    expect(tryParse('+86 400-851-7517')).toEqual({
      ok: true,
      value: { digits: '4008517517', segment: '4008', carrier: 'telecom' },
    });
  });

  it.each([
    ['400-12a-4567', 'BAD_CHARACTER'],
    ['', 'EMPTY'],
    ['12345', 'WRONG_LENGTH'],
    ['5006123456', 'NOT_400'],
    ['4003123456', 'UNKNOWN_SEGMENT'],
    [123, 'INVALID_TYPE'],
    [null, 'INVALID_TYPE'],
    [undefined, 'INVALID_TYPE'],
  ])('tryParse(%j) returns a %s error instead of throwing', (text, code) => {
    const result = tryParse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(Vanity400Error);
    expect(result.error.code).toBe(code);
  });

  it('tryParse passes options through', () => {
    expect(tryParse('4003123456', { allowUnconfirmed: true })).toEqual({
      ok: true,
      value: { digits: '4003123456', segment: '4003', carrier: null },
    });
  });

  it('isValid400 answers like parse', () => {
    expect(isValid400('4006-123-456')).toBe(true);
    expect(isValid400('０08６ 4006 123 456')).toBe(true);
    expect(isValid400('4006-123-45')).toBe(false);
    expect(isValid400('4004123456')).toBe(false);
    expect(isValid400('4004123456', { allowUnconfirmed: true })).toBe(true);
    expect(isValid400(4006123456)).toBe(false);
    expect(isValid400({})).toBe(false);
  });
});
