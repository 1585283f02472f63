import { quoted, invalidType } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { parse } from '../number/parse.js';
import { findArea } from './areas.js';
import { clockMinutes, clockText, daySelectors, type DaySelector } from './call-time.js';
import { readPhoneNumber } from './phone-number.js';
import type { ForwardCondition, Landing, RingOrder, Route, RoutingCheck, RoutingProblem, RoutingProblemCode, RoutingRules, TimeRule } from './rules.js';
import { buildTimeTable, dayTypesLabel, describeGaps, spanLabel, type Slot } from './time-plan.js';

/** The seed's limit for a forwarding list (4-10个号码), which also bounds a group of numbers. */
export const MAX_NUMBERS = 10;
/** Decisions (by area, by time, by percentage) nested in one another at most. */
export const MAX_DEPTH = 4;
/** Rules in one area or time plan, and areas in one list, at most: more is no form a customer signs. */
const MAX_RULES = 50;
const MAX_AREAS = 500;
const DEFAULT_RING_SECONDS = 20;
const RING_SECONDS = [5, 60] as const;
const PASSWORD = /^\d{4,8}$/;
const MAX_CAP_COST = 10_000_000;

/** A route compiled for route(): the same tree, with areas as codes and time plans as tables. */
export type PlanNode =
  | { kind: 'ring'; path: string; numbers: readonly Landing[]; order: RingOrder }
  | { kind: 'split'; path: string; percents: readonly number[]; routes: readonly PlanNode[] }
  | { kind: 'area'; path: string; byCode: ReadonlyMap<string, number>; areas: readonly string[][]; written: readonly string[][]; routes: readonly PlanNode[]; otherwise?: PlanNode }
  | { kind: 'time'; path: string; table: Int16Array; rules: readonly TimeRule[]; routes: readonly PlanNode[]; otherwise?: PlanNode };

/** A checked rule set ready to route calls. */
export interface Plan {
  rules: RoutingRules;
  root: PlanNode;
  blocking?: { mode: 'allow' | 'deny'; codes: ReadonlySet<string> };
}

const PLANS = new WeakMap<RoutingRules, Plan>();

/** The plan of rules checkRoutingRules returned, or undefined for anything else. */
export function planOf(rules: unknown): Plan | undefined {
  return rules !== null && typeof rules === 'object' ? PLANS.get(rules as RoutingRules) : undefined;
}

/** How a path into the rules reads as a rule: route.byArea[0].route.byTime[1] → 按地区第 1 条 › 按时间第 2 条. */
function ruleWords(path: string): LocalText {
  const zh: string[] = [];
  const en: string[] = [];
  const re = /(route|forwarding|blocking|password|cap|ringSeconds|number|customer|byArea|byTime|split|ring|otherwise)(?:\[(\d+)\])?/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    const n = m[2] === undefined ? undefined : Number(m[2]) + 1;
    switch (m[1]) {
      case 'route':
        if (path === 'route') (zh.push('来电分配'), en.push('routing'));
        break;
      case 'byArea':
        if (n !== undefined) (zh.push(`按地区第 ${n} 条`), en.push(`area rule ${n}`));
        else (zh.push('按地区'), en.push('by area'));
        break;
      case 'byTime':
        if (n !== undefined) (zh.push(`按时间第 ${n} 条`), en.push(`time rule ${n}`));
        else (zh.push('按时间'), en.push('by time'));
        break;
      case 'split':
        if (n !== undefined) (zh.push(`按比例第 ${n} 份`), en.push(`share ${n}`));
        else (zh.push('按比例'), en.push('by percentage'));
        break;
      case 'ring':
        zh.push('号码组');
        en.push('number group');
        break;
      case 'otherwise':
        zh.push('其余来电');
        en.push('otherwise');
        break;
      case 'forwarding':
        zh.push('遇忙/无应答转移');
        en.push('busy/no-answer forwarding');
        break;
      case 'blocking':
        zh.push('呼叫阻截');
        en.push('call blocking');
        break;
      case 'password':
        zh.push('专用密码');
        en.push('password');
        break;
      case 'cap':
        zh.push('费用控制');
        en.push('monthly cap');
        break;
      case 'ringSeconds':
        zh.push('振铃时长');
        en.push('ring time');
        break;
      case 'number':
        if (zh.length === 0) (zh.push('400 号码'), en.push('the 400 number'));
        break;
      case 'customer':
        zh.push('客户');
        en.push('customer');
        break;
    }
  }
  return { zh: zh.join(' › ') || '转接规则', en: en.join(' › ') || 'the rules' };
}

