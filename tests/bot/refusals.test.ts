import { beforeAll, describe, expect, it } from 'vitest';
import { callTool, createBotContext, type BotContext, type ToolName } from '../../src/bot/index.js';
import { MemoryStore } from '../../src/index.js';
import { importInventory } from '../../src/node/index.js';
import sample from '../../data/samples/inventory.json';

let context: BotContext;
beforeAll(async () => {
  const store = new MemoryStore();
  await importInventory(store, JSON.stringify(sample), 'json');
  context = createBotContext({ store });
  await callTool('hold', { number: '4006-123-001', customer: '张三' }, context);
});

/** The names of arguments a model fills in: a customer never hears them (in English, the plain words may be said). */
const ARGUMENT_NAMES = { zh: /number|company|founded|registered|paidAt|creditCode|handlerIdNumber|duration|phrase|area|\bat\b/, en: /paidAt|creditCode|handlerIdNumber|[a-z]\.[a-z]/ };

// What was wrong in what the customer gave, and what to say instead: in Chinese, and in English with lang: 'en'.
const cases: [string, ToolName, Record<string, unknown>, string, RegExp][] = [
  ['a number too short', 'score', { number: '400-123' }, '号码“400-123”位数不对：400 号码是 400 开头的 10 位数字，麻烦您再核对一下。', /^The number "400-123" has the wrong number of digits/],
  ['a number with a letter', 'near', { number: '400-85a-7517' }, '号码“400-85a-7517”里有“a”，400 号码只有数字，麻烦您再核对一下。', /^The number "400-85a-7517" has "a" in it/],
  ['another service', 'explain', { number: '800-851-7517' }, '“800-851-7517”不是 400 号码：400 号码都是 400 开头的 10 位数字，麻烦您再核对一下。', /^"800-851-7517" is not a 400 number/],
  ['no number', 'score', { number: '' }, '请告诉我您要看的 400 号码：400 开头，一共 10 位数字。', /^Please tell me the 400 number/],
  ['a range not on sale', 'score', { number: '4005123456' }, '“4005123456”这个号段现在没有放号，目前能选的是 4000、4001、4006、4007、4008、4009 开头的号码。', /starts? with 4000, 4001, 4006, 4007, 4008, 4009\.$/],
  ['a number nobody has', 'hold', { number: '4009-999-999', customer: '张三' }, '400-999-9999 现在不在可选的号码里，我帮您看看别的号码吧。', /^400-999-9999 is not one we can offer/],
  ["someone else's hold", 'release', { number: '4006-123-001', customer: '李四' }, '400-612-3001 由其他客户保留，您不能取消。', /^400-612-3001 is held for another customer/],
  ['a founding year', 'score', { number: '4008517517', company: { founded: 'long ago' } }, '公司的成立年份“long ago”我没看明白，麻烦您换个说法，比如 2008 年。', /^I didn't understand the founding year "long ago"/],
  ['a registration date', 'suggest', { registered: 'yesterday' }, '公司的注册日期“yesterday”我没看明白，麻烦您换个说法，比如 2015年3月18日。', /registration date "yesterday"/],
  ['nothing to suggest from', 'suggest', { avoid: '4' }, '要按公司推荐号码，请先告诉我公司名称、成立年份或门牌号这类信息。', /^To suggest numbers from the company/],
  ['a phrase that cannot be read', 'sounds', { phrase: 'hello world' }, '“hello world”我读不出来，请用中文或拼音说您想要的意思，比如“一路发”或 yi lu fa。', /^I can't read "hello world"/],
  ['a hold time', 'hold', { number: '4006-123-002', customer: '张三', duration: '明天' }, '保留多久我没听明白（“明天”），您说个时长就行，比如 30分钟、2小时 或 1天。', /^I didn't catch how long to hold it \("明天"\)/],
  ['a payment day', 'opening_date', { tier: 'top', paidAt: '2026-02-30' }, '日期“2026-02-30”不对，麻烦您说一个具体的日子，比如 2026年12月7日。', /^The date "2026-02-30" is not right/],
  ['a credit code', 'documents', { companyName: '华通', creditCode: '91110108MA01XK7D36' }, '统一社会信用代码“91110108MA01XK7D36”对不上，可能有一位抄错了，麻烦您对照营业执照再看一下。', /credit code "91110108MA01XK7D36" does not check out/],
  ['an ID number, never said back', 'documents', { companyName: '华通', creditCode: '91110108MA01XK7D35', handlerIdNumber: '110105194912310021' }, '经办人的身份证号对不上，可能有一位抄错了，麻烦您对照身份证再看一下。', /^The handler's ID number does not check out/],
  ['a call time', 'route_test', { routing: { route: '021-61234567' }, at: '周八' }, '来电时间“周八”我没看明白，请说成“周六 14:00”或“2026-10-01 10:00”这样的时间。', /call time "周八"/],
  ['a caller area', 'route_test', { routing: { route: '021-61234567' }, at: '周六 14:00', area: '火星' }, '地区“火星”我没查到，请说区号（如 021）、城市（如 深圳）或省份（如 广东）。', /^I couldn't find the area "火星"/],
];

describe("a refusal tells the customer what was wrong in what they gave", () => {
  for (const [what, tool, args, zh, en] of cases) {
    it(what, async () => {
      const inChinese = await callTool(tool, args, context);
      const inEnglish = await callTool(tool, { ...args, lang: 'en' }, context);
      expect(inChinese).toMatchObject({ ok: false, say: zh });
      expect(inEnglish).toMatchObject({ ok: false, say: expect.stringMatching(en) });
      expect(inEnglish.ok || inEnglish.error.code).toBe(inChinese.ok || inChinese.error.code); // the same refusal
      expect(inChinese.say).not.toMatch(ARGUMENT_NAMES.zh);
      expect(inEnglish.say).not.toMatch(ARGUMENT_NAMES.en);
      for (const answer of [inChinese, inEnglish]) expect(answer.say).not.toContain('110105194912310021');
      expect(inEnglish.say).not.toMatch(/\p{Script=Han}/u.test(JSON.stringify(args)) ? /[的了是]/u : /\p{Script=Han}/u);
    });
  }
});
