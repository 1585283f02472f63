import { guardNumber, guardObject, guardString, invalidType, quoted, guardFields, guardKind } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { documentsFor, type DocumentId, type IndustryId } from '../documents/documents-for.js';
import { checkCreditCode } from '../documents/credit-code.js';
import type { NumberState } from '../inventory/types.js';
import { parseLandingNumber } from '../number/landing-number.js';
import { format } from '../number/format.js';
import { tryParse } from '../number/parse.js';
import { checkRoutingRules, RoutingRulesError } from '../routing/check.js';
import { landingNumbers as ruleLandingNumbers } from '../routing/form.js';
import type { RoutingRules } from '../routing/rules.js';
import { defaultPackages, guardPackageList, type Package, type PackageList } from '../packages/packages.js';
import { minimumSpendOf, tierOfRequest } from '../packages/quote.js';
import type { TierId } from '../scoring/tiers.js';
import { beijingTime } from '../calendar/working-days.js';
import { openingDate } from './opening-date.js';

/**
 * Where an order stands. The seed's process, in order: draft (number held, package chosen) → signed
 * (contract and 受理单) → documents-complete → paid (prepayment received; the number is sold) → opening
 * (with its date) → opened → test-call-confirmed. An order is cancelled only before it is paid.
 */
export type OrderStatus = 'draft' | 'signed' | 'documents-complete' | 'paid' | 'opening' | 'opened' | 'test-call-confirmed' | 'cancelled';

/** A step: the status it moves the order to. */
export type OrderStep = Exclude<OrderStatus, 'draft'>;

/** The statuses of the process in order, cancelled aside. */
export const ORDER_PATH: readonly OrderStatus[] = ['draft', 'signed', 'documents-complete', 'paid', 'opening', 'opened', 'test-call-confirmed'];
/** Every step {@link advanceOrder} takes. */
export const ORDER_STEPS: readonly OrderStep[] = [...(ORDER_PATH.slice(1) as OrderStep[]), 'cancelled'];
const CANCELLABLE: readonly OrderStatus[] = ['draft', 'signed', 'documents-complete'];

