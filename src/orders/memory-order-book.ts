import { guardCallback, guardMethods, guardObject, guardOptions } from '../errors/guards.js';
import { isVanity400Error } from '../errors/vanity400-error.js';
import type { MemoryStore } from '../inventory/memory-store.js';
import type { NumberState } from '../inventory/types.js';
import { guardPackageList, type PackageList } from '../packages/packages.js';
import type { InventoryChange, NewOrder, Order, OrderStep, StepInputs } from './order.js';
import { createOrderStore, type CommitResult, type InsertResult, type LedgerFilter, type OrderFilter, type OrderLedger, type OrderStore, type OrderView } from './order-store.js';

/** Options of {@link MemoryOrderBook}. */
export interface MemoryOrderBookOptions {
  /** The inventory whose numbers the orders sell. */
  inventory: MemoryStore;
  /** The clock, epoch ms. Default Date.now; give the inventory's own so holds and orders agree. */
  now?: () => number;
  /** The packages orders choose from. Default data/packages.json. */
  packages?: PackageList;
}

/** The refusals of a release that leave nothing of the customer's to release: the hold lapsed or passed on. */
const NOTHING_TO_RELEASE = new Set(['NOT_HELD', 'NOT_HOLDER', 'NOT_RESERVED']);

/**
 * Orders in a Map beside a {@link MemoryStore}. Changes run one at a time; a commit sells the number
 * first and writes the order only once the sale went through (the MemoryStore checks and changes a
 * number in one synchronous step), and the write cannot fail after it, so both happen or neither.
 */
class MemoryOrderLedger implements OrderLedger {
  readonly #orders = new Map<string, Order>();
  #seq = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly inventory: MemoryStore,
    readonly clock: () => number,
  ) {}

  async now(): Promise<number> {
    return this.clock();
  }

  insertOrder(draft: Order): Promise<InsertResult> {
    return this.#serial(async () => {
      const state = await this.inventory.who(draft.number);
      if (state?.status !== 'held' || state.customer !== draft.customer) return { ok: false, refused: 'NOT_HELD' };
      const open = [...this.#orders.values()].find((o) => o.number === draft.number && o.status !== 'cancelled');
      if (open) return { ok: false, refused: 'DUPLICATE_ORDER', openId: open.id };
      const order: Order = { ...structuredClone(draft), id: `order-${++this.#seq}`, agent: state.agent };
      this.#orders.set(order.id, order);
      return { ok: true, order: structuredClone(order) };
    });
  }

  async readOrder(id: string): Promise<Order | null> {
    const order = this.#orders.get(id);
    return order === undefined ? null : structuredClone(order);
  }

  async listOrders(filter: LedgerFilter): Promise<Order[]> {
    return [...this.#orders.values()]
      .filter((o) => (filter.customer === undefined || o.customer === filter.customer) && (filter.agent === undefined || o.agent === filter.agent))
      .filter((o) => (filter.status === undefined || o.status === filter.status) && (filter.number === undefined || o.number === filter.number))
      .map((o) => structuredClone(o));
  }

  commitOrder(next: Order, change: InventoryChange | null): Promise<CommitResult> {
    return this.#serial(async () => {
      if (this.#orders.get(next.id)?.version !== next.version - 1) return 'stale';
      if (change?.op === 'sell') {
        try {
          await this.inventory.sell(change.number, change.customer);
        } catch (error) {
          if (!isVanity400Error(error) || !['NOT_HOLDER', 'NOT_AVAILABLE', 'NOT_RESERVED'].includes(error.code)) throw error;
          return { refusedBy: await this.inventory.who(change.number) };
        }
      }
      if (change?.op === 'release') {
        try {
          await this.inventory.release(change.number, change.customer);
        } catch (error) {
          if (!isVanity400Error(error) || !NOTHING_TO_RELEASE.has(error.code)) throw error;
        }
      }
      this.#orders.set(next.id, structuredClone(next));
      return 'ok';
    });
  }

  who(number: string): Promise<NumberState | null> {
    return this.inventory.who(number);
  }

  async close(): Promise<void> {}

  /** Runs changes one after another, so that each reads what the one before wrote. */
  #serial<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(change);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * The {@link OrderStore} in memory, over a {@link MemoryStore}: for tests, demos and browsers. Orders
 * last as long as the object.
 */
export class MemoryOrderBook implements OrderStore {
  readonly #store: OrderStore;

  constructor(options: MemoryOrderBookOptions) {
    guardObject(options, 'MemoryOrderBook(): options', '选项对象（含 inventory）', 'an options object with inventory');
    guardMethods(options.inventory, 'MemoryOrderBook(): options.inventory', '库存（MemoryStore）', 'an inventory (a MemoryStore)', ['who', 'sell', 'release']);
    guardCallback(options.now, 'MemoryOrderBook(): options.now');
    if (options.packages !== undefined) guardPackageList(options.packages, 'MemoryOrderBook(): options.packages');
    this.#store = createOrderStore(new MemoryOrderLedger(options.inventory, options.now ?? Date.now), options.packages ? { packages: options.packages } : {});
  }

  create(order: NewOrder): Promise<Order> {
    return this.#store.create(order);
  }

  get(id: string): Promise<Order | null> {
    return this.#store.get(id);
  }

  view(id: string): Promise<OrderView | null> {
    return this.#store.view(id);
  }

  async list(filter?: OrderFilter): Promise<Order[]> {
    guardOptions(filter, 'MemoryOrderBook.list(): filter');
    return this.#store.list(filter);
  }

  advance<S extends OrderStep>(id: string, step: S, inputs: StepInputs[S]): Promise<Order> {
    return this.#store.advance(id, step, inputs);
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}
