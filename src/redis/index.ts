/**
 * vanity400/redis: the inventory {@link Store} in Redis, for many processes that share one server.
 * Every state change is one Lua script (see ./scripts.ts), so two customers never get the same number.
 * Needs the `ioredis` package.
 *
 * @module vanity400/redis
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { SHOWN, Vanity400Error, checkAgent, checkCustomer, checkStatus, checkTtl, describeState, digitsOf, planReservation, quoteInput, sample, showNumber } from 'vanity400';
import type { Agent, HoldResult, NumberState, NumberStatus, Reservation, Store, StoreOptions } from 'vanity400';
import { SCRIPTS, type ScriptName } from './scripts.js';

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions extends StoreOptions {
  /** Put before every key; default 'vanity400:'. Give each inventory its own. */
  prefix?: string;
}

type Reply = (string | number | null)[];

const SHA: Record<ScriptName, string> = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, source]) => [name, createHash('sha1').update(source).digest('hex')]),
) as Record<ScriptName, string>;

/**
 * Opens the inventory store kept in Redis. Given a URL, the store opens its own connection and
 * close() quits it; given a client, close() leaves the client open.
 * The scripts build key names inside Redis, so use one Redis server (not a cluster).
 */
export async function createRedisStore(redis: Redis | string, options: RedisStoreOptions = {}): Promise<Store> {
  const prefix = options.prefix ?? 'vanity400:';
  if (typeof prefix !== 'string') {
    throw new Vanity400Error('BAD_ARGUMENT', `Expected the Redis key prefix as a string, got ${quoteInput(prefix)}.`, { input: prefix });
  }
  const owned = typeof redis === 'string';
  const client = typeof redis === 'string' ? new Redis(redis) : redis;
  try {
    // Loads every script once; this also checks the connection.
    for (const source of Object.values(SCRIPTS)) await client.script('LOAD', source);
  } catch (error) {
    if (owned) client.disconnect();
    throw error;
  }
  return new RedisStore(client, owned, prefix, options.now ?? Date.now);
}

class RedisStore implements Store {
  #closed = false;

  constructor(
    readonly redis: Redis,
    readonly owned: boolean,
    readonly prefix: string,
    readonly now: () => number,
  ) {}

  async addAgent(input: Agent): Promise<void> {
    this.#open();
    const agent = checkAgent(input);
    const reply = await this.#run('addAgent', [agent.id, agent.licence, agent.parent ?? '', JSON.stringify(agent)]);
    switch (reply[0]) {
      case 'ok':
        return;
      case 'DUPLICATE_ID':
        throw new Vanity400Error('DUPLICATE_AGENT', `Agent ${quoteInput(agent.id)} already exists.`, { input: agent.id });
      case 'DUPLICATE_LICENCE':
        throw new Vanity400Error('DUPLICATE_AGENT', `Agent ${quoteInput(agent.id)}: licence ${agent.licence} already belongs to agent ${quoteInput(reply[1])}.`, {
          input: agent.licence,
        });
      case 'NO_PARENT':
        throw new Vanity400Error('UNKNOWN_AGENT', `Agent ${quoteInput(agent.id)}: parent agent ${quoteInput(agent.parent)} does not exist.`, {
          input: agent.parent,
        });
      case 'SECOND_PARENT':
        throw new Vanity400Error('BAD_AGENT', `Agent ${quoteInput(agent.id)}: parent ${quoteInput(agent.parent)} is a second-level agent; a parent must be first-level.`, {
          input: agent.parent,
        });
      default:
        throw unexpected(reply);
    }
  }

  async getAgent(id: string): Promise<Agent | null> {
    this.#open();
    const json = await this.redis.hget(`${this.prefix}agents`, String(id));
    return json === null ? null : (JSON.parse(json) as Agent);
  }

