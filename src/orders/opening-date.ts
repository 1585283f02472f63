import { addWorkingDays, beijingDate, estimateNote } from '../calendar/working-days.js';
import { guardFields, guardKind, guardLanguage, guardObject, guardString, invalidType } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { format } from '../number/format.js';
import { OPEN_WORKING_DAYS, tierById, type TierId } from '../scoring/tiers.js';
import { tierOfRequest } from '../packages/quote.js';

/** What {@link openingDate} answers. */
export interface OpeningDate {
  /** The number as 10 digits, when one was asked about. */
  number?: string;
  /** Its tier (or the tier asked about). */
  tier: TierId;
  /** Whether it is one of the carrier's special numbers. */
  special: boolean;
  /** Working days the carrier takes: 3 for ordinary numbers, 7 for special ones (data/tiers.json). */
  workingDays: number;
  /** The Beijing day the prepayment arrived, `YYYY-MM-DD`. */
  paidOn: string;
  /** The first working day counted: the first working day after `paidOn`. */
  countFrom: string;
  /** The day the line is expected to open, `YYYY-MM-DD`: the `workingDays`-th working day after `paidOn`. */
  date: string;
  /** Years counted through whose holidays are not announced yet: the date is then estimated Monday to Friday. */
  estimatedYears: number[];
  /** Set when `estimatedYears` is not empty: `2027 年的放假安排国家还没公布，这个日子是按周一到周五上班估算的，以公布的安排为准`. */
  note?: LocalText;
}

/**
 * The day a number is expected to open after its prepayment arrives, in Beijing time: 3 working days for
 * ordinary numbers and 7 for the carrier's special ones (the seed: 在收到预付款后，普通号码一般3个工作日即可开通，
 * 特殊号码需要7个工作日). The day the payment arrives is never counted, whatever the hour: a payment at
 * 09:00 and one at 17:30 on a Monday both count from Tuesday, and one on a Saturday or a holiday counts
 * from the next working day. Public holidays and make-up working days follow the State Council's
 * schedule; a year without one is counted Monday to Friday and said so in `note`.
 *
 * @param numberOrTier a 400 number in any written form (its shape says whether it is special), `'special'` for a special number, or a tier id (`'ordinary'`, `'top'` …) for an ordinary one.
 * @param paidAt when the prepayment arrived: a Date, epoch ms, an ISO time with its offset, or a Beijing day `YYYY-MM-DD`.
 * @throws Vanity400Error BAD_DATE for a malformed time (field `paidAt`); BAD_ARGUMENT for an unknown tier; the parse errors of a malformed number.
 */
export function openingDate(numberOrTier: string, paidAt: Date | number | string): OpeningDate {
  guardString(numberOrTier, 'openingDate(): numberOrTier');
  guardKind(paidAt, 'paidAt', 'string|number|object', 'paidAt');
  const asked =
    numberOrTier === 'special' ? { tier: 'ordinary', special: true } : typeof numberOrTier === 'string' && tierById(numberOrTier) ? { tier: numberOrTier } : { number: numberOrTier };
  const { tier, special, number } = tierOfRequest(asked);
  const workingDays = special ? OPEN_WORKING_DAYS.special : OPEN_WORKING_DAYS.ordinary;
  let paidOn: string;
  try {
    paidOn = beijingDate(paidAt);
  } catch (error) {
    if (error instanceof Vanity400Error) throw new Vanity400Error(error.code, { zh: `paidAt：${error.text.zh}`, en: `paidAt: ${error.text.en}` }, { input: paidAt, field: 'paidAt' });
    throw error;
  }
  const opens = addWorkingDays(paidOn, workingDays);
  const result: OpeningDate = {
    tier,
    special,
    workingDays,
    paidOn,
    countFrom: addWorkingDays(paidOn, 1).date,
    date: opens.date,
    estimatedYears: opens.estimatedYears,
  };
  if (opens.estimatedYears.length > 0) result.note = estimateNote(opens.estimatedYears);
  return number === undefined ? result : { number, ...result };
}

/** An {@link openingDate} answer in a sentence to tell the customer: "400-666-8888 顶级靓号（特殊号码）：2026-09-30 付款，从 2026-10-08 起算 7 个工作日，预计 2026-10-15 开通。" */
export function describeOpeningDate(d: OpeningDate, lang: 'zh' | 'en'): string {
  guardObject(d, 'describeOpeningDate(): date', 'openingDate() 的结果', 'what openingDate() returns');
  guardLanguage(lang, 'describeOpeningDate(): lang');
  const tier = tierById(d.tier);
  if (tier === undefined) throw invalidType('describeOpeningDate(): date', 'openingDate() 的结果', 'what openingDate() returns', d);
  const who = d.number ? `${format(d.number)} ` : '';
  if (lang === 'zh') {
    const note = d.note ? `（${d.note.zh}）` : '';
    return `${who}${tier.zh}${d.special ? '（特殊号码）' : ''}：北京时间 ${d.paidOn} 付款，从 ${d.countFrom} 起算 ${d.workingDays} 个工作日，预计 ${d.date} 开通${note}。`;
  }
  const note = d.note ? ` (${d.note.en})` : '';
  return `${who}${tier.en}${d.special ? ' (a special number)' : ''}: paid on ${d.paidOn} Beijing time, ${d.workingDays} working days counted from ${d.countFrom}, opens about ${d.date}${note}.`;
}

/** An order's opening day as its 受理单, `order show` and the bot say it: `2027-01-06（3 个工作日，…估算的…）` with the estimate said when there is one. */
export function openingDayText(opening: { date: string; workingDays: number; estimatedYears: readonly number[] }): LocalText {
  guardObject(opening, 'openingDayText(): opening', '订单的 opening', "an order's opening");
  guardFields(opening, 'openingDayText(): opening', { date: 'string', workingDays: 'number' });
  if (!Array.isArray(opening.estimatedYears)) throw invalidType('openingDayText(): opening.estimatedYears', '年份数组', 'an array of years', opening.estimatedYears);
  const note = opening.estimatedYears.length > 0 ? estimateNote(opening.estimatedYears) : undefined;
  return {
    zh: `${opening.date}（${opening.workingDays} 个工作日${note ? `；${note.zh}` : ''}）`,
    en: `${opening.date} (${opening.workingDays} working days${note ? `; ${note.en}` : ''})`,
  };
}
