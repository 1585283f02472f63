/**
 * The inventory's rules, once: what a well-formed agent, reservation, customer and hold time are, what
 * each operation may do in each state, and every refusal's code and wording in Chinese and English.
 * Every store (memory, SQLite, Redis, whose Lua scripts report facts that are worded here) and the
 * importer use these, so a rule or a sentence is never written twice.
 */
import { Vanity400Error, type ErrorCode, type LocalText } from '../errors/vanity400-error.js';
import { beijingTime } from '../calendar/working-days.js';
import { guardFields, invalidType } from '../errors/guards.js';
import { parse } from '../number/parse.js';
import { checkLicence } from './licence.js';
import { NUMBER_STATUSES } from './types.js';
import type { Agent, NumberState, NumberStatus } from './types.js';

/** How many conflicting numbers an error message lists before "and N more". */
export const SHOWN = 20;
/** The largest quota an agent may have. */
export const MAX_QUOTA = 10_000_000;
/** The longest hold: 366 days, in ms. */
export const MAX_TTL = 366 * 24 * 3600 * 1000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const both = (zh: string, en: string): LocalText => ({ zh, en });

/** A value quoted for an error message, cut to 60 characters so a huge argument cannot flood it. */
export function quoteInput(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** A name in a Chinese sentence: “张三”. */
function zhQuote(value: unknown): string {
  const text = quoteInput(value);
  return `“${JSON.parse(text) as string}”`;
}

/** "4006123000" → "4006-123-000". */
export function showNumber(digits: string): string {
  if (typeof digits !== 'string') throw wrongType('showNumber(): digits', STRING, digits);
  return `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
}

/** "a, b, c" or "a, b, … (first 20 of 57)"; `total` when `items` holds only the first of them. */
export function sample(items: readonly string[], shown = SHOWN, total = items.length): LocalText {
  const head = items.slice(0, shown);
  return total > shown
    ? both(`${head.join('、')}……（共 ${total} 个，列出前 ${shown} 个）`, `${head.join(', ')}, … (first ${shown} of ${total})`)
    : both(head.join('、'), head.join(', '));
}

/** The 10 digits of a number; parse() errors (INVALID_TYPE, WRONG_LENGTH, ...) pass through. */
export function digitsOf(number: unknown): string {
  return parse(number as string).digits;
}

/** Zero numbers in every status. */
export function emptyCounts(): Record<NumberStatus, number> {
  return { available: 0, held: 0, sold: 0, withdrawn: 0 };
}

/** Whether a value is one of {@link NUMBER_STATUSES}. */
export function isStatus(value: unknown): value is NumberStatus {
  return (NUMBER_STATUSES as readonly unknown[]).includes(value);
}

/** INVALID_TYPE naming the argument of a store method that got the wrong kind of value (the one wording of guards.ts). */
export function wrongType(what: string, expected: LocalText, value: unknown): Vanity400Error {
  return invalidType(what, expected.zh, expected.en, value);
}
/** The argument guards, for the library's other entries (which import the core by its package name). */
export { guardFields, guardKind, guardOptions } from '../errors/guards.js';
const STRING = { zh: '字符串', en: 'a string' };
const OBJECT = { zh: '对象', en: 'an object' };

// ---- checks of arguments ----

function badAgent(text: LocalText, input: unknown): Vanity400Error {
  return new Vanity400Error('BAD_AGENT', both(`代理商信息有误：${text.zh}。`, `Invalid agent: ${text.en}.`), { input });
}

/** An agent's (or a parent's) id, checked: INVALID_TYPE, BAD_AGENT. */
export function checkAgentId(id: unknown, what: 'agent' | 'parent' = 'agent'): string {
  if (typeof id !== 'string') throw wrongType(what === 'agent' ? 'agent id' : 'parent id', STRING, id);
  if (!ID.test(id)) {
    const zh = what === 'agent' ? '代理商编号' : '上级代理商编号';
    throw badAgent(
      both(
        `${zh}${zhQuote(id)}应为 1-64 个字符，只含 A-Z a-z 0-9 . _ -，并以字母或数字开头`,
        `${what === 'agent' ? 'agent id' : 'parent id'} ${quoteInput(id)} should be 1-64 characters from A-Z a-z 0-9 . _ - starting with a letter or digit`,
      ),
      id,
    );
  }
  return id;
}

/**
 * A clean copy of an agent (licence upper-cased, unknown fields dropped), without looking at any store.
 * INVALID_TYPE, BAD_AGENT, BAD_LICENCE, NOT_A_COMPANY.
 */
export function checkAgent(agent: unknown): Agent {
  if (typeof agent !== 'object' || agent === null || Array.isArray(agent)) throw wrongType('agent', OBJECT, agent);
  guardFields(agent, 'agent', { id: 'string', name: 'string', level: 'string', parent: 'string?', licence: 'string', verified: 'boolean', quota: 'number' });
  const a = agent as Record<string, unknown>;
  const id = checkAgentId(a.id);
  const zid = zhQuote(id);
  const eid = quoteInput(id);
  const name = a.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    throw badAgent(both(`代理商${zid}需要 1-200 个字符的公司名称`, `agent ${eid} needs a name of 1-200 characters`), agent);
  }
  if (a.level !== 'first' && a.level !== 'second') {
    throw badAgent(
      both(`代理商${zid}的级别是${zhQuote(a.level)}，应为 "first"（一级）或 "second"（二级）`, `agent ${eid} has level ${quoteInput(a.level)}; expected "first" (一级) or "second" (二级)`),
      agent,
    );
  }
  let parent: string | undefined;
  if (a.parent !== undefined) {
    if (a.level === 'first') throw badAgent(both(`一级代理商${zid}不能有上级`, `first-level agent ${eid} cannot have a parent`), agent);
    parent = checkAgentId(a.parent, 'parent');
    if (parent === id) throw badAgent(both(`代理商${zid}不能是自己的上级`, `agent ${eid} cannot be its own parent`), agent);
  }
  let licence: string;
  try {
    licence = checkLicence(a.licence);
  } catch (error) {
    if (error instanceof Vanity400Error) {
      const details = error.position === undefined ? { input: a.licence } : { input: a.licence, position: error.position };
      throw new Vanity400Error(error.code, both(`代理商${zid}：${error.text.zh}`, `Agent ${eid}: ${error.text.en}`), details);
    }
    throw error;
  }
  if (typeof a.verified !== 'boolean') {
    throw badAgent(both(`代理商${zid}的 verified（是否已在运营商热线核实）应为 true 或 false`, `agent ${eid}: verified must be true or false`), agent);
  }
  const quota = a.quota;
  if (typeof quota !== 'number' || !Number.isSafeInteger(quota) || quota < 0 || quota > MAX_QUOTA) {
    throw badAgent(
      both(`代理商${zid}的配额应为 0 到 ${MAX_QUOTA} 的整数，实际是 ${quoteInput(quota)}`, `agent ${eid}: quota must be a whole number from 0 to ${MAX_QUOTA}, got ${quoteInput(quota)}`),
      agent,
    );
  }
  const clean: Agent = { id, name, level: a.level, licence, verified: a.verified, quota };
  if (parent !== undefined) clean.parent = parent;
  return clean;
}

/** The customer of a hold or sale: a string of 1–200 characters, not blank; else INVALID_TYPE or BAD_ARGUMENT. */
export function checkCustomer(customer: unknown): string {
  if (typeof customer !== 'string') throw wrongType('customer', STRING, customer);
  if (customer.trim() === '' || customer.length > 200) {
    throw new Vanity400Error(
      'BAD_ARGUMENT',
      both(`客户名称应为 1-200 个字符，实际是${zhQuote(customer)}。`, `Expected a customer as a string of 1-200 characters, got ${quoteInput(customer)}.`),
      { input: customer },
    );
  }
  return customer;
}

/** A hold time: whole milliseconds from 1 to 366 days; else INVALID_TYPE or BAD_ARGUMENT. */
export function checkTtl(ttlMs: unknown): number {
  if (typeof ttlMs !== 'number') throw wrongType('hold time (ms)', { zh: '数字（毫秒）', en: 'a number of milliseconds' }, ttlMs);
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL) {
    throw new Vanity400Error(
      'BAD_ARGUMENT',
      both(
        `保留时长应为 1 到 ${MAX_TTL} 毫秒（366 天）之间的整数，实际是 ${quoteInput(ttlMs)}。`,
        `Expected a hold time in whole milliseconds from 1 to ${MAX_TTL} (366 days), got ${quoteInput(ttlMs)}.`,
      ),
      { input: ttlMs },
    );
  }
  return ttlMs;
}

/** One of {@link NUMBER_STATUSES}; else BAD_ARGUMENT naming them. */
export function checkStatus(status: unknown): NumberStatus {
  if (!isStatus(status)) {
    throw new Vanity400Error(
      typeof status === 'string' ? 'BAD_ARGUMENT' : 'INVALID_TYPE',
      both(`未知的状态${zhQuote(status)}，应为 ${NUMBER_STATUSES.join('、')} 之一。`, `Unknown status ${quoteInput(status)}; expected one of ${NUMBER_STATUSES.join(', ')}.`),
      { input: status },
    );
  }
  return status;
}

/** The options of Store.load: an object (or nothing) whose `dryRun` is a boolean (or left out); else INVALID_TYPE. */
export function checkLoadOptions(options: unknown): {
  /** Check everything, write nothing. */
  dryRun: boolean;
} {
  if (options === undefined) return { dryRun: false };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw wrongType('load options', OBJECT, options);
  const { dryRun } = options as { dryRun?: unknown };
  if (dryRun !== undefined && typeof dryRun !== 'boolean') throw wrongType('dryRun', { zh: 'true 或 false', en: 'true or false' }, dryRun);
  return { dryRun: dryRun === true };
}

/** An agent id to look up: INVALID_TYPE for anything but a string (an unknown id is the store's UNKNOWN_AGENT). */
export function checkLookupId(id: unknown): string {
  if (typeof id !== 'string') throw wrongType('agent id', STRING, id);
  return id;
}

/** A reservation read but not yet checked against any store: the agent and its numbers, in order. */
export interface ReservationPlan {
  /** The agent's id. */
  agent: string;
  /** Set for a range reservation: its ends as 10 digits. */
  range?: {
    /** The first number of the range. */
    from: string;
    /** The last number of the range (inclusive). */
    to: string;
  };
  /** Number of numbers. */
  size: number;
  /** The numbers as 10 digits, ascending; for a range produced lazily so that quota can be checked first. */
  numbers(): string[];
}

function badReservation(text: LocalText, input: unknown): Vanity400Error {
  return new Vanity400Error('BAD_RESERVATION', both(`预占有误：${text.zh}。`, `Invalid reservation: ${text.en}.`), { input });
}

/** A range's ends, checked: one segment, not backwards. The error is made by `fail`. */
export function checkRange(from: string, to: string, fail: (text: LocalText) => Vanity400Error): void {
  if (from.slice(0, 4) !== to.slice(0, 4)) {
    throw fail(
      both(
        `号段 ${showNumber(from)} … ${showNumber(to)} 跨了 ${from.slice(0, 4)} 和 ${to.slice(0, 4)} 两个号段；一段连号只能在一个号段内`,
        `range ${showNumber(from)} … ${showNumber(to)} spans segments ${from.slice(0, 4)} and ${to.slice(0, 4)}; a range stays in one segment`,
      ),
    );
  }
  if (Number(from) > Number(to)) throw fail(both(`号段 ${showNumber(from)} … ${showNumber(to)} 首尾颠倒`, `range ${showNumber(from)} … ${showNumber(to)} runs backwards`));
}

/**
 * Reads a reservation: range ends in one segment, from ≤ to; or a non-empty list without repeats.
 * INVALID_TYPE, BAD_RESERVATION (with the malformed numbers listed), DUPLICATE_NUMBER.
 */
export function planReservation(reservation: unknown): ReservationPlan {
  if (typeof reservation !== 'object' || reservation === null || Array.isArray(reservation)) throw wrongType('reservation', OBJECT, reservation);
  const r = reservation as Record<string, unknown>;
  const agent = checkAgentId(r.agent);
  const za = zhQuote(agent);
  const ea = quoteInput(agent);
  const isRange = Object.hasOwn(r, 'from') || Object.hasOwn(r, 'to');
  if (isRange === Object.hasOwn(r, 'numbers')) {
    throw badReservation(both(`为代理商${za}：请给出 "from" 和 "to"，或者 "numbers"，二者选一`, `for agent ${ea}: give either "from" and "to", or "numbers"`), reservation);
  }
  if (isRange) {
    const [from, to] = (['from', 'to'] as const).map((key) => {
      try {
        return digitsOf(r[key]);
      } catch (error) {
        if (error instanceof Vanity400Error) {
          throw badReservation(both(`为代理商${za}，"${key}"：${error.text.zh}`, `for agent ${ea}, "${key}": ${error.text.en}`), reservation);
        }
        throw error;
      }
    }) as [string, string];
    checkRange(from, to, (text) => badReservation(text, reservation));
    const lo = Number(from);
    const hi = Number(to);
    return { agent, range: { from, to }, size: hi - lo + 1, numbers: () => Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)) };
  }
  const list = r.numbers;
  if (!Array.isArray(list) || list.length === 0) {
    throw badReservation(both(`为代理商${za}："numbers" 应为非空数组`, `for agent ${ea}: "numbers" must be a non-empty array`), reservation);
  }
  if (list.length > MAX_QUOTA) {
    throw badReservation(both(`为代理商${za}：一次最多预占 ${MAX_QUOTA} 个号码`, `for agent ${ea}: at most ${MAX_QUOTA} numbers at once`), reservation);
  }
  const numbers: string[] = [];
  const bad: string[] = [];
  let badCount = 0;
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of list as unknown[]) {
    try {
      const d = digitsOf(item);
      if (seen.has(d)) repeated.add(d);
      else {
        seen.add(d);
        numbers.push(d);
      }
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      if (++badCount <= SHOWN) bad.push(`${quoteInput(item)} (${error.code})`);
    }
  }
  if (badCount > 0) {
    const s = sample(bad, SHOWN, badCount);
    throw badReservation(
      both(`为代理商${za}，有 ${badCount} 个号码写法有误：${s.zh}`, `for agent ${ea}, ${badCount} malformed number${badCount === 1 ? '' : 's'}: ${s.en}`),
      reservation,
    );
  }
  if (repeated.size > 0) {
    const shown = [...repeated].map(showNumber);
    const s = sample(shown);
    throw new Vanity400Error(
      'DUPLICATE_NUMBER',
      both(
        `不能为代理商${za}预占：有 ${shown.length} 个号码重复列出：${s.zh}。未预占任何号码。`,
        `Cannot reserve for agent ${ea}: ${shown.length} number${shown.length === 1 ? ' is' : 's are'} listed more than once: ${s.en}. Nothing was reserved.`,
      ),
      { input: reservation },
    );
  }
  numbers.sort();
  return { agent, size: numbers.length, numbers: () => numbers };
}

// ---- states in words ----

/** Each status in a word or two, as a salesperson says it. */
export const STATUS_NAMES: Readonly<Record<NumberStatus, LocalText>> = {
  available: { zh: '可售', en: 'available' },
  held: { zh: '保留中', en: 'held' },
  sold: { zh: '已售', en: 'sold' },
  withdrawn: { zh: '已退回', en: 'withdrawn' },
};

/** A number's state in words: "4006-123-000 is held by "acme" until 2025-01-01 08:00 Beijing time (agent "a1")". */
export function describeState(state: NumberState): string {
  return stateText(state).en;
}

/** {@link describeState} in both languages. */
export function stateText(state: NumberState): LocalText {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) throw wrongType('state', OBJECT, state);
  guardFields(state, 'state', { number: 'string', agent: 'string', status: 'string', customer: 'string?', heldUntil: 'number?' });
  const n = showNumber(state.number);
  const za = zhQuote(state.agent);
  const ea = quoteInput(state.agent);
  switch (state.status) {
    case 'available':
      return both(`${n} 可售（代理商${za}）`, `${n} is available (agent ${ea})`);
    case 'held':
      return both(
        `${n} 已为${zhQuote(state.customer)}保留到北京时间 ${beijingTime(state.heldUntil ?? 0)}（代理商${za}）`,
        `${n} is held by ${quoteInput(state.customer)} until ${beijingTime(state.heldUntil ?? 0)} Beijing time (agent ${ea})`,
      );
    case 'sold':
      return both(`${n} 已售给${zhQuote(state.customer)}（代理商${za}）`, `${n} is sold to ${quoteInput(state.customer)} (agent ${ea})`);
    case 'withdrawn':
      return both(`${n} 已由代理商${za}退回`, `${n} is withdrawn (was agent ${ea}'s)`);
  }
}

// ---- what each operation may do ----

/** A hold that has ended by its time: who held it and until when. */
export interface EndedHold {
  /** The former holder. */
  customer: string;
  /** When the hold ended, epoch ms. */
  until: number;
}

/** Whether a number in this state may be held now: only when it is available. */
export function mayHold(state: NumberState): boolean {
  return state.status === 'available';
}

/** Why `customer` may not release the number, or null if they may (only the holder, only while held). */
export function releaseRefusal(state: NumberState, customer: string, ended?: EndedHold): Vanity400Error | null {
  const n = showNumber(state.number);
  const s = stateText(state);
  if (state.status !== 'held') {
    const zhEnded = ended ? `（${zhQuote(ended.customer)}的保留已于北京时间 ${beijingTime(ended.until)} 到期）` : '';
    const enEnded = ended ? ` (the hold by ${quoteInput(ended.customer)} expired at ${beijingTime(ended.until)} Beijing time)` : '';
    return new Vanity400Error('NOT_HELD', both(`不能取消 ${n} 的保留：${s.zh}，没有在保留中${zhEnded}。`, `Cannot release ${n}: ${s.en}, not held${enEnded}.`), {
      input: state.number,
    });
  }
  if (state.customer !== customer) {
    return new Vanity400Error('NOT_HOLDER', both(`不能为${zhQuote(customer)}取消 ${n} 的保留：${s.zh}。`, `Cannot release ${n} for ${quoteInput(customer)}: ${s.en}.`), {
      input: state.number,
    });
  }
  return null;
}

/** Why the number may not be sold to `customer`, or null if it may (available, or held by them). */
export function sellRefusal(state: NumberState, customer: string): Vanity400Error | null {
  const code = state.status === 'held' && state.customer !== customer ? 'NOT_HOLDER' : state.status === 'sold' || state.status === 'withdrawn' ? 'NOT_AVAILABLE' : null;
  if (code === null) return null;
  const n = showNumber(state.number);
  const s = stateText(state);
  return new Vanity400Error(code, both(`不能把 ${n} 卖给${zhQuote(customer)}：${s.zh}。`, `Cannot sell ${n} to ${quoteInput(customer)}: ${s.en}.`), { input: state.number });
}

/** Why the number may not be withdrawn, or null if it may (available or held). */
export function withdrawRefusal(state: NumberState): Vanity400Error | null {
  if (state.status !== 'sold' && state.status !== 'withdrawn') return null;
  const n = showNumber(state.number);
  const s = stateText(state);
  return new Vanity400Error('NOT_AVAILABLE', both(`不能退回 ${n}：${s.zh}。`, `Cannot withdraw ${n}: ${s.en}.`), { input: state.number });
}

/** The refusal every number operation shares: the number was never reserved. */
export function notReserved(d: string): Vanity400Error {
  return new Vanity400Error('NOT_RESERVED', both(`${showNumber(d)} 不在任何代理商的预占号码中。`, `${showNumber(d)} is not reserved by any agent.`), { input: d });
}

/**
 * A refusal of release (or hold) said to the customer who asked, naming nobody else: for a chat with a
 * customer, where another customer's name must never appear. `shown` is the number as the chat writes
 * it. Other errors pass through unchanged.
 */
export function toCustomer(error: Vanity400Error, shown: string): Vanity400Error {
  const n = shown;
  const number = shown;
  switch (error.code) {
    case 'NOT_HOLDER':
      return new Vanity400Error('NOT_HOLDER', both(`${n} 由其他客户保留，您不能取消。`, `${n} is held for another customer; you cannot release it.`), { input: number });
    case 'NOT_HELD':
      return new Vanity400Error('NOT_HELD', both(`${n} 现在没有为您保留，无需取消。`, `${n} is not held for you now; there is nothing to release.`), { input: number });
    case 'NOT_AVAILABLE':
      return new Vanity400Error('NOT_AVAILABLE', both(`${n} 现在不可选。`, `${n} is not available now.`), { input: number });
    default:
      return error;
  }
}

// ---- agents ----

/** UNKNOWN_AGENT naming the id. */
export function unknownAgent(id: unknown): Vanity400Error {
  return new Vanity400Error('UNKNOWN_AGENT', both(`没有代理商${zhQuote(id)}。`, `Unknown agent ${quoteInput(id)}.`), { input: id });
}

/** What a store knows about a new agent's id, licence and parent, for {@link addAgentRefusal}. */
export interface AgentFacts {
  /** An agent with this id exists. */
  idTaken: boolean;
  /** The id of the agent that has this licence, if any. */
  licenceOwner: string | null;
  /** The parent's level, or null when the agent names a parent that does not exist. */
  parentLevel?: 'first' | 'second' | null;
}

/** Why a checked agent cannot be added to a store with these facts, or null. */
export function addAgentRefusal(agent: Agent, facts: AgentFacts): Vanity400Error | null {
  const zid = zhQuote(agent.id);
  const eid = quoteInput(agent.id);
  if (facts.idTaken) return new Vanity400Error('DUPLICATE_AGENT', both(`代理商${zid}已存在。`, `Agent ${eid} already exists.`), { input: agent.id });
  if (facts.licenceOwner !== null) {
    return new Vanity400Error(
      'DUPLICATE_AGENT',
      both(
        `代理商${zid}：统一社会信用代码 ${agent.licence} 已属于代理商${zhQuote(facts.licenceOwner)}。`,
        `Agent ${eid}: licence ${agent.licence} already belongs to agent ${quoteInput(facts.licenceOwner)}.`,
      ),
      { input: agent.licence },
    );
  }
  if (agent.parent !== undefined && facts.parentLevel === null) {
    return new Vanity400Error(
      'UNKNOWN_AGENT',
      both(`代理商${zid}：上级代理商${zhQuote(agent.parent)}不存在。`, `Agent ${eid}: parent agent ${quoteInput(agent.parent)} does not exist.`),
      { input: agent.parent },
    );
  }
  if (agent.parent !== undefined && facts.parentLevel === 'second') {
    return new Vanity400Error(
      'BAD_AGENT',
      both(
        `代理商${zid}：上级${zhQuote(agent.parent)}是二级代理商，上级必须是一级代理商。`,
        `Agent ${eid}: parent ${quoteInput(agent.parent)} is a second-level agent; a parent must be first-level.`,
      ),
      { input: agent.parent },
    );
  }
  return null;
}

// ---- reservations against a store ----

/** A number of a reservation that another agent has: its number, owner and status. */
export interface Taken {
  /** 10 digits. */
  number: string;
  /** The owner's id. */
  agent: string;
  /** Its status with that owner. */
  status: NumberStatus;
}

/** What a store found for a planned reservation, for {@link reserveRefusal}. */
export interface ReserveFacts {
  /** The agent's quota, or null if there is no such agent. */
  quota: number | null;
  /** Numbers the agent has reserved and not sold or withdrawn. */
  active: number;
  /** How many of the numbers other agents have (withdrawn ones are free), and the first {@link SHOWN}. */
  takenCount: number;
  /** The first taken numbers. */
  taken: readonly Taken[];
  /** How many of the numbers the agent has already, and the first {@link SHOWN} (10 digits). */
  ownCount: number;
  /** The first of the agent's own. */
  own: readonly string[];
}

/** Whether the quota leaves room for the plan: checked before the numbers are looked at, so a huge range fails fast. */
export function quotaRefusal(plan: ReservationPlan, quota: number, active: number, input?: unknown): Vanity400Error | null {
  if (active + plan.size <= quota) return null;
  const za = zhQuote(plan.agent);
  const ea = quoteInput(plan.agent);
  const room = Math.max(0, quota - active);
  return new Vanity400Error(
    'QUOTA_EXCEEDED',
    both(
      `不能为代理商${za}预占 ${plan.size} 个号码：它已预占 ${active} 个，配额 ${quota} 个，最多还能预占 ${room} 个。未预占任何号码。`,
      `Cannot reserve ${plan.size} number${plan.size === 1 ? '' : 's'} for agent ${ea}: it has ${active} reserved and a quota of ${quota}, so at most ${room} more. Nothing was reserved.`,
    ),
    { input },
  );
}

/** Why the reservation cannot be made with these facts, or null. */
export function reserveRefusal(plan: ReservationPlan, facts: ReserveFacts, input?: unknown): Vanity400Error | null {
  if (facts.quota === null) return unknownAgent(plan.agent);
  const quota = quotaRefusal(plan, facts.quota, facts.active, input);
  if (quota) return quota;
  const za = zhQuote(plan.agent);
  const ea = quoteInput(plan.agent);
  if (facts.takenCount > 0) {
    const s = sample(facts.taken.map((t) => `${showNumber(t.number)} (${t.agent}, ${t.status})`), SHOWN, facts.takenCount);
    return new Vanity400Error(
      'OVERLAP',
      both(
        `不能为代理商${za}预占：${plan.size} 个号码中有 ${facts.takenCount} 个属于其他代理商：${s.zh}。未预占任何号码。`,
        `Cannot reserve for agent ${ea}: ${facts.takenCount} of the ${plan.size} numbers belong to other agents: ${s.en}. Nothing was reserved.`,
      ),
      { input },
    );
  }
  if (facts.ownCount > 0) {
    const s = sample(facts.own.map(showNumber), SHOWN, facts.ownCount);
    return new Vanity400Error(
      'DUPLICATE_NUMBER',
      both(
        `不能为代理商${za}预占：${plan.size} 个号码中有 ${facts.ownCount} 个已是它自己的：${s.zh}。未预占任何号码。`,
        `Cannot reserve for agent ${ea}: ${facts.ownCount} of the ${plan.size} numbers are already its own: ${s.en}. Nothing was reserved.`,
      ),
      { input },
    );
  }
  return null;
}

/** Sorts the facts a store gathers number by number into {@link ReserveFacts}. */
export class ReserveCheck {
  /** How many numbers other agents have. */
  takenCount = 0;
  /** The first {@link SHOWN} of them. */
  readonly taken: Taken[] = [];
  /** How many the agent has already. */
  ownCount = 0;
  /** The first {@link SHOWN} of them. */
  readonly own: string[] = [];

  constructor(
    /** The agent reserving. */
    readonly agent: string,
  ) {}

  /** One number of the reservation and its current owner and status (null: nobody has it). */
  see(number: string, owner: string | null, status: NumberStatus | null): void {
    if (owner === null || status === 'withdrawn') return;
    if (owner === this.agent) {
      if (++this.ownCount <= SHOWN) this.own.push(number);
    } else if (++this.takenCount <= SHOWN) this.taken.push({ number, agent: owner, status: status as NumberStatus });
  }
}

/** STORE_CLOSED, for any call after close(). */
export function storeClosed(): Vanity400Error {
  return new Vanity400Error('STORE_CLOSED', both('库存已关闭。', 'The inventory store is closed.'));
}

// ---- batches: many agents and numbers at once, as an import brings them ----

/** An agent to add in a {@link InventoryBatch}; `ref` says where it came from ("line 5"), for problems. */
export interface BatchAgent {
  /** The agent, checked like {@link Store.addAgent}'s. */
  agent: Agent;
  /** Where the record came from, e.g. "line 5: ", put before each problem's text. */
  ref?: string;
}

/** An inclusive range of available numbers for an agent in a {@link InventoryBatch}. */
export interface BatchRange {
  /** The agent's id (in the store or in the batch). */
  agent: string;
  /** First number, any written form. */
  from: string;
  /** Last number (inclusive), same segment. */
  to: string;
  /** Where the record came from. */
  ref?: string;
}

/** One number for an agent in a {@link InventoryBatch}, in any status. */
export interface BatchNumber {
  /** The agent's id (in the store or in the batch). */
  agent: string;
  /** The number, any written form. */
  number: string;
  /** Default available. */
  status?: NumberStatus;
  /** Held and sold numbers: the holder or buyer. */
  customer?: string;
  /** Held numbers: when the hold ends, epoch ms (a past time makes the number available). */
  heldUntil?: number;
  /** Where the record came from. */
  ref?: string;
}

/** Agents and numbers to add to a store all at once ({@link Store.load}): what an inventory file holds. */
export interface InventoryBatch {
  /** New agents (none may exist in the store). */
  agents?: readonly BatchAgent[];
  /** Ranges of available numbers. */
  ranges?: readonly BatchRange[];
  /** Single numbers in any status. */
  numbers?: readonly BatchNumber[];
}

/** Why part of a batch cannot be loaded. */
export interface BatchProblem {
  /** The record's `ref`, if it had one. */
  ref?: string;
  /** A stable code: BAD_AGENT, DUPLICATE_AGENT, UNKNOWN_AGENT, OVERLAP, DUPLICATE_NUMBER, QUOTA_EXCEEDED, … */
  code: ErrorCode;
  /** What is wrong, in both languages. */
  text: LocalText;
}

/** What {@link Store.load} did: everything, or nothing and why. */
export type LoadResult =
  | {
      /** Everything was written (or, with dryRun, would be). */
      ok: true;
      /** Agents added. */
      agents: number;
      /** Numbers added. */
      numbers: number;
    }
  | {
      /** Nothing was written. */
      ok: false;
      /** Every problem found, in batch order. */
      problems: BatchProblem[];
    };

/** A batch record of numbers after reading: 10 digits, status and customer checked. */
export interface BatchEntry {
  /** The agent's id. */
  agent: string;
  /** For a range: its ends. */
  range?: {
    /** First number, 10 digits. */
    from: string;
    /** Last number, 10 digits. */
    to: string;
  };
  /** The numbers, ascending (a range's made on demand). */
  numbers(): string[];
  /** How many. */
  size: number;
  /** Status on arrival. */
  status: NumberStatus;
  /** Holder or buyer. */
  customer?: string;
  /** Held: the end. */
  heldUntil?: number;
  /** Where it came from. */
  ref?: string;
}

/** A batch read and checked on its own, before any store is asked. */
export interface ReadBatch {
  /** The agents that passed their checks, parents before children. */
  agents: {
    /** The agent, checked. */
    agent: Agent;
    /** Where it came from. */
    ref?: string;
  }[];
  /** The number records that passed theirs. */
  entries: BatchEntry[];
  /** What failed already. */
  problems: BatchProblem[];
}

function problem(ref: string | undefined, code: BatchProblem['code'], text: LocalText): BatchProblem {
  return ref === undefined ? { code, text } : { ref, code, text };
}

function listOf<T>(value: unknown, what: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw wrongType(`batch.${what}`, { zh: '数组', en: 'an array' }, value);
  return value as T[];
}

/** Reads a batch: checks each record alone (agents, numbers, statuses) and lists the problems. */
export function readBatch(batch: unknown): ReadBatch {
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) throw wrongType('batch', OBJECT, batch);
  const b = batch as InventoryBatch;
  const problems: BatchProblem[] = [];
  const agents: { agent: Agent; ref?: string }[] = [];
  const entries: BatchEntry[] = [];
  const refOf = (item: unknown): string | undefined => {
    const ref = typeof item === 'object' && item !== null ? (item as { ref?: unknown }).ref : undefined;
    return typeof ref === 'string' ? ref : undefined;
  };
  const failed = (ref: string | undefined, error: unknown): void => {
    if (!(error instanceof Vanity400Error)) throw error;
    problems.push(problem(ref, error.code, error.text));
  };
  for (const item of listOf<BatchAgent>(b.agents, 'agents')) {
    const ref = refOf(item);
    try {
      agents.push({ agent: checkAgent((item as BatchAgent | null)?.agent), ...(ref === undefined ? {} : { ref }) });
    } catch (error) {
      failed(ref, error);
    }
  }
  agents.sort((x, y) => Number(x.agent.level === 'second') - Number(y.agent.level === 'second'));
  for (const item of listOf<BatchRange>(b.ranges, 'ranges')) {
    const ref = refOf(item);
    try {
      if (typeof item !== 'object' || item === null) throw wrongType('batch range', OBJECT, item);
      const plan = planReservation({ agent: item.agent, from: item.from, to: item.to });
      entries.push({ agent: plan.agent, range: plan.range as { from: string; to: string }, numbers: plan.numbers, size: plan.size, status: 'available', ...(ref === undefined ? {} : { ref }) });
    } catch (error) {
      failed(ref, error);
    }
  }
  for (const item of listOf<BatchNumber>(b.numbers, 'numbers')) {
    const ref = refOf(item);
    try {
      if (typeof item !== 'object' || item === null) throw wrongType('batch number', OBJECT, item);
      const agent = checkAgentId(item.agent);
      const d = digitsOf(item.number);
      const status = item.status === undefined ? 'available' : checkStatus(item.status);
      const entry: BatchEntry = { agent, numbers: () => [d], size: 1, status, ...(ref === undefined ? {} : { ref }) };
      if (status === 'held' || status === 'sold') entry.customer = checkCustomer(item.customer);
      else if (item.customer !== undefined) {
        throw new Vanity400Error('BAD_ARGUMENT', both(`${status} 状态的号码没有客户`, `an ${status} number has no customer`), { input: item.customer });
      }
      if (status === 'held') {
        if (typeof item.heldUntil !== 'number' || !Number.isSafeInteger(item.heldUntil)) {
          throw new Vanity400Error('BAD_ARGUMENT', both('保留中的号码需要保留截止时间（held_until）', 'a held number needs held_until'), { input: item.heldUntil });
        }
        entry.heldUntil = item.heldUntil;
      } else if (item.heldUntil !== undefined) {
        throw new Vanity400Error('BAD_ARGUMENT', both('只有保留中的号码才有保留截止时间（held_until）', 'held_until is only for held numbers'), { input: item.heldUntil });
      }
      entries.push(entry);
    } catch (error) {
      failed(ref, error);
    }
  }
  return { agents, entries, problems };
}