/** Each status's name, as people read it. */
export const STATUS_NAMES: Readonly<Record<OrderStatus, LocalText>> = {
  draft: { zh: '草稿', en: 'draft' },
  signed: { zh: '已签约', en: 'signed' },
  'documents-complete': { zh: '资料齐全', en: 'documents complete' },
  paid: { zh: '已付款', en: 'paid' },
  opening: { zh: '开通中', en: 'opening' },
  opened: { zh: '已开通', en: 'opened' },
  'test-call-confirmed': { zh: '拨测通过', en: 'test call confirmed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

/**
 * The 受理单 (acceptance form): where the number's calls go. Its call-routing rules (转接规则), or, in an
 * order made before the rules joined the form, its landing numbers alone: such an order is still read,
 * and signing its draft turns the numbers into rules that ring them in order.
 */
export type AcceptanceForm =
  | {
      /** The rules as {@link checkRoutingRules} gives them, naming the order's number and company. */
      routing: RoutingRules;
    }
  | {
      /** The landing numbers (落地号码), as digits, in order: the form of orders made before routing rules. */
      landingNumbers: string[];
    };

/** One step an order took. */
export interface OrderEvent {
  /** The status it reached. */
  status: OrderStatus;
  /** When, epoch ms. */
  at: number;
}

/** An order: a customer, a held number, a package, the 受理单 and the documents, and where it stands. JSON-safe. */
export interface Order {
  /** The order's id, given by its store. */
  id: string;
  /** Where it stands. */
  status: OrderStatus;
  /** 1 when created, one more at each step: stores use it to refuse a change made on a stale copy. */
  version: number;
  /** The customer the number is held for, as the inventory names it. */
  customer: string;
  /** The agent whose number it is, when the store knows it. */
  agent?: string;
  /** The number, 10 digits. */
  number: string;
  /** The number's tier. */
  tier: TierId;
  /** Whether it is one of the carrier's special numbers (7 working days to open). */
  special: boolean;
  /** The package chosen, as priced when the order was made. */
  package: Package;
  /** The traffic the customer expects, minutes a month, when told. */
  minutesPerMonth?: number;
  /** The applicant. */
  company: {
    /** Its registered name. */
    name: string;
    /** Its 统一社会信用代码, checked. */
    creditCode: string;
  };
  /** The 受理单: from the draft when its routing was given, and always once signed. */
  acceptance?: AcceptanceForm;
  /** The documents, once complete: what was handed in; the handler's ID only masked. */
  documents?: {
    /** The documents handed in. */
    provided: DocumentId[];
    /** 400 numbers the company had before. */
    numbersHeld: number;
    /** Its industry, when it needs a licence. */
    industry?: IndustryId;
    /** The handler's ID number, masked. */
    handlerIdMasked: string;
  };
  /** The prepayment. */
  payment?: {
    /** 元 received. */
    amount: number;
    /** When it arrived, epoch ms. */
    paidAt: number;
  };
  /** The expected opening day. */
  opening?: {
    /** `YYYY-MM-DD`, Beijing. */
    date: string;
    /** Working days counted: 3, or 7 for a special number. */
    workingDays: number;
    /** Years counted Monday to Friday, their holidays not announced yet. */
    estimatedYears: number[];
  };
  /** When the carrier reported the line open, epoch ms. */
  openedAt?: number;
  /** The customer's test call. */
  testCall?: {
    /** When, epoch ms. */
    at: number;
    /** The landing number (digits) that rang. */
    answeredOn: string;
  };
  /** Why the order was cancelled. */
  cancellation?: {
    /** In the salesperson's words. */
    reason: string;
  };
  /** Every status reached, with its time, the first being draft. */
  history: OrderEvent[];
}

/** What a new order needs: who, which held number, which package, and the applicant. */
export interface NewOrder {
  /** The customer the number is held for (the same name as the hold). */
  customer: string;
  /** The held number, any written form. */
  number: string;
  /** The id of a package of the packages list. */
  packageId: string;
  /** The applicant. */
  company: {
    /** Its registered name. */
    name: string;
    /** The 统一社会信用代码 on its business licence. */
    creditCode: string;
  };
  /** The 受理单's routing rules as the customer filled them in (see {@link checkRoutingRules}), when known already; signing may still change them. */
  routing?: unknown;
  /** Instead of `routing`: landing numbers, rung in order. */
  landingNumbers?: readonly string[];
  /** The traffic the customer expects, minutes a month. */
  minutesPerMonth?: number;
}

/** What each step needs. Times are a Date, epoch ms or an ISO time with its offset. */
export interface StepInputs {
  /** signed: the contract and 受理单 are signed. */
  signed: {
    /** The 受理单's routing rules as filled in (see {@link checkRoutingRules}); default the draft's. */
    routing?: unknown;
    /** Instead of `routing`: landing numbers, rung in order. */
    landingNumbers?: readonly string[];
  };
  /** documents-complete: everything {@link documentsFor} asks for is handed in. */
  'documents-complete': {
    /** The handler's ID number: checked, then kept only masked. */
    handlerIdNumber: string;
    /** 400 numbers the company already has. */
    numbersHeld: number;
    /** Its industry, when it is one that needs a licence. */
    industry?: IndustryId;
    /** The documents handed in. */
    provided: readonly DocumentId[];
  };
  /** paid: the prepayment arrived. */
  paid: {
    /** 元 received: at least the package's prepayment. */
    amount: number;
    /** When it arrived; default now. */
    paidAt?: Date | number | string;
  };
  /** opening: handed to the carrier; the opening day is counted from the payment. */
  opening: Record<string, never>;
  /** opened: the carrier reports the line open. */
  opened: {
    /** When; default now. */
    openedAt?: Date | number | string;
  };
  /** test-call-confirmed: the customer called the number and it rang where the 受理单 says. */
  'test-call-confirmed': {
    /** The landing number that answered: one of the 受理单's. */
    answeredOn: string;
  };
  /** cancelled: given up before payment. */
  cancelled: {
    /** Why, in a few words. */
    reason: string;
  };
}

/** What the inventory must do in the same transaction as a step: sell the number when paid, release its hold when cancelled. */
export type InventoryChange = {
  /** `sell` (paid) or `release` (cancelled, when the number is still held for the customer). */
  op: 'sell' | 'release';
  /** 10 digits. */
  number: string;
  /** The order's customer. */
  customer: string;
};

function fail(code: 'BAD_ARGUMENT' | 'BAD_ORDER', field: string, value: unknown, expected: LocalText): never {
  const text = quoted(value, 60);
  throw new Vanity400Error(code, { zh: `${field} ${text} 无效：${expected.zh}`, en: `${field} ${text} is not valid: ${expected.en}` }, { input: value, field });
}

function name(field: string, value: unknown, max = 200): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) fail('BAD_ARGUMENT', field, value, { zh: `应为 1 到 ${max} 个字符的文字`, en: `expected a text of 1 to ${max} characters` });
  return value;
}

