import { guardLanguage, guardOptions, guardString, invalidType, guardFields } from '../errors/guards.js';
import { format } from '../number/format.js';
import { parseRoutingRules, planOf } from './check.js';
import { readPhoneNumber } from './phone-number.js';
import { areaText } from './route.js';
import type { Landing, Route, RoutingRules } from './rules.js';
import { slotLabel } from './time-plan.js';


/** One line of the form: its text and how deep it is nested (0 at the top of its section). */
export interface FormLine {
  /** The text. */
  text: string;
  /** Nesting depth. */
  depth: number;
}

/** The 受理单's routing part as a form a customer can read and sign, in one language. JSON-safe. */
export interface RoutingForm {
  /** 400 电话受理单 · 转接规则 / 400 line order form: call routing. */
  title: string;
  /** The 400 number and the customer, when the rules name them. */
  fields: {
    /** 400 号码, 客户. */
    label: string;
    /** Its value. */
    value: string;
  }[];
  /** One section per function of the line, in the order the seed lists them. */
  sections: {
    /** 一、来电分配（电话自动分配） … */
    heading: string;
    /** Its lines. */
    lines: FormLine[];
  }[];
  /** Every landing number the rules ring, once each: each must be registered in the applicant's name. */
  landingNumbers: {
    /** Canonical. */
    number: string;
    /** For people. */
    display: string;
    /** The customer's name for it. */
    label?: string;
  }[];
  /** Where the customer and the agent sign. */
  signatures: string[];
}

/** Options of {@link routingForm} and {@link formatRoutingForm}. */
export interface RoutingFormOptions {
  /** zh (default) or en. */
  lang?: 'zh' | 'en';
  /** Print the password itself instead of ＊＊＊＊ (for the copy that goes to the carrier). */
  showPassword?: boolean;
  /** The form's title instead of 400 电话受理单 · 转接规则 (an order's form names itself 400 电话受理单). */
  title?: string;
  /** The fields at the top instead of the rules' 400 号码 and 客户 (an order gives its id, applicant, package …). */
  fields?: readonly {
    /** 订单号, 申请单位 … */
    label: string;
    /** Its value. */
    value: string;
  }[];
}

const t = (lang: 'zh' | 'en', zh: string, en: string) => (lang === 'zh' ? zh : en);

function shown(landing: Landing, lang: 'zh' | 'en'): string {
  const reading = readPhoneNumber(landing.number);
  const display = reading.ok ? reading.value.display : landing.number;
  return landing.label ? t(lang, `${display}（${landing.label}）`, `${display} (${landing.label})`) : display;
}

/** A route as the form's lines: a single group stays on its parent's line. */
function routeLines(route: Route, depth: number, lang: 'zh' | 'en'): { inline?: string; lines: FormLine[] } {
  if ('ring' in route) {
    const numbers = route.ring.map((n) => shown(n, lang));
    if (numbers.length === 1) return { inline: t(lang, `转 ${numbers[0]}`, `ring ${numbers[0]}`), lines: [] };
    const list = numbers.join(t(lang, '、', ', '));
    const text =
      route.order === 'rotating'
        ? t(lang, `轮流转 ${list}（每通来电从下一个号码开始）`, `ring ${list} in turn (each call starts at the next number)`)
        : route.order === 'random'
          ? t(lang, `随机先转 ${list} 中的一个`, `ring one of ${list} first, at random`)
          : t(lang, `依次转 ${list}（总是先转第一个）`, `ring ${list} in order (always the first first)`);
    return { inline: text, lines: [] };
  }
  const children: { label: string; route: Route }[] = [];
  let heading: string;
  if ('split' in route) {
    heading = t(lang, '按比例分配：', 'shared by percentage:');
    for (const b of route.split) children.push({ label: `${b.percent}%`, route: b.route });
  } else if ('byArea' in route) {
    heading = t(lang, '按来电地区：', "by the caller's area:");
    for (const r of route.byArea) children.push({ label: t(lang, `${areaText(r.areas, 'zh')}来电`, `calls from ${areaText(r.areas, 'en')}`), route: r.route });
    if (route.otherwise) children.push({ label: t(lang, '其余地区', 'other areas'), route: route.otherwise });
  } else {
    heading = t(lang, '按来电时间（北京时间）：', 'by the time of the call (Beijing time):');
    for (const r of route.byTime) children.push({ label: slotLabel(r)[lang], route: r.route });
    if (route.otherwise) children.push({ label: t(lang, '其余时间', 'other times'), route: route.otherwise });
  }
  const lines: FormLine[] = [];
  for (const child of children) {
    const sub = routeLines(child.route, depth + 1, lang);
    lines.push({ text: `${child.label}${t(lang, '：', ': ')}${sub.inline ?? ''}`.replace(/[：:] $/, t(lang, '：', ':')), depth: depth + 1 }, ...sub.lines);
  }
  return { inline: heading, lines };
}

