import { Command, CommanderError } from 'commander';
import { Vanity400Error, isVanity400Error } from '../errors/vanity400-error.js';
import { registerScore } from './score-command.js';
import { registerSearch } from './search-command.js';
import { registerNear } from './near-command.js';
import { registerSounds } from './sounds-command.js';
import { registerSuggest } from './suggest-command.js';
import { registerInventory } from './inventory-command.js';
import { registerPick } from './pick-command.js';
import { registerMcp } from './mcp-command.js';
import { registerQuote } from './quote-command.js';
import { registerOpenDate } from './open-date-command.js';
import { registerDocuments } from './documents-command.js';
import { registerRoute } from './route-command.js';
import { registerCalls } from './calls-command.js';
import { registerOrder } from './order-command.js';
import { palette, wantsColour, type Palette } from './colour.js';
import type { TableLayout } from './table.js';
import type { Language } from '../scoring/explain.js';
import { readSettings, type Settings } from './config.js';
import { stdinValue, stdinValues } from './read-inputs.js';
import { fileProblem, usageInChinese } from './errors.js';
import pkg from '../../package.json';

export interface CliStreams {
  stdin: AsyncIterable<string | Buffer>;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether out and err may be coloured (decided once per run, see colour.ts); no colour when left out. */
  colour?: { out: boolean; err: boolean };
  /** The terminal, when standard input and output both are one: only then can `pick` ask questions. */
  terminal?: { input: NodeJS.ReadStream; output: NodeJS.WriteStream };
  /** Resolves when out can take more: commands that print as they go wait on it, so memory stays bounded. */
  drain?: () => Promise<void>;
  /** Columns of the terminal out goes to; tables fit them (no limit when left out). */
  columns?: number;
}

export interface CliIo extends CliStreams {
  /** Exit status the commands set: 2 when any input was bad. */
  status: number;
  /** Colours for what goes to out and to err: plain text when they may not be coloured. */
  paint: { out: Palette; err: Palette };
  /** The language of the run's messages (--lang; Chinese unless it says en). */
  lang: 'zh' | 'en';
}

/** How a command's number table is laid out for this run: its language, colours and the terminal's width. */
export function tableLayout(lang: Language, io: CliIo): TableLayout {
  return { lang, paint: io.paint.out, ...(io.columns === undefined ? {} : { columns: io.columns }) };
}

