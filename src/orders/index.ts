/** Orders: the opening date, the order's steps from draft to the test call, and the order store. Runs in browsers. */
export { openingDate, describeOpeningDate, openingDayText, type OpeningDate } from './opening-date.js';
export {
  advanceOrder,
  createOrder,
  inventoryChange,
  instantOf,
  numberWarnings,
  orderLandingNumbers,
  ORDER_PATH,
  ORDER_STEPS,
  STATUS_NAMES,
  type AcceptanceForm,
  type InventoryChange,
  type NewOrder,
  type Order,
  type OrderEvent,
  type OrderStatus,
  type OrderStep,
  type StepInputs,
} from './order.js';
export { createOrderStore, type CommitResult, type InsertResult, type LedgerFilter, type OrderFilter, type OrderLedger, type OrderStore, type OrderStoreOptions, type OrderView } from './order-store.js';
export { MemoryOrderBook, type MemoryOrderBookOptions } from './memory-order-book.js';
export { orderForm, formatOrderForm, type OrderFormOptions } from './order-form.js';
