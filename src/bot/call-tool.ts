import type * as z from 'zod';
import { inventoryRules, isVanity400Error, type ErrorCode, type LocalText } from 'vanity400';
import { answers, type ToolResults } from './answers.js';
import type { BotContext } from './context.js';
import { RETRYING, refusalSay } from './refusals.js';
import { toolSchemas, type ToolName } from './schemas.js';

/** The library's codes, plus UNKNOWN_TOOL for a name that is not one of the tools. */
export type ToolErrorCode = ErrorCode | 'UNKNOWN_TOOL';

/** What callTool answers: the result and sentences to say, or an error a bot can show. JSON-safe. */
export type ToolAnswer<R = unknown> =
  | {
      /** The tool ran. */
      ok: true;
      /** The library function's own answer. */
      result: R;
      /** One or a few short sentences, in the language asked for, to read to the customer as they are. */
      say: string;
    }
  | {
      /** The tool did not run, or the library refused the input. */
      ok: false;
      /** What went wrong, for the model to put right: never a stack trace. */
      error: {
        /** A stable code to branch on. */
        code: ToolErrorCode;
        /** Names the argument or input and what was wrong, in the language asked for. */
        message: string;
        /** 0-based index of the offending character in the input, where one is to blame. */
        position?: number;
        /** The argument or field to blame, where one is: `creditCode`, `landingNumbers[1]` … */
        field?: string;
      };
      /**
       * What to tell the customer, in the language asked for: what was wrong and what to say instead when
       * what the customer gave is to blame (a mistyped number, a date, a number someone else holds), else
       * that the bot is trying again.
       */
      say: string;
    };

const NAMES = Object.keys(toolSchemas) as ToolName[];
/** Issues named in one message. */
const SHOWN_ISSUES = 3;

function isToolName(name: unknown): name is ToolName {
  return typeof name === 'string' && Object.hasOwn(toolSchemas, name);
}

