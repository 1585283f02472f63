import { Vanity400Error } from '../errors/vanity400-error.js';
import {
  checkAgent,
  checkCustomer,
  checkStatus,
  checkTtl,
  describeState,
  digitsOf,
  emptyCounts,
  planReservation,
  quoteInput,
  sample,
  showNumber,
  type Store,
  type StoreOptions,
} from './store.js';
import type { Agent, HoldResult, InventoryOp, NumberState, NumberStatus, Reservation } from './types.js';

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions extends StoreOptions {
  /**
   * Called with each state-changing operation before it takes effect; if it throws, nothing changes
   * and the call fails with that error. Not called by {@link MemoryStore.apply}.
   */
  onOp?: (op: InventoryOp) => void;
}

/** A number as stored: `status` 'held' may already have expired, see effective(). */
interface Entry {
  agent: string;
  status: NumberStatus;
  customer?: string;
  heldUntil?: number;
}

interface AgentIndex {
  numbers: Set<string>;
  /** The numbers in order, rebuilt on demand after a change. */
  sorted: string[] | null;
}

function effective(entry: Entry, now: number): NumberStatus {
  return entry.status === 'held' && (entry.heldUntil ?? 0) <= now ? 'available' : entry.status;
}

function badOp(reason: string, op: unknown): Vanity400Error {
  return new Vanity400Error('BAD_OP', `Invalid inventory operation: ${reason}.`, { input: op });
}

/**
 * The {@link Store} in memory. Each method does its whole check-and-change synchronously, so calls
 * are atomic however many promises are in flight.
 */
