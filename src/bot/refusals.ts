import { format, listSegments, type LocalText, type Vanity400Error } from 'vanity400';
import type { ToolName } from './schemas.js';

/** A call the model got wrong: nothing the customer said is to blame, so they hear that the bot is trying again. */
export const RETRYING: LocalText = { zh: '抱歉，这一步没有办成，我换个方式再试一次。', en: "Sorry, that didn't work; let me try again another way." };

/** The store or its journal failed: nobody's input is to blame. */
const BUSY: LocalText = { zh: '系统这会儿有点忙，请稍等一下再试。', en: 'The system is busy just now; please try again in a moment.' };

const CHECK_AGAIN: LocalText = { zh: '麻烦您再核对一下。', en: 'Could you check it again?' };

/** The company facts by argument name, as a customer calls them. */
const FACTS: Record<string, { zh: string; en: string; example: LocalText }> = {
  founded: { zh: '成立年份', en: 'founding year', example: { zh: '比如 2008 年', en: 'such as 2008' } },
  registered: { zh: '注册日期', en: 'registration date', example: { zh: '比如 2015年3月18日', en: 'such as 2015-03-18' } },
  door: { zh: '门牌号', en: 'door number', example: { zh: '只说数字就行，比如 518', en: 'just the digits, such as 518' } },
  landline: { zh: '座机号', en: 'landline', example: { zh: '带上区号，比如 010-87654321', en: 'with its area code, such as 010-87654321' } },
  digits: { zh: '想要的数字', en: 'digits you want', example: { zh: '比如 88', en: 'such as 88' } },
};

const quoted = (value: unknown): LocalText => {
  const text = String(value);
  return { zh: `“${text}”`, en: `"${text}"` };
};

/** A number as the customer reads it, when it is one; else as they gave it. */
function shownNumber(value: unknown): string {
  try {
    return format(String(value));
  } catch {
    return String(value);
  }
}

function both(zh: string, en: string): LocalText {
  return { zh, en };
}

/** The argument of the call that holds `value`, among `names` (at the top, or inside `company`). */
function argumentHolding(args: Record<string, unknown>, value: unknown, names: readonly string[]): string | undefined {
  const company = (args.company ?? {}) as Record<string, unknown>;
  return names.find((name) => Object.is(args[name], value) || Object.is(company[name], value));
}

/**
 * What the customer hears when a tool refuses: when what they gave is to blame (a mistyped number, a
 * date, a licence, a number someone else holds), what was wrong and what to say instead, without the
 * arguments' names; when the model's call was wrong, that the bot tries again.
 */
