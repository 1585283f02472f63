import { beijingDate, dayInfo, type DayKind } from '../calendar/working-days.js';
import { quoted, guardKind } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

/** A day of the week, Monday first. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** The days a time rule names: weekdays, or the calendar's classes: 工作日 (working days, make-up days included), 休息日 (weekends and holidays), 节假日 (public holidays). */
export type DaySelector = Weekday | 'workday' | 'restday' | 'holiday';

/** Weekdays in the calendar's numbering (0 Sunday … 6 Saturday). */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Monday to Sunday, the order forms list them in. */
export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Day selectors in words. */
export const DAY_NAMES: Readonly<Record<DaySelector, LocalText>> = {
  mon: { zh: '周一', en: 'Monday' },
  tue: { zh: '周二', en: 'Tuesday' },
  wed: { zh: '周三', en: 'Wednesday' },
  thu: { zh: '周四', en: 'Thursday' },
  fri: { zh: '周五', en: 'Friday' },
  sat: { zh: '周六', en: 'Saturday' },
  sun: { zh: '周日', en: 'Sunday' },
  workday: { zh: '工作日', en: 'working days' },
  restday: { zh: '休息日', en: 'rest days' },
  holiday: { zh: '节假日', en: 'public holidays' },
};

const ZH_DIGIT: Record<string, Weekday> = { 一: 'mon', 二: 'tue', 三: 'wed', 四: 'thu', 五: 'fri', 六: 'sat', 日: 'sun', 天: 'sun', '1': 'mon', '2': 'tue', '3': 'wed', '4': 'thu', '5': 'fri', '6': 'sat', '7': 'sun' };
const SELECTOR_WORDS: Record<string, DaySelector> = {
  workday: 'workday',
  workdays: 'workday',
  工作日: 'workday',
  restday: 'restday',
  restdays: 'restday',
  休息日: 'restday',
  holiday: 'holiday',
  holidays: 'holiday',
  节假日: 'holiday',
  法定节假日: 'holiday',
};

/** 'mon', 'Monday', '周一', '星期一', '礼拜一' → 'mon'; undefined when it is no weekday. */
function weekdayOf(word: string): Weekday | undefined {
  const w = word.trim().toLowerCase();
  const en = WEEK.find((d) => w === d || (w.length >= 3 && DAY_NAMES[d].en.toLowerCase().startsWith(w)));
  if (en) return en;
  const zh = /^(?:周|星期|礼拜)([一二三四五六日天1-7])$/.exec(w);
  return zh ? ZH_DIGIT[zh[1]!] : undefined;
}

/**
 * A day word of a time rule as selectors: a weekday (mon, 周一, Monday), a range of them (mon-fri,
 * 周一至周五, 周一~周五), or a calendar class (workday 工作日, restday 休息日, holiday 节假日).
 * Undefined when it is none of these.
 */
export function daySelectors(word: string): DaySelector[] | undefined {
  if (typeof word !== 'string') return undefined;
  const w = word.trim();
  const selector = SELECTOR_WORDS[w.toLowerCase()];
  if (selector) return [selector];
  const one = weekdayOf(w);
  if (one) return [one];
  const range = /^(.+?)\s*(?:-|–|~|～|至|到)\s*(.+)$/.exec(w);
  if (!range) return undefined;
  const from = weekdayOf(range[1]!);
  let to = weekdayOf(range[2]!);
  // 周一至五: the second weekday written without 周.
  if (!to && from && /^[一二三四五六日天]$/.test(range[2]!)) to = ZH_DIGIT[range[2]!];
  if (!from || !to) return undefined;
  const days: Weekday[] = [];
  for (let i = WEEK.indexOf(from); ; i = (i + 1) % 7) {
    days.push(WEEK[i]!);
    if (WEEK[i] === to) break;
  }
  return days;
}

const CLOCK = /^(\d{1,2})[:：](\d{2})$/;

/** Minutes since midnight of a time of day 'HH:MM' (00:00 … 23:59, and 24:00 when `end`); undefined when it is none. */
export function clockMinutes(text: string, end = false): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return undefined;
  if (h === 24 && min === 0 && end) return 1440;
  if (h > 23) return undefined;
  return h * 60 + min;
}

/** 'HH:MM' of minutes since midnight (1440 is 24:00). */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** When a call comes in, in Beijing time. */
export interface CallTime {
  /** The Beijing calendar day, YYYY-MM-DD; absent when only a weekday was given ("周六 14:00"). */
  date?: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** Minutes since midnight, 0 … 1439. */
  minute: number;
  /** HH:MM. */
  clock: string;
  /** What the calendar says of the day: without a date, a weekday is taken as an ordinary one. */
  day: DayKind;
  /** The holiday a holiday or make-up working day belongs to. */
  holiday?: LocalText;
  /** False when the calendar has no announced schedule for the year (then only Monday to Friday count as working days), or no date was given. */
  known: boolean;
}

