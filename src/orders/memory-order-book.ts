import { guardCallback, guardMethods, guardObject, guardOptions, quoted } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import type { MemoryStore } from '../inventory/memory-store.js';
import { format } from '../number/format.js';
import { parse } from '../number/parse.js';
import { guardPackageList, type PackageList } from '../packages/packages.js';
import { advanceOrder, createOrder, inventoryChange, numberWarnings, type NewOrder, type Order, type OrderStep, type StepInputs } from './order.js';
import type { OrderFilter, OrderStore, OrderView } from './order-store.js';

/** Options of {@link MemoryOrderBook}. */
export interface MemoryOrderBookOptions {
  /** The inventory whose numbers the orders sell. */
  inventory: MemoryStore;
  /** The clock, epoch ms. Default Date.now; give the inventory's own so holds and orders agree. */
  now?: () => number;
  /** The packages orders choose from. Default data/packages.json. */
  packages?: PackageList;
}

function unknownOrder(id: unknown): Vanity400Error {
  const shown = quoted(id);
  return new Vanity400Error('UNKNOWN_ORDER', { zh: `没有订单 ${shown}`, en: `no order ${shown}` }, { input: id, field: 'id' });
}

/**
 * The {@link OrderStore} in memory, over a {@link MemoryStore}: for tests, demos and `--store memory`.
 * Changes run one at a time; a paid step sells the number first and writes the order only once the sale
 * went through, and the order's write cannot fail after it, so the two happen together or not at all.
 */
export class MemoryOrderBook implements OrderStore {
  readonly #inventory: MemoryStore;
  readonly #now: () => number;
  readonly #packages: PackageList | undefined;
  readonly #orders = new Map<string, Order>();
  #seq = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: MemoryOrderBookOptions) {
    guardObject(options, 'MemoryOrderBook(): options', '选项对象（含 inventory）', 'an options object with inventory');
    guardMethods(options.inventory, 'MemoryOrderBook(): options.inventory', '库存（MemoryStore）', 'an inventory (a MemoryStore)', ['who', 'sell', 'release']);
    guardCallback(options.now, 'MemoryOrderBook(): options.now');
    if (options.packages !== undefined) guardPackageList(options.packages, 'MemoryOrderBook(): options.packages');
    this.#inventory = options.inventory;
    this.#now = options.now ?? Date.now;
    this.#packages = options.packages;
  }

  create(input: NewOrder): Promise<Order> {
    return this.#serial(async () => {
      const now = this.#now();
      const draft = createOrder(input, { id: `order-${this.#seq + 1}`, now, ...(this.#packages ? { packages: this.#packages } : {}) });
      const state = await this.#inventory.who(draft.number);
      if (state?.status !== 'held' || state.customer !== draft.customer) {
        throw new Vanity400Error(
          'NOT_HELD',
          {
            zh: `${format(draft.number)} 没有为${draft.customer}保留，先保留号码再下单`,
            en: `${format(draft.number)} is not held for ${draft.customer}: hold the number before making the order`,
          },
          { input: input.number, field: 'number' },
        );
      }
      const open = [...this.#orders.values()].find((o) => o.number === draft.number && o.status !== 'cancelled');
      if (open) {
        throw new Vanity400Error(
          'DUPLICATE_ORDER',
          { zh: `${format(draft.number)} 已有订单 ${open.id}`, en: `${format(draft.number)} already has order ${open.id}` },
          { input: input.number, field: 'number' },
        );
      }
      const order: Order = { ...draft, agent: state.agent };
      this.#seq++;
      this.#orders.set(order.id, order);
      return structuredClone(order);
    });
  }

  async get(id: string): Promise<Order | null> {
    this.#open();
    const order = this.#orders.get(id);
    return order === undefined ? null : structuredClone(order);
  }

  async view(id: string): Promise<OrderView | null> {
    const order = await this.get(id);
    if (order === null) return null;
    const numberState = await this.#inventory.who(order.number);
    return { order, numberState, warnings: numberWarnings(order, numberState, this.#now()) };
  }

  async list(filter: OrderFilter = {}): Promise<Order[]> {
    guardOptions(filter, 'MemoryOrderBook.list(): filter');
    this.#open();
    const number = filter.number === undefined ? undefined : parse(filter.number).digits;
    return [...this.#orders.values()]
      .filter((o) => (filter.customer === undefined || o.customer === filter.customer) && (filter.agent === undefined || o.agent === filter.agent))
      .filter((o) => (filter.status === undefined || o.status === filter.status) && (number === undefined || o.number === number))
      .sort((a, b) => Number(a.id.slice(6)) - Number(b.id.slice(6)))
      .map((o) => structuredClone(o));
  }

  advance<S extends OrderStep>(id: string, step: S, inputs: StepInputs[S]): Promise<Order> {
    return this.#serial(async () => {
      const order = this.#orders.get(id);
      if (order === undefined) throw unknownOrder(id);
      const next = advanceOrder(order, step, inputs, this.#now());
      const change = inventoryChange(order, step);
      if (change?.op === 'sell') await this.#inventory.sell(change.number, change.customer);
      if (change?.op === 'release') {
        // The hold may have lapsed or passed to someone else: then there is nothing of this customer's to release.
        const state = await this.#inventory.who(change.number);
        if (state?.status === 'held' && state.customer === change.customer) await this.#inventory.release(change.number, change.customer);
      }
      this.#orders.set(id, next);
      return structuredClone(next);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #open(): void {
    if (this.#closed) throw new Vanity400Error('STORE_CLOSED', { zh: '订单库已关闭', en: 'The order store is closed.' });
  }

  /** Runs changes one after another, so that each reads what the one before wrote. */
  #serial<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => {
      this.#open();
      return change();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
