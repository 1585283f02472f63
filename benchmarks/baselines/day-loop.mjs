/**
 * The opening day the way one would write it with chinese-days alone: take the Beijing day of the
 * payment, then step one calendar day at a time, asking chinese-days' isWorkday of each, until the
 * count of working days is reached.
 */
import chineseDays from 'chinese-days';

const { isWorkday } = chineseDays;

const BEIJING_MS = 8 * 3_600_000;

/** The `workingDays`-th working day after the Beijing day of `paidAtMs`, `YYYY-MM-DD`. */
export function dayLoopOpening(paidAtMs, workingDays) {
  const day = new Date(paidAtMs + BEIJING_MS);
  day.setUTCHours(0, 0, 0, 0);
  for (let left = workingDays; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isWorkday(day.toISOString().slice(0, 10))) left--;
  }
  return day.toISOString().slice(0, 10);
}
