import type { Command } from 'commander';
import { badFlag, oneOf } from './errors.js';
import { parse } from '../number/parse.js';
import { near } from '../search/near.js';
import { tableLayout, type CliIo } from './index.js';
import { nearHow, numberTable } from './table.js';
import { filterOptions, filtersOf, numberFlag, poolOptions, searchPools, segmentPool, type FilterFlags, type PoolFlags } from './pools.js';

interface NearFlags extends PoolFlags, FilterFlags {
  distance: string;
  swaps?: boolean;
}

export function registerNear(program: Command, io: CliIo): void {
  filterOptions(
    poolOptions(
      program
        .command('near')
        .description("numbers close to one that is taken: up to N digits different, best first (in the number's own segment unless --segment or --agent says otherwise)")
        .argument('<number>', 'the wanted number, any written form'),
    ),
  )
    .option('--distance <n>', 'digits that may differ: 1, 2 or 3', '1')
    .option('--swaps', 'also offer the number with two neighbouring digits swapped')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 near 400-888-8888
  $ vanity400 near 4006-517-517 --distance 2 --swaps --exclude 4 --min-score 60
  $ vanity400 near 400-888-8888 --segment 4006,4008 --tier top,super --json`,
    )
    .action(async (number: string, flags: NearFlags) => {
      const distance = Number(flags.distance);
      if (distance !== 1 && distance !== 2 && distance !== 3) throw badFlag('--distance', flags.distance, oneOf(['1', '2', '3']), 'BAD_QUERY');
      const options = {
        maxDistance: distance as 1 | 2 | 3,
        swaps: flags.swaps ?? false,
        ...(flags.limit !== undefined ? { limit: numberFlag('--limit', flags.limit) } : {}),
        ...filtersOf(flags),
      };
      near([], number, options); // checks the number and options before pools are built
      // Without --segment or --agent, only the number's own segment: one pool to build, not six.
      const own = flags.segment === undefined && flags.agent === undefined;
      const pools = own ? [segmentPool(parse(number, { allowUnconfirmed: true }).segment, flags.profile, { allowUnconfirmed: true })] : await searchPools(flags);
      const results = near(pools, number, options);
      if (flags.json) {
        io.out(`${JSON.stringify({ results, next: null }, null, 2)}\n`);
        return;
      }
      const zh = flags.lang === 'zh';
      if (!results.length) {
        io.out(zh ? '附近没有可选的号码。\n' : 'Nothing close is available.\n');
        return;
      }
      const lines = results.map((r) => ({ display: r.display, score: r.score, tier: r.tier, rest: nearHow(r, flags.lang) }));
      io.out(numberTable(lines, { ...tableLayout(flags.lang, io), header: zh ? '差别' : 'difference' }));
    });
}
