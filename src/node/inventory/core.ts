/**
 * The core pieces the Node inventory code uses, by the package's name, so that users of both entry
 * points share one copy of its classes (instanceof Vanity400Error holds across them).
 */
export { Vanity400Error, parse, MemoryStore, NUMBER_STATUSES, checkAgent, showNumber, inventoryRules } from 'vanity400';
export type { Agent, BatchAgent, BatchNumber, BatchRange, InventoryBatch, InventoryOp, LocalText, NumberState, NumberStatus, Reservation, Store, StoreOptions } from 'vanity400';
