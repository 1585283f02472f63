import type * as z from 'zod';
import { inventoryRules, isVanity400Error, type ErrorCode } from 'vanity400';
import { answers, type ToolResults } from './answers.js';
import type { BotContext } from './context.js';
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
      /** What went wrong, to show: never a stack trace. */
      error: {
        /** A stable code to branch on. */
        code: ToolErrorCode;
        /** Names the argument or input and what was wrong. */
        message: string;
        /** 0-based index of the offending character in the input, where one is to blame. */
        position?: number;
        /** The argument or field to blame, where one is: `creditCode`, `landingNumbers[1]` … */
        field?: string;
      };
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

/** The language the arguments ask answers in. */
function lang(args: unknown): 'zh' | 'en' {
  return (args as { lang?: unknown }).lang === 'en' ? 'en' : 'zh';
}

/** ['company', 'founded'] → company.founded; ['segments', 0] → segments[0]. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Zod's issues as one sentence naming each argument, what was wrong and what was given. */
function describeIssues(name: ToolName, issues: readonly z.core.$ZodIssue[], args: unknown): string {
  const known = Object.keys(toolSchemas[name].shape).join(', ');
  const parts = issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const where = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return `unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `${where}${where ? '.' : ''}${k}`).join(', ')}${where ? '' : ` (use ${known})`}`;
    }
    if (where === '') return `arguments: ${issue.message}; expected an object with ${known}`;
    const value = valueAt(args, issue.path);
    if (value === undefined && issue.code === 'invalid_type') return `${where}: missing; expected a ${issue.expected}`;
    return `${where}: ${issue.message} (got ${show(value)})`;
  });
  const more = issues.length > SHOWN_ISSUES ? `; and ${issues.length - SHOWN_ISSUES} more` : '';
  return `${name}: ${parts.join('; ')}${more}`;
}

/**
 * Runs a tool for a bot: checks the arguments against the tool's schema, runs it in the context, and
 * answers `{ ok: true, result, say }` or `{ ok: false, error: { code, message } }`. Bad arguments, an
 * unknown tool and every Vanity400Error are answers, never throws; only a failure outside the library
 * (a store that lost its connection, a bug) rejects.
 */
export async function callTool<N extends ToolName>(name: N, args: unknown, context: BotContext): Promise<ToolAnswer<ToolResults[N]>>;
export async function callTool(name: string, args: unknown, context: BotContext): Promise<ToolAnswer>;
export async function callTool(name: string, args: unknown, context: BotContext): Promise<ToolAnswer> {
  if (!isToolName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_TOOL', message: `unknown tool ${show(name)}: use one of ${NAMES.join(', ')}` } };
  }
  const parsed = toolSchemas[name].safeParse(args === undefined ? {} : args);
  if (!parsed.success) return { ok: false, error: { code: 'BAD_ARGUMENT', message: describeIssues(name, parsed.error.issues, args) } };
  const c = context as Partial<BotContext> | null;
  if (typeof c !== 'object' || c === null || typeof c.pools !== 'function' || typeof c.store !== 'object' || c.store === null) {
    return { ok: false, error: inventoryRules.wrongType('callTool(): context', { zh: '机器人上下文（createBotContext 的结果）', en: 'a bot context (from createBotContext)' }, context).toJSON(lang(parsed.data)) };
  }
  try {
    const run = answers[name] as (args: unknown, context: BotContext) => Promise<{ result: unknown; say: string }>;
    const { result, say } = await run(parsed.data, context);
    return { ok: true, result, say };
  } catch (error) {
    if (!isVanity400Error(error)) throw error;
    return { ok: false, error: error.toJSON(lang(parsed.data)) };
  }
}