function badTime(value: unknown, why: LocalText): never {
  const shown = quoted(value);
  throw new Vanity400Error('BAD_TIME', { zh: `来电时间 ${shown} 无效：${why.zh}`, en: `call time ${shown} is not valid: ${why.en}` }, { input: value });
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WEEKDAY_TIME = /^(\S+?)\s*(\d{1,2}[:：]\d{2})$/;
const HOUR_MS = 3_600_000;

function onDay(date: string, minute: number): CallTime {
  const info = dayInfo(date);
  const time: CallTime = { date: info.date, weekday: info.weekday, minute, clock: clockText(minute), day: info.kind, known: info.known };
  if (info.holiday) time.holiday = info.holiday;
  return time;
}

/**
 * When a call comes in, in Beijing time: a Date or epoch milliseconds; an ISO time with its offset
 * (2026-03-07T06:00:00Z); a Beijing date and time (2026-03-07 14:00); or a weekday and time without a date
 * (周六 14:00, 星期六 14:00, Sat 14:00), taken as an ordinary day of that weekday (no holiday). Anything
 * else, 25:00 among it, is a BAD_TIME error.
 */
export function parseCallTime(at: Date | number | string): CallTime {
  guardKind(at, 'parseCallTime(): at', 'string|number|object');
  if (at instanceof Date || typeof at === 'number') {
    const ms = at instanceof Date ? at.getTime() : at;
    if (!Number.isFinite(ms)) badTime(at, { zh: '不是有效的时间', en: 'not a valid time' });
    const minute = Math.floor((((ms + 8 * HOUR_MS) % 86_400_000) + 86_400_000) % 86_400_000 / 60_000);
    return onDay(beijingDate(ms), minute);
  }
  if (typeof at !== 'string') badTime(at, { zh: '应为时间字符串、Date 或时间戳', en: 'expected a string, a Date or a timestamp' });
  const text = at.trim();
  const local = LOCAL.exec(text);
  if (local) {
    const minute = clockMinutes(local[2]!);
    if (minute === undefined || (local[3] !== undefined && Number(local[3]) > 59)) badTime(at, { zh: '时刻应在 00:00 到 23:59 之间', en: 'the time of day must be 00:00 to 23:59' });
    try {
      return onDay(local[1]!, minute);
    } catch {
      badTime(at, { zh: '没有这一天', en: 'no such day' });
    }
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text);
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text) || !Number.isFinite(ms)) badTime(at, { zh: '应为 2026-03-07 14:00 或带时区的时间', en: 'expected 2026-03-07 14:00 or a time with its offset' });
    return parseCallTime(ms);
  }
  const weekdayTime = WEEKDAY_TIME.exec(text);
  if (weekdayTime) {
    const day = weekdayOf(weekdayTime[1]!);
    const minute = clockMinutes(weekdayTime[2]!);
    if (!day) badTime(at, { zh: `“${weekdayTime[1]}”不是星期几`, en: `"${weekdayTime[1]}" is not a day of the week` });
    if (minute === undefined) badTime(at, { zh: '时刻应在 00:00 到 23:59 之间', en: 'the time of day must be 00:00 to 23:59' });
    const weekday = WEEKDAYS.indexOf(day);
    return { weekday, minute, clock: clockText(minute), day: weekday === 0 || weekday === 6 ? 'weekend' : 'workday', known: false };
  }
  badTime(at, { zh: '应为“周六 14:00”、“2026-03-07 14:00”或带时区的时间', en: 'expected "Sat 14:00", "2026-03-07 14:00" or a time with its offset' });
}

/** "2026-03-07（周六）14:00" or "周六 14:00" / "Saturday 2026-03-07 14:00" or "Saturday 14:00". */
export function callTimeLabel(time: CallTime): LocalText {
  const name = DAY_NAMES[WEEKDAYS[time.weekday]!];
  const note =
    time.day === 'holiday' && time.holiday
      ? { zh: `，${time.holiday.zh}`, en: ` (${time.holiday.en})` }
      : time.day === 'makeup-workday'
        ? { zh: '，调休上班', en: ' (a make-up working day)' }
        : { zh: '', en: '' };
  return time.date
    ? { zh: `${time.date}（${name.zh}${note.zh}）${time.clock}`, en: `${name.en} ${time.date}${note.en} ${time.clock}` }
    : { zh: `${name.zh} ${time.clock}`, en: `${name.en} ${time.clock}` };
}