function fields(field: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('BAD_ARGUMENT', field, value, { zh: `应为含 ${known.join('、')} 的对象`, en: `expected an object with ${known.join(', ')}` });
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail('BAD_ARGUMENT', `${field}.${key}`, (value as Record<string, unknown>)[key], { zh: `没有这个字段，应为 ${known.join('、') || '空'}`, en: `no such field: expected ${known.join(', ') || 'none'}` });
  }
  return value as Record<string, unknown>;
}

/** An instant as epoch ms: a Date, epoch ms, or an ISO time with its offset; else BAD_DATE naming the field. */
export function instantOf(value: unknown, field: string): number {
  guardString(field, 'instantOf(): field');
  guardKind(value, field, 'string|number|object');
  let ms = Number.NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) ms = Date.parse(value);
  if (!Number.isFinite(ms)) {
    const text = quoted(value, 60);
    throw new Vanity400Error(
      'BAD_DATE',
      { zh: `${field} ${text} 不是有效的时间：应为带时区的时间，例如 2026-12-03T10:00+08:00`, en: `${field} ${text} is not a time: expected one with its offset, e.g. 2026-12-03T10:00+08:00` },
      { input: value, field },
    );
  }
  return ms;
}

function landingDigits(list: unknown, field: string): string[] {
  if (!Array.isArray(list)) fail('BAD_ARGUMENT', field, list, { zh: '应为落地号码的数组', en: 'expected an array of landing numbers' });
  const digits = list.map((n, i) => parseLandingNumber(n, `${field}[${i}]`).digits);
  const twice = digits.find((d, i) => digits.indexOf(d) !== i);
  if (twice !== undefined) fail('BAD_ARGUMENT', field, list, { zh: `落地号码 ${twice} 写了两次`, en: `landing number ${twice} is listed twice` });
  return digits;
}

/**
 * The 受理单 as given: routing rules (checked, the order's number and company filled in when they name
 * none), or landing numbers rung in order; undefined when neither is given.
 * @throws RoutingRulesError BAD_ROUTING (field `routing`) with every problem; BAD_ARGUMENT, BAD_LANDING_NUMBER naming the field.
 */
function acceptanceFrom(given: { routing?: unknown; landingNumbers?: unknown }, order: { number: string; company: { name: string } }): AcceptanceForm | undefined {
  if (given.routing !== undefined && given.landingNumbers !== undefined) {
    fail('BAD_ARGUMENT', 'landingNumbers', given.landingNumbers, { zh: '已给了 routing（转接规则），落地号码写在规则里，不要再单独给', en: 'routing is given: the landing numbers belong in its rules, not beside them' });
  }
  let written: unknown;
  if (given.landingNumbers !== undefined) {
    const digits = landingDigits(given.landingNumbers, 'landingNumbers');
    if (digits.length === 0) return undefined;
    written = { route: { ring: digits, order: 'in-order' } };
  } else if (given.routing !== undefined) written = given.routing;
  else return undefined;
  if (typeof written === 'object' && written !== null && !Array.isArray(written)) {
    const rules = written as Record<string, unknown>;
    const named = rules.number === undefined ? undefined : tryParse(rules.number);
    if (named?.ok && named.value.digits !== order.number) {
      fail('BAD_ARGUMENT', 'routing.number', rules.number, { zh: `转接规则写的是别的 400 号码，这个订单的号码是 ${format(order.number)}`, en: `the rules are for another 400 number: this order's is ${format(order.number)}` });
    }
    written = { ...rules, number: order.number, customer: rules.customer ?? order.company.name };
  }
  const check = checkRoutingRules(written);
  if (!check.ok) throw new RoutingRulesError(check.problems, given.routing ?? given.landingNumbers, given.routing === undefined ? 'landingNumbers' : 'routing');
  return { routing: check.rules };
}

