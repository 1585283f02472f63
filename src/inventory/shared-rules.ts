import {
  ReserveCheck,
  SHOWN,
  STATUS_NAMES,
  addAgentRefusal,
  arrivingStatus,
  batchProblems,
  checkAgent,
  checkCustomer,
  checkLoadOptions,
  checkLookupId,
  checkRange,
  checkStatus,
  checkTtl,
  digitsOf,
  emptyCounts,
  guardFields,
  guardKind,
  guardOptions,
  mayHold,
  notReserved,
  planReservation,
  quotaRefusal,
  quoteInput,
  readBatch,
  releaseRefusal,
  reserveRefusal,
  sellRefusal,
  stateText,
  storeClosed,
  toCustomer,
  unknownAgent,
  withdrawRefusal,
  wrongType,
} from './rules.js';
import type * as rules from './rules.js';

/**
 * The inventory's rules and refusals (./rules.ts) that the stores of vanity400/sqlite and vanity400/redis,
 * the bot and the CLI use: they import the core by its name, so they check and word everything as it does.
 * A plain object rather than `export * as`: that bundles to a call that keeps every rule in every web page,
 * where an unused object of names is dropped. A store that needs another rule adds it here.
 *
 * @internal the package's own entry points use it; not part of the documented API
 */
export const inventoryRules = {
  ReserveCheck,
  SHOWN,
  STATUS_NAMES,
  addAgentRefusal,
  arrivingStatus,
  batchProblems,
  checkAgent,
  checkCustomer,
  checkLoadOptions,
  checkLookupId,
  checkRange,
  checkStatus,
  checkTtl,
  digitsOf,
  emptyCounts,
  guardFields,
  guardKind,
  guardOptions,
  mayHold,
  notReserved,
  planReservation,
  quotaRefusal,
  quoteInput,
  readBatch,
  releaseRefusal,
  reserveRefusal,
  sellRefusal,
  stateText,
  storeClosed,
  toCustomer,
  unknownAgent,
  withdrawRefusal,
  wrongType,
};

/**
 * The types that go with them, as `inventoryRules.AgentFacts` and so on.
 *
 * @internal
 */
export declare namespace inventoryRules {
  export type AgentFacts = rules.AgentFacts;
  export type BatchEntry = rules.BatchEntry;
  export type BatchProblem = rules.BatchProblem;
  export type ReadBatch = rules.ReadBatch;
  export type ReservationPlan = rules.ReservationPlan;
  export type Taken = rules.Taken;
}