/** The fields of the rules as the form names them, for the last part of a path that ruleWords does not already say. */
const FIELD_WORDS: Record<string, LocalText> = {
  from: { zh: '开始时间', en: 'start time' },
  to: { zh: '结束时间', en: 'end time' },
  days: { zh: '日期', en: 'days' },
  route: { zh: '转接去向', en: 'destination' },
  percent: { zh: '比例', en: 'percentage' },
  areas: { zh: '地区', en: 'areas' },
  numbers: { zh: '转移号码', en: 'forwarding numbers' },
  on: { zh: '转移条件', en: 'when to forward' },
  mode: { zh: '阻截方式', en: 'blocking mode' },
  monthlyCost: { zh: '每月费用上限', en: 'monthly cost cap' },
  monthlyCalls: { zh: '每月通话次数上限', en: 'monthly call cap' },
  order: { zh: '号码组接听顺序', en: "the group's ringing order" },
  label: { zh: '名称', en: 'label' },
  number: { zh: '号码', en: 'number' },
};

/** Fields whose rule words (ruleWords) already name them when they end the path. */
const SAID_BY_RULE = new Set(['forwarding', 'blocking', 'password', 'cap', 'ringSeconds', 'customer', 'byArea', 'byTime', 'split', 'otherwise']);

/**
 * The field at the end of `path` in words, or '' where the rule's words already name it:
 * route.byTime[0].from → 开始时间; forwarding.numbers[2] → 第 3 个转移号码; a key the rules do not have → “colour”这一项.
 */
function fieldWords(path: string): LocalText {
  const m = /(?:^|\.)([^.[\]]+)(?:\[(\d+)\])?$/.exec(path);
  if (!m) return { zh: '', en: '' };
  const key = m[1] as string;
  const n = m[2] === undefined ? undefined : Number(m[2]) + 1;
  if (SAID_BY_RULE.has(key) || (key === 'route' && path === 'route') || (key === 'number' && path === 'number')) return { zh: '', en: '' };
  if (key === 'ring') return n === undefined ? { zh: '', en: '' } : { zh: `第 ${n} 个号码`, en: `number ${n}` };
  // A number of a group written as { number, label }: ring[1].label → 第 2 个号码的名称.
  const item = /\[(\d+)\]\.(?:label|number)$/.exec(path);
  if (item && (key === 'label' || key === 'number')) {
    const i = Number(item[1]) + 1;
    return key === 'label' ? { zh: `第 ${i} 个号码的名称`, en: `the label of number ${i}` } : { zh: `第 ${i} 个号码`, en: `number ${i}` };
  }
  const words = Object.hasOwn(FIELD_WORDS, key) ? FIELD_WORDS[key] : undefined;
  if (!words) return { zh: `“${show(key)}”这一项`, en: `the field ${quoted(key)}` };
  return n === undefined ? words : { zh: `第 ${n} 个${words.zh.replace(/^转移/, '')}`, en: `${words.en.replace(/s$/, '')} ${n}` };
}

