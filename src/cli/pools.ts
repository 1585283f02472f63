import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { agentPool } from '../inventory/agent-pool.js';
import type { Store } from '../inventory/store.js';
import type { Language } from '../scoring/explain.js';
import { openJournalStore } from '../node/inventory/journal-store.js';
import { listSegments } from '../number/segments.js';
import { createPool } from '../pool/create-pool.js';
import type { Pool } from '../pool/pool.js';
import type { RuleFamily } from '../rules/families.js';
import type { TierId } from '../scoring/tiers.js';
import type { SearchFilters } from '../search/query.js';

/** Pools of the given segments (default: every confirmed one), scored with the profile. */
export function segmentPools(segments: readonly string[] | undefined, profile: string): Pool[] {
  const known = listSegments().filter((s) => s.confirmed).map((s) => s.segment);
  const wanted = segments?.length ? segments : known;
  for (const s of wanted) {
    if (!known.includes(s)) throw new Vanity400Error('UNKNOWN_SEGMENT', `--segment ${s}: expected one of ${known.join(', ')}`, { input: s });
  }
  return wanted.map((segment) => createPool({ segment, profile }));
}

/** A numeric flag's value; anything else is a usage error naming the flag. */
export function numberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new Vanity400Error('BAD_ARGUMENT', `${flag} ${JSON.stringify(text)}: expected a number`, { input: text });
  }
  return value;
}

/** commander collector for repeatable options that may also be comma-separated: --segment 4006 --segment 4008,4009 */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** The inventory store a command names: a journal file, or redis://… for a Redis store. */
export async function openStore(location: string): Promise<Store> {
  if (/^rediss?:\/\//.test(location)) {
    const { createRedisStore } = await import('../redis/index.js');
    return createRedisStore(location);
  }
  return openJournalStore(location);
}

/** The pools a search runs on: one agent's available numbers (--agent, from --store), or whole segments. */
export async function searchPools(flags: PoolFlags): Promise<Pool[]> {
  if (flags.agent === undefined) return segmentPools(flags.segment, flags.profile);
  const store = await openStore(flags.store);
  try {
    return [await agentPool(store, flags.agent, { profile: flags.profile })];
  } finally {
    await store.close();
  }
}

export const DEFAULT_STORE = 'vanity400-inventory.jsonl';

/** The flags poolOptions adds. */
export interface PoolFlags {
  segment?: string[];
  agent?: string;
  store: string;
  limit?: string;
  profile: string;
  lang: Language;
  json?: boolean;
}

/** Options every pool-searching command has: where to search, how many, how to score and say it. */
export function poolOptions(command: Command): Command {
  return command
    .option('--segment <segments>', 'segments to search, repeatable or comma-separated (default: all)', collect)
    .option('--agent <id>', "search only this agent's available numbers (from --store)")
    .option('--store <location>', 'inventory: a journal file or redis://host:port', DEFAULT_STORE)
    .option('--limit <n>', 'results (default 20)')
    .option('--profile <name>', 'scoring profile: seed or traditional', 'seed')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--json', 'print {"results": [...], "next": cursor or null}');
}

/** The flags filterOptions adds. */
export interface FilterFlags {
  exclude?: string;
  include?: string;
  tailContains?: string;
  minScore?: string;
  tier?: string[];
  rule?: string[];
}

/** The filters search and near share, as flags. */
export function filterOptions(command: Command): Command {
  return command
    .option('--exclude <digits>', 'digits that must not appear after 400, e.g. 4')
    .option('--include <digits>', 'digits that must all appear after 400, e.g. 8')
    .option('--tail-contains <digits>', 'the last four digits must contain these, e.g. 88')
    .option('--min-score <n>', 'lowest score, 0-100')
    .option('--tier <tiers>', 'ordinary, select, premium, top, super (repeatable)', collect)
    .option('--rule <families>', 'rule families every result must have, e.g. multiplication (repeatable)', collect);
}

/** The filters the flags ask for (segments apart: they also choose the pools). */
export function filtersOf(flags: FilterFlags): SearchFilters {
  return {
    ...(flags.exclude !== undefined ? { exclude: flags.exclude } : {}),
    ...(flags.include !== undefined ? { include: flags.include } : {}),
    ...(flags.tailContains !== undefined ? { tailContains: flags.tailContains } : {}),
    ...(flags.minScore !== undefined ? { minScore: numberFlag('--min-score', flags.minScore) } : {}),
    ...(flags.tier ? { tiers: flags.tier as TierId[] } : {}),
    ...(flags.rule ? { rules: flags.rule as RuleFamily[] } : {}),
  };
}
