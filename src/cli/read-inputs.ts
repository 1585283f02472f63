import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { Vanity400Error } from '../errors/vanity400-error.js';

/** The most standard input a single value (a number, a phrase, a pattern) may take. */
const MAX_VALUE_BYTES = 64 * 1024;

/**
 * A small file's text (routing rules, settings), read in chunks and refused (BAD_ARGUMENT) once past
 * `limit` bytes: a device such as /dev/zero or a wrong file of gigabytes is not read to the end.
 */
export function readSmallFile(path: string, limit: number): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      if (size > limit) {
        const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
        throw new Vanity400Error('BAD_ARGUMENT', { zh: `${path} 超过 ${size}，不是要读的文件。`, en: `${path} is larger than ${size}: not a file to read here.` }, { input: path });
      }
      chunks.push(chunk.subarray(0, n));
    }
    return new StringDecoder('utf8').end(Buffer.concat(chunks, size));
  } finally {
    closeSync(fd);
  }
}

/**
 * Standard input's lines as they arrive, without their line ends, blank lines skipped: one batch per
 * chunk read, so a reader can answer what has come before waiting for more; memory stays one chunk.
 */
export async function* stdinLineBatches(stdin: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const clean = (lines: string[]) => lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.trim() !== '');
  for await (const chunk of stdin) {
    const lines = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
    rest = lines.pop()!;
    if (rest.length > MAX_VALUE_BYTES) {
      throw new Vanity400Error('BAD_ARGUMENT', {
        zh: `标准输入有一行超过 ${MAX_VALUE_BYTES / 1024} KB 还没有换行，不像是号码。`,
        en: `a line of standard input runs past ${MAX_VALUE_BYTES / 1024} KB without a line end: not a number.`,
      });
    }
    const batch = clean(lines);
    if (batch.length) yield batch;
  }
  const last = clean([rest + decoder.end()]);
  if (last.length) yield last;
}

/** Standard input's lines one by one (see {@link stdinLineBatches}). */
async function* stdinLines(stdin: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  for await (const batch of stdinLineBatches(stdin)) yield* batch;
}

/**
 * Numbers from the command line, where "-" stands for standard input read one number per line (blank
 * lines skipped), in its place: in batches, those given as arguments first, then each chunk of stdin's.
 */
export async function* readInputs(args: readonly string[], stdin: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  let given: string[] = [];
  let read = false;
  for (const arg of args) {
    if (arg !== '-') {
      given.push(arg);
      continue;
    }
    if (read) continue; // standard input is read once, at its first "-"
    read = true;
    if (given.length) yield given;
    given = [];
    yield* stdinLineBatches(stdin);
  }
  if (given.length) yield given;
}

/** The lines of standard input for an input given as "-": what names the input, for the errors. */
export async function stdinValues(stdin: AsyncIterable<string | Buffer>, what: string): Promise<string[]> {
  const lines: string[] = [];
  let bytes = 0;
  for await (const line of stdinLines(stdin)) {
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > MAX_VALUE_BYTES) {
      throw new Vanity400Error('BAD_ARGUMENT', {
        zh: `${what} -：标准输入超过 ${MAX_VALUE_BYTES / 1024} KB，不像是号码或短语。`,
        en: `${what} -: standard input is longer than ${MAX_VALUE_BYTES / 1024} KB, not a number or a phrase.`,
      });
    }
    lines.push(line.trim());
  }
  if (lines.length === 0) throw new Vanity400Error('BAD_ARGUMENT', { zh: `${what} -：标准输入是空的。`, en: `${what} -: standard input is empty.` });
  return lines;
}

/** The one value of standard input for an input given as "-" (one non-blank line). */
export async function stdinValue(stdin: AsyncIterable<string | Buffer>, what: string): Promise<string> {
  const lines = await stdinValues(stdin, what);
  if (lines.length > 1) {
    throw new Vanity400Error('BAD_ARGUMENT', {
      zh: `${what} -：标准输入应只有一行，实际有 ${lines.length} 行。`,
      en: `${what} -: expected one line on standard input, found ${lines.length}.`,
    });
  }
  return lines[0]!;
}