function show(value: unknown): string {
  if (typeof value !== 'string') return quoted(value);
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

const TYPE_NAMES: Record<string, LocalText> = {
  string: { zh: '文字', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
  boolean: { zh: '是/否', en: 'true or false' },
};

class Checker {
  readonly problems: RoutingProblem[] = [];

  /** Records a problem at `path` in field `field` (the last part of the path unless given). */
  add(code: RoutingProblemCode, path: string, what: LocalText, field = path.replace(/^.*\.(?=[^.[\]]+(?:\[\d+\])*$)/, ''), unknownKey?: string): void {
    // An unknown key is said as the key under its parent's rule: a stray top-level "split" is no percentage rule.
    const rule = ruleWords(unknownKey === undefined ? path : path.slice(0, Math.max(0, path.length - unknownKey.length - 1)));
    field ||= JSON.stringify(field);
    // The message names the field as the form does (开始时间, 第 2 个地区); `field` and `path` keep the rules' own names.
    const words = unknownKey === undefined ? fieldWords(path) : { zh: `“${show(unknownKey)}”这一项`, en: `the field ${quoted(unknownKey)}` };
    this.problems.push({ code, path, rule, field, message: { zh: `${rule.zh}${words.zh ? `的${words.zh}` : ''}：${what.zh}`, en: `${rule.en}${words.en ? `, ${words.en}` : ''}: ${what.en}` } });
  }

  /** Whether `value` is of `type`, recording a BAD_FIELD problem when it is not. */
  expect(value: unknown, type: 'string' | 'number' | 'object' | 'array' | 'boolean', path: string): boolean {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (actual === type) return true;
    const name = TYPE_NAMES[type]!;
    if (value === undefined) this.add('BAD_FIELD', path, { zh: `缺少这一项，应为${name.zh}`, en: `missing; expected ${name.en}` });
    else this.add('BAD_FIELD', path, { zh: `应为${name.zh}，收到 ${show(value)}`, en: `expected ${name.en}, got ${show(value)}` });
    return false;
  }

  /** Records a problem for each key of `value` not in `known`. */
  onlyKeys(value: Record<string, unknown>, known: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        this.add('BAD_FIELD', path ? `${path}.${key}` : key, { zh: `不认识的项，可用的有 ${known.join('、')}`, en: `unknown field; the fields are ${known.join(', ')}` }, key, key);
      }
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readLanding(c: Checker, value: unknown, path: string): Landing | undefined {
  let written: unknown = value;
  let label: string | undefined;
  if (isObject(value)) {
    c.onlyKeys(value, ['number', 'label'], path);
    written = value.number;
    if (value.label !== undefined) {
      if (c.expect(value.label, 'string', `${path}.label`)) {
        if ((value.label as string).length > 40) c.add('BAD_FIELD', `${path}.label`, { zh: '名称最多 40 个字', en: 'a label has at most 40 characters' });
        else label = (value.label as string).trim() || undefined;
      }
    }
    path = `${path}.number`;
  }
  if (!c.expect(written, 'string', path)) return undefined;
  const reading = readPhoneNumber(written as string);
  if (!reading.ok) {
    c.add('BAD_LANDING_NUMBER', path, { zh: `“${show(written)}”不能作为落地号码：${reading.why.zh}`, en: `"${show(written)}" is not a landing number: ${reading.why.en}` });
    return undefined;
  }
  return label === undefined ? { number: reading.value.number } : { number: reading.value.number, label };
}

/** A list of 1 to MAX_NUMBERS landing numbers, each once. */
function readNumbers(c: Checker, value: unknown, path: string): Landing[] | undefined {
  if (!c.expect(value, 'array', path)) return undefined;
  const list = value as unknown[];
  if (list.length === 0) {
    c.add('BAD_FIELD', path, { zh: '至少要有 1 个号码', en: 'at least one number is needed' });
    return undefined;
  }
  if (list.length > MAX_NUMBERS) {
    c.add('TOO_MANY_NUMBERS', path, { zh: `最多 ${MAX_NUMBERS} 个号码，这里有 ${list.length} 个`, en: `at most ${MAX_NUMBERS} numbers, not ${list.length}` });
  }
  const numbers: Landing[] = [];
  let good = list.length <= MAX_NUMBERS;
  list.forEach((item, i) => {
    const landing = readLanding(c, item, `${path}[${i}]`);
    if (!landing) return void (good = false);
    const first = numbers.findIndex((n) => n.number === landing.number);
    if (first >= 0) {
      c.add('REPEATED_NUMBER', `${path}[${i}]`, { zh: `${landing.number} 已经是第 ${first + 1} 个号码`, en: `${landing.number} is already number ${first + 1}` });
      good = false;
    }
    numbers.push(landing);
  });
  return good ? numbers : undefined;
}

/** Area codes of a list of areas, each checked against the table; undefined when any is unknown. */
function readAreas(c: Checker, value: unknown, path: string): { written: string[]; codes: string[][] } | undefined {
  if (!c.expect(value, 'array', path)) return undefined;
  const list = value as unknown[];
  if (list.length === 0 || list.length > MAX_AREAS) {
    c.add('BAD_FIELD', path, list.length ? { zh: `最多写 ${MAX_AREAS} 个地区`, en: `at most ${MAX_AREAS} areas` } : { zh: '至少要写 1 个地区', en: 'at least one area is needed' });
    return undefined;
  }
  const written: string[] = [];
  const codes: string[][] = [];
  let good = true;
  list.forEach((item, i) => {
    if (!c.expect(item, 'string', `${path}[${i}]`)) return void (good = false);
    try {
      codes.push([...findArea(item as string).codes]);
      written.push((item as string).trim());
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      c.add('UNKNOWN_AREA', `${path}[${i}]`, error.text);
      good = false;
    }
  });
  return good ? { written, codes } : undefined;
}

const ROUTE_KINDS = ['ring', 'split', 'byArea', 'byTime'] as const;
const ORDERS: readonly RingOrder[] = ['in-order', 'rotating', 'random'];

type Read = { route: Route; node: PlanNode };

function readRoute(c: Checker, value: unknown, path: string, depth: number): Read | undefined {
  if (typeof value === 'string' || Array.isArray(value)) {
    const one = typeof value === 'string' ? readLanding(c, value, path) : undefined;
    const numbers = one ? [one] : Array.isArray(value) ? readNumbers(c, value, path) : undefined;
    if (!numbers) return undefined;
    return { route: { ring: numbers, order: 'in-order' }, node: { kind: 'ring', path, numbers, order: 'in-order' } };
  }
  if (!isObject(value)) {
    c.add('BAD_FIELD', path, {
      zh: `应为号码、号码组 { ring }、按比例 { split }、按地区 { byArea } 或按时间 { byTime }，收到 ${show(value)}`,
      en: `expected a number, a group { ring }, a split { split }, { byArea } or { byTime }, got ${show(value)}`,
    });
    return undefined;
  }
  const kinds = ROUTE_KINDS.filter((k) => k in value);
  if (kinds.length === 0 && 'number' in value) {
    const one = readLanding(c, value, path);
    return one ? { route: { ring: [one], order: 'in-order' }, node: { kind: 'ring', path, numbers: [one], order: 'in-order' } } : undefined;
  }
  if (kinds.length !== 1) {
    c.add('BAD_FIELD', path, {
      zh: kinds.length === 0 ? '要写 ring（号码组）、split（按比例）、byArea（按地区）或 byTime（按时间）之一' : `ring、split、byArea、byTime 只能写一个，这里有 ${kinds.join('、')}`,
      en: kinds.length === 0 ? 'write one of ring (a group), split (percentages), byArea or byTime' : `only one of ring, split, byArea, byTime, not ${kinds.join(', ')}`,
    });
    return undefined;
  }
  const kind = kinds[0]!;
  if (kind === 'ring') {
    c.onlyKeys(value, ['ring', 'order'], path);
    let order: RingOrder = 'in-order';
    if (value.order !== undefined && (typeof value.order !== 'string' || !ORDERS.includes(value.order as RingOrder))) {
      c.add('BAD_FIELD', `${path}.order`, { zh: `应为 in-order（顺序）、rotating（轮流）或 random（随机），收到 ${show(value.order)}`, en: `expected in-order, rotating or random, got ${show(value.order)}` });
    } else if (value.order !== undefined) order = value.order as RingOrder;
    const numbers = readNumbers(c, value.ring, `${path}.ring`);
    if (!numbers || (value.order !== undefined && !ORDERS.includes(value.order as RingOrder))) return undefined;
    return { route: { ring: numbers, order }, node: { kind: 'ring', path, numbers, order } };
  }
  if (depth >= MAX_DEPTH) {
    c.add('TOO_DEEP', path, { zh: `按地区、按时间、按比例最多嵌套 ${MAX_DEPTH} 层`, en: `by area, by time and by percentage nest at most ${MAX_DEPTH} deep` }, kind);
    return undefined;
  }
  if (kind === 'split') return readSplit(c, value, path, depth);
  if (kind === 'byArea') return readByArea(c, value, path, depth);
  return readByTime(c, value, path, depth);
}

function readOtherwise(c: Checker, value: Record<string, unknown>, path: string, depth: number): { read?: Read; good: boolean } {
  if (value.otherwise === undefined) return { good: true };
  const read = readRoute(c, value.otherwise, `${path}.otherwise`, depth + 1);
  return read ? { read, good: true } : { good: false };
}

function readSplit(c: Checker, value: Record<string, unknown>, path: string, depth: number): Read | undefined {
  c.onlyKeys(value, ['split'], path);
  const at = `${path}.split`;
  if (!c.expect(value.split, 'array', at)) return undefined;
  const list = value.split as unknown[];
  if (list.length === 0) return void c.add('BAD_FIELD', at, { zh: '至少要有 1 份', en: 'at least one share is needed' });
  if (list.length > 100) return void c.add('BAD_PERCENT', at, { zh: `最多 100 份（每份至少 1%），这里有 ${list.length} 份`, en: `at most 100 shares (each at least 1%), not ${list.length}` });
  let good = true;
  let percentsGood = true;
  let sum = 0;
  const branches: { percent: number; route: Route }[] = [];
  const nodes: PlanNode[] = [];
  list.forEach((item, i) => {
    const here = `${at}[${i}]`;
    if (!c.expect(item, 'object', here)) return void (percentsGood = false);
    const branch = item as Record<string, unknown>;
    c.onlyKeys(branch, ['percent', 'route'], here);
    const p = branch.percent;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 100) {
      c.add('BAD_PERCENT', `${here}.percent`, { zh: `比例应为 1 到 100 的整数（最小精确到 1%），收到 ${show(p)}`, en: `a share is a whole percent from 1 to 100, not ${show(p)}` });
      percentsGood = false;
    } else sum += p;
    const read = readRoute(c, branch.route, `${here}.route`, depth + 1);
    if (!read) return void (good = false);
    if (typeof p === 'number') branches.push({ percent: p, route: read.route });
    nodes.push(read.node);
  });
  if (percentsGood && sum !== 100) {
    c.add('PERCENT_SUM', at, { zh: `各份比例加起来应为 100%，现在是 ${sum}%`, en: `the shares add up to ${sum}%, not 100%` });
    percentsGood = false;
  }
  if (!good || !percentsGood) return undefined;
  return { route: { split: branches }, node: { kind: 'split', path, percents: branches.map((b) => b.percent), routes: nodes } };
}

function readByArea(c: Checker, value: Record<string, unknown>, path: string, depth: number): Read | undefined {
  c.onlyKeys(value, ['byArea', 'otherwise'], path);
  const at = `${path}.byArea`;
  if (!c.expect(value.byArea, 'array', at)) return void readOtherwise(c, value, path, depth);
  const list = value.byArea as unknown[];
  if (list.length === 0) return void c.add('BAD_FIELD', at, { zh: '至少要有 1 条', en: 'at least one rule is needed' });
  if (list.length > MAX_RULES) return void c.add('BAD_FIELD', at, { zh: `最多 ${MAX_RULES} 条，这里有 ${list.length} 条`, en: `at most ${MAX_RULES} rules, not ${list.length}` });
  let good = true;
  const rules: { areas: string[]; route: Route }[] = [];
  const nodes: PlanNode[] = [];
  const byCode = new Map<string, number>();
  const areaCodes: string[][] = [];
  list.forEach((item, i) => {
    const here = `${at}[${i}]`;
    if (!c.expect(item, 'object', here)) return void (good = false);
    const rule = item as Record<string, unknown>;
    c.onlyKeys(rule, ['areas', 'route'], here);
    const areas = readAreas(c, rule.areas, `${here}.areas`);
    const read = readRoute(c, rule.route, `${here}.route`, depth + 1);
    if (!areas || !read) return void (good = false);
    const mine = new Set<string>();
    areas.codes.forEach((codes, j) => {
      for (const code of codes) {
        const other = byCode.get(code);
        if (other !== undefined && other !== i) {
          c.add('AREA_OVERLAP', `${here}.areas[${j}]`, {
            zh: `“${areas.written[j]}”含区号 ${code}，与按地区第 ${other + 1} 条重叠：一个地区只能有一个去处`,
            en: `"${areas.written[j]}" includes ${code}, which area rule ${other + 1} also has: an area has one destination`,
          });
          good = false;
          return;
        }
        byCode.set(code, i);
        mine.add(code);
      }
    });
    rules.push({ areas: areas.written, route: read.route });
    nodes.push(read.node);
    areaCodes.push([...mine]);
  });
  const otherwise = readOtherwise(c, value, path, depth);
  if (!good || !otherwise.good) return undefined;
  const route: Route = otherwise.read ? { byArea: rules, otherwise: otherwise.read.route } : { byArea: rules };
  const node: PlanNode = { kind: 'area', path, byCode, areas: areaCodes, written: rules.map((r) => r.areas), routes: nodes, ...(otherwise.read ? { otherwise: otherwise.read.node } : {}) };
  return { route, node };
}

function readDays(c: Checker, value: unknown, path: string): DaySelector[] | undefined {
  if (value === undefined) return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const list = typeof value === 'string' ? [value] : value;
  if (!c.expect(list, 'array', path)) return undefined;
  if ((list as unknown[]).length === 0) return void c.add('BAD_DAYS', path, { zh: '至少要写 1 天', en: 'at least one day is needed' });
  const days: DaySelector[] = [];
  let good = true;
  (list as unknown[]).forEach((word, i) => {
    const found = typeof word === 'string' ? daySelectors(word) : undefined;
    if (!found) {
      c.add('BAD_DAYS', `${path}[${i}]`, {
        zh: `“${show(word)}”不是星期几：可写 周一 … 周日、周一至周五、工作日、休息日、节假日（或 mon … sun、mon-fri、workday、restday、holiday）`,
        en: `"${show(word)}" is not a day: write mon … sun, mon-fri, workday, restday or holiday (or 周一 … 周日, 周一至周五, 工作日, 休息日, 节假日)`,
      });
      good = false;
      return;
    }
    for (const d of found) if (!days.includes(d)) days.push(d);
  });
  return good ? days : undefined;
}

/** A slot's start and end in minutes, or undefined (with problems) when either is not a time of day. */
function readSpan(c: Checker, rule: Record<string, unknown>, path: string): { from: number; to: number } | undefined {
  const read = (key: 'from' | 'to', fallback: number) => {
    const v = rule[key];
    if (v === undefined) return fallback;
    const m = typeof v === 'string' ? clockMinutes(v, key === 'to') : undefined;
    if (m === undefined) {
      c.add('BAD_TIME', `${path}.${key}`, {
        zh: `“${show(v)}”不是有效的时刻：应为 HH:MM，从 00:00 到 23:59${key === 'to' ? '（结束也可写 24:00）' : ''}`,
        en: `"${show(v)}" is not a time of day: write HH:MM from 00:00 to 23:59${key === 'to' ? ' (or 24:00 for an end)' : ''}`,
      });
      return undefined;
    }
    // An end at :59 covers that minute, as forms write the whole day 00:00~23:59.
    return key === 'to' && m % 60 === 59 ? m + 1 : m;
  };
  const from = read('from', 0);
  const to = read('to', 1440);
  if (from === undefined || to === undefined) return undefined;
  // 18:00–00:00 ends at midnight.
  const end = to === 0 ? 1440 : to;
  if (from === end % 1440 && end !== 1440) {
    c.add('BAD_TIME', `${path}.to`, { zh: `开始和结束都是 ${clockText(from)}，这个时段是空的`, en: `the slot starts and ends at ${clockText(from)}: it is empty` });
    return undefined;
  }
  return { from, to: end };
}

function readByTime(c: Checker, value: Record<string, unknown>, path: string, depth: number): Read | undefined {
  c.onlyKeys(value, ['byTime', 'otherwise'], path);
  const at = `${path}.byTime`;
  if (!c.expect(value.byTime, 'array', at)) return void readOtherwise(c, value, path, depth);
  const list = value.byTime as unknown[];
  if (list.length === 0) return void c.add('BAD_FIELD', at, { zh: '至少要有 1 条', en: 'at least one rule is needed' });
  if (list.length > MAX_RULES) return void c.add('BAD_FIELD', at, { zh: `最多 ${MAX_RULES} 条，这里有 ${list.length} 条`, en: `at most ${MAX_RULES} rules, not ${list.length}` });
  let good = true;
  const rules: TimeRule[] = [];
  const nodes: PlanNode[] = [];
  const slots: Slot[] = [];
  list.forEach((item, i) => {
    const here = `${at}[${i}]`;
    if (!c.expect(item, 'object', here)) return void (good = false);
    const rule = item as Record<string, unknown>;
    c.onlyKeys(rule, ['days', 'from', 'to', 'route'], here);
    const days = readDays(c, rule.days, `${here}.days`);
    const span = readSpan(c, rule, here);
    const read = readRoute(c, rule.route, `${here}.route`, depth + 1);
    if (!days || !span || !read) return void (good = false);
    rules.push({ days, from: clockText(span.from), to: clockText(span.to), route: read.route });
    nodes.push(read.node);
    slots.push({ days, ...span });
  });
  const otherwise = readOtherwise(c, value, path, depth);
  if (!good || !otherwise.good) return undefined;
  const before = c.problems.length;
  const plan = buildTimeTable(slots);
  for (const o of plan.overlaps) {
    c.add(
      'TIME_OVERLAP',
      `${at}[${o.b}]`,
      {
        zh: `与按时间第 ${o.a + 1} 条在${dayTypesLabel([o.type]).zh} ${spanLabel(o.from, o.to)} 重叠：同一时刻只能有一个去处`,
        en: `overlaps time rule ${o.a + 1} on ${dayTypesLabel([o.type]).en} ${spanLabel(o.from, o.to)}: a minute has one destination`,
      },
      'days',
    );
  }
  for (const i of plan.unreachable) {
    c.add('UNREACHABLE', `${at}[${i}]`, { zh: '这一条永远用不上：它的时段都已被节假日或工作日/休息日的规则占用', en: 'this rule never applies: rules for holidays or working/rest days take all its times' }, 'days');
  }
  if (!otherwise.read) {
    const gaps = describeGaps(plan);
    if (gaps.length) {
      c.add(
        'TIME_GAP',
        at,
        {
          zh: `这些时间没有去处：${gaps.map((g) => g.zh).join('；')}。请补上时段，或用 otherwise 写其余时间转到哪里`,
          en: `these times have no destination: ${gaps.map((g) => g.en).join('; ')}. Add slots, or say where the rest go with otherwise`,
        },
        'byTime',
      );
    }
  }
  if (c.problems.length > before) return undefined;
  const route: Route = otherwise.read ? { byTime: rules, otherwise: otherwise.read.route } : { byTime: rules };
  const node: PlanNode = { kind: 'time', path, table: plan.table, rules, routes: nodes, ...(otherwise.read ? { otherwise: otherwise.read.node } : {}) };
  return { route, node };
}

const FORWARD_ON: readonly ForwardCondition[] = ['busy', 'no-answer'];
const TOP_KEYS = ['number', 'customer', 'route', 'ringSeconds', 'forwarding', 'blocking', 'password', 'cap'];

function readForwarding(c: Checker, value: unknown): RoutingRules['forwarding'] | null {
  if (value === undefined) return undefined;
  if (!c.expect(value, 'object', 'forwarding')) return null;
  const f = value as Record<string, unknown>;
  c.onlyKeys(f, ['numbers', 'on'], 'forwarding');
  let on: ForwardCondition[] = [...FORWARD_ON];
  let good = true;
  if (f.on !== undefined) {
    const list = typeof f.on === 'string' ? [f.on] : f.on;
    if (!Array.isArray(list) || list.length === 0 || list.some((x) => !FORWARD_ON.includes(x as ForwardCondition))) {
      c.add('BAD_FIELD', 'forwarding.on', { zh: `应为 busy（遇忙）、no-answer（无应答）或两者，收到 ${show(f.on)}`, en: `expected busy, no-answer or both, got ${show(f.on)}` });
      good = false;
    } else on = FORWARD_ON.filter((x) => list.includes(x));
  }
  const numbers = readNumbers(c, f.numbers, 'forwarding.numbers');
  return numbers && good ? { numbers, on } : null;
}

function readBlocking(c: Checker, value: unknown): { rules: NonNullable<RoutingRules['blocking']>; codes: Set<string> } | null | undefined {
  if (value === undefined) return undefined;
  if (!c.expect(value, 'object', 'blocking')) return null;
  const b = value as Record<string, unknown>;
  c.onlyKeys(b, ['mode', 'areas'], 'blocking');
  const modeGood = b.mode === 'allow' || b.mode === 'deny';
  if (!modeGood) c.add('BAD_FIELD', 'blocking.mode', { zh: `应为 allow（只接听这些地区）或 deny（不接听这些地区），收到 ${show(b.mode)}`, en: `expected allow (only these areas) or deny (not these areas), got ${show(b.mode)}` });
  const areas = readAreas(c, b.areas, 'blocking.areas');
  if (!areas || !modeGood) return null;
  return { rules: { mode: b.mode as 'allow' | 'deny', areas: areas.written }, codes: new Set(areas.codes.flat()) };
}

function readCap(c: Checker, value: unknown): RoutingRules['cap'] | null {
  if (value === undefined) return undefined;
  if (!c.expect(value, 'object', 'cap')) return null;
  const cap = value as Record<string, unknown>;
  c.onlyKeys(cap, ['monthlyCost', 'monthlyCalls'], 'cap');
  let good = true;
  const out: NonNullable<RoutingRules['cap']> = {};
  if (cap.monthlyCost === undefined && cap.monthlyCalls === undefined) {
    c.add('BAD_CAP', 'cap', { zh: '要写 monthlyCost（每月费用上限，元）或 monthlyCalls（每月接通次数上限）', en: 'write monthlyCost (yuan a month) or monthlyCalls (answered calls a month)' }, 'cap');
    return null;
  }
  if (cap.monthlyCost !== undefined) {
    const v = cap.monthlyCost;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_CAP_COST || Math.round(v * 100) !== Number((v * 100).toFixed(6))) {
      c.add('BAD_CAP', 'cap.monthlyCost', { zh: `每月费用上限应为大于 0 的金额（元，精确到分），收到 ${show(v)}`, en: `a monthly cost cap is an amount in yuan above 0, to the fen, not ${show(v)}` });
      good = false;
    } else out.monthlyCost = v;
  }
  if (cap.monthlyCalls !== undefined) {
    const v = cap.monthlyCalls;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      c.add('BAD_CAP', 'cap.monthlyCalls', { zh: `每月接通次数上限应为正整数，收到 ${show(v)}`, en: `a monthly call cap is a whole number above 0, not ${show(v)}` });
      good = false;
    } else out.monthlyCalls = v;
  }
  return good ? out : null;
}

