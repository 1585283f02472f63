import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import billing from '../../data/billing.json';
import bundled from '../../data/packages.json';
import { guardObject, guardOptions, guardString, invalidType, quoted, guardKind } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { parse } from '../number/parse.js';
import { TIERS, type TierId } from '../scoring/tiers.js';

/** One package (资费套餐): a prepayment for a term that becomes call credit, spent per minute. */
export interface Package {
  /** Stable id, e.g. `'year-1200'`: lower-case letters, digits and `-`. */
  id: string;
  /** Its name in Chinese, e.g. `'年套餐 1200 元'`. */
  zh: string;
  /** Its name in English. */
  en: string;
  /** What the customer prepays for the whole term, in 元. */
  prepay: number;
  /** The term, in whole years. */
  years: number;
  /** 元 per minute of answered calls, spent from the credit first and billed after it. */
  ratePerMinute: number;
  /** The id of the source in the file's `sources` (`agent-defined` for an agent's own package). */
  source: string;
}

/** A minimum yearly spend (最低消费) and where it comes from. */
export interface MinimumSpend {
  /** 元 a year. */
  perYear: number;
  /** The id of its source in the file's `sources`. */
  source: string;
}

/** A source of a packages file. */
export interface PackageSource {
  /** What it is and what it says. */
  title: string;
  /** Where to read it, or null. */
  url: string | null;
}

/** A packages file as checked: what {@link parsePackages} returns and {@link quote} ranks. */
export interface PackageList {
  /** The packages, in the file's order. */
  packages: readonly Package[];
  /** Each tier's minimum yearly spend. */
  tierMinimum: Readonly<Record<TierId, MinimumSpend>>;
  /** The least a carrier's special number takes whatever its tier: the carrier sets it, the agent enters it (the bundled figure is a labelled default). */
  specialMinimum: MinimumSpend;
  /** The carrier's own minimum spend for single (special) numbers, by 10 digits; wins over the tier's and the special one. */
  numberMinimum: ReadonlyMap<string, MinimumSpend>;
  /** The file's sources, by id. */
  sources: Readonly<Record<string, PackageSource>>;
  /** Where the list was read from, as error messages name it. */
  file: string;
}

/** The carrier's settlement cost per minute (data/billing.json): no package can charge less. */
export const SETTLEMENT_RATE: number = billing.settlementCost.ratePerMinute;
/** A typical agent contract's rate per minute (data/billing.json): less is the seed's warning sign. */
export const TYPICAL_RATE: number = billing.typicalAgentRate.ratePerMinute;
const UNIT_GUARD: number = billing.unitGuard.ratePerMinute;

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_MONEY = 10_000_000;

/** Reads a field's value and names its place, with the line when the list came from text. */
class Reader {
  readonly #file: string;
  readonly #text: string | undefined;
  readonly #tree: Node | undefined;

  constructor(file: string, text: string | undefined, tree: Node | undefined) {
    this.#file = file;
    this.#text = text;
    this.#tree = tree;
  }

  /** A BAD_PACKAGES error at `path`: `packages.json line 12, packages[3].ratePerMinute: …`. */
  fail(path: readonly (string | number)[], why: LocalText): never {
    const field = fieldName(path);
    const node = this.#tree && findNodeAtLocation(this.#tree, [...path]);
    const line = node && this.#text !== undefined ? lineOf(this.#text, node.offset) : undefined;
    const zhWhere = line === undefined ? this.#file : `${this.#file} 第 ${line} 行`;
    const enWhere = line === undefined ? this.#file : `${this.#file} line ${line}`;
    throw new Vanity400Error(
      'BAD_PACKAGES',
      { zh: `${zhWhere}，${field || '整个文件'}：${why.zh}`, en: `${enWhere}, ${field || 'the file'}: ${why.en}` },
      { field },
    );
  }
}