/** Every landing number the rules ring (route and forwarding), once each, in the order they appear. `rules` is anything checkRoutingRules accepts. */
export function landingNumbers(rules: RoutingRules): Landing[] {
  if (typeof rules !== 'object' || rules === null) throw invalidType('landingNumbers(): rules', '转接规则', 'routing rules', rules);
  const r = planOf(rules) ? rules : parseRoutingRules(rules);
  const found = new Map<string, Landing>();
  const visit = (route: Route) => {
    if ('ring' in route) for (const n of route.ring) if (!found.has(n.number) || (!found.get(n.number)!.label && n.label)) found.set(n.number, n);
    if ('split' in route) route.split.forEach((b) => visit(b.route));
    if ('byArea' in route) route.byArea.forEach((r) => visit(r.route));
    if ('byTime' in route) route.byTime.forEach((r) => visit(r.route));
    if (('byArea' in route || 'byTime' in route) && route.otherwise) visit(route.otherwise);
  };
  visit(r.route);
  for (const n of r.forwarding?.numbers ?? []) if (!found.has(n.number)) found.set(n.number, n);
  return [...found.values()];
}

/** The kind of each field of RoutingFormOptions. */
const FORM_OPTION_KINDS = { lang: 'string?', showPassword: 'boolean?', title: 'string?', fields: 'array?' };

/**
 * The rules as the 受理单's routing part: one section for each function of a 400 line the seed lists
 * (电话自动分配, 遇忙/无应答自动呼转, 呼叫阻截, 专用密码, 费用控制, 话费分摊), the landing numbers the
 * applicant declares as its own, and the lines to sign. `rules` is anything checkRoutingRules accepts.
 */
