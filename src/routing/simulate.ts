import { guardObject, invalidType, quoted, guardFields } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { dateOfDay, dayNumber } from '../calendar/working-days.js';
import { listAreaCodes } from './areas.js';
import { parseRoutingRules, planOf } from './check.js';
import { initialRoutingState, route, type RoutingState } from './route.js';
import type { CallRecord, CallResult } from './analyse-calls.js';
import type { RoutingRules } from './rules.js';

/** Options of {@link simulateCallRecords}. */
export interface SimulateOptions {
  /** How many calls. */
  count: number;
  /** Seeds both the callers and the routing (default 1): the same seed gives the same records. */
  seed?: number;
  /** The first Beijing day, YYYY-MM-DD (default 2026-03-02, a Monday). */
  start?: string;
  /** Over how many days the calls come in (default 7). */
  days?: number;
  /** The chance that a ringing number answers (default 0.8). */
  answerRate?: number;
  /** The chance that it is busy (default 0.1); the rest ring unanswered. */
  busyRate?: number;
  /** The share of callers on mobiles (default 0.6); their records carry the area, as platforms give it. */
  mobileShare?: number;
  /** Yuan per started minute, for a cost cap (default 0.1, the typical agent contract the seed names). */
  ratePerMinute?: number;
}

/** Calls per hour of day, relative: quiet at night, busiest in office hours. */
const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.6, 1.5, 3, 5, 6, 6, 4, 5, 6, 6, 5, 4, 3, 2.5, 2, 1.5, 1, 0.5];

/** A small seeded generator (mulberry32) for the callers; the routing draws from its own state. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function check(value: number, name: string, min: number, max: number, integer = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Vanity400Error('BAD_ARGUMENT', { zh: `${name} 应为 ${min} 到 ${max} 的${integer ? '整数' : '数'}，收到 ${quoted(value)}`, en: `${name} must be ${integer ? 'a whole number ' : ''}from ${min} to ${max}, not ${quoted(value)}` }, { input: value });
  }
}

/**
 * Call records made by routing simulated calls through the rules: callers from every area code of the
 * table (the big cities more often), on fixed lines and mobiles, at times of day shaped like office
 * traffic, each call rung down its attempts with chances of answer, busy and no answer, and refused as
 * the rules refuse it (blocking, the monthly cap counted as it goes, a wrong password now and then).
 * The records are what {@link analyseCalls} reads; the same seed gives the same records. The rules and
 * options are checked at the call, before the first record.
 */
export function simulateCallRecords(rules: RoutingRules | unknown, options: SimulateOptions): Generator<CallRecord> {
  const checked = planOf(rules) ? (rules as RoutingRules) : parseRoutingRules(rules);
  guardObject(options, 'simulateCallRecords(): options', '选项对象（含 count）', 'an options object with count');
  guardFields(options, 'simulateCallRecords(): options', { count: 'number', seed: 'number?', start: 'string?', days: 'number?', answerRate: 'number?', busyRate: 'number?', mobileShare: 'number?', ratePerMinute: 'number?' });
  const { count, seed = 1, start = '2026-03-02', days = 7, answerRate = 0.8, busyRate = 0.1, mobileShare = 0.6, ratePerMinute = 0.1 } = options;
  check(count, 'count', 0, 100_000_000, true);
  check(seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
  check(days, 'days', 1, 366, true);
  check(answerRate, 'answerRate', 0, 1);
  check(busyRate, 'busyRate', 0, 1 - answerRate);
  check(mobileShare, 'mobileShare', 0, 1);
  check(ratePerMinute, 'ratePerMinute', 0, 100);
  return records(checked, { count, seed, first: dayNumber(start), days, answerRate, busyRate, mobileShare, ratePerMinute });
}

function* records(
  checked: RoutingRules,
  { count, seed, first, days, answerRate, busyRate, mobileShare, ratePerMinute }: Required<Omit<SimulateOptions, 'start'>> & { first: number },
): Generator<CallRecord> {
  const random = generator(seed);
  const codes = listAreaCodes();
  const codeWeights = codes.map((c) => (c.code.length === 3 ? 8 : 1));
  let state: RoutingState = initialRoutingState(seed);
  const month = new Map<string, { calls: number; cost: number }>();
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(random() * 10);
    return s;
  };
  for (let i = 0; i < count; i++) {
    const area = codes[pick(codeWeights, random())]!;
    const mobile = random() < mobileShare;
    const local = area.localDigits[Math.floor(random() * area.localDigits.length)]!;
    const caller = mobile ? `1${3 + Math.floor(random() * 7)}${digits(9)}` : `${area.code}${2 + Math.floor(random() * 7)}${digits(local - 1)}`;
    const day = dateOfDay(first + Math.floor(random() * days));
    const hour = pick(HOURLY, random());
    const clock = `${String(hour).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    const startTime = `${day}T${clock}+08:00`;
    const usage = month.get(day.slice(0, 7)) ?? { calls: 0, cost: 0 };
    month.set(day.slice(0, 7), usage);
    const password = checked.password === undefined ? undefined : random() < 0.95 ? checked.password : '0000';
    const decision = route(checked, { from: caller, ...(mobile ? { area: area.code } : {}), at: startTime, ...(password !== undefined ? { password } : {}), usage: { calls: usage.calls, cost: Math.round(usage.cost * 100) / 100 } }, { state });
    state = decision.state;
    const record: CallRecord = { start: startTime, caller, ...(mobile ? { area: area.code } : {}), landing: '', result: 'blocked', talkSeconds: 0 };
    if (decision.connected) {
      let result: CallResult = 'no-answer';
      for (const attempt of decision.attempts) {
        const u = random();
        result = u < answerRate ? 'answered' : u < answerRate + busyRate ? 'busy' : 'no-answer';
        record.landing = attempt.number;
        if (result === 'answered' || !decision.forwardOn.includes(result)) break;
      }
      record.result = result;
      if (result === 'answered') {
        record.talkSeconds = Math.min(3600, Math.max(5, Math.ceil(-Math.log(1 - random()) * 150)));
        usage.calls++;
        usage.cost += Math.ceil(record.talkSeconds / 60) * ratePerMinute;
      }
    }
    yield record;
  }
}

/** The header line of a CSV records file, in the column order {@link callRecordLine} writes. */
export const CALL_RECORDS_HEADER = 'start,caller,area,landing,result,talk_seconds';

/** One record as a line of a records file (no line break): CSV in the header's order, or a JSON object. */
export function callRecordLine(record: CallRecord, format: 'csv' | 'jsonl' = 'csv'): string {
  const r = record as Partial<Record<keyof CallRecord, unknown>> | null;
  const fields = typeof r === 'object' && r !== null && [r.start, r.caller, r.landing, r.result, r.area ?? ''].every((f) => typeof f === 'string') && typeof r.talkSeconds === 'number';
  if (!fields) throw invalidType('callRecordLine(): record', '来电记录', 'a call record', record);
  if (format !== 'csv' && format !== 'jsonl') throw invalidType('callRecordLine(): format', '"csv" 或 "jsonl"', '"csv" or "jsonl"', format);
  if (format === 'jsonl') {
    try {
      return JSON.stringify(record);
    } catch {
      throw invalidType('callRecordLine(): record', '可写成 JSON 的来电记录', 'a call record JSON can write', record);
    }
  }
  return `${record.start},${record.caller},${record.area ?? ''},${record.landing},${record.result},${record.talkSeconds}`;
}