function fieldName(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function shown(value: unknown): string {
  return quoted(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function money(read: Reader, path: (string | number)[], value: unknown, allowZero: boolean): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && value <= MAX_MONEY;
  if (!ok || Math.round(value * 100) !== value * 100) {
    read.fail(path, {
      zh: `${shown(value)} 不是有效金额，应为 ${allowZero ? '0' : '大于 0'} 到 ${MAX_MONEY} 元、最多两位小数的数字`,
      en: `${shown(value)} is not an amount: expected ${allowZero ? '0' : 'more than 0'} to ${MAX_MONEY} 元 with at most two decimals`,
    });
  }
  return value;
}

function text(read: Reader, path: (string | number)[], value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    read.fail(path, { zh: `${shown(value)} 无效，应为 1 到 ${max} 个字符的文字`, en: `${shown(value)} is not valid: expected a text of 1 to ${max} characters` });
  }
  return value;
}

function sourceOf(read: Reader, path: (string | number)[], value: unknown, sources: Record<string, unknown>): string {
  if (typeof value !== 'string' || !Object.hasOwn(sources, value)) {
    read.fail(path, {
      zh: `来源 ${shown(value)} 不在 sources 里（自定义的套餐写 "agent-defined" 并在 sources 里说明）`,
      en: `source ${shown(value)} is not in sources (an agent's own package says "agent-defined" and describes it in sources)`,
    });
  }
  return value;
}

/** Checks one per-minute rate against the settlement cost and the 元/分 mix-up; the refusal text lives here once. */
function rate(read: Reader, path: (string | number)[], value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    read.fail(path, { zh: `${shown(value)} 不是数字，应为每分钟多少元，例如 0.12`, en: `${shown(value)} is not a number: expected 元 per minute, e.g. 0.12` });
  }
  if (value < SETTLEMENT_RATE) {
    read.fail(path, {
      zh: `${value} 元/分钟低于运营商 ${SETTLEMENT_RATE} 元/分钟的结算成本，这样的资费不可能成立`,
      en: `${value} 元/min is below the carrier's settlement cost of ${SETTLEMENT_RATE} 元/min: no such rate is possible`,
    });
  }
  if (value >= UNIT_GUARD) {
    read.fail(path, {
      zh: `${value} 元/分钟太高，像是把“分”写成了“元”：应为每分钟多少元，例如 0.12`,
      en: `${value} 元/min is too high, as if written in 分 rather than 元: expected 元 per minute, e.g. 0.12`,
    });
  }
  return value;
}

function readPackage(read: Reader, i: number, value: unknown, sources: Record<string, unknown>, seen: Set<string>): Package {
  const at = ['packages', i];
  if (!isObject(value)) read.fail(at, { zh: '应为一个套餐对象', en: 'expected a package object' });
  const known = ['id', 'zh', 'en', 'prepay', 'years', 'ratePerMinute', 'source'];
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) read.fail([...at, key], { zh: `未知字段，套餐只有 ${known.join('、')}`, en: `unknown field; a package has ${known.join(', ')}` });
  }
  const id = value.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    read.fail([...at, 'id'], { zh: `${shown(id)} 无效，应为小写字母、数字和 -，例如 year-1200`, en: `${shown(id)} is not valid: expected lower-case letters, digits and -, e.g. year-1200` });
  }
  if (seen.has(id)) read.fail([...at, 'id'], { zh: `套餐 ${id} 重复了`, en: `package ${id} is listed twice` });
  seen.add(id);
  const years = value.years;
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10) {
    read.fail([...at, 'years'], { zh: `${shown(years)} 无效，应为 1 到 10 的整数年`, en: `${shown(years)} is not valid: expected a whole number of years, 1 to 10` });
  }
  return {
    id,
    zh: text(read, [...at, 'zh'], value.zh, 60),
    en: text(read, [...at, 'en'], value.en, 60),
    prepay: money(read, [...at, 'prepay'], value.prepay, false),
    years,
    ratePerMinute: rate(read, [...at, 'ratePerMinute'], value.ratePerMinute),
    source: sourceOf(read, [...at, 'source'], value.source, sources),
  };
}

