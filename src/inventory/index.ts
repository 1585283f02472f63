/** Agent inventory: agents, their reserved 400 numbers, holds and sales. Runs in browsers. */
export type { Agent, HoldResult, InventoryOp, NumberState, NumberStatus, Reservation } from './types.js';
export { NUMBER_STATUSES } from './types.js';
export { checkLicence, isValidLicence, licenceCheckCharacter, looksLikePersonalId } from './licence.js';
export type { Store, StoreOptions } from './store.js';
export { checkAgent, describeState, showNumber } from './store.js';
// For Store implementations outside the core (vanity400/redis): the same checks and wording.
export { SHOWN, checkCustomer, checkStatus, checkTtl, digitsOf, planReservation, quoteInput, sample, type ReservationPlan } from './store.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { agentPool } from './agent-pool.js';