/** The landing numbers of an order's 受理单, in order: those its rules ring (see {@link landingNumbers}), or those of an order made before routing rules. */
export function orderLandingNumbers(order: Pick<Order, 'acceptance'>): string[] {
  guardObject(order, 'orderLandingNumbers(): order', '订单', 'an order');
  const form = order.acceptance;
  if (form === undefined) return [];
  return 'routing' in form ? ruleLandingNumbers(form.routing).map((l) => l.number) : [...form.landingNumbers];
}

/**
 * A draft order, checked: the number read and its tier found, the package looked up in `packages` and
 * checked against the number's minimum spend, the company's 统一社会信用代码 checked. Pure: the store
 * gives the id and the time, and checks that the number is held for the customer.
 *
 * @throws Vanity400Error UNKNOWN_PACKAGE, BELOW_MINIMUM_SPEND, BAD_LICENCE, BAD_ROUTING (field `routing`),
 *   BAD_LANDING_NUMBER, BAD_ARGUMENT, each naming the field.
 */
export function createOrder(input: NewOrder, at: { id: string; now: number; agent?: string; packages?: PackageList }): Order {
  guardObject(at, 'createOrder(): at', '{ id, now } 对象', 'an object { id, now }');
  guardString(at.id, 'createOrder(): at.id');
  guardNumber(at.now, 'createOrder(): at.now');
  if (at.agent !== undefined) guardString(at.agent, 'createOrder(): at.agent');
  if (at.packages !== undefined) guardPackageList(at.packages, 'createOrder(): at.packages');
  guardObject(input, 'createOrder(): order');
  guardFields(input, 'order', { customer: 'string', number: 'string', packageId: 'string', company: 'object', landingNumbers: 'array?', minutesPerMonth: 'number?' });
  guardFields(input.company, 'order.company', { name: 'string', creditCode: 'string' });
  const o = fields('order', input, ['customer', 'number', 'packageId', 'company', 'routing', 'landingNumbers', 'minutesPerMonth']);
  const customer = name('customer', o.customer);
  const { tier, special, number } = tierOfRequest({ number: o.number });
  const packages = at.packages ?? defaultPackages();
  const chosen = packages.packages.find((p) => p.id === o.packageId);
  if (!chosen) {
    throw new Vanity400Error(
      'UNKNOWN_PACKAGE',
      {
        zh: `packageId ${JSON.stringify(o.packageId)} 不是 ${packages.file} 里的套餐，应为 ${packages.packages.map((p) => p.id).join('、')} 之一`,
        en: `packageId ${JSON.stringify(o.packageId)} is not a package of ${packages.file}: expected one of ${packages.packages.map((p) => p.id).join(', ')}`,
      },
      { input: o.packageId, field: 'packageId' },
    );
  }
  const minimum = minimumSpendOf(packages, tier, number, special);
  if (chosen.prepay / chosen.years < minimum.perYear) {
    throw new Vanity400Error(
      'BELOW_MINIMUM_SPEND',
      {
        zh: `套餐 ${chosen.id} 每年预存 ${chosen.prepay / chosen.years} 元，低于 ${format(number!)} 每年 ${minimum.perYear} 元的最低消费`,
        en: `package ${chosen.id} prepays ${chosen.prepay / chosen.years} 元 a year, under the minimum spend of ${minimum.perYear} 元 a year for ${format(number!)}`,
      },
      { input: o.packageId, field: 'packageId' },
    );
  }
  const company = fields('company', o.company, ['name', 'creditCode']);
  let minutes: number | undefined;
  if (o.minutesPerMonth !== undefined) {
    const m = o.minutesPerMonth;
    if (typeof m !== 'number' || !Number.isFinite(m) || m < 0 || m > 1_000_000) fail('BAD_ARGUMENT', 'minutesPerMonth', m, { zh: '应为 0 到 1000000 的分钟数', en: 'expected 0 to 1000000 minutes' });
    minutes = m;
  }
  const order: Order = {
    id: at.id,
    status: 'draft',
    version: 1,
    customer,
    number: number!,
    tier,
    special,
    package: { ...chosen },
    company: { name: name('company.name', company.name), creditCode: checkCreditCode(company.creditCode, 'company.creditCode') },
    history: [{ status: 'draft', at: at.now }],
  };
  const acceptance = acceptanceFrom(o, order);
  if (acceptance) order.acceptance = acceptance;
  if (at.agent !== undefined) order.agent = at.agent;
  if (minutes !== undefined) order.minutesPerMonth = minutes;
  return order;
}