function readMinimum(read: Reader, at: (string | number)[], value: unknown, sources: Record<string, unknown>): MinimumSpend {
  if (!isObject(value)) read.fail(at, { zh: '应为 { "perYear": 元, "source": 来源 }', en: 'expected { "perYear": 元, "source": id }' });
  return { perYear: money(read, [...at, 'perYear'], value.perYear, true), source: sourceOf(read, [...at, 'source'], value.source, sources) };
}

function readList(read: Reader, data: unknown, file: string, defaults: PackageList | undefined): PackageList {
  if (!isObject(data)) read.fail([], { zh: '应为一个 JSON 对象，含 packages 和 sources', en: 'expected a JSON object with packages and sources' });
  const rawSources = data.sources;
  if (!isObject(rawSources)) read.fail(['sources'], { zh: '应为来源对象（id → { title, url }）', en: 'expected an object of sources (id → { title, url })' });
  const sources: Record<string, PackageSource> = {};
  for (const [id, s] of Object.entries(rawSources)) {
    if (!isObject(s) || typeof s.title !== 'string' || !(s.url === null || s.url === undefined || typeof s.url === 'string')) {
      read.fail(['sources', id], { zh: '应为 { "title": 文字, "url": 网址或 null }', en: 'expected { "title": text, "url": text or null }' });
    }
    sources[id] = { title: s.title, url: typeof s.url === 'string' ? s.url : null };
  }
  if (!Array.isArray(data.packages) || data.packages.length === 0) {
    read.fail(['packages'], { zh: '应为至少有一个套餐的数组', en: 'expected an array of at least one package' });
  }
  const seen = new Set<string>();
  const packages = data.packages.map((p, i) => readPackage(read, i, p, rawSources, seen));

  const minimum = data.minimumSpend;
  if (minimum === undefined && defaults) {
    return { packages, tierMinimum: defaults.tierMinimum, specialMinimum: defaults.specialMinimum, numberMinimum: defaults.numberMinimum, sources: { ...defaults.sources, ...sources }, file };
  }
  if (!isObject(minimum)) read.fail(['minimumSpend'], { zh: '应为 { "tiers": …, "numbers": […] }', en: 'expected { "tiers": …, "numbers": […] }' });
  const tiers = minimum.tiers;
  if (!isObject(tiers)) read.fail(['minimumSpend', 'tiers'], { zh: '应为每个等级的最低消费', en: "expected each tier's minimum spend" });
  const tierMinimum = {} as Record<TierId, MinimumSpend>;
  for (const t of TIERS) {
    if (!Object.hasOwn(tiers, t.id)) read.fail(['minimumSpend', 'tiers'], { zh: `缺少等级 ${t.id}（${t.zh}）的最低消费`, en: `the minimum spend of tier ${t.id} is missing` });
    tierMinimum[t.id] = readMinimum(read, ['minimumSpend', 'tiers', t.id], tiers[t.id], rawSources);
  }
  // A file without the special numbers' figure keeps the bundled default, and its source with it.
  let specialMinimum: MinimumSpend;
  if (minimum.special !== undefined || !defaults) specialMinimum = readMinimum(read, ['minimumSpend', 'special'], minimum.special, rawSources);
  else {
    specialMinimum = defaults.specialMinimum;
    sources[specialMinimum.source] ??= defaults.sources[specialMinimum.source]!;
  }
  for (const key of Object.keys(tiers)) {
    if (!TIERS.some((t) => t.id === key)) read.fail(['minimumSpend', 'tiers', key], { zh: `没有这个等级，应为 ${TIERS.map((t) => t.id).join('、')}`, en: `no such tier: expected ${TIERS.map((t) => t.id).join(', ')}` });
  }
  const numbers = minimum.numbers ?? [];
  if (!Array.isArray(numbers)) read.fail(['minimumSpend', 'numbers'], { zh: '应为数组', en: 'expected an array' });
  const numberMinimum = new Map<string, MinimumSpend>();
  numbers.forEach((entry, i) => {
    const at = ['minimumSpend', 'numbers', i];
    if (!isObject(entry)) read.fail(at, { zh: '应为 { "number", "perYear", "source" }', en: 'expected { "number", "perYear", "source" }' });
    let digits: string;
    try {
      digits = parse(entry.number as string).digits;
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      read.fail([...at, 'number'], { zh: `${shown(entry.number)} 不是 400 号码`, en: `${shown(entry.number)} is not a 400 number (${error.message})` });
    }
    if (numberMinimum.has(digits)) read.fail([...at, 'number'], { zh: `号码 ${digits} 重复了`, en: `number ${digits} is listed twice` });
    numberMinimum.set(digits, readMinimum(read, at, entry, rawSources));
  });
  return { packages, tierMinimum, specialMinimum, numberMinimum, sources, file };
}

