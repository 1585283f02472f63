/** Numbers from the command line, where "-" stands for standard input read one number per line (blank lines skipped). */
export async function readInputs(args: readonly string[], stdin: AsyncIterable<string | Buffer>): Promise<string[]> {
  const out: string[] = [];
  let stdinLines: string[] | undefined;
  for (const arg of args) {
    if (arg !== '-') {
      out.push(arg);
      continue;
    }
    if (!stdinLines) {
      let text = '';
      for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      stdinLines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    }
    out.push(...stdinLines);
  }
  return out;
}
