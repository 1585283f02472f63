import { quoted, guardString } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { areaCodeInfo } from './areas.js';

/**
 * A mainland China phone number a 400 line can ring (落地号码) or a caller can have: a fixed line with its
 * area code, or a mobile. 400 and 800 numbers, short service numbers (95xxx, 10086, 110 …) and numbers
 * outside the mainland are not landing numbers.
 */
export interface PhoneNumber {
  /** `fixed` (a fixed line, with its area code) or `mobile`. */
  kind: 'fixed' | 'mobile';
  /** The canonical form, which parses back to itself: 021-61234567 (code, a hyphen, the local number) or 13800138000. */
  number: string;
  /** The digits dialled from elsewhere in mainland China: 02161234567, 13800138000. */
  digits: string;
  /** For people: 021-6123 4567, 138 0013 8000. */
  display: string;
  /** A fixed line's area code with its 0 (021, 0755); absent for a mobile. */
  areaCode?: string;
}

/** The result of {@link readPhoneNumber}: the number, or why it is not one, in both languages. */
export type PhoneNumberReading =
  | {
      /** It is a number. */
      ok: true;
      /** The number. */
      value: PhoneNumber;
    }
  | {
      /** It is not. */
      ok: false;
      /** Why not. */
      why: LocalText;
    };

const FULL_WIDTH_ZERO = 0xff10;
const SEPARATORS = /[\s\-.()（）·—–－_/]/g;

function fail(zh: string, en: string): PhoneNumberReading {
  return { ok: false, why: { zh, en } };
}

function fixed(digits: string): PhoneNumberReading {
  const code = digits[1] === '1' || digits[1] === '2' ? digits.slice(0, 3) : digits.slice(0, 4);
  const entry = areaCodeInfo(code);
  if (!entry) return fail(`区号 ${code} 不是中国大陆的长途区号`, `${code} is not an area code of mainland China`);
  const local = digits.slice(code.length);
  if (!entry.localDigits.includes(local.length)) {
    const lengths = entry.localDigits.join(entry.localDigits.length > 1 ? ' 或 ' : '');
    const lengthsEn = entry.localDigits.join(' or ');
    return fail(`${code} 的本地号码应为 ${lengths} 位，这里是 ${local.length} 位`, `local numbers under ${code} have ${lengthsEn} digits, not ${local.length}`);
  }
  if (local[0] === '0' || local[0] === '1') return fail(`本地号码不能以 ${local[0]} 开头`, `a local number does not begin with ${local[0]}`);
  const split = local.length - 4;
  return { ok: true, value: { kind: 'fixed', number: `${code}-${local}`, digits, display: `${code}-${local.slice(0, split)} ${local.slice(split)}`, areaCode: code } };
}

function mobile(digits: string): PhoneNumberReading {
  if (digits.length !== 11) return fail(`手机号应为 11 位，这里是 ${digits.length} 位`, `a mobile number has 11 digits, not ${digits.length}`);
  if (digits[1]! < '3') return fail(`手机号以 13–19 开头，这里是 ${digits.slice(0, 2)}`, `mobile numbers begin 13 to 19, not ${digits.slice(0, 2)}`);
  return { ok: true, value: { kind: 'mobile', number: digits, digits, display: `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` } };
}

/** Reads a number of digits alone, dialled within mainland China (0… for a fixed line, 1… for a mobile). */
function domestic(digits: string): PhoneNumberReading {
  const first = digits[0];
  if (first === '0') {
    if (digits.length < 10) return fail(`固定电话应为区号加 7 或 8 位本地号码，这里只有 ${digits.length} 位`, `a fixed line is an area code and 7 or 8 local digits; this has only ${digits.length} digits`);
    return fixed(digits);
  }
  if (first === '1') {
    if (digits.length <= 6) return fail(`${digits} 是特服号码`, `${digits} is a service number`);
    return mobile(digits);
  }
  if ((first === '4' || first === '8') && digits.length === 10 && digits.startsWith(first === '4' ? '400' : '800')) {
    return fail(`这是 ${digits.slice(0, 3)} 号码，400 电话只能转到实名办理的固定电话或手机`, `it is a ${digits.slice(0, 3)} number; a 400 line rings only a real-name fixed line or mobile`);
  }
  if (first === '9' && digits.length <= 8 && (digits.startsWith('95') || digits.startsWith('96'))) {
    return fail(`${digits} 是短号码`, `${digits} is a short service number`);
  }
  if (digits.length === 7 || digits.length === 8) return fail('缺少区号：固定电话要写区号，例如 021-61234567', 'the area code is missing: write a fixed line with it, e.g. 021-61234567');
  return fail('不是中国大陆的固定电话（区号开头）或手机号（1 开头）', 'not a mainland fixed line (beginning with its area code) or mobile (beginning with 1)');
}

/**
 * Reads a phone number as people write it — 021-6123 4567, (021)61234567, 0755 2345 6789,
 * +86 21 6123 4567, 138-0013-8000, +86 138 0013 8000, full-width digits — without throwing: the
 * number, or why it is not a mainland fixed line or mobile (the area code is checked against
 * data/area-codes.json, and the local number's length against that code's).
 */
export function readPhoneNumber(text: string): PhoneNumberReading {
  guardString(text, 'readPhoneNumber(): text');
  // The common case first: digits alone, dialled within the mainland.
  if (/^[01]\d{9,11}$/.test(text)) return domestic(text);
  let s = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_ZERO + 48)).replace(/＋/g, '+');
  if (s === '') return fail('号码是空的', 'the number is empty');
  s = s.replace(SEPARATORS, '');
  let international = false;
  if (s.startsWith('+')) {
    if (!s.startsWith('+86')) return fail('只接受中国大陆的号码（+86）', 'only mainland China numbers (+86) are accepted');
    s = s.slice(3);
    international = true;
  } else if (s.startsWith('0086')) {
    s = s.slice(4);
    international = true;
  } else if (s.startsWith('86') && /^86(?:1[3-9]\d{9})$/.test(s)) {
    s = s.slice(2);
    international = true;
  }
  const bad = /\D/.exec(s);
  if (bad) return fail(`号码里有不认识的字符“${bad[0]}”`, `the number has a character that is not a digit: "${bad[0]}"`);
  if (s === '') return fail('号码是空的', 'the number is empty');
  // After +86 a fixed line is written without its trunk 0 (+86 21 …), sometimes with it.
  if (international && s[0] !== '1' && s[0] !== '0') s = `0${s}`;
  return domestic(s);
}

/** Reads a phone number as {@link readPhoneNumber} does, throwing BAD_LANDING_NUMBER with the reason when it is not one. */
export function parsePhoneNumber(text: string): PhoneNumber {
  guardString(text, 'parsePhoneNumber(): text');
  const reading = readPhoneNumber(text);
  if (reading.ok) return reading.value;
  const shown = typeof text === 'string' ? (text.length > 30 ? `${text.slice(0, 30)}…` : text) : quoted(text, 30);
  throw new Vanity400Error('BAD_LANDING_NUMBER', { zh: `号码“${shown}”无效：${reading.why.zh}`, en: `number "${shown}" is not valid: ${reading.why.en}` }, { input: text });
}