/** What a store answers about itself for {@link batchProblems}; every call is inside the load's transaction. */
export interface BatchLookups {
  /** The agent with this id in the store, or null. */
  agent(id: string): Agent | null;
  /** The id of the store's agent with this licence, or null. */
  licenceOwner(licence: string): string | null;
  /** The agent's numbers in the store that are available or held. */
  active(id: string): number;
  /** The numbers of an entry that the store already has (not withdrawn): how many, and the first ones. */
  taken(entry: BatchEntry): {
    /** How many. */
    count: number;
    /** The first {@link SHOWN}. */
    first: readonly Taken[];
  };
}

const count = (n: number, zh: string, en: string): LocalText => both(`${n.toLocaleString('en-US')} 个${zh}`, `${n.toLocaleString('en-US')} ${en}${n === 1 ? '' : 's'}`);

/**
 * Checks a read batch against a store (through `lookups`) and against itself: agents new, parents
 * first-level, numbers once and free, quotas kept (available and held numbers count; sold and
 * withdrawn ones do not). Adds to `read.problems` and returns them; empty means it may be written.
 */
export function batchProblems(read: ReadBatch, lookups: BatchLookups, now: number): BatchProblem[] {
  const problems = read.problems;
  const incoming = new Map<string, Agent>();
  const licences = new Map<string, string>();
  for (const { agent, ref } of read.agents) {
    const prior = incoming.get(agent.id);
    const facts: AgentFacts = { idTaken: prior !== undefined || lookups.agent(agent.id) !== null, licenceOwner: licences.get(agent.licence) ?? lookups.licenceOwner(agent.licence) };
    if (agent.parent !== undefined) facts.parentLevel = (incoming.get(agent.parent) ?? lookups.agent(agent.parent))?.level ?? null;
    const refusal = addAgentRefusal(agent, facts);
    if (refusal) problems.push(problem(ref, refusal.code, refusal.text));
    if (prior === undefined) incoming.set(agent.id, agent);
    if (!licences.has(agent.licence)) licences.set(agent.licence, agent.id);
  }
  const seen = new Map<string, string | undefined>();
  const active = new Map<string, number>();
  const overQuota = new Set<string>();
  for (const entry of read.entries) {
    const { ref } = entry;
    const agent = incoming.get(entry.agent) ?? lookups.agent(entry.agent);
    if (agent === null || agent === undefined) {
      const e = unknownAgent(entry.agent);
      problems.push(problem(ref, e.code, e.text));
      continue;
    }
    if (entry.status === 'available' || entry.status === 'held') {
      const before = active.get(agent.id) ?? (incoming.has(agent.id) ? 0 : lookups.active(agent.id));
      const after = before + entry.size;
      active.set(agent.id, after);
      if (after > agent.quota && !overQuota.has(agent.id)) {
        overQuota.add(agent.id);
        const inStore = incoming.has(agent.id) ? 0 : lookups.active(agent.id);
        const n = count(after, '号码', 'number');
        problems.push(
          problem(
            ref,
            'QUOTA_EXCEEDED',
            both(
              `代理商${zhQuote(agent.id)}将预占 ${n.zh}，超出配额 ${agent.quota.toLocaleString('en-US')} 个${inStore > 0 ? `（库存中已有 ${inStore.toLocaleString('en-US')} 个）` : ''}`,
              `agent ${quoteInput(agent.id)} would have ${n.en} reserved, over its quota of ${agent.quota.toLocaleString('en-US')}` +
                (inStore > 0 ? ` (${inStore.toLocaleString('en-US')} already in the store)` : ''),
            ),
          ),
        );
      }
      if (overQuota.has(agent.id) && entry.range) continue; // a huge range is not listed once it is over
    }
    const repeated = new Map<string | undefined, string[]>();
    let repeatedCount = 0;
    for (const d of entry.numbers()) {
      if (seen.has(d)) {
        const where = seen.get(d);
        const list = repeated.get(where) ?? [];
        if (list.length < SHOWN) list.push(showNumber(d));
        repeated.set(where, list);
        repeatedCount++;
      } else seen.set(d, ref);
    }
    for (const [where, list] of repeated) {
      const s = sample(list, SHOWN, list.length < SHOWN ? list.length : repeatedCount);
      const n = count(repeatedCount, '号码', 'number');
      const place = where === ref ? both('本行', 'this line') : both(where === undefined ? '另一条记录' : where.replace(/: $/, ''), where === undefined ? 'another record' : where.replace(/: $/, ''));
      problems.push(problem(ref, 'DUPLICATE_NUMBER', both(`${n.zh}已在${place.zh}出现：${s.zh}`, `${n.en} already on ${place.en}: ${s.en}`)));
    }
    const taken = lookups.taken(entry);
    if (taken.count > 0) {
      const s = sample(taken.first.map((t) => `${showNumber(t.number)} (${t.agent}, ${t.status})`), SHOWN, taken.count);
      const n = count(taken.count, '号码', 'number');
      problems.push(problem(ref, 'OVERLAP', both(`${n.zh}已在库存中被预占：${s.zh}`, `${n.en} already reserved in the store: ${s.en}`)));
    }
    if (entry.status === 'held' && (entry.heldUntil as number) - now > MAX_TTL) {
      problems.push(problem(ref, 'BAD_ARGUMENT', both('保留截止时间在 366 天以后', 'held_until is more than 366 days away')));
    }
  }
  return problems;
}

/** The status a batch entry arrives in at `now`: a hold that has ended arrives available. */
export function arrivingStatus(entry: BatchEntry, now: number): NumberStatus {
  return entry.status === 'held' && (entry.heldUntil as number) <= now ? 'available' : entry.status;
}
