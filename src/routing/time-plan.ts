import type { DayKind } from '../calendar/working-days.js';
import type { LocalText } from '../errors/vanity400-error.js';
import { DAY_NAMES, WEEK, WEEKDAYS, clockText, type DaySelector } from './call-time.js';

/**
 * A time plan as a table: for each kind of day and each minute, the slot that takes the call. Kinds of
 * day: the seven ordinary weekdays (0 Sunday … 6 Saturday), a public holiday on each weekday (7 … 13),
 * and a make-up working day on Saturday (14) or Sunday (15). Every real day is one of these sixteen.
 */
export const DAY_TYPES = 16;
const MINUTES = 1440;
/** In the table: no slot covers the minute. */
export const UNCOVERED = -1;

/** The kind of day (0 … 15) of a weekday and what the calendar says of it. */
export function dayType(weekday: number, kind: DayKind): number {
  if (kind === 'holiday') return 7 + weekday;
  if (kind === 'makeup-workday') return weekday === 6 ? 14 : weekday === 0 ? 15 : weekday;
  return weekday;
}

function weekdayOfType(type: number): number {
  return type < 7 ? type : type < 14 ? type - 7 : type === 14 ? 6 : 0;
}

/** Holidays first, then the calendar's working and rest days, then plain weekdays: the first layer with a slot for the minute takes it. */
function layerOf(selector: DaySelector): number {
  return selector === 'holiday' ? 0 : selector === 'workday' || selector === 'restday' ? 1 : 2;
}

function matches(selector: DaySelector, type: number): boolean {
  const weekday = weekdayOfType(type);
  switch (selector) {
    case 'holiday':
      return type >= 7 && type < 14;
    case 'workday':
      return type >= 14 || (type < 7 && weekday >= 1 && weekday <= 5);
    case 'restday':
      return (type >= 7 && type < 14) || (type < 7 && (weekday === 0 || weekday === 6));
    default:
      return WEEKDAYS[weekday] === selector;
  }
}

/** A slot reduced to what the table needs: its days and its minutes [from, to) (wrapping past midnight when to ≤ from). */
export interface Slot {
  days: readonly DaySelector[];
  from: number;
  to: number;
}

function covers(slot: Slot, minute: number): boolean {
  return slot.from < slot.to ? minute >= slot.from && minute < slot.to : minute >= slot.from || minute < slot.to;
}

/** What {@link buildTimeTable} finds. */
export interface TimeTable {
  /** DAY_TYPES × 1440 entries: the slot index, or UNCOVERED. */
  table: Int16Array;
  /** Pairs of slots that claim the same minute, with where they first do. */
  overlaps: { a: number; b: number; type: number; from: number; to: number }[];
  /** Slots that never take a call. */
  unreachable: number[];
  /** Whether any slot names a calendar class (节假日, 工作日, 休息日). */
  usesCalendar: boolean;
}

/** The table of a time plan's slots, with its overlaps and the slots that never apply. */
export function buildTimeTable(slots: readonly Slot[]): TimeTable {
  const table = new Int16Array(DAY_TYPES * MINUTES).fill(UNCOVERED);
  const reached = new Uint8Array(slots.length);
  const pairs = new Map<string, { a: number; b: number; type: number; from: number; to: number }>();
  const layered = slots.map((slot) => [0, 1, 2].map((layer) => slot.days.filter((d) => layerOf(d) === layer)));
  for (let type = 0; type < DAY_TYPES; type++) {
    const byLayer = [0, 1, 2].map((layer) => slots.map((_, i) => i).filter((i) => layered[i]![layer]!.some((d) => matches(d, type))));
    for (let minute = 0; minute < MINUTES; minute++) {
      for (const candidates of byLayer) {
        const hit = candidates.filter((i) => covers(slots[i]!, minute));
        if (hit.length === 0) continue;
        table[type * MINUTES + minute] = hit[0]!;
        for (const i of hit) reached[i] = 1;
        for (let x = 0; x < hit.length; x++) {
          for (let y = x + 1; y < hit.length; y++) {
            const key = `${hit[x]},${hit[y]}`;
            const seen = pairs.get(key);
            if (!seen) pairs.set(key, { a: hit[x]!, b: hit[y]!, type, from: minute, to: minute + 1 });
            else if (seen.type === type && seen.to === minute) seen.to = minute + 1;
          }
        }
        break;
      }
    }
  }
  return {
    table,
    overlaps: [...pairs.values()],
    unreachable: slots.map((_, i) => i).filter((i) => !reached[i]),
    usesCalendar: slots.some((s) => s.days.some((d) => layerOf(d) < 2)),
  };
}

