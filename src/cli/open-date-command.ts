import type { Command } from 'commander';
import { describeOpeningDate, openingDate } from '../orders/opening-date.js';
import type { CliIo } from './index.js';
import { langFlag } from './sale-flags.js';

interface OpenDateFlags {
  paidAt?: string;
  lang: string;
  json?: boolean;
}

export function registerOpenDate(program: Command, io: CliIo): void {
  program
    .command('open-date')
    .description('the day a number opens after its prepayment: 3 working days, 7 for special numbers, Beijing time')
    .argument('<number-or-tier>', 'a 400 number in any written form, or a tier: ordinary, select, premium, top, super')
    .option('--paid-at <time>', 'when the prepayment arrived: YYYY-MM-DD (a Beijing day) or a time with its offset, e.g. 2026-12-07T17:30+08:00 (default: now)')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--json', 'print the answer as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 open-date 400-666-6688 --paid-at 2026-09-30
  $ vanity400 open-date ordinary --paid-at 2026-12-07T17:30+08:00 --json

The day of payment never counts, whatever the hour: counting starts on the next working day.`,
    )
    .action((what: string, flags: OpenDateFlags) => {
      const lang = langFlag(flags.lang);
      const result = openingDate(what, flags.paidAt ?? Date.now());
      io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${describeOpeningDate(result, lang)}\n`);
    });
}
