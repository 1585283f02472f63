import * as z from 'zod';
import { answerSchemas } from './outputs.js';
import { toolSchemas, type ToolName } from './schemas.js';

/** What a tool does to its surroundings, as MCP's tool annotations say it. */
export interface ToolHints {
  /** It changes nothing (every tool but hold and release). */
  readOnlyHint: boolean;
  /** It may undo what was there (release ends a hold); only meaningful when not read-only. */
  destructiveHint: boolean;
  /** Calling it again with the same arguments changes nothing more; only meaningful when not read-only. */
  idempotentHint: boolean;
  /** It reaches beyond the inventory and the library's own data: never. */
  openWorldHint: boolean;
}

/** A tool as a bot framework or an MCP client lists it. */
export interface ToolDefinition {
  /** The name a model calls it by. */
  name: ToolName;
  /** A short name for people, in Chinese and English. */
  title: {
    /** In Chinese. */
    zh: string;
    /** In English. */
    en: string;
  };
  /** What it does, in a sentence. */
  description: {
    /** In Chinese. */
    zh: string;
    /** In English. */
    en: string;
  };
  /** JSON Schema (draft 2020-12) of the arguments, generated from the schema callTool validates them with. */
  inputSchema: Record<string, unknown>;
  /** JSON Schema (draft 2020-12) of what callTool answers: `{ ok: true, result, say }` or `{ ok: false, error, say }`. */
  outputSchema: Record<string, unknown>;
  /** What it does to its surroundings. */
  annotations: ToolHints;
}

const titles: Record<ToolName, ToolDefinition['title']> = {
  score: { zh: '号码打分', en: 'Score a number' },
  explain: { zh: '讲解号码', en: 'Explain a number' },
  search: { zh: '找号', en: 'Search numbers' },
  near: { zh: '找相近号码', en: 'Numbers close to one' },
  sounds: { zh: '按读音或寓意找号', en: 'Numbers by sound or meaning' },
  suggest: { zh: '按公司信息推荐', en: 'Suggest from the company' },
  hold: { zh: '为客户保留号码', en: 'Hold a number' },
  release: { zh: '取消保留', en: 'Release a hold' },
  quote: { zh: '套餐报价', en: 'Quote the packages' },
  opening_date: { zh: '开通日期', en: 'Opening date' },
  documents: { zh: '办理资料', en: 'Documents to hand in' },
  order_status: { zh: '订单进度', en: 'Order status' },
  route_check: { zh: '检查转接规则', en: 'Check the routing rules' },
  route_test: { zh: '来电转到哪里', en: 'Where a call goes' },
};

const READ_ONLY: ToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
const hints: Record<ToolName, ToolHints> = {
  score: READ_ONLY,
  explain: READ_ONLY,
  search: READ_ONLY,
  near: READ_ONLY,
  sounds: READ_ONLY,
  suggest: READ_ONLY,
  // A second hold for the same customer leaves the first as it was; another customer's is refused.
  hold: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  // It ends a hold; a second release finds nothing to end.
  release: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  quote: READ_ONLY,
  opening_date: READ_ONLY,
  documents: READ_ONLY,
  order_status: READ_ONLY,
  route_check: READ_ONLY,
  route_test: READ_ONLY,
};

/** An answer's JSON Schema with `type: 'object'` at its root, as MCP asks of an output schema. */
function outputSchemaOf(name: ToolName): Record<string, unknown> {
  const { $schema, ...branches } = z.toJSONSchema(answerSchemas[name], { io: 'output' }) as Record<string, unknown>;
  return { $schema, type: 'object', properties: { ok: { type: 'boolean' }, say: { type: 'string' } }, required: ['ok', 'say'], ...branches };
}

