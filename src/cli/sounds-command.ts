import type { Command } from 'commander';
import { searchSounds } from '../search/sounds.js';
import { tableLayout, type CliIo } from './index.js';
import { numberTable } from './table.js';
import { numberFlag, poolOptions, searchPools, type PoolFlags } from './pools.js';

interface SoundsFlags extends PoolFlags {
  meaning?: boolean;
  exclude?: string;
}

export function registerSounds(program: Command, io: CliIo): void {
  poolOptions(
    program
      .command('sounds')
      .description('numbers that sound like a phrase (Chinese or pinyin), or with --meaning, that carry a meaning')
      .argument('<phrase>', 'e.g. 一路发, yilufa, 我要发; with --meaning: 发财, prosper'),
  )
    .option('--meaning', 'look the phrase up by meaning in the lexicon instead of by sound')
    .option('--exclude <digits>', 'digits that must not appear after 400, e.g. 4')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 sounds 一路发 --segment 4006
  $ vanity400 sounds "yi lu you wo" --limit 5 --json
  $ vanity400 sounds 发财 --meaning --exclude 4`,
    )
    .action(async (phrase: string, flags: SoundsFlags) => {
      const query = {
        ...(flags.meaning ? { meaning: phrase } : { sounds: phrase }),
        ...(flags.exclude !== undefined ? { exclude: flags.exclude } : {}),
        ...(flags.limit !== undefined ? { limit: numberFlag('--limit', flags.limit) } : {}),
        ...(flags.segment ? { segments: flags.segment } : {}),
      };
      await searchSounds([], query); // checks the phrase and options before pools are built
      const page = await searchSounds(await searchPools(flags), query);
      if (flags.json) {
        io.out(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      const zh = flags.lang === 'zh';
      const lines = page.results.map((r) => {
        const s = r.soundsLike;
        const says = zh ? `${s.atEnd ? '尾号' : '含'} ${s.digits} ≈ “${s.phrase}”` : `${s.atEnd ? 'ends in' : 'has'} ${s.digits} ≈ ${s.phrase}${s.en ? ` (${s.en})` : ''}`;
        return { display: r.display, score: r.score, tier: r.tier, rest: says };
      });
      io.out(lines.length ? numberTable(lines, { ...tableLayout(flags.lang, io), header: zh ? '读音' : 'sounds like' }) : zh ? '没有找到读音相符的号码。\n' : 'No numbers sound like that.\n');
    });
}
