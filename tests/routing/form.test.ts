import { describe, expect, it } from 'vitest';
import { formatRoutingForm, landingNumbers, parseRoutingRules, routingForm } from '../../src/index.js';

const rules = parseRoutingRules({
  number: '4006161615',
  customer: '顺发<物流>',
  route: {
    byTime: [{ days: ['workday'], from: '09:00', to: '18:00', route: { split: [{ percent: 60, route: { number: '010-82345678', label: '北京<客服>' } }, { percent: 40, route: { ring: ['020-83456789', '0755-23456789'], order: 'rotating' } }] } }],
    otherwise: '13800138000',
  },
  forwarding: { numbers: ['13900139000', '13800138000'], on: ['busy'] },
  blocking: { mode: 'allow', areas: ['北京', '广东'] },
  password: '0618',
  cap: { monthlyCost: 500, monthlyCalls: 2000 },
});

describe('the form', () => {
  it('has a section for each function of the line, in the seed’s order, and every landing number once', () => {
    const form = routingForm(rules);
    expect(form.sections.map((s) => s.heading)).toEqual(['一、来电分配（电话自动分配）', '二、遇忙/无应答自动呼转', '三、呼叫阻截', '四、专用密码', '五、费用控制', '六、话费分摊']);
    expect(form.fields).toEqual([{ label: '400 号码', value: '400-616-1615' }, { label: '客户', value: '顺发<物流>' }]);
    expect(form.sections[0]!.lines.map((l) => `${l.depth} ${l.text}`)).toEqual([
      '0 按来电时间（北京时间）：',
      '1 工作日 09:00–18:00：按比例分配：',
      '2 60%：转 010-8234 5678（北京<客服>）',
      '2 40%：轮流转 020-8345 6789、0755-2345 6789（每通来电从下一个号码开始）',
      '1 其余时间：转 138 0013 8000',
    ]);
    expect(form.sections[1]!.lines.map((l) => l.text)).toEqual(['每个号码振铃 20 秒无人接听即转下一个。', '以上号码遇忙时，依次转：', '1. 139 0013 9000', '2. 138 0013 8000']);
    expect(form.sections[2]!.lines[0]!.text).toBe('只接听北京、广东的来电，其他地区的来电不接通。');
    expect(form.sections[3]!.lines[0]!.text).toBe('来电须先输入 4 位专用密码（＊＊＊＊）才能接通。');
    expect(routingForm(rules, { showPassword: true }).sections[3]!.lines[0]!.text).toContain('（0618）');
    expect(form.sections[4]!.lines[0]!.text).toBe('每月总费用上限 500 元；每月接通次数上限 2000 次；达到后自动停止接续。');
    expect(landingNumbers(rules).map((l) => l.number)).toEqual(['010-82345678', '020-83456789', '0755-23456789', '13800138000', '13900139000']);
    expect(form.landingNumbers).toHaveLength(5);
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });

  it('prints as text and as a printable HTML page with the customer’s text escaped, in both languages', () => {
    const text = formatRoutingForm(rules);
    expect(text).toMatch(/^400 电话受理单 · 转接规则\n/);
    expect(text).toContain('      60%：转 010-8234 5678（北京<客服>）');
    expect(text).toMatch(/客户（签字盖章）：_+ {3}代理商（签字盖章）：_+ {3}日期：_+\n$/);
    const html = formatRoutingForm(rules, { as: 'html' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('北京&lt;客服&gt;');
    expect(html).not.toContain('<客服>');
    expect(html).toContain('@page { size: A4;');
    const en = formatRoutingForm(rules, { lang: 'en' });
    expect(en).toContain('only calls from Beijing, Guangdong are put through.');
    expect(en).not.toMatch(/一、|按来电/);
  });
});
