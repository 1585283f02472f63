import { guardCallback, guardNumber, guardOptions, invalidType } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { areaCodeInfo, areaCodeLabel, findArea } from './areas.js';
import { readPhoneNumber } from './phone-number.js';

/** How a call ended: answered, busy (遇忙), not answered (无应答) or refused by the line's rules (阻截). */
export type CallResult = 'answered' | 'busy' | 'no-answer' | 'blocked';

/** One call record, as a line of a records file gives it. */
export interface CallRecord {
  /** When the call came in: an ISO time with its offset, or "2026-03-07 14:03:22" in Beijing time. */
  start: string;
  /** The caller's number; empty when it was hidden. */
  caller: string;
  /** The caller's area code or city, when the platform gives it (as it does for mobiles). */
  area?: string;
  /** The landing number that answered, or the last one tried; empty for a blocked call. */
  landing: string;
  /** How it ended. */
  result: CallResult;
  /** Seconds of talk: 0 unless answered. */
  talkSeconds: number;
}

/** Counts of a set of calls (呼叫分析). */
export interface CallTotals {
  /** Calls. */
  calls: number;
  /** Answered. */
  answered: number;
  /** Busy (遇忙). */
  busy: number;
  /** Not answered (无应答). */
  noAnswer: number;
  /** Refused by blocking, the cap or the password (阻截). */
  blocked: number;
  /** Total talk time, seconds. */
  talkSeconds: number;
  /** Average talk time of the answered calls, seconds to one decimal (0 when none was answered). */
  averageTalkSeconds: number;
}

/** A line of a records file that could not be counted. */
export interface RecordProblem {
  /** 1-based line number in the file (the CSV header is line 1). */
  line: number;
  /** The field at fault (start, caller, landing, result, talkSeconds, area), or absent when the whole line is. */
  field?: string;
  /** What is wrong, naming the line and field. */
  message: LocalText;
  /** The line as it was, cut to 200 characters. */
  text: string;
}

/** What {@link analyseCalls} reports. */
export interface CallReport {
  /** The records' format. */
  format: 'csv' | 'jsonl';
  /** Lines read, the header and blank lines included. */
  lines: number;
  /** Records counted. */
  records: number;
  /** Lines that could not be counted. */
  badLines: number;
  /** The first bad lines (all of them up to `keepProblems`; every one goes to `onProblem`). */
  problems: RecordProblem[];
  /** The first and last Beijing days of the calls counted, YYYY-MM-DD; null when none was. */
  period: {
    /** The first day. */
    first: string;
    /** The last day. */
    last: string;
  } | null;
  /** All calls. */
  totals: CallTotals;
  /** By landing number (calls without one, blocked ones, are not listed), most calls first. */
  byLanding: (CallTotals & {
    /** The landing number, canonical. */
    number: string;
  })[];
  /** By the caller's area code, most calls first; `areaCode` null for callers of unknown area (hidden numbers, mobiles without an area). */
  byArea: (CallTotals & {
    /** The area code, or null when unknown. */
    areaCode: string | null;
    /** In words: 上海（021）, 地区未知. */
    area: LocalText;
  })[];
  /** By hour of day in Beijing time, 0 … 23. */
  byHour: (CallTotals & {
    /** 0 … 23, Beijing time. */
    hour: number;
  })[];
}

/** Options of {@link analyseCalls}. */
export interface AnalyseCallsOptions {
  /** csv (with a header line) or jsonl (one JSON object a line); by default told from the first line. */
  format?: 'csv' | 'jsonl';
  /** Called with every bad line as it is found, so none is lost however many there are. */
  onProblem?: (problem: RecordProblem) => void;
  /** How many bad lines the report keeps (default 100); the count covers all. */
  keepProblems?: number;
}

/** The CSV columns, by the names a header may use. */
const COLUMNS: Record<string, keyof CallRecord> = {
  start: 'start',
  time: 'start',
  开始时间: 'start',
  呼叫时间: 'start',
  caller: 'caller',
  from: 'caller',
  主叫号码: 'caller',
  area: 'area',
  caller_area: 'area',
  主叫地区: 'area',
  landing: 'landing',
  to: 'landing',
  落地号码: 'landing',
  result: 'result',
  结果: 'result',
  talk_seconds: 'talkSeconds',
  talkseconds: 'talkSeconds',
  通话秒数: 'talkSeconds',
  通话时长: 'talkSeconds',
};
const REQUIRED: readonly (keyof CallRecord)[] = ['start', 'caller', 'landing', 'result', 'talkSeconds'];

