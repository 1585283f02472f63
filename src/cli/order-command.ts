import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { beijingTime } from '../calendar/working-days.js';
import type { DocumentId, IndustryId } from '../documents/documents-for.js';
import { inventoryRules } from '../index.js';
import { format } from '../number/format.js';
import { ORDER_PATH, ORDER_STEPS, STATUS_NAMES, type Order, type OrderStatus, type OrderStep, type StepInputs } from '../orders/order.js';
import type { OrderFilter, OrderStore, OrderStoreOptions, OrderView } from '../orders/order-store.js';
import { formatOrderForm, orderForm } from '../orders/order-form.js';
import { openingDayText } from '../orders/opening-date.js';
import type { RoutingForm } from '../routing/form.js';
import type { Language } from '../scoring/explain.js';
import { badFlag, oneOf } from './errors.js';
import type { CliIo } from './index.js';
import { collect, defaultStore, openOrderStore, openStore } from './pools.js';
import { stdinValue } from './read-inputs.js';
import { readRulesFile } from './route-command.js';
import { countFlag, langFlag, packagesFlag } from './sale-flags.js';

interface OrderFlags {
  store: string;
  json?: boolean;
  lang: string;
}

/** The flags of the steps, each step taking only its own. */
interface StepFlags extends OrderFlags {
  routing?: string;
  landing?: string[];
  idNumber?: string;
  held?: string;
  industry?: string;
  provided?: string[];
  amount?: string;
  paidAt?: string;
  openedAt?: string;
  answeredOn?: string;
  reason?: string;
}

const STEP_FLAGS: Record<OrderStep, readonly (keyof StepFlags)[]> = {
  signed: ['routing', 'landing'],
  'documents-complete': ['idNumber', 'held', 'industry', 'provided'],
  paid: ['amount', 'paidAt'],
  opening: [],
  opened: ['openedAt'],
  'test-call-confirmed': ['answeredOn'],
  cancelled: ['reason'],
};

const FLAG_NAMES: Record<string, string> = {
  routing: '--routing',
  landing: '--landing',
  idNumber: '--id-number',
  held: '--held',
  industry: '--industry',
  provided: '--provided',
  amount: '--amount',
  paidAt: '--paid-at',
  openedAt: '--opened-at',
  answeredOn: '--answered-on',
  reason: '--reason',
};

/** The inventory of --store and the orders beside it, both closed after `run`. */
async function withOrders<T>(flags: OrderFlags, run: (orders: OrderStore) => Promise<T>, options: OrderStoreOptions = {}): Promise<T> {
  const inventory = await openStore(flags.store, { lang: langFlag(flags.lang) });
  try {
    const orders = await openOrderStore(flags.store, inventory, options);
    try {
      return await run(orders);
    } finally {
      await orders.close();
    }
  } finally {
    await inventory.close();
  }
}

const SAY = {
  zh: {
    none: '（没有订单）',
    header: ['订单', '号码', '客户', '状态', '套餐', '最近一步（北京时间）'],
    created: (o: Order) => `已创建订单 ${o.id}：${format(o.number)}，客户 ${o.customer}，套餐 ${o.package.zh}（草稿）`,
    advanced: (o: Order) => `订单 ${o.id} 现在是“${STATUS_NAMES[o.status].zh}”`,
    next: (id: string, s: OrderStatus) => `下一步：${STATUS_NAMES[s].zh}（vanity400 order advance ${id} ${s}）`,
    fields: {
      order: '订单',
      number: '号码',
      customer: '客户',
      company: '申请单位',
      package: '套餐',
      status: '状态',
      documents: '资料',
      payment: '付款',
      opening: '预计开通',
      testCall: '拨测',
      cancelled: '取消原因',
      inventory: '库存',
      history: '进度',
    },
    paid: (amount: number, at: number) => `${amount} 元，北京时间 ${beijingTime(at)}`,
    testCall: (t: NonNullable<Order['testCall']>) => `${t.answeredOn} 接通，北京时间 ${beijingTime(t.at)}`,
    documents: (n: number) => `已交 ${n} 项`,
    noForm: (id: string) => `受理单还没写转接规则：签约时给出（vanity400 order advance ${id} signed --routing rules.json，或 --landing 落地号码）`,
  },
  en: {
    none: '(no orders)',
    header: ['order', 'number', 'customer', 'status', 'package', 'last step (Beijing)'],
    created: (o: Order) => `made order ${o.id}: ${format(o.number)} for ${o.customer}, package ${o.package.en} (draft)`,
    advanced: (o: Order) => `order ${o.id} is now ${STATUS_NAMES[o.status].en}`,
    next: (id: string, s: OrderStatus) => `next: ${STATUS_NAMES[s].en} (vanity400 order advance ${id} ${s})`,
    fields: {
      order: 'order',
      number: 'number',
      customer: 'customer',
      company: 'applicant',
      package: 'package',
      status: 'status',
      documents: 'documents',
      payment: 'payment',
      opening: 'opens',
      testCall: 'test call',
      cancelled: 'cancelled because',
      inventory: 'inventory',
      history: 'history',
    },
    paid: (amount: number, at: number) => `${amount} 元 at ${beijingTime(at)} Beijing time`,
    testCall: (t: NonNullable<Order['testCall']>) => `rang ${t.answeredOn} at ${beijingTime(t.at)} Beijing time`,
    documents: (n: number) => `${n} handed in`,
    noForm: (id: string) => `the order form has no call routing yet: give it when signing (vanity400 order advance ${id} signed --routing rules.json, or --landing NUMBERS)`,
  },
} satisfies Record<Language, unknown>;

