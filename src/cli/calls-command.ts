import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { analyseCallFile } from '../node/calls.js';
import { analyseCalls, type RecordProblem } from '../routing/analyse-calls.js';
import { formatCallReport } from '../routing/format-report.js';
import { CALL_RECORDS_HEADER, callRecordLine, simulateCallRecords } from '../routing/simulate.js';
import { choiceFlag, wholeFlag } from './flags.js';
import type { CliIo } from './index.js';
import { readRulesFile } from './route-command.js';

interface ReportFlags {
  json?: boolean;
  lang: string;
  format?: string;
  rows: string;
}

interface SimulateFlags {
  count: string;
  seed: string;
  start: string;
  days: string;
  format: string;
  out?: string;
}

export function registerCalls(program: Command, io: CliIo): void {
  const group = program
    .command('calls')
    .description('call records (呼叫分析): report on a records file, or make one by simulating calls through the rules')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 calls report data/samples/calls.csv
  $ vanity400 calls simulate rules.json --count 1000 --seed 7 > calls.csv`,
    );

  group
    .command('report')
    .description('calls, answered, busy, unanswered, blocked, talk time: in total, by landing number, by caller area and by hour')
    .argument('<file>', 'call records: CSV with a header line, or JSON lines (.jsonl); - reads standard input')
    .option('--json', 'print the report as JSON')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--format <format>', 'csv or jsonl (default: from the file name, else the first line)')
    .option('--rows <n>', 'rows per table', '10')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 calls report data/samples/calls.csv
  $ vanity400 calls report calls.jsonl --json
  $ cat calls.csv | vanity400 calls report - --lang en

Every bad line is printed on standard error with its line number; the others are counted.
Exit status: 0 when every line was counted, 2 when any was not.`,
    )
    .action(async (file: string, flags: ReportFlags) => {
      const l = choiceFlag('--lang', flags.lang, ['zh', 'en'] as const);
      const rows = wholeFlag('--rows', flags.rows, 1, 1000);
      const options = {
        ...(flags.format !== undefined ? { format: choiceFlag('--format', flags.format, ['csv', 'jsonl'] as const) } : {}),
        onProblem: (p: RecordProblem) => io.err(`${io.paint.err.red('vanity400:')} ${p.message[l]}\n`),
      };
      const report = file === '-' ? await analyseCalls(io.stdin as AsyncIterable<string | Uint8Array>, options) : await analyseCallFile(file, options);
      if (report.badLines) io.status = 2;
      io.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatCallReport(report, { lang: l, rows }));
    });

  group
    .command('simulate')
    .description('call records made by routing simulated calls through a rules file, as calls report reads them')
    .argument('<rules>', 'the rules, as JSON')
    .option('--count <n>', 'how many calls', '1000')
    .option('--seed <n>', 'seed: the same seed gives the same records', '1')
    .option('--start <date>', 'first day, YYYY-MM-DD', '2026-03-02')
    .option('--days <n>', 'over how many days', '7')
    .option('--format <format>', 'csv or jsonl', 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--json', 'the same as --format jsonl')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 calls simulate rules.json --count 1000 --seed 7 > calls.csv
  $ vanity400 calls simulate rules.json --count 1000000 --out calls.csv
  $ vanity400 calls simulate rules.json --count 100 --json`,
    )
    .action((file: string, flags: SimulateFlags & { json?: boolean }) => {
      const format = flags.json ? 'jsonl' : choiceFlag('--format', flags.format, ['csv', 'jsonl'] as const);
      const records = simulateCallRecords(readRulesFile(file), {
        count: wholeFlag('--count', flags.count, 0, 100_000_000),
        seed: wholeFlag('--seed', flags.seed, 0, 2 ** 32 - 1),
        start: flags.start,
        days: wholeFlag('--days', flags.days, 1, 366),
      });
      const fd = flags.out ? openSync(flags.out, 'w') : undefined;
      const write = (text: string) => (fd === undefined ? io.out(text) : void writeSync(fd, text));
      try {
        let batch = format === 'csv' ? `${CALL_RECORDS_HEADER}\n` : '';
        for (const record of records) {
          batch += `${callRecordLine(record, format)}\n`;
          if (batch.length > 1 << 16) {
            write(batch);
            batch = '';
          }
        }
        write(batch);
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    });
}
