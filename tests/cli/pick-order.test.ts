import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import documentsData from '../../data/documents.json';
import { checkCreditCode } from '../../src/documents/credit-code.js';
import { documentsFor } from '../../src/documents/documents-for.js';
import { format } from '../../src/number/format.js';
import { parse } from '../../src/number/parse.js';
import { openingDate } from '../../src/orders/opening-date.js';
import { formatOrderForm } from '../../src/orders/order-form.js';
import { parsePackages } from '../../src/packages/packages.js';
import { quote } from '../../src/packages/quote.js';
import { readPhoneNumber } from '../../src/routing/phone-number.js';
import { openSqliteOrderStore, openSqliteStore } from '../../src/sqlite/index.js';
import { BUDGETS } from '../../src/cli/pick/budget.js';
import { companyLicence } from '../inventory/helpers.js';
import { KEY, ptySession } from './pty-session.js';
import { cli } from './run-cli.js';

const SAMPLE = new URL('../../data/samples/inventory.csv', import.meta.url).pathname;
const displays = (text: string) => text.match(/400-\d{3}-\d{4}/g) ?? [];
const CODE = companyLicence(7);
/** The tier budget whose numbers take several packages: up to 普通号. */
const ORDINARY_BUDGET = BUDGETS.findIndex((b) => b.id === 'ordinary');

async function sampleStore(): Promise<string> {
  const store = join(mkdtempSync(join(tmpdir(), 'vanity400-pick-order-')), 'inventory.db');
  expect((await cli(['inventory', 'import', SAMPLE, '--store', store])).status).toBe(0);
  return store;
}

/** Skips every fact (the sample's huatong sells in one segment, so no segment is asked), takes the given budget, holds the first number listed for 张三 13800138000; resolves to that number's digits. */
async function holdFirst(s: ReturnType<typeof ptySession>, zh: boolean, budget = ORDINARY_BUDGET): Promise<string> {
  for (const question of zh ? ['公司名称', '广告语', '成立年份', '注册日期', '门牌号', '固定电话', '不要的数字'] : ["Company's name", 'Slogan', 'Founding year', 'Registration date', 'Door number', 'Landline', 'Digits to avoid']) {
    await s.expect(question);
    s.send(KEY.enter);
  }
  await s.expect(zh ? '预算' : 'Budget');
  s.send(KEY.down.repeat(budget) + KEY.enter);
  const [first] = displays(await s.expect(zh ? '选一个号码' : 'Pick a number'));
  s.send(KEY.enter);
  await s.expect(zh ? '客户名称' : "Customer's name");
  s.send(`张三${KEY.enter}`);
  await s.expect(zh ? '客户电话' : "Customer's phone");
  s.send(`13800138000${KEY.enter}`);
  await s.expect(zh ? '保留多久' : 'Hold for how long');
  s.send(`2h${KEY.enter}`);
  await s.expect(zh ? '保留 ' : 'Hold ');
  s.send('y');
  await s.expect(zh ? '已保留' : 'Held');
  return parse(first!).digits;
}

/** The text of a note box: its lines without the frame. */
const unframed = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/^[│◇├╮╯\s]+|[│╮╯─\s]+$/g, ''))
    .filter(Boolean);

