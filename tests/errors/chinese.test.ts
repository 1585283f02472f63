/**
 * Every refusal a salesperson can meet is worded in Chinese as well as English: the Chinese names the
 * input, is not the English copied, and is what `messageIn('zh')` and `toJSON('zh')` give.
 */
import { describe, expect, it } from 'vitest';
import {
  checkLicence,
  createPool,
  dayInfo,
  format,
  near,
  parse,
  parseDuration,
  poolFromSnapshot,
  poolToSnapshot,
  resolveProfile,
  score,
  scoreSegment,
  search,
  Vanity400Error,
  digitsToPhrases,
  phraseToDigits,
  searchLexicon,
  searchSounds,
  splitPinyin,
  suggest,
} from '../../src/index.js';

const pool = createPool({ numbers: ['4006-123-000', '4006-888-888'] });
const HAN = /\p{Script=Han}/u;

async function refusal(run: () => unknown): Promise<Vanity400Error> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Vanity400Error) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const snapshot = new Uint8Array(poolToSnapshot(pool));
const damaged = snapshot.slice();
damaged[damaged.length - 1]! ^= 1;

const CASES: [string, () => unknown, RegExp][] = [
  ['parse: too short', () => parse('400-123'), /^400 号码“400-123”有误：有 6 位数字；应为 10 位/],
  ['parse: a letter', () => parse('400-851-75l7'), /第 11 个字符“l”（U\+006C）不能出现在号码里/],
  ['parse: a stray +', () => parse('400+8517517'), /“\+”只能出现一次/],
  ['parse: +1', () => parse('+1 400 851 7517'), /“\+”后面应是国家代码 86/],
  ['parse: empty', () => parse(''), /是空的；应为 400 加 7 位数字/],
  ['parse: not 400', () => parse('0108517517'), /开头是 010，不是 400/],
  ['parse: unconfirmed segment', () => parse('4002123456'), /号段 4002 不是已确认的 400 号段；已确认的号段有：4000、4006（中国联通）/],
  ['parse: a number', () => parse(4008517517 as unknown as string), /^400 号码应为字符串，实际是数字 4008517517。$/],
  ['format: style', () => format('4008517517', 'dots' as '4-3-3'), /没有“dots”这种号码写法/],
  ['search: limit', () => search(pool, { limit: 2.5 }), /^搜索条件的 limit 有误：应为 1 到 1000 的整数，实际是 2.5$/],
  ['search: field', () => search(pool, { colour: 'red' } as never), /^搜索条件的 colour 有误：没有这一项/],
  ['search: exclude', () => search(pool, { exclude: 'four' }), /应为一串数字，如 "4" 或 "47"，实际是 "four"/],
  ['search: pattern', () => search(pool, { pattern: 'AAB[1' }), /^号型“AAB\[1”第 4 个字符：“\[”没有闭合，应有“\]”$/],
  ['search: class', () => search(pool, { pattern: 'AAB[B' }), /^号型“AAB\[B”第 5 个字符：数字组里不能有“B”/],
  ['search: lowercase', () => search(pool, { pattern: 'aabb' }), /小写字母“a”；代表数字的字母要大写，应为“A”/],
  ['search: cursor', () => search(pool, { cursor: 'nonsense' }), /翻页标记 "nonsense" 不是搜索返回的/],
  ['near: distance', () => near(pool, '4006123000', { maxDistance: 5 as 3 }), /^找相近号码的 maxDistance 有误：应为 1、2、3 之一，实际是 5$/],
  ['near: pools', () => near([pool, 'x' as never], '4006123000'), /pools\[1\] 是1 个字符的字符串，不是号码池/],
  ['createPool: bad numbers', () => createPool({ numbers: ['4006-123-000', '12345'] }), /^2 个号码中有 1 个不是有效的 400 号码：\n#2: 400 号码“12345”有误/],
  ['snapshot: damaged', () => poolFromSnapshot(damaged.buffer), /^号码池快照有误：校验和不符（文件已损坏）$/],
  ['licence: check character', () => checkLicence('91110108MA01XK7D36'), /最后一位校验码应为 5，不是 6/],
  ['licence: a personal ID', () => checkLicence('110105194912310029'), /是居民身份证号码，不是企业的统一社会信用代码：个人不能成为代理商/],
  ['company: registration date', () => score('4006151987', { company: { registered: '2015年2月30日' } }), /company.registered："2015年2月30日" 不是日期（如 2015-03-18、2015\/3\/18 或 2015年3月18日）/],
  ['profile', () => resolveProfile('lucky'), /没有评分方案 "lucky"/],
  ['scoreSegment', () => scoreSegment('4002'), /没有号段 "4002"/],
  ['duration', () => parseDuration('soon', '保留时间'), /^保留时间“soon”看不懂/],
  ['date', () => dayInfo('2015-13-01'), /日期 "2015-13-01" 无效/],
  // The phonetics and the sound search word these in English where they throw: the catalogue gives their Chinese.
  ['phrase: empty', () => phraseToDigits('  '), /^没有给出要读的词，请用中文或拼音写出来，比如“一路发”或 yi lu fa$/],
  ['phrase: not a string', () => phraseToDigits(null as never), /^phraseToDigits\(\): text：应为字符串，实际是空值 null。$/],
  ['phrase: nothing to read', () => phraseToDigits('!!!'), /^“!!!”里没有能读的汉字、拼音或数字$/],
  ['phrase: too long', () => phraseToDigits('发'.repeat(300)), /^“发{40}…”太长了，最多 256 个字$/],
  ['phrase: no reading', () => phraseToDigits('𠀀'), /^“𠀀”里的“𠀀”（第 1 个字符）查不到读音$/],
  ['pinyin: not a string', () => splitPinyin(5 as never), /^splitPinyin\(\): text：应为字符串，实际是数字 5。$/],
  ['pinyin: too long', () => splitPinyin('a'.repeat(1001)), /^拼音“a{40}…”太长了，最多 1000 个字符$/],
  ['digits: a letter', () => digitsToPhrases('12a'), /^“12a”里的“a”（第 3 个字符）不是数字$/],
  ['digits: too many', () => digitsToPhrases('1'.repeat(9)), /^“1{9}”超过了 8 位数字$/],
  ['digits: empty', () => digitsToPhrases(''), /^没有给出数字：应为 1 到 8 位数字$/],
  ['lexicon: not a string', () => searchLexicon(null as never), /^searchLexicon\(\): query：应为字符串，实际是空值 null。$/],
  ['sounds: neither sounds nor meaning', () => searchSounds(pool, {} as never), /^按谐音找号：sounds（听起来像的词）和 meaning（要表达的意思）只能给一个，也必须给一个$/],
  ['sounds: limit', () => searchSounds(pool, { sounds: '发', limit: 0 }), /^按谐音找号：limit 0 应为 1 到 1000 的整数$/],
  ['suggest: limit', () => suggest({ name: '顺发' }, { pools: [pool], limit: 500 }), /^推荐号码：limit 500 应为 1 到 100 的整数$/],
  ['suggest: nothing to go on', () => suggest({}, { pools: [pool] }), /^推荐号码：没有可以参考的信息，请给出公司名称、口号或关键词（中文或拼音），或者成立年份、注册日期、门牌号、座机号、想要的数字$/],
];

describe('refusals in Chinese', () => {
  it.each(CASES)('%s', async (_name, run, zh) => {
    const error = await refusal(run);
    expect(error.messageIn('zh')).toMatch(zh);
    expect(error.messageIn('zh')).toMatch(HAN);
    expect(error.messageIn('zh')).not.toBe(error.messageIn('en'));
    expect(error.toJSON('zh').message).toBe(error.messageIn('zh'));
    expect(error.message).toBe(error.messageIn('en'));
  });
});
