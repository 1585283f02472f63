import { guardLanguage, guardObject, guardOptions, invalidType, guardFields } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { format } from '../number/format.js';
import { parseRoutingRules } from '../routing/check.js';
import { formatRoutingForm, routingForm, type RoutingForm } from '../routing/form.js';
import type { RoutingRules } from '../routing/rules.js';
import { ORDER_PATH, type Order } from './order.js';
import { openingDayText } from './opening-date.js';

/** Options of {@link orderForm} and {@link formatOrderForm}. */
export interface OrderFormOptions {
  /** zh (default) or en. */
  lang?: 'zh' | 'en';
  /** Print the routing's password itself instead of ＊＊＊＊ (for the copy that goes to the carrier). */
  showPassword?: boolean;
}

const t = (lang: 'zh' | 'en', zh: string, en: string) => (lang === 'zh' ? zh : en);

/** The order's call-routing rules: its 受理单's, or those of an order made before routing rules (its landing numbers rung in order). */
function rulesOf(order: Order): RoutingRules {
  const form = order.acceptance;
  if (form === undefined) {
    throw new Vanity400Error(
      'BAD_ORDER',
      {
        zh: `订单 ${order.id} 的受理单还没写转接规则：签约时给出转接规则（routing）或落地号码（landingNumbers）`,
        en: `order ${order.id} has no call routing on its form yet: give the routing rules (routing) or landing numbers (landingNumbers) when it is signed`,
      },
      { input: order.id, field: 'acceptance' },
    );
  }
  if ('routing' in form) return form.routing;
  return parseRoutingRules({ number: order.number, customer: order.company.name, route: { ring: form.landingNumbers, order: 'in-order' } });
}

function checkOrder(order: unknown, where: string): Order {
  guardObject(order, where, '订单', 'an order');
  const o = order as unknown as Order;
  if (typeof o.id !== 'string' || typeof o.number !== 'string' || !(ORDER_PATH as readonly unknown[]).concat('cancelled').includes(o.status) || typeof o.company !== 'object' || typeof o.package !== 'object') {
    throw invalidType(where, 'createOrder 做出的订单', 'an order made by createOrder', order);
  }
  return o;
}

/**
 * An order's 受理单 (acceptance form) as a customer reads and signs it: the order, the 400 number, the
 * applicant and its 统一社会信用代码, the package (its prepayment and rate) and, once counted, the
 * opening day; then the call-routing rules, one section for each function of the line (see
 * {@link routingForm}), the landing numbers the applicant declares as its own, and the lines to sign.
 * JSON-safe. The handler's ID is not on it.
 *
 * @throws Vanity400Error BAD_ORDER (field `acceptance`) when the order has no routing yet (a draft made without it).
 */
export function orderForm(order: Order, options: OrderFormOptions = {}): RoutingForm {
  const o = checkOrder(order, 'orderForm(): order');
  guardOptions(options, 'orderForm(): options');
  guardFields(options, 'orderForm(): options', { lang: 'string?', showPassword: 'boolean?' });
  const lang = options.lang ?? 'zh';
  guardLanguage(lang, 'orderForm(): options.lang');
  const p = o.package;
  const fields = [
    { label: t(lang, '订单号', 'order'), value: o.id },
    { label: t(lang, '400 号码', '400 number'), value: format(o.number) },
    { label: t(lang, '申请单位', 'applicant'), value: o.company.name },
    { label: t(lang, '统一社会信用代码', 'unified social credit code'), value: o.company.creditCode },
    {
      label: t(lang, '资费套餐', 'package'),
      value: t(lang, `${p.zh}（预存 ${p.prepay} 元，${p.years} 年，${p.ratePerMinute} 元/分钟）`, `${p.en} (prepaid ${p.prepay} 元 for ${p.years} year${p.years === 1 ? '' : 's'}, ${p.ratePerMinute} 元/min)`),
    },
  ];
  if (o.opening) fields.push({ label: t(lang, '预计开通', 'opens'), value: openingDayText(o.opening)[lang] });
  return routingForm(rulesOf(o), {
    lang,
    title: t(lang, '400 电话受理单', '400 line order form'),
    fields,
    ...(options.showPassword === undefined ? {} : { showPassword: options.showPassword }),
  });
}

/**
 * The order's 受理单 printed: plain text for a terminal or an e-mail, or a printable HTML page (one A4
 * page with the signature lines). See {@link orderForm}.
 *
 * @throws Vanity400Error BAD_ORDER (field `acceptance`) when the order has no routing yet.
 */
export function formatOrderForm(order: Order, options: OrderFormOptions & { as?: 'text' | 'html' } = {}): string {
  const o = checkOrder(order, 'formatOrderForm(): order');
  guardOptions(options, 'formatOrderForm(): options');
  guardFields(options, 'formatOrderForm(): options', { lang: 'string?', showPassword: 'boolean?', as: 'string?' });
  const form = orderForm(o, { ...(options.lang === undefined ? {} : { lang: options.lang }), ...(options.showPassword === undefined ? {} : { showPassword: options.showPassword }) });
  return formatRoutingForm(rulesOf(o), { ...options, title: form.title, fields: form.fields });
}