/**
 * Reads a packages file (the format of data/packages.json) from its text or its parsed value. A file
 * without `minimumSpend` keeps the bundled minimum spends. Anything wrong is a BAD_PACKAGES error
 * whose `field` names the place (`packages[2].ratePerMinute`) and whose message gives the file's
 * line: malformed JSON, a missing or unknown field, a duplicate id, a rate below the carrier's
 * settlement cost of 0.06 元/min or one written in 分, a source the file does not list.
 */
export function parsePackages(input: string | object, options: { file?: string } = {}): PackageList {
  guardKind(input, 'parsePackages(): input', 'string|object');
  guardOptions(options, 'parsePackages(): options');
  if (options.file !== undefined) guardString(options.file, 'parsePackages(): options.file');
  const file = options.file ?? 'packages.json';
  if (typeof input !== 'string') return readList(new Reader(file, undefined, undefined), input, file, defaultPackages());
  const errors: ParseError[] = [];
  const tree = parseTree(input, errors, { disallowComments: true, allowTrailingComma: false });
  const read = new Reader(file, input, tree);
  const first = errors[0];
  if (first || tree === undefined) {
    const offset = first?.offset ?? 0;
    const what = first ? printParseErrorCode(first.error) : 'empty';
    throw new Vanity400Error(
      'BAD_PACKAGES',
      { zh: `${file} 第 ${lineOf(input, offset)} 行不是有效的 JSON（${what}）`, en: `${file} line ${lineOf(input, offset)} is not valid JSON (${what})` },
      { position: offset },
    );
  }
  return readList(read, JSON.parse(input) as unknown, file, defaultPackages());
}

let defaults: PackageList | undefined;

/** Whether a list's minimum spend for special numbers is still the bundled default rather than the carrier's figure an agent entered. */
export function isDefaultSpecialMinimum(list: PackageList): boolean {
  return list.specialMinimum.source === defaultPackages().specialMinimum.source;
}

/** The packages and minimum spends bundled in data/packages.json. */
export function defaultPackages(): PackageList {
  defaults ??= readList(new Reader('data/packages.json', undefined, undefined), bundled, 'data/packages.json', undefined);
  return defaults;
}

/** A package list as {@link parsePackages} returns it (its shape; its content was checked there). */
export function guardPackageList(value: unknown, where: string): asserts value is PackageList {
  const list = value as Partial<PackageList> | null;
  const ok = typeof list === 'object' && list !== null && Array.isArray(list.packages) && list.numberMinimum instanceof Map && typeof list.tierMinimum === 'object' && list.tierMinimum !== null && typeof list.specialMinimum === 'object' && list.specialMinimum !== null;
  if (!ok) throw invalidType(where, '套餐表（parsePackages 的结果）', 'a package list (from parsePackages)', value);
}

/** A package as a package list holds it. */
export function guardPackage(value: unknown, where: string): asserts value is Package {
  guardObject(value, where, '套餐（套餐表中的一项）', 'a package (one of a package list)');
  for (const key of ['prepay', 'years', 'ratePerMinute'] as const) {
    if (typeof value[key] !== 'number' || !Number.isFinite(value[key])) throw invalidType(`${where}.${key}`, '数字', 'a number', value[key]);
  }
}
