#!/usr/bin/env node
import { runCli, wantsJson } from './index.js';

// A reader that stops early (`vanity400 search … | head -1`) closes the pipe: stop quietly, as it asked.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

runCli(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(wantsJson(process.argv.slice(2)) ? `${JSON.stringify({ error: { code: 'INTERNAL', message: text } })}\n` : `vanity400: internal error: ${text}\n`);
    process.exitCode = 1;
  },
);
