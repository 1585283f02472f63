import { describe, it, expect } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { format, parse } from '../../src/number/index.js';
import type { FormatStyle, Number400 } from '../../src/number/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Vanity400Error);
    return (e as Vanity400Error).code;
  }
  return undefined;
}

describe('format', () => {
  it.each([
    ['3-3-4', '400-851-7517'],
    ['4-3-3', '4008-517-517'],
    ['3-4-3', '400-8517-517'],
    ['compact', '4008517517'],
    ['e164', '+864008517517'],
  ] as [FormatStyle, string][])('style %s → %s', (style, expected) => {
    expect(format('4008517517', style)).toBe(expected);
    expect(format(parse('4008517517'), style)).toBe(expected);
  });

  it("defaults to '3-3-4' with '-'", () => {
    expect(format('4006123456')).toBe('400-612-3456');
  });

  it('uses the given separator between groups', () => {
    expect(format('4008517517', '3-3-4', ' ')).toBe('400 851 7517');
    expect(format('4008517517', '4-3-3', '.')).toBe('4008.517.517');
    expect(format('4008517517', '3-4-3', '')).toBe('4008517517');
    expect(format('4008517517', '3-3-4', ' - ')).toBe('400 - 851 - 7517');
  });

  it("'compact' and 'e164' ignore the separator", () => {
    expect(format('4008517517', 'compact', ' ')).toBe('4008517517');
    expect(format('4008517517', 'e164', '-')).toBe('+864008517517');
  });

  it('parses a messy string first', () => {
    expect(format('＋８６ (400) 851.7517', '4-3-3')).toBe('4008-517-517');
    expect(format('0086 4001 888 999', 'e164')).toBe('+864001888999');
  });

  it('accepts unconfirmed segments, from a string or an object', () => {
    expect(format('4003123456')).toBe('400-312-3456');
    const n: Number400 = parse('4005-123-456', { allowUnconfirmed: true });
    expect(format(n, '4-3-3')).toBe('4005-123-456');
  });

  it('UNKNOWN_STYLE names the style and lists the known ones', () => {
    try {
      format('4008517517', '3-3-3' as FormatStyle);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Vanity400Error);
      const err = e as Vanity400Error;
      expect(err.code).toBe('UNKNOWN_STYLE');
      expect(err.message).toContain('"3-3-3"');
      for (const s of ['3-3-4', '4-3-3', '3-4-3', 'compact', 'e164']) expect(err.message).toContain(`"${s}"`);
    }
    expect(codeOf(() => format('4008517517', undefined as unknown as FormatStyle))).toBeUndefined(); // default
    expect(codeOf(() => format('4008517517', null as unknown as FormatStyle))).toBe('INVALID_TYPE');
    expect(codeOf(() => format('4008517517', 'E164' as FormatStyle))).toBe('UNKNOWN_STYLE');
  });

  it('passes on parse errors for a bad number', () => {
    expect(codeOf(() => format('400-12a-4567'))).toBe('BAD_CHARACTER');
    expect(codeOf(() => format('12345'))).toBe('WRONG_LENGTH');
    expect(codeOf(() => format('5006123456'))).toBe('NOT_400');
    expect(codeOf(() => format(''))).toBe('EMPTY');
  });

  it('rejects values that are neither a string nor a Number400', () => {
    expect(codeOf(() => format(4008517517 as unknown as string))).toBe('INVALID_TYPE');
    expect(codeOf(() => format(null as unknown as string))).toBe('INVALID_TYPE');
    expect(codeOf(() => format({} as Number400))).toBe('INVALID_TYPE');
    expect(codeOf(() => format('4008517517', '3-3-4', 5 as unknown as string))).toBe('INVALID_TYPE');
  });

  it('checks the digits of a hand-made Number400', () => {
    const fake = { digits: '400-85x-7517', segment: '4008', carrier: 'telecom' } as Number400;
    expect(codeOf(() => format(fake))).toBe('BAD_CHARACTER');
    const loose = { digits: '４００８５１７５１７', segment: '4008', carrier: 'telecom' } as Number400;
    expect(format(loose)).toBe('400-851-7517');
  });
});
