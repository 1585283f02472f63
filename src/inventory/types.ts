/** Agent inventory: who may sell which 400 numbers, and the state of each number. */

/**
 * A company that sells 400 numbers. Only companies can be agents (个人不能申请成为代理商):
 * `licence` must be an enterprise's unified social credit code (统一社会信用代码).
 */
export interface Agent {
  /** Stable identifier: 1-64 characters from A-Z a-z 0-9 . _ - starting with a letter or digit. */
  id: string;
  name: string;
  /** 'first': 一级代理, registered with the carrier; 'second': 二级代理, signed with a first-level agent. */
  level: 'first' | 'second';
  /** For a second-level agent: the id of the first-level agent it works under. */
  parent?: string;
  /** 统一社会信用代码, 18 characters (stored upper-case). */
  licence: string;
  /** Whether the agent was confirmed on the carrier's hotline (e.g. 10010). */
  verified: boolean;
  /** The most numbers the agent may have reserved (available or held) at once. */
  quota: number;
}

/**
 * - available: reserved by an agent, free to sell;
 * - held: set aside for one customer until `heldUntil` (after that it is available again);
 * - sold: opened for a customer;
 * - withdrawn: given back by the agent; another agent may reserve it again.
 */
export type NumberStatus = 'available' | 'held' | 'sold' | 'withdrawn';

export const NUMBER_STATUSES: readonly NumberStatus[] = ['available', 'held', 'sold', 'withdrawn'];

export interface NumberState {
  /** 10 ASCII digits, e.g. "4006123000". */
  number: string;
  /** Id of the agent that reserved it. */
  agent: string;
  status: NumberStatus;
  /** The holder (held) or buyer (sold). */
  customer?: string;
  /** Epoch ms at which the hold ends (held only). */
  heldUntil?: number;
}

/** Numbers an agent reserves (预占): an inclusive range within one segment, or a list. */
export type Reservation =
  | { agent: string; from: string; to: string }
  | { agent: string; numbers: readonly string[] };

export type HoldResult = { ok: true; heldUntil: number } | { ok: false; state: NumberState };

/**
 * One state-changing operation, as recorded by {@link MemoryStore}'s `onOp` hook and replayed by
 * `apply`. JSON-safe; numbers are 10 digits; `at` is the store clock when it happened.
 */
export type InventoryOp =
  | { op: 'agent'; at: number; agent: Agent }
  | { op: 'reserve'; at: number; agent: string; from: string; to: string }
  | { op: 'reserve'; at: number; agent: string; numbers: string[] }
  | { op: 'hold'; at: number; number: string; customer: string; until: number }
  | { op: 'release'; at: number; number: string; customer: string }
  | { op: 'sell'; at: number; number: string; customer: string }
  | { op: 'withdraw'; at: number; number: string };