export class MemoryStore implements Store {
  readonly #now: () => number;
  readonly #onOp: ((op: InventoryOp) => void) | undefined;
  readonly #agents = new Map<string, Agent>();
  readonly #licences = new Map<string, string>();
  readonly #numbers = new Map<string, Entry>();
  readonly #byAgent = new Map<string, AgentIndex>();
  #closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#onOp = options.onOp;
  }

  async addAgent(agent: Agent): Promise<void> {
    this.#open();
    const op: InventoryOp = { op: 'agent', at: this.#now(), agent: this.#checkNewAgent(agent) };
    this.#commit(op);
  }

  async getAgent(id: string): Promise<Agent | null> {
    this.#open();
    const agent = this.#agents.get(id);
    return agent === undefined ? null : { ...agent };
  }

  async agents(): Promise<Agent[]> {
    this.#open();
    return [...this.#agents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => ({ ...a }));
  }

  async reserve(reservation: Reservation): Promise<number> {
    this.#open();
    const op = this.#checkReserve(reservation, this.#now());
    this.#commit(op);
    return 'numbers' in op ? op.numbers.length : Number(op.to) - Number(op.from) + 1;
  }

  async hold(number: string, customer: string, ttlMs: number): Promise<HoldResult> {
    this.#open();
    const d = digitsOf(number);
    checkCustomer(customer);
    checkTtl(ttlMs);
    const entry = this.#entry(d);
    const now = this.#now();
    if (effective(entry, now) !== 'available') return { ok: false, state: this.#state(d, entry, now) };
    const until = now + ttlMs;
    this.#commit({ op: 'hold', at: now, number: d, customer, until });
    return { ok: true, heldUntil: until };
  }

  async release(number: string, customer: string): Promise<void> {
    const { d, entry, now, state } = this.#current(number, customer);
    if (state.status !== 'held') {
      const expired = entry.status === 'held' ? ` (the hold by ${quoteInput(entry.customer)} expired at ${new Date(entry.heldUntil ?? 0).toISOString()})` : '';
      throw new Vanity400Error('NOT_HELD', `Cannot release ${showNumber(d)}: ${describeState(state)}, not held${expired}.`, { input: number });
    }
    if (state.customer !== customer) {
      throw new Vanity400Error('NOT_HOLDER', `Cannot release ${showNumber(d)} for ${quoteInput(customer)}: ${describeState(state)}.`, { input: number });
    }
    this.#commit({ op: 'release', at: now, number: d, customer });
  }

  async sell(number: string, customer: string): Promise<void> {
    const { d, now, state } = this.#current(number, customer);
    if (state.status === 'held' && state.customer !== customer) {
      throw new Vanity400Error('NOT_HOLDER', `Cannot sell ${showNumber(d)} to ${quoteInput(customer)}: ${describeState(state)}.`, { input: number });
    }
    if (state.status === 'sold' || state.status === 'withdrawn') {
      throw new Vanity400Error('NOT_AVAILABLE', `Cannot sell ${showNumber(d)} to ${quoteInput(customer)}: ${describeState(state)}.`, { input: number });
    }
    this.#commit({ op: 'sell', at: now, number: d, customer });
  }

  async withdraw(number: string): Promise<void> {
    const { d, state, now } = this.#current(number);
    if (state.status === 'sold' || state.status === 'withdrawn') {
      throw new Vanity400Error('NOT_AVAILABLE', `Cannot withdraw ${showNumber(d)}: ${describeState(state)}.`, { input: number });
    }
    this.#commit({ op: 'withdraw', at: now, number: d });
  }

  async who(number: string): Promise<NumberState | null> {
    this.#open();
    const d = digitsOf(number);
    const entry = this.#numbers.get(d);
    return entry === undefined ? null : this.#state(d, entry, this.#now());
  }

  async list(agentId: string, status?: NumberStatus): Promise<NumberState[]> {
    this.#open();
    const index = this.#index(agentId);
    if (status !== undefined) checkStatus(status);
    if (index.sorted === null) index.sorted = [...index.numbers].sort();
    const now = this.#now();
    const out: NumberState[] = [];
    for (const d of index.sorted) {
      const state = this.#state(d, this.#numbers.get(d) as Entry, now);
      if (status === undefined || state.status === status) out.push(state);
    }
    return out;
  }

  async counts(agentId?: string): Promise<Record<NumberStatus, number>> {
    this.#open();
    const counts = emptyCounts();
    const now = this.#now();
    if (agentId === undefined) {
      for (const entry of this.#numbers.values()) counts[effective(entry, now)]++;
    } else {
      for (const d of this.#index(agentId).numbers) counts[effective(this.#numbers.get(d) as Entry, now)]++;
    }
    return counts;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /**
   * Replays a recorded operation (e.g. from a journal) without calling `onOp`. The operation is
   * checked against the current state, but not against the clock: a hold replayed after its end is
   * recorded and is simply expired.
   * @throws Vanity400Error BAD_OP for a malformed operation, or the error the operation would raise now.
   */
  apply(op: InventoryOp): void {
    this.#open();
    if (typeof op !== 'object' || op === null) throw badOp('expected an object', op);
    if (typeof op.at !== 'number' || !Number.isFinite(op.at)) throw badOp('"at" must be a time in epoch ms', op);
    let clean: InventoryOp;
    switch (op.op) {
      case 'agent':
        clean = { op: 'agent', at: op.at, agent: this.#checkNewAgent(op.agent) };
        break;
      case 'reserve':
        clean = this.#checkReserve(op, op.at);
        break;
      case 'hold':
      case 'release':
      case 'sell':
      case 'withdraw': {
        const d = digitsOf(op.number);
        if (d !== op.number) throw badOp(`number ${quoteInput(op.number)} should be written as 10 digits`, op);
        if (op.op !== 'withdraw') checkCustomer(op.customer);
        if (op.op === 'hold' && (typeof op.until !== 'number' || !Number.isFinite(op.until))) {
          throw badOp('"until" must be a time in epoch ms', op);
        }
        const status = this.#entry(d).status;
        const ok = op.op === 'release' ? status === 'held' : status === 'available' || status === 'held';
        if (!ok) throw badOp(`cannot ${op.op} ${showNumber(d)}, it is ${status}`, op);
        clean = op;
        break;
      }
      default:
        throw badOp(`unknown operation ${quoteInput((op as { op?: unknown }).op)}`, op);
    }
    this.#change(clean);
  }

  #open(): void {
    if (this.#closed) throw new Vanity400Error('STORE_CLOSED', 'The inventory store is closed.');
  }

  #commit(op: InventoryOp): void {
    this.#onOp?.(op);
    this.#change(op);
  }

  /** Applies an operation already checked; the only code that changes state. */
  #change(op: InventoryOp): void {
    switch (op.op) {
      case 'agent': {
        const agent = { ...op.agent };
        this.#agents.set(agent.id, agent);
        this.#licences.set(agent.licence, agent.id);
        this.#byAgent.set(agent.id, { numbers: new Set(), sorted: null });
        break;
      }
      case 'reserve': {
        const index = this.#byAgent.get(op.agent) as AgentIndex;
        const list = 'numbers' in op ? op.numbers : planReservation(op).numbers();
        for (const d of list) {
          const previous = this.#numbers.get(d);
          if (previous !== undefined && previous.agent !== op.agent) {
            const old = this.#byAgent.get(previous.agent);
            old?.numbers.delete(d);
            if (old) old.sorted = null;
          }
          this.#numbers.set(d, { agent: op.agent, status: 'available' });
          index.numbers.add(d);
        }
        index.sorted = null;
        break;
      }
      case 'hold':
        this.#set(op.number, { status: 'held', customer: op.customer, heldUntil: op.until });
        break;
      case 'release':
        this.#set(op.number, { status: 'available' });
        break;
      case 'sell':
        this.#set(op.number, { status: 'sold', customer: op.customer });
        break;
      case 'withdraw':
        this.#set(op.number, { status: 'withdrawn' });
        break;
    }
  }

  #set(d: string, change: Omit<Entry, 'agent'>): void {
    const entry = this.#numbers.get(d) as Entry;
    this.#numbers.set(d, { agent: entry.agent, ...change });
  }

  #checkNewAgent(input: Agent): Agent {
    const agent = checkAgent(input);
    if (this.#agents.has(agent.id)) {
      throw new Vanity400Error('DUPLICATE_AGENT', `Agent ${quoteInput(agent.id)} already exists.`, { input: agent.id });
    }
    const owner = this.#licences.get(agent.licence);
    if (owner !== undefined) {
      throw new Vanity400Error('DUPLICATE_AGENT', `Agent ${quoteInput(agent.id)}: licence ${agent.licence} already belongs to agent ${quoteInput(owner)}.`, {
        input: agent.licence,
      });
    }
    if (agent.parent !== undefined) {
      const parent = this.#agents.get(agent.parent);
      if (parent === undefined) {
        throw new Vanity400Error('UNKNOWN_AGENT', `Agent ${quoteInput(agent.id)}: parent agent ${quoteInput(agent.parent)} does not exist.`, {
          input: agent.parent,
        });
      }
      if (parent.level !== 'first') {
        throw new Vanity400Error('BAD_AGENT', `Agent ${quoteInput(agent.id)}: parent ${quoteInput(parent.id)} is a second-level agent; a parent must be first-level.`, {
          input: agent.parent,
        });
      }
    }
    return agent;
  }

  #checkReserve(reservation: unknown, at: number): Extract<InventoryOp, { op: 'reserve' }> {
    const plan = planReservation(reservation);
    const agent = this.#agents.get(plan.agent);
    if (agent === undefined) throw unknownAgent(plan.agent);
    const active = this.#active(plan.agent);
    const quotaError = (): Vanity400Error =>
      new Vanity400Error(
        'QUOTA_EXCEEDED',
        `Cannot reserve ${plan.size} number${plan.size === 1 ? '' : 's'} for agent ${quoteInput(agent.id)}: it has ${active} reserved ` +
          `and a quota of ${agent.quota}, so at most ${Math.max(0, agent.quota - active)} more. Nothing was reserved.`,
        { input: reservation },
      );
    // Before listing a range's numbers, so that a huge range fails fast.
    if (active + plan.size > agent.quota) throw quotaError();
    const numbers = plan.numbers();
    const taken: string[] = [];
    const own: string[] = [];
    for (const d of numbers) {
      const entry = this.#numbers.get(d);
      if (entry === undefined || entry.status === 'withdrawn') continue;
      if (entry.agent === plan.agent) own.push(showNumber(d));
      else taken.push(`${showNumber(d)} (${entry.agent}, ${entry.status})`);
    }
    if (taken.length > 0) {
      throw new Vanity400Error(
        'OVERLAP',
        `Cannot reserve for agent ${quoteInput(agent.id)}: ${taken.length} of the ${numbers.length} numbers belong to other agents: ` +
          `${sample(taken)}. Nothing was reserved.`,
        { input: reservation },
      );
    }
    if (own.length > 0) {
      throw new Vanity400Error(
        'DUPLICATE_NUMBER',
        `Cannot reserve for agent ${quoteInput(agent.id)}: ${own.length} of the ${numbers.length} numbers are already its own: ${sample(own)}. Nothing was reserved.`,
        { input: reservation },
      );
    }
    return plan.range === undefined
      ? { op: 'reserve', at, agent: plan.agent, numbers }
      : { op: 'reserve', at, agent: plan.agent, from: plan.range.from, to: plan.range.to };
  }

  /** Numbers the agent has reserved and not sold or withdrawn: what its quota limits. */
  #active(agentId: string): number {
    let n = 0;
    for (const d of this.#index(agentId).numbers) {
      const status = (this.#numbers.get(d) as Entry).status;
      if (status === 'available' || status === 'held') n++;
    }
    return n;
  }

  #index(agentId: string): AgentIndex {
    const index = this.#byAgent.get(agentId);
    if (index === undefined) throw unknownAgent(agentId);
    return index;
  }

  #entry(d: string): Entry {
    const entry = this.#numbers.get(d);
    if (entry === undefined) {
      throw new Vanity400Error('NOT_RESERVED', `${showNumber(d)} is not reserved by any agent.`, { input: d });
    }
    return entry;
  }

  /** A reserved number's entry and state now, for an operation on it (by `customer`, checked after the number). */
  #current(number: string, customer?: string): { d: string; entry: Entry; now: number; state: NumberState } {
    this.#open();
    const d = digitsOf(number);
    if (customer !== undefined) checkCustomer(customer);
    const entry = this.#entry(d);
    const now = this.#now();
    return { d, entry, now, state: this.#state(d, entry, now) };
  }

  #state(d: string, entry: Entry, now: number): NumberState {
    const status = effective(entry, now);
    const state: NumberState = { number: d, agent: entry.agent, status };
    if (status === 'held' || status === 'sold') state.customer = entry.customer as string;
    if (status === 'held') state.heldUntil = entry.heldUntil as number;
    return state;
  }
}

function unknownAgent(id: unknown): Vanity400Error {
  return new Vanity400Error('UNKNOWN_AGENT', `Unknown agent ${quoteInput(id)}.`, { input: id });
}
