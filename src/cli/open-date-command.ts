import type { Command } from 'commander';
import { format } from '../number/format.js';
import { openingDate, type OpeningDate } from '../orders/opening-date.js';
import { tierById } from '../scoring/tiers.js';
import type { Language } from '../scoring/explain.js';
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
      io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${openingSentence(result, lang)}\n`);
    });
}

/** The answer in a sentence: "400-666-6688 超级靓号（特殊号码）：2026-09-30 付款，从 2026-10-08 起算 7 个工作日，预计 2026-10-15 开通。" */
export function openingSentence(d: OpeningDate, lang: Language): string {
  const tier = tierById(d.tier)!;
  const who = d.number ? `${format(d.number)} ` : '';
  if (lang === 'zh') {
    const note = d.note ? `（${d.note.zh}）` : '';
    return `${who}${tier.zh}${d.special ? '（特殊号码）' : ''}：北京时间 ${d.paidOn} 付款，从 ${d.countFrom} 起算 ${d.workingDays} 个工作日，预计 ${d.date} 开通${note}。`;
  }
  const note = d.note ? ` (${d.note.en})` : '';
  return `${who}${tier.en}${d.special ? ' (a special number)' : ''}: paid on ${d.paidOn} Beijing time, ${d.workingDays} working days counted from ${d.countFrom}, opens about ${d.date}${note}.`;
}