  async agents(): Promise<Agent[]> {
    this.#open();
    const all = (await this.redis.hvals(`${this.prefix}agents`)).map((json) => JSON.parse(json) as Agent);
    return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async reserve(reservation: Reservation): Promise<number> {
    this.#open();
    const plan = planReservation(reservation);
    const numbers = plan.range === undefined ? ['list', ...plan.numbers()] : ['range', plan.range.from, plan.range.to];
    const reply = await this.#run('reserve', [plan.agent, this.now(), plan.size, ...numbers]);
    const agent = quoteInput(plan.agent);
    switch (reply[0]) {
      case 'ok':
        return plan.size;
      case 'UNKNOWN_AGENT':
        throw unknownAgent(plan.agent);
      case 'QUOTA_EXCEEDED': {
        const active = Number(reply[1]);
        const quota = Number(reply[2]);
        throw new Vanity400Error(
          'QUOTA_EXCEEDED',
          `Cannot reserve ${plan.size} number${plan.size === 1 ? '' : 's'} for agent ${agent}: it has ${active} reserved ` +
            `and a quota of ${quota}, so at most ${Math.max(0, quota - active)} more. Nothing was reserved.`,
          { input: reservation },
        );
      }
      case 'OVERLAP': {
        const shown: string[] = [];
        for (let i = 2; i + 2 < reply.length; i += 3) shown.push(`${showNumber(String(reply[i]))} (${reply[i + 1]}, ${reply[i + 2]})`);
        const count = Number(reply[1]);
        throw new Vanity400Error(
          'OVERLAP',
          `Cannot reserve for agent ${agent}: ${count} of the ${plan.size} numbers belong to other agents: ` +
            `${sample(shown, SHOWN, count)}. Nothing was reserved.`,
          { input: reservation },
        );
      }
      case 'DUPLICATE_NUMBER': {
        const shown = reply.slice(2).map((d) => showNumber(String(d)));
        const count = Number(reply[1]);
        throw new Vanity400Error(
          'DUPLICATE_NUMBER',
          `Cannot reserve for agent ${agent}: ${count} of the ${plan.size} numbers are already its own: ${sample(shown, SHOWN, count)}. Nothing was reserved.`,
          { input: reservation },
        );
      }
      default:
        throw unexpected(reply);
    }
  }

  async hold(number: string, customer: string, ttlMs: number): Promise<HoldResult> {
    this.#open();
    const d = digitsOf(number);
    checkCustomer(customer);
    checkTtl(ttlMs);
    const now = this.now();
    const until = now + ttlMs;
    const reply = await this.#run('hold', [d, customer, now, until, ttlMs]);
    if (reply[0] === 'ok') return { ok: true, heldUntil: until };
    if (reply[0] === 'TAKEN') return { ok: false, state: stateOf(d, reply, 1) };
    throw refusal(reply, d);
  }

  async release(number: string, customer: string): Promise<void> {
    this.#open();
    const d = digitsOf(number);
    checkCustomer(customer);
    const reply = await this.#run('release', [d, customer, this.now()]);
    if (reply[0] === 'ok') return;
    if (reply[0] === 'NOT_HELD') {
      const state = stateOf(d, reply, 1);
      const holder = reply[5];
      const expired =
        typeof holder === 'string' && holder !== '' ? ` (the hold by ${quoteInput(holder)} expired at ${new Date(Number(reply[6])).toISOString()})` : '';
      throw new Vanity400Error('NOT_HELD', `Cannot release ${showNumber(d)}: ${describeState(state)}, not held${expired}.`, { input: number });
    }
    if (reply[0] === 'NOT_HOLDER') {
      const state = stateOf(d, reply, 1);
      throw new Vanity400Error('NOT_HOLDER', `Cannot release ${showNumber(d)} for ${quoteInput(customer)}: ${describeState(state)}.`, { input: number });
    }
    throw refusal(reply, d);
  }

  async sell(number: string, customer: string): Promise<void> {
    this.#open();
    const d = digitsOf(number);
    checkCustomer(customer);
    const reply = await this.#run('sell', [d, customer, this.now()]);
    if (reply[0] === 'ok') return;
    if (reply[0] === 'NOT_HOLDER' || reply[0] === 'NOT_AVAILABLE') {
      throw new Vanity400Error(reply[0], `Cannot sell ${showNumber(d)} to ${quoteInput(customer)}: ${describeState(stateOf(d, reply, 1))}.`, { input: number });
    }
    throw refusal(reply, d);
  }

  async withdraw(number: string): Promise<void> {
    this.#open();
    const d = digitsOf(number);
    const reply = await this.#run('withdraw', [d, this.now()]);
    if (reply[0] === 'ok') return;
    if (reply[0] === 'NOT_AVAILABLE') {
      throw new Vanity400Error('NOT_AVAILABLE', `Cannot withdraw ${showNumber(d)}: ${describeState(stateOf(d, reply, 1))}.`, { input: number });
    }
    throw refusal(reply, d);
  }

  async who(number: string): Promise<NumberState | null> {
    this.#open();
    const d = digitsOf(number);
    const reply = await this.#run('who', [d, this.now()]);
    if (reply[0] === 'NONE') return null;
    if (reply[0] === 'ok') return stateOf(d, reply, 1);
    throw unexpected(reply);
  }

  async list(agentId: string, status?: NumberStatus): Promise<NumberState[]> {
    this.#open();
    const reply = await this.#run('list', [String(agentId), this.now()]);
    if (reply[0] === 'UNKNOWN_AGENT') throw unknownAgent(agentId);
    if (status !== undefined) checkStatus(status);
    if (reply[0] !== 'ok') throw unexpected(reply);
    const out: NumberState[] = [];
    for (let i = 1; i + 3 < reply.length; i += 4) {
      const state = makeState(String(reply[i]), agentId, reply[i + 1], reply[i + 2], reply[i + 3]);
      if (status === undefined || state.status === status) out.push(state);
    }
    return out.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  }

  async counts(agentId?: string): Promise<Record<NumberStatus, number>> {
    this.#open();
    const reply = await this.#run('counts', [this.now(), agentId === undefined ? '' : String(agentId)]);
    if (reply[0] === 'UNKNOWN_AGENT') throw unknownAgent(agentId);
    if (reply[0] !== 'ok') throw unexpected(reply);
    return { available: Number(reply[1]), held: Number(reply[2]), sold: Number(reply[3]), withdrawn: Number(reply[4]) };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.owned) await this.redis.quit();
  }

