import { MemoryStore, Pool, agentPool, createPool, defaultPackages, inventoryRules, listSegments, resolveProfile, type PackageList, type Store } from 'vanity400';

/** What {@link createBotContext} puts in a context; every field is optional. */
export interface BotContextOptions {
  /** The inventory that hold and release change, and that `agent` is read from. Default: an empty MemoryStore. */
  store?: Store;
  /** Search only this agent's available numbers (read from the store at each call, so holds and sales show at once). */
  agent?: string;
  /** Search these pools, e.g. loaded from snapshots, instead of building whole segments. */
  pools?: readonly Pool[];
  /** Scoring profile of the pools built here: 'seed' (default) or 'traditional'. */
  profile?: string;
  /** The packages quote offers (from parsePackages). Default data/packages.json. */
  packages?: PackageList;
}

/** What the tools run against: the pools to search and the inventory store. */
export interface BotContext {
  /** The inventory hold and release change. */
  readonly store: Store;
  /** The packages quote offers. */
  readonly packages: PackageList;
  /**
   * The pools for a search: the agent's available numbers, the given pools, or the whole segments asked
   * for (default: every confirmed one), each built on first use and then kept.
   */
  pools(segments?: readonly string[]): Promise<Pool[]>;
}

/** The store methods the tools call. */
const STORE_METHODS = ['hold', 'release', 'list'] as const;

/** A context for {@link callTool}; keep one for as long as the bot runs, so that pools are built once. */
export function createBotContext(options: BotContextOptions = {}): BotContext {
  if (typeof options !== 'object' || options === null) throw inventoryRules.wrongType('createBotContext(): options', { zh: '选项对象', en: 'an options object' }, options);
  const { store = new MemoryStore(), agent, pools, profile = 'seed', packages = defaultPackages() } = options;
  if (typeof store !== 'object' || store === null || !STORE_METHODS.every((m) => typeof (store as unknown as Record<string, unknown>)[m] === 'function')) {
    throw inventoryRules.wrongType('createBotContext(): store', { zh: '库存（Store）', en: 'a Store' }, store);
  }
  if (agent !== undefined && typeof agent !== 'string') throw inventoryRules.wrongType('createBotContext(): agent', { zh: '代理商编号', en: 'an agent id' }, agent);
  if (pools !== undefined && !(Array.isArray(pools) && pools.every((p) => p instanceof Pool))) throw inventoryRules.wrongType('createBotContext(): pools', { zh: '号码池数组', en: 'an array of pools' }, pools);
  resolveProfile(profile); // an unknown profile fails here, not at the first search
  const built = new Map<string, Pool>();
  const confirmed = listSegments()
    .filter((s) => s.confirmed)
    .map((s) => s.segment);
  return {
    store,
    packages,
    async pools(segments) {
      if (agent !== undefined) return [await agentPool(store, agent, { profile })];
      if (pools) return pools.filter((p) => p.segment === null || !segments || segments.includes(p.segment));
      return (segments ?? confirmed).map((segment) => {
        let pool = built.get(segment);
        if (!pool) {
          pool = createPool({ segment, profile });
          built.set(segment, pool);
        }
        return pool;
      });
    },
  };
}
