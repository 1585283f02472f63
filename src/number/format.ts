import { numberNotTextOrParsed, separatorNotText, unknownStyle } from './errors.js';
import { parse } from './parse.js';
import type { FormatStyle, Number400 } from './types.js';
import { guardKind } from '../errors/guards.js';

const STYLES: readonly FormatStyle[] = ['3-3-4', '4-3-3', '3-4-3', 'compact', 'e164'];
const PLAIN = /^400\d{7}$/;

function digitsOf(number: string | Number400): string {
  if (typeof number === 'string') return parse(number, { allowUnconfirmed: true }).digits;
  if (typeof number === 'object' && number !== null && typeof number.digits === 'string') {
    // A Number400 from parse() is already clean; anything else goes through parse() for a precise error.
    return PLAIN.test(number.digits) ? number.digits : parse(number.digits, { allowUnconfirmed: true }).digits;
  }
  throw numberNotTextOrParsed(number);
}

/**
 * Writes a 400 number in one of the usual styles (see {@link FormatStyle}). A string is parsed first,
 * unconfirmed segments included. `separator` goes between the groups; 'compact' and 'e164' ignore it.
 *
 * @throws Vanity400Error: UNKNOWN_STYLE, INVALID_TYPE (separator not a string), or any parse() error.
 */
export function format(number: string | Number400, style: FormatStyle = '3-3-4', separator = '-'): string {
  guardKind(style, 'format(): style', 'string');
  if (!STYLES.includes(style)) throw unknownStyle(style, STYLES);
  if (typeof separator !== 'string') throw separatorNotText(separator);
  return formatDigits(digitsOf(number), style, separator);
}

/** format() for ten digits already known to be a 400 number: no parsing, no checks. */
export function formatDigits(d: string, style: FormatStyle = '3-3-4', separator = '-'): string {
  switch (style) {
    case '3-3-4':
      return d.slice(0, 3) + separator + d.slice(3, 6) + separator + d.slice(6);
    case '4-3-3':
      return d.slice(0, 4) + separator + d.slice(4, 7) + separator + d.slice(7);
    case '3-4-3':
      return d.slice(0, 3) + separator + d.slice(3, 7) + separator + d.slice(7);
    case 'compact':
      return d;
    case 'e164':
      return `+86${d}`;
  }
}