const RESULTS: Record<string, CallResult> = {
  answered: 'answered',
  接通: 'answered',
  已接听: 'answered',
  busy: 'busy',
  占线: 'busy',
  遇忙: 'busy',
  'no-answer': 'no-answer',
  no_answer: 'no-answer',
  noanswer: 'no-answer',
  无应答: 'no-answer',
  未接听: 'no-answer',
  blocked: 'blocked',
  阻截: 'blocked',
  拦截: 'blocked',
};

const FIELD_NAMES: Record<string, string> = { start: '开始时间', caller: '主叫号码', area: '主叫地区', landing: '落地号码', result: '结果', talkSeconds: '通话秒数' };

interface Counter {
  calls: number;
  answered: number;
  busy: number;
  noAnswer: number;
  blocked: number;
  talk: number;
}

const counter = (): Counter => ({ calls: 0, answered: 0, busy: 0, noAnswer: 0, blocked: 0, talk: 0 });

function totalsOf(c: Counter): CallTotals {
  return { calls: c.calls, answered: c.answered, busy: c.busy, noAnswer: c.noAnswer, blocked: c.blocked, talkSeconds: c.talk, averageTalkSeconds: c.answered ? Math.round((c.talk / c.answered) * 10) / 10 : 0 };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const BEIJING_MS = 8 * 3_600_000;

/** Digits at s[i..i+n) as a number, or -1 when any is not a digit. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The Beijing day and hour of a start time, or undefined when it is not a valid time. */
function readStart(s: string): { day: string; hour: number } | undefined {
  if (s.length < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  if (d > DAYS_IN_MONTH[mo - 1]! || (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))) return undefined;
  let rest = 16;
  if (s.charCodeAt(16) === 58) {
    const sec = digitsAt(s, 17, 2);
    if (sec < 0 || sec > 59) return undefined;
    rest = 19;
    if (s.charCodeAt(19) === 46) {
      rest = 20;
      while (rest < s.length && digitsAt(s, rest, 1) >= 0) rest++;
    }
  }
  const zone = s.slice(rest);
  if (zone === '' || zone === '+08:00' || zone === '+0800') return { day: s.slice(0, 10), hour: h };
  if (!/^(?:Z|[+-]\d{2}:?\d{2})$/.test(zone)) return undefined;
  const ms = Date.parse(`${s.slice(0, 10)}T${s.slice(11)}`);
  if (!Number.isFinite(ms)) return undefined;
  const beijing = new Date(ms + BEIJING_MS);
  return { day: beijing.toISOString().slice(0, 10), hour: beijing.getUTCHours() };
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Longer lines are no records: they are reported without being held whole. */
const MAX_LINE = 65_536;

/** The caller's area code (undefined for a mobile or a hidden number), or an error text. */
function callerArea(raw: string): string | undefined | LocalText {
  if (raw === '') return undefined;
  if (MOBILE.test(raw)) return undefined;
  if (raw.charCodeAt(0) === 48 && /^\d{10,12}$/.test(raw)) {
    const code = raw.charCodeAt(1) === 49 || raw.charCodeAt(1) === 50 ? raw.slice(0, 3) : raw.slice(0, 4);
    const entry = areaCodeInfo(code);
    const first = raw.charCodeAt(code.length);
    if (entry && entry.localDigits.includes(raw.length - code.length) && first >= 50) return code;
  }
  const reading = readPhoneNumber(raw);
  return reading.ok ? reading.value.areaCode : reading.why;
}

/** A copy of a string that holds no reference to the chunk it was cut from, to keep as a key: a kept slice would keep its whole chunk alive. */
function own(s: string): string {
  return s.split('').join('');
}

function isLocalText(v: unknown): v is LocalText {
  return typeof v === 'object' && v !== null;
}

/** Splits one CSV line into fields (RFC 4180 quoting within the line); null when a quote is left open. */
function csvFields(line: string): string[] | null {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) return null;
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

/** Counts call records line by line; feed it lines, then read the report. */
class CallAnalysis {
  private format: 'csv' | 'jsonl' | undefined;
  private columns: (keyof CallRecord | undefined)[] = [];
  private line = 0;
  private records = 0;
  private bad = 0;
  private readonly problems: RecordProblem[] = [];
  private first: string | undefined;
  private last: string | undefined;
  private readonly totals = counter();
  private readonly landing = new Map<string, Counter>();
  private readonly areas = new Map<string, Counter>();
  private readonly hours = Array.from({ length: 24 }, counter);
  private readonly landingNumbers = new Map<string, string | LocalText>();
  private readonly areaNames = new Map<string, string | LocalText>();

  constructor(private readonly options: AnalyseCallsOptions) {
    this.format = options.format;
  }

  private problem(field: string | undefined, what: LocalText, text: string): void {
    this.bad++;
    const where = field ? { zh: `第 ${this.line} 行的${FIELD_NAMES[field] ?? field}（${field}）`, en: `line ${this.line}, ${field}` } : { zh: `第 ${this.line} 行`, en: `line ${this.line}` };
    const problem: RecordProblem = { line: this.line, ...(field ? { field } : {}), message: { zh: `${where.zh}：${what.zh}`, en: `${where.en}: ${what.en}` }, text: text.length > 200 ? `${text.slice(0, 200)}…` : text };
    if (this.problems.length < (this.options.keepProblems ?? 100)) this.problems.push(problem);
    this.options.onProblem?.(problem);
  }

  private header(line: string): void {
    const names = (csvFields(line) ?? []).map((n) => n.trim().replace(/^\uFEFF/, ''));
    this.columns = names.map((n) => COLUMNS[n] ?? COLUMNS[n.toLowerCase()]);
    const missing = REQUIRED.filter((c) => !this.columns.includes(c));
    if (missing.length) {
      throw new Vanity400Error(
        'BAD_RECORDS',
        {
          zh: `通话记录第 1 行应为表头，缺少 ${missing.map((m) => `${m}（${FIELD_NAMES[m]}）`).join('、')}；表头示例：start,caller,area,landing,result,talk_seconds`,
          en: `line 1 of the call records must be the header; it lacks ${missing.join(', ')}. A header: start,caller,area,landing,result,talk_seconds`,
        },
        { input: line.slice(0, 200) },
      );
    }
  }

  /** One line of the file, without its line break. */
  feed(raw: string): void {
    this.line++;
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    this.read(this.line === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
  }

  /** A line too long to be a record, whose start was dropped to keep memory bounded. */
  feedOverlong(start: string): void {
    this.line++;
    this.problem(undefined, { zh: `这一行超过 ${MAX_LINE} 个字符，不是通话记录`, en: `the line is longer than ${MAX_LINE} characters: not a call record` }, start);
  }

  private read(line: string): void {
    if (line.trim() === '') return;
    if (this.format === undefined) this.format = line.trimStart().startsWith('{') ? 'jsonl' : 'csv';
    if (this.format === 'csv' && this.columns.length === 0) return this.header(line);
    const record = this.format === 'csv' ? this.csvRecord(line) : this.jsonRecord(line);
    if (record) this.count(record, line);
  }

  private csvRecord(line: string): Partial<Record<keyof CallRecord, string>> | undefined {
    const fields = csvFields(line);
    if (!fields) return void this.problem(undefined, { zh: 'CSV 格式有误：引号没有成对', en: 'malformed CSV: a quote is not closed' }, line);
    if (fields.length !== this.columns.length) {
      return void this.problem(undefined, { zh: `应有 ${this.columns.length} 列，这里有 ${fields.length} 列`, en: `expected ${this.columns.length} fields, found ${fields.length}` }, line);
    }
    const record: Partial<Record<keyof CallRecord, string>> = {};
    for (let i = 0; i < fields.length; i++) {
      const column = this.columns[i];
      if (column) record[column] = fields[i]!.trim();
    }
    return record;
  }

  private jsonRecord(line: string): Partial<Record<keyof CallRecord, string>> | undefined {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return void this.problem(undefined, { zh: '不是有效的 JSON', en: 'not valid JSON' }, line);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return void this.problem(undefined, { zh: '每行应为一个 JSON 对象', en: 'each line is one JSON object' }, line);
    const o = value as Record<string, unknown>;
    const record: Partial<Record<keyof CallRecord, string>> = {};
    for (const [key, v] of Object.entries(o)) {
      const column = COLUMNS[key] ?? COLUMNS[key.toLowerCase()];
      if (!column) continue;
      if (v === null) record[column] = '';
      else if (typeof v === 'string' || typeof v === 'number') record[column] = String(v);
      else return void this.problem(column, { zh: `应为文字或数字，收到 ${JSON.stringify(v).slice(0, 40)}`, en: `expected a string or a number, got ${JSON.stringify(v).slice(0, 40)}` }, line);
    }
    for (const column of REQUIRED) {
      if (record[column] === undefined && column !== 'caller' && column !== 'landing') return void this.problem(column, { zh: '缺少这一项', en: 'missing' }, line);
    }
    return record;
  }

  private landingOf(raw: string): string | LocalText {
    let found = this.landingNumbers.get(raw);
    if (found === undefined) {
      const reading = readPhoneNumber(raw);
      found = reading.ok ? reading.value.number : reading.why;
      if (this.landingNumbers.size < 100_000) this.landingNumbers.set(own(raw), found);
    }
    return found;
  }

  private areaOf(raw: string): string | LocalText {
    let found = this.areaNames.get(raw);
    if (found === undefined) {
      try {
        const match = findArea(raw);
        found = match.codes.length === 1 ? match.codes[0]! : { zh: `“${raw}”是一个省，应为城市或区号`, en: `"${raw}" is a province; expected a city or an area code` };
      } catch (error) {
        if (!(error instanceof Vanity400Error)) throw error;
        found = error.text;
      }
      if (this.areaNames.size < 100_000) this.areaNames.set(own(raw), found);
    }
    return found;
  }

  private count(r: Partial<Record<keyof CallRecord, string>>, line: string): void {
    const start = readStart(r.start ?? '');
    if (!start) return this.problem('start', { zh: `“${r.start}”不是有效的时间（应为 2026-03-07 14:03:22 或带时区的 ISO 时间）`, en: `"${r.start}" is not a valid time (expected 2026-03-07 14:03:22 or an ISO time with its offset)` }, line);
    const result = RESULTS[r.result ?? ''] ?? RESULTS[(r.result ?? '').toLowerCase()];
    if (!result) return this.problem('result', { zh: `“${r.result}”不是 answered、busy、no-answer 或 blocked`, en: `"${r.result}" is not answered, busy, no-answer or blocked` }, line);
    const talkText = r.talkSeconds ?? '';
    const talk = talkText === '' ? 0 : /^\d{1,6}$/.test(talkText) ? Number(talkText) : -1;
    if (talk < 0 || talk > 86_400) return this.problem('talkSeconds', { zh: `“${talkText}”不是 0 到 86400 的整秒数`, en: `"${talkText}" is not a whole number of seconds from 0 to 86400` }, line);
    if (talk > 0 && result !== 'answered') return this.problem('talkSeconds', { zh: `没有接通的来电不会有通话时长（${talk} 秒）`, en: `a call that was not answered has no talk time (${talk} s)` }, line);
    let area = callerArea(r.caller ?? '');
    if (isLocalText(area)) return this.problem('caller', { zh: `“${r.caller}”不是有效的号码：${area.zh}`, en: `"${r.caller}" is not a valid number: ${area.en}` }, line);
    if (r.area) {
      const named = this.areaOf(r.area);
      if (isLocalText(named)) return this.problem('area', named, line);
      area = named;
    }
    let landing: string | undefined;
    if (r.landing) {
      const number = this.landingOf(r.landing);
      if (isLocalText(number)) return this.problem('landing', { zh: `“${r.landing}”不是有效的落地号码：${number.zh}`, en: `"${r.landing}" is not a valid landing number: ${number.en}` }, line);
      landing = number;
    } else if (result === 'answered') return this.problem('landing', { zh: '接通的来电要写落地号码', en: 'an answered call needs its landing number' }, line);

    this.records++;
    if (this.first === undefined || start.day < this.first) this.first = own(start.day);
    if (this.last === undefined || start.day > this.last) this.last = own(start.day);
    const targets: Counter[] = [this.totals, this.hours[start.hour]!];
    const areaKey = area ?? '';
    let byArea = this.areas.get(areaKey);
    if (!byArea) this.areas.set(own(areaKey), (byArea = counter()));
    targets.push(byArea);
    if (landing !== undefined && result !== 'blocked') {
      let byLanding = this.landing.get(landing);
      if (!byLanding) this.landing.set(own(landing), (byLanding = counter()));
      targets.push(byLanding);
    }
    for (const c of targets) {
      c.calls++;
      if (result === 'answered') {
        c.answered++;
        c.talk += talk;
      } else if (result === 'busy') c.busy++;
      else if (result === 'no-answer') c.noAnswer++;
      else c.blocked++;
    }
  }

  report(): CallReport {
    const byCalls = <T extends CallTotals>(a: T, b: T) => b.calls - a.calls;
    return {
      format: this.format ?? 'csv',
      lines: this.line,
      records: this.records,
      badLines: this.bad,
      problems: this.problems,
      period: this.first && this.last ? { first: this.first, last: this.last } : null,
      totals: totalsOf(this.totals),
      byLanding: [...this.landing].map(([number, c]) => ({ number, ...totalsOf(c) })).sort((a, b) => byCalls(a, b) || (a.number < b.number ? -1 : 1)),
      byArea: [...this.areas]
        .map(([code, c]) => {
          const entry = code ? areaCodeInfo(code) : undefined;
          return { areaCode: code || null, area: entry ? areaCodeLabel(entry) : { zh: '地区未知', en: 'unknown area' }, ...totalsOf(c) };
        })
        .sort((a, b) => byCalls(a, b) || String(a.areaCode).localeCompare(String(b.areaCode))),
      byHour: this.hours.map((c, hour) => ({ hour, ...totalsOf(c) })),
    };
  }
}

/** What analyseCalls reads: the whole text, or its chunks (text or UTF-8 bytes, cut anywhere), at once or as they come. */
export type CallRecordChunks = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

function isIterable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * Analyses call records (呼叫分析): CSV with a header line (start, caller, area, landing, result,
 * talk_seconds; or the Chinese names) or JSON lines, read as a stream of chunks of any size (strings or
 * bytes in UTF-8), so memory stays bounded however long the file. Gives calls, answered, busy, unanswered,
 * blocked, total and average talk time, overall, per landing number, per caller area and per hour of day
 * (Beijing time). Every bad line is reported by its line number (to `onProblem`, and the first ones in the
 * report) and the rest are still counted; a CSV whose first line is not a header is a BAD_RECORDS error.
 */
export async function analyseCalls(input: CallRecordChunks, options: AnalyseCallsOptions = {}): Promise<CallReport> {
  if (typeof input !== 'string' && !isIterable(input)) throw invalidType('analyseCalls(): input', '文字或文字、字节块的（异步）可迭代对象', 'a string, or an (async) iterable of strings or bytes', input);
  guardOptions(options, 'analyseCalls(): options');
  if (options.format !== undefined && options.format !== 'csv' && options.format !== 'jsonl') throw invalidType('analyseCalls(): options.format', '"csv" 或 "jsonl"', '"csv" or "jsonl"', options.format);
  guardCallback(options.onProblem, 'analyseCalls(): options.onProblem');
  if (options.keepProblems !== undefined) guardNumber(options.keepProblems, 'analyseCalls(): options.keepProblems');
  const analysis = new CallAnalysis(options);
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let overlong: string | undefined;
  const take = (text: string) => {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      if (overlong !== undefined) analysis.feedOverlong(overlong);
      else analysis.feed(carry === '' ? text.slice(from, nl) : carry + text.slice(from, nl));
      carry = '';
      overlong = undefined;
      from = nl + 1;
    }
    if (overlong !== undefined) return;
    carry += text.slice(from);
    if (carry.length > MAX_LINE) {
      overlong = carry.slice(0, 200);
      carry = '';
    }
  };
  if (typeof input === 'string') take(input);
  else {
    for await (const chunk of input as AsyncIterable<unknown>) {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw invalidType('analyseCalls(): input', '文字或字节块', 'chunks of text or bytes', chunk);
      take(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    }
    take(decoder.decode());
  }
  if (overlong !== undefined) analysis.feedOverlong(overlong);
  else if (carry !== '') analysis.feed(carry);
  return analysis.report();
}
