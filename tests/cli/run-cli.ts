import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/index.js';

/** Runs the CLI in-process with the given stdin; returns its exit status and what it printed. */
export async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const status = await runCli(args, { stdin: Readable.from([stdin]), out: (s) => void (out += s), err: (s) => void (err += s) });
  return { status, out, err };
}