/** Area rules whose areas the blocking never lets through. */
function checkReachable(c: Checker, node: PlanNode, blocking: { mode: 'allow' | 'deny'; codes: ReadonlySet<string> } | undefined): void {
  if (node.kind === 'ring') return;
  if (node.kind === 'area' && !node.otherwise) {
    const open = blocking?.mode === 'allow' ? [...blocking.codes].filter((code) => !node.byCode.has(code)) : ['*'];
    if (open.length) {
      c.add(
        'AREA_GAP',
        `${node.path}.byArea`,
        {
          zh: `没有写其余地区的来电转到哪里${open[0] === '*' ? '' : `（如 ${open.slice(0, 3).join('、')}）`}：请用 otherwise 写上，或用呼叫阻截只接听这些地区`,
          en: `calls from other areas${open[0] === '*' ? '' : ` (such as ${open.slice(0, 3).join(', ')})`} have no destination: add otherwise, or let only these areas through with blocking`,
        },
        'otherwise',
      );
    }
  }
  if (node.kind === 'area' && blocking) {
    node.areas.forEach((codes, i) => {
      const blocked = codes.every((code) => blocking.codes.has(code) === (blocking.mode === 'deny'));
      if (blocked) {
        c.add(
          'UNREACHABLE',
          `${node.path}.byArea[${i}]`,
          { zh: '这一条永远用不上：它的地区都被呼叫阻截挡在外面', en: 'this rule never applies: call blocking refuses all its areas' },
          'areas',
        );
      }
    });
  }
  for (const child of [...node.routes, ...('otherwise' in node && node.otherwise ? [node.otherwise] : [])]) checkReachable(c, child, blocking);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Checks a rule set (the 受理单's 转接规则) as written, e.g. parsed from JSON, and answers either the
 * rules in canonical form or every problem found, each naming its rule and field in Chinese and English:
 * numbers that cannot ring (a 400 number, a fixed line without its area code, an area code the table
 * does not have, a local number of the wrong length), forwarding lists of more than 10, unknown areas,
 * areas in two rules, times like 25:00, overlapping slots, times a plan leaves with no destination and no
 * `otherwise`, percentages that are not whole or do not add up to 100, rules that can never apply. Never
 * throws on any value.
 */
export function checkRoutingRules(value: unknown): RoutingCheck {
  const c = new Checker();
  if (!isObject(value)) {
    c.add('BAD_FIELD', '', { zh: `转接规则应为对象 { route, forwarding, blocking, password, cap }，收到 ${show(value)}`, en: `the rules are an object { route, forwarding, blocking, password, cap }, got ${show(value)}` }, 'rules');
    return { ok: false, problems: c.problems };
  }
  c.onlyKeys(value, TOP_KEYS, '');
  const rules: Partial<RoutingRules> = {};
  if (value.number !== undefined) {
    try {
      rules.number = parse(value.number as string).digits;
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      c.add('BAD_FIELD', 'number', { zh: `不是有效的 400 号码：${show(value.number)}`, en: error.message });
    }
  }
  if (value.customer !== undefined && c.expect(value.customer, 'string', 'customer')) {
    const customer = (value.customer as string).trim();
    if (customer.length > 100) c.add('BAD_FIELD', 'customer', { zh: '客户名称最多 100 个字', en: 'the customer name has at most 100 characters' });
    else if (customer) rules.customer = customer;
  }
  const read = value.route === undefined ? (c.add('BAD_FIELD', 'route', { zh: '缺少 route：来电转到哪里', en: 'missing route: where calls go' }), undefined) : readRoute(c, value.route, 'route', 0);
  rules.ringSeconds = DEFAULT_RING_SECONDS;
  if (value.ringSeconds !== undefined) {
    const s = value.ringSeconds;
    if (typeof s !== 'number' || !Number.isInteger(s) || s < RING_SECONDS[0] || s > RING_SECONDS[1]) {
      c.add('BAD_FIELD', 'ringSeconds', { zh: `振铃时长应为 ${RING_SECONDS[0]} 到 ${RING_SECONDS[1]} 秒的整数，收到 ${show(s)}`, en: `the ring time is a whole ${RING_SECONDS[0]} to ${RING_SECONDS[1]} seconds, not ${show(s)}` });
    } else rules.ringSeconds = s;
  }
  const forwarding = readForwarding(c, value.forwarding);
  const blocking = readBlocking(c, value.blocking);
  if (value.password !== undefined) {
    if (typeof value.password !== 'string' || !PASSWORD.test(value.password)) {
      c.add('BAD_PASSWORD', 'password', { zh: `密码应为 4 到 8 位数字（写成文字，如 "0618"），收到 ${show(value.password)}`, en: `a password is 4 to 8 digits, written as a string ("0618"), not ${show(value.password)}` }, 'password');
    } else rules.password = value.password;
  }
  const cap = readCap(c, value.cap);
  if (read) checkReachable(c, read.node, blocking ? { mode: blocking.rules.mode, codes: blocking.codes } : undefined);
  if (c.problems.length || !read) return { ok: false, problems: c.problems };
  rules.route = read.route;
  if (forwarding) rules.forwarding = forwarding;
  if (blocking) rules.blocking = blocking.rules;
  if (cap) rules.cap = cap;
  const ordered = Object.fromEntries(TOP_KEYS.filter((k) => k in rules).map((k) => [k, rules[k as keyof RoutingRules]])) as unknown as RoutingRules;
  deepFreeze(ordered);
  PLANS.set(ordered, { rules: ordered, root: read.node, ...(blocking ? { blocking: { mode: blocking.rules.mode, codes: blocking.codes } } : {}) });
  return { ok: true, rules: ordered };
}

/** The problems of a refused rule set as one error's text: the count, then each problem. */
function problemsText(problems: readonly RoutingProblem[]): LocalText {
  return {
    zh: `转接规则有 ${problems.length} 处问题：${problems.map((p, i) => `（${i + 1}）${p.message.zh}`).join('')}`,
    en: `the routing rules have ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.map((p, i) => `(${i + 1}) ${p.message.en}`).join(' ')}`,
  };
}

/** The error {@link parseRoutingRules} throws: BAD_ROUTING, with every problem. */
export class RoutingRulesError extends Vanity400Error {
  /** Every problem found, as {@link checkRoutingRules} lists them. */
  readonly problems: readonly RoutingProblem[];

  /** `field`: where the rules were given, e.g. an order's `routing`. */
  constructor(problems: readonly RoutingProblem[], input: unknown, field?: string) {
    super('BAD_ROUTING', problemsText(problems), { input, ...(field === undefined ? {} : { field }) });
    this.name = 'RoutingRulesError';
    this.problems = problems;
  }
}

/** The rules in canonical form, as {@link checkRoutingRules} gives them; a refused rule set throws a {@link RoutingRulesError} (BAD_ROUTING) listing every problem. */
export function parseRoutingRules(value: unknown): RoutingRules {
  // checkRoutingRules answers anything; the functions that need rules refuse a value that is no object at all as a wrong type.
  if (!isObject(value)) throw invalidType('rules', '转接规则对象 { route, forwarding, blocking, password, cap }', 'an object { route, forwarding, blocking, password, cap }', value);
  const check = checkRoutingRules(value);
  if (!check.ok) throw new RoutingRulesError(check.problems, value);
  return check.rules;
}
