import { weekdaysAssumedNote } from '../calendar/working-days.js';
import { guardFields, guardNumber, guardObject, guardOptions, quoted } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { areaCodeInfo, areaCodeLabel, findArea } from './areas.js';
import { DAY_NAMES, WEEK, callTimeLabel, parseCallTime, type CallTime } from './call-time.js';
import { parseRoutingRules, planOf, type Plan, type PlanNode } from './check.js';
import { readPhoneNumber, type PhoneNumber } from './phone-number.js';
import type { ForwardCondition, Landing, RoutingRules } from './rules.js';
import { DAY_TYPES, dayType, slotLabel } from './time-plan.js';

/** A call to route: who calls, when, and what the platform knows of this month. */
export interface Call {
  /** The caller's number: a fixed line (its area comes from its code), a mobile, or an area code alone (021). */
  from?: string;
  /** The caller's area (an area code or a city), for a mobile or a hidden number; it wins over the number's own. */
  area?: string;
  /** When the call comes in: a Date, epoch ms, an ISO time with offset, "2026-03-07 14:00" (Beijing) or "周六 14:00". */
  at: Date | number | string;
  /** The digits the caller keyed in, when the line has a password. */
  password?: string;
  /** This month so far, for the cap: answered calls, and cost in yuan. */
  usage?: {
    /** Answered calls this month. */
    calls?: number;
    /** Cost this month, yuan. */
    cost?: number;
  };
}

/** What a router remembers between calls: where each rotating group starts next, and the random generator. Plain JSON. */
export interface RoutingState {
  /** By group (its path in the rules): the index of the number that rings first on the next call. */
  rotation: Record<string, number>;
  /** The random generator's 32-bit state, for random groups and percentage splits. */
  random: number;
}

/** Options of {@link route}. */
export interface RouteOptions {
  /** The state after the previous call (its decision's `state`); a fresh one from `seed` when left out. */
  state?: RoutingState;
  /** Seeds a fresh state's random generator (default 1): the same seed, rules and calls give the same answers. */
  seed?: number;
}

/** Why a call is not put through. */
export type RefusalReason = 'blocked' | 'area-unknown' | 'cap-reached' | 'password-missing' | 'password-wrong';

/** One number a call rings, in the order tried. */
export interface RouteAttempt {
  /** The canonical number, 021-61234567 or 13800138000. */
  number: string;
  /** For people: 021-6123 4567. */
  display: string;
  /** The customer's name for it. */
  label?: string;
  /** Chosen by the route, or from the forwarding list. */
  via: 'route' | 'forwarding';
}

/** A rule that led to the first number, from the top. */
export interface RouteStep {
  /** Its path in the rules: route.byArea[0]. */
  path: string;
  /** In words: 按地区第 1 条（上海） / area rule 1 (上海). */
  rule: LocalText;
}

/** What {@link route} answers for one call. */
export interface RouteDecision {
  /** Whether the call is put through to the numbers in `attempts`. */
  connected: boolean;
  /** Why it is not, when it is not. */
  refused?: {
    /** Stable, to branch on. */
    reason: RefusalReason;
    /** In words. */
    message: LocalText;
  };
  /** The numbers in the order they ring: the first first, each next one when the one before is busy or unanswered (as `forwardOn` says). Empty when refused. */
  attempts: RouteAttempt[];
  /** Seconds each rings before it counts as unanswered. */
  ringSeconds: number;
  /** When the call moves on to the next number. */
  forwardOn: ForwardCondition[];
  /** The rules that chose the first number, from the top. */
  steps: RouteStep[];
  /** The caller as the router saw it. */
  caller: {
    /** The caller's number, canonical, when given. */
    number?: string;
    /** The area code the rules went by, when known. */
    areaCode?: string;
    /** The area in words: 上海（021） / Shanghai (021); 地区未知 / unknown area. */
    area: LocalText;
  };
  /** When, in Beijing time. */
  time: CallTime;
  /** The whole answer in a sentence: 周六 14:00 从上海（021）打入：先转 021-6123 4567，占线或 20 秒无人接听则转 138 0013 8000。 */
  explanation: LocalText;
  /** What the answer assumed: no date given, a year without a holiday schedule, an unknown caller area. */
  notes: LocalText[];
  /** The state to pass to the next call. */
  state: RoutingState;
}

