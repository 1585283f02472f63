/**
 * Every refusal of the pool capability (building a pool, the pools a function is given, snapshots),
 * worded once in Chinese and English.
 */
import { kindOf } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';

/** Bad numbers listed in one BAD_NUMBERS message before "and N more". */
const LISTED = 50;

/** BAD_NUMBERS: some of the numbers a pool was built from are not 400 numbers; each with its line (1-based) and why. */
export function badNumbers(bad: readonly { line: number; error: Vanity400Error }[], total: number): Vanity400Error {
  const lines = (lang: 'zh' | 'en') => bad.slice(0, LISTED).map((b) => `#${b.line}: ${b.error.messageIn(lang)}`).join('\n');
  const more = bad.length - LISTED;
  return new Vanity400Error('BAD_NUMBERS', {
    zh: `${total} 个号码中有 ${bad.length} 个不是有效的 400 号码：\n${lines('zh')}${more > 0 ? `\n……另有 ${more} 个` : ''}`,
    en: `${bad.length} of ${total} numbers are not valid 400 numbers:\n${lines('en')}${more > 0 ? `\n… and ${more} more` : ''}`,
  });
}

/** INVALID_TYPE: what a search function was given in place of a pool. */
export function notAPool(where: string, which: string, value: unknown): Vanity400Error {
  const got = kindOf(value);
  return new Vanity400Error(
    'INVALID_TYPE',
    { zh: `${where}：${which} 是${got.zh}，不是号码池（请用 createPool 建立）`, en: `${where}: ${which} is ${got.en.startsWith('a string of ') ? 'a string' : got.en}, not a pool (see createPool)` },
    { input: value },
  );
}

/** UNKNOWN_SEGMENT: not one of 4000-4009. */
export function notASegment(segment: string): Vanity400Error {
  return new Vanity400Error('UNKNOWN_SEGMENT', { zh: `${JSON.stringify(segment)} 不是号段（应为 4000-4009）`, en: `not a segment: ${JSON.stringify(segment)} (expected 4000-4009)` }, { input: segment });
}

/** BAD_SNAPSHOT: a snapshot that cannot be read, with what is wrong with it. */
export function badSnapshot(why: LocalText): never {
  throw new Vanity400Error('BAD_SNAPSHOT', { zh: `号码池快照有误：${why.zh}`, en: `pool snapshot: ${why.en}` });
}

/** What can be wrong with a snapshot, for {@link badSnapshot}. */
export const SNAPSHOT_DAMAGE = {
  companyPool: { zh: '按客户公司信息打分的号码池是为一位客户单独建的，不能保存', en: 'a pool scored with company facts is made per customer and cannot be saved' },
  notBuffer: { zh: '应为 ArrayBuffer', en: 'expected an ArrayBuffer' },
  tooShort: (bytes: number): LocalText => ({ zh: `只有 ${bytes} 字节，太短，不是快照`, en: `${bytes} bytes is too short to be a snapshot` }),
  wrongMagic: { zh: '不是 vanity400 号码池快照（文件头标记不对）', en: 'not a vanity400 pool snapshot (wrong magic bytes)' },
  wrongFormat: (format: number, supported: number): LocalText => ({ zh: `格式版本 ${format} 不受支持，应为 ${supported}`, en: `format ${format} is not the supported format ${supported}` }),
  headerTruncated: { zh: '文件头超出了文件末尾（文件不完整）', en: 'header runs past the end (truncated)' },
  headerNotJson: { zh: '文件头不是有效的 JSON（文件已损坏）', en: 'header is not valid JSON (damaged)' },
  headerNotObject: { zh: '文件头不是对象（文件已损坏）', en: 'header is not an object (damaged)' },
  noSize: { zh: '文件头没有有效的号码数量（文件已损坏）', en: 'header has no valid size (damaged)' },
  noSegment: { zh: '文件头没有有效的号段（文件已损坏）', en: 'header names no valid segment (damaged)' },
  segmentSize: (segmentSize: number, size: number): LocalText => ({ zh: `一个号段有 ${segmentSize} 个号码，文件头却写着 ${size} 个（文件已损坏）`, en: `a segment has ${segmentSize} numbers, the header says ${size} (damaged)` }),
  missingFields: { zh: '文件头缺少字段（文件已损坏）', en: 'header fields are missing (damaged)' },
  padding: { zh: '文件头的填充字节已损坏', en: 'header padding is damaged' },
  length: (expected: number, size: number, found: number): LocalText => ({ zh: `${size} 个号码应有 ${expected} 字节，实际有 ${found} 字节（文件不完整或已损坏）`, en: `expected ${expected} bytes for ${size} numbers, found ${found} (truncated or damaged)` }),
  checksum: { zh: '校验和不符（文件已损坏）', en: 'checksum does not match (damaged)' },
  notNumber: (i: number): LocalText => ({ zh: `第 ${i} 项不是 400 号码`, en: `entry ${i} is not a 400 number` }),
  order: (i: number): LocalText => ({ zh: `第 ${i} 项顺序不对或重复`, en: `entry ${i} is out of order or repeated` }),
  score: (i: number): LocalText => ({ zh: `第 ${i} 项的分数超过 100`, en: `entry ${i} has a score over 100` }),
  bits: (i: number): LocalText => ({ zh: `第 ${i} 项有无法识别的规则标记`, en: `entry ${i} has unknown rule bits` }),
} as const;

/** STALE_SNAPSHOT: scored with other rules or data than this version's. */
export function staleSnapshot(fingerprint: string, current: string): Vanity400Error {
  return new Vanity400Error('STALE_SNAPSHOT', {
    zh: `号码池快照是按另一版规则或数据打的分（指纹 ${fingerprint}，当前版本 ${current}）：请重新建立号码池`,
    en: `pool snapshot was scored with other rules or data (fingerprint ${fingerprint}, this version ${current}): build the pool again`,
  });
}
