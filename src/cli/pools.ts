import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { listSegments } from '../number/segments.js';
import { createPool } from '../pool/create-pool.js';
import type { Pool } from '../pool/pool.js';

/** Pools of the given segments (default: every confirmed one), scored with the profile. */
export function segmentPools(segments: readonly string[] | undefined, profile: string): Pool[] {
  const known = listSegments().filter((s) => s.confirmed).map((s) => s.segment);
  const wanted = segments?.length ? segments : known;
  for (const s of wanted) {
    if (!known.includes(s)) throw new Vanity400Error('UNKNOWN_SEGMENT', `--segment ${s}: expected one of ${known.join(', ')}`, { input: s });
  }
  return wanted.map((segment) => createPool({ segment, profile }));
}

/** commander collector for repeatable options that may also be comma-separated: --segment 4006 --segment 4008,4009 */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** Options every pool-searching command has: where to search, how many, how to score and say it. */
export function poolOptions(command: Command): Command {
  return command
    .option('--segment <segments>', 'segments to search, repeatable or comma-separated (default: all)', collect)
    .option('--limit <n>', 'results (default 20)')
    .option('--profile <name>', 'scoring profile: seed or traditional', 'seed')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--json', 'print {"results": [...], "next": cursor or null}');
}
