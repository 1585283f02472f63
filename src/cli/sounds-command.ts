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
      const lines = page.results.map((r) => ({ display: r.display, score: r.score, tier: r.tier, rest: zh ? r.soundsLike.says.zh : r.soundsLike.says.en }));
      const told = page.notes.map((n) => `${zh ? n.zh : n.en}\n`).join('');
      const none = zh ? '没有找到相符的号码。\n' : 'No numbers fit.\n';
      io.out(lines.length ? told + numberTable(lines, { ...tableLayout(flags.lang, io), header: zh ? (flags.meaning ? '寓意' : '读音') : flags.meaning ? 'meaning' : 'sounds like' }) : told || none);
    });
}