describe('vanity400 pick to the order, driven through a pseudo-terminal', () => {
  it('quotes the packages for the customer\'s traffic, says the opening day and the documents, and makes the draft order in the store', async () => {
    const store = await sampleStore();
    const s = ptySession(['pick', '--store', store, '--agent', 'huatong']);
    const number = await holdFirst(s, true);

    await s.expect('客户每月来电大约多少分钟？');
    s.send(`八百${KEY.enter}`);
    await s.expect('“八百”不是分钟数：填 0 到 1000000 的整数，如 800');
    s.send(`${KEY.ctrlU}800${KEY.enter}`);
    const q = quote({ number, minutesPerMonth: 800 });
    expect(q.packages.length).toBeGreaterThan(2);
    await s.expect('报价（每月来电 800 分钟）');
    const box = unframed(await s.expect('客户选哪个套餐？'));
    // The cheapest packages for 800 minutes a month, in the library's order and figures.
    const rows = box.filter((l) => /^\d\. /.test(l));
    expect(rows).toHaveLength(Math.min(5, q.packages.length));
    rows.forEach((row, i) => {
      const p = q.packages[i]!;
      expect(row).toContain(`${p.rank}. ${p.package.zh}：每年实付 ${p.perYear} 元`);
      expect(row).toContain(`平均每分钟约 ${p.effectiveRate!.toFixed(2)} 元`);
      expect(row).toContain(`预存每月够打 ${p.coveredMinutesPerMonth} 分钟，超出部分每分钟 ${p.package.ratePerMinute} 元`);
    });
    expect(box[0]).toContain(`每年最低消费 ${q.minimumSpend.perYear} 元`);
    expect(box).toContain(q.caller.zh);
    if (q.ineligible.length) expect(box).toContain(`另有 ${q.ineligible.length} 个套餐低于这个号码的最低消费，不能选`);

    const paidNow = Date.now();
    s.send(KEY.down + KEY.enter); // the second cheapest
    const d = openingDate(number, paidNow);
    const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
    const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, day)).getUTCDay()];
    await s.expect(`今天收到预付款的话，预计${y}年${m}月${day}日（周${weekday}）开通：${d.special ? '特殊号码' : '普通号码'}要 ${d.workingDays} 个工作日`);

    await s.expect('申请单位的全称？');
    s.send(`深圳顺发物流有限公司${KEY.enter}`);
    await s.expect('统一社会信用代码？');
    const mistyped = `${CODE.slice(0, 17)}${CODE[17] === 'X' ? 'Y' : 'X'}`;
    s.send(`${mistyped}${KEY.enter}`);
    let why = '';
    try {
      checkCreditCode(mistyped, '营业执照上的代码');
    } catch (error) {
      why = (error as { messageIn(lang: 'zh'): string }).messageIn('zh');
    }
    expect(why).toContain('校验码');
    await s.expect(why);
    s.send(`${KEY.ctrlU}${CODE}${KEY.enter}`);
    await s.expect('落地号码？');
    s.send(`0755-1234567${KEY.enter}`); // Shenzhen's local numbers have 8 digits
    const short = readPhoneNumber('0755-1234567');
    expect(short.ok).toBe(false);
    await s.expect(`第 1 个落地号码“0755-1234567”不对：${(short as { why: { zh: string } }).why.zh}`);
    s.send(`${KEY.ctrlU}0755-8888 1234，13800138000${KEY.enter}`);
    await s.expect('单位现在已经有几个 400 号码？');
    s.send(`1${KEY.enter}`);
    await s.expect('单位是做哪一行的？');
    s.send(KEY.down + KEY.enter); // education
    await s.expect('要准备的资料');
    const docs = unframed(await s.expect('现在为 张三 13800138000 建草稿订单吗？'));
    const expected = documentsFor({ company: { name: '深圳顺发物流有限公司', creditCode: CODE }, numbersHeld: 1, landingNumbers: ['0755-88881234', '13800138000'], industry: 'education' });
    expect(expected.documents.map((x) => x.id)).toEqual(['business-licence', 'handler-id', 'multi-number-purpose', 'landing-real-name', 'industry-licence']);
    expect(docs.filter((l) => /^\d\. /.test(l))).toEqual(expected.documents.map((x, i) => expect.stringContaining(`${i + 1}. ${x.zh}：${x.why.zh}`)));
    expect(docs.join('')).toContain('（声明里列明 0755-8888 1234、138 0013 8000）');
    const chosen = q.packages[1]!;
    await s.expect(`（${format(number)}，${chosen.package.zh}）`);
    s.send('y');
    await s.expect('已建草稿订单');
    expect(await s.exited).toBe(0);
    const end = s.screen().slice(s.screen().lastIndexOf('已建草稿订单'));
    expect(end).toContain('订单：order-1');
    expect(end).toContain(`套餐：${chosen.package.zh}`);
    expect(end).toContain(`申请单位：深圳顺发物流有限公司（${CODE}）`);
    expect(end).toContain('落地号码：0755-8888 1234、138 0013 8000');
    expect(end).toContain('下一步：签合同和受理单（vanity400 order advance order-1 signed），再交资料、收预付款');

    // The draft is in the store, for the customer the number is held for, with what was said.
    const inventory = await openSqliteStore(store);
    const orders = await openSqliteOrderStore(inventory);
    const [order, ...more] = await orders.list();
    const state = await inventory.who(number);
    await orders.close();
    await inventory.close();
    expect(more).toEqual([]);
    expect(order).toMatchObject({ id: 'order-1', status: 'draft', customer: '张三 13800138000', number, agent: 'huatong', package: { id: chosen.package.id }, minutesPerMonth: 800, company: { name: '深圳顺发物流有限公司', creditCode: CODE } });
    expect(state).toMatchObject({ status: 'held', customer: '张三 13800138000' });
    // And its 受理单 prints: the landing numbers ring in the order given.
    const shown = await cli(['order', 'show', 'order-1', '--store', store]);
    expect(shown.out).toContain(formatOrderForm(order!));
    expect(shown.out).toContain('所有来电依次转 0755-8888 1234、138 0013 8000（总是先转第一个）');
  });

  it('without the applicant lists every document an application may need and the command that makes the order later, in English', async () => {
    const store = await sampleStore();
    const s = ptySession(['pick', '--store', store, '--agent', 'huatong', '--lang', 'en']);
    const number = await holdFirst(s, false);
    await s.expect('About how many minutes of calls a month');
    s.send(`300${KEY.enter}`);
    const q = quote({ number, minutesPerMonth: 300 });
    await s.expect('Quote (300 minutes of calls a month)');
    await s.expect(`1. ${q.packages[0]!.package.en}: the customer pays ${q.packages[0]!.perYear} 元 a year`);
    await s.expect('Which package does the customer take?');
    s.send(KEY.enter);
    await s.expect('Paid today, the line should open on ');
    await s.expect("The applicant's full name?");
    s.send(KEY.enter);
    await s.expect('Documents to prepare');
    const docs = unframed(await s.expect("Once the customer's details are in:"));
    const rows = docs.join(' ').split(/ (?=\d\. )/);
    documentsData.documents.forEach((x, i) => expect(rows.some((r) => r.includes(`${i + 1}. ${x.en}: ${x.why.en}`.slice(0, 60)))).toBe(true));
    for (const industry of documentsData.industries) expect(docs.join(' ')).toContain(industry.en);
    expect(await s.exited).toBe(0);
    const end = s.screen().slice(s.screen().lastIndexOf("Once the customer's details are in:")).replace(/\s+/g, ' ');
    expect(end).toContain(`vanity400 order create ${format(number)} --customer '张三 13800138000' --package ${q.packages[0]!.package.id} --minutes 300 --company NAME --credit-code CODE --landing NUMBERS --store ${store}`);
    expect(s.screen()).not.toMatch(/[订单套餐资料]/u);

    const inventory = await openSqliteStore(store);
    const orders = await openSqliteOrderStore(inventory);
    expect(await orders.list()).toEqual([]);
    await orders.close();
    expect(await inventory.who(number)).toMatchObject({ status: 'held', customer: '张三 13800138000' });
    await inventory.close();
  });

  it("ends without an order when no package of the agent's list reaches the number's minimum spend, and refuses a bad list before asking anything", async () => {
    const store = await sampleStore();
    const file = join(mkdtempSync(join(tmpdir(), 'vanity400-pick-packages-')), 'ours.json');
    const list = { packages: [{ id: 'small', zh: '小套餐 600 元', en: 'small, 600 元', prepay: 600, years: 1, ratePerMinute: 0.15, source: 'agent-defined' }], sources: { 'agent-defined': { title: '我们的价目表', url: null } } };
    writeFileSync(file, JSON.stringify(list, null, 2));
    const s = ptySession(['pick', '--store', store, '--agent', 'huatong', '--packages', file]);
    const number = await holdFirst(s, true, 0); // no budget: the agent's best number
    await s.expect('客户每月来电大约多少分钟？');
    s.send(`800${KEY.enter}`);
    const q = quote({ number, minutesPerMonth: 800 }, parsePackages(JSON.stringify(list), { file }));
    expect(q.packages).toEqual([]);
    await s.expect(`另有 1 个套餐低于这个号码的最低消费，不能选`);
    await s.expect(`套餐表里没有能配 ${format(number)} 的套餐：这个号码每年最低消费 ${q.minimumSpend.perYear} 元`);
    expect(await s.exited).toBe(0);
    const inventory = await openSqliteStore(store);
    const orders = await openSqliteOrderStore(inventory);
    expect(await orders.list()).toEqual([]);
    await orders.close();
    await inventory.close();

    writeFileSync(file, JSON.stringify(list, null, 2).replace('0.15', '0.05'));
    const bad = await cli(['pick', '--store', store, '--packages', file]);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain(`${file} 第 9 行，packages[0].ratePerMinute：0.05 元/分钟低于运营商 0.06 元/分钟的结算成本`);
  });
});
