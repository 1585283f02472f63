/**
 * The CLI's own refusals, worded once in Chinese and English: bad flag values, files it cannot read or
 * write, and commander's usage errors, which it words in English only and which are said here in Chinese.
 */
import { Vanity400Error, type ErrorCode, type LocalText } from '../errors/vanity400-error.js';

/** A flag's value refused: "--limit "ten"：应为数字" / "--limit "ten": expected a number". */
export function badFlag(flag: string, value: string, expected: LocalText, code: ErrorCode = 'BAD_ARGUMENT'): Vanity400Error {
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return new Vanity400Error(code, { zh: `${flag} ${shown}：${expected.zh}`, en: `${flag} ${shown}: expected ${expected.en}` }, { input: value, field: flag });
}

/** "a, b or c" / "a、b 或 c". */
export function oneOf(options: readonly string[]): LocalText {
  const last = options[options.length - 1];
  return options.length === 1
    ? { zh: `应为 ${last}`, en: String(last) }
    : { zh: `应为 ${options.slice(0, -1).join('、')} 或 ${last}`, en: `${options.slice(0, -1).join(', ')} or ${last}` };
}

/** What a flag's value was expected to be. */
export const EXPECTED = {
  number: { zh: '应为数字', en: 'a number' },
  whole: (min: number, max: number): LocalText => ({ zh: `应为 ${min} 到 ${max} 的整数`, en: `a whole number from ${min} to ${max}` }),
  amount: { zh: '应为金额，如 120.5', en: 'an amount such as 120.5' },
  segment: (known: readonly string[]): LocalText => ({ zh: `应为 ${known.join('、')} 中的号段`, en: `one of ${known.join(', ')}` }),
} as const;

const SYSCALLS: Record<string, string> = { open: '打开', read: '读取', write: '写入', mkdir: '创建文件夹', rename: '重命名', scandir: '读取文件夹', stat: '查看', unlink: '删除' };
const ERRNO: Record<string, string> = { ENOENT: '没有这个文件或文件夹', EACCES: '没有权限', EPERM: '没有权限', EISDIR: '这是文件夹，不是文件', ENOTDIR: '路径中有一段不是文件夹', EEXIST: '已经存在', ENOSPC: '磁盘空间不足', EROFS: '只读文件系统' };

/** A file the user named that cannot be read or written: their mistake to fix, said in their language. */
export function fileProblem(error: { syscall: string; path: string; code: string }, lang: 'zh' | 'en'): string {
  if (lang === 'en') return `cannot ${error.syscall} ${error.path}: ${error.code}`;
  return `无法${SYSCALLS[error.syscall] ?? `访问（${error.syscall}）`} ${error.path}：${ERRNO[error.code] ?? '系统错误'}（${error.code}）`;
}

// commander's usage errors, as it words them (commander 14), and the same in Chinese.
const USAGE: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (flag) => `错误：没有 ${flag} 这个选项`],
  [/^error: unknown command '([^']*)'/, (name) => `错误：没有 ${name} 这个命令`],
  [/^error: missing required argument '([^']*)'/, (name) => `错误：缺少参数 ${name}`],
  [/^error: option '([^']*)' argument missing/, (flags) => `错误：选项 ${flags} 后面要跟一个值`],
  [/^error: required option '([^']*)' not specified/, (flags) => `错误：必须给出选项 ${flags}`],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (command, expected, got) => `错误：${command ? `${command} 的` : ''}参数太多，应为 ${expected} 个，实际有 ${got} 个`],
  [/^error: (.*) cannot be used with (.*)$/, (a, b) => `错误：${a} 不能和 ${b} 一起用`],
];

/** A commander usage error in Chinese, keeping its suggestion ("(Did you mean --segment?)" → "（是不是想用 --segment？）"). */
export function usageInChinese(text: string): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const rule = USAGE.find(([pattern]) => pattern.test(first));
  if (!rule) return text;
  const said = rule[1](...(rule[0].exec(first)!.slice(1) as string[]));
  const hints = rest.map((line) => line.replace(/^\(Did you mean (?:one of )?(.*)\?\)$/, '（是不是想用 $1？）'));
  return `${[said, ...hints].join('\n')}\n`;
}
