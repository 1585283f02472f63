import type { LocalText } from '../errors/vanity400-error.js';
import type { NumberState } from '../inventory/types.js';
import type { NewOrder, Order, OrderStatus, OrderStep, StepInputs } from './order.js';

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
 * first) is refused by the order's `version`.
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
   * same transaction. UNKNOWN_ORDER, the step's errors and the inventory's (NOT_HOLDER, NOT_AVAILABLE):
   * on any error nothing changes, neither the order nor the number.
   */
  advance<S extends OrderStep>(id: string, step: S, inputs: StepInputs[S]): Promise<Order>;
  /** Releases resources; later calls fail with STORE_CLOSED. */
  close(): Promise<void>;
}
