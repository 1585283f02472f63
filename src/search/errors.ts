/**
 * Every refusal of the search capability (the pattern language, queries and their filters, cursors,
 * near-number searches), worded once in Chinese and English. Chinese positions count from 1, as a
 * salesperson counts characters; English ones are the 0-based `position` of the error.
 */
import { excerpt, kindOf, zhExcerpt } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

// ---- the pattern language ----

/** The most characters a pattern may have. */
export const MAX_PATTERN_LENGTH = 1000;

const EXPECTED_ITEM: LocalText = {
  zh: '应为数字、“*”、“?”、“%”、“[689]”这样的数字组，或大写字母 A-Z',
  en: 'expected a digit, "*", "?", "%", a class such as "[689]" or a capital letter A-Z',
};

/** BAD_PATTERN at `position` of the pattern. */
export function badPattern(text: string, position: number, why: LocalText): never {
  throw new Vanity400Error(
    'BAD_PATTERN',
    { zh: `号型${zhExcerpt(text, 60)}第 ${position + 1} 个字符：${why.zh}`, en: `pattern ${text.length > 60 ? excerpt(text, 60) : JSON.stringify(text)}: position ${position}: ${why.en}` },
    { input: text, position },
  );
}

/** What can be wrong in a pattern, for {@link badPattern}. */
export const PATTERN_FAULTS = {
  unclosed: { zh: '“[”没有闭合，应有“]”', en: '"[" is never closed; expected "]"' },
  emptyClass: { zh: '“[]”里是空的，至少要有一个数字', en: 'empty class; expected at least one digit before "]"' },
  inClass: (c: string): LocalText => ({ zh: `数字组里不能有“${c}”，应为数字、“0-3”这样的范围或“]”`, en: `${JSON.stringify(c)} inside a class; expected a digit, a range such as "0-3" or "]"` }),
  rangeEnd: (c: string, from: string): LocalText => ({ zh: `范围不能以“${c}”结束，“${from}-”后面应是数字`, en: `${JSON.stringify(c)} ends a range; expected a digit after "${from}-"` }),
  backwards: (from: string, to: string): LocalText => ({ zh: `范围“${from}-${to}”写反了，应为 ${from} 到 9 之间的数字`, en: `range "${from}-${to}" runs backwards; expected a digit from ${from} to 9` }),
  noDigit: (cls: string): LocalText => ({ zh: `数字组“${cls}”一个数字也不允许，至少要允许一个`, en: `class "${cls}" allows no digit; expected at least one` }),
  tooManyPositions: (n: number): LocalText => ({ zh: `这是第 ${n + 1} 位；400 号码只有 ${n} 位，号型最多 ${n} 位（“%”不算）`, en: `an 11th position; expected at most ${n} positions ("%" aside), as a 400 number has ${n} digits` }),
  tooManyLetters: (c: string): LocalText => ({ zh: `“${c}”是第 11 个不同的字母；不同字母代表不同数字，最多 10 个`, en: `"${c}" is an 11th distinct letter; expected at most 10, as different letters are different digits` }),
  lowercase: (c: string): LocalText => ({ zh: `小写字母“${c}”；代表数字的字母要大写，应为“${c.toUpperCase()}”`, en: `lowercase "${c}"; digit variables are capital letters, expected "${c.toUpperCase()}"` }),
  caret: { zh: '“^”只能放在号型开头，在所有数字、字母、数字组和“%”之前', en: '"^" may only start the pattern; expected it before every digit, letter, class or "%"' },
  dollar: { zh: '“$”只能放在号型末尾，后面只能有分隔符', en: '"$" may only end the pattern; expected nothing but separators after it' },
  unexpected: (c: string): LocalText => ({ zh: `不能有“${c}”；${EXPECTED_ITEM.zh}`, en: `unexpected ${JSON.stringify(c)}; ${EXPECTED_ITEM.en}` }),
  empty: { zh: `号型是空的；${EXPECTED_ITEM.zh}`, en: `the pattern is empty; ${EXPECTED_ITEM.en}` },
  tooLong: { zh: `号型最多 ${MAX_PATTERN_LENGTH} 个字符`, en: `a pattern has at most ${MAX_PATTERN_LENGTH} characters` },
} as const;

/** INVALID_TYPE: a pattern that is not a string. */
export function patternNotText(value: unknown): Vanity400Error {
  return new Vanity400Error(
    'INVALID_TYPE',
    { zh: `号型应为字符串，实际是${kindOf(value).zh}。`, en: `Expected a pattern as a string, got ${value === null ? 'null' : typeof value}.` },
    { input: value },
  );
}

