import { excerpt, zhExcerpt, guardKind, invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  sec: 1_000,
  秒: 1_000,
  秒钟: 1_000,
  m: 60_000,
  min: 60_000,
  分: 60_000,
  分钟: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  小时: 3_600_000,
  个小时: 3_600_000,
  钟头: 3_600_000,
  个钟头: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  天: 86_400_000,
  日: 86_400_000,
  w: 604_800_000,
  周: 604_800_000,
  个星期: 604_800_000,
  星期: 604_800_000,
};
const ZH_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// One amount and its unit; "一个半小时" is one and a half hours, "半天" half a day.
const PART = /(\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)?(个)?(半)?\s*(个小时|个钟头|个星期|小时|钟头|星期|分钟|秒钟|days|day|sec|min|hr|[smhdw秒分天日周])(半)?/gy;

/** "十五" → 15, "二十" → 20, "三" → 3; undefined for what is not a number of 1-99 written so. */
function chineseNumber(text: string): number | undefined {
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? ZH_DIGITS[text] : undefined;
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : text.length > 1 && ten === 1 ? ZH_DIGITS[text[0]!] : undefined;
  const units = ten === text.length - 1 ? 0 : ten === text.length - 2 ? ZH_DIGITS[text[ten + 1]!] : undefined;
  return tens === undefined || units === undefined ? undefined : tens * 10 + units;
}

/**
 * How long a duration is, in milliseconds, as a salesperson writes it: `30m`, `2h`, `1d`, `90s`, `1h30m`,
 * `30分钟`, `2小时`, `两个小时`, `1天`, `半小时`, `一个半小时`, `1周` (full-width digits too).
 *
 * @throws Vanity400Error BAD_DURATION naming the text (and `what` it is, e.g. `--ttl`) and the forms it takes;
 *   INVALID_TYPE for a value that is not a string.
 */
export function parseDuration(text: string, what?: string): number {
  guardKind(what, 'parseDuration(): what', 'string?');
  const name = what === undefined ? { zh: '时长', en: 'duration' } : { zh: what, en: what };
  if (typeof text !== 'string') throw invalidType(what ?? 'parseDuration(): text', '字符串，如“2小时”', 'a string such as "2h"', text);
  const plain = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '').toLowerCase();
  let ms = 0;
  let at = 0;
  PART.lastIndex = 0;
  while (at < plain.length) {
    const m = PART.exec(plain);
    if (m === null || m.index !== at) break;
    const [, amount, ge, halfBefore, unit, halfAfter] = m;
    const count = amount === undefined ? (halfBefore ? 0 : undefined) : /\d/.test(amount) ? Number(amount) : chineseNumber(amount);
    // "个" goes between a number and its unit; "半" either alone ("半小时") or after "个" ("一个半小时").
    const half = halfBefore || halfAfter ? 0.5 : 0;
    if (count === undefined || (ge && !amount) || (halfBefore && amount && !ge) || (halfBefore && halfAfter)) break;
    ms += (count + half) * UNIT_MS[unit!]!;
    at = PART.lastIndex;
  }
  if (plain === '' || at < plain.length || !(ms > 0) || !Number.isFinite(ms)) {
    throw new Vanity400Error(
      'BAD_DURATION',
      {
        zh: `${/[ -~]$/.test(name.zh) ? `${name.zh} ` : name.zh}${zhExcerpt(text)}看不懂：请写成“30分钟”“2小时”“1天”（或 30m、2h、1d）这样的时长`,
        en: `${name.en} ${excerpt(text)}: expected a duration such as 90s, 30m, 2h or 1d (or 30分钟, 2小时, 1天)`,
      },
      { input: text },
    );
  }
  return Math.round(ms);
}
