import { guardMethods, guardOptions, quoted, guardFields, guardString } from '../errors/guards.js';
import { Vanity400Error, type LocalText } from '../errors/vanity400-error.js';
import { sellRefusal, notReserved } from '../inventory/rules.js';
import type { NumberState } from '../inventory/types.js';
import { format } from '../number/format.js';
import { parse } from '../number/parse.js';
import { guardPackageList, type PackageList } from '../packages/packages.js';
import { advanceOrder, createOrder, inventoryChange, numberWarnings, ORDER_PATH, type InventoryChange, type NewOrder, type Order, type OrderStatus, type OrderStep, type StepInputs } from './order.js';

/** Which orders {@link OrderStore.list} returns; every field narrows. */
export interface OrderFilter {
  /** Only this customer's. */
  customer?: string;
  /** Only this agent's. */
  agent?: string;
  /** Only orders in this status. */
  status?: OrderStatus;
  /** Only orders of this number (any written form). */
  number?: string;
}

/** An order with what its number's inventory state says about it. */
export interface OrderView {
  /** The order. */
  order: Order;
  /** Its number's state in the inventory now (null if no agent reserved it). */
  numberState: NumberState | null;
  /** What needs doing: a hold that lapsed under an unpaid order, a sale missing from the inventory. */
  warnings: LocalText[];
}

/**
 * Where orders live, beside an inventory {@link Store}. Every method is async so that remote stores fit,
 * and atomic. A store keeps no rules of its own: it runs {@link createOrder} and {@link advanceOrder}
 * (pure) on what it read and writes the result, and applies {@link inventoryChange} — selling the number
 * when an order is paid, releasing the hold when it is cancelled — in the same transaction as the
 * order's write, so that an order is never paid for a number that is not sold to its customer, nor the
 * number sold for an order left unpaid. A step checked against a stale copy (another writer took a step
 * first) is refused by the order's `version`, and checked again on the order as it now is.
 */
export interface OrderStore {
  /**
   * Makes a draft order for a number held for its customer; the store gives its id. NOT_HELD when the
   * number is not held for the customer, DUPLICATE_ORDER when another open order has it, and the errors
   * of {@link createOrder}.
   */
  create(order: NewOrder): Promise<Order>;
  /** The order, or null. */
  get(id: string): Promise<Order | null>;
  /** The order with its number's state and warnings, or null. */
  view(id: string): Promise<OrderView | null>;
  /** Orders by id, optionally filtered. */
  list(filter?: OrderFilter): Promise<Order[]>;
  /**
   * Takes one step (see {@link advanceOrder}); paid sells the number and cancelled releases its hold, in the
   * same transaction. UNKNOWN_ORDER, the step's errors and the inventory's (NOT_HOLDER, NOT_AVAILABLE,
   * NOT_RESERVED): on any error nothing changes, neither the order nor the number.
   */
  advance<S extends OrderStep>(id: string, step: S, inputs: StepInputs[S]): Promise<Order>;
  /** Releases resources (not the inventory's); later calls fail with STORE_CLOSED. */
  close(): Promise<void>;
}

/** What {@link OrderLedger.insertOrder} answers: the order as written, or why it was not. */
export type InsertResult =
  | {
      /** Written. */
      ok: true;
      /** The draft with its id and its number's agent. */
      order: Order;
    }
  | {
      /** Not written. */
      ok: false;
      /** NOT_HELD: the number is not held for the order's customer; DUPLICATE_ORDER: an open order has it. */
      refused: 'NOT_HELD' | 'DUPLICATE_ORDER';
      /** The open order's id, for DUPLICATE_ORDER. */
      openId?: string;
    };

/** What {@link OrderLedger.listOrders} is asked for: a filter with the number as 10 digits. */
export type LedgerFilter = Omit<OrderFilter, 'number'> & {
  /** 10 digits. */
  number?: string;
};

/**
 * How a store keeps orders beside its inventory: the storage {@link createOrderStore} runs the order
 * model on. Each method is one transaction of the store. Orders are stored as they are given (JSON).
 */
export interface OrderLedger {
  /** The store's clock, epoch ms: the one its holds expire by. */
  now(): Promise<number>;
  /**
   * Writes a draft (its `id` and `agent` ignored) if its number is held for its customer and no order
   * of the number is open (any status but cancelled); gives it the next id, `order-N`, and the agent
   * of the number. All in one transaction.
   */
  insertOrder(draft: Order): Promise<InsertResult>;
  /** The order as stored, or null. */
  readOrder(id: string): Promise<Order | null>;
  /** The orders that match, in the order they were made. */
  listOrders(filter: LedgerFilter): Promise<Order[]>;
  /**
   * In one transaction: if the stored order's version is still `next.version - 1`, applies `change`
   * (sell: as {@link Store.sell}; release: ends the hold only if the customer still holds the number)
   * and writes `next`; 'stale' (nothing written) when another writer changed the order first (or it is
   * gone). A sale the inventory refuses (see the inventory's sell rule) writes nothing and answers the
   * number's state.
   */
  commitOrder(next: Order, change: InventoryChange | null): Promise<CommitResult>;
  /** The number's state, as {@link Store.who}. */
  who(number: string): Promise<NumberState | null>;
  /** Releases what the ledger holds of its own; the inventory stays open. */
  close(): Promise<void>;
}

/**
 * What {@link OrderLedger.commitOrder} answers: 'ok' (written), 'stale' (not written), or the number's
 * state when the inventory refused the sale (null: not reserved by any agent).
 */
export type CommitResult =
  | 'ok'
  | 'stale'
  | {
      /** The number's state that refused the sale. */
      refusedBy: NumberState | null;
    };