const TWO_32 = 4_294_967_296;

/** splitmix32: the next state and a uniform number in [0, 1). */
function nextRandom(state: number): [number, number] {
  const s = (state + 0x9e3779b9) >>> 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z = (z ^ (z >>> 16)) >>> 0;
  return [s, z / TWO_32];
}

/** A fresh routing state: every rotating group starts at its first number, the random generator at `seed`. */
export function initialRoutingState(seed = 1): RoutingState {
  guardNumber(seed, 'initialRoutingState(): seed');
  if (!Number.isSafeInteger(seed)) throw new Vanity400Error('BAD_ARGUMENT', { zh: `随机种子应为整数，收到 ${quoted(seed)}`, en: `a seed is a whole number, not ${quoted(seed)}` }, { input: seed });
  return { rotation: {}, random: seed >>> 0 };
}

function badCall(zh: string, en: string, input: unknown): never {
  throw new Vanity400Error('BAD_CALL', { zh: `来电信息有误：${zh}`, en: `the call is not valid: ${en}` }, { input });
}

function readState(state: unknown): RoutingState {
  const s = state as RoutingState;
  if (s === null || typeof s !== 'object' || typeof s.random !== 'number' || !Number.isInteger(s.random) || s.rotation === null || typeof s.rotation !== 'object') {
    throw new Vanity400Error('BAD_ARGUMENT', { zh: '路由状态应为上一次 route() 返回的 state', en: 'a routing state is the state a previous route() returned' }, { input: state });
  }
  return { rotation: { ...s.rotation }, random: s.random >>> 0 };
}

/** The caller's number and area code from what the call says. */
function readCaller(call: Call): { phone?: PhoneNumber; areaCode?: string } {
  let phone: PhoneNumber | undefined;
  let areaCode: string | undefined;
  if (call.from !== undefined) {
    if (typeof call.from !== 'string') badCall('from 应为号码', 'from is a phone number', call.from);
    const reading = readPhoneNumber(call.from);
    if (reading.ok) {
      phone = reading.value;
      areaCode = phone.areaCode;
    } else if (/^\s*0?\d{2,3}\s*$/.test(call.from)) {
      try {
        areaCode = findArea(call.from).codes[0];
      } catch (error) {
        if (!(error instanceof Vanity400Error)) throw error;
        badCall(`from：${error.text.zh}`, `from: ${error.text.en}`, call.from);
      }
    } else badCall(`主叫号码 ${JSON.stringify(call.from)} 无效：${reading.why.zh}`, `caller ${JSON.stringify(call.from)}: ${reading.why.en}`, call.from);
  }
  if (call.area !== undefined) {
    let found;
    try {
      found = findArea(call.area);
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      badCall(`area：${error.text.zh}`, `area: ${error.text.en}`, call.area);
    }
    if (found.codes.length !== 1) badCall(`主叫地区“${call.area}”是一个省，请写城市或区号`, `caller area "${call.area}" is a province: write a city or an area code`, call.area);
    areaCode = found.codes[0];
  }
  return { ...(phone ? { phone } : {}), ...(areaCode ? { areaCode } : {}) };
}

function usageOf(call: Call): { calls: number; cost: number } {
  const u = call.usage ?? {};
  if (typeof u !== 'object' || u === null) badCall('usage 应为 { calls, cost }', 'usage is { calls, cost }', u);
  const read = (v: unknown, what: string) => {
    if (v === undefined) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) badCall(`usage.${what} 应为不小于 0 的数`, `usage.${what} is a number of at least 0`, v);
    return v;
  };
  return { calls: read(u.calls, 'calls'), cost: read(u.cost, 'cost') };
}

