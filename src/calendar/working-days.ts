// Named imports, so that a bundle takes only these two tables of the file (and none of it when no calendar function is used).
import { holidays as HOLIDAYS_DATA, workdays as MAKEUP_DATA } from 'chinese-days/dist/chinese-days.json';
import { guardNumber, guardString, invalidType } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

/**
 * Mainland China's working-day calendar, from the chinese-days package's data (public holidays and
 * make-up working days as the State Council announces them each year). Dates are calendar days in
 * Beijing time (UTC+8 all year), written `YYYY-MM-DD`.
 */

/** What a calendar day is. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** One calendar day in Beijing time, as {@link dayInfo} describes it. */
export interface DayInfo {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** `workday` (Monday to Friday), `weekend`, `holiday` (a public holiday or a day off in lieu) or `makeup-workday` (a weekend day worked instead). */
  kind: DayKind;
  /** Whether offices work that day. */
  workingDay: boolean;
  /** The holiday a `holiday` or `makeup-workday` belongs to, in Chinese and English (春节 / Spring Festival). */
  holiday?: LocalText;
  /** False when the calendar has no announced schedule for the year: the day is then judged by Monday to Friday alone. */
  known: boolean;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
// 2015-03-18, 2015/3/18, 2015.3.18, 20150318 and 2015年3月18日 (or 号), as people write a day.
const DATE = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})[日号]?)$/;

/** The calendar's tables, made on first use: a bundle that never asks about a day carries none of this. */
interface Calendar {
  holidays: Record<string, string>;
  makeupWorkdays: Record<string, string>;
  knownYears: ReadonlySet<number>;
  /** Day number of 1 January of the first known year; working[d - tableStart] is 1 on a working day. */
  tableStart: number;
  working: Uint8Array;
}

let calendar: Calendar | undefined;

function cal(): Calendar {
  if (calendar) return calendar;
  const holidays: Record<string, string> = HOLIDAYS_DATA;
  const makeupWorkdays: Record<string, string> = MAKEUP_DATA;
  const knownYears: ReadonlySet<number> = new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))));
  const tableStart = Date.UTC(Math.min(...knownYears), 0, 1) / DAY_MS;
  const end = Date.UTC(Math.max(...knownYears) + 1, 0, 1) / DAY_MS;
  const working = new Uint8Array(end - tableStart);
  for (let i = 0; i < working.length; i++) {
    const weekday = (tableStart + i + 4) % 7;
    working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
  }
  for (const d of Object.keys(holidays)) working[Date.parse(d) / DAY_MS - tableStart] = 0;
  for (const d of Object.keys(makeupWorkdays)) working[Date.parse(d) / DAY_MS - tableStart] = 1;
  calendar = { holidays, makeupWorkdays, knownYears, tableStart, working };
  return calendar;
}

/** The years whose holiday schedule the calendar holds, ascending. */
export function calendarYears(): number[] {
  return [...cal().knownYears].sort((a, b) => a - b);
}

/** Whether the calendar holds the announced holiday schedule of `year`. */
export function isKnownYear(year: number): boolean {
  guardNumber(year, 'isKnownYear(): year');
  return cal().knownYears.has(year);
}

function badDate(value: unknown, why: LocalWhy): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : `(${value === null ? 'null' : typeof value})`;
  throw new Vanity400Error(typeof value === 'string' ? 'BAD_DATE' : 'INVALID_TYPE', { zh: `日期 ${shown} 无效：${why.zh}`, en: `date ${shown} is not valid: ${why.en}` }, { input: value });
}
interface LocalWhy {
  zh: string;
  en: string;
}

/** The year, month and day a date names, as written (full-width digits and surrounding spaces allowed), or null. */
function dateParts(text: string): [number, number, number] | null {
  const m = DATE.exec(text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return null;
  return [Number(m[1]), Number(m[3] ?? m[5] ?? m[7]), Number(m[4] ?? m[6] ?? m[8])];
}

/**
 * Days since 1970-01-01 of a calendar day: `YYYY-MM-DD`, or as people write it, `2015/3/18`, `2015.3.18`,
 * `20150318`, `2015年3月18日`. A malformed or impossible date is a BAD_DATE error.
 */
export function dayNumber(date: string): number {
  if (typeof date !== 'string') badDate(date, { zh: '应为 YYYY-MM-DD 格式的字符串', en: 'expected a string YYYY-MM-DD' });
  const parts = dateParts(date);
  if (!parts) badDate(date, { zh: '应为 2026-12-03、2026/12/3 或 2026年12月3日 这样的日期', en: 'expected YYYY-MM-DD, e.g. 2026-12-03 (or 2026/12/3, 2026年12月3日)' });
  const [y, mo, d] = parts;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    badDate(date, { zh: '没有这一天', en: 'no such day' });
  }
  return t / DAY_MS;
}

/** The `YYYY-MM-DD` day a date names in any form the calendar reads (2015-03-18, 2015/3/18, 2015年3月18日 …), or null when it names none. */
export function readDate(text: string): string | null {
  guardString(text, 'readDate(): text');
  if (dateParts(text) === null) return null;
  try {
    return dateOfDay(dayNumber(text));
  } catch {
    return null;
  }
}

/** The `YYYY-MM-DD` calendar day of a day number (days since 1970-01-01). */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The Beijing calendar day of an instant: a Date, milliseconds since the epoch, an ISO time with an
 * offset (`2026-12-03T18:30:00Z`, `2026-12-04T02:30+08:00`), or a plain `YYYY-MM-DD` (taken as that day).
 */
