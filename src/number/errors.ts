/**
 * Every refusal of the number capability (parse, format, the segment table), worded once in Chinese
 * and English: a salesperson reads the Chinese, a developer the English, and both name the input.
 */
import { excerpt, kindOf, zhExcerpt } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

const EXPECTED: LocalText = { zh: '应为 400 加 7 位数字，如 400-851-7517', en: 'expected 400 followed by 7 digits, e.g. 400-851-7517' };

/** "400 号码“400-123”有误：…" / "Invalid 400 number "400-123": …". */
function invalidNumber(code: 'EMPTY' | 'BAD_CHARACTER' | 'WRONG_LENGTH' | 'NOT_400' | 'UNKNOWN_SEGMENT', text: string, why: LocalText, position?: number): Vanity400Error {
  return new Vanity400Error(
    code,
    { zh: `400 号码${zhExcerpt(text)}有误：${why.zh}。`, en: `Invalid 400 number ${excerpt(text)}: ${why.en}.` },
    position === undefined ? { input: text } : { input: text, position },
  );
}

/** INVALID_TYPE: parse() was given something other than a string. */
export function numberNotText(value: unknown): Vanity400Error {
  return new Vanity400Error('INVALID_TYPE', { zh: `400 号码应为字符串，实际是${kindOf(value).zh}。`, en: `Expected a 400 number as a string, got ${describeKind(value)}.` }, { input: value });
}

/** INVALID_TYPE: format() was given neither a string nor a parsed number. */
export function numberNotTextOrParsed(value: unknown): Vanity400Error {
  return new Vanity400Error(
    'INVALID_TYPE',
    { zh: `400 号码应为字符串或 parse() 的结果，实际是${kindOf(value).zh}。`, en: `Expected a 400 number as a string or a Number400 object, got ${describeKind(value)}.` },
    { input: value },
  );
}

/** The English kind of a wrong argument, as these messages have always said it ("number 5", "an object"). */
function describeKind(value: unknown): string {
  const got = kindOf(value).en;
  return got.startsWith('a string of ') ? 'a string' : got;
}

/** BAD_CHARACTER: a character that is neither a digit nor a separator (nor the one leading "+"). */
export function badCharacter(text: string, i: number, isPlus: boolean): Vanity400Error {
  const cp = text.codePointAt(i) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const ch = String.fromCodePoint(cp);
  const why: LocalText = isPlus
    ? {
        zh: `第 ${i + 1} 个字符“${ch}”多余：“+”只能出现一次，而且要在国家代码 86 和所有数字之前`,
        en: `unexpected ${JSON.stringify(ch)} at position ${i}; a "+" is only allowed once, before the country code 86 and any other digit`,
      }
    : {
        zh: `第 ${i + 1} 个字符“${ch}”（U+${hex}）不能出现在号码里；号码里只能有数字 0-9（半角或全角）和空格、“-”、“.”、“/”、括号这类分隔符`,
        en: `unexpected character ${JSON.stringify(ch)} (U+${hex}) at position ${i}; expected digits 0-9 (ASCII or full-width) and separators such as spaces, "-", ".", "/" or parentheses`,
      };
  return invalidNumber('BAD_CHARACTER', text, why, i);
}

/** BAD_CHARACTER: a "+" not followed by the country code 86. */
export function badPlus(text: string, i: number): Vanity400Error {
  return invalidNumber(
    'BAD_CHARACTER',
    text,
    {
      zh: `第 ${i + 1} 个字符“+”后面应是国家代码 86，如 +86 400-851-7517`,
      en: `the "+" at position ${i} must be followed by the country code 86, e.g. +86 400-851-7517`,
    },
    i,
  );
}

/** EMPTY: no digits at all. */
export function noDigits(text: string): Vanity400Error {
  const what: LocalText = text.length === 0 ? { zh: '是空的', en: 'it is empty' } : { zh: '没有数字，只有分隔符或空白', en: 'it has no digits, only separators or whitespace' };
  return invalidNumber('EMPTY', text, { zh: `${what.zh}；${EXPECTED.zh}`, en: `${what.en}; ${EXPECTED.en}` });
}

/** WRONG_LENGTH: not ten digits (after a country code). */
export function wrongLength(text: string, length: number, afterPlus: boolean): Vanity400Error {
  return invalidNumber('WRONG_LENGTH', text, {
    zh: `${afterPlus ? '国家代码 +86 之后' : ''}有 ${length} 位数字；应为 10 位（400 加 7 位数字），前面可以带 +86、86 或 0086`,
    en: `found ${length} digit${length === 1 ? '' : 's'}${afterPlus ? ' after the country code +86' : ''}; expected 10 (400 followed by 7 digits), optionally preceded by +86, 86 or 0086`,
  });
}

/** NOT_400: ten digits that do not start with 400. */
export function not400(text: string, start: string): Vanity400Error {
  return invalidNumber('NOT_400', text, { zh: `开头是 ${start}，不是 400；${EXPECTED.zh}`, en: `it starts with ${start}; ${EXPECTED.en}` });
}

/** UNKNOWN_SEGMENT: a 400 number in a segment no carrier has confirmed. */
export function unconfirmedSegment(text: string, segment: string, known: LocalText): Vanity400Error {
  return invalidNumber('UNKNOWN_SEGMENT', text, {
    zh: `号段 ${segment} 不是已确认的 400 号段；已确认的号段有：${known.zh}。确要使用时传入 { allowUnconfirmed: true }`,
    en: `segment ${segment} is not a confirmed 400 segment; expected a known segment: ${known.en}. Pass { allowUnconfirmed: true } to accept it anyway`,
  });
}

/** UNKNOWN_STYLE: a format style that is not one of `styles`. */
export function unknownStyle(style: unknown, styles: readonly string[]): Vanity400Error {
  const isText = typeof style === 'string';
  const list = styles.map((s) => `"${s}"`).join(', ');
  return new Vanity400Error(
    'UNKNOWN_STYLE',
    {
      zh: `没有${isText ? zhExcerpt(style) : `（${kindOf(style).zh}）`}这种号码写法；可用的写法：${list}。`,
      en: `Unknown format style ${isText ? excerpt(style) : `(${describeKind(style)})`}; expected one of ${list}.`,
    },
    { input: style },
  );
}

/** INVALID_TYPE: format()'s separator is not a string. */
export function separatorNotText(separator: unknown): Vanity400Error {
  return new Vanity400Error(
    'INVALID_TYPE',
    { zh: `分隔符应为字符串，实际是${kindOf(separator).zh}。`, en: `Expected the separator to be a string, got ${typeof separator}.` },
    { input: separator },
  );
}

/** BAD_DATA: data/segments.json does not hold what the library expects. */
export function badSegmentData(detail: LocalText): Vanity400Error {
  return new Vanity400Error('BAD_DATA', { zh: `数据文件 data/segments.json 有误：${detail.zh}。`, en: `data/segments.json is malformed: ${detail.en}.` });
}
