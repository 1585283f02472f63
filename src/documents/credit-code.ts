import { guardString } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { isValidLicence, licenceCheckCharacter, looksLikePersonalId } from '../inventory/licence.js';

/**
 * Checks the 统一社会信用代码 (unified social credit code, GB 32100) printed on a business licence —
 * of any registered body that may apply for a 400 number: an enterprise, an individual business, an
 * institution. Returns it in upper case.
 *
 * @param field names the field in the error, e.g. `company.creditCode`.
 * @throws Vanity400Error BAD_LICENCE naming the field, with `position` at the offending character and,
 *   for a wrong check character, the one it should be.
 */
export function checkCreditCode(input: unknown, field = 'creditCode'): string {
  guardString(field, 'checkCreditCode(): field');
  guardString(input, field);
  const fail = (zh: string, en: string, position?: number): never => {
    const shown = typeof input === 'string' ? JSON.stringify(input.length > 30 ? `${input.slice(0, 30)}…` : input) : typeof input;
    throw new Vanity400Error(
      'BAD_LICENCE',
      { zh: `${field} ${shown} 不是有效的统一社会信用代码：${zh}`, en: `${field} ${shown} is not a unified social credit code: ${en}` },
      { input, field, ...(position === undefined ? {} : { position }) },
    );
  };
  if (typeof input !== 'string') return fail('应为营业执照上 18 位代码的文字', 'expected the 18 characters of the business licence as text');
  const code = input.toUpperCase();
  if (isValidLicence(code)) return code;
  if (looksLikePersonalId(code)) return fail('这是身份证号码，应填营业执照上的代码', 'this is a personal ID number; give the code on the business licence');
  if (code.length !== 18) return fail(`应为 18 位，实际 ${code.length} 位`, `expected 18 characters, got ${code.length}`);
  let check: string;
  try {
    check = licenceCheckCharacter(code.slice(0, 17));
  } catch (error) {
    if (!(error instanceof Vanity400Error) || error.position === undefined) throw error;
    return fail(
      `第 ${error.position + 1} 位 ${code[error.position]} 不允许，只能用数字和除 I、O、S、V、Z 外的大写字母`,
      `character ${error.position + 1} (${code[error.position]}) is not allowed: digits and capital letters but I, O, S, V, Z`,
      error.position,
    );
  }
  return fail(`最后一位校验码应为 ${check}，而不是 ${code[17]}，请核对是否抄错`, `the check character should be ${check}, not ${code[17]}; check for a mistyped character`, 17);
}
