import { guardString, invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { looksLikePersonalId } from '../inventory/licence.js';

/** GB 11643 weights of the first 17 digits: 2^(18-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643 check character (0-9 or X) of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  guardString(first17, 'idCheckDigit(): first17');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** An ID number as it may be shown or kept: the first 3 and last 4 characters, the rest as `*`. */
export function maskIdNumber(id: string): string {
  guardString(id, 'maskIdNumber(): id');
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/**
 * Checks an 18-digit resident ID number (居民身份证号码, GB 11643): a province, a birth date, and the check
 * digit (0-9 or X). Returns only the masked form (`110***********002X`): the number itself is personal
 * data that the library neither keeps nor prints, not even in its errors, whose `input` is masked too.
 *
 * @param field names the field in the error, e.g. `handler.idNumber`.
 * @throws Vanity400Error BAD_ID_NUMBER naming the field and what was expected.
 */
export function checkIdNumber(
  input: unknown,
  field = 'idNumber',
): {
  /** The ID number masked, e.g. `110***********002X`. */
  masked: string;
} {
  guardString(field, 'checkIdNumber(): field');
  const masked = typeof input === 'string' ? maskIdNumber(input.length > 30 ? `${input.slice(0, 30)}…` : input) : typeof input;
  const fail = (zh: string, en: string, position?: number): never => {
    const details = { input: masked, field, ...(position === undefined ? {} : { position }) };
    throw new Vanity400Error('BAD_ID_NUMBER', { zh: `${field}（${masked}）不是有效的身份证号：${zh}`, en: `${field} (${masked}) is not a resident ID number: ${en}` }, details);
  };
  if (typeof input !== 'string') throw invalidType(field, '18 位身份证号码的字符串', 'the 18 characters as a string', input, true);
  const id = input.toUpperCase();
  if (id.length !== 18) return fail(`应为 18 位，实际 ${id.length} 位`, `expected 18 characters, got ${id.length}`);
  const bad = /[^\d]/.exec(id.slice(0, 17));
  if (bad) return fail(`第 ${bad.index + 1} 位应为数字`, `character ${bad.index + 1} should be a digit`, bad.index);
  if (!/[\dX]/.test(id[17]!)) return fail('最后一位应为数字或 X', 'the last character should be a digit or X', 17);
  if (!looksLikePersonalId(id)) return fail('地区代码或出生日期不对', 'the region code or the birth date is wrong');
  if (idCheckDigit(id) !== id[17]) return fail('校验位不对，请核对号码是否抄错', 'the check digit is wrong; check for a mistyped digit', 17);
  return { masked: maskIdNumber(id) };
}
