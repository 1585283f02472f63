import type { Command } from 'commander';
import { isVanity400Error } from '../errors/vanity400-error.js';
import { explain, type Language } from '../scoring/explain.js';
import type { CompanyProfile } from '../rules/company.js';
import type { Assessment } from '../scoring/types.js';
import { readInputs } from './read-inputs.js';
import type { CliIo } from './index.js';
import { numberRow } from './table.js';
import type { Palette } from './colour.js';

interface ScoreFlags {
  json?: boolean;
  profile: string;
  lang: Language;
  founded?: string;
  registered?: string;
  door?: string;
  landline?: string;
}

type Row = ({ input: string } & Assessment & { summary?: string; reasons?: string[] }) | { input: string; error: { code: string; message: string } };

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('score 400 numbers and say why (any written form; "-" reads one number per line from stdin)')
    .argument('<numbers...>', 'numbers such as 400-851-7517, 4008517517, ４００８５１７５１７, +86 400 851 7517, or -')
    .option('--json', 'print a JSON array, one element per input, in input order')
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

      const inputs: string[] = [];
      for await (const input of readInputs(numbers, io.stdin)) inputs.push(input);
      const rows: Row[] = inputs.map((input) => {
        try {
          const { lang: _lang, ...rest } = explain(input, options);
          return { input, ...(flags.json ? withoutSentences(rest) : rest) };
        } catch (error) {
          if (!isVanity400Error(error)) throw error;
          return { input, error: { code: error.code, message: error.messageIn(flags.lang) } };
        }
      });
      io.out(flags.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows, flags.lang, io.paint.out));
      if (rows.some((r) => 'error' in r)) io.status = 2;
    });
}

function withoutSentences<T extends { summary?: string; reasons?: string[] }>(row: T): Omit<T, 'summary' | 'reasons'> {
  const { summary: _s, reasons: _r, ...rest } = row;
  return rest;
}

function table(rows: Row[], lang: Language, paint: Palette): string {
  const lines = rows.map((r) => {
    if ('error' in r) return `${r.input.padEnd(14)}  ${paint.red(`${lang === 'zh' ? '错误' : 'error'} ${r.error.code}:`)} ${r.error.message}`;
    return numberRow(r.display, r.score, r.tier, lang, (r.reasons ?? []).slice(0, 4).join(lang === 'zh' ? '；' : '; '), paint);
  });
  const header = lang === 'zh' ? `${'号码'.padEnd(12)}   评分  等级　　　  理由` : `${'number'.padEnd(14)}  score  tier       reasons`;
  return `${header}\n${lines.join('\n')}\n`;
}