/** Areas as written in the rules, in words: names as written (in English, the table's names), codes with their city. */
export function areaText(areas: readonly string[], lang: 'zh' | 'en'): string {
  return areas.map((a) => (lang === 'zh' && !/^\d+$/.test(a) ? a : findArea(a).label[lang])).join(lang === 'zh' ? '、' : ', ');
}

/** The refusal, if any, before the route is walked: blocking, then the cap, then the password. */
function refusalOf(plan: Plan, call: Call, areaCode: string | undefined): RouteDecision['refused'] {
  const { rules, blocking } = plan;
  if (blocking) {
    const listed = areaCode !== undefined && blocking.codes.has(areaCode);
    if (blocking.mode === 'allow' && areaCode === undefined) {
      return { reason: 'area-unknown', message: { zh: `不知道主叫地区，而这条线只接听${areaText(rules.blocking!.areas, 'zh')}的来电`, en: `the caller's area is unknown, and the line takes calls only from ${areaText(rules.blocking!.areas, 'en')}` } };
    }
    if (blocking.mode === 'allow' && !listed) {
      return { reason: 'blocked', message: { zh: `设了呼叫阻截，只接听${areaText(rules.blocking!.areas, 'zh')}的来电`, en: `call blocking: only calls from ${areaText(rules.blocking!.areas, 'en')} are taken` } };
    }
    if (blocking.mode === 'deny' && listed) {
      const which = rules.blocking!.areas.filter((a) => findArea(a).codes.includes(areaCode!));
      return { reason: 'blocked', message: { zh: `设了呼叫阻截，不接听${areaText(which, 'zh')}的来电`, en: `call blocking: calls from ${areaText(which, 'en')} are refused` } };
    }
  }
  if (rules.cap) {
    const usage = usageOf(call);
    if (rules.cap.monthlyCalls !== undefined && usage.calls >= rules.cap.monthlyCalls) {
      return { reason: 'cap-reached', message: { zh: `本月已接通 ${usage.calls} 次，达到每月 ${rules.cap.monthlyCalls} 次的上限`, en: `${usage.calls} calls answered this month reach the cap of ${rules.cap.monthlyCalls} a month` } };
    }
    if (rules.cap.monthlyCost !== undefined && usage.cost >= rules.cap.monthlyCost) {
      return { reason: 'cap-reached', message: { zh: `本月费用 ${usage.cost} 元，达到每月 ${rules.cap.monthlyCost} 元的上限`, en: `this month's cost of ${usage.cost} yuan reaches the cap of ${rules.cap.monthlyCost} yuan a month` } };
    }
  } else usageOf(call);
  if (rules.password !== undefined) {
    if (call.password === undefined || call.password === '') return { reason: 'password-missing', message: { zh: '这条线要先输入专用密码才能接通', en: 'the line needs its password before it connects' } };
    if (call.password !== rules.password) return { reason: 'password-wrong', message: { zh: '专用密码不对', en: 'the password is wrong' } };
  }
  return undefined;
}

