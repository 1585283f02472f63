/** Agent inventory: who may sell which 400 numbers, and the state of each number. */

/**
 * A company that sells 400 numbers. Only companies can be agents (个人不能申请成为代理商):
 * `licence` must be an enterprise's unified social credit code (统一社会信用代码).
 */
export interface Agent {
  /** Stable identifier: 1-64 characters from A-Z a-z 0-9 . _ - starting with a letter or digit. */
  id: string;
  /** The company's registered name, e.g. "北京华通信息技术有限公司". */
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

/** Every {@link NumberStatus}, in the order a number usually goes through them. */
export const NUMBER_STATUSES: readonly NumberStatus[] = ['available', 'held', 'sold', 'withdrawn'];

/** Where one reserved number stands: whose it is, and whether it can be sold. */
export interface NumberState {
  /** 10 ASCII digits, e.g. "4006123000". */
  number: string;
  /** Id of the agent that reserved it. */
  agent: string;
  /** available, held, sold or withdrawn. */
  status: NumberStatus;
  /** The holder (held) or buyer (sold). */
  customer?: string;
  /** Epoch ms at which the hold ends (held only). */
  heldUntil?: number;
}

/** Numbers an agent reserves (预占): an inclusive range within one segment, or a list. */
export type Reservation =
  | {
      /** Id of the agent reserving. */
      agent: string;
      /** The first number of the range, any written form. */
      from: string;
      /** The last number of the range (inclusive), in the same segment. */
      to: string;
    }
  | {
      /** Id of the agent reserving. */
      agent: string;
      /** The numbers, any written form, none twice. */
      numbers: readonly string[];
    };

/** What {@link Store.hold} answers: the hold, or why the number cannot be held. */
export type HoldResult =
  | {
      /** The number is held for the customer. */
      ok: true;
      /** Epoch ms at which the hold ends. */
      heldUntil: number;
    }
  | {
      /** The number was not available. */
      ok: false;
      /** Its state: held by someone else, sold or withdrawn. */
      state: NumberState;
    };

/**
 * One state-changing operation, as recorded by {@link MemoryStore}'s `onOp` hook and replayed by
 * `apply`. JSON-safe; numbers are 10 digits; `at` is the store clock when it happened.
 */
export type InventoryOp =
  | {
      /** An agent was added. */
      op: 'agent';
      /** Store clock, epoch ms. */
      at: number;
      /** The agent, as checked. */
      agent: Agent;
    }
  | {
      /** A range was reserved. */
      op: 'reserve';
      /** Store clock, epoch ms. */
      at: number;
      /** Id of the agent. */
      agent: string;
      /** First number, 10 digits. */
      from: string;
      /** Last number, 10 digits (inclusive). */
      to: string;
    }
  | {
      /** A list of numbers was reserved. */
      op: 'reserve';
      /** Store clock, epoch ms. */
      at: number;
      /** Id of the agent. */
      agent: string;
      /** The numbers, 10 digits each. */
      numbers: string[];
    }
  | {
      /** A number was held. */
      op: 'hold';
      /** Store clock, epoch ms. */
      at: number;
      /** The number, 10 digits. */
      number: string;
      /** Who holds it. */
      customer: string;
      /** Epoch ms at which the hold ends. */
      until: number;
    }
  | {
      /** A hold was ended by its holder. */
      op: 'release';
      /** Store clock, epoch ms. */
      at: number;
      /** The number, 10 digits. */
      number: string;
      /** The holder. */
      customer: string;
    }
  | {
      /** A number was sold. */
      op: 'sell';
      /** Store clock, epoch ms. */
      at: number;
      /** The number, 10 digits. */
      number: string;
      /** The buyer. */
      customer: string;
    }
  | {
      /** A number was given back by its agent. */
      op: 'withdraw';
      /** Store clock, epoch ms. */
      at: number;
      /** The number, 10 digits. */
      number: string;
    };
