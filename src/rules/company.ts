import { readDate } from '../calendar/working-days.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { Phrase } from './phrase.js';
import { guardCompany } from './company-fields.js';

/** Facts about the company buying the number; every field is optional. */
export interface CompanyProfile {
  /** Founding year, e.g. 1987 or "1987". */
  founded?: number | string;
  /** Registration date, "YYYY-MM-DD" (also 2015/3/18, 2015.3.18, 20150318 or 2015年3月18日). */
  registered?: string;
  /** Door (street) number, e.g. "88" or "1203". */
  door?: number | string;
  /** Landline, any separators, e.g. "010-87654321". */
  landline?: string;
  /** Any other digit strings the company cares about. */
  digits?: readonly string[];
}

/** The digits the buyer chooses: a fact is found only there. */
const CHOSEN = 6;

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function badFact(value: unknown, field: string, expected: { zh: string; en: string }): never {
  throw new Vanity400Error(
    'BAD_COMPANY',
    { zh: `company.${field}：${shown(value)} 不是${expected.zh}`, en: `company.${field}: ${shown(value)} is not ${expected.en}` },
    { input: value },
  );
}

function digitsOf(value: unknown, field: string, pattern: RegExp, expected: { zh: string; en: string }): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !pattern.test(text.trim())) badFact(value, field, expected);
  return text.replace(/\D/g, '');
}

/**
 * The digit strings a company profile contributes, each with the fact it comes from:
 * years as 1987 and 87, dates as MMDD, YYMMDD and YYYYMMDD, the door number, and a landline's
 * last 4 to 6 digits (its subscriber part). Strings longer than the six digits the buyer chooses cannot occur and are left out.
 */
export function companyPhrases(profile: CompanyProfile): Phrase[] {
  guardCompany(profile, 'company');
  const out = new Map<string, Phrase>();
  const add = (fact: NonNullable<Phrase['fact']>, digits: string, zh: string, en: string) => {
    if (digits.length < 2 || digits.length > CHOSEN || out.has(digits)) return;
    out.set(digits, { digits, family: 'company', zh, en, source: 'company-profile', fact });
  };
  if (profile.founded !== undefined) {
    const year = digitsOf(profile.founded, 'founded', /^(19|20)\d\d$/, { zh: '年份（如 1987）', en: 'a year such as 1987' });
    add('founded', year, `公司成立年份 ${year}`, `the founding year ${year}`);
    add('founded', year.slice(2), `成立年份 ${year} 的后两位`, `the founding year ${year} (last two digits)`);
  }
  if (profile.registered !== undefined) {
    const day = typeof profile.registered === 'string' ? readDate(profile.registered) : null;
    if (day === null || !/^(19|20)/.test(day)) badFact(profile.registered, 'registered', { zh: '日期（如 2015-03-18、2015/3/18 或 2015年3月18日）', en: 'a date such as 2015-03-18 (or 2015/3/18, 2015年3月18日)' });
    const date = day.replace(/-/g, '');
    add('registered', date.slice(4), `注册日 ${date.slice(4, 6)}月${date.slice(6)}日`, `the registration day ${date.slice(4, 6)}-${date.slice(6)}`);
    add('registered', date.slice(2), `注册日期 ${date}`, `the registration date ${date}`);
    add('registered', date, `注册日期 ${date}`, `the registration date ${date}`);
  }
  if (profile.door !== undefined) {
    const door = digitsOf(profile.door, 'door', /^\d{1,7}[A-Za-z]?$/, { zh: '1 到 7 位数字的门牌号', en: 'a door number of 1 to 7 digits' });
    add('door', door, `门牌号 ${door}`, `the door number ${door}`);
  }
  if (profile.landline !== undefined) {
    const line = digitsOf(profile.landline, 'landline', /^[\d\s()+-]{5,20}$/, { zh: '固定电话（如 010-87654321）', en: 'a landline such as 010-87654321' });
    for (let n = Math.min(CHOSEN, line.length); n >= 4; n--) {
      add('landline', line.slice(-n), `固话 ${profile.landline} 的后 ${n} 位`, `the last ${n} digits of the landline ${profile.landline}`);
    }
  }
  for (const [i, digits] of (profile.digits ?? []).entries()) {
    add('digits', digitsOf(digits, `digits[${i}]`, /^\d{2,7}$/, { zh: '2 到 7 位数字', en: 'a string of 2 to 7 digits' }), `企业数字 ${digits}`, `the company's number ${digits}`);
  }
  return [...out.values()];
}