/** UNKNOWN_SEGMENT: the segment a pattern is enumerated in. */
export function notEnumerableSegment(segment: unknown): Vanity400Error {
  const shown: LocalText = typeof segment === 'string' ? { zh: zhExcerpt(segment), en: excerpt(segment) } : { zh: kindOf(segment).zh, en: typeof segment };
  return new Vanity400Error('UNKNOWN_SEGMENT', { zh: `号段${shown.zh}不存在：应为“4000”到“4009”。`, en: `Unknown segment ${shown.en}: expected "4000" to "4009".` }, { input: segment });
}

/** INVALID_TYPE: a candidate limit that is not a number ≥ 0. */
export function badCandidateLimit(limit: unknown): Vanity400Error {
  const shown: LocalText = typeof limit === 'number' ? { zh: String(limit), en: String(limit) } : typeof limit === 'string' ? { zh: zhExcerpt(limit), en: excerpt(limit) } : { zh: kindOf(limit).zh, en: String(limit) };
  return new Vanity400Error('INVALID_TYPE', { zh: `候选数量上限应为不小于 0 的数字，实际是${shown.zh}。`, en: `Expected a candidate limit as a number ≥ 0, got ${shown.en}.` }, { input: limit });
}

// ---- queries, filters and near-number searches ----

/** Who asks: a search's query, or a near-number search's options. */
export type QueryKind = 'search' | 'near';

const ASKER: Record<QueryKind, LocalText> = { search: { zh: '搜索条件', en: 'search query' }, near: { zh: '找相近号码', en: 'near' } };

/** A value as a message shows it: numbers as written (NaN, Infinity), the rest as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** BAD_QUERY naming the asker and the field. */
export function badQuery(kind: QueryKind, field: string, why: LocalText, input: unknown): never {
  const asker = ASKER[kind];
  throw new Vanity400Error('BAD_QUERY', { zh: `${asker.zh}的 ${field} 有误：${why.zh}`, en: `${asker.en}: ${field}: ${why.en}` }, { input });
}

/** What can be wrong in a query's field, for {@link badQuery}. */
export const QUERY_FAULTS = {
  notObject: { zh: '应为对象', en: 'expected an object' },
  unknownField: (known: readonly string[]): LocalText => ({ zh: `没有这一项；可用的有 ${known.join(', ')}`, en: `unknown field; use ${known.join(', ')}` }),
  notDigits: (value: unknown): LocalText => ({ zh: `应为一串数字，如 "4" 或 "47"，实际是 ${shown(value)}`, en: `${JSON.stringify(value)} is not a string of digits such as "4" or "47"` }),
  notList: (known: readonly string[]): LocalText => ({ zh: `应为列表，取值为 ${known.join(', ')}`, en: `expected an array of ${known.join(', ')}` }),
  notOneOf: (value: unknown, known: readonly string[]): LocalText => ({ zh: `没有 ${shown(value)} 这一项；可选的有 ${known.join(', ')}`, en: `${JSON.stringify(value)} is not one of ${known.join(', ')}` }),
  notChoice: (value: unknown, choices: readonly string[]): LocalText => ({
    zh: `应为 ${choices.join('、')} 之一，实际是 ${shown(value)}`,
    en: `${JSON.stringify(value)} is not ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`,
  }),
  notWhole: (value: unknown, min: number, max: number): LocalText => ({ zh: `应为 ${min} 到 ${max} 的整数，实际是 ${shown(value)}`, en: `${shown(value)} is not a whole number from ${min} to ${max}` }),
  notTail: (value: unknown): LocalText => ({ zh: `应为 1 到 4 位数字，实际是 ${shown(value)}`, en: `${JSON.stringify(value)} is not 1 to 4 digits` }),
  notScore: (value: unknown): LocalText => ({ zh: `应为 0 到 100 的分数，实际是 ${shown(value)}`, en: `${shown(value)} is not a number from 0 to 100` }),
  notPriceLevel: (value: unknown): LocalText => ({ zh: `应为大于 0 的价位，实际是 ${shown(value)}`, en: `${shown(value)} is not a price level above 0` }),
} as const;

/** BAD_CURSOR: not a cursor a search returned. */
export function unknownCursor(cursor: string): Vanity400Error {
  return new Vanity400Error('BAD_CURSOR', { zh: `翻页标记 ${JSON.stringify(cursor)} 不是搜索返回的`, en: `cursor ${JSON.stringify(cursor)} is not one a search returned` }, { input: cursor });
}

/** BAD_CURSOR: a cursor of another query. */
export function foreignCursor(cursor: string): Vanity400Error {
  return new Vanity400Error(
    'BAD_CURSOR',
    { zh: `翻页标记 ${JSON.stringify(cursor)} 属于另一次搜索：请用原来的条件再搜，或去掉翻页标记`, en: `cursor ${JSON.stringify(cursor)} belongs to another query: repeat the query it came from, or drop the cursor` },
    { input: cursor },
  );
}
