import data from '../../data/area-codes.json';
import { guardString } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

/** A city (or prefecture, league, autonomous prefecture) an area code serves. */
export interface AreaCity {
  /** Its full Chinese name, e.g. 深圳市, 延边朝鲜族自治州. */
  zh: string;
  /** The short name people say, e.g. 深圳, 延边 (the full name when there is no shorter one). */
  short: string;
  /** Its English name, e.g. Shenzhen. */
  en: string;
}

/** A province-level division of mainland China (province, autonomous region or municipality). */
export interface AreaProvince {
  /** Full Chinese name, e.g. 广东省, 内蒙古自治区, 上海市. */
  zh: string;
  /** Short Chinese name, e.g. 广东, 内蒙古, 上海. */
  short: string;
  /** English name, e.g. Guangdong. */
  en: string;
}

/** One long-distance area code of mainland China, from data/area-codes.json. */
export interface AreaCode {
  /** The code with its trunk prefix 0, as people write it: 010, 021, 0755. */
  code: string;
  /** The province it lies in. */
  province: AreaProvince;
  /** The cities it serves (several where cities share a code, as 长沙、株洲、湘潭 share 0731). */
  cities: readonly AreaCity[];
  /** How many digits a local number has under this code: [8], [7] or [7, 8]. */
  localDigits: readonly number[];
}

/** What an area written in a rule (a code, a city or a province) stands for. */
export interface AreaMatch {
  /** What was written was an area code, a city or a province. */
  kind: 'code' | 'city' | 'province';
  /** The codes it covers, in the order of the table. */
  codes: readonly string[];
  /** The area in words: 上海（021）, 广东省 / Shanghai (021), Guangdong. */
  label: LocalText;
}

interface RawCode {
  code: string;
  province: string;
  cities: { zh: string; short?: string; en: string }[];
  localDigits: number[];
  source: string;
  digitsSource: string;
}

function badData(detail: LocalText): Vanity400Error {
  return new Vanity400Error('BAD_DATA', { zh: `数据文件 data/area-codes.json 有误：${detail.zh}。`, en: `data/area-codes.json is malformed: ${detail.en}.` });
}

const CODE = /^0(?:10|2\d|[3-9]\d\d)$/;

function load(): { codes: Map<string, AreaCode>; provinces: Map<string, AreaProvince> } {
  const sources = data.sources as Record<string, unknown>;
  const provinces = new Map<string, AreaProvince>();
  for (const p of data.provinces) {
    if (!(p.source in sources)) throw badData({ zh: `省份 ${p.short} 引用了不存在的来源 ${JSON.stringify(p.source)}`, en: `province ${p.short} cites unknown source ${JSON.stringify(p.source)}` });
    provinces.set(p.short, Object.freeze({ zh: p.zh, short: p.short, en: p.en }));
  }
  const codes = new Map<string, AreaCode>();
  for (const raw of data.codes as RawCode[]) {
    if (!CODE.test(raw.code)) throw badData({ zh: `区号 ${JSON.stringify(raw.code)} 应为 0 加 2 位或 3 位数字`, en: `code ${JSON.stringify(raw.code)} is not 0 and 2 or 3 digits` });
    if (codes.has(raw.code)) throw badData({ zh: `区号 ${raw.code} 重复出现`, en: `code ${raw.code} is listed twice` });
    const province = provinces.get(raw.province);
    if (!province) throw badData({ zh: `区号 ${raw.code} 的省份 ${JSON.stringify(raw.province)} 不存在`, en: `code ${raw.code} names unknown province ${JSON.stringify(raw.province)}` });
    for (const key of [raw.source, raw.digitsSource]) if (!(key in sources)) throw badData({ zh: `区号 ${raw.code} 引用了不存在的来源 ${JSON.stringify(key)}`, en: `code ${raw.code} cites unknown source ${JSON.stringify(key)}` });
    const digits = raw.localDigits;
    if (digits.length === 0 || digits.some((n) => n !== 7 && n !== 8)) throw badData({ zh: `区号 ${raw.code} 的本地号码位数 ${JSON.stringify(digits)} 不对`, en: `code ${raw.code} has local digits ${JSON.stringify(digits)}` });
    if (raw.code.length === 3 && digits.join() !== '8') throw badData({ zh: `区号 ${raw.code} 是两位区号，本地号码应为 8 位`, en: `code ${raw.code} is a two-digit code, whose local numbers have 8 digits` });
    if (raw.cities.length === 0) throw badData({ zh: `区号 ${raw.code} 没有对应的城市`, en: `code ${raw.code} serves no city` });
    const cities = raw.cities.map((c) => Object.freeze({ zh: c.zh, short: c.short ?? c.zh, en: c.en }));
    codes.set(raw.code, Object.freeze({ code: raw.code, province, cities: Object.freeze(cities), localDigits: Object.freeze([...digits]) }));
  }
  return { codes, provinces };
}

