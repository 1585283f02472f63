import { guardString, quoted } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';

/** A landing number (落地号码): the ordinary line a 400 number's calls are put through to. */
export interface LandingNumber {
  /** The digits, without the country code: `01087654321`, `13800138000`. */
  digits: string;
  /** `mobile` (11 digits from 13 to 19) or `landline` (area code from 0, then the local number). */
  kind: 'mobile' | 'landline';
  /** As people write it: `010-87654321`, `138-0013-8000`. */
  display: string;
}

/** 3-digit area codes (010, 020 … 029); every other area code has 4 digits. */
const SHORT_AREA = /^0(10|2\d)/;

/**
 * Reads a mainland China mobile or landline number, in the ways people write them (`010-8765 4321`,
 * `(0755) 8888-1234`, `+86 138 0013 8000`). A 400 or 800 number cannot be a landing number.
 *
 * @param field names the field in the error, e.g. `landingNumbers[1]`.
 * @throws Vanity400Error BAD_LANDING_NUMBER naming the field and what was expected.
 */
export function parseLandingNumber(input: unknown, field = 'landingNumber'): LandingNumber {
  guardString(field, 'parseLandingNumber(): field');
  const fail = (zh: string, en: string): never => {
    const shown = quoted(input, 30);
    throw new Vanity400Error('BAD_LANDING_NUMBER', { zh: `${field} ${shown}：${zh}`, en: `${field} ${shown}: ${en}` }, { input, field });
  };
  guardString(input, field);
  if (!/^[\d\s()+-]{1,30}$/.test(input)) return fail('只能有数字、空格、括号、+ 和 -', 'only digits, spaces, brackets, + and - are allowed');
  let digits = input.replace(/[\s()-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  if (digits.includes('+')) return fail('+ 只能写在国家代码 +86 前', '+ may only start the country code +86');
  if (/^(400|800)/.test(digits)) return fail('400、800 号码不能作为落地号码，应为普通固话或手机', 'a 400 or 800 number cannot be a landing number: expected a landline or a mobile');
  if (digits.startsWith('86') && /^1[3-9]\d{9}$/.test(digits.slice(2))) digits = digits.slice(2);
  if (/^1[3-9]\d{9}$/.test(digits)) return { digits, kind: 'mobile', display: `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}` };
  if (/^0[1-9]\d{8,10}$/.test(digits)) {
    const area = SHORT_AREA.test(digits) ? 3 : 4;
    const local = digits.length - area;
    if (local === 7 || local === 8) return { digits, kind: 'landline', display: `${digits.slice(0, area)}-${digits.slice(area)}` };
  }
  return fail(
    '应为手机号（11 位，1 开头）或带区号的固话（如 010-87654321、0755-8888123）',
    'expected a mobile (11 digits from 13 to 19) or a landline with its area code (010-87654321, 0755-8888123)',
  );
}
