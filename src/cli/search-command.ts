import type { Command } from 'commander';
import { search } from '../search/search.js';
import type { SearchQuery, SortOrder } from '../search/query.js';
import { tableLayout, type CliIo } from './index.js';
import { numberTable, topReasons } from './table.js';
import { filterOptions, filtersOf, numberFlag, poolOptions, searchPools, type FilterFlags, type PoolFlags } from './pools.js';

interface SearchFlags extends PoolFlags, FilterFlags {
  sort?: string;
  cursor?: string;
}

export function registerSearch(program: Command, io: CliIo): void {
  filterOptions(
    poolOptions(
      program
        .command('search')
        .description('find numbers by pattern and filters, best first (whole segments)')
        .argument('[pattern]', 'pattern: 8888$, AABB$, %520%, 400-6**-8888, 4008[^4][^4]ABAB … (see docs/search.md)'),
    ),
  )
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
        ...filtersOf(flags),
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
      if (!page.results.length) {
        io.out(zh ? '没有找到符合条件的号码。\n' : 'No numbers match.\n');
        return;
      }
      const reasons = { lang: flags.lang, profile: flags.profile };
      const lines = page.results.map((r) => ({ display: r.display, score: r.score, tier: r.tier, rest: topReasons(r.number, reasons) }));
      io.out(numberTable(lines, tableLayout(flags.lang, io)));
      if (page.next) io.out(zh ? `下一页：--cursor ${page.next}\n` : `next page: --cursor ${page.next}\n`);
    });
}