/** The tables, made on first use: a bundle that never looks up an area carries none of the area data's work. */
interface Tables {
  codes: Map<string, AreaCode>;
  provinces: Map<string, AreaProvince>;
  codesOfProvince: Map<AreaProvince, string[]>;
  /** Names → what they cover. Chinese names are exact; English ones are compared lower-cased. A name two places share is kept with both, and refused as ambiguous. */
  names: Map<string, NameEntry[]>;
}

let tables: Tables | undefined;

function areaTables(): Tables {
  if (tables) return tables;
  const { codes, provinces } = load();
  const codesOfProvince = new Map<AreaProvince, string[]>();
  for (const entry of codes.values()) {
    const list = codesOfProvince.get(entry.province) ?? [];
    list.push(entry.code);
    codesOfProvince.set(entry.province, list);
  }
  const names = new Map<string, NameEntry[]>();
  const addName = (name: string, entry: NameEntry): void => {
    const list = names.get(name) ?? [];
    if (!list.some((e) => e.codes.join() === entry.codes.join() && e.kind === entry.kind)) list.push(entry);
    names.set(name, list);
  };
  for (const [province, list] of codesOfProvince) {
    const entry: NameEntry = { kind: 'province', codes: list, label: { zh: province.zh, en: province.en } };
    for (const name of [province.zh, province.short, province.en.toLowerCase()]) addName(name, entry);
  }
  for (const area of codes.values()) {
    for (const city of area.cities) {
      const entry: NameEntry = { kind: 'city', codes: [area.code], label: { zh: `${city.short}（${area.code}）`, en: `${city.en} (${area.code})` } };
      // 吉林 and 海南 are provinces first: their cities are written 吉林市 and 海南州.
      const cityNames = [city.zh, city.en.toLowerCase(), city.en.replace(/ \(.*\)$/, '').toLowerCase()];
      if (!provinces.has(city.short)) cityNames.push(city.short);
      for (const name of new Set(cityNames)) addName(name, entry);
    }
  }
  tables = { codes, provinces, codesOfProvince, names };
  return tables;
}

/** The area code entry for a code such as '021' or '0755' (with its 0), or undefined when the table has no such code. */
export function areaCodeInfo(code: string): AreaCode | undefined {
  guardString(code, 'areaCodeInfo(): code');
  return areaTables().codes.get(code);
}

/** Every area code of the table, in its order (by province). */
export function listAreaCodes(): AreaCode[] {
  return [...areaTables().codes.values()];
}

/** "上海（021）" / "Shanghai (021)": an area code with the first city it serves. */
export function areaCodeLabel(entry: AreaCode): LocalText {
  const city = entry.cities[0]!;
  const more = entry.cities.length > 1;
  // A code that is its province's only one (0898: all of Hainan) is named by the province.
  if (more && areaTables().codesOfProvince.get(entry.province)?.length === 1) return { zh: `${entry.province.short}（${entry.code}）`, en: `${entry.province.en} (${entry.code})` };
  return { zh: `${city.short}${more ? '等' : ''}（${entry.code}）`, en: `${city.en}${more ? ' and nearby' : ''} (${entry.code})` };
}

interface NameEntry {
  kind: 'city' | 'province';
  codes: string[];
  label: LocalText;
}

/**
 * What an area written in a rule stands for: an area code (021, 0755, or 21 without its 0), a city (深圳,
 * 深圳市, Shenzhen) or a province (广东, 广东省, Guangdong). An unknown area, or an English name two
 * places share (Suzhou: 苏州 or 宿州), is an UNKNOWN_AREA error that says so.
 */
export function findArea(text: string): AreaMatch {
  guardString(text, 'findArea(): text');
  const written = text.trim();
  if (/^\d{2,4}$/.test(written)) {
    const code = written.startsWith('0') ? written : `0${written}`;
    const entry = areaTables().codes.get(code);
    if (entry) return { kind: 'code', codes: [code], label: areaCodeLabel(entry) };
    throw new Vanity400Error('UNKNOWN_AREA', { zh: `区号 ${written} 不是中国大陆的长途区号`, en: `${written} is not an area code of mainland China` }, { input: text });
  }
  const found = areaTables().names.get(written) ?? areaTables().names.get(written.toLowerCase()) ?? [];
  if (found.length === 1) return { kind: found[0]!.kind, codes: found[0]!.codes, label: found[0]!.label };
  if (found.length > 1) {
    const options = found.map((e) => e.label);
    throw new Vanity400Error(
      'UNKNOWN_AREA',
      { zh: `地区“${written}”有多处同名：${options.map((o) => o.zh).join('、')}，请写区号`, en: `"${written}" names more than one place: ${options.map((o) => o.en).join(', ')}; write the area code` },
      { input: text },
    );
  }
  const shown = written.length > 30 ? `${written.slice(0, 30)}…` : written;
  throw new Vanity400Error('UNKNOWN_AREA', { zh: `不认识的地区“${shown}”：请写区号（如 021）、城市（如 深圳）或省份（如 广东）`, en: `unknown area "${shown}": write an area code (021), a city (Shenzhen) or a province (Guangdong)` }, { input: text });
}
