import { describe, expect, it } from 'vitest';
import { callTool, createBotContext } from '../../src/bot/index.js';
import { parsePackages } from '../../src/packages/packages.js';
import { companyLicence } from '../inventory/helpers.js';

const context = createBotContext();
const ID = '11010519491231002X';
const CODE = companyLicence(7);

function ok<T>(answer: { ok: boolean }): { result: T; say: string } {
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer as never;
}

describe('the quote tool', () => {
  it('says the cheapest packages for the traffic and what callers pay, in Chinese by default', async () => {
    const a = ok<{ packages: { package: { id: string } }[] }>(await callTool('quote', { number: '4006123007', minutesPerMonth: 800 }, context));
    expect(a.say).toMatch(/^按每月 800 分钟算，400-612-3007（(.+)）最低消费每年 \d+ 元（按价目表里\1的标准）。最划算的是「/);
    expect(a.say).toMatch(/只付自己当地的市话费/);
    expect(a.result.packages.length).toBeGreaterThan(2);
    // The three cheapest in order, each said once: 最划算的是…；其次是…；再往后是…
    const [first, second, third] = a.result.packages.map((p) => (p as unknown as { package: { zh: string } }).package.zh);
    expect(a.say).toContain(`最划算的是「${first}」`);
    expect(a.say).toContain(`；其次是「${second}」`);
    expect(a.say).toContain(`；再往后是「${third}」`);
    const en = ok(await callTool('quote', { tier: 'top', minutesPerMonth: 0, lang: 'en' }, context));
    expect(en.say).toMatch(/^At 0 minutes a month, a top number has a minimum spend of 9000 元 a year \(the price list's figure for top numbers\)\. The cheapest: "12,000 元 a year"/);
  });

  it("quotes the context's packages", async () => {
    const packages = parsePackages({ packages: [{ id: 'only', zh: '唯一', en: 'only', prepay: 800, years: 1, ratePerMinute: 0.2, source: 'a' }], sources: { a: { title: 't', url: null } } });
    const a = ok<{ packages: { package: { id: string } }[] }>(await callTool('quote', { tier: 'ordinary', minutesPerMonth: 10 }, createBotContext({ packages })));
    expect(a.result.packages.map((p) => p.package.id)).toEqual(['only']);
  });

  it('answers a bad request with the field, in the language asked for', async () => {
    const a = await callTool('quote', { minutesPerMonth: 10, lang: 'en' }, context);
    expect(a).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', field: 'tier' } });
  });
});

describe('the opening_date tool', () => {
  it('says the day', async () => {
    const a = ok(await callTool('opening_date', { number: '400-666-8888', paidAt: '2026-09-30T17:30+08:00' }, context));
    expect(a.say).toBe('400-666-8888 超级靓号（特殊号码）：北京时间 2026-09-30 付款，从 2026-10-08 起算 7 个工作日，预计 2026-10-15 开通。');
  });

  it('wants a number or a tier, and a well-formed time', async () => {
    expect(await callTool('opening_date', {}, context)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await callTool('opening_date', { tier: 'top', paidAt: 'soon' }, context)).toMatchObject({ ok: false, error: { code: 'BAD_DATE', field: 'paidAt', message: expect.stringMatching(/^paidAt：/) } });
  });
});

describe('the documents tool', () => {
  it('lists what to hand in and what is missing, never repeating the ID number', async () => {
    const answer = await callTool('documents', { companyName: '深圳顺发物流有限公司', creditCode: CODE, handlerIdNumber: ID, numbersHeld: 1, landingNumbers: ['0755-88881234'], provided: ['business-licence'] }, context);
    const a = ok<{ missing: { id: string }[] }>(answer);
    expect(a.say).toMatch(/^需要准备这些资料：营业执照复印件（加盖公章）、经办人身份证复印件、多号用途证明（加盖公章）、落地号码实名声明；目前还缺经办人身份证复印件、/);
    const none = ok(await callTool('documents', { companyName: '深圳顺发物流有限公司', creditCode: CODE }, context));
    expect(none.say).toBe('需要准备这些资料：营业执照复印件（加盖公章）、经办人身份证复印件、落地号码实名声明。'); // nothing handed in yet: the list once
    expect(a.result.missing.map((d) => d.id)).toEqual(['handler-id', 'multi-number-purpose', 'landing-real-name']);
    expect(JSON.stringify(answer)).not.toContain(ID);
  });

  it("names the tool's own argument when a code or an ID is wrong, and never echoes the ID", async () => {
    const code = await callTool('documents', { companyName: 'x', creditCode: `${CODE.slice(0, 17)}0`, lang: 'en' }, context);
    expect(code).toMatchObject({ ok: false, error: { code: 'BAD_LICENCE', field: 'creditCode', message: expect.stringMatching(/^creditCode /) } });
    const bad = '110105194912310021';
    const id = await callTool('documents', { companyName: 'x', creditCode: CODE, handlerIdNumber: bad }, context);
    expect(id).toMatchObject({ ok: false, error: { code: 'BAD_ID_NUMBER', field: 'handlerIdNumber' } });
    expect(JSON.stringify(id)).not.toContain(bad);
  });
});
