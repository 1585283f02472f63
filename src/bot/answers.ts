import {
  beijingTime,
  describeOpeningDate,
  estimateNote,
  parseDuration,
  documentsFor,
  explain,
  openingDate,
  quote,
  tierById,
  format,
  near,
  parse,
  score,
  search,
  searchSounds,
  suggestPage,
  type Assessment,
  type DocumentsChecklist,
  type OpeningDate,
  type Quote,
  type Explanation,
  type HoldResult,
  type Language,
  type NearResult,
  type SearchPage,
  type SoundPage,
  type SoundResult,
  type SuggestionPage,
  inventoryRules,
  Vanity400Error,
  isVanity400Error,
  checkRoutingRules,
  landingNumbers,
  parseRoutingRules,
  route,
  routingForm,
  type RouteDecision,
  type RoutingForm,
  type RoutingProblem,
  type RoutingRules,
  STATUS_NAMES,
  type Order,
  type OrderEvent,
  type OrderStatus,
} from 'vanity400';
import type { BotContext } from './context.js';
import type { ToolArgs, ToolName } from './schemas.js';
import { SAID, brief, listed } from './sentences.js';

/** What each tool answers: the library function's own answer. */
export interface ToolResults {
  /** score(): the assessment. */
  score: Assessment;
  /** explain(): the assessment with its sentences. */
  explain: Explanation;
  /** search(): a page, with the cursor of the next. */
  search: SearchPage;
  /** near(): the close numbers, nearest and best first. */
  near: NearResult[];
  /** searchSounds(): the numbers with what they sound like. */
  sounds: SoundPage;
  /** suggestPage(): the suggestions with their reasons, and the notes for the salesperson (a fact left out, how many rest on the facts). */
  suggest: SuggestionPage;
  /** store.hold(): held until when, or the state that kept it from being held (without another customer's name). */
  hold: HoldResult;
  /** The number released, as 10 digits. */
  release: {
    /** The 10 digits. */
    number: string;
    /** Always true: a release that fails is an error answer. */
    released: true;
  };
  /** quote(): the packages ranked for the traffic. */
  quote: Quote;
  /** openingDate(): the expected opening day. */
  opening_date: OpeningDate;
  /** documentsFor(): the checklist (the handler's ID only masked). */
  documents: DocumentsChecklist;
  /** The customer's orders asked for, each with only what the customer may see. */
  order_status: {
    /** Oldest first; empty when the customer has none (or none of that id or number). */
    orders: OrderStatusView[];
  };
  /** checkRoutingRules(), with the form when the rules are good. */
  route_check:
    | {
        /** The rules are good. */
        ok: true;
        /** In canonical form. */
        rules: RoutingRules;
        /** The 受理单's routing part, in the language asked for. */
        form: RoutingForm;
      }
    | {
        /** The rules are refused. */
        ok: false;
        /** Every problem, each naming its rule and field. */
        problems: RoutingProblem[];
      };
  /** route(): where the call goes, or why it is refused. */
  route_test: RouteDecision;
}

/** What order_status tells of one order: where it stands and what to do, nothing of the inventory's other customers. */
export interface OrderStatusView {
  /** The order id. */
  id: string;
  /** 10 digits. */
  number: string;
  /** Where it stands. */
  status: OrderStatus;
  /** Every step reached, with its time (epoch ms). */
  history: OrderEvent[];
  /** The package chosen: its id. */
  packageId: string;
  /** The expected opening day, `YYYY-MM-DD` Beijing, once counted. */
  openingDate?: string;
  /** Set when the opening day was counted through a year whose holidays are not announced: it is estimated Monday to Friday. */
  openingNote?: string;
  /** What needs doing (a hold about to end or lapsed), in the language asked for. */
  warnings: string[];
}

/** documentsFor's fields as the documents tool's arguments name them. */
const DOCUMENT_ARGS: Record<string, string> = { 'company.name': 'companyName', 'company.creditCode': 'creditCode', 'handler.idNumber': 'handlerIdNumber' };

function renamedField(error: unknown): never {
  if (isVanity400Error(error) && error.field !== undefined && DOCUMENT_ARGS[error.field]) {
    const from = error.field;
    const to = DOCUMENT_ARGS[from]!;
    const rename = (t: string) => t.split(from).join(to);
    throw new Vanity400Error(error.code, { zh: rename(error.text.zh), en: rename(error.text.en) }, { input: error.input, field: to, ...(error.position === undefined ? {} : { position: error.position }) });
  }
  throw error;
}

type Answers = { [N in ToolName]: (args: ToolArgs<N>, context: BotContext) => Promise<{ result: ToolResults[N]; say: string }> };

const text = (lang: Language, zh: string, en: string) => (lang === 'zh' ? zh : en);
const say = (lang: Language, t: { zh: string; en: string }) => (lang === 'zh' ? t.zh : t.en);

