import { guardCallback, guardOptions, invalidType } from '../errors/guards.js';
import { Vanity400Error } from '../errors/vanity400-error.js';
import {
  ReserveCheck,
  arrivingStatus,
  batchProblems,
  checkAgent,
  checkCustomer,
  checkLoadOptions,
  checkLookupId,
  checkStatus,
  checkTtl,
  digitsOf,
  emptyCounts,
  mayHold,
  notReserved,
  planReservation,
  quoteInput,
  readBatch,
  releaseRefusal,
  reserveRefusal,
  sellRefusal,
  showNumber,
  storeClosed,
  unknownAgent,
  withdrawRefusal,
  addAgentRefusal,
  type BatchEntry,
  type InventoryBatch,
  type LoadResult,
} from './rules.js';
import type { Store, StoreOptions } from './store.js';
import type { Agent, HoldResult, InventoryOp, NumberState, NumberStatus, Reservation } from './types.js';

/** Options of {@link MemoryStore}: those of every store. */
export type MemoryStoreOptions = StoreOptions;

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
  return new Vanity400Error('BAD_OP', { zh: `库存操作记录有误：${reason}。`, en: `Invalid inventory operation: ${reason}.` }, { input: op });
}

/**
 * The {@link Store} in memory (browsers too). Each method does its whole check-and-change
 * synchronously, so calls are atomic however many promises are in flight.
 */
