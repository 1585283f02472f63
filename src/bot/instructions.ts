import type { LocalText } from 'vanity400';

/**
 * How a model should use the tools, from a customer's first question to a number ready to open: an MCP
 * server's `instructions`, or a bot's system prompt. In Chinese and English.
 */
export const instructions: LocalText = {
  zh: [
    '这些工具帮销售为客户挑选并办理 400 号码。',
    '1. 找号：客户说想要的样子用 search（号型，如 AABB$，可排除 4），说读音或寓意用 sounds（如“一路发”），给出公司名称、成立年份、门牌号用 suggest，想要的号码没有了用 near 找相近的；score、explain 讲一个号码好在哪里。找到的号码都可以保留。',
    '2. 保留：客户看中一个号码，马上用 hold 为客户保留（默认 30 分钟，可说“2小时”“1天”）；客户改主意用 release 取消。被其他客户保留的号码不能保留，也不会说出是谁。',
    '3. 下单：用 quote 按每月通话分钟数比较套餐，documents 列出要交的资料和还缺什么，opening_date 算付款后哪天开通，route_check、route_test 检查受理单上的来电转接规则。',
    '每个回答都有 say：可以原样念给客户听。ok 为 false 时，error.message 说明哪里不对：调用本身写错了（BAD_ARGUMENT、UNKNOWN_TOOL、BAD_PATTERN、BAD_CURSOR 等），就按它改正再调用；客户给的号码、日期、信用代码等不对，say 已经告诉客户哪里不对、该怎么说。',
    '参数 lang 选 zh（默认）或 en，决定 say 和错误信息的语言。',
  ].join('\n'),
  en: [
    'These tools help a salesperson choose and sell China 400 service numbers to a customer.',
    '1. Find numbers: search takes a pattern (AABB$, digits to exclude such as 4); sounds finds numbers that sound like a phrase or carry a meaning (一路发); suggest works from the company (name, founding year, door number); near finds numbers close to one that is taken; score and explain say what makes a number good. Every number found can be held.',
    '2. Hold: once the customer likes a number, hold it for them at once (30 minutes unless told, e.g. "2小时", "1天"); release it if they change their mind. A number held for another customer cannot be held, and who holds it is never said.',
    '3. Order: quote compares the packages for the minutes a month the customer expects, documents lists what to hand in and what is missing, opening_date gives the day the number opens after payment, route_check and route_test check the routing rules of the application form.',
    'Every answer has a say to read to the customer as it is. When ok is false, error.message says what was wrong: when the call itself was (BAD_ARGUMENT, UNKNOWN_TOOL, BAD_PATTERN, BAD_CURSOR …), correct it and call again; when a number, date or credit code the customer gave was, say already tells them what was wrong and what to give instead.',
    'The lang argument, zh (default) or en, picks the language of say and of the error messages.',
  ].join('\n'),
};