/** Builds the program; tests call it with their own streams. */
export function createProgram(io: CliIo, argv: readonly string[] = [], loaded: LoadedSettings = loadSettings()): Command {
  const program = new Command('vanity400')
    .description('Score, search and sell China\'s 400 service numbers by the vanity rules Chinese buyers use.')
    .version(pkg.version)
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 score 400-851-7517 4006-888-888
  $ vanity400 search 'AABB$' --exclude 4 --segment 4006
  $ vanity400 suggest --name 顺发物流 --founded 2008 --door 518 --json
  $ vanity400 pick --agent huatong --store inventory.db
  $ vanity400 route test rules.json --from 021-61234567 --at "周六 14:00"
  $ vanity400 help search

Colours only on a terminal, never with NO_COLOR set; --json where a command prints results.`,
    );
  registerScore(program, io);
  registerSearch(program, io);
  registerNear(program, io);
  registerSounds(program, io);
  registerSuggest(program, io);
  registerInventory(program, io);
  registerPick(program, io);
  registerQuote(program, io);
  registerOpenDate(program, io);
  registerDocuments(program, io);
  registerMcp(program);
  registerRoute(program, io);
  registerCalls(program, io);
  registerOrder(program, io);
  const json = wantsJson(argv);
  const outputError = (text: string, write: (s: string) => void) => {
    const said = io.lang === 'zh' ? usageInChinese(text) : text;
    write(json ? `${JSON.stringify({ error: { code: 'BAD_ARGUMENT', message: said.replace(/^(error: |错误：)/, '').trim() } })}\n` : io.paint.err.red(said));
  };
  const output = { writeOut: io.out, writeErr: io.err, outputError };
  const { settings, problem: settingsProblem } = loaded;
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput(output);
    for (const option of c.options) {
      const key = option.attributeName() as keyof Settings;
      const value = Object.hasOwn(SETTING_OPTIONS, key) ? settings[key] : undefined;
      if (typeof value === 'string') {
        option.default(value);
        c.setOptionValueWithSource(key, value, 'default');
      }
    }
    c.commands.forEach(configure);
  };
  configure(program);
  program.hook('preAction', async (_program, command) => {
    if (settingsProblem !== undefined) throw settingsProblem;
    await readDashesFromStdin(command, io.stdin);
  });
  return program;
}

/** The run's settings, or why they could not be read: a broken configuration file stops the commands, not --help or --version. */
export interface LoadedSettings {
  settings: Settings;
  problem?: unknown;
}

function loadSettings(): LoadedSettings {
  try {
    return { settings: readSettings() };
  } catch (problem) {
    return { settings: {}, problem };
  }
}

/** Flags a setting gives the default of. */
const SETTING_OPTIONS: Partial<Record<keyof Settings, true>> = { store: true, agent: true, profile: true, lang: true };

/** Value names of the arguments and options that take a number or a phrase: "-" reads it from standard input. */
const FROM_STDIN = new Set(['number', 'number-or-tier', 'phrase', 'pattern', 'name', 'slogan', 'id', 'numbers']);

/** Replaces a number or phrase given as "-" with standard input's (one line; lines, for a list). */
async function readDashesFromStdin(command: Command, stdin: AsyncIterable<string | Buffer>): Promise<void> {
  const wanted: { what: string; set: (lines: string[]) => void; many: boolean }[] = [];
  command.registeredArguments.forEach((argument, i) => {
    if (argument.variadic || !FROM_STDIN.has(argument.name()) || command.processedArgs[i] !== '-') return;
    wanted.push({ what: `<${argument.name()}>`, many: false, set: ([line]) => (command.processedArgs[i] = line) });
  });
  for (const option of command.options) {
    const name = /<([\w-]+)(\.\.\.)?>/.exec(option.flags)?.[1];
    const key = option.attributeName();
    const value = command.getOptionValue(key) as unknown;
    if (name === undefined || !FROM_STDIN.has(name)) continue;
    const many = Array.isArray(value);
    if (many ? !value.includes('-') : value !== '-') continue;
    wanted.push({
      what: option.long ?? option.flags,
      many,
      set: (lines) => command.setOptionValue(key, many ? (value as string[]).flatMap((v) => (v === '-' ? lines : [v])) : lines[0]),
    });
  }
  if (wanted.length === 0) return;
  if (wanted.length > 1) {
    throw new Vanity400Error('BAD_ARGUMENT', {
      zh: `只有一项输入能从标准输入读取（-），这里有 ${wanted.length} 项：${wanted.map((w) => w.what).join('、')}。`,
      en: `only one input can be read from standard input (-), not ${wanted.length}: ${wanted.map((w) => w.what).join(', ')}.`,
    });
  }
  const [input] = wanted as [(typeof wanted)[number]];
  input.set(input.many ? await stdinValues(stdin, input.what) : [await stdinValue(stdin, input.what)]);
}

/** Whether a run asked for JSON (--json, --jsonl): then its errors are JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--json' || a === '--jsonl');
}

/** Runs the CLI; resolves to the exit status (0 ok, 2 bad input or usage, 130 a cancelled pick). */
export async function runCli(argv: string[], streams: CliStreams = nodeStreams()): Promise<number> {
  const loaded = loadSettings();
  const lang = langOf(argv) ?? loaded.settings.lang ?? 'zh';
  const io: CliIo = { ...streams, status: 0, paint: { out: palette(streams.colour?.out ?? false), err: palette(streams.colour?.err ?? false) }, lang };
  try {
    await createProgram(io, argv, loaded).parseAsync(argv, { from: 'user' });
    return io.status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const json = wantsJson(argv);
    if (isVanity400Error(error)) {
      io.err(json ? `${JSON.stringify({ error: error.toJSON(lang) })}\n` : `${io.paint.err.red('vanity400:')} ${error.messageIn(lang)}\n`);
      return 2;
    }
    // A file the user named that cannot be read or written is their mistake to fix, not a crash.
    const system = error as NodeJS.ErrnoException;
    if (system && typeof system.code === 'string' && typeof system.syscall === 'string' && typeof system.path === 'string') {
      const message = fileProblem(system as { syscall: string; path: string; code: string }, lang);
      io.err(json ? `${JSON.stringify({ error: { code: system.code, message } })}\n` : `${io.paint.err.red('vanity400:')} ${message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The language a run asked for with --lang (Chinese unless it says en), for its error messages. */
function langOf(argv: readonly string[]): 'zh' | 'en' | undefined {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value === undefined ? undefined : value === 'en' ? 'en' : 'zh';
}

function nodeStreams(): CliStreams {
  return {
    stdin: process.stdin,
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    colour: { out: wantsColour(process.stdout), err: wantsColour(process.stderr) },
    drain: () => (process.stdout.writableNeedDrain ? new Promise<void>((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
    ...terminalColumns(),
    ...(process.stdin.isTTY && process.stdout.isTTY ? { terminal: { input: process.stdin, output: process.stdout } } : {}),
  };
}

/** The terminal's width (or COLUMNS, where output is not a terminal but says how wide it is shown). */
function terminalColumns(): { columns?: number } {
  if (process.stdout.isTTY && process.stdout.columns) return { columns: process.stdout.columns };
  const given = Number(process.env.COLUMNS);
  return Number.isInteger(given) && given > 0 ? { columns: given } : {};
}