/** Walks the plan to a group of numbers; returns the group's numbers in the order they ring, and the steps taken. */
function walk(plan: Plan, areaCode: string | undefined, time: CallTime, state: RoutingState): { numbers: Landing[]; steps: RouteStep[] } {
  const steps: RouteStep[] = [];
  const type = time.date ? dayType(time.weekday, time.day) : time.weekday;
  let node: PlanNode = plan.root;
  for (;;) {
    if (node.kind === 'ring') {
      const n = node.numbers.length;
      let start = 0;
      if (node.order === 'rotating') {
        start = (state.rotation[node.path] ?? 0) % n;
        state.rotation[node.path] = (start + 1) % n;
      } else if (node.order === 'random') {
        const [next, u] = nextRandom(state.random);
        state.random = next;
        start = Math.floor(u * n);
      }
      return { numbers: [...node.numbers.slice(start), ...node.numbers.slice(0, start)], steps };
    }
    if (node.kind === 'split') {
      const [next, u] = nextRandom(state.random);
      state.random = next;
      const draw = u * 100;
      let i = 0;
      for (let sum = node.percents[0]!; draw >= sum && i < node.percents.length - 1; sum += node.percents[++i]!);
      steps.push({ path: `${node.path}.split[${i}]`, rule: { zh: `按比例第 ${i + 1} 份（${node.percents[i]}%）`, en: `share ${i + 1} (${node.percents[i]}%)` } });
      node = node.routes[i]!;
      continue;
    }
    if (node.kind === 'area') {
      const i = areaCode === undefined ? undefined : node.byCode.get(areaCode);
      if (i !== undefined) {
        const areas = node.written[i]!;
        steps.push({ path: `${node.path}.byArea[${i}]`, rule: { zh: `按地区第 ${i + 1} 条（${areaText(areas, 'zh')}）`, en: `area rule ${i + 1} (${areaText(areas, 'en')})` } });
        node = node.routes[i]!;
      } else {
        // The checker saw to it that an area plan without otherwise only meets areas it names.
        steps.push({ path: `${node.path}.otherwise`, rule: { zh: '按地区：其余地区', en: 'by area: other areas' } });
        node = node.otherwise!;
      }
      continue;
    }
    const i = node.table[Math.min(type, DAY_TYPES - 1) * 1440 + time.minute]!;
    if (i >= 0) {
      const rule = node.rules[i]!;
      const slot = slotLabel(rule);
      steps.push({ path: `${node.path}.byTime[${i}]`, rule: { zh: `按时间第 ${i + 1} 条（${slot.zh}）`, en: `time rule ${i + 1} (${slot.en})` } });
      node = node.routes[i]!;
    } else {
      steps.push({ path: `${node.path}.otherwise`, rule: { zh: '按时间：其余时间', en: 'by time: other times' } });
      node = node.otherwise!;
    }
  }
}

function usesCalendar(node: PlanNode): boolean {
  if (node.kind === 'ring') return false;
  if (node.kind === 'time' && node.rules.some((r) => r.days.some((d) => d === 'workday' || d === 'restday' || d === 'holiday'))) return true;
  return [...node.routes, ...(node.kind !== 'split' && node.otherwise ? [node.otherwise] : [])].some(usesCalendar);
}

function usesArea(node: PlanNode): boolean {
  if (node.kind === 'ring') return false;
  return node.kind === 'area' || [...node.routes, ...(node.kind !== 'split' && node.otherwise ? [node.otherwise] : [])].some(usesArea);
}

function displayOf(number: string): string {
  const reading = readPhoneNumber(number);
  return reading.ok ? reading.value.display : number;
}

/**
 * Routes one call by the rules, as the 400 platform would: blocking first, then the monthly cap, then
 * the password; then the route from the top (by area, by time, by percentage) to a group of numbers, which
 * ring in the group's order and then down the forwarding list. Answers which number rings first, the ordered
 * fallback when it is busy or unanswered, or why the call is refused, with a sentence in Chinese and
 * English. In-order and rotating groups are deterministic (the rotation is in the state); random groups and
 * percentages draw from the state's seeded generator. `rules` is anything {@link checkRoutingRules} accepts
 * (checked rules are not checked again); a bad rule set throws BAD_ROUTING, a bad call BAD_CALL or BAD_TIME.
 */
