import type { InventoryBatch, LoadResult } from './rules.js';
import type { Agent, HoldResult, NumberState, NumberStatus, Reservation } from './types.js';

/**
 * Where agents and their numbers live. Every method is async so that remote stores fit; every
 * method is atomic. Numbers are accepted in any form parse() reads and reported as 10 digits.
 * Failures are Vanity400Errors: INVALID_TYPE for an argument of the wrong type (naming it), parse
 * errors for malformed numbers, and the inventory codes below. The checks and the wording of every
 * refusal are those of src/inventory/rules.ts, the same in every store.
 *
 * State machine (a hold whose `heldUntil` has passed is simply available again — no sweeper runs):
 *   available --hold--> held --release (holder)--> available
 *   available | held (same customer) --sell--> sold
 *   available | held --withdraw--> withdrawn --reserve (any agent)--> available
 */
export interface Store {
  /** DUPLICATE_AGENT (id or licence taken), BAD_AGENT, BAD_LICENCE, NOT_A_COMPANY, UNKNOWN_AGENT (parent). */
  addAgent(agent: Agent): Promise<void>;
  /** The agent with this id, or null if there is none. */
  getAgent(id: string): Promise<Agent | null>;
  /** All agents, by id. */
  agents(): Promise<Agent[]>;
  /**
   * Reserves numbers for an agent, all or nothing; resolves to how many. UNKNOWN_AGENT, BAD_RESERVATION,
   * OVERLAP (another agent has some), DUPLICATE_NUMBER (repeated, or the agent has them already),
   * QUOTA_EXCEEDED. Conflict errors name the first 20 numbers and the count.
   */
  reserve(reservation: Reservation): Promise<number>;
  /** Holds an available number for `customer` for `ttlMs`; otherwise says what state it is in. NOT_RESERVED. */
  hold(number: string, customer: string, ttlMs: number): Promise<HoldResult>;
  /** Ends a hold, only by its holder: NOT_RESERVED, NOT_HELD, NOT_HOLDER. */
  release(number: string, customer: string): Promise<void>;
  /** Sells an available number, or one held by the same customer: NOT_RESERVED, NOT_HOLDER, NOT_AVAILABLE. */
  sell(number: string, customer: string): Promise<void>;
  /** Gives back an available or held number: NOT_RESERVED, NOT_AVAILABLE (sold or already withdrawn). */
  withdraw(number: string): Promise<void>;
  /** The number's state, or null if no agent ever reserved it. */
  who(number: string): Promise<NumberState | null>;
  /** The agent's numbers in number order, optionally only those in one status. UNKNOWN_AGENT. */
  list(agentId: string, status?: NumberStatus): Promise<NumberState[]>;
  /** Numbers per status, for one agent or the whole store. UNKNOWN_AGENT. */
  counts(agentId?: string): Promise<Record<NumberStatus, number>>;
  /**
   * Adds agents and numbers in any status all or nothing, as one transaction: every record is checked
   * against the store and the rest of the batch first, and every problem is listed (each with the
   * record's `ref`); with a problem nothing is written. `dryRun` checks without writing.
   */
  load(batch: InventoryBatch, options?: { dryRun?: boolean }): Promise<LoadResult>;
  /** Releases resources; later calls fail with STORE_CLOSED. */
  close(): Promise<void>;
}

/** Options every store takes. */
export interface StoreOptions {
  /** The clock, epoch ms; holds expire against it. Default Date.now (on Redis: the server's clock). */
  now?: () => number;
}
