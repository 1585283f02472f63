import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { callTool, createBotContext, type BotContext, type ToolAnswer, type ToolName } from '../../src/bot/index.js';
import { createPool, explain, near, score, search, searchSounds, suggest, suggestPage, MemoryStore, type Pool } from '../../src/index.js';
import { makeAgent } from '../inventory/helpers.js';
import { RETRYING } from '../../src/bot/refusals.js';

/** The answer's result, failing the test (with the error) if the call did not succeed. */
function resultOf<R>(answer: ToolAnswer<R>): { result: R; say: string } {
  if (!answer.ok) throw new Error(`expected success, got ${JSON.stringify(answer.error)}`);
  return answer;
}

/** The answer's error, failing the test if the call succeeded. */
function errorOf(answer: ToolAnswer): { code: string; message: string } {
  if (answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.result)}`);
  return answer.error;
}

/** Every answer must survive JSON unchanged: bots send it over the wire as it is. */
function expectJsonSafe(answer: ToolAnswer): void {
  expect(JSON.parse(JSON.stringify(answer))).toStrictEqual(answer);
}

let context: BotContext;
let pool: Pool;

beforeAll(async () => {
  context = createBotContext();
  [pool] = (await context.pools(['4006'])) as [Pool];
});

describe('callTool answers what the library answers', () => {
  it('score: the assessment, said as explain says it', async () => {
    const answer = await callTool('score', { number: '400-851-7517' }, context);
    expectJsonSafe(answer);
    const { result, say } = resultOf(answer);
    expect(result).toEqual(score('400-851-7517'));
    expect(say).toBe(explain('400-851-7517').summary);
    expect(say).toMatch(/^400-851-7517：[\d.]+ 分，顶级靓号。后六位 517517（ABCABC 型，谐音“我要吃，我要吃”/);
    const en = resultOf(await callTool('score', { number: '4006141414', profile: 'traditional', company: { founded: 1987 }, lang: 'en' }, context));
    expect(en.result).toEqual(score('4006141414', { profile: 'traditional', company: { founded: 1987 } }));
    expect(en.say).toMatch(/^400-614-1414 scores /);
  });

  it('explain: the explanation in the language asked for', async () => {
    const zh = resultOf(await callTool('explain', { number: '4006161615' }, context));
    expect(zh.result).toEqual(explain('4006161615'));
    expect(zh.say).toBe(zh.result.summary);
    const en = resultOf(await callTool('explain', { number: '4006161615', lang: 'en', company: { door: '1615' } }, context));
    expect(en.result).toEqual(explain('4006161615', { lang: 'en', company: { door: '1615' } }));
    expect(en.say).toBe(en.result.summary);
    expect(en.say).toMatch(/^400-616-1615 scores [\d.]+ \(\w+\)\. Ends in 1615: the door number 1615\./);
  });

  it('search: the page search() gives on the same pools, with the best numbers said', async () => {
    const args = { pattern: 'AABB$', exclude: '4', segments: ['4006'], limit: 5 };
    const answer = await callTool('search', args, context);
    expectJsonSafe(answer);
    const { result, say } = resultOf(answer);
    expect(result).toEqual(search(pool, { pattern: 'AABB$', exclude: '4', segments: ['4006'], limit: 5 }));
    expect(result.results).toHaveLength(5);
    const [a, b, c] = result.results;
    expect(say).toBe(`先列出 5 个号码：${a!.display}（${a!.score} 分，超级靓号）、${b!.display}（${b!.score} 分，超级靓号）、${c!.display}（${c!.score} 分，超级靓号）等。还有更多，可以继续翻页。`);

    // The cursor pages on, as search's does.
    const next = resultOf(await callTool('search', { ...args, cursor: result.next, lang: 'en' }, context));
    expect(next.result).toEqual(search(pool, { pattern: 'AABB$', exclude: '4', segments: ['4006'], limit: 5, cursor: result.next! }));
    expect(next.say).toMatch(/^Here are 5 numbers: 400-\d{3}-\d{4} \(\d+(\.\d)?, \w+\)/);

    const none = resultOf(await callTool('search', { pattern: '12345678$', segments: ['4006'] }, context));
    expect(none).toEqual({ ok: true, result: { results: [], next: null }, say: '没有找到符合条件的号码。' });
  });

  it('near: the numbers near() finds, each said with how it differs', async () => {
    const { result, say } = resultOf(await callTool('near', { number: '400-651-7517', maxDistance: 2, swaps: true, segments: ['4006'], limit: 4 }, context));
    expect(result).toEqual(near(pool, '400-651-7517', { maxDistance: 2, swaps: true, limit: 4 }));
    expect(say).toMatch(/^与 400-651-7517 相近的号码：400-651-7517（就是这个号码，[\d.]+ 分，\p{Script=Han}+）、400-\d{3}-\d{4}（改 1 位，/u);
    const en = resultOf(await callTool('near', { number: '4006517517', segments: ['4006'], lang: 'en', limit: 2 }, context));
    expect(en.say).toMatch(/^Close to 400-651-7517: .*1 digit changed/);
  });

  it('sounds: the numbers searchSounds() finds, by sound or by meaning', async () => {
    const { result, say } = resultOf(await callTool('sounds', { phrase: '一路有我', segments: ['4006'], limit: 3 }, context));
    expect(result).toEqual(await searchSounds(pool, { sounds: '一路有我', segments: ['4006'], limit: 3 }));
    expect(result.results[0]!.soundsLike).toMatchObject({ digits: '1615', atEnd: true });
    expect(say).toMatch(/^读音像“一路有我”的号码：400-\d{3}-1615（尾号 1615，/);
    const meaning = resultOf(await callTool('sounds', { phrase: '发财', by: 'meaning', exclude: '4', segments: ['4006'], lang: 'en' }, context));
    expect(meaning.result).toEqual(await searchSounds(pool, { meaning: '发财', exclude: '4', segments: ['4006'], limit: 10 }));
    expect(meaning.say).toMatch(/^Numbers that mean “发财”: 400-/);
  });

  it('suggest: the page suggestPage() makes, its notes said first, then each number with its first reason', async () => {
    const args = { name: '顺发物流', founded: 2008, door: '518', avoid: '4', segments: ['4006'], limit: 4 };
    const { result, say } = resultOf(await callTool('suggest', args, context));
    const page = await suggestPage({ name: '顺发物流', founded: 2008, door: '518', avoid: '4' }, { pools: [pool], segments: ['4006'], limit: 4, lang: 'zh' });
    expect(result).toEqual(page);
    expect(result.results).toHaveLength(4);
    expect(page.notes.length).toBeGreaterThan(0);
    const notes = page.notes.filter((n) => n.kind !== 'filled' && n.kind !== 'more').map((n) => `${n.zh}。`).join('');
    expect(say.startsWith(notes)).toBe(true);
    const first = result.results[0]!;
    expect(say.slice(notes.length).startsWith(`推荐 ${first.display}（${first.score} 分，`)).toBe(true);
    expect(say).toContain(`，${first.reasons[0]}。`);
    // One colon a reason: a reason that has its own (后五位 66666：五连号) is not put after another.
    expect(say).not.toMatch(/：[^。]*：/);
    expect(say.match(/推荐 /g)).toHaveLength(3);
    const en = resultOf(await callTool('suggest', { ...args, lang: 'en' }, context));
    expect(en.say).toMatch(/^No numbers sound like 顺发: .+\. Try 400-\d{3}-\d{4} \([\d.]+, \w+\): /);
    expect(en.say).not.toMatch(/推荐|含 /);
  });

  it('suggest says why a fact is left out: a founding year with the 4 the customer avoids', async () => {
    const { result, say } = resultOf(await callTool('suggest', { name: '海底捞', founded: 1994, avoid: '4', segments: ['4006'] }, context));
    expect(result.notes.map((n: { zh: string }) => n.zh)).toContain('成立年份 1994 含 4，已按要求避开');
    expect(say).toMatch(/^成立年份 1994 含 4，已按要求避开。/);
    expect(result.results).toHaveLength(5);
    for (const r of result.results) expect(r.number.slice(3)).not.toContain('4');
    // How many rest on the facts is for the salesperson: in the result, not said to the customer.
    expect(result.notes.find((n: { kind: string }) => n.kind === 'filled')?.zh).toBe('没有和客户信息对得上的号码，下面是符合要求的其他好号');
    expect(say).not.toContain('客户信息');
    const en = resultOf(await callTool('suggest', { name: '海底捞', founded: 1994, avoid: '4', segments: ['4006'], lang: 'en' }, context));
    expect(en.say).toMatch(/^The founding year 1994 has 4, which the customer avoids: left out\./);
  });

  it('uses the default limits of a bot: 10 numbers a search, 5 suggestions', async () => {
    expect(resultOf(await callTool('search', { segments: ['4006'] }, context)).result.results).toHaveLength(10);
    const facts = { name: '顺发物流', founded: 2008, door: '518' };
    const more = await suggest(facts, { pools: [pool], segments: ['4006'], limit: 20, lang: 'zh' });
    expect(more.length).toBeGreaterThan(5); // there are more to give: the limit is what stops at 5
    expect(resultOf(await callTool('suggest', { ...facts, segments: ['4006'] }, context)).result.results).toEqual(more.slice(0, 5));
  });
});

describe('hold and release through the tools', () => {
  async function inventory() {
    let now = Date.UTC(2025, 5, 30, 2, 0);
    const store = new MemoryStore({ now: () => now });
    await store.addAgent(makeAgent('huatong', 1));
    await store.reserve({ agent: 'huatong', from: '4006-123-000', to: '4006-123-099' });
    return { store, context: createBotContext({ store, agent: 'huatong' }), advance: (ms: number) => (now += ms) };
  }

  it('holds a number for a customer, refuses a second customer without naming the first, and releases it', async () => {
    const { store, context } = await inventory();
    const held = resultOf(await callTool('hold', { number: '4006-123-088', customer: '张三', minutes: 60 }, context));
    expect(held.result).toEqual({ ok: true, heldUntil: Date.UTC(2025, 5, 30, 3, 0) });
    expect(held.say).toBe('已为张三保留 400-612-3088，保留到北京时间 2025-06-30 11:00。');
    expect(await store.who('4006123088')).toMatchObject({ status: 'held', customer: '张三' });

    const again = resultOf(await callTool('hold', { number: '4006123088', customer: '李四', lang: 'en' }, context));
    const { customer: holder, ...stateWithoutHolder } = (await store.who('4006123088'))!;
    expect(holder).toBe('张三');
    expect(again.result).toEqual({ ok: false, state: stateWithoutHolder });
    expect(again.say).toBe('400-612-3088 is held for another customer just now.');
    expect(JSON.stringify(again)).not.toContain('张三');
    const same = resultOf(await callTool('hold', { number: '4006123088', customer: '张三' }, context));
    expect(same.say).toBe('400-612-3088 已经为张三保留着，保留到北京时间 2025-06-30 11:00。');

    const notHolder = errorOf(await callTool('release', { number: '4006123088', customer: '李四' }, context));
    expect(notHolder).toEqual({ code: 'NOT_HOLDER', message: '400-612-3088 由其他客户保留，您不能取消。' });
    const inEnglish = errorOf(await callTool('release', { number: '4006123088', customer: '李四', lang: 'en' }, context));
    expect(inEnglish).toEqual({ code: 'NOT_HOLDER', message: '400-612-3088 is held for another customer; you cannot release it.' });
    const released = resultOf(await callTool('release', { number: '400 612 3088', customer: '张三' }, context));
    expect(released).toEqual({ ok: true, result: { number: '4006123088', released: true }, say: '已取消张三对 400-612-3088 的保留，这个号码又可以选了。' });
    expect(await store.who('4006123088')).toMatchObject({ status: 'available' });
    expect(errorOf(await callTool('release', { number: '4006123088', customer: '张三' }, context))).toMatchObject({ code: 'NOT_HELD' });
  });

  it("an agent's context searches only its available numbers, as they are at each call", async () => {
    const { context } = await inventory();
    const before = resultOf(await callTool('search', { pattern: '88$', limit: 50 }, context)).result.results.map((r) => r.number);
    expect(before).toEqual(['4006123088']);
    resultOf(await callTool('hold', { number: '4006123088', customer: '张三' }, context));
    expect(resultOf(await callTool('search', { pattern: '88$' }, context)).result.results).toEqual([]);
    const close = resultOf(await callTool('near', { number: '4006123088', limit: 50 }, context)).result;
    expect(close.length).toBeGreaterThan(0);
    for (const r of close) expect(r.number).toMatch(/^40061230\d\d$/);
    expect(close.map((r) => r.number)).not.toContain('4006123088');
  });

  it('says what state a number that cannot be held is in', async () => {
    const { store, context } = await inventory();
    await store.sell('4006123001', '王五');
    await store.withdraw('4006123002');
    expect(resultOf(await callTool('hold', { number: '4006123001', customer: '张三' }, context)).say).toBe('400-612-3001 已经售出。');
    expect(resultOf(await callTool('hold', { number: '4006123002', customer: '张三', lang: 'en' }, context)).say).toBe('400-612-3002 is not on sale.');
    expect(errorOf(await callTool('hold', { number: '4008123002', customer: '张三' }, context))).toMatchObject({ code: 'NOT_RESERVED' });
  });
});

describe('bad arguments are error objects that name the argument', () => {
  // Each in Chinese (the default) and, with lang: 'en', in English; the customer hears the library's refusal, or that the bot tries again.
  const cases: [string, ToolName | string, unknown, string, RegExp, RegExp | null][] = [
    ['a wrong type', 'score', { number: 4008517517 }, 'INVALID_TYPE', /^score：number 应为字符串，实际是 4008517517$/, /^score: number: .*expected string.*\(got 4008517517\)$/],
    ['a missing argument', 'hold', { number: '4006123000' }, 'INVALID_TYPE', /^hold：缺少 customer，应为字符串$/, /^hold: customer: missing; expected a string$/],
    ['an unknown argument', 'search', { pattern: '8888$', colour: 'red' }, 'BAD_ARGUMENT', /^search：没有参数 colour（可用的有 pattern, segments, .*）$/, /^search: unknown argument colour \(use pattern, segments, .*\)$/],
    ['an unknown nested argument', 'score', { number: '4008517517', company: { founded: 1987, motto: 'x' } }, 'BAD_ARGUMENT', /^score：没有参数 company\.motto$/, /^score: unknown argument company\.motto$/],
    ['a fraction where a whole number goes', 'search', { limit: 2.5 }, 'BAD_ARGUMENT', /^search：limit 应为整数，实际是 2\.5$/, /^search: limit: .*\(got 2\.5\)$/],
    ['a number out of range', 'near', { number: '4008517517', maxDistance: 4 }, 'BAD_ARGUMENT', /^near：maxDistance 不能大于 3，实际是 4$/, /^near: maxDistance: .*\(got 4\)$/],
    ['an unknown segment', 'search', { segments: ['4006', '4003'] }, 'BAD_ARGUMENT', /^search：segments\[1\] 应为 4000、4001、4006、4007、4008、4009 之一，实际是 "4003"$/, /^search: segments\[1\]: .*"4006".*\(got "4003"\)$/],
    ['digits that are not digits', 'search', { exclude: 'four' }, 'BAD_ARGUMENT', /^search：exclude 的格式不对，实际是 "four"$/, /^search: exclude: .*\(got "four"\)$/],
    ['an unknown language', 'explain', { number: '4008517517', lang: 'fr' }, 'BAD_ARGUMENT', /^explain：lang 应为 zh、en 之一，实际是 "fr"$/, null],
    ['arguments that are not an object', 'score', ['4008517517'], 'INVALID_TYPE', /^score：参数应为对象，包含 number, profile, company, lang$/, null],
    ['a number too short', 'score', { number: '12345' }, 'WRONG_LENGTH', /“12345”有误：有 5 位数字/, /"12345".*found 5 digits/],
    ['a number with a letter', 'near', { number: '400-85a-7517' }, 'BAD_CHARACTER', /“400-85a-7517”有误：第 7 个字符“a”/, /"400-85a-7517".*"a".*position 6/],
    ['a number of another service', 'hold', { number: '800-851-7517', customer: '张三' }, 'NOT_400', /“800-851-7517”有误：开头是 800，不是 400/, /"800-851-7517"/],
    ['a malformed pattern', 'search', { pattern: 'AAB[B', segments: ['4006'] }, 'BAD_PATTERN', /号型“AAB\[B”第 5 个字符/, /pattern "AAB\[B": position 4/],
    ['a bad company fact', 'score', { number: '4008517517', company: { founded: 'long ago' } }, 'BAD_COMPANY', /company\.founded："long ago" 不是年份/, /company\.founded: "long ago" is not a year/],
    ['a bad cursor', 'search', { cursor: 'nonsense', segments: ['4006'] }, 'BAD_CURSOR', /翻页标记 "nonsense"/, /cursor/],
    ['nothing to suggest from', 'suggest', { avoid: '4', segments: ['4006'] }, 'BAD_QUERY', /.+/, /nothing to go on/],
    ['rules under the wrong name', 'route_check', { rules: { route: '021-61234567' } }, 'INVALID_TYPE', /^route_check：缺少 routing，应为对象；没有参数 rules/, /^route_check: routing: missing; expected an object; unknown argument rules/],
    ['an unknown tool', 'price', { number: '4008517517' }, 'UNKNOWN_TOOL', /^没有 "price" 这个工具：可用的有 score、explain、/, /^unknown tool "price": use one of score, explain, search, near, sounds, suggest, hold, release, quote, opening_date, documents, order_status, route_check, route_test$/],
    ['an inherited name', 'constructor', {}, 'UNKNOWN_TOOL', /^没有 "constructor" 这个工具/, /^unknown tool "constructor"/],
  ];
  for (const [what, name, args, code, zh, en] of cases) {
    it(what, async () => {
      const runs: [unknown, RegExp, 'zh' | 'en'][] = [[args, zh, 'zh']];
      if (en) runs.push([{ ...(args as object), lang: 'en' }, en, 'en']);
      for (const [given, message, lang] of runs) {
        const answer = await callTool(name, given, context);
        expectJsonSafe(answer);
        const error = errorOf(answer);
        expect(error.code).toBe(code);
        expect(error.message).toMatch(message);
        expect(error.message).not.toMatch(/\n\s+at /); // no stack trace
        if (answer.ok) throw new Error('expected an error answer');
        // The model's mistakes are the model's to put right; the customer's are told them (tests/bot/refusals.test.ts).
        const modelsMistake = ['INVALID_TYPE', 'BAD_ARGUMENT', 'UNKNOWN_TOOL', 'BAD_PATTERN', 'BAD_CURSOR'].includes(code);
        if (modelsMistake) expect(answer.say).toBe(RETRYING[lang]);
        else expect(answer.say).not.toBe(RETRYING[lang]);
        expect(answer.say).toMatch(lang === 'zh' ? /\p{Script=Han}/u : /^[^\p{Script=Han}]*$/u);
      }
    });
  }

  it('never throws, whatever the name and arguments', async () => {
    const small = createBotContext({ pools: [createPool({ numbers: ['4006123000', '4006888888', '4008517517', '4006161615'] })] });
    const names = fc.constantFrom<unknown>('score', 'explain', 'search', 'near', 'sounds', 'suggest', 'hold', 'release', '__proto__', '');
    const circular: Record<string, unknown> = { number: '4006123000' };
    circular.self = circular;
    const odd = { maxDepth: 2, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true };
    const anything = fc.oneof(fc.anything(odd), fc.record({ number: fc.anything(odd) }), fc.constant(circular), fc.constant({ number: circular }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(names, fc.anything(odd)), anything, async (name, args) => {
        const answer = await callTool(name as string, args, small);
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) expect(answer.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    // Arguments of the right types reach the library: any text in them is an answer too.
    const text = fc.string({ unit: 'grapheme', maxLength: 20 });
    const typed = fc.oneof(
      fc.record({ name: fc.constantFrom('score', 'explain', 'near'), args: fc.record({ number: text }) }),
      fc.record({ name: fc.constant('search'), args: fc.record({ pattern: text, exclude: fc.stringMatching(/^\d{1,3}$/) }) }),
      fc.record({ name: fc.constant('sounds'), args: fc.record({ phrase: text.filter((s) => s.length > 0), by: fc.constantFrom('sound', 'meaning') }) }),
      fc.record({ name: fc.constant('suggest'), args: fc.record({ name: text, slogan: text, keywords: fc.array(text, { maxLength: 3 }), door: text }, { requiredKeys: [] }) }),
      fc.record({ name: fc.constantFrom('hold', 'release'), args: fc.record({ number: text, customer: text.filter((s) => s.length > 0) }) }),
    );
    await fc.assert(
      fc.asyncProperty(typed, async ({ name, args }) => {
        const answer = await callTool(name, args, small);
        expectJsonSafe(answer);
        if (!answer.ok) expect(answer.error.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
