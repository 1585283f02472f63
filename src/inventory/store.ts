import { Vanity400Error } from '../errors/vanity400-error.js';
import { parse } from '../number/parse.js';
import { checkLicence } from './licence.js';
import { NUMBER_STATUSES } from './types.js';
import type { Agent, HoldResult, NumberState, NumberStatus, Reservation } from './types.js';

/**
 * Where agents and their numbers live. Every method is async so that remote stores fit; every
 * method is atomic. Numbers are accepted in any form parse() reads and reported as 10 digits.
 * Failures are Vanity400Errors (parse errors for malformed numbers, plus the inventory codes below).
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
  /** Releases resources; later calls fail with STORE_CLOSED. */
  close(): Promise<void>;
}

/** Options every store takes. */
export interface StoreOptions {
  /** The clock, epoch ms; holds expire against it. Default Date.now. */
  now?: () => number;
}

/** How many conflicting numbers an error message lists before "and N more". */
export const SHOWN = 20;
const MAX_QUOTA = 10_000_000;
const MAX_TTL = 366 * 24 * 3600 * 1000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A value quoted for an error message, cut to 60 characters so a huge argument cannot flood it. */
export function quoteInput(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** "4006123000" → "4006-123-000". */
export function showNumber(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
}

/** "a, b, c" or "a, b, … (first 20 of 57)"; `total` when `items` holds only the first of them. */
export function sample(items: readonly string[], shown = SHOWN, total = items.length): string {
  const head = items.slice(0, shown).join(', ');
  return total > shown ? `${head}, … (first ${shown} of ${total})` : head;
}

/** The 10 digits of a number; parse() errors (INVALID_TYPE, WRONG_LENGTH, ...) pass through. */
export function digitsOf(number: unknown): string {
  return parse(number as string).digits;
}

export function emptyCounts(): Record<NumberStatus, number> {
  return { available: 0, held: 0, sold: 0, withdrawn: 0 };
}

export function isStatus(value: unknown): value is NumberStatus {
  return (NUMBER_STATUSES as readonly unknown[]).includes(value);
}

function badAgent(reason: string, input: unknown): Vanity400Error {
  return new Vanity400Error('BAD_AGENT', `Invalid agent: ${reason}.`, { input });
}

export function checkAgentId(id: unknown, what = 'agent id'): string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw badAgent(
      `${what} ${typeof id === 'string' ? quoteInput(id) : `(${typeof id})`} should be 1-64 characters from A-Z a-z 0-9 . _ - starting with a letter or digit`,
      id,
    );
  }
  return id;
}

/**
 * A clean copy of an agent (licence upper-cased, unknown fields dropped), without looking at any store.
 * BAD_AGENT, BAD_LICENCE, NOT_A_COMPANY.
 */
export function checkAgent(agent: unknown): Agent {
  if (typeof agent !== 'object' || agent === null || Array.isArray(agent)) throw badAgent('expected an object', agent);
  const a = agent as Record<string, unknown>;
  const id = checkAgentId(a.id);
  const name = a.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    throw badAgent(`agent ${quoteInput(id)} needs a name of 1-200 characters`, agent);
  }
  if (a.level !== 'first' && a.level !== 'second') {
    throw badAgent(`agent ${quoteInput(id)} has level ${quoteInput(a.level)}; expected "first" (一级) or "second" (二级)`, agent);
  }
  let parent: string | undefined;
  if (a.parent !== undefined) {
    if (a.level === 'first') throw badAgent(`first-level agent ${quoteInput(id)} cannot have a parent`, agent);
    parent = checkAgentId(a.parent, 'parent id');
    if (parent === id) throw badAgent(`agent ${quoteInput(id)} cannot be its own parent`, agent);
  }
  let licence: string;
  try {
    licence = checkLicence(a.licence);
  } catch (error) {
    if (error instanceof Vanity400Error) {
      throw new Vanity400Error(error.code, `Agent ${quoteInput(id)}: ${error.message}`, { input: a.licence, ...pos(error) });
    }
    throw error;
  }
  if (typeof a.verified !== 'boolean') throw badAgent(`agent ${quoteInput(id)}: verified must be true or false`, agent);
  const quota = a.quota;
  if (typeof quota !== 'number' || !Number.isSafeInteger(quota) || quota < 0 || quota > MAX_QUOTA) {
    throw badAgent(`agent ${quoteInput(id)}: quota must be a whole number from 0 to ${MAX_QUOTA}, got ${quoteInput(quota)}`, agent);
  }
  const clean: Agent = { id, name, level: a.level, licence, verified: a.verified, quota };
  if (parent !== undefined) clean.parent = parent;
  return clean;
}

function pos(error: Vanity400Error): { position?: number } {
  return error.position === undefined ? {} : { position: error.position };
}

/** The customer of a hold or sale: a string of 1–200 characters, not blank; else BAD_ARGUMENT. */
export function checkCustomer(customer: unknown): string {
  if (typeof customer !== 'string' || customer.trim() === '' || customer.length > 200) {
    throw new Vanity400Error('BAD_ARGUMENT', `Expected a customer as a string of 1-200 characters, got ${quoteInput(customer)}.`, {
      input: customer,
    });
  }
  return customer;
}