const descriptions: Record<ToolName, ToolDefinition['description']> = {
  score: {
    zh: '给一个 400 号码打分（0-100），给出等级和每条理由；可按客户的成立年份、门牌号等加分。',
    en: "Score one 400 number from 0 to 100 with its tier and every reason; optionally with the buyer's facts (founding year, door number …).",
  },
  explain: {
    zh: '用几句话解释一个 400 号码为什么好（或不好），可以直接念给客户听。',
    en: 'Explain in sentences why a 400 number is good (or not), ready to read to a customer.',
  },
  search: {
    zh: '按号码模式（如 AABB$、%520%）、不要的数字、最低分、等级等条件找号，按分数排序，可翻页。',
    en: 'Find numbers by pattern (AABB$, %520%), digits to avoid, lowest score, tier and more; best first, with pages.',
  },
  near: {
    zh: '客户想要的号码已被占用时，找只差一两位（或两位对调）的可选号码。',
    en: 'When the wanted number is taken, find available numbers that differ in one to three digits (or two swapped).',
  },
  sounds: {
    zh: '找读音像一句话的号码（如 一路发、yi lu fa），或带某个寓意的号码（如 发财）。',
    en: 'Find numbers that sound like a phrase (一路发, yi lu fa), or that carry a meaning (发财, prosper).',
  },
  suggest: {
    zh: '根据客户公司的名称、口号、成立年份、注册日期、门牌号、座机等推荐号码，并说明理由。',
    en: "Suggest numbers from the customer's company: name, slogan, founding year, registration date, door number, landline; each with its reasons.",
  },
  hold: {
    zh: '为客户保留一个可售号码一段时间（默认 30 分钟），在签合同前不被别人选走。',
    en: 'Hold an available number for a customer for a while (default 30 minutes) so nobody else takes it before the contract.',
  },
  release: {
    zh: '取消客户对号码的保留，号码重新可选（只有保留它的客户能取消）。',
    en: "End a customer's hold on a number so it is available again (only the customer who holds it).",
  },
  quote: {
    zh: '按客户每月的通话分钟数给套餐报价：每年实际要付多少、预存能打多少分钟、实际每分钟多少钱；号码的最低消费决定能选哪些套餐。',
    en: "Quote the packages for the customer's minutes a month: what it really pays a year, the minutes the prepayment covers, the real cost of a minute; the number's minimum spend decides which packages it can take.",
  },
  opening_date: {
    zh: '算号码哪天能开通：付款后普通号码 3 个工作日、特殊号码 7 个工作日，按北京时间和法定节假日计算。',
    en: 'Work out the day a number opens: 3 working days after the prepayment, 7 for special numbers, in Beijing time with public holidays.',
  },
  documents: {
    zh: '列出办理 400 电话要准备的资料和还缺什么，每项说明原因；检查统一社会信用代码和身份证号。',
    en: 'List the documents a 400 application needs and what is still missing, each with why; checks the credit code and the ID number.',
  },
  order_status: {
    zh: '查客户自己的订单进度：到了哪一步、每一步的时间、预计哪天开通、还要做什么（如保留快到期）；只说这位客户的订单。',
    en: "Tell a customer where their own orders stand: the step reached, when each step was taken, the expected opening day, what needs doing (a hold about to end); only this customer's orders.",
  },
  route_check: {
    zh: '检查受理单的转接规则（按地区、按时间、按比例分配，遇忙/无应答转移，呼叫阻截，密码，费用上限），列出每一处问题，没问题时给出受理单。',
    en: 'Check the routing rules of the order form (by area, time and percentage; busy/no-answer forwarding; blocking; password; monthly cap): every problem listed, or the form when they are good.',
  },
  route_test: {
    zh: '按转接规则回答一通来电会转到哪里：先响哪个号码，占线或无人接听再转哪些，或者为什么不接通（如“周六下午从上海打进来转到哪里”）。',
    en: 'Answer where a call goes under the routing rules: which number rings first, which follow when it is busy or unanswered, or why it is refused.',
  },
};

/** The chat-bot tools: name, title and description in Chinese and English, the JSON Schemas of the arguments and of the answer, and what each does to its surroundings. */
export const tools: readonly ToolDefinition[] = (Object.keys(toolSchemas) as ToolName[]).map((name) => ({
  name,
  title: titles[name],
  description: descriptions[name],
  inputSchema: z.toJSONSchema(toolSchemas[name], { io: 'input' }) as Record<string, unknown>,
  outputSchema: outputSchemaOf(name),
  annotations: hints[name],
}));
