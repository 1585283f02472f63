import { MemoryOrderBook, MemoryStore, Pool, agentPool, createPool, defaultPackages, inventoryRules, listSegments, resolveProfile, storePool, type OrderStore, type PackageList, type Store } from 'vanity400';

/** What {@link createBotContext} puts in a context; every field is optional. */
export interface BotContextOptions {
  /**
   * The inventory that hold and release change, and that `agent` is read from. When it has agents, the
   * tools search only its available numbers (all agents', or `agent`'s). Default: an empty MemoryStore.
   */
  store?: Store;
  /** Search only this agent's available numbers (read from the store at each call, so holds and sales show at once). */
  agent?: string;
  /** Search these pools, e.g. loaded from snapshots, instead of building whole segments. */
  pools?: readonly Pool[];
  /** Scoring profile of the pools built here: 'seed' (default) or 'traditional'. */
  profile?: string;
  /** The packages quote offers (from parsePackages). Default data/packages.json. */
  packages?: PackageList;
  /** The orders order_status reads, beside `store` (openSqliteOrderStore, createRedisOrderStore). Default: a MemoryOrderBook on the default MemoryStore; none for a store given without its orders. */
  orders?: OrderStore;
}

/** What the tools run against: the pools to search and the inventory store. */
export interface BotContext {
  /** The inventory hold and release change. */
  readonly store: Store;
  /** The packages quote offers. */
  readonly packages: PackageList;
  /** The orders order_status reads, when there are any. */
  readonly orders: OrderStore | null;
  /**
   * The pools for a search: the agent's available numbers, the given pools, every agent's available
   * numbers when the store has agents, or else the whole segments asked for (default: every confirmed
   * one), each built on first use and then kept. Whatever a search finds in a store's numbers can be held.
   */
  pools(segments?: readonly string[]): Promise<Pool[]>;
}

/** The store methods the tools call. */
const STORE_METHODS = ['hold', 'release', 'list', 'agents'] as const;
/** The order store methods the tools call. */
const ORDER_METHODS = ['get', 'list', 'view'] as const;

/** A context for {@link callTool}; keep one for as long as the bot runs, so that pools are built once. */
export function createBotContext(options: BotContextOptions = {}): BotContext {
  inventoryRules.guardOptions(options, 'createBotContext(): options');
  inventoryRules.guardFields(options, 'createBotContext(): options', { store: 'object?', agent: 'string?', pools: 'array?', profile: 'string?', packages: 'object?', orders: 'object?' });
  const { agent, pools, profile = 'seed', packages = defaultPackages() } = options;
  const store = options.store ?? new MemoryStore();
  if (typeof store !== 'object' || store === null || !STORE_METHODS.every((m) => typeof (store as unknown as Record<string, unknown>)[m] === 'function')) {
    throw inventoryRules.wrongType('createBotContext(): store', { zh: '库存（Store）', en: 'a Store' }, store);
  }
  const orders = options.orders ?? (options.store === undefined ? new MemoryOrderBook({ inventory: store as MemoryStore }) : null);
  if (orders !== null && (typeof orders !== 'object' || !ORDER_METHODS.every((m) => typeof (orders as unknown as Record<string, unknown>)[m] === 'function'))) {
    throw inventoryRules.wrongType('createBotContext(): orders', { zh: '订单库（OrderStore）', en: 'an OrderStore' }, orders);
  }
  if (pools !== undefined && !(Array.isArray(pools) && pools.every((p) => p instanceof Pool))) throw inventoryRules.wrongType('createBotContext(): pools', { zh: '号码池数组', en: 'an array of pools' }, pools);
  resolveProfile(profile); // an unknown profile fails here, not at the first search
  const built = new Map<string, Pool>();
  const confirmed = listSegments()
    .filter((s) => s.confirmed)
    .map((s) => s.segment);
  return {
    store,
    packages,
    orders,
    async pools(segments) {
      if (agent !== undefined) return [await agentPool(store, agent, { profile })];
      if (pools) return pools.filter((p) => p.segment === null || !segments || segments.includes(p.segment));
      if ((await store.agents()).length > 0) return [await storePool(store, { profile })];
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