  #open(): void {
    if (this.#closed) throw new Vanity400Error('STORE_CLOSED', 'The inventory store is closed.');
  }

  /** Runs a script by its SHA, loading it again if the server has forgotten it (restart, SCRIPT FLUSH). */
  async #run(name: ScriptName, args: (string | number)[]): Promise<Reply> {
    const argv = [this.prefix, ...args];
    try {
      return (await this.redis.evalsha(SHA[name], 0, ...argv)) as Reply;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await this.redis.eval(SCRIPTS[name], 0, ...argv)) as Reply;
    }
  }

}

/** The refusal every number operation shares: the number was never reserved. */
function refusal(reply: Reply, d: string): Error {
  if (reply[0] === 'NOT_RESERVED') return new Vanity400Error('NOT_RESERVED', `${showNumber(d)} is not reserved by any agent.`, { input: d });
  return unexpected(reply);
}

/** A state from a script's reply: agent, status, customer, until from `at` on. */
function stateOf(d: string, reply: Reply, at: number): NumberState {
  return makeState(d, String(reply[at]), reply[at + 1], reply[at + 2], reply[at + 3]);
}

function makeState(d: string, agent: string, status: unknown, customer: unknown, until: unknown): NumberState {
  const state: NumberState = { number: d, agent, status: status as NumberStatus };
  if (state.status === 'held' || state.status === 'sold') state.customer = String(customer);
  if (state.status === 'held') state.heldUntil = Number(until);
  return state;
}

function unknownAgent(id: unknown): Vanity400Error {
  return new Vanity400Error('UNKNOWN_AGENT', `Unknown agent ${quoteInput(id)}.`, { input: id });
}

function unexpected(reply: Reply): Error {
  return new Error(`vanity400/redis: unexpected reply from a script: ${JSON.stringify(reply).slice(0, 200)}`);
}