export function route(rules: RoutingRules | unknown, call: Call, options: RouteOptions = {}): RouteDecision {
  const plan = planOf(rules) ?? planOf(parseRoutingRules(rules))!;
  guardOptions(options, 'route(): options');
  guardFields(options, 'route(): options', { state: 'object?', seed: 'number?' });
  guardObject(call, 'route(): call', '来电 { from, area, at, password, usage }', 'a call { from, area, at, password, usage }');
  guardFields(call, 'route(): call', { from: 'string?', area: 'string?', at: 'string|number|object', password: 'string?', usage: 'object?' });
  if (call.at === undefined) badCall('缺少来电时间 at', 'the call time (at) is missing', call);
  const state = options.state !== undefined ? readState(options.state) : initialRoutingState(options.seed ?? 1);
  const { phone, areaCode } = readCaller(call);
  const time = parseCallTime(call.at);
  const entry = areaCode === undefined ? undefined : areaCodeInfo(areaCode);
  const area: LocalText = entry ? areaCodeLabel(entry) : { zh: '未知地区', en: 'an unknown area' };
  const caller = { ...(phone ? { number: phone.number } : {}), ...(areaCode ? { areaCode } : {}), area };
  const notes: LocalText[] = [];
  if (!time.date && usesCalendar(plan.root)) notes.push({ zh: `没有给日期：按普通的${DAY_NAMES[WEEK[(time.weekday + 6) % 7]!].zh}算，未考虑节假日和调休`, en: `no date given: taken as an ordinary ${DAY_NAMES[WEEK[(time.weekday + 6) % 7]!].en}, without holidays or make-up days` });
  if (time.date && !time.known) notes.push(weekdaysAssumedNote(Number(time.date.slice(0, 4))));
  if (areaCode === undefined && usesArea(plan.root)) notes.push({ zh: '不知道主叫地区，按其余地区处理', en: "the caller's area is unknown: routed as other areas" });
  const when = callTimeLabel(time);
  const from = phone && phone.kind === 'mobile' ? { zh: `${area.zh}的手机 ${phone.display} `, en: `the mobile ${phone.display} in ${area.en}` } : area;
  const ringSeconds = plan.rules.ringSeconds;
  const forwardOn = plan.rules.forwarding?.on ?? ['busy', 'no-answer'];
  const refused = refusalOf(plan, call, areaCode);
  if (refused) {
    return {
      connected: false,
      refused,
      attempts: [],
      ringSeconds,
      forwardOn,
      steps: [],
      caller,
      time,
      explanation: { zh: `${when.zh} 从${from.zh}打入：接不通。${refused.message.zh}。`, en: `${when.en}, from ${from.en}: not put through (${refused.message.en}).` },
      notes,
      state,
    };
  }
  const { numbers, steps } = walk(plan, areaCode, time, state);
  const attempts: RouteAttempt[] = numbers.map((n) => ({ number: n.number, display: displayOf(n.number), ...(n.label ? { label: n.label } : {}), via: 'route' as const }));
  for (const n of plan.rules.forwarding?.numbers ?? []) {
    if (!attempts.some((a) => a.number === n.number)) attempts.push({ number: n.number, display: displayOf(n.number), ...(n.label ? { label: n.label } : {}), via: 'forwarding' });
  }
  const named = (a: RouteAttempt, lang: 'zh' | 'en') => (a.label ? (lang === 'zh' ? `${a.display}（${a.label}）` : `${a.display} (${a.label})`) : a.display);
  const [first, ...rest] = attempts as [RouteAttempt, ...RouteAttempt[]];
  const condition = {
    zh: forwardOn.length === 2 ? `占线或 ${ringSeconds} 秒无人接听` : forwardOn[0] === 'busy' ? '占线' : `${ringSeconds} 秒无人接听`,
    en: forwardOn.length === 2 ? `if busy or unanswered after ${ringSeconds} s` : forwardOn[0] === 'busy' ? 'if busy' : `if unanswered after ${ringSeconds} s`,
  };
  const then = rest.length
    ? { zh: `，${condition.zh}则${rest.length > 1 ? '依次' : ''}转 ${rest.map((a) => named(a, 'zh')).join('、')}`, en: `; ${condition.en}, then ${rest.map((a) => named(a, 'en')).join(', then ')}` }
    : { zh: '', en: '' };
  return {
    connected: true,
    attempts,
    ringSeconds,
    forwardOn,
    steps,
    caller,
    time,
    explanation: { zh: `${when.zh} 从${from.zh}打入：先转 ${named(first, 'zh')}${then.zh}。`, en: `${when.en}, from ${from.en}: rings ${named(first, 'en')} first${then.en}.` },
    notes,
    state,
  };
}
