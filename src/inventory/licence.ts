/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters from the 31-character set 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z), whose values are
 * 0-30 in that order:
 *   1     registration authority (9 = 市场监管/工商, 1 = 机构编制, 5 = 民政, ...)
 *   2     category under it (for 9: 1 = 企业 enterprise, 2 = 个体工商户, 3 = 农民专业合作社)
 *   3-8   administrative division code
 *   9-17  organisation identifier (GB 11714)
 *   18    check character: with weights W(i) = 3^(i-1) mod 31 for positions i = 1..17,
 *         value = 31 - (Σ value(i)·W(i) mod 31), where 31 becomes 0.
 *
 * Only an enterprise (code beginning 91) can be a 400 agent: 400 agents must be companies.
 */
import { excerpt, kindOf, zhExcerpt, invalidType } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
}); // 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28

/** Provinces (first two digits) that appear in 18-digit resident ID card numbers, GB 11643. */
const ID_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const NOT_COMPANY_KINDS: Record<string, LocalText> = {
  '11': { zh: '机关', en: '机关 (a government body)' },
  '12': { zh: '事业单位', en: '事业单位 (a public institution)' },
  '13': { zh: '群众团体', en: '群众团体 (a mass organisation)' },
  '51': { zh: '社会团体', en: '社会团体 (a social organisation)' },
  '52': { zh: '民办非企业单位', en: '民办非企业单位 (a private non-enterprise unit)' },
  '53': { zh: '基金会', en: '基金会 (a foundation)' },
  '92': { zh: '个体工商户（登记在个人名下）', en: '个体工商户 (an individual business, registered to a person)' },
  '93': { zh: '农民专业合作社', en: '农民专业合作社 (a farmers’ cooperative)' },
};

const INDIVIDUALS: LocalText = { zh: '个人不能成为代理商，400 代理商必须是企业', en: 'individuals cannot be agents (个人不能申请成为代理商): a 400 agent must be a company' };

/** ASCII a-z to upper case; everything else unchanged (keeps positions aligned with the input). */
function upper(text: string): string {
  return text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

function badLicence(input: string, reason: LocalText, position?: number): Vanity400Error {
  const details = position === undefined ? { input } : { input, position };
  return new Vanity400Error('BAD_LICENCE', { zh: `统一社会信用代码${zhExcerpt(input)}有误：${reason.zh}。`, en: `Invalid licence ${excerpt(input)}: ${reason.en}.` }, details);
}

function notACompany(input: string, what: LocalText): Vanity400Error {
  return new Vanity400Error(
    'NOT_A_COMPANY',
    { zh: `统一社会信用代码${zhExcerpt(input)}${what.zh}：${INDIVIDUALS.zh}。`, en: `Licence ${excerpt(input)} ${what.en}: ${INDIVIDUALS.en}.` },
    { input },
  );
}

/** The index of the first character outside the code's character set, or -1. */
function firstBadCharacter(code: string): number {
  for (let i = 0; i < code.length; i++) if (!CHARSET.includes(code[i] as string)) return i;
  return -1;
}

/**
 * The check character for the first 17 characters of a code (upper case).
 * @throws Vanity400Error BAD_LICENCE if `first17` is not 17 characters from the code's set.
 */
export function licenceCheckCharacter(first17: string): string {
  if (typeof first17 !== 'string') throw invalidType('licenceCheckCharacter(): first17', '17 个字符的字符串', 'a string of 17 characters', first17);
  const code = upper(first17);
  if (code.length !== 17) throw badLicence(code, { zh: `应为前 17 个字符，实际有 ${code.length} 个`, en: `expected the first 17 characters, got ${code.length}` });
  const bad = firstBadCharacter(code);
  if (bad >= 0) throw badLicence(code, { zh: `第 ${bad + 1} 个字符“${code[bad]}”不允许出现`, en: `character ${JSON.stringify(code[bad])} at position ${bad} is not allowed` }, bad);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(code[i] as string) * (WEIGHTS[i] as number);
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** Whether `code` is 18 characters of a well-formed unified social credit code with a correct check character. */
export function isValidLicence(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  const c = upper(code);
  return c.length === 18 && firstBadCharacter(c) < 0 && licenceCheckCharacter(c.slice(0, 17)) === c[17];
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] as number);
}

/**
 * Whether `code` has the shape of an 18-digit resident ID card number (居民身份证号码): a province,
 * a birth date from 1900 on, and a digit or X at the end. The ID's own check digit is not required,
 * so a mistyped ID number is still recognised as a person's.
 */
export function looksLikePersonalId(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  const c = upper(code);
  if (!/^\d{17}[\dX]$/.test(c) || !ID_PROVINCES.has(c.slice(0, 2))) return false;
  const y = Number(c.slice(6, 10));
  return y >= 1900 && y <= 2100 && validDate(y, Number(c.slice(10, 12)), Number(c.slice(12, 14)));
}

/**
 * Checks that `code` is the unified social credit code of an enterprise and returns it in upper case.
 *
 * @throws Vanity400Error NOT_A_COMPANY for a personal ID card number or a valid code of anything other
 *   than an enterprise (个体工商户, 机关, 社会团体, ...); BAD_LICENCE for anything malformed, with
 *   `position` at the offending character (the check character says what it should be).
 */
export function checkLicence(code: unknown): string {
  if (typeof code !== 'string') {
    throw new Vanity400Error(
      'INVALID_TYPE',
      { zh: `统一社会信用代码应为字符串，实际是${kindOf(code).zh}。`, en: `Expected a licence (统一社会信用代码) as a string, got ${code === null ? 'null' : typeof code}.` },
      { input: code },
    );
  }
  const c = upper(code);
  const personal = looksLikePersonalId(c);
  if (personal) {
    throw notACompany(code, { zh: '是居民身份证号码，不是企业的统一社会信用代码', en: "is a personal ID card number (居民身份证号码), not a company's unified social credit code" });
  }
  if (c.length !== 18) {
    const old = c.length === 15 && /^\d+$/.test(c);
    throw badLicence(code, {
      zh: `应为 18 个字符，实际有 ${c.length} 个${old ? '；15 位数字是旧的营业执照注册号或身份证号，请提供统一社会信用代码' : ''}`,
      en: `expected 18 characters (统一社会信用代码), got ${c.length}${old ? '; a 15-digit number is an old registration number or ID card, give the unified social credit code instead' : ''}`,
    });
  }
  const bad = firstBadCharacter(c);
  if (bad >= 0) {
    throw badLicence(
      code,
      {
        zh: `第 ${bad + 1} 个字符“${code[bad]}”不允许出现；只能是 0-9 和除 I、O、S、V、Z 以外的大写字母`,
        en: `character ${JSON.stringify(code[bad])} at position ${bad} is not allowed; expected 0-9 or A-Z without I, O, S, V, Z`,
      },
      bad,
    );
  }
  const check = licenceCheckCharacter(c.slice(0, 17));
  if (c[17] !== check) throw badLicence(code, { zh: `最后一位校验码应为 ${check}，不是 ${c[17]}（多半是输错了）`, en: `check character should be ${check}, not ${c[17]}` }, 17);
  if (!c.startsWith('91')) {
    const kind = NOT_COMPANY_KINDS[c.slice(0, 2)] ?? { zh: `登记管理部门代码 ${c[0]}、机构类别代码 ${c[1]}`, en: `registration authority ${c[0]}, category ${c[1]}` };
    throw notACompany(code, { zh: `属于${kind.zh}，不是企业（企业的代码以 91 开头）`, en: `belongs to a ${kind.en}, not an enterprise (企业 codes begin with 91)` });
  }
  return c;
}