/** Options of {@link createOrderStore}. */
export interface OrderStoreOptions {
  /** The packages orders choose from. Default data/packages.json. */
  packages?: PackageList;
}

function unknownOrder(id: unknown): Vanity400Error {
  const shown = quoted(id);
  return new Vanity400Error('UNKNOWN_ORDER', { zh: `没有订单 ${shown}`, en: `no order ${shown}` }, { input: id, field: 'id' });
}

function checkId(id: unknown): string {
  guardString(id, 'OrderStore: id');
  if (id === '' || id.length > 100) throw unknownOrder(id.slice(0, 100));
  return id;
}

/** How many times a step is checked again on a fresh copy when other writers keep changing the order. */
const ATTEMPTS = 20;

const STATUSES: readonly string[] = [...ORDER_PATH, 'cancelled'];

function filterOf(filter: OrderFilter | undefined): LedgerFilter {
  guardOptions(filter, 'OrderStore.list(): filter');
  const f = filter ?? {};
  guardFields(f, 'OrderStore.list(): filter', { customer: 'string?', agent: 'string?', status: 'string?', number: 'string?' });
  const out: LedgerFilter = {};
  for (const key of ['customer', 'agent'] as const) {
    const v = f[key];
    if (v === undefined) continue;
    if (v.length > 200) throw new Vanity400Error('BAD_ARGUMENT', { zh: `filter.${key} 应为文字`, en: `filter.${key}: expected a text` }, { input: v, field: `filter.${key}` });
    out[key] = v;
  }
  if (f.status !== undefined) {
    if (!STATUSES.includes(f.status)) {
      throw new Vanity400Error('BAD_ARGUMENT', { zh: `filter.status ${JSON.stringify(f.status)} 应为 ${STATUSES.join('、')} 之一`, en: `filter.status ${JSON.stringify(f.status)}: expected one of ${STATUSES.join(', ')}` }, { input: f.status, field: 'filter.status' });
    }
    out.status = f.status;
  }
  if (f.number !== undefined) out.number = parse(f.number).digits;
  return out;
}

/**
 * The {@link OrderStore} of a ledger: every store (memory, SQLite, Redis) is this on its own
 * {@link OrderLedger}, so the steps, their checks and every refusal are the same everywhere. A step is
 * computed by {@link advanceOrder} on the order as read, then committed by version together with its
 * inventory change; when another writer got there first it is computed again on the order as it now is
 * (so the second of two payments is refused as a step out of order).
 */
export function createOrderStore(ledger: OrderLedger, options: OrderStoreOptions = {}): OrderStore {
  guardMethods(ledger, 'createOrderStore(): ledger', '订单账本（OrderLedger）', 'an order ledger (OrderLedger)', ['now', 'insertOrder', 'readOrder', 'listOrders', 'commitOrder', 'who', 'close']);
  guardOptions(options, 'createOrderStore(): options');
  if (options.packages !== undefined) guardPackageList(options.packages, 'createOrderStore(): options.packages');
  let closed = false;
  const open = (): void => {
    if (closed) throw new Vanity400Error('STORE_CLOSED', { zh: '订单库已关闭', en: 'The order store is closed.' });
  };
  const packages = options.packages;
  return {
    async create(input) {
      open();
      const now = await ledger.now();
      const draft = createOrder(input, { id: '', now, ...(packages ? { packages } : {}) });
      const result = await ledger.insertOrder(draft);
      if (result.ok) return result.order;
      const shown = format(draft.number);
      if (result.refused === 'NOT_HELD') {
        throw new Vanity400Error(
          'NOT_HELD',
          { zh: `${shown} 没有为${draft.customer}保留，先保留号码再下单`, en: `${shown} is not held for ${draft.customer}: hold the number before making the order` },
          { input: input.number, field: 'number' },
        );
      }
      throw new Vanity400Error('DUPLICATE_ORDER', { zh: `${shown} 已有订单 ${result.openId}`, en: `${shown} already has order ${result.openId}` }, { input: input.number, field: 'number' });
    },

    async get(id) {
      open();
      return ledger.readOrder(checkId(id));
    },

    async view(id) {
      open();
      const order = await ledger.readOrder(checkId(id));
      if (order === null) return null;
      const numberState = await ledger.who(order.number);
      return { order, numberState, warnings: numberWarnings(order, numberState, await ledger.now()) };
    },

    async list(filter) {
      open();
      return ledger.listOrders(filterOf(filter));
    },

    async advance(id, step, inputs) {
      open();
      checkId(id);
      for (let attempt = 0; ; attempt++) {
        const order = await ledger.readOrder(id);
        if (order === null) throw unknownOrder(id);
        const next = advanceOrder(order, step, inputs, await ledger.now());
        const change = inventoryChange(order, step);
        const result = await ledger.commitOrder(next, change);
        if (result === 'ok') return next;
        if (result !== 'stale') {
          const refusal = result.refusedBy === null ? notReserved(order.number) : sellRefusal(result.refusedBy, order.customer);
          throw refusal ?? new Error(`order store: a sale refused by a state that allows it (${JSON.stringify(result.refusedBy)})`);
        }
        if (attempt + 1 >= ATTEMPTS) {
          throw new Vanity400Error(
            'STORE_UNAVAILABLE',
            { zh: `订单 ${id} 正被其他人频繁修改，这一步没有做，请稍后再试`, en: `order ${id} keeps being changed by others: the step was not taken; try again` },
            { input: id, field: 'id' },
          );
        }
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await ledger.close();
    },
  };
}
