import { MemoryStore, agentPool, createPool, defaultPackages, listSegments, resolveProfile, type PackageList, type Pool, type Store } from 'vanity400';

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

/** A context for {@link callTool}; keep one for as long as the bot runs, so that pools are built once. */
export function createBotContext(options: BotContextOptions = {}): BotContext {
  const { store = new MemoryStore(), agent, pools, profile = 'seed', packages = defaultPackages() } = options;
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
