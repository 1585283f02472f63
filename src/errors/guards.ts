/**
 * Argument guards for the public functions: a wrong type is INVALID_TYPE naming the function and the
 * argument, never a TypeError from inside, and a message quotes at most a short excerpt of the input.
 */
import { Vanity400Error, type LocalText } from './vanity400-error.js';

/** What a value is, in a few words of each language, without ever throwing (a revoked Proxy, a symbol). */
export function kindOf(value: unknown): LocalText {
  try {
    if (value === null) return { zh: '空值 null', en: 'null' };
    if (Array.isArray(value)) return { zh: '数组', en: 'an array' };
    const t = typeof value;
    if (t === 'number' || t === 'boolean' || t === 'bigint') {
      const zh = t === 'boolean' ? '布尔值' : '数字';
      return { zh: `${zh} ${String(value)}`, en: `${t} ${String(value)}` };
    }
    if (t === 'string') {
      const n = (value as string).length;
      return { zh: `${n} 个字符的字符串`, en: `a string of ${n} character${n === 1 ? '' : 's'}` };
    }
    if (t === 'object') return { zh: '对象', en: 'an object' };
    if (t === 'undefined') return { zh: '未定义（undefined）', en: 'undefined' };
    return { zh: t === 'function' ? '函数' : t === 'symbol' ? '符号（symbol）' : t, en: `a ${t}` };
  } catch {
    return { zh: '无法查看的值', en: 'a value that cannot be inspected' };
  }
}

/** A string quoted for a message, cut to `max` characters. */
export function excerpt(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Any value as a message quotes it: as JSON cut to `max` characters, or what it is where JSON cannot say (a BigInt, a cycle). Never throws. */
export function quoted(value: unknown, max = 40): string {
  if (typeof value === 'string') return excerpt(value, max);
  try {
    const text = JSON.stringify(value);
    if (typeof text === 'string') return text.length > max ? `${text.slice(0, max)}…` : text;
  } catch {
    // fall through: what it is, not what it holds
  }
  return kindOf(value).en;
}

/** A string quoted for a Chinese message, “so”, cut to `max` characters. */
export function zhExcerpt(text: string, max = 40): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/**
 * INVALID_TYPE: "score(): number: expected a string, got null". A `secret` value (an ID number given as a
 * number) is neither quoted nor kept: the error says and keeps only what kind of value it was.
 */
export function invalidType(where: string, zh: string, en: string, value: unknown, secret = false, field?: string): Vanity400Error {
  const hidden = secret && (typeof value === 'number' || typeof value === 'bigint');
  const got = hidden ? { zh: '数字', en: 'a number' } : kindOf(value);
  return new Vanity400Error('INVALID_TYPE', { zh: `${where}：应为${zh}，实际是${got.zh}。`, en: `${where}: expected ${en}, got ${got.en}.` }, { input: secret ? typeof value : value, ...(field === undefined ? {} : { field }) });
}

/** Options: left out, or a plain object. */
export function guardOptions(value: unknown, where: string): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidType(where, '选项对象（或省略）', 'an options object (or nothing)', value);
}

/** A string argument (of at most `max` characters, else `tooLong` says why it is refused). */
export function guardString(value: unknown, where: string, max?: number, tooLong?: (text: string) => Vanity400Error): asserts value is string {
  if (typeof value !== 'string') throw invalidType(where, '字符串', 'a string', value);
  if (max !== undefined && value.length > max && tooLong) throw tooLong(value);
}

/** A number given as a string or as a parsed number (an object with its 10 digits). */
export function guardNumberInput(value: unknown, where: string): void {
  if (typeof value === 'string') return;
  if (typeof value === 'object' && value !== null && typeof (value as { digits?: unknown }).digits === 'string' && /^400\d{7}$/.test((value as { digits: string }).digits)) return;
  throw invalidType(where, '400 号码（字符串或 parse() 的结果）', 'a 400 number (a string, or what parse() returns)', value);
}