/** The minute spans [from, to) of a kind of day that no slot covers. */
function gapsOf(table: Int16Array, type: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let minute = 0; minute < MINUTES; minute++) {
    if (table[type * MINUTES + minute] !== UNCOVERED) continue;
    const last = spans.at(-1);
    if (last && last[1] === minute) last[1] = minute + 1;
    else spans.push([minute, minute + 1]);
  }
  return spans;
}

/** "周一至周五" / "Monday to Friday" for a set of weekdays (0 … 6), runs of three or more joined. */
function weekdaysLabel(weekdays: readonly number[]): LocalText {
  const order = WEEK.map((d) => WEEKDAYS.indexOf(d)).filter((w) => weekdays.includes(w));
  const runs: number[][] = [];
  for (const w of order) {
    const run = runs.at(-1);
    if (run && WEEK.indexOf(WEEKDAYS[run.at(-1)!]!) + 1 === WEEK.indexOf(WEEKDAYS[w]!)) run.push(w);
    else runs.push([w]);
  }
  const part = (run: number[], lang: 'zh' | 'en') => {
    const name = (w: number) => DAY_NAMES[WEEKDAYS[w]!][lang];
    if (run.length >= 3) return lang === 'zh' ? `${name(run[0]!)}至${name(run.at(-1)!)}` : `${name(run[0]!)} to ${name(run.at(-1)!)}`;
    return run.map(name).join(lang === 'zh' ? '、' : ', ');
  };
  return { zh: runs.map((r) => part(r, 'zh')).join('、'), en: runs.map((r) => part(r, 'en')).join(', ') };
}

/** The kinds of day listed in words: 周一至周五, 节假日, 调休上班的周六 … */
export function dayTypesLabel(types: readonly number[]): LocalText {
  const ordinary = types.filter((t) => t < 7);
  const holidays = types.filter((t) => t >= 7 && t < 14).map((t) => t - 7);
  const makeup = types.filter((t) => t >= 14).map(weekdayOfType);
  const parts: LocalText[] = [];
  if (ordinary.length) parts.push(weekdaysLabel(ordinary));
  if (holidays.length === 7) parts.push(DAY_NAMES.holiday);
  else if (holidays.length) {
    const days = weekdaysLabel(holidays);
    parts.push({ zh: `逢${days.zh}的节假日`, en: `public holidays on ${days.en}` });
  }
  if (makeup.length) {
    const days = weekdaysLabel(makeup);
    parts.push({ zh: `调休上班的${days.zh}`, en: `make-up working days on ${days.en}` });
  }
  return { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join('; ') };
}

/** "09:00–18:00" for [from, to) in minutes. */
export function spanLabel(from: number, to: number): string {
  return `${clockText(from)}–${clockText(to)}`;
}

/**
 * The times no slot covers, grouped by kind of day: ["周六、周日 00:00–09:00、18:00–24:00", …]. Without
 * calendar slots, holidays and make-up days follow their weekdays and are not listed apart.
 */
export function describeGaps(plan: TimeTable): LocalText[] {
  const groups = new Map<string, number[]>();
  for (let type = 0; type < (plan.usesCalendar ? DAY_TYPES : 7); type++) {
    const spans = gapsOf(plan.table, type);
    if (spans.length === 0) continue;
    const key = spans.map(([a, b]) => spanLabel(a, b)).join('、');
    groups.set(key, [...(groups.get(key) ?? []), type]);
  }
  return [...groups].map(([spans, types]) => {
    const days = dayTypesLabel(types);
    return { zh: `${days.zh} ${spans}`, en: `${days.en} ${spans.replace(/、/g, ', ')}` };
  });
}

/** A time rule's days and times in words: "周一至周五 09:00–18:00", "节假日全天" / "Monday to Friday 09:00–18:00", "public holidays, all day". */
export function slotLabel(rule: { days: readonly DaySelector[]; from: string; to: string }): LocalText {
  const weekdays = rule.days.filter((d) => (WEEK as readonly string[]).includes(d)).map((d) => WEEKDAYS.indexOf(d as (typeof WEEK)[number]));
  const parts: LocalText[] = [];
  if (weekdays.length === 7) parts.push({ zh: '每天', en: 'every day' });
  else if (weekdays.length) parts.push(weekdaysLabel(weekdays));
  for (const d of rule.days) if (!(WEEK as readonly string[]).includes(d)) parts.push(DAY_NAMES[d]);
  const days = { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join(', ') };
  if (rule.from === '00:00' && rule.to === '24:00') return { zh: `${days.zh}全天`, en: `${days.en}, all day` };
  const wraps = rule.to <= rule.from;
  const times = wraps ? `00:00–${rule.to}、${rule.from}–24:00` : `${rule.from}–${rule.to}`;
  return { zh: `${days.zh} ${times}`, en: `${days.en} ${times.replace('、', ', ')}` };
}