function outOfOrder(order: Order, step: OrderStep): never {
  const now = STATUS_NAMES[order.status];
  const next = ORDER_PATH[ORDER_PATH.indexOf(order.status) + 1];
  const wanted = STATUS_NAMES[step];
  let zh: string;
  let en: string;
  if (step === 'cancelled') {
    zh = `订单 ${order.id} ${now.zh}，付款后不能再取消`;
    en = `order ${order.id} is ${now.en}: an order cannot be cancelled once paid`;
  } else if (next === undefined) {
    zh = `订单 ${order.id} ${now.zh}，没有下一步了，不能再改为“${wanted.zh}”`;
    en = `order ${order.id} is ${now.en}, with no step after it: it cannot become ${wanted.en}`;
  } else {
    zh = `订单 ${order.id} 现在是“${now.zh}”，下一步应为“${STATUS_NAMES[next].zh}”，还不能改为“${wanted.zh}”`;
    en = `order ${order.id} is ${now.en}; its next step is ${STATUS_NAMES[next].en}, not ${wanted.en}`;
  }
  throw new Vanity400Error('STEP_OUT_OF_ORDER', { zh, en }, { input: step, field: 'step' });
}

function lastTime(order: Order): number {
  return order.history[order.history.length - 1]!.at;
}

function timeBetween(value: unknown, field: string, order: Order, now: number): number {
  const ms = value === undefined ? now : instantOf(value, field);
  const earliest = lastTime(order);
  if (ms > now || ms < earliest) {
    const text = quoted(value, 60);
    throw new Vanity400Error(
      'BAD_DATE',
      {
        zh: `${field} ${text} 不对：应在上一步（北京时间 ${beijingTime(earliest)}）之后，且不能晚于现在（北京时间 ${beijingTime(now)}）`,
        en: `${field} ${text} is out of range: expected after the last step (${beijingTime(earliest)} Beijing time) and not after now (${beijingTime(now)} Beijing time)`,
      },
      { input: value, field },
    );
  }
  return ms;
}

function checkOrder(order: unknown): Order {
  const o = order as Order;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw invalidType('order', '订单（createOrder 的结果）', 'an order made by createOrder', order);
  if (!(ORDER_PATH as readonly unknown[]).concat('cancelled').includes(o.status) || !Array.isArray(o.history) || o.history.length === 0) {
    fail('BAD_ORDER', 'order', order, { zh: '应为 createOrder 做出的订单', en: 'expected an order made by createOrder' });
  }
  return o;
}

