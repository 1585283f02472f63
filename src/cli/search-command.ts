import type { Command } from 'commander';
import { search } from '../search/search.js';
import type { SearchQuery, SortOrder } from '../search/query.js';
import type { TierId } from '../scoring/tiers.js';
import type { RuleFamily } from '../rules/families.js';
import type { CliIo } from './index.js';
import { numberRow, topReasons } from './table.js';
import { collect, numberFlag, poolOptions, searchPools, type PoolFlags } from './pools.js';

interface SearchFlags extends PoolFlags {
  exclude?: string;
  include?: string;
  tailContains?: string;
  minScore?: string;
  tier?: string[];
  rule?: string[];
  sort?: string;
  cursor?: string;
}

export function registerSearch(program: Command, io: CliIo): void {
  poolOptions(
    program
      .command('search')
      .description('find numbers by pattern and filters, best first (whole segments)')
      .argument('[pattern]', 'pattern: 8888$, AABB$, %520%, 400-6**-8888, 4008[^4][^4]ABAB … (see docs/search.md)'),
  )
    .option('--exclude <digits>', 'digits that must not appear after 400, e.g. 4')
    .option('--include <digits>', 'digits that must all appear after 400, e.g. 8')
    .option('--tail-contains <digits>', 'the last four digits must contain these, e.g. 88')
    .option('--min-score <n>', 'lowest score, 0-100')
    .option('--tier <tiers>', 'ordinary, select, premium, top, super (repeatable)', collect)
    .option('--rule <families>', 'rule families every result must have, e.g. multiplication (repeatable)', collect)
    .option('--sort <order>', 'score (default), number or value')
    .option('--cursor <c>', 'the "next" of the previous page')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 search '8888$' --segment 4006
  $ vanity400 search 'AABB$' --exclude 4 --sort value --limit 10
  $ vanity400 search '%520%' --min-score 60 --json
  $ vanity400 search --rule multiplication --tier premium,top --segment 4008`,
    )
    .action(async (pattern: string | undefined, flags: SearchFlags) => {
      const query: SearchQuery = {
        ...(pattern ? { pattern } : {}),
        ...(flags.segment ? { segments: flags.segment } : {}),
        ...(flags.exclude !== undefined ? { exclude: flags.exclude } : {}),
        ...(flags.include !== undefined ? { include: flags.include } : {}),
        ...(flags.tailContains !== undefined ? { tailContains: flags.tailContains } : {}),
        ...(flags.minScore !== undefined ? { minScore: numberFlag('--min-score', flags.minScore) } : {}),
        ...(flags.tier ? { tiers: flags.tier as TierId[] } : {}),
        ...(flags.rule ? { rules: flags.rule as RuleFamily[] } : {}),
        ...(flags.sort !== undefined ? { sort: flags.sort as SortOrder } : {}),
        ...(flags.limit !== undefined ? { limit: numberFlag('--limit', flags.limit) } : {}),
        ...(flags.cursor !== undefined ? { cursor: flags.cursor } : {}),
      };
      // The query is checked before any pool is built.
      search([], query);
      const page = search(await searchPools(flags), query);
      if (flags.json) {
        io.out(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      const zh = flags.lang === 'zh';
      const lines = page.results.map((r) => {
        return numberRow(r.display, r.score, r.tier, flags.lang, topReasons(r.findings, flags.lang), io.paint.out);
      });
      if (!lines.length) lines.push(zh ? '没有找到符合条件的号码。' : 'No numbers match.');
      if (page.next) lines.push(zh ? `下一页：--cursor ${page.next}` : `next page: --cursor ${page.next}`);
      io.out(`${lines.join('\n')}\n`);
    });
}
