import type { Command } from 'commander';
import { isVanity400Error } from '../errors/vanity400-error.js';
import { explain, type Language } from '../scoring/explain.js';
import type { CompanyProfile } from '../rules/company.js';
import type { Assessment, ScoreOptions } from '../scoring/types.js';
import { readInputs } from './read-inputs.js';
import { tableLayout, type CliIo } from './index.js';
import { numberTable, type ErrorLine, type NumberLine } from './table.js';

interface ScoreFlags {
  json?: boolean;
  jsonl?: boolean;
  profile: string;
  lang: Language;
  founded?: string;
  registered?: string;
  door?: string;
  landline?: string;
}

type Row = ({ input: string } & Assessment & { summary?: string; reasons?: string[]; tips?: string[] }) | { input: string; error: { code: string; message: string } };

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('score 400 numbers and say why (any written form; "-" reads one number per line from stdin)')
    .argument('<numbers...>', 'numbers such as 400-851-7517, 4008517517, ４００８５１７５１７, +86 400 851 7517, or -')
    .option('--json', 'print a JSON array, one element per input, in input order')
    .option('--jsonl', 'print one JSON object per line, as each number is scored (for long lists from stdin)')
    .option('--profile <name>', 'scoring profile: seed (4 is "fa", not punished) or traditional (4 is unlucky)', 'seed')
    .option('--lang <lang>', 'language of the reasons: zh or en', 'zh')
    .option('--founded <year>', "company's founding year, e.g. 1987")
    .option('--registered <date>', "company's registration date, e.g. 2015-03-18")
    .option('--door <number>', "company's door number")
    .option('--landline <number>', "company's landline, e.g. 010-87654321")
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 score 400-851-7517 4006-888-888
  $ vanity400 score --json --profile traditional 4001234567
  $ vanity400 score --founded 1987 --door 88 4006-198-788
  $ vanity400 score - < numbers.txt
  $ vanity400 score --jsonl - < numbers.txt > scores.ndjson

Exit status: 0 when every input is a valid number, 2 when any is not (valid ones are still printed).`,
    )
    .action(async (numbers: string[], flags: ScoreFlags) => {
      const company: CompanyProfile = {};
      if (flags.founded !== undefined) company.founded = flags.founded;
      if (flags.registered !== undefined) company.registered = flags.registered;
      if (flags.door !== undefined) company.door = flags.door;
      if (flags.landline !== undefined) company.landline = flags.landline;
      const options = { profile: flags.profile, lang: flags.lang, ...(Object.keys(company).length ? { company } : {}) };
      // Options are checked once, before any number, so a bad --profile is a usage error, not one per input.
      explain('4000000000', options);

      // What has been read is scored and printed before more is read, and reading waits while the reader
      // is behind: memory stays the same for ten numbers or ten million read from standard input.
      const print = flags.jsonl ? jsonLine : flags.json ? jsonArrayPrinter() : tablePrinter(flags.lang, io);
      for await (const inputs of readInputs(numbers, io.stdin)) {
        const rows = inputs.map((input) => scored(input, options, flags.json === true || flags.jsonl === true));
        if (rows.some((row) => 'error' in row)) io.status = 2;
        io.out(print.rows(rows));
        await io.drain?.();
      }
      io.out(print.end());
    });
}

function scored(input: string, options: ScoreOptions & { lang: Language }, forMachines: boolean): Row {
  try {
    const { lang: _lang, ...rest } = explain(input, options);
    return { input, ...(forMachines ? withoutSentences(rest) : rest) };
  } catch (error) {
    if (!isVanity400Error(error)) throw error;
    return { input, error: { code: error.code, message: error.messageIn(options.lang) } };
  }
}

interface Printer {
  /** The text of rows that follow those printed before. */
  rows(rows: readonly Row[]): string;
  end(): string;
}

const jsonLine: Printer = { rows: (rows) => rows.map((row) => `${JSON.stringify(row)}\n`).join(''), end: () => '' };

/** The same text as JSON.stringify(rows, null, 2), written one element at a time. */
function jsonArrayPrinter(): Printer {
  let count = 0;
  return {
    rows: (rows) => rows.map((row) => `${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(row, null, 2).replace(/\n/g, '\n  ')}`).join(''),
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** The table's columns are fixed but its last, so the rows of each batch line up with those before. */
function tablePrinter(lang: Language, io: CliIo): Printer {
  let header = true;
  const layout = tableLayout(lang, io);
  const print = (lines: (NumberLine | ErrorLine)[]) => {
    const text = numberTable(lines, { ...layout, ...(header ? {} : { header: false as const }) });
    header = false;
    return text;
  };
  return {
    rows: (rows) =>
      print(rows.map((r) => ('error' in r
        ? { input: r.input, error: `${lang === 'zh' ? '错误' : 'error'} ${r.error.code}: ${r.error.message}` }
        : { display: r.display, score: r.score, tier: r.tier, rest: [...(r.reasons ?? []).slice(0, 4), ...(r.tips ?? [])].join(lang === 'zh' ? '；' : '; ') }))),
    end: () => (header ? print([]) : ''),
  };
}

function withoutSentences<T extends { summary?: string; reasons?: string[]; tips?: string[] }>(row: T): Omit<T, 'summary' | 'reasons' | 'tips'> {
  const { summary: _s, reasons: _r, tips: _t, ...rest } = row;
  return rest;
}