export function routingForm(rules: RoutingRules | unknown, options: RoutingFormOptions = {}): RoutingForm {
  const r = planOf(rules) ? (rules as RoutingRules) : parseRoutingRules(rules);
  guardOptions(options, 'routingForm(): options');
  guardFields(options, 'routingForm(): options', FORM_OPTION_KINDS);
  const lang = options.lang ?? 'zh';
  guardLanguage(lang, 'routingForm(): options.lang');
  if (options.title !== undefined) guardString(options.title, 'routingForm(): options.title');
  if (options.fields !== undefined && (!Array.isArray(options.fields) || !options.fields.every((f) => typeof f === 'object' && f !== null && typeof f.label === 'string' && typeof f.value === 'string'))) {
    throw invalidType('routingForm(): options.fields', '{ label, value } 文字对的数组', 'an array of { label, value } texts', options.fields);
  }
  const fields: RoutingForm['fields'] = options.fields === undefined ? [] : options.fields.map((f) => ({ label: f.label, value: f.value }));
  if (options.fields === undefined && r.number) fields.push({ label: t(lang, '400 号码', '400 number'), value: format(r.number) });
  if (options.fields === undefined && r.customer) fields.push({ label: t(lang, '客户', 'customer'), value: r.customer });
  const top = routeLines(r.route, 0, lang);
  const routing: FormLine[] = top.lines.length ? [{ text: top.inline!, depth: 0 }, ...top.lines] : [{ text: t(lang, `所有来电${top.inline}`, `every call: ${top.inline}`), depth: 0 }];
  const forwarding: FormLine[] = [{ text: t(lang, `每个号码振铃 ${r.ringSeconds} 秒无人接听即转下一个。`, `each number rings ${r.ringSeconds} seconds before the call moves on.`), depth: 0 }];
  if (r.forwarding) {
    const when = r.forwarding.on.length === 2 ? t(lang, '遇忙或无应答', 'busy or unanswered') : r.forwarding.on[0] === 'busy' ? t(lang, '遇忙', 'busy') : t(lang, '无应答', 'unanswered');
    forwarding.push({ text: t(lang, `以上号码${when}时，依次转：`, `when those are ${when}, then in turn:`), depth: 0 });
    r.forwarding.numbers.forEach((n, i) => forwarding.push({ text: `${i + 1}. ${shown(n, lang)}`, depth: 1 }));
  } else forwarding.push({ text: t(lang, '未设转移号码：只转上面的号码。', 'no forwarding list: only the numbers above ring.'), depth: 0 });
  const blocking: FormLine[] = [
    {
      text: r.blocking
        ? r.blocking.mode === 'allow'
          ? t(lang, `只接听${areaText(r.blocking.areas, 'zh')}的来电，其他地区的来电不接通。`, `only calls from ${areaText(r.blocking.areas, 'en')} are put through.`)
          : t(lang, `不接听${areaText(r.blocking.areas, 'zh')}的来电。`, `calls from ${areaText(r.blocking.areas, 'en')} are refused.`)
        : t(lang, '未设置：全国来电都接听。', 'not set: calls from everywhere are put through.'),
      depth: 0,
    },
  ];
  const password = r.password === undefined ? undefined : options.showPassword ? r.password : '＊'.repeat(r.password.length);
  const passwordLines: FormLine[] = [
    { text: password === undefined ? t(lang, '未设置。', 'not set.') : t(lang, `来电须先输入 ${r.password!.length} 位专用密码（${password}）才能接通。`, `callers key in the ${r.password!.length}-digit password (${password}) before the call is put through.`), depth: 0 },
  ];
  const caps: string[] = [];
  if (r.cap?.monthlyCost !== undefined) caps.push(t(lang, `每月总费用上限 ${r.cap.monthlyCost} 元`, `at most ${r.cap.monthlyCost} yuan a month`));
  if (r.cap?.monthlyCalls !== undefined) caps.push(t(lang, `每月接通次数上限 ${r.cap.monthlyCalls} 次`, `at most ${r.cap.monthlyCalls} answered calls a month`));
  const cap: FormLine[] = [{ text: caps.length ? t(lang, `${caps.join('；')}；达到后自动停止接续。`, `${caps.join('; ')}; beyond that, calls stop being put through.`) : t(lang, '未设置。', 'not set.'), depth: 0 }];
  const sharing: FormLine[] = [{ text: t(lang, '主叫只付本地市话费；被叫（贵单位）按合同套餐付接听（转接）服务费。', 'callers pay only their local rate; the business pays the answering (forwarding) fee of its package.'), depth: 0 }];
  const heading = (zh: string, en: string) => t(lang, zh, en);
  return {
    title: options.title ?? t(lang, '400 电话受理单 · 转接规则', '400 line order form: call routing'),
    fields,
    sections: [
      { heading: heading('一、来电分配（电话自动分配）', '1. Where calls go'), lines: routing },
      { heading: heading('二、遇忙/无应答自动呼转', '2. Busy or no answer'), lines: forwarding },
      { heading: heading('三、呼叫阻截', '3. Call blocking'), lines: blocking },
      { heading: heading('四、专用密码', '4. Password'), lines: passwordLines },
      { heading: heading('五、费用控制', '5. Monthly cap'), lines: cap },
      { heading: heading('六、话费分摊', '6. Who pays'), lines: sharing },
    ],
    landingNumbers: landingNumbers(r).map((n) => {
      const reading = readPhoneNumber(n.number);
      return { number: n.number, display: reading.ok ? reading.value.display : n.number, ...(n.label ? { label: n.label } : {}) };
    }),
    signatures: [t(lang, '客户（签字盖章）', 'Customer (signature and seal)'), t(lang, '代理商（签字盖章）', 'Agent (signature and seal)'), t(lang, '日期', 'Date')],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The form printed: as plain text for a terminal or an e-mail, or as a printable HTML page (one A4
 * page, with the signature lines) a customer can sign off.
 */
export function formatRoutingForm(rules: RoutingRules | unknown, options: RoutingFormOptions & { as?: 'text' | 'html' } = {}): string {
  guardOptions(options, 'formatRoutingForm(): options');
  guardFields(options, 'formatRoutingForm(): options', { ...FORM_OPTION_KINDS, as: 'string?' });
  const lang = options.lang ?? 'zh';
  guardLanguage(lang, 'formatRoutingForm(): options.lang');
  if (options.as !== undefined && options.as !== 'text' && options.as !== 'html') throw invalidType('formatRoutingForm(): options.as', '"text" 或 "html"', '"text" or "html"', options.as);
  const form = routingForm(rules, options);
  const declaration = t(lang, '以上落地号码均为申请单位实名办理的电话号码：', "The landing numbers above are all registered in the applicant's name:");
  if (options.as === 'html') {
    const p = (line: FormLine) => `<p class="d${line.depth}">${escapeHtml(line.text)}</p>`;
    return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(form.title)}</title>
<style>
@page { size: A4; margin: 18mm; }
body { font: 14px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 20px; text-align: center; margin: 0 0 12px; }
h2 { font-size: 15px; margin: 14px 0 4px; border-bottom: 1px solid #999; }
p { margin: 2px 0; } .d1 { margin-left: 2em; } .d2 { margin-left: 4em; } .d3 { margin-left: 6em; } .d4 { margin-left: 8em; } .d5 { margin-left: 10em; }
table { border-collapse: collapse; margin: 6px 0; } td { border: 1px solid #999; padding: 2px 10px; }
.sign { display: flex; justify-content: space-between; margin-top: 28px; } .sign div { width: 30%; border-top: 1px solid #111; padding-top: 4px; }
</style>
</head>
<body>
<h1>${escapeHtml(form.title)}</h1>
${form.fields.length ? `<table>${form.fields.map((f) => `<tr><td>${escapeHtml(f.label)}</td><td>${escapeHtml(f.value)}</td></tr>`).join('')}</table>` : ''}
${form.sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.lines.map(p).join('\n')}`).join('\n')}
<h2>${escapeHtml(t(lang, '落地号码', 'Landing numbers'))}</h2>
<p>${escapeHtml(declaration)}</p>
${form.landingNumbers.map((n, i) => `<p class="d1">${i + 1}. ${escapeHtml(n.label ? `${n.display}（${n.label}）` : n.display)}</p>`).join('\n')}
<div class="sign">${form.signatures.map((s) => `<div>${escapeHtml(s)}</div>`).join('')}</div>
</body>
</html>
`;
  }
  const out = [form.title, '', ...form.fields.map((f) => `${f.label}${t(lang, '：', ': ')}${f.value}`)];
  if (form.fields.length) out.push('');
  for (const s of form.sections) out.push(s.heading, ...s.lines.map((l) => `${'  '.repeat(l.depth + 1)}${l.text}`), '');
  out.push(t(lang, '落地号码', 'Landing numbers'), `  ${declaration}`, ...form.landingNumbers.map((n, i) => `    ${i + 1}. ${n.label ? t(lang, `${n.display}（${n.label}）`, `${n.display} (${n.label})`) : n.display}`), '');
  out.push(form.signatures.map((s) => `${s}${t(lang, '：', ': ')}____________`).join('   '));
  return `${out.join('\n')}\n`;
}
