import documentsData from '../../../data/documents.json';
import { dayInfo } from '../../calendar/working-days.js';
import { checkCreditCode } from '../../documents/credit-code.js';
import { documentsFor, INDUSTRY_IDS, type DocumentsChecklist, type IndustryId } from '../../documents/documents-for.js';
import type { LocalText } from '../../errors/vanity400-error.js';
import { parsePhoneNumber, readPhoneNumber } from '../../routing/phone-number.js';
import { openingDate, type OpeningDate } from '../../orders/opening-date.js';
import type { Order } from '../../orders/order.js';
import type { PackageList } from '../../packages/packages.js';
import { quote, type PackageQuote, type Quote } from '../../packages/quote.js';
import type { Language } from '../../scoring/explain.js';
import { openOrderStore, openStore } from '../pools.js';
import type { Item } from './browse.js';
import { holder, type Customer } from './hold.js';
import type { Messages } from './messages.js';
import { checked, type Ui } from './ui.js';

/** Packages shown in the quote: the cheapest for the customer's traffic. */
export const QUOTED = 5;
const MAX_MINUTES = 1_000_000;

/** The landing numbers as typed: separated by commas (either width), 、 or spaces between whole numbers. */
export function splitLandingNumbers(text: string): string[] {
  return text
    .split(/[,，、;；]+/)
    .flatMap((part) => (/^[\d-]+(\s+[\d-]+)+$/.test(part.trim()) && part.trim().split(/\s+/).every((p) => p.replace(/-/g, '').length >= 10) ? part.trim().split(/\s+/) : [part]))
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A Beijing day as people say it: 2026年12月9日（周三）/ Wed 9 Dec 2026. */
export function sayDay(date: string, lang: Language): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = dayInfo(date).weekday;
  if (lang === 'zh') return `${y}年${m}月${d}日（周${'日一二三四五六'[weekday]}）`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekday]} ${d} ${months[m - 1]} ${y}`;
}

/** Asks the customer's traffic and shows what each package costs for it; resolves to the quote. */
export async function askQuote(ui: Ui, t: Messages, lang: Language, item: Item, packages: PackageList): Promise<Quote> {
  const minutes = await ui.text({
    message: t.minutes,
    placeholder: t.minutesExample,
    validate: (v) => {
      const text = (v ?? '').trim();
      return /^\d{1,7}$/.test(text) && Number(text) <= MAX_MINUTES ? undefined : t.minutesError(text);
    },
  });
  const q = quote({ number: item.number, minutesPerMonth: Number(minutes.trim()) }, packages);
  ui.note(quoteLines(q, t, lang).join('\n'), t.quoteTitle(q.minutesPerMonth));
  return q;
}

/** The quote as the salesperson reads it out: the minimum spend, the cheapest packages, the warnings, what callers pay. */
export function quoteLines(q: Quote, t: Messages, lang: Language): string[] {
  const lines = [t.minimumSpend(q)];
  for (const p of q.packages.slice(0, QUOTED)) {
    lines.push(t.quotedPackage(p));
    if (p.warning) lines.push(`  ⚠ ${p.warning[lang]}`);
  }
  if (q.packages.length > QUOTED) lines.push(t.morePackages(q.packages.length - QUOTED));
  if (q.ineligible.length) lines.push(t.ineligible(q.ineligible.length));
  lines.push(q.caller[lang]);
  return lines;
}

/** The package the customer takes, among those the number can have, cheapest for its traffic first. */
export async function askPackage(ui: Ui, t: Messages, lang: Language, q: Quote): Promise<PackageQuote> {
  return ui.select({
    message: t.whichPackage,
    options: q.packages.map((p) => ({ value: p, label: lang === 'zh' ? p.package.zh : p.package.en, hint: t.packageHint(p) })),
  });
}

/** The opening day if the prepayment came in now, said as the salesperson tells the customer. */
export function showOpening(ui: Ui, t: Messages, lang: Language, item: Item, now: number): OpeningDate {
  const d = openingDate(item.number, now);
  ui.info(t.opening(d, sayDay(d.date, lang), sayDay(d.countFrom, lang)));
  return d;
}

/** What the draft order needs beyond the hold: the applicant as on its business licence, and the landing numbers. */
export interface Applicant {
  company: { name: string; creditCode: string };
  landingNumbers: string[];
  numbersHeld: number;
  industry?: IndustryId;
}

/** Asks for the applicant; undefined when the salesperson skips its name (no order for now). */
export async function askApplicant(ui: Ui, t: Messages, lang: Language): Promise<Applicant | undefined> {
  const name = (await ui.text({ message: t.companyName, placeholder: t.companyNameSkip, validate: (v) => ((v ?? '').length > 200 ? t.companyNameLong : undefined) })).trim();
  if (name === '') return undefined;
  const creditCode = checkCreditCode(
    (await ui.text({ message: t.creditCode, validate: (v) => checked(() => checkCreditCode((v ?? '').trim(), t.creditCodeField), lang) })).trim(),
    t.creditCodeField,
  );
  const landing = (
    await ui.text({
      message: t.landing,
      placeholder: t.landingSkip,
      validate: (v) => {
        const typed = splitLandingNumbers(v ?? '');
        const read = typed.map((n) => readPhoneNumber(n));
        const bad = read.findIndex((r) => !r.ok);
        if (bad >= 0) return t.landingBad(bad + 1, typed[bad]!, (read[bad] as { why: LocalText }).why[lang]);
        const numbers = read.map((r) => (r.ok ? r.value.number : ''));
        const twice = numbers.find((d, i) => numbers.indexOf(d) !== i);
        return twice === undefined ? undefined : t.landingTwice(twice);
      },
    })
  ).trim();
  const held = (
    await ui.text({
      message: t.numbersHeld,
      placeholder: '0',
      defaultValue: '0',
      validate: (v) => (v === undefined || v.trim() === '' || (/^\d{1,4}$/.test(v.trim()) && Number(v.trim()) <= 10_000) ? undefined : t.numbersHeldError(v.trim())),
    })
  ).trim();
  const industry = await ui.select<IndustryId | 'other'>({
    message: t.industry,
    options: [{ value: 'other', label: t.industryOther }, ...INDUSTRY_IDS.map((id) => ({ value: id, label: t.industryName(id) }))],
  });
  return {
    company: { name, creditCode },
    // As the 受理单's rules write them (021-61234567, 13800138000), the area code checked against the table.
    landingNumbers: splitLandingNumbers(landing).map((n) => parsePhoneNumber(n).number),
    numbersHeld: held === '' ? 0 : Number(held),
    ...(industry === 'other' ? {} : { industry }),
  };
}

/** The documents the applicant must hand in, each with why, as a note. */
export function showDocuments(ui: Ui, t: Messages, lang: Language, applicant: Applicant): DocumentsChecklist {
  const list = documentsFor({
    company: applicant.company,
    numbersHeld: applicant.numbersHeld,
    landingNumbers: applicant.landingNumbers,
    ...(applicant.industry ? { industry: applicant.industry } : {}),
  });
  const sep = lang === 'zh' ? '：' : ': ';
  const listed = applicant.landingNumbers.map((n) => parsePhoneNumber(n).display);
  ui.note(list.documents.map((d, i) => `${i + 1}. ${d[lang]}${sep}${d.why[lang]}${d.id === 'landing-real-name' && listed.length ? t.landingListed(listed) : ''}`).join('\n'), t.documentsTitle);
  return list;
}

/** The documents an application may need (data/documents.json), when the applicant is not known yet. */
export function showGenericDocuments(ui: Ui, t: Messages, lang: Language): void {
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = documentsData.documents.map((d, i) => `${i + 1}. ${d[lang]}${sep}${d.why[lang]}`);
  ui.note([...lines, `${lines.length + 1}. ${t.industryLicences}`].join('\n'), t.documentsTitle);
}

/** Makes the draft order in the store, for the customer the number is held for. */
export async function createDraft(location: string, lang: Language, item: Item, customer: Customer, chosen: PackageQuote, minutesPerMonth: number, applicant: Applicant, packages: PackageList): Promise<Order> {
  const inventory = await openStore(location, { lang });
  try {
    const orders = await openOrderStore(location, inventory, { packages });
    try {
      return await orders.create({
        customer: holder(customer),
        number: item.number,
        packageId: chosen.package.id,
        company: applicant.company,
        minutesPerMonth,
        ...(applicant.landingNumbers.length ? { landingNumbers: applicant.landingNumbers } : {}),
      });
    } finally {
      await orders.close();
    }
  } finally {
    await inventory.close();
  }
}
