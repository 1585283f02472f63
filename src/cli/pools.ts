import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { badFlag, EXPECTED } from './errors.js';
import { agentPool } from '../inventory/agent-pool.js';
import type { Store } from '../inventory/store.js';
import type { Language } from '../scoring/explain.js';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LocalText } from '../errors/vanity400-error.js';
import type { OrderStore, OrderStoreOptions } from '../orders/order-store.js';
import { openSqliteOrderStore, openSqliteStore, type SqliteStore } from '../sqlite/index.js';
import { listSegments } from '../number/segments.js';
import type { Pool } from '../pool/pool.js';
import type { RuleFamily } from '../rules/families.js';
import type { TierId } from '../scoring/tiers.js';
import type { SearchFilters } from '../search/query.js';
import { readSettings, userFolders } from './config.js';
import { cachedSegmentPool } from './pool-cache.js';

/** Where pools are cached: the cache setting, else the user's cache folder; false for none. */
export function poolCacheFolder(): string | false {
  return readSettings().cache ?? userFolders().cache;
}

/** A whole segment's pool scored with the profile, from the user's cache when it has one. */
export function segmentPool(segment: string, profile: string, options: { allowUnconfirmed?: boolean } = {}): Pool {
  return cachedSegmentPool(segment, profile, poolCacheFolder(), options);
}

/** Pools of the given segments (default: every confirmed one), scored with the profile. */
export function segmentPools(segments: readonly string[] | undefined, profile: string): Pool[] {
  const known = listSegments().filter((s) => s.confirmed).map((s) => s.segment);
  const wanted = segments?.length ? segments : known;
  for (const s of wanted) {
    if (!known.includes(s)) throw badFlag('--segment', s, EXPECTED.segment(known), 'UNKNOWN_SEGMENT');
  }
  return wanted.map((segment) => segmentPool(segment, profile));
}

/** A numeric flag's value; anything else is a usage error naming the flag. */
export function numberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw badFlag(flag, text, EXPECTED.number);
  }
  return value;
}

/** commander collector for repeatable options that may also be comma-separated: --segment 4006 --segment 4008,4009 */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/**
 * Where the inventory is unless --store or the store setting (VANITY400_STORE or the configuration
 * file) says: inventory.db in the user's data folder as the platform has it (env-paths:
 * $XDG_DATA_HOME/vanity400 or ~/.local/share/vanity400 on Linux, ~/Library/Application Support/vanity400
 * on macOS, %LOCALAPPDATA%\vanity400\Data on Windows).
 */
export function defaultStore(): string {
  return join(userFolders().data, 'inventory.db');
}

const JOURNAL_START = '{"journal":"vanity400-inventory"';

/** Whether the file is an inventory journal of an earlier version (false when it cannot be read). */
function isJournal(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(JOURNAL_START.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('utf8') === JOURNAL_START;
  } finally {
    closeSync(fd);
  }
}

/** Prints a store's warning (Redis without persistence) on stderr, once per store opened. */
function warnOnStderr(warning: LocalText, lang: Language): void {
  process.stderr.write(lang === 'zh' ? `vanity400：注意：${warning.zh}\n` : `vanity400: warning: ${warning.en}\n`);
}

/**
 * The inventory store a command names: redis://… for a Redis store, else a SQLite file. Only commands
 * that bring data in (`create`: import, migrate) make a new file; the others find none with NO_STORE.
 */
export async function openStore(location: string, options: { create?: boolean; lang?: Language } = {}): Promise<Store> {
  if (/^rediss?:\/\//.test(location)) {
    const { createRedisStore } = await import('../redis/index.js');
    return createRedisStore(location, { onWarning: (warning) => warnOnStderr(warning, options.lang ?? 'zh') });
  }
  if (isJournal(location)) {
    throw new Vanity400Error(
      'BAD_STORE',
      {
        zh: `${location} 是旧版本的库存日志文件：请先迁移到 SQLite 库存（vanity400 inventory migrate ${location}）。`,
        en: `${location} is an inventory journal of an earlier version: move it into a SQLite store first (vanity400 inventory migrate ${location}).`,
      },
      { input: location },
    );
  }
  if (options.create) mkdirSync(dirname(location), { recursive: true });
  return openSqliteStore(location, { create: options.create ?? false });
}

/** The order store beside the inventory `store` opened from `location`: in the same SQLite file, or the same Redis. */
export async function openOrderStore(location: string, store: Store, options: OrderStoreOptions = {}): Promise<OrderStore> {
  if (/^rediss?:\/\//.test(location)) {
    const { createRedisOrderStore } = await import('../redis/index.js');
    return createRedisOrderStore(store, options);
  }
  return openSqliteOrderStore(store as SqliteStore, options);
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
    .option('--store <location>', 'inventory: a SQLite file (*.db) or redis://host:port (default: $VANITY400_STORE or the data folder)', defaultStore())
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
