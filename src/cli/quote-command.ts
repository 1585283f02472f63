import type { Command } from 'commander';
import { format } from '../number/format.js';
import { quote, type Quote } from '../packages/quote.js';
import { tierById } from '../scoring/tiers.js';
import type { Language } from '../scoring/explain.js';
import type { CliIo } from './index.js';
import { countFlag, langFlag, numberOrTier, packagesFlag } from './sale-flags.js';
import { numberFlag } from './pools.js';

interface QuoteFlags {
  minutes: string;
  years?: string;
  packages?: string;
  lang: string;
  json?: boolean;
}

export function registerQuote(program: Command, io: CliIo): void {
  program
    .command('quote')
    .description("rank the packages by what the customer really pays a year for its traffic, with the number's minimum spend")
    .argument('<number-or-tier>', 'a 400 number in any written form, or a tier: ordinary, select, premium, top, super')
    .requiredOption('--minutes <n>', 'minutes of answered calls the customer expects each month')
    .option('--years <n>', 'only packages of this term, in years')
    .option('--packages <file>', "the agent's own packages file (the format of data/packages.json)")
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--json', 'print the quote as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 quote 400-666-6688 --minutes 2000
  $ vanity400 quote ordinary --minutes 300 --years 1 --json
  $ vanity400 quote 4006123007 --minutes 800 --packages our-packages.json --lang en`,
    )
    .action(async (what: string, flags: QuoteFlags) => {
      const lang = langFlag(flags.lang);
      const request = { ...numberOrTier(what), minutesPerMonth: numberFlag('--minutes', flags.minutes), ...(flags.years === undefined ? {} : { years: countFlag('--years', flags.years, 1, 10) }) };
      const result = quote(request, await packagesFlag(flags.packages));
      io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : quoteTable(result, lang));
    });
}

function money(x: number): string {
  return x.toFixed(2).padStart(10);
}

function quoteTable(q: Quote, lang: Language): string {
  const zh = lang === 'zh';
  const tier = tierById(q.tier)!;
  const who = q.number ? `${format(q.number)} ` : '';
  const head = zh
    ? `${who}${tier.zh}${q.special ? '（特殊号码）' : ''}，每月 ${q.minutesPerMonth} 分钟，最低消费 ${q.minimumSpend.perYear} 元/年（${q.minimumSpend.basis.zh}）`
    : `${who}${tier.en}${q.special ? ' (a special number)' : ''}, ${q.minutesPerMonth} minutes a month, minimum spend ${q.minimumSpend.perYear} 元 a year (${q.minimumSpend.basis.en})`;
  const lines = [head];
  if (q.packages.length === 0) lines.push(zh ? '没有能选的套餐。' : 'No package fits.');
  else {
    lines.push(zh ? '排名  套餐                    每年实付    每年预存  预存可打(分钟/月)  实际每分钟' : 'rank  package                 per year     prepaid  covers (min/month)  per minute');
    for (const p of q.packages) {
      const name = zh ? p.package.zh : p.package.en;
      const width = zh ? 22 - [...name].filter((c) => c.charCodeAt(0) > 0x2e80).length : 22;
      const rate = p.effectiveRate === null ? '—' : p.effectiveRate.toFixed(4);
      lines.push(`${String(p.rank).padEnd(4)}  ${name.padEnd(Math.max(width, name.length))}  ${money(p.perYear)}  ${money(p.prepayPerYear)}  ${String(p.coveredMinutesPerMonth).padStart(17)}  ${rate.padStart(10)}`);
      if (p.warning) lines.push(`      ⚠ ${zh ? p.warning.zh : p.warning.en}`);
    }
  }
  if (q.ineligible.length) {
    lines.push(zh ? '不能选的套餐：' : 'Packages this number cannot take:');
    for (const p of q.ineligible) lines.push(`  ${zh ? `${p.package.zh}：${p.reason.zh}` : `${p.package.en}: ${p.reason.en}`}`);
  }
  lines.push(zh ? q.caller.zh : q.caller.en);
  return `${lines.join('\n')}\n`;
}
