import { inventoryRules, parseDuration } from '../../index.js';
import type { HoldResult } from '../../inventory/types.js';
import type { Language } from '../../scoring/explain.js';
import { tierLabel } from '../../scoring/tiers.js';
import { tierPaint } from '../colour.js';
import { openStore } from '../pools.js';
import type { Item } from './browse.js';
import type { Messages } from './messages.js';
import { checked, type Ui } from './ui.js';

export interface Customer {
  name: string;
  phone?: string;
  /** As typed, e.g. 30分钟 or 2h. */
  ttl: string;
}

const PHONE = /^\+?[\d\s()-]{5,20}$/;

/** Who the number is held for in the store: the name, and the phone after it when given. */
export function holder(customer: Customer): string {
  return customer.phone ? `${customer.name} ${customer.phone}` : customer.name;
}

export async function askCustomer(ui: Ui, t: Messages, lang: Language): Promise<Customer> {
  const name = (await ui.text({ message: t.customer, validate: (v) => checked(() => inventoryRules.checkCustomer((v ?? '').trim()), lang) })).trim();
  const phone = (
    await ui.text({ message: t.phone, placeholder: t.skip, validate: (v) => (!v?.trim() || PHONE.test(v.trim()) ? undefined : t.phoneError(v.trim())) })
  ).trim();
  const ttl = (
    await ui.text({
      message: t.holdTime,
      placeholder: t.defaultHoldTime,
      defaultValue: t.defaultHoldTime,
      validate: (v) => (v?.trim() ? checked(() => inventoryRules.checkTtl(parseDuration(v, t.holdTimeFrom)), lang) : undefined),
    })
  ).trim();
  return { name, ...(phone ? { phone } : {}), ttl };
}

/** Holds the number in the store named by --store, opened only for this. */
export async function holdNumber(location: string, item: Item, customer: Customer, lang: Language): Promise<HoldResult> {
  const store = await openStore(location, { lang });
  try {
    return await store.hold(item.number, holder(customer), parseDuration(customer.ttl));
  } finally {
    await store.close();
  }
}

/** A shell word as typed: quoted when it holds anything but plain characters. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function showSummary(ui: Ui, t: Messages, lang: Language, item: Item, customer: Customer, heldUntil: number, location: string, agent: string): void {
  // What comes next (the quote, the opening day, the documents, the order) follows in pick.
  const tier = tierLabel(item.tier, item.score);
  const colour = tierPaint(ui.paint, item.tier);
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  ui.note(
    [
      `${t.number}${colon}${ui.paint.bold(item.display)}`,
      `${t.score}${colon}${colour(`${item.score.toFixed(1)} ${lang === 'zh' ? tier.zh : tier.en}`)}`,
      `${t.reasons}${colon}${item.reasons.join(sep)}`,
      `${t.heldFor}${colon}${holder(customer)}`,
      `${t.heldUntil}${colon}${t.beijingTime(heldUntil)}`,
      `${t.store}${colon}${location}${lang === 'zh' ? `（代理商 ${agent}）` : ` (agent ${agent})`}`,
    ].join('\n'),
    t.summaryTitle,
  );
}