/**
 * Takes one step of an order: a pure function from (order, step, inputs, now) to a new order, or a
 * typed error naming the field and what was expected; the order given is never changed. Each step checks
 * what it needs: signed needs the 受理单's routing rules, checked by {@link checkRoutingRules} (or landing
 * numbers, rung in order), with at least one landing number; documents-complete needs every document
 * {@link documentsFor} lists; paid needs at least the package's prepayment; opening counts the opening
 * day from the payment; the test call must ring one of the 受理单's landing numbers; cancelled only
 * before payment. Stores apply {@link inventoryChange} in the same transaction.
 *
 * @throws Vanity400Error STEP_OUT_OF_ORDER (field `step`), MISSING_DOCUMENTS (field `provided`),
 *   BAD_ROUTING (a {@link RoutingRulesError}, field `routing`, with every problem of the rules),
 *   BAD_ARGUMENT, BAD_DATE, BAD_ID_NUMBER, BAD_LANDING_NUMBER, each naming the field.
 */
export function advanceOrder<S extends OrderStep>(order: Order, step: S, inputs: StepInputs[S], now: number): Order {
  checkOrder(order);
  guardString(step, 'advanceOrder(): step');
  guardObject(inputs, 'advanceOrder(): inputs');
  guardNumber(now, 'advanceOrder(): now');
  if (!(ORDER_STEPS as readonly unknown[]).includes(step)) fail('BAD_ARGUMENT', 'step', step, { zh: `应为 ${ORDER_STEPS.join('、')} 之一`, en: `expected one of ${ORDER_STEPS.join(', ')}` });
  if (step === 'cancelled' ? !CANCELLABLE.includes(order.status) : ORDER_PATH[ORDER_PATH.indexOf(order.status) + 1] !== step) outOfOrder(order, step);
  if (!Number.isFinite(now)) fail('BAD_ARGUMENT', 'now', now, { zh: '应为毫秒时间戳', en: 'expected epoch ms' });
  const next: Order = structuredClone(order);
  const given = inputs ?? {};
  switch (step as OrderStep) {
    case 'signed': {
      const i = fields('inputs', given, ['routing', 'landingNumbers']);
      const draft = order.acceptance;
      const fallback = draft === undefined ? {} : 'routing' in draft ? { routing: draft.routing } : { landingNumbers: draft.landingNumbers };
      const acceptance = acceptanceFrom(i.routing === undefined && i.landingNumbers === undefined ? fallback : i, order);
      if (acceptance === undefined) {
        fail('BAD_ARGUMENT', i.landingNumbers === undefined ? 'routing' : 'landingNumbers', i.routing ?? i.landingNumbers, { zh: '受理单要写明转接规则（routing），至少一个落地号码', en: 'the acceptance form needs its routing rules (routing), with at least one landing number' });
      }
      next.acceptance = structuredClone(acceptance);
      break;
    }
    case 'documents-complete': {
      const i = fields('inputs', given, ['handlerIdNumber', 'numbersHeld', 'industry', 'provided']);
      const checklist = documentsFor({
        company: order.company,
        handler: { idNumber: i.handlerIdNumber as string },
        numbersHeld: i.numbersHeld as number,
        landingNumbers: orderLandingNumbers(order),
        provided: i.provided as DocumentId[],
        ...(i.industry === undefined ? {} : { industry: i.industry as IndustryId }),
      });
      if (!checklist.complete) {
        const names = checklist.missing;
        throw new Vanity400Error(
          'MISSING_DOCUMENTS',
          {
            zh: `订单 ${order.id} 还缺资料：${names.map((d) => d.zh).join('、')}`,
            en: `order ${order.id} still lacks ${names.map((d) => d.en).join('; ')}`,
          },
          { input: names.map((d) => d.id), field: 'provided' },
        );
      }
      next.documents = { provided: checklist.documents.map((d) => d.id), numbersHeld: i.numbersHeld as number, handlerIdMasked: checklist.handler!.idMasked };
      if (i.industry !== undefined) next.documents.industry = i.industry as IndustryId;
      break;
    }
    case 'paid': {
      const i = fields('inputs', given, ['amount', 'paidAt']);
      const amount = i.amount;
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < order.package.prepay || amount > 10_000_000) {
        fail('BAD_ARGUMENT', 'amount', amount, {
          zh: `应至少为套餐 ${order.package.id} 的预存款 ${order.package.prepay} 元`,
          en: `expected at least the prepayment of package ${order.package.id}, ${order.package.prepay} 元`,
        });
      }
      next.payment = { amount, paidAt: timeBetween(i.paidAt, 'paidAt', order, now) };
      break;
    }
    case 'opening': {
      fields('inputs', given, []);
      const d = openingDate(order.number, order.payment!.paidAt);
      next.opening = { date: d.date, workingDays: d.workingDays, estimatedYears: d.estimatedYears };
      break;
    }
    case 'opened': {
      const i = fields('inputs', given, ['openedAt']);
      next.openedAt = timeBetween(i.openedAt, 'openedAt', order, now);
      break;
    }
    case 'test-call-confirmed': {
      const i = fields('inputs', given, ['answeredOn']);
      const answered = parseLandingNumber(i.answeredOn, 'answeredOn').digits;
      const landing = orderLandingNumbers(order);
      if (!landing.some((n) => parseLandingNumber(n).digits === answered)) {
        fail('BAD_ARGUMENT', 'answeredOn', i.answeredOn, {
          zh: `拨测接听的号码应为受理单上的落地号码之一（${landing.join('、')}），请检查转接规则`,
          en: `the test call should ring one of the acceptance form's landing numbers (${landing.join(', ')}); check the routing`,
        });
      }
      next.testCall = { at: now, answeredOn: answered };
      break;
    }
    case 'cancelled': {
      const i = fields('inputs', given, ['reason']);
      next.cancellation = { reason: name('reason', i.reason) };
      break;
    }
  }
  next.status = step;
  next.version = order.version + 1;
  next.history.push({ status: step, at: step === 'paid' ? next.payment!.paidAt : step === 'opened' ? next.openedAt! : now });
  return next;
}