export function refusalSay(error: Vanity400Error, tool: ToolName, args: Record<string, unknown>): LocalText {
  const input = error.input;
  const q = quoted(input);
  switch (error.code) {
    case 'EMPTY':
      return both('请告诉我您要看的 400 号码：400 开头，一共 10 位数字。', 'Please tell me the 400 number: 10 digits starting with 400.');
    case 'BAD_CHARACTER': {
      const char = typeof input === 'string' && error.position !== undefined ? [...input.slice(error.position)][0] : undefined;
      if (char === undefined) break;
      return both(`号码${q.zh}里有“${char}”，400 号码只有数字，${CHECK_AGAIN.zh}`, `The number ${q.en} has "${char}" in it, and a 400 number has only digits. ${CHECK_AGAIN.en}`);
    }
    case 'WRONG_LENGTH':
      return both(`号码${q.zh}位数不对：400 号码是 400 开头的 10 位数字，${CHECK_AGAIN.zh}`, `The number ${q.en} has the wrong number of digits: a 400 number is 10 digits starting with 400. ${CHECK_AGAIN.en}`);
    case 'NOT_400':
      return both(`${q.zh}不是 400 号码：400 号码都是 400 开头的 10 位数字，${CHECK_AGAIN.zh}`, `${q.en} is not a 400 number: those are 10 digits starting with 400. ${CHECK_AGAIN.en}`);
    case 'UNKNOWN_SEGMENT': {
      const open = listSegments()
        .filter((s) => s.confirmed)
        .map((s) => s.segment);
      return both(`${q.zh}这个号段现在没有放号，目前能选的是 ${open.join('、')} 开头的号码。`, `${q.en} is in a range that is not on sale; the numbers on offer start with ${open.join(', ')}.`);
    }
    case 'NOT_RESERVED':
    case 'NOT_AVAILABLE': {
      const n = shownNumber(input ?? args.number);
      return both(`${n} 现在不在可选的号码里，我帮您看看别的号码吧。`, `${n} is not one we can offer just now; let me find you others.`);
    }
    // The inventory's own refusals already speak to the asker, and never name another customer.
    case 'NOT_HELD':
    case 'NOT_HOLDER':
      return error.text;
    case 'BAD_DURATION':
      return both(`保留多久我没听明白（${q.zh}），您说个时长就行，比如 30分钟、2小时 或 1天。`, `I didn't catch how long to hold it (${q.en}); say a length of time such as 30 minutes, 2 hours or 1 day.`);
    case 'BAD_DATE':
      return both(`日期${q.zh}不对，麻烦您说一个具体的日子，比如 2026年12月7日。`, `The date ${q.en} is not right; please give a day such as 2026-12-07.`);
    case 'BAD_TIME':
      return both(`来电时间${q.zh}我没看明白，请说成“周六 14:00”或“2026-10-01 10:00”这样的时间。`, `I didn't understand the call time ${q.en}; say it like "Sat 14:00" or "2026-10-01 10:00".`);
    case 'BAD_COMPANY': {
      const name = argumentHolding(args, input, Object.keys(FACTS));
      if (name === undefined) break;
      const fact = FACTS[name]!;
      return both(`公司的${fact.zh}${q.zh}我没看明白，麻烦您换个说法，${fact.example.zh}。`, `I didn't understand the ${fact.en} ${q.en}; could you say it another way, ${fact.example.en}?`);
    }
    case 'BAD_PHRASE':
      return both(`${q.zh}我读不出来，请用中文或拼音说您想要的意思，比如“一路发”或 yi lu fa。`, `I can't read ${q.en}; please say the meaning you want in Chinese characters or pinyin, such as yi lu fa.`);
    case 'BAD_LICENCE':
    case 'NOT_A_COMPANY':
      return both(`统一社会信用代码${q.zh}对不上，可能有一位抄错了，麻烦您对照营业执照再看一下。`, `The unified social credit code ${q.en} does not check out; a character may be mistyped. Could you compare it with the business licence?`);
    case 'BAD_ID_NUMBER':
      // Never repeated back: an ID number is not said aloud.
      return both('经办人的身份证号对不上，可能有一位抄错了，麻烦您对照身份证再看一下。', "The handler's ID number does not check out; a digit may be mistyped. Could you compare it with the ID card?");
    case 'BAD_LANDING_NUMBER':
      return both(`落地号码${q.zh}用不了：请给申请单位实名办理的座机（带区号）或手机号。`, `The landing number ${q.en} cannot be used: give a landline (with its area code) or a mobile in the company's own name.`);
    case 'UNKNOWN_AREA':
    case 'BAD_CALL': {
      const name = argumentHolding(args, input, ['area', 'from']);
      if (name === 'area' || error.code === 'UNKNOWN_AREA') {
        return both(`地区${q.zh}我没查到，请说区号（如 021）、城市（如 深圳）或省份（如 广东）。`, `I couldn't find the area ${q.en}; give an area code (021), a city (Shenzhen) or a province (Guangdong).`);
      }
      if (name === 'from') return both(`来电号码${q.zh}不对，请说带区号的座机或 11 位手机号。`, `The caller's number ${q.en} is not right; give a landline with its area code or an 11-digit mobile.`);
      break;
    }
    case 'BAD_QUERY':
      if (tool === 'suggest') return both('要按公司推荐号码，请先告诉我公司名称、成立年份或门牌号这类信息。', "To suggest numbers from the company, tell me its name, the year it was founded or its door number first.");
      break;
    case 'STORE_CLOSED':
    case 'STORE_UNAVAILABLE':
    case 'JOURNAL_LOCKED':
    case 'JOURNAL_FAILED':
      return BUSY;
  }
  return RETRYING;
}
