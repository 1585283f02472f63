import type { Command } from 'commander';
import { suggestPage, type SuggestProfile } from '../suggest/suggest.js';
import { tableLayout, type CliIo } from './index.js';
import { numberTable } from './table.js';
import { collect, numberFlag, poolOptions, searchPools, type PoolFlags } from './pools.js';

interface SuggestFlags extends PoolFlags {
  name?: string;
  slogan?: string;
  keyword?: string[];
  founded?: string;
  registered?: string;
  door?: string;
  landline?: string;
  avoid?: string;
}

export function registerSuggest(program: Command, io: CliIo): void {
  poolOptions(program.command('suggest').description("numbers for a company, from its own facts: name and slogan by sound, years, dates, door number, landline"))
    .option('--name <name>', 'company name, e.g. 一路发物流')
    .option('--slogan <slogan>', 'slogan')
    .option('--keyword <words>', 'keywords, repeatable or comma-separated, e.g. 发财', collect)
    .option('--founded <year>', 'founding year, e.g. 1987')
    .option('--registered <date>', 'registration date, e.g. 2015-03-18')
    .option('--door <number>', 'door number, e.g. 88')
    .option('--landline <number>', 'landline, e.g. 010-87654321')
    .option('--avoid <digits>', 'digits the customer does not want, e.g. 4')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 suggest --name 一路有我家政 --founded 2008 --avoid 4
  $ vanity400 suggest --name 顺发物流 --door 518 --landline 020-83951688 --segment 4006 --json`,
    )
    .action(async (flags: SuggestFlags) => {
      const profile: SuggestProfile = {
        ...(flags.name !== undefined ? { name: flags.name } : {}),
        ...(flags.slogan !== undefined ? { slogan: flags.slogan } : {}),
        ...(flags.keyword ? { keywords: flags.keyword } : {}),
        ...(flags.founded !== undefined ? { founded: flags.founded } : {}),
        ...(flags.registered !== undefined ? { registered: flags.registered } : {}),
        ...(flags.door !== undefined ? { door: flags.door } : {}),
        ...(flags.landline !== undefined ? { landline: flags.landline } : {}),
        ...(flags.avoid !== undefined ? { avoid: flags.avoid } : {}),
      };
      const options = { lang: flags.lang, ...(flags.limit !== undefined ? { limit: numberFlag('--limit', flags.limit) } : {}), ...(flags.segment ? { segments: flags.segment } : {}) };
      await suggestPage(profile, { ...options, pools: [] }); // checks the facts before pools are built
      const { results, notes } = await suggestPage(profile, { ...options, pools: await searchPools(flags) });
      if (flags.json) {
        io.out(`${JSON.stringify({ results, next: null, notes }, null, 2)}\n`);
        return;
      }
      const zh = flags.lang === 'zh';
      const told = notes.map((n) => `${zh ? n.zh : n.en}${zh ? '。' : '.'}\n`).join('');
      const lines = results.map((r) => ({ display: r.display, score: r.score, tier: r.tier, rest: r.reasons.join(zh ? '；' : '; ') }));
      io.out(told + (lines.length ? numberTable(lines, tableLayout(flags.lang, io)) : zh ? '没有找到合适的号码。\n' : 'No numbers fit.\n'));
    });
}
