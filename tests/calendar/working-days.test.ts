import fc from 'fast-check';
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, beijingDate, beijingTime, calendarYears, dateOfDay, dayInfo, dayNumber, isWorkingDay, readDate } from '../../src/calendar/index.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

const knownYears = calendarYears();
const firstKnown = dayNumber(`${knownYears[0]}-01-01`);
const lastKnown = dayNumber(`${knownYears.at(-1)}-12-31`);

describe('the working-day calendar', () => {
  it('agrees with the chinese-days package on every day it covers', () => {
    for (let d = firstKnown; d <= lastKnown; d++) {
      const date = dateOfDay(d);
      expect(isWorkingDay(date), date).toBe(isWorkday(date));
    }
  });

  it('names holidays and make-up working days', () => {
    expect(dayInfo('2026-10-01')).toMatchObject({ kind: 'holiday', workingDay: false, holiday: { zh: '国庆节' }, known: true });
    expect(dayInfo('2026-09-20')).toMatchObject({ kind: 'makeup-workday', workingDay: true, weekday: 0 });
    expect(dayInfo('2026-12-05')).toMatchObject({ kind: 'weekend', workingDay: false, weekday: 6 });
    expect(dayInfo('2026-12-03')).toMatchObject({ kind: 'workday', workingDay: true, weekday: 4 });
  });

  it('counts working days past a holiday and a make-up Saturday', () => {
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    expect(addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3).date).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-03', 0).date).toBe('2026-10-08');
    expect(addWorkingDays('2026-12-03', 0)).toEqual({ date: '2026-12-03', estimatedYears: [] });
  });

  it('says when it counts through a year without an announced schedule', () => {
    const year = knownYears.at(-1)! + 1;
    const result = addWorkingDays(`${year - 1}-12-30`, 3);
    expect(result.estimatedYears).toEqual([year]);
    expect(dayInfo(`${year}-03-02`).known).toBe(false);
  });

  it('never lands on a non-working day and counts exactly n working days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: firstKnown, max: lastKnown - 60 }), fc.integer({ min: 0, max: 20 }), (start, n) => {
        const from = dateOfDay(start);
        const { date } = addWorkingDays(from, n);
        expect(isWorkday(date)).toBe(true);
        let worked = 0;
        for (let d = start + 1; d <= dayNumber(date); d++) if (isWorkday(dateOfDay(d))) worked++;
        expect(worked).toBe(n === 0 ? (isWorkday(from) ? 0 : 1) : n);
      }),
      { numRuns: 500 },
    );
  });

  it('reads instants in Beijing time', () => {
    expect(beijingDate('2026-12-03T16:00:00Z')).toBe('2026-12-04');
    expect(beijingDate('2026-12-03T15:59:59Z')).toBe('2026-12-03');
    expect(beijingDate('2026-12-04T00:30+08:00')).toBe('2026-12-04');
    expect(beijingDate(Date.UTC(2026, 11, 3, 16))).toBe('2026-12-04');
    expect(beijingDate('2026-02-28')).toBe('2026-02-28');
  });

  it('shows an instant as Beijing time to the minute', () => {
    expect(beijingTime(Date.UTC(2026, 11, 3, 16, 5, 59))).toBe('2026-12-04 00:05');
    expect(beijingTime(Date.UTC(2026, 5, 30, 10))).toBe('2026-06-30 18:00');
    expect(() => beijingTime(NaN)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });

  it('reads a day as people write it: 2015/3/18, 2015.3.18, 20150318, 2015年3月18日', () => {
    for (const written of ['2015-03-18', '2015/3/18', '2015.03.18', '20150318', '2015年3月18日', '2015年03月18号', '２０１５年３月１８日', ' 2015/3/18 ']) {
      expect(readDate(written), written).toBe('2015-03-18');
      expect(beijingDate(written), written).toBe('2015-03-18');
      expect(dayInfo(written).date, written).toBe('2015-03-18');
    }
    for (const unread of ['2015/3-18', '2015年3月', '2015-02-29', '15/3/18', '2015 3 18', '三月十八日']) expect(readDate(unread), unread).toBeNull();
    expect(() => dayNumber('2015-02-29')).toThrow(expect.objectContaining({ code: 'BAD_DATE', text: expect.objectContaining({ zh: expect.stringContaining('没有这一天') }) }));
  });

  it('refuses malformed dates and counts with a typed error in both languages', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026120', '', 'yesterday', '2026-12-03T10:00']) {
      const err = (() => {
        try {
          beijingDate(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err, bad).toBeInstanceOf(Vanity400Error);
      expect((err as Vanity400Error).code).toBe('BAD_DATE');
      expect((err as Vanity400Error).messageIn('zh')).toContain('日期');
    }
    expect(() => dayInfo(42 as unknown as string)).toThrow(Vanity400Error);
    expect(() => addWorkingDays('2026-12-03', 1.5)).toThrow(/working-day count/);
    expect(() => addWorkingDays('2026-12-03', -1)).toThrow(Vanity400Error);
  });
});