export class MemoryStore implements Store {
  readonly #now: () => number;
  readonly #agents = new Map<string, Agent>();
  readonly #licences = new Map<string, string>();
  readonly #numbers = new Map<string, Entry>();
  readonly #byAgent = new Map<string, AgentIndex>();
  #closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    guardOptions(options, 'MemoryStore(): options');
    guardCallback(options.now, 'MemoryStore(): options.now');
    this.#now = options.now ?? Date.now;
  }

  async addAgent(input: Agent): Promise<void> {
    this.#open();
    const agent = checkAgent(input);
    const refusal = addAgentRefusal(agent, this.#agentFacts(agent));
    if (refusal) throw refusal;
    this.#addAgent(agent);
  }

  async getAgent(id: string): Promise<Agent | null> {
    this.#open();
    const agent = this.#agents.get(checkLookupId(id));
    return agent === undefined ? null : { ...agent };
  }

  async agents(): Promise<Agent[]> {
    this.#open();
    return [...this.#agents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => ({ ...a }));
  }

  async reserve(reservation: Reservation): Promise<number> {
    this.#open();
    const plan = this.#checkReserve(reservation);
    this.#reserve(plan.agent, plan.numbers());
    return plan.size;
  }

  async hold(number: string, customer: string, ttlMs: number): Promise<HoldResult> {
    const { d, state, now } = this.#current(number, customer);
    checkTtl(ttlMs);
    if (!mayHold(state)) return { ok: false, state };
    const until = now + ttlMs;
    this.#set(d, { status: 'held', customer, heldUntil: until });
    return { ok: true, heldUntil: until };
  }

  async release(number: string, customer: string): Promise<void> {
    const { d, entry, state } = this.#current(number, customer);
    const ended = entry.status === 'held' && state.status !== 'held' ? { customer: entry.customer as string, until: entry.heldUntil as number } : undefined;
    const refusal = releaseRefusal(state, customer, ended);
    if (refusal) throw refusal;
    this.#set(d, { status: 'available' });
  }

  async sell(number: string, customer: string): Promise<void> {
    const { d, state } = this.#current(number, customer);
    const refusal = sellRefusal(state, customer);
    if (refusal) throw refusal;
    this.#set(d, { status: 'sold', customer });
  }

  async withdraw(number: string): Promise<void> {
    const { d, state } = this.#current(number);
    const refusal = withdrawRefusal(state);
    if (refusal) throw refusal;
    this.#set(d, { status: 'withdrawn' });
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

  async load(batch: InventoryBatch, options: { dryRun?: boolean } = {}): Promise<LoadResult> {
    this.#open();
    const { dryRun } = checkLoadOptions(options);
    const now = this.#now();
    const read = readBatch(batch);
    const problems = batchProblems(
      read,
      {
        agent: (id) => this.#agents.get(id) ?? null,
        licenceOwner: (licence) => this.#licences.get(licence) ?? null,
        active: (id) => this.#active(id),
        taken: (entry) => {
          const check = new ReserveCheck('');
          for (const d of entry.numbers()) {
            const e = this.#numbers.get(d);
            if (e) check.see(d, e.agent, e.status);
          }
          return { count: check.takenCount, first: check.taken };
        },
      },
      now,
    );
    if (problems.length > 0) return { ok: false, problems };
    let numbers = 0;
    if (!dryRun) {
      for (const { agent } of read.agents) this.#addAgent(agent);
      for (const entry of read.entries) {
        this.#reserve(entry.agent, entry.numbers());
        this.#arrive(entry, now);
      }
    }
    for (const entry of read.entries) numbers += entry.size;
    return { ok: true, agents: read.agents.length, numbers };
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /**
   * Replays a recorded operation (from an inventory journal of earlier versions) as it was recorded:
   * checked against the current state, but not against the clock, so a hold replayed after its end
   * is recorded and is simply expired.
   * @throws Vanity400Error BAD_OP for a malformed operation, or the error the operation would raise now.
   */
  apply(op: InventoryOp): void {
    this.#open();
    if (typeof op !== 'object' || op === null || Array.isArray(op)) throw invalidType('MemoryStore.apply(): op', '库存操作记录（对象）', 'an inventory operation (an object)', op);
    if (typeof op.at !== 'number' || !Number.isFinite(op.at)) throw badOp('"at" must be a time in epoch ms', op);
    switch (op.op) {
      case 'agent': {
        const agent = checkAgent(op.agent);
        const refusal = addAgentRefusal(agent, this.#agentFacts(agent));
        if (refusal) throw refusal;
        this.#addAgent(agent);
        return;
      }
      case 'reserve': {
        const plan = this.#checkReserve(op);
        this.#reserve(plan.agent, plan.numbers());
        return;
      }
      case 'hold':
      case 'release':
      case 'sell':
      case 'withdraw': {
        const d = digitsOf(op.number);
        if (d !== op.number) throw badOp(`number ${quoteInput(op.number)} should be written as 10 digits`, op);
        if (op.op !== 'withdraw') checkCustomer(op.customer);
        if (op.op === 'hold' && (typeof op.until !== 'number' || !Number.isFinite(op.until))) throw badOp('"until" must be a time in epoch ms', op);
        const status = this.#entry(d).status;
        const ok = op.op === 'release' ? status === 'held' : status === 'available' || status === 'held';
        if (!ok) throw badOp(`cannot ${op.op} ${showNumber(d)}, it is ${status}`, op);
        if (op.op === 'hold') this.#set(d, { status: 'held', customer: op.customer, heldUntil: op.until });
        else if (op.op === 'release') this.#set(d, { status: 'available' });
        else if (op.op === 'sell') this.#set(d, { status: 'sold', customer: op.customer });
        else this.#set(d, { status: 'withdrawn' });
        return;
      }
      default:
        throw badOp(`unknown operation ${quoteInput((op as { op?: unknown }).op)}`, op);
    }
  }

  #open(): void {
    if (this.#closed) throw storeClosed();
  }

  #agentFacts(agent: Agent) {
    return {
      idTaken: this.#agents.has(agent.id),
      licenceOwner: this.#licences.get(agent.licence) ?? null,
      ...(agent.parent === undefined ? {} : { parentLevel: this.#agents.get(agent.parent)?.level ?? null }),
    };
  }

  #addAgent(agent: Agent): void {
    this.#agents.set(agent.id, { ...agent });
    this.#licences.set(agent.licence, agent.id);
    this.#byAgent.set(agent.id, { numbers: new Set(), sorted: null });
  }

  #checkReserve(reservation: unknown) {
    const plan = planReservation(reservation);
    const agent = this.#agents.get(plan.agent);
    const check = new ReserveCheck(plan.agent);
    const active = agent ? this.#active(plan.agent) : 0;
    // The quota before the numbers, so that a huge range fails fast.
    const early = agent ? reserveRefusal(plan, { quota: agent.quota, active, takenCount: 0, taken: [], ownCount: 0, own: [] }, reservation) : unknownAgent(plan.agent);
    if (early) throw early;
    for (const d of plan.numbers()) {
      const entry = this.#numbers.get(d);
      if (entry) check.see(d, entry.agent, entry.status);
    }
    const refusal = reserveRefusal(plan, { quota: (agent as Agent).quota, active, ...check }, reservation);
    if (refusal) throw refusal;
    return plan;
  }

  /** Makes the numbers the agent's and available (taking withdrawn ones from their former agent). */
  #reserve(agentId: string, numbers: readonly string[]): void {
    const index = this.#byAgent.get(agentId) as AgentIndex;
    for (const d of numbers) {
      const previous = this.#numbers.get(d);
      if (previous !== undefined && previous.agent !== agentId) {
        const old = this.#byAgent.get(previous.agent);
        old?.numbers.delete(d);
        if (old) old.sorted = null;
      }
      this.#numbers.set(d, { agent: agentId, status: 'available' });
      index.numbers.add(d);
    }
    index.sorted = null;
  }

  /** Gives the numbers of a batch entry (already reserved, available) their status on arrival. */
  #arrive(entry: BatchEntry, now: number): void {
    const status = arrivingStatus(entry, now);
    if (status === 'available') return;
    const change: Omit<Entry, 'agent'> = { status };
    if (status === 'held' || status === 'sold') change.customer = entry.customer as string;
    if (status === 'held') change.heldUntil = entry.heldUntil as number;
    for (const d of entry.numbers()) this.#set(d, change);
  }

  #set(d: string, change: Omit<Entry, 'agent'>): void {
    const entry = this.#numbers.get(d) as Entry;
    this.#numbers.set(d, { agent: entry.agent, ...change });
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
    const index = this.#byAgent.get(checkLookupId(agentId));
    if (index === undefined) throw unknownAgent(agentId);
    return index;
  }

  #entry(d: string): Entry {
    const entry = this.#numbers.get(d);
    if (entry === undefined) throw notReserved(d);
    return entry;
  }

  /** A reserved number's entry and state now, for an operation on it (by `customer`, checked after the number). */
  #current(number: string, ...customer: [unknown?]): { d: string; entry: Entry; now: number; state: NumberState } {
    this.#open();
    const d = digitsOf(number);
    // Given (even as undefined) by hold, release and sell; left out by withdraw.
    if (customer.length > 0) checkCustomer(customer[0]);
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