/** A hold time: whole milliseconds from 1 to 366 days; else BAD_ARGUMENT. */
export function checkTtl(ttlMs: unknown): number {
  if (typeof ttlMs !== 'number' || !Number.isSafeInteger(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL) {
    throw new Vanity400Error('BAD_ARGUMENT', `Expected a hold time in whole milliseconds from 1 to ${MAX_TTL} (366 days), got ${quoteInput(ttlMs)}.`, {
      input: ttlMs,
    });
  }
  return ttlMs;
}

/** One of {@link NUMBER_STATUSES}; else BAD_ARGUMENT naming them. */
export function checkStatus(status: unknown): NumberStatus {
  if (!isStatus(status)) {
    throw new Vanity400Error('BAD_ARGUMENT', `Unknown status ${quoteInput(status)}; expected one of ${NUMBER_STATUSES.join(', ')}.`, {
      input: status,
    });
  }
  return status;
}

/** A reservation read but not yet checked against any store: the agent and its numbers, in order. */
export interface ReservationPlan {
  /** The agent's id. */
  agent: string;
  /** Set for a range reservation: its ends as 10 digits. */
  range?: {
    /** The first number of the range. */
    from: string;
    /** The last number of the range (inclusive). */
    to: string;
  };
  /** Number of numbers. */
  size: number;
  /** The numbers as 10 digits; for a range produced lazily so that quota can be checked first. */
  numbers(): string[];
}

function badReservation(reason: string, input: unknown): Vanity400Error {
  return new Vanity400Error('BAD_RESERVATION', `Invalid reservation: ${reason}.`, { input });
}

/**
 * Reads a reservation: range ends in one segment, from ≤ to; or a non-empty list without repeats.
 * BAD_RESERVATION (with every malformed number listed), DUPLICATE_NUMBER.
 */
export function planReservation(reservation: unknown): ReservationPlan {
  if (typeof reservation !== 'object' || reservation === null) throw badReservation('expected an object', reservation);
  const r = reservation as Record<string, unknown>;
  const agent = checkAgentId(r.agent);
  const isRange = 'from' in r || 'to' in r;
  if (isRange === 'numbers' in r) {
    throw badReservation(`for agent ${quoteInput(agent)}: give either "from" and "to", or "numbers"`, reservation);
  }
  if (isRange) {
    const ends = (['from', 'to'] as const).map((key) => {
      try {
        return digitsOf(r[key]);
      } catch (error) {
        if (error instanceof Vanity400Error) throw badReservation(`for agent ${quoteInput(agent)}, "${key}": ${error.message}`, reservation);
        throw error;
      }
    });
    const [from, to] = ends as [string, string];
    if (from.slice(0, 4) !== to.slice(0, 4)) {
      throw badReservation(`range ${showNumber(from)} … ${showNumber(to)} spans segments ${from.slice(0, 4)} and ${to.slice(0, 4)}; a range stays in one segment`, reservation);
    }
    const lo = Number(from);
    const hi = Number(to);
    if (lo > hi) throw badReservation(`range ${showNumber(from)} … ${showNumber(to)} runs backwards`, reservation);
    return {
      agent,
      range: { from, to },
      size: hi - lo + 1,
      numbers: () => Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)),
    };
  }
  const list = r.numbers;
  if (!Array.isArray(list) || list.length === 0) {
    throw badReservation(`for agent ${quoteInput(agent)}: "numbers" must be a non-empty array`, reservation);
  }
  const numbers: string[] = [];
  const bad: string[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of list as unknown[]) {
    try {
      const d = digitsOf(item);
      if (seen.has(d)) repeated.add(d);
      else {
        seen.add(d);
        numbers.push(d);
      }
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      bad.push(`${quoteInput(item)} (${error.code})`);
    }
  }
  if (bad.length > 0) {
    throw badReservation(`for agent ${quoteInput(agent)}, ${bad.length} malformed number${bad.length === 1 ? '' : 's'}: ${sample(bad)}`, reservation);
  }
  if (repeated.size > 0) {
    const list = [...repeated].map(showNumber);
    throw new Vanity400Error(
      'DUPLICATE_NUMBER',
      `Cannot reserve for agent ${quoteInput(agent)}: ${list.length} number${list.length === 1 ? ' is' : 's are'} listed more than once: ${sample(list)}. Nothing was reserved.`,
      { input: reservation },
    );
  }
  return { agent, size: numbers.length, numbers: () => numbers };
}

/** Describes a number's state in words: "4006-123-000 is held by "acme" until 2025-01-01T00:00:00.000Z". */
export function describeState(state: NumberState): string {
  const n = showNumber(state.number);
  switch (state.status) {
    case 'available':
      return `${n} is available (agent ${quoteInput(state.agent)})`;
    case 'held':
      return `${n} is held by ${quoteInput(state.customer)} until ${new Date(state.heldUntil ?? 0).toISOString()} (agent ${quoteInput(state.agent)})`;
    case 'sold':
      return `${n} is sold to ${quoteInput(state.customer)} (agent ${quoteInput(state.agent)})`;
    case 'withdrawn':
      return `${n} is withdrawn (was agent ${quoteInput(state.agent)}'s)`;
  }
}
