import { Command, CommanderError } from 'commander';
import { isVanity400Error } from '../errors/vanity400-error.js';
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
}

export interface CliIo extends CliStreams {
  /** Exit status the commands set: 2 when any input was bad. */
  status: number;
  /** Colours for what goes to out and to err: plain text when they may not be coloured. */
  paint: { out: Palette; err: Palette };
  /** The language of the run's messages (--lang; Chinese unless it says en). */
  lang: 'zh' | 'en';
}

/** Builds the program; tests call it with their own streams. */
export function createProgram(io: CliIo): Command {
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
  const output = {
    writeOut: io.out,
    writeErr: io.err,
    outputError: (text: string, write: (s: string) => void) => write(io.paint.err.red(io.lang === 'zh' ? usageInChinese(text) : text)),
  };
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput(output);
    c.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Runs the CLI; resolves to the exit status (0 ok, 2 bad input or usage, 130 a cancelled pick). */
export async function runCli(argv: string[], streams: CliStreams = nodeStreams()): Promise<number> {
  const lang = langOf(argv);
  const io: CliIo = { ...streams, status: 0, paint: { out: palette(streams.colour?.out ?? false), err: palette(streams.colour?.err ?? false) }, lang };
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' });
    return io.status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isVanity400Error(error)) {
      io.err(`${io.paint.err.red('vanity400:')} ${error.messageIn(lang)}\n`);
      return 2;
    }
    // A file the user named that cannot be read or written is their mistake to fix, not a crash.
    const system = error as NodeJS.ErrnoException;
    if (system && typeof system.code === 'string' && typeof system.syscall === 'string' && typeof system.path === 'string') {
      io.err(`${io.paint.err.red('vanity400:')} ${fileProblem(system as { syscall: string; path: string; code: string }, lang)}\n`);
      return 2;
    }
    throw error;
  }
}

/** The language a run asked for with --lang (Chinese unless it says en), for its error messages. */
function langOf(argv: readonly string[]): 'zh' | 'en' {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value === 'en' ? 'en' : 'zh';
}

function nodeStreams(): CliStreams {
  return {
    stdin: process.stdin,
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    colour: { out: wantsColour(process.stdout), err: wantsColour(process.stderr) },
    ...(process.stdin.isTTY && process.stdout.isTTY ? { terminal: { input: process.stdin, output: process.stdout } } : {}),
  };
}
