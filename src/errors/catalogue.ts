/**
 * The Chinese of the messages that are written in English where they are thrown (the phonetics' and
 * sound search's BAD_PHRASE and BAD_QUERY, the data files' BAD_DATA): one entry per sentence shape, so
 * that every Vanity400Error speaks both languages and `messageIn('zh')` is never English.
 */
import type { ErrorCode } from './vanity400-error.js';

/** A JSON-quoted string in a message, e.g. "yilu%fa". */
const Q = String.raw`("(?:[^"\\]|\\.)*"|\S+)`;

/** A JSON-quoted excerpt as a Chinese message quotes it: “yilu%fa”. */
function zhQuote(json: string): string {
  if (!json.startsWith('"')) return json;
  try {
    return `“${JSON.parse(json) as string}”`;
  } catch {
    return json;
  }
}

/** The n-th character, counted from 1 as people count: position 4 (0-based) is 第 5 个字符. */
const nth = (position: string): string => `第 ${Number(position) + 1} 个字符`;

type Entry = [RegExp, (...m: string[]) => string];

const CATALOGUE: Partial<Record<ErrorCode, Entry[]>> = {
  BAD_PHRASE: [
    [new RegExp(`^pinyin ${Q}: longer than (\\d+) characters$`), (q, max) => `拼音${zhQuote(q)}太长了，最多 ${max} 个字符`],
    [new RegExp(`^${Q}: ${Q} at position (\\d+) is not pinyin$`), (q, ch, p) => `${zhQuote(q)}里的${zhQuote(ch)}（${nth(p)}）不是拼音`],
    [new RegExp(`^${Q}: the phrase is empty$`), () => '没有给出要读的词，请用中文或拼音写出来，比如“一路发”或 yi lu fa'],
    [new RegExp(`^${Q}: too long \\(more than (\\d+) characters\\)$`), (q, max) => `${zhQuote(q)}太长了，最多 ${max} 个字`],
    [new RegExp(`^${Q}: too long \\(more than (\\d+) syllables\\)$`), (q, max) => `${zhQuote(q)}太长了，最多 ${max} 个音节`],
    [new RegExp(`^${Q}: no Chinese characters, pinyin or digits to read$`), (q) => `${zhQuote(q)}里没有能读的汉字、拼音或数字`],
    [new RegExp(`^${Q}: ${Q} at position (\\d+) is neither a Chinese character nor pinyin$`), (q, ch, p) => `${zhQuote(q)}里的${zhQuote(ch)}（${nth(p)}）既不是汉字也不是拼音`],
    [new RegExp(`^${Q}: ${Q} at position (\\d+) has no known reading$`), (q, ch, p) => `${zhQuote(q)}里的${zhQuote(ch)}（${nth(p)}）查不到读音`],
    [new RegExp(`^${Q}: expected 1 to (\\d+) digits, got nothing$`), (_q, max) => `没有给出数字：应为 1 到 ${max} 位数字`],
    [new RegExp(`^${Q}: ${Q} at position (\\d+) is not a digit$`), (q, ch, p) => `${zhQuote(q)}里的${zhQuote(ch)}（${nth(p)}）不是数字`],
    [new RegExp(`^${Q}: more than (\\d+) digits$`), (q, max) => `${zhQuote(q)}超过了 ${max} 位数字`],
  ],
  BAD_QUERY: [
    [/^sound search: give exactly one of sounds \(a phrase\) or meaning \(a word to look up\)$/, () => '按谐音找号：sounds（听起来像的词）和 meaning（要表达的意思）只能给一个，也必须给一个'],
    [/^sound search: limit (.+) is not a whole number from 1 to (\d+)$/, (limit, max) => `按谐音找号：limit ${limit} 应为 1 到 ${max} 的整数`],
    [/^suggest: limit (.+) is not a whole number from 1 to (\d+)$/, (limit, max) => `推荐号码：limit ${limit} 应为 1 到 ${max} 的整数`],
  ],
  BAD_DATA: [
    [/^(data\/\S+?) ?(\S+\[\d+\])?: expected the tier (\S+)$/, (file, at = '', tier) => `数据文件 ${file}${at ? ` 的 ${at}` : ''} 应为等级 ${tier}`],
    [/^(data\/\S+?) ?(\S+\[\d+\])?: minScore must rise along the ladder$/, (file, at = '') => `数据文件 ${file}${at ? ` 的 ${at}` : ''}：minScore 应一级比一级高`],
    [/^(data\/\S+?): expected (\{.*\})$/, (file, shape) => `数据文件 ${file} 的格式应为 ${shape}`],
    // The other checks of a data file name the field and its value; the field names stay as written.
    [/^(data\/\S+?) ?(\S+\[\d+\])?: (.+)$/, (file, at = '', why) => `数据文件 ${file}${at ? ` 的 ${at}` : ''} 有误（${why}）`],
  ],
};

/** The Chinese of an English message of `code`, or undefined when the catalogue has no entry for it. */
export function chineseOf(code: ErrorCode, en: string): string | undefined {
  for (const [pattern, say] of CATALOGUE[code] ?? []) {
    const m = pattern.exec(en);
    if (m) return say(...m.slice(1).map((g) => g ?? ''));
  }
  return undefined;
}