/** Runs each tool on validated arguments with the library's functions, and says the answer in a sentence or a few. */
export const answers: Answers = {
  async score({ number, lang, ...scoring }) {
    return { result: score(number, scoring), say: explain(number, { ...scoring, lang }).summary };
  },

  async explain({ number, ...options }) {
    const result = explain(number, options);
    return { result, say: result.summary };
  },

  async search({ lang, ...query }, context) {
    search([], query); // a bad query fails before any pool is built
    const result = search(await context.pools(query.segments), query);
    const n = result.results.length;
    const found = listed(result.results.map((r) => brief(r, lang)), lang);
    const say =
      n === 0
        ? text(lang, '没有找到符合条件的号码。', 'No numbers match.')
        : result.next
          ? text(lang, `先列出 ${n} 个号码：${found}。还有更多，可以继续翻页。`, `Here are ${n} numbers: ${found}. There are more on the next page.`)
          : text(lang, `找到 ${n} 个号码：${found}。`, `Found ${n} numbers: ${found}.`);
    return { result, say };
  },

  async near({ number, segments, lang, ...options }, context) {
    const wanted = format(parse(number, { allowUnconfirmed: true }).digits); // a bad number fails before any pool is built
    const result = near(await context.pools(segments), number, { ...options, maxDistance: options.maxDistance as 1 | 2 | 3 });
    const how = (r: NearResult) =>
      r.distance === 0
        ? text(lang, '就是这个号码', 'the number itself')
        : r.swap
          ? text(lang, '相邻两位对调', 'two neighbours swapped')
          : text(lang, `改 ${r.distance} 位`, `${r.distance} digit${r.distance > 1 ? 's' : ''} changed`);
    const found = listed(result.map((r) => brief(r, lang, how(r))), lang);
    const say = result.length
      ? text(lang, `与 ${wanted} 相近的号码：${found}。`, `Close to ${wanted}: ${found}.`)
      : text(lang, `${wanted} 附近没有可选的号码。`, `Nothing close to ${wanted} is available.`);
    return { result, say };
  },

  async sounds({ phrase, by, segments, lang, ...filters }, context) {
    const query = { ...(by === 'meaning' ? { meaning: phrase } : { sounds: phrase }), ...(segments ? { segments } : {}), ...filters };
    const result = await searchSounds(await context.pools(segments), query);
    const note = ({ soundsLike: m }: SoundResult) => {
      const where = m.atEnd ? text(lang, `尾号 ${m.digits}`, `ends in ${m.digits}`) : text(lang, `含 ${m.digits}`, `has ${m.digits}`);
      if (by === 'sound') return where;
      return text(lang, `${where}“${m.phrase}”`, `${where}, ${m.en ?? m.phrase}`);
    };
    const found = listed(result.results.map((r) => brief(r, lang, note(r))), lang);
    const what = by === 'sound' ? text(lang, `读音像“${phrase}”`, `sound like “${phrase}”`) : text(lang, `寓意“${phrase}”`, `mean “${phrase}”`);
    const notes = result.notes.map((n) => (lang === 'zh' ? n.zh : n.en)).join(lang === 'zh' ? '' : ' ');
    const say = result.results.length
      ? text(lang, `${what}的号码：${found}。`, `Numbers that ${what}: ${found}.`)
      : notes || text(lang, `没有找到${what}的号码。`, `No numbers ${what}.`);
    return { result, say };
  },

  async suggest({ segments, limit, lang, ...profile }, context) {
    const result = await suggestPage(profile, { pools: await context.pools(segments), ...(segments ? { segments } : {}), limit, lang });
    // What was left out and why comes first: the customer hears it before the numbers. How many rest on the facts
    // and how to see more are the salesperson's (和客户信息对得上的号码有 4 个): in the result, not said to the customer.
    const notes = result.notes
      .filter((n) => n.kind !== 'filled' && n.kind !== 'more')
      .map((n) => (lang === 'zh' ? `${n.zh}。` : `${n.en.charAt(0).toUpperCase()}${n.en.slice(1)}.`));
    const numbers = result.results.length
      ? result.results.slice(0, SAID).map((s) => text(lang, `推荐 ${brief(s, lang)}，${s.reasons[0]}。`, `Try ${brief(s, lang)}: ${s.reasons[0]}.`))
      : [text(lang, '没有找到合适的号码。', 'No numbers fit.')];
    return { result, say: [...notes, ...numbers].join(lang === 'zh' ? '' : ' ') };
  },

  async hold({ number, customer, minutes, duration, lang }, context) {
    if (minutes !== undefined && duration !== undefined) {
      throw new Vanity400Error('BAD_ARGUMENT', { zh: 'minutes 和 duration 只给一个', en: 'give minutes or duration, not both' }, { field: 'duration' });
    }
    const ttl = duration === undefined ? (minutes ?? 30) * 60_000 : parseDuration(duration, 'duration');
    const result = await context.store.hold(number, customer, ttl);
    const shown = format(parse(number).digits);
    let say: string;
    if (result.ok) {
      const until = beijingTime(result.heldUntil);
      say = text(lang, `已为${customer}保留 ${shown}，保留到北京时间 ${until}。`, `${shown} is held for ${customer} until ${until} Beijing time.`);
    } else {
      const { status, customer: holder, heldUntil } = result.state;
      // The sentence is for the customer in the chat: it never names another customer.
      say =
        status === 'held' && holder === customer
          ? text(lang, `${shown} 已经为${customer}保留着，保留到北京时间 ${beijingTime(heldUntil ?? 0)}。`, `${shown} is already held for ${customer} until ${beijingTime(heldUntil ?? 0)} Beijing time.`)
          : status === 'held'
            ? text(lang, `${shown} 已被其他客户保留，暂时不能保留。`, `${shown} is held for another customer just now.`)
            : status === 'sold'
              ? text(lang, `${shown} 已经售出。`, `${shown} is already sold.`)
              : text(lang, `${shown} 已下架，不能保留。`, `${shown} is not on sale.`);
    }
    // The answer goes to a customer's chat: another customer's name stays in the store.
    if (!result.ok && result.state.customer !== customer) {
      const { customer: _other, ...state } = result.state;
      return { result: { ok: false, state }, say };
    }
    return { result, say };
  },

  async route_check({ routing, lang }) {
    const check = checkRoutingRules(routing);
    if (!check.ok) {
      const n = check.problems.length;
      const said = check.problems.slice(0, SAID).map((p) => p.message[lang]);
      const more = n > SAID ? text(lang, `等 ${n} 处`, ` and ${n - SAID} more`) : '';
      return {
        result: check,
        say: text(lang, `转接规则有 ${n} 处问题：${said.join('；')}${more}。`, `The routing rules have ${n} problem${n > 1 ? 's' : ''}: ${said.join('; ')}${more}.`),
      };
    }
    const numbers = landingNumbers(check.rules).map((l) => l.number);
    const form = routingForm(check.rules, { lang });
    return {
      result: { ok: true, rules: check.rules, form },
      say: text(lang, `转接规则没有问题，可以填进受理单。共 ${numbers.length} 个落地号码：${listed(numbers, lang)}，都要是申请单位实名办理的号码。`, `The routing rules are good and can go on the order form. ${numbers.length} landing number${numbers.length > 1 ? 's' : ''}: ${listed(numbers, lang)}; each must be registered in the applicant's name.`),
    };
  },

  async route_test({ routing, at, from, area, password, monthCalls, monthCost, seed, lang }) {
    const checked = parseRoutingRules(routing);
    const usage = { ...(monthCalls !== undefined ? { calls: monthCalls } : {}), ...(monthCost !== undefined ? { cost: monthCost } : {}) };
    const result = route(checked, { at, ...(from !== undefined ? { from } : {}), ...(area !== undefined ? { area } : {}), ...(password !== undefined ? { password } : {}), usage }, { seed });
    return { result, say: [result.explanation[lang], ...result.notes.map((n) => text(lang, `（${n.zh}）`, `(${n.en}.)`))].join(lang === 'zh' ? '' : ' ') };
  },

  async release({ number, customer, lang }, context) {
    const digits = parse(number).digits;
    const shown = format(digits);
    try {
      await context.store.release(number, customer);
    } catch (error) {
      // The store's message may name the holder or the buyer; the customer in the chat hears only of themselves.
      if (isVanity400Error(error)) throw inventoryRules.toCustomer(error, shown);
      throw error;
    }
    return {
      result: { number: digits, released: true },
      say: text(lang, `已取消${customer}对 ${shown} 的保留，这个号码又可以选了。`, `The hold on ${shown} for ${customer} is released; the number is available again.`),
    };
  },

  async quote({ lang, ...request }, context) {
    const result = quote(request, context.packages);
    const tier = tierById(result.tier)!;
    const what = result.number ? `${format(result.number)}（${tier.zh}）` : tier.zh;
    const whatEn = result.number ? `${format(result.number)} (${tier.en})` : `a ${tier.en} number`;
    const options = result.packages.slice(0, SAID).map((p) =>
      text(
        lang,
        `「${p.package.zh}」每年实付 ${p.perYear} 元，预存每月约可打 ${p.coveredMinutesPerMonth} 分钟${p.effectiveRate === null ? '' : `，实际每分钟 ${p.effectiveRate} 元`}${p.warning ? `（${p.warning.zh}）` : ''}`,
        `"${p.package.en}" costs ${p.perYear} 元 a year, its prepayment covers about ${p.coveredMinutesPerMonth} minutes a month${p.effectiveRate === null ? '' : `, ${p.effectiveRate} 元 a minute in effect`}${p.warning ? ` (${p.warning.en})` : ''}`,
      ),
    );
    const head = text(
      lang,
      `按每月 ${result.minutesPerMonth} 分钟算，${what}最低消费每年 ${result.minimumSpend.perYear} 元（${result.minimumSpend.basis.zh}）。`,
      `At ${result.minutesPerMonth} minutes a month, ${whatEn} has a minimum spend of ${result.minimumSpend.perYear} 元 a year (${result.minimumSpend.basis.en}). `,
    );
    const body = options.length
      ? text(lang, `最划算的是${options.map((o, i) => `${['', '其次是', '再往后是'][Math.min(i, 2)]}${o}`).join('；')}。`, `The cheapest: ${options.join('; then ')}. `)
      : text(lang, '没有能选的套餐。', 'No package fits. ');
    return { result, say: `${head}${body}${say(lang, result.caller)}` };
  },

  async opening_date({ number, tier, paidAt, lang }) {
    if ((number === undefined) === (tier === undefined)) {
      throw new Vanity400Error('BAD_ARGUMENT', { zh: 'number 和 tier 要给一个且只给一个', en: 'give either number or tier, one of them' }, { field: 'number' });
    }
    const result = openingDate((number ?? tier)!, paidAt ?? Date.now());
    return { result, say: describeOpeningDate(result, lang) };
  },

  async documents({ companyName, creditCode, handlerIdNumber, lang, ...rest }) {
    let result: DocumentsChecklist;
    try {
      result = documentsFor({ company: { name: companyName, creditCode }, ...(handlerIdNumber === undefined ? {} : { handler: { idNumber: handlerIdNumber } }), ...rest });
    } catch (error) {
      renamedField(error);
    }
    const all = result.documents.map((d) => say(lang, d));
    const missing = result.missing.map((d) => say(lang, d));
    const sentence = result.complete
      ? text(lang, `资料已齐全：${all.join('、')}。`, `Everything is in: ${all.join('; ')}.`)
      : missing.length === all.length
        ? text(lang, `需要准备这些资料：${all.join('、')}。`, `To hand in: ${all.join('; ')}.`)
        : text(lang, `需要准备这些资料：${all.join('、')}；目前还缺${missing.join('、')}。`, `To hand in: ${all.join('; ')}. Still missing: ${missing.join('; ')}.`);
    return { result, say: sentence };
  },

  async order_status({ customer, id, number, lang }, context) {
    if (context.orders === null) {
      throw new Vanity400Error('NO_STORE', { zh: '这个机器人没有接订单库，查不了订单进度。', en: 'This bot has no order store, so it cannot tell how orders stand.' });
    }
    const orders = context.orders;
    // Only the customer's own orders: an id of another customer's order answers as one that does not exist.
    let found: Order[];
    if (id !== undefined) {
      const order = await orders.get(id);
      found = order !== null && order.customer === customer && (number === undefined || order.number === parse(number).digits) ? [order] : [];
    } else found = await orders.list({ customer, ...(number === undefined ? {} : { number }) });
    const views: OrderStatusView[] = [];
    for (const order of found) {
      const view = await orders.view(order.id);
      views.push({
        id: order.id,
        number: order.number,
        status: order.status,
        history: order.history,
        packageId: order.package.id,
        ...(order.opening ? { openingDate: order.opening.date } : {}),
        ...(order.opening && order.opening.estimatedYears.length > 0 ? { openingNote: say(lang, estimateNote(order.opening.estimatedYears)) } : {}),
        warnings: (view?.warnings ?? []).map((w) => say(lang, w)),
      });
    }
    if (views.length === 0) {
      const asked = id ?? (number === undefined ? undefined : format(parse(number)));
      return { result: { orders: [] }, say: asked === undefined ? text(lang, `${customer}还没有订单。`, `${customer} has no orders yet.`) : text(lang, `没有找到${customer}的订单 ${asked}。`, `No order ${asked} of ${customer} was found.`) };
    }
    const sentences = views.map((v) => {
      const shown = format(parse(v.number));
      const status = say(lang, STATUS_NAMES[v.status]);
      const opening = v.openingDate ? text(lang, `，预计 ${v.openingDate} 开通${v.openingNote ? `（${v.openingNote}）` : ''}`, `, expected to open on ${v.openingDate}${v.openingNote ? ` (${v.openingNote})` : ''}`) : '';
      const base = text(lang, `订单 ${v.id}（${shown}）现在是“${status}”${opening}。`, `Order ${v.id} (${shown}) is ${status}${opening}.`);
      return [base, ...v.warnings].join(lang === 'zh' ? '' : ' ');
    });
    return { result: { orders: views }, say: sentences.join(lang === 'zh' ? '' : ' ') };
  },
};
