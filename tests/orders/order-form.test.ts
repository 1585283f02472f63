import { describe, expect, it } from 'vitest';
import { calendarYears } from '../../src/calendar/working-days.js';
import { formatOrderForm, orderForm } from '../../src/orders/order-form.js';
import { advanceOrder, createOrder, type Order } from '../../src/orders/order.js';
import { formatRoutingForm, routingForm } from '../../src/routing/form.js';
import { caught } from '../phonetics/caught.js';
import { documents, newOrder, ROUTING } from './order-store-contract.js';

const T0 = Date.UTC(2026, 11, 7, 2);
const HOUR = 3_600_000;

const withRouting = () => createOrder({ ...newOrder({ landingNumbers: undefined }), routing: { ...ROUTING, password: '0618' } }, { id: 'order-7', now: T0 });

describe("an order's 受理单", () => {
  it('heads the routing form with the order, the applicant, its code and the package, and signs off like the routing form', () => {
    const o = withRouting();
    const form = orderForm(o);
    expect(form.title).toBe('400 电话受理单');
    expect(form.fields).toEqual([
      { label: '订单号', value: 'order-7' },
      { label: '400 号码', value: '400-612-3007' },
      { label: '申请单位', value: '深圳顺发物流有限公司' },
      { label: '统一社会信用代码', value: o.company.creditCode },
      { label: '资费套餐', value: `${o.package.zh}（预存 1200 元，1 年，0.13 元/分钟）` },
    ]);
    // The routing part is the rules' own form, word for word.
    const rules = routingForm((o.acceptance as { routing: unknown }).routing);
    expect(form.sections).toEqual(rules.sections);
    expect(form.landingNumbers.map((n) => n.number)).toEqual(['021-61234567', '13800138000', '13900139000']);
    expect(form.sections[3]!.lines[0]!.text).toBe('来电须先输入 4 位专用密码（＊＊＊＊）才能接通。');
    expect(orderForm(o, { showPassword: true }).sections[3]!.lines[0]!.text).toContain('（0618）');
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);

    const text = formatOrderForm(o);
    expect(text.split('\n').slice(0, 7)).toEqual(['400 电话受理单', '', '订单号：order-7', '400 号码：400-612-3007', '申请单位：深圳顺发物流有限公司', `统一社会信用代码：${o.company.creditCode}`, `资费套餐：${o.package.zh}（预存 1200 元，1 年，0.13 元/分钟）`]);
    const routingText = formatRoutingForm((o.acceptance as { routing: unknown }).routing);
    expect(text.slice(text.indexOf('一、来电分配'))).toBe(routingText.slice(routingText.indexOf('一、来电分配')));
    expect(text).not.toContain('0618');
    expect(text).not.toContain('11010519491231002X');
  });

  it('adds the opening day once counted, in English too, and prints as a printable page', () => {
    let o: Order = withRouting();
    o = advanceOrder(o, 'signed', {}, T0 + HOUR);
    o = advanceOrder(o, 'documents-complete', documents, T0 + 2 * HOUR);
    o = advanceOrder(o, 'paid', { amount: 1200 }, T0 + 3 * HOUR); // Monday 13:00 in Beijing: Tuesday to Thursday
    o = advanceOrder(o, 'opening', {}, T0 + 4 * HOUR);
    expect(orderForm(o).fields.at(-1)).toEqual({ label: '预计开通', value: '2026-12-10（3 个工作日）' });
    const en = orderForm(o, { lang: 'en' });
    expect(en.title).toBe('400 line order form');
    expect(en.fields.map((f) => f.label)).toEqual(['order', '400 number', 'applicant', 'unified social credit code', 'package', 'opens']);
    expect(en.fields[4]!.value).toBe(`${o.package.en} (prepaid 1200 元 for 1 year, 0.13 元/min)`);
    const html = formatOrderForm(o, { as: 'html' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>400 电话受理单</title>');
    expect(html).toContain('<td>申请单位</td><td>深圳顺发物流有限公司</td>');
    expect(html).not.toContain('handlerIdMasked');
    expect(html).not.toContain(o.documents!.handlerIdMasked);
  });

  it('says an opening day counted into a year without an announced holiday schedule is an estimate', () => {
    const next = calendarYears().at(-1)! + 1;
    const start = Date.UTC(next - 1, 11, 28, 2); // 28 December, 10:00 in Beijing
    let o: Order = createOrder({ ...newOrder({ landingNumbers: undefined }), routing: ROUTING }, { id: 'order-8', now: start });
    o = advanceOrder(o, 'signed', {}, start + HOUR);
    o = advanceOrder(o, 'documents-complete', documents, start + 2 * HOUR);
    o = advanceOrder(o, 'paid', { amount: 1200 }, start + 24 * HOUR);
    o = advanceOrder(o, 'opening', {}, start + 25 * HOUR);
    expect(o.opening!.estimatedYears).toEqual([next]);
    expect(orderForm(o).fields.at(-1)).toEqual({ label: '预计开通', value: `${o.opening!.date}（3 个工作日；${next} 年的放假安排国家还没公布，这个日子是按周一到周五上班估算的，以公布的安排为准）` });
    expect(orderForm(o, { lang: 'en' }).fields.at(-1)!.value).toBe(`${o.opening!.date} (3 working days; the ${next} public holidays are not announced yet, so this day is estimated counting Monday to Friday as working days)`);
  });

  it('turns the landing numbers of an order made before routing rules into rules that ring them in order', () => {
    const old = { ...createOrder(newOrder(), { id: 'order-1', now: T0 }), acceptance: { landingNumbers: ['0755-88881234', '13800138000'] } } as Order;
    const form = orderForm(old);
    expect(form.sections[0]!.lines).toEqual([{ text: '所有来电依次转 0755-8888 1234、138 0013 8000（总是先转第一个）', depth: 0 }]);
    expect(form.landingNumbers.map((n) => n.display)).toEqual(['0755-8888 1234', '138 0013 8000']);
  });

  it('refuses a draft without routing, saying what to give, and anything that is not an order', () => {
    const bare = createOrder(newOrder({ landingNumbers: undefined }), { id: 'order-2', now: T0 });
    const error = caught(() => orderForm(bare));
    expect(error).toMatchObject({ code: 'BAD_ORDER', field: 'acceptance' });
    expect(error.messageIn('zh')).toBe('订单 order-2 的受理单还没写转接规则：签约时给出转接规则（routing）或落地号码（landingNumbers）');
    expect(caught(() => orderForm({ id: 'x' } as never))).toMatchObject({ code: 'INVALID_TYPE' });
    expect(caught(() => formatOrderForm(withRouting(), { as: 'pdf' as never })).message).toMatch(/options\.as/);
    expect(caught(() => orderForm(withRouting(), { lang: 'fr' as never })).message).toMatch(/options\.lang/);
  });
});