/** An object argument: not null, not an array. */
export function guardObject(value: unknown, where: string, zh = '对象', en = 'an object'): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidType(where, zh, en, value);
}

/** A number argument (NaN included: a range check after this says what is wrong with it). */
export function guardNumber(value: unknown, where: string): asserts value is number {
  if (typeof value !== 'number') throw invalidType(where, '数字', 'a number', value);
}

/** A function given as an option, or nothing. */
export function guardCallback(value: unknown, where: string): void {
  if (value !== undefined && typeof value !== 'function') throw invalidType(where, '函数（或省略）', 'a function (or nothing)', value);
}

/** An object with these methods, e.g. a Store: INVALID_TYPE naming what was expected. */
export function guardMethods(value: unknown, where: string, zh: string, en: string, methods: readonly string[]): void {
  if (typeof value !== 'object' || value === null || methods.some((m) => typeof (value as Record<string, unknown>)[m] !== 'function')) throw invalidType(where, zh, en, value);
}

/** The language of an answer, "zh" or "en": INVALID_TYPE for anything but a string, UNKNOWN_LANGUAGE for another string. */
export function guardLanguage(value: unknown, where: string): asserts value is 'zh' | 'en' {
  if (value === 'zh' || value === 'en') return;
  if (typeof value !== 'string') throw invalidType(where, '"zh" 或 "en"', '"zh" or "en"', value);
  throw new Vanity400Error('UNKNOWN_LANGUAGE', { zh: `${where}：不支持的语言 ${excerpt(value)}，可用 "zh" 或 "en"。`, en: `${where}: unknown language ${excerpt(value)}; use "zh" or "en".` }, { input: value });
}

/** A kind of value an argument or a field takes. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'function' | 'object' | 'array';
const KIND_NAMES: Record<ValueKind, LocalText> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  function: { zh: '函数', en: 'a function' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
};
const isKind = (value: unknown, kind: ValueKind): boolean =>
  kind === 'array' ? Array.isArray(value) : kind === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === kind;

/** Specs read once each: the searches check their query's fields on every call. */
const SPECS = new Map<string, { kinds: readonly ValueKind[]; optional: boolean }>();

function fits(value: unknown, spec: string): boolean {
  let read = SPECS.get(spec);
  if (read === undefined) {
    const optional = spec.endsWith('?');
    read = { kinds: (optional ? spec.slice(0, -1) : spec).split('|') as ValueKind[], optional };
    SPECS.set(spec, read);
  }
  if (read.optional && value === undefined) return true;
  for (const kind of read.kinds) if (isKind(value, kind)) return true;
  return false;
}

function wrongKind(value: unknown, where: string, spec: string, field?: string): Vanity400Error {
  const { kinds, optional } = SPECS.get(spec)!;
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  const or = { zh: names.map((n) => n.zh).join('或'), en: names.map((n) => n.en).join(' or ') };
  return invalidType(where, optional ? `${or.zh}（或省略）` : or.zh, optional ? `${or.en} (or nothing)` : or.en, value, false, field);
}

/**
 * An argument (or a field) of one of these kinds, e.g. `'string'`, `'string|number'`; a trailing `?`
 * lets it be left out (undefined). INVALID_TYPE naming `where` otherwise (and `field`, when given, as the error's field).
 */
export function guardKind(value: unknown, where: string, spec: string, field?: string): void {
  if (!fits(value, spec)) throw wrongKind(value, where, spec, field);
}

/** The fields of an object argument, each checked as {@link guardKind} (own fields only): `where.field` is named, and the field is the error's. */
export function guardFields(value: object, where: string, fields: Readonly<Record<string, string>>): void {
  for (const name in fields) {
    const spec = fields[name]!;
    const field = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    if (!fits(field, spec)) throw wrongKind(field, `${where}.${name}`, spec, name);
  }
}
