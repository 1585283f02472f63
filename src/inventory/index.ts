/** Agent inventory: agents, their reserved 400 numbers, holds and sales. Runs in browsers. */
export type { Agent, HoldResult, InventoryOp, NumberState, NumberStatus, Reservation } from './types.js';
export { NUMBER_STATUSES } from './types.js';
export { checkLicence, isValidLicence, licenceCheckCharacter, looksLikePersonalId } from './licence.js';
export type { Store, StoreOptions } from './store.js';
export { checkAgent, describeState, showNumber } from './rules.js';
export type { BatchAgent, BatchNumber, BatchProblem, BatchRange, InventoryBatch, LoadResult } from './rules.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { agentPool, storePool } from './agent-pool.js';