/** What the inventory must do with a step, in the same transaction: sell when paid, release the hold when cancelled; null otherwise. */
export function inventoryChange(order: Order, step: OrderStep): InventoryChange | null {
  checkOrder(order);
  guardString(step, 'inventoryChange(): step');
  if (step === 'paid') return { op: 'sell', number: order.number, customer: order.customer };
  if (step === 'cancelled') return { op: 'release', number: order.number, customer: order.customer };
  return null;
}

/** What an order's number says about it: warnings when the hold lapsed under an unpaid order, or the sale is missing. */
export function numberWarnings(order: Order, state: NumberState | null, now: number): LocalText[] {
  checkOrder(order);
  if (typeof state !== 'object' || Array.isArray(state)) throw invalidType('numberWarnings(): state', '号码状态（或 null）', "a number's state (or null)", state);
  guardNumber(now, 'numberWarnings(): now');
  const shown = format(order.number);
  if (order.status === 'cancelled') return [];
  const paid = ORDER_PATH.indexOf(order.status) >= ORDER_PATH.indexOf('paid');
  if (paid) {
    return state?.status === 'sold' && state.customer === order.customer
      ? []
      : [{ zh: `${shown} 在库存里不是卖给${order.customer}的状态，请核对`, en: `${shown} is not recorded as sold to ${order.customer} in the inventory; check it` }];
  }
  if (state?.status === 'held' && state.customer === order.customer) {
    return (state.heldUntil ?? 0) - now < 3_600_000
      ? [{ zh: `${shown} 的保留一小时内到期（${new Date(state.heldUntil ?? 0).toISOString()}），请尽快付款或延长保留`, en: `the hold on ${shown} ends within the hour (${new Date(state.heldUntil ?? 0).toISOString()}): take the payment or hold it again` }]
      : [];
  }
  if (state?.status === 'available') {
    return [{ zh: `${shown} 的保留已过期，号码又可以被别人选走：请重新保留`, en: `the hold on ${shown} has expired and anyone may take the number: hold it again` }];
  }
  return [{ zh: `${shown} 已不再为${order.customer}保留（已被别人保留、售出或下架），这个订单不能付款`, en: `${shown} is no longer held for ${order.customer} (held by another, sold or withdrawn): this order cannot be paid` }];
}