/** Width of a cell as a terminal shows it: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Rows of cells as aligned columns. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell)))).join('  ').trimEnd()).join('\n');
}

function listText(orders: readonly Order[], lang: Language): string {
  if (orders.length === 0) return SAY[lang].none;
  const rows = orders.map((o) => [o.id, format(o.number), o.customer, STATUS_NAMES[o.status][lang], o.package[lang], beijingTime(o.history[o.history.length - 1]!.at)]);
  return table([SAY[lang].header, ...rows]);
}

function viewText({ order: o, numberState, warnings }: OrderView, lang: Language): string {
  const say = SAY[lang];
  const f = say.fields;
  const lines: [string, string][] = [
    [f.order, o.id],
    [f.number, format(o.number)],
    [f.customer, o.customer],
    [f.company, `${o.company.name} ${o.company.creditCode}`],
    [f.package, o.package[lang]],
    [f.status, STATUS_NAMES[o.status][lang]],
  ];
  if (o.documents) lines.push([f.documents, say.documents(o.documents.provided.length)]);
  if (o.payment) lines.push([f.payment, say.paid(o.payment.amount, o.payment.paidAt)]);
  if (o.opening) lines.push([f.opening, openingDayText(o.opening)[lang]]);
  if (o.testCall) lines.push([f.testCall, say.testCall(o.testCall)]);
  if (o.cancellation) lines.push([f.cancelled, o.cancellation.reason]);
  if (numberState) lines.push([f.inventory, inventoryRules.stateText(numberState)[lang]]);
  const out = [table(lines.map(([k, v]) => [k, v])), `${f.history}${lang === 'zh' ? '：' : ':'}`, ...o.history.map((e) => `  ${beijingTime(e.at)}  ${STATUS_NAMES[e.status][lang]}`)];
  for (const w of warnings) out.push(`⚠ ${w[lang]}`);
  const next = o.status === 'cancelled' ? undefined : ORDER_PATH[ORDER_PATH.indexOf(o.status) + 1];
  if (next) out.push(say.next(o.id, next));
  out.push('', o.acceptance ? formatOrderForm(o, { lang }).trimEnd() : say.noForm(o.id));
  return out.join('\n');
}

/** The order's 受理单 as JSON, or null while it has no routing. */
function formOf(o: Order, lang: Language): RoutingForm | null {
  return o.acceptance ? orderForm(o, { lang }) : null;
}

/** The step's inputs from its flags; a flag of another step is a usage error. */
async function stepInputs(step: OrderStep, flags: StepFlags, io: CliIo): Promise<StepInputs[OrderStep]> {
  const own = STEP_FLAGS[step];
  for (const key of Object.keys(FLAG_NAMES) as (keyof StepFlags)[]) {
    if (flags[key] !== undefined && !own.includes(key)) throw badFlag(FLAG_NAMES[key]!, String(flags[key]), { zh: `${step} 这一步不用这个选项，可用：${own.map((k) => FLAG_NAMES[k]).join('、') || '无'}`, en: `a flag of ${step}: ${own.map((k) => FLAG_NAMES[k]).join(', ') || 'none'}` });
  }
  switch (step) {
    case 'signed':
      return {
        ...(flags.routing === undefined ? {} : { routing: readRulesFile(flags.routing) }),
        ...(flags.landing === undefined ? {} : { landingNumbers: flags.landing }),
      };
    case 'documents-complete': {
      const idNumber = flags.idNumber === '-' ? await stdinValue(io.stdin, '--id-number') : (flags.idNumber ?? '');
      return {
        handlerIdNumber: idNumber,
        numbersHeld: countFlag('--held', flags.held ?? '0', 0, 10_000),
        provided: (flags.provided ?? []) as DocumentId[],
        ...(flags.industry === undefined ? {} : { industry: flags.industry as IndustryId }),
      };
    }
    case 'paid':
      return { amount: flags.amount === undefined ? Number.NaN : Number(flags.amount), ...(flags.paidAt === undefined ? {} : { paidAt: flags.paidAt }) };
    case 'opening':
      return {};
    case 'opened':
      return flags.openedAt === undefined ? {} : { openedAt: flags.openedAt };
    case 'test-call-confirmed':
      return { answeredOn: flags.answeredOn ?? '' };
    case 'cancelled':
      return { reason: flags.reason ?? '' };
  }
}

