import { Command, CommanderError } from 'commander';
import { isVanity400Error } from '../errors/vanity400-error.js';
import { registerScore } from './score-command.js';
import { registerSearch } from './search-command.js';
import { registerNear } from './near-command.js';
import { registerSounds } from './sounds-command.js';
import { registerSuggest } from './suggest-command.js';
import { registerInventory } from './inventory-command.js';
import pkg from '../../package.json';

export interface CliIo {
  stdin: AsyncIterable<string | Buffer>;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Exit status the commands set: 2 when any input was bad. */
  status: number;
}

/** Builds the program; tests call it with their own streams. */
export function createProgram(io: CliIo): Command {
  const program = new Command('vanity400')
    .description('Score, search and sell China\'s 400 service numbers by the vanity rules Chinese buyers use.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerScore(program, io);
  registerSearch(program, io);
  registerNear(program, io);
  registerSounds(program, io);
  registerSuggest(program, io);
  registerInventory(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

/** Runs the CLI; resolves to the exit status (0 ok, 2 bad input or usage). */
export async function runCli(argv: string[], streams: Omit<CliIo, 'status'> = nodeStreams()): Promise<number> {
  const io: CliIo = { ...streams, status: 0 };
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' });
    return io.status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isVanity400Error(error)) {
      io.err(`vanity400: ${error.message}\n`);
      return 2;
    }
    // A file the user named that cannot be read or written is their mistake to fix, not a crash.
    const system = error as NodeJS.ErrnoException;
    if (system && typeof system.code === 'string' && typeof system.syscall === 'string' && typeof system.path === 'string') {
      io.err(`vanity400: cannot ${system.syscall} ${system.path}: ${system.code}\n`);
      return 2;
    }
    throw error;
  }
}

function nodeStreams(): Omit<CliIo, 'status'> {
  return {
    stdin: process.stdin,
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
  };
}