export function beijingDate(instant: Date | number | string): string {
  if (typeof instant === 'string' && dateParts(instant) !== null) return dateOfDay(dayNumber(instant));
  let ms: number;
  if (instant instanceof Date) ms = instant.getTime();
  else if (typeof instant === 'number') ms = instant;
  else if (typeof instant === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(instant)) {
      badDate(instant, { zh: '应为 YYYY-MM-DD 或带时区的时间，例如 2026-12-03T10:00+08:00', en: 'expected YYYY-MM-DD or a time with its offset, e.g. 2026-12-03T10:00+08:00' });
    }
    ms = Date.parse(instant);
  } else {
    badDate(instant, { zh: '应为日期、时间戳或字符串', en: 'expected a Date, a timestamp or a string' });
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) badDate(instant, { zh: '不是有效的时间', en: 'not a valid time' });
  return dateOfDay(Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS));
}

/** An instant (epoch ms) as Beijing time to the minute, `2026-06-30 18:00`: the clock customers and salespeople read. */
export function beijingTime(ms: number): string {
  guardNumber(ms, 'beijingTime(): ms');
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) badDate(ms, { zh: '应为毫秒时间戳', en: 'expected a timestamp in milliseconds' });
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function holidayName(entry: string): { zh: string; en: string } {
  const [en = '', zh = ''] = entry.split(',');
  return { zh, en };
}

/** What the calendar says of a `YYYY-MM-DD` day in Beijing. */
export function dayInfo(date: string): DayInfo {
  const n = dayNumber(date);
  const canonical = dateOfDay(n);
  const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday
  const { knownYears, holidays, makeupWorkdays } = cal();
  const known = knownYears.has(Number(canonical.slice(0, 4)));
  const holiday = holidays[canonical];
  if (holiday !== undefined) return { date: canonical, weekday, kind: 'holiday', workingDay: false, holiday: holidayName(holiday), known };
  const makeup = makeupWorkdays[canonical];
  if (makeup !== undefined) return { date: canonical, weekday, kind: 'makeup-workday', workingDay: true, holiday: holidayName(makeup), known };
  const weekend = weekday === 0 || weekday === 6;
  return { date: canonical, weekday, kind: weekend ? 'weekend' : 'workday', workingDay: !weekend, known };
}

/** Whether offices in mainland China work on this `YYYY-MM-DD` day. */
export function isWorkingDay(date: string): boolean {
  return dayInfo(date).workingDay;
}

/** What {@link addWorkingDays} returns. */
export interface WorkingDaysResult {
  /** The day the count ends on, `YYYY-MM-DD`. */
  date: string;
  /** Years counted through without an announced schedule (judged Monday to Friday): the date is then an estimate. */
  estimatedYears: number[];
}

/**
 * The `count`-th working day after `date` (the day itself is not counted): `addWorkingDays('2026-09-30', 1)`
 * is the first working day after the National Day holiday. `count` is a whole number 0 … 366; 0 gives
 * `date` itself when it is a working day, else the next one.
 */
export function addWorkingDays(date: string, count: number): WorkingDaysResult {
  if (!Number.isInteger(count) || count < 0 || count > 366) {
    throw new Vanity400Error(
      typeof count === 'number' ? 'BAD_ARGUMENT' : 'INVALID_TYPE',
      { zh: `工作日天数 ${typeof count === 'number' ? String(count) : `（${typeof count}）`} 无效：应为 0 到 366 的整数`, en: `working-day count ${typeof count === 'number' ? String(count) : `(${typeof count})`} is not valid: expected a whole number 0 to 366` },
      { input: count },
    );
  }
  const start = dayNumber(date);
  let day = start;
  if (count === 0) {
    while (!workingOn(day)) day++;
  }
  for (let left = count; left > 0; ) if (workingOn(++day)) left--;
  const from = yearOf(count === 0 ? start : start + 1);
  const estimated: number[] = [];
  const { knownYears } = cal();
  for (let year = from; year <= yearOf(day); year++) if (!knownYears.has(year)) estimated.push(year);
  return { date: dateOfDay(day), estimatedYears: estimated };
}

/** The year of a day number. */
function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Whether offices work on a day number: from the table over the known years, else Monday to Friday. */
function workingOn(day: number): boolean {
  const { tableStart, working } = cal();
  const i = day - tableStart;
  if (i >= 0 && i < working.length) return working[i] === 1;
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The lead of every answer counted through years without an announced schedule. */
function unannounced(years: readonly number[], where: string): LocalText {
  if (!Array.isArray(years) || years.length === 0 || !years.every(Number.isInteger)) throw invalidType(`${where}: years`, '年份数组', 'an array of years', years);
  return { zh: `${years.join('、')} 年的放假安排国家还没公布`, en: `the ${years.join(', ')} public holidays are not announced yet` };
}

/** What a day counted through `years` without an announced holiday schedule says of itself: it is estimated, Monday to Friday. */
export function estimateNote(years: readonly number[]): LocalText {
  const lead = unannounced(years, 'estimateNote()');
  return { zh: `${lead.zh}，这个日子是按周一到周五上班估算的，以公布的安排为准`, en: `${lead.en}, so this day is estimated counting Monday to Friday as working days` };
}

/** What an answer about a day of `year`, without an announced holiday schedule, says it assumed: Monday to Friday are working days. */
export function weekdaysAssumedNote(year: number): LocalText {
  const lead = unannounced([year], 'weekdaysAssumedNote()');
  return { zh: `${lead.zh}，先按周一到周五上班算`, en: `${lead.en}: Monday to Friday are taken as working days` };
}