export function registerOrder(program: Command, io: CliIo): void {
  const order = program
    .command('order')
    .description('orders from a held number to an opened line: create, show, form, advance, cancel, list')
    .addHelpText(
      'after',
      `
Orders live in the inventory's store (--store: the same SQLite file, or the same redis://…), each step
and its sale (paid) or release (cancelled) in one transaction. Steps, in order: ${ORDER_PATH.slice(1).join(' → ')}.

Examples:
  $ vanity400 order create 4006-123-000 --customer 张三 --package year-1200 --company 深圳顺发物流有限公司 --credit-code 91440300000000070M --landing 0755-88881234
  $ vanity400 order advance order-1 signed --routing rules.json
  $ vanity400 order advance order-1 documents-complete --id-number - --provided business-licence,handler-id,landing-real-name < id.txt
  $ vanity400 order advance order-1 paid --amount 1200
  $ vanity400 order show order-1
  $ vanity400 order form order-1 --html > order-1.html
  $ vanity400 order list --status paid --json`,
    );
  const sub = (name: string, description: string, examples: readonly string[]) =>
    order
      .command(name)
      .description(description)
      .option('--store <location>', 'the inventory and its orders: a SQLite file (*.db), or redis://host:port', defaultStore())
      .option('--json', 'print JSON')
      .option('--lang <lang>', 'language: zh or en', 'zh')
      .addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ vanity400 order ${name} ${e}`).join('\n')}`);
  const print = (flags: OrderFlags, value: unknown, text: string) => io.out(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  sub('create', 'a draft order for a number held for the customer', [
    '4006-123-000 --customer 张三 --package year-1200 --company 深圳顺发物流有限公司 --credit-code 91440300000000070M --landing 0755-88881234',
    '4006-123-000 --customer 张三 --package year-1200 --company 深圳顺发物流有限公司 --credit-code 91440300000000070M --routing rules.json --store inventory.db',
  ])
    .argument('<number>', 'the held number')
    .requiredOption('--customer <name>', 'the customer the number is held for (as in inventory hold)')
    .requiredOption('--package <id>', 'the package id (see vanity400 quote)')
    .requiredOption('--company <name>', 'the name on the business licence')
    .requiredOption('--credit-code <code>', 'the 统一社会信用代码 on the business licence')
    .option('--landing <numbers>', 'landing numbers, rung in order; repeatable or comma-separated', collect)
    .option('--routing <file>', "the 受理单's routing rules, a JSON file (see vanity400 route check)")
    .option('--minutes <n>', 'minutes a month the customer expects')
    .option('--packages <file>', "the agent's packages file instead of the bundled one")
    .action(async (number: string, flags: OrderFlags & { customer: string; package: string; company: string; creditCode: string; landing?: string[]; routing?: string; minutes?: string; packages?: string }) => {
      const lang = langFlag(flags.lang);
      const packages = await packagesFlag(flags.packages);
      const routing = flags.routing === undefined ? undefined : readRulesFile(flags.routing);
      const made = await withOrders(
        flags,
        (orders) =>
          orders.create({
            customer: flags.customer,
            number,
            packageId: flags.package,
            company: { name: flags.company, creditCode: flags.creditCode },
            ...(flags.landing === undefined ? {} : { landingNumbers: flags.landing }),
            ...(routing === undefined ? {} : { routing }),
            ...(flags.minutes === undefined ? {} : { minutesPerMonth: countFlag('--minutes', flags.minutes, 0, 10_000_000) }),
          }),
        { packages },
      );
      print(flags, made, SAY[lang].created(made));
    });

  sub('show', 'an order, its history with times, what its number says (a hold about to end or gone), and its 受理单', ['order-1', 'order-1 --json --lang en'])
    .argument('<id>', 'the order id, e.g. order-1')
    .action(async (id: string, flags: OrderFlags) => {
      const lang = langFlag(flags.lang);
      const view = await withOrders(flags, (orders) => orders.view(id));
      if (view === null) throw unknownOrderFlag(id);
      print(flags, { ...view, form: formOf(view.order, lang) }, viewText(view, lang));
    });

  sub('form', "the order's 受理单 alone, to print and sign: text, or a printable HTML page", ['order-1 --html > order-1.html', 'order-1 --show-password --lang en'])
    .argument('<id>', 'the order id, e.g. order-1')
    .option('--html', 'a printable HTML page (one A4 page with the lines to sign)')
    .option('--show-password', 'print the routing password itself, for the copy that goes to the carrier (default ＊＊＊＊)')
    .action(async (id: string, flags: OrderFlags & { html?: boolean; showPassword?: boolean }) => {
      const lang = langFlag(flags.lang);
      const found = await withOrders(flags, (orders) => orders.get(id));
      if (found === null) throw unknownOrderFlag(id);
      const options = { lang, ...(flags.showPassword ? { showPassword: true } : {}) };
      if (flags.json) io.out(`${JSON.stringify(orderForm(found, options), null, 2)}\n`);
      else io.out(formatOrderForm(found, { ...options, as: flags.html ? 'html' : 'text' }));
    });

  const advance = sub('advance', `take the next step: ${ORDER_STEPS.filter((s) => s !== 'cancelled').join(', ')}`, [
    'order-1 signed --routing rules.json',
    'order-1 documents-complete --id-number - --provided business-licence,handler-id,landing-real-name < id.txt',
    'order-1 paid --amount 1200 --paid-at 2026-12-07T10:00+08:00',
    'order-1 test-call-confirmed --answered-on 0755-88881234',
  ])
    .argument('<id>', 'the order id')
    .argument('<step>', `the step: ${ORDER_STEPS.join(', ')}`)
    .option('--routing <file>', "signed: the 受理单's routing rules, a JSON file")
    .option('--landing <numbers>', 'signed: landing numbers rung in order, instead of --routing', collect)
    .option('--id-number <id>', "documents-complete: the handler's ID number (kept only masked); - reads it from stdin")
    .option('--held <n>', 'documents-complete: 400 numbers the company already has')
    .option('--industry <id>', 'documents-complete: education, medical or finance')
    .option('--provided <ids>', 'documents-complete: the documents handed in, repeatable or comma-separated', collect)
    .option('--amount <yuan>', 'paid: 元 received')
    .option('--paid-at <time>', 'paid: when, with its offset, e.g. 2026-12-07T10:00+08:00 (default now)')
    .option('--opened-at <time>', 'opened: when the carrier opened the line (default now)')
    .option('--answered-on <number>', 'test-call-confirmed: the landing number that rang');
  advance.action(async (id: string, step: string, flags: StepFlags) => {
    const lang = langFlag(flags.lang);
    if (!(ORDER_STEPS as readonly string[]).includes(step)) throw badFlag('<step>', step, oneOf(ORDER_STEPS));
    const inputs = await stepInputs(step as OrderStep, flags, io);
    const next = await withOrders(flags, (orders) => orders.advance(id, step as OrderStep, inputs as never));
    print(flags, next, SAY[lang].advanced(next));
  });

  sub('cancel', 'cancel an order before payment; its hold is released', ['order-1 --reason 客户改选其他号码'])
    .argument('<id>', 'the order id')
    .requiredOption('--reason <text>', 'why, in a few words')
    .action(async (id: string, flags: OrderFlags & { reason: string }) => {
      const next = await withOrders(flags, (orders) => orders.advance(id, 'cancelled', { reason: flags.reason }));
      print(flags, next, SAY[langFlag(flags.lang)].advanced(next));
    });

  sub('list', 'orders, oldest first, optionally of one customer, agent, status or number', ['--status paid --json', '--customer 张三'])
    .option('--customer <name>', 'only this customer')
    .option('--agent <id>', 'only this agent')
    .option('--status <status>', `only in this status: ${[...ORDER_PATH, 'cancelled'].join(', ')}`)
    .option('--number <number>', 'only this number')
    .action(async (flags: OrderFlags & { customer?: string; agent?: string; status?: string; number?: string }) => {
      const lang = langFlag(flags.lang);
      const statuses: readonly string[] = [...ORDER_PATH, 'cancelled'];
      if (flags.status !== undefined && !statuses.includes(flags.status)) throw badFlag('--status', flags.status, oneOf(statuses));
      const filter: OrderFilter = {
        ...(flags.customer === undefined ? {} : { customer: flags.customer }),
        ...(flags.agent === undefined ? {} : { agent: flags.agent }),
        ...(flags.status === undefined ? {} : { status: flags.status as OrderStatus }),
        ...(flags.number === undefined ? {} : { number: flags.number }),
      };
      const orders = await withOrders(flags, (o) => o.list(filter));
      print(flags, orders, listText(orders, lang));
    });
}

function unknownOrderFlag(id: string) {
  const shown = JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
  return new Vanity400Error('UNKNOWN_ORDER', { zh: `没有订单 ${shown}（vanity400 order list 列出所有订单）`, en: `no order ${shown} (vanity400 order list shows them all)` }, { input: id, field: 'id' });
}