/** A value as a message shows it, whatever it is (JSON gives nothing for some values and throws for others). */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'number' || typeof value === 'bigint' || value === undefined ? String(value) : (JSON.stringify(value) ?? typeof value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** What a message shows of an argument: never an ID number, only what kind of value it was. */
const shownAt = (where: string, value: unknown): string => (where === 'handlerIdNumber' ? typeof value : show(value));

/** The language the arguments ask answers in (Chinese unless they say en, even when they are malformed). */
function lang(args: unknown): 'zh' | 'en' {
  return args !== null && typeof args === 'object' && (args as { lang?: unknown }).lang === 'en' ? 'en' : 'zh';
}

const TYPE_NAMES: Record<string, string> = { string: '字符串', number: '数字', int: '整数', boolean: 'true 或 false', object: '对象', record: '对象', array: '列表' };
const typeName = (expected: string) => TYPE_NAMES[expected] ?? expected;

/** ['company', 'founded'] → company.founded; ['segments', 0] → segments[0]. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/**
 * Whether an issue is a value of the wrong kind (INVALID_TYPE: a number for a string, a missing argument,
 * arguments that are not an object) rather than a wrong value of the right kind (BAD_ARGUMENT: 2.5 for a
 * whole number, a string no branch of a union takes).
 */
function isWrongType(issue: z.core.$ZodIssue, value: unknown): boolean {
  if (issue.code === 'invalid_type') return !(issue.expected === 'int' && typeof value === 'number');
  if (issue.code === 'invalid_value') return issue.values.every((v) => typeof v !== typeof value || value === null);
  if (issue.code === 'invalid_union') return issue.errors.length > 0 && issue.errors.every((branch) => branch[0] !== undefined && isWrongType(branch[0], value));
  return false;
}

/** One of zod's issues in Chinese: the argument, what it should be and what was given. */
function issueInChinese(issue: z.core.$ZodIssue, where: string, value: unknown, known: string): string {
  const got = `，实际是 ${shownAt(where, value)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (where === '') return `参数应为对象，包含 ${known}`;
      return value === undefined ? `缺少 ${where}，应为${typeName(issue.expected)}` : `${where} 应为${typeName(issue.expected)}${got}`;
    case 'too_big':
    case 'too_small': {
      const bound = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      if (issue.origin === 'string') return `${where} ${issue.code === 'too_big' ? '最多' : '至少'} ${bound} 个字符${got}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${where} ${issue.code === 'too_big' ? '最多' : '至少'} ${bound} 项`;
      return `${where} ${issue.code === 'too_big' ? '不能大于' : '不能小于'} ${bound}${got}`;
    }
    case 'invalid_value':
      return `${where} 应为 ${issue.values.map((v) => String(v)).join('、')} 之一${got}`;
    case 'invalid_format':
      return `${where} 的格式不对${got}`;
    default:
      return `${where} 不对${got}`;
  }
}

/** Zod's issues as one sentence in each language, naming each argument, what was wrong and what was given. */
function describeIssues(name: ToolName, issues: readonly z.core.$ZodIssue[], args: unknown): LocalText {
  const known = Object.keys(toolSchemas[name].shape).join(', ');
  const shown = issues.slice(0, SHOWN_ISSUES);
  const zh = shown.map((issue) => {
    const where = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') return `没有参数 ${issue.keys.map((k) => `${where}${where ? '.' : ''}${k}`).join('、')}${where ? '' : `（可用的有 ${known}）`}`;
    return issueInChinese(issue, where, valueAt(args, issue.path), known);
  });
  const en = shown.map((issue) => {
    const where = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return `unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `${where}${where ? '.' : ''}${k}`).join(', ')}${where ? '' : ` (use ${known})`}`;
    }
    if (where === '') return `arguments: ${issue.message}; expected an object with ${known}`;
    const value = valueAt(args, issue.path);
    if (value === undefined && issue.code === 'invalid_type') return `${where}: missing; expected ${issue.expected === 'record' || issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    return `${where}: ${issue.message} (got ${shownAt(where, value)})`;
  });
  const more = issues.length - SHOWN_ISSUES;
  return {
    zh: `${name}：${zh.join('；')}${more > 0 ? `；另有 ${more} 处` : ''}`,
    en: `${name}: ${en.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
  };
}

/**
 * Runs a tool for a bot: checks the arguments against the tool's schema, runs it in the context, and
 * answers `{ ok: true, result, say }` or `{ ok: false, error: { code, message }, say }`. Bad arguments, an
 * unknown tool and every Vanity400Error are answers, never throws; only a failure outside the library
 * (a store that lost its connection, a bug) rejects.
 */
export async function callTool<N extends ToolName>(name: N, args: unknown, context: BotContext): Promise<ToolAnswer<ToolResults[N]>>;
export async function callTool(name: string, args: unknown, context: BotContext): Promise<ToolAnswer>;
export async function callTool(name: string, args: unknown, context: BotContext): Promise<ToolAnswer> {
  const l = lang(args);
  if (!isToolName(name)) {
    const message = { zh: `没有 ${show(name)} 这个工具：可用的有 ${NAMES.join('、')}`, en: `unknown tool ${show(name)}: use one of ${NAMES.join(', ')}` };
    return { ok: false, error: { code: 'UNKNOWN_TOOL', message: message[l] }, say: RETRYING[l] };
  }
  const parsed = toolSchemas[name].safeParse(args === undefined ? {} : args);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const field = pathOf(issues[0]!.path);
    const code: ToolErrorCode = isWrongType(issues[0]!, valueAt(args, issues[0]!.path)) ? 'INVALID_TYPE' : 'BAD_ARGUMENT';
    const error = { code, message: describeIssues(name, issues, args)[l], ...(field === '' ? {} : { field }) };
    return { ok: false, error, say: RETRYING[l] };
  }
  const c = context as Partial<BotContext> | null;
  if (typeof c !== 'object' || c === null || typeof c.pools !== 'function' || typeof c.store !== 'object' || c.store === null) {
    const wrong = inventoryRules.wrongType('callTool(): context', { zh: '机器人上下文（createBotContext 的结果）', en: 'a bot context (from createBotContext)' }, context);
    return { ok: false, error: wrong.toJSON(l), say: RETRYING[l] };
  }
  try {
    const run = answers[name] as (args: unknown, context: BotContext) => Promise<{ result: unknown; say: string }>;
    const { result, say } = await run(parsed.data, context);
    return { ok: true, result, say };
  } catch (error) {
    if (!isVanity400Error(error)) throw error;
    return { ok: false, error: error.toJSON(l), say: refusalSay(error, name, parsed.data as Record<string, unknown>)[l] };
  }
}
