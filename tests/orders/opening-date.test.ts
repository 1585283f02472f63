import fc from 'fast-check';
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { calendarYears, dateOfDay, dayNumber } from '../../src/calendar/index.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { openingDate } from '../../src/orders/opening-date.js';
import { score } from '../../src/scoring/score.js';

const years = calendarYears();
const first = Date.UTC(years[0]!, 0, 1);
const last = Date.UTC(years.at(-1)!, 11, 31, 23, 59);
/** Working days after `from` up to and including `to`, by chinese-days' own data. */
function workdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = dayNumber(from) + 1; d <= dayNumber(to); d++) if (isWorkday(dateOfDay(d))) n++;
  return n;
}

describe('openingDate', () => {
  it('never lands on a non-working day nor before the payment, and counts exactly 3 or 7 working days (chinese-days)', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last - 30 * 86_400_000 }), fc.constantFrom('ordinary', 'top', 'special', '4006123000', '4006668888'), (paidAt, what) => {
        const d = openingDate(what, paidAt);
        const days = what === 'special' || (what.startsWith('400') && score(what).special) ? 7 : 3;
        expect(d.workingDays).toBe(days);
        expect(isWorkday(d.date)).toBe(true);
        expect(isWorkday(d.countFrom)).toBe(true);
        expect(d.date > d.paidOn).toBe(true);
        expect(Date.parse(`${d.date}T23:59:59+08:00`)).toBeGreaterThan(paidAt);
        expect(workdaysBetween(d.paidOn, d.date)).toBe(days);
        expect(workdaysBetween(d.paidOn, d.countFrom)).toBe(1);
        expect(d.estimatedYears).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('counts from the first working day after the day of payment, whatever the hour', () => {
    // Monday 2026-12-07: the morning and the evening give the same day.
    const morning = openingDate('ordinary', '2026-12-07T09:00+08:00');
    const evening = openingDate('ordinary', '2026-12-07T17:30+08:00');
    expect(morning).toEqual(evening);
    expect(morning).toMatchObject({ paidOn: '2026-12-07', countFrom: '2026-12-08', date: '2026-12-10' });
    // Paid on a Saturday: counted from Monday.
    expect(openingDate('ordinary', '2026-12-05').date).toBe('2026-12-09');
  });

  it('reads the payment in Beijing time', () => {
    // 18:30 UTC on 3 December is 02:30 on 4 December in Beijing.
    expect(openingDate('ordinary', '2026-12-03T18:30:00Z').paidOn).toBe('2026-12-04');
    expect(openingDate('ordinary', Date.UTC(2026, 11, 3, 15, 59)).paidOn).toBe('2026-12-03');
    expect(openingDate('ordinary', new Date(Date.UTC(2026, 11, 3, 16, 0))).paidOn).toBe('2026-12-04');
  });

  it('waits out a holiday and counts a make-up Saturday (National Day 2026)', () => {
    expect(openingDate('4006668888', '2026-09-30T17:30+08:00')).toMatchObject({ special: true, workingDays: 7, countFrom: '2026-10-08', date: '2026-10-15' });
  });

  it('says when a year has no announced holidays', () => {
    const next = years.at(-1)! + 1;
    const d = openingDate('ordinary', `${next - 1}-12-30T10:00+08:00`);
    expect(d.estimatedYears).toEqual([next]);
    expect(d.note!.zh).toBe(`${next} 年的放假安排国家还没公布，这个日子是按周一到周五上班估算的，以公布的安排为准`);
    expect(d.note!.en).toMatch(/not announced yet/);
  });

  it.each([['2026-13-01'], ['next monday'], ['2026-12-03T10:00'], [Number.NaN], [null]])('refuses the payment time %j as BAD_DATE (a string) or INVALID_TYPE, naming paidAt', (paidAt) => {
    let error: unknown;
    try {
      openingDate('ordinary', paidAt as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Vanity400Error);
    expect(error).toMatchObject({ code: typeof paidAt === 'string' ? 'BAD_DATE' : 'INVALID_TYPE', field: 'paidAt' });
    expect((error as Vanity400Error).messageIn('zh')).toMatch(/^paidAt：/);
  });

  it('refuses a malformed number', () => {
    expect(() => openingDate('400-12', '2026-12-03')).toThrow(expect.objectContaining({ code: 'WRONG_LENGTH' }));
  });
});
