/**
 * vanity400/redis: the inventory {@link Store} in Redis, for many machines that share one server.
 * Every state change is one Lua script (see ./scripts.ts), so two customers never get the same number;
 * holds are timed by the Redis server's clock; imports and reservations of many numbers are staged in
 * bounded steps and switched in by one script, all or nothing. Needs the `ioredis` package (5.x or 6.x), and a
 * server with AOF persistence (docs/inventory.md says which setting loses what).
 *
 * @module vanity400/redis
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Redis as RedisClient, RedisOptions } from 'ioredis';
import { createOrderStore, Vanity400Error, inventoryRules as rules } from 'vanity400';
import type { Agent, HoldResult, InventoryBatch, LoadResult, LocalText, NumberState, NumberStatus, OrderStore, OrderStoreOptions, Reservation, Store, StoreOptions } from 'vanity400';
import { CHUNK, SCRIPTS, STAGING_TTL_MS, type ScriptName } from './scripts.js';
import { RedisOrderLedger, type RedisAccess } from './orders.js';
import { makeState, stateOf, unexpected, type Reply } from './replies.js';
import { reasonOf, unreachableError } from './unreachable.js';

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions extends StoreOptions {
  /** Put before every key; default 'vanity400:'. Give each inventory its own. */
  prefix?: string;
  /**
   * Called once at connect with a warning, in both languages: the server keeps no append-only file, so
   * a crash of Redis loses acknowledged holds and sales. Default: process.emitWarning.
   */
  onWarning?: (warning: LocalText) => void;
  /**
   * How long an import's staged numbers stay set aside when its importer stops answering (killed, cut
   * off), in ms; the numbers are free again after that. Default 30,000.
   */
  stagingTtlMs?: number;
}

const SHA: Record<ScriptName, string> = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, source]) => [name, createHash('sha1').update(source).digest('hex')]),
) as Record<ScriptName, string>;

const text = (zh: string, en: string): LocalText => ({ zh, en });

/** How the store's own connections behave: fail within about a second instead of queueing and retrying. */
const CONNECTION: RedisOptions = {
  lazyConnect: true,
  connectTimeout: 1_000,
  commandTimeout: 2_000,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
  // A socket that failed is already closed: do not wait ioredis's default 2 s for it to close on close().
  disconnectTimeout: 100,
  // Reconnect in the background (a web server outlives a Redis restart); calls meanwhile fail at once.
  retryStrategy: (times) => Math.min(times * 200, 1_000),
};

/** How long opening a store's own connection may take, TCP and ioredis's ready check together. */
const CONNECT_DEADLINE_MS = 1_000;

/** Connects, or fails with ETIMEDOUT after `ms` (a server that accepts but never answers, one still loading). */
async function connectWithin(client: RedisClient, ms: number): Promise<void> {
  const connecting = client.connect();
  connecting.catch(() => {}); // after the deadline its failure is no longer anyone's to hear
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    await Promise.race([connecting, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Where a client connects, for messages: "127.0.0.1:6379". */
function addressOf(client: RedisClient): string {
  const { host, port, path } = client.options;
  return path ? String(path) : `${host ?? '127.0.0.1'}:${port ?? 6379}`;
}

/** The latest error each store-owned connection reported itself (refused, timed out …), until it is ready again. */
const LAST_ERROR = new WeakMap<RedisClient, unknown>();

/** A failure to talk to Redis, as one error naming the server and why. Vanity400Errors pass through. */
function unreachable(client: RedisClient, where: string, error: unknown): unknown {
  if (error instanceof Vanity400Error) return error;
  const name = (error as { name?: unknown } | null)?.name;
  // The server answered: a bug or a misconfiguration, not a connection problem (unless it refused the password).
  if (name === 'ReplyError' && !/^(NOAUTH|WRONGPASS|ERR invalid password|ERR AUTH)\b/.test((error as Error).message)) return error;
  return unreachableError(where, reasonOf(error, LAST_ERROR.get(client), where));
}

async function loadIoredis(): Promise<typeof import('ioredis').Redis> {
  try {
    return (await import('ioredis')).Redis;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new Vanity400Error('MISSING_PACKAGE', text('Redis 库存需要 ioredis 包（5 或 6 版）：npm install ioredis', 'vanity400/redis needs the ioredis package (5 or 6): npm install ioredis'));
  }
}

/**
 * Opens the inventory store kept in Redis. Given a URL, the store opens its own connection (which
 * fails within about a second when the server cannot be reached: STORE_UNAVAILABLE) and close() quits
 * it; given a client, close() leaves the client open. Warns once (onWarning) when the server keeps no
 * append-only file. The scripts build key names inside Redis, so use one Redis server (not a cluster).
 */
export async function createRedisStore(redis: RedisClient | string, options: RedisStoreOptions = {}): Promise<Store> {
  rules.guardOptions(options, 'createRedisStore(): options');
  rules.guardFields(options, 'createRedisStore(): options', { prefix: 'string?', now: 'function?', onWarning: 'function?', stagingTtlMs: 'number?' });
  const prefix = options.prefix ?? 'vanity400:';
  const given = redis as Partial<RedisClient> | null;
  if (typeof redis !== 'string' && (typeof given !== 'object' || given === null || typeof given.options !== 'object' || typeof given.script !== 'function')) {
    throw rules.wrongType('redis', text('URL 或 ioredis 客户端', 'a URL or an ioredis client'), redis);
  }
  const owned = typeof redis === 'string';
  let client: RedisClient;
  if (typeof redis === 'string') {
    const Redis = await loadIoredis();
    try {
      client = new Redis(redis, CONNECTION);
    } catch (error) {
      throw new Vanity400Error('BAD_ARGUMENT', text(`Redis 地址有误：${rules.quoteInput(redis)}。`, `Not a Redis URL: ${rules.quoteInput(redis)}.`), { input: redis });
    }
    // Without a listener ioredis prints every failed reconnection; failures reach the caller as one
    // error, which says why from the latest of these.
    const own = client;
    own.on('error', (error: unknown) => LAST_ERROR.set(own, error));
    own.on('ready', () => LAST_ERROR.delete(own));
  } else client = redis;
  const where = addressOf(client);
  try {
    if (owned) await connectWithin(client, CONNECT_DEADLINE_MS);
    for (const source of Object.values(SCRIPTS)) await client.script('LOAD', source);
    const persistence = await client.info('persistence');
    if (/^aof_enabled:0/m.test(persistence)) {
      const warning = text(
        `Redis（${where}）没有开启 AOF 持久化：Redis 崩溃或重启时会丢失已确认的保留和销售。请设置 appendonly yes 和 appendfsync everysec（或 always）。`,
        `Redis at ${where} keeps no append-only file: a crash or restart of Redis loses acknowledged holds and sales. Set appendonly yes with appendfsync everysec (or always).`,
      );
      (options.onWarning ?? ((w) => process.emitWarning(w.en, { code: 'VANITY400_REDIS_PERSISTENCE' })))(warning);
    }
  } catch (error) {
    if (owned) client.disconnect();
    throw unreachable(client, where, error);
  }
  const store = new RedisStore(client, owned, prefix, options.now, where, options.stagingTtlMs ?? STAGING_TTL_MS);
  await store.finishImports();
  return store;
}

class RedisStore implements Store {
  #closed = false;

  constructor(
    readonly redis: RedisClient,
    readonly owned: boolean,
    readonly prefix: string,
    readonly now: (() => number) | undefined,
    readonly where: string,
    readonly stagingTtlMs: number,
  ) {}

  async addAgent(input: Agent): Promise<void> {
    this.#open();
    const agent = rules.checkAgent(input);
    const reply = await this.#run('addAgent', [agent.id, agent.licence, agent.parent ?? '', JSON.stringify(agent)]);
    if (reply[0] === 'ok') return;
    const refusal = rules.addAgentRefusal(agent, agentFacts(reply, 0));
    throw refusal ?? unexpected(reply);
  }

  async getAgent(id: string): Promise<Agent | null> {
    this.#open();
    const json = await this.#call(() => this.redis.hget(`${this.prefix}agents`, rules.checkLookupId(id)));
    return json === null ? null : (JSON.parse(json) as Agent);
  }

  async agents(): Promise<Agent[]> {
    this.#open();
    const all = (await this.#call(() => this.redis.hvals(`${this.prefix}agents`))).map((json) => JSON.parse(json) as Agent);
    return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async reserve(reservation: Reservation): Promise<number> {
    this.#open();
    const plan = rules.planReservation(reservation);
    if (plan.size > CHUNK) return this.#reserveStaged(plan, reservation);
    const numbers = plan.range === undefined ? ['list', ...plan.numbers()] : ['range', plan.range.from, plan.range.to];
    const reply = await this.#run('reserve', [plan.agent, plan.size, ...numbers]);
    if (reply[0] === 'ok') return plan.size;
    if (reply[0] === 'UNKNOWN_AGENT') throw rules.unknownAgent(plan.agent);
    const active = Number(reply[1]);
    const quota = Number(reply[2]);
    const check = new rules.ReserveCheck(plan.agent);
    if (reply[0] === 'CONFLICTS') for (let i = 3; i + 2 < reply.length; i += 3) check.see(String(reply[i]), String(reply[i + 1]), reply[i + 2] as NumberStatus);
    else if (reply[0] !== 'QUOTA_EXCEEDED') throw unexpected(reply);
    throw rules.reserveRefusal(plan, { quota, active, ...check }, reservation) ?? unexpected(reply);
  }

  async hold(number: string, customer: string, ttlMs: number): Promise<HoldResult> {
    this.#open();
    const d = rules.digitsOf(number);
    rules.checkCustomer(customer);
    rules.checkTtl(ttlMs);
    const reply = await this.#run('hold', [d, customer, ttlMs]);
    if (reply[0] === 'ok') return { ok: true, heldUntil: Number(reply[1]) };
    if (reply[0] === 'TAKEN') return { ok: false, state: stateOf(d, reply, 1) };
    throw refusal(reply, d);
  }

  async release(number: string, customer: string): Promise<void> {
    this.#open();
    const d = rules.digitsOf(number);
    rules.checkCustomer(customer);
    const reply = await this.#run('release', [d, customer]);
    if (reply[0] === 'ok') return;
    if (reply[0] !== 'REFUSED') throw refusal(reply, d);
    const ended = reply[5] ? { customer: String(reply[5]), until: Number(reply[6]) } : undefined;
    throw rules.releaseRefusal(stateOf(d, reply, 1), customer, ended) ?? unexpected(reply);
  }

  async sell(number: string, customer: string): Promise<void> {
    this.#open();
    const d = rules.digitsOf(number);
    rules.checkCustomer(customer);
    const reply = await this.#run('sell', [d, customer]);
    if (reply[0] === 'ok') return;
    if (reply[0] !== 'REFUSED') throw refusal(reply, d);
    throw rules.sellRefusal(stateOf(d, reply, 1), customer) ?? unexpected(reply);
  }

  async withdraw(number: string): Promise<void> {
    this.#open();
    const d = rules.digitsOf(number);
    const reply = await this.#run('withdraw', [d]);
    if (reply[0] === 'ok') return;
    if (reply[0] !== 'REFUSED') throw refusal(reply, d);
    throw rules.withdrawRefusal(stateOf(d, reply, 1)) ?? unexpected(reply);
  }

  async who(number: string): Promise<NumberState | null> {
    this.#open();
    const d = rules.digitsOf(number);
    const reply = await this.#run('who', [d]);
    if (reply[0] === 'NONE') return null;
    if (reply[0] === 'ok') return stateOf(d, reply, 1);
    throw unexpected(reply);
  }

  /** Pages through the agent's set (and those of imports not yet settled), a bounded script call each. */
  async list(agentId: string, status?: NumberStatus): Promise<NumberState[]> {
    this.#open();
    rules.checkLookupId(agentId);
    if (status !== undefined) rules.checkStatus(status);
    const found = new Map<string, NumberState>();
    const sets = [''];
    for (let s = 0; s < sets.length; s++) {
      let cursor = '0';
      do {
        const reply = await this.#run('list', [agentId, sets[s] as string, cursor]);
        if (reply[0] === 'UNKNOWN_AGENT') throw rules.unknownAgent(agentId);
        if (reply[0] !== 'ok') throw unexpected(reply);
        cursor = String(reply[1]);
        const marker = reply.indexOf('--imports');
        for (let i = 2; i + 3 < marker; i += 4) {
          found.set(String(reply[i]), makeState(String(reply[i]), agentId, reply[i + 1], reply[i + 2], reply[i + 3]));
        }
        for (const set of reply.slice(marker + 1)) sets.push(String(set));
      } while (cursor !== '0');
    }
    const out = [...found.values()].filter((st) => status === undefined || st.status === status);
    return out.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  }

  async counts(agentId?: string): Promise<Record<NumberStatus, number>> {
    this.#open();
    if (agentId !== undefined) rules.checkLookupId(agentId);
    const reply = await this.#run('counts', [agentId ?? '']);
    if (reply[0] === 'UNKNOWN_AGENT') throw rules.unknownAgent(agentId);
    if (reply[0] !== 'ok') throw unexpected(reply);
    return { available: Number(reply[1]), held: Number(reply[2]), sold: Number(reply[3]), withdrawn: Number(reply[4]) };
  }

  /**
   * Stages the batch under a new import key, a chunk at a time (each check-and-stage one script), then
   * commits it with one script that checks agents and quotas again; a batch with a problem, or one
   * whose importer dies before the commit, leaves the store as it was.
   */
  async load(batch: InventoryBatch, options: { dryRun?: boolean } = {}): Promise<LoadResult> {
    this.#open();
    const { dryRun } = rules.checkLoadOptions(options);
    const read = rules.readBatch(batch);
    const now = await this.#clock();
    const ids = new Set<string>();
    for (const { agent } of read.agents) {
      ids.add(agent.id);
      if (agent.parent !== undefined) ids.add(agent.parent);
    }
    for (const e of read.entries) ids.add(e.agent);
    const known = new Map<string, Agent>();
    const active = new Map<string, number>();
    const owners = new Map<string, string>();
    for (const id of ids) {
      const json = await this.#call(() => this.redis.hget(`${this.prefix}agents`, id));
      if (json !== null) known.set(id, JSON.parse(json) as Agent);
      active.set(id, Number((await this.#call(() => this.redis.hget(`${this.prefix}agent:${id}:counts`, 'available'))) ?? 0));
    }
    for (const { agent } of read.agents) {
      const owner = await this.#call(() => this.redis.hget(`${this.prefix}licences`, agent.licence));
      if (owner !== null) owners.set(agent.licence, owner);
    }
    const x = randomUUID();
    const write = !dryRun && read.problems.length === 0;
    if (write) await this.#call(() => this.redis.set(`${this.prefix}imp:${x}`, 'staging', 'PX', this.stagingTtlMs));
    let staging = write;
    let committed = false;
    try {
      const taken = new Map<rules.BatchEntry, { count: number; first: rules.Taken[] }>();
      for (const entry of read.entries) {
        const seen = { count: 0, first: [] as rules.Taken[] };
        taken.set(entry, seen);
        await this.#stage(x, entry, staging, now, (d, owner, status) => {
          if (++seen.count <= rules.SHOWN) seen.first.push({ number: d, agent: owner, status });
        });
        if (seen.count > 0) staging = false;
      }
      const problems = rules.batchProblems(
        read,
        {
          agent: (id) => known.get(id) ?? null,
          licenceOwner: (licence) => owners.get(licence) ?? null,
          active: (id) => active.get(id) ?? 0,
          taken: (entry) => taken.get(entry) as { count: number; first: rules.Taken[] },
        },
        now,
      );
      const result: LoadResult =
        problems.length > 0 ? { ok: false, problems } : { ok: true, agents: read.agents.length, numbers: read.entries.reduce((n, e) => n + e.size, 0) };
      if (!write || !result.ok) return result;
      const receivers = [...new Set(read.entries.map((e) => e.agent))];
      const reply = await this.#run('commit', [x, read.agents.length, ...read.agents.map((a) => JSON.stringify(a.agent)), ...receivers]);
      if (reply[0] !== 'ok') return { ok: false, problems: [this.#commitProblem(reply, read)] };
      committed = true;
      await this.#settle(x);
      return result;
    } finally {
      if (write && !committed) await this.#call(() => this.redis.del(`${this.prefix}imp:${x}`));
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.owned) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** What the order ledger runs on: the store's scripts, calls and clock, each refused once the store is closed. */
  access(): RedisAccess {
    return {
      prefix: this.prefix,
      redis: this.redis,
      run: async (name, args) => {
        this.#open();
        return this.#run(name, args);
      },
      call: async (call) => {
        this.#open();
        return this.#call(call);
      },
      clock: async () => {
        this.#open();
        return this.#clock();
      },
    };
  }

  /** Settles the imports that were committed but whose importer stopped before it had settled them all. */
  async finishImports(): Promise<void> {
    for (const x of await this.#call(() => this.redis.smembers(`${this.prefix}imports`))) await this.#settle(x);
  }

  #open(): void {
    if (this.#closed) throw rules.storeClosed();
  }

  async #clock(): Promise<number> {
    if (this.now) return this.now();
    const [s, us] = await this.#call(() => this.redis.time());
    return Number(s) * 1000 + Math.floor(Number(us) / 1000);
  }

  async #reserveStaged(plan: rules.ReservationPlan, input: unknown): Promise<number> {
    const json = await this.#call(() => this.redis.hget(`${this.prefix}agents`, plan.agent));
    if (json === null) throw rules.unknownAgent(plan.agent);
    const agent = JSON.parse(json) as Agent;
    const active = Number((await this.#call(() => this.redis.hget(`${this.prefix}agent:${plan.agent}:counts`, 'available'))) ?? 0);
    const quota = rules.quotaRefusal(plan, agent.quota, active, input);
    if (quota) throw quota;
    const x = randomUUID();
    await this.#call(() => this.redis.set(`${this.prefix}imp:${x}`, 'staging', 'PX', this.stagingTtlMs));
    let committed = false;
    try {
      const check = new rules.ReserveCheck(plan.agent);
      const entry: rules.BatchEntry = { agent: plan.agent, numbers: plan.numbers, size: plan.size, status: 'available', ...(plan.range ? { range: plan.range } : {}) };
      let write = true;
      await this.#stage(x, entry, write, 0, (d, owner, status) => {
        check.see(d, owner, status);
        write = false;
      });
      const refusal = rules.reserveRefusal(plan, { quota: agent.quota, active, ...check }, input);
      if (refusal) throw refusal;
      const reply = await this.#run('commit', [x, 0, plan.agent]);
      if (reply[0] === 'QUOTA') throw rules.quotaRefusal(plan, agent.quota, Number(reply[2]), input) ?? unexpected(reply);
      if (reply[0] !== 'ok') throw unexpected(reply);
      committed = true;
      await this.#settle(x);
      return plan.size;
    } finally {
      if (!committed) await this.#call(() => this.redis.del(`${this.prefix}imp:${x}`));
    }
  }

  /**
   * Stages (or only checks, once anything is taken) an entry's numbers a chunk per script call; `taken`
   * hears of each number another agent (or this one, for a reservation) already has.
   */
  async #stage(x: string, entry: rules.BatchEntry, write: boolean, now: number, taken: (d: string, owner: string, status: NumberStatus) => void): Promise<void> {
    const status = rules.arrivingStatus(entry, now);
    const head = [x, '', entry.agent, status, entry.customer ?? '', status === 'held' ? String(entry.heldUntil) : '', String(this.stagingTtlMs)];
    const chunks: string[][] = [];
    if (entry.range) {
      for (let lo = Number(entry.range.from); lo <= Number(entry.range.to); lo += CHUNK) chunks.push(['range', String(lo), String(Math.min(lo + CHUNK - 1, Number(entry.range.to)))]);
    } else {
      const all = entry.numbers();
      for (let i = 0; i < all.length; i += CHUNK) chunks.push(['list', ...all.slice(i, i + CHUNK)]);
    }
    let writing = write;
    for (const chunk of chunks) {
      head[1] = writing ? '1' : '0';
      const reply = await this.#run('stage', [...head, ...chunk]);
      if (reply[0] === 'EXPIRED') throw expired(this.stagingTtlMs);
      if (reply[0] !== 'ok') throw unexpected(reply);
      const marker = reply.indexOf('--own');
      for (let i = 3; i + 2 < marker; i += 3) taken(String(reply[i]), String(reply[i + 1]), reply[i + 2] as NumberStatus);
      for (const d of reply.slice(marker + 1)) taken(String(d), entry.agent, 'available');
      if (Number(reply[1]) + Number(reply[2]) > 0) writing = false;
    }
  }

  async #settle(x: string): Promise<void> {
    for (;;) {
      const reply = await this.#run('settle', [x]);
      if (reply[0] !== 'ok') throw unexpected(reply);
      if (reply[1] === 'done') return;
    }
  }

  /** A commit's refusal (the store changed while the import was staged) as a problem of the batch. */
  #commitProblem(reply: Reply, read: rules.ReadBatch): rules.BatchProblem {
    if (reply[0] === 'AGENT') {
      const { agent, ref } = read.agents[Number(reply[1]) - 1] as { agent: Agent; ref?: string };
      const refusal = rules.addAgentRefusal(agent, agentFacts(reply, 2)) ?? unexpected(reply);
      const e = refusal as Vanity400Error;
      return { ...(ref === undefined ? {} : { ref }), code: e.code, text: e.text };
    }
    if (reply[0] === 'QUOTA') {
      const id = String(reply[1]);
      return {
        code: 'QUOTA_EXCEEDED',
        text: text(
          `导入期间库存有变：代理商 ${JSON.stringify(id)} 将预占 ${reply[3]} 个号码，超出配额。未导入任何内容。`,
          `the store changed during the import: agent ${JSON.stringify(id)} would have ${reply[3]} numbers reserved, over its quota. Nothing was imported.`,
        ),
      };
    }
    if (reply[0] === 'EXPIRED') throw expired(this.stagingTtlMs);
    throw unexpected(reply);
  }

  /** Runs a script by its SHA, loading it again if the server has forgotten it (restart, SCRIPT FLUSH). */
  async #run(name: ScriptName, args: (string | number)[]): Promise<Reply> {
    const argv = [this.prefix, this.now ? String(this.now()) : '', ...args];
    return this.#call(async () => {
      try {
        return (await this.redis.evalsha(SHA[name], 0, ...argv)) as Reply;
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return (await this.redis.eval(SCRIPTS[name], 0, ...argv)) as Reply;
      }
    });
  }

  /** A Redis call whose connection failures come back as STORE_UNAVAILABLE. */
  async #call<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw unreachable(this.redis, this.where, error);
    }
  }
}

function agentFacts(reply: Reply, at: number): rules.AgentFacts {
  return {
    idTaken: reply[at] === 'DUPLICATE_ID',
    licenceOwner: reply[at] === 'DUPLICATE_LICENCE' ? String(reply[at + 1]) : null,
    parentLevel: reply[at] === 'NO_PARENT' ? null : reply[at] === 'SECOND_PARENT' ? 'second' : 'first',
  };
}

function expired(ttlMs: number): Vanity400Error {
  return new Vanity400Error(
    'STORE_UNAVAILABLE',
    text(`导入用时过长（超过 ${ttlMs / 1000} 秒没有进展），已放弃；库存没有改变。`, `The import stalled for over ${ttlMs / 1000} s and was abandoned; the store is unchanged.`),
  );
}

/** The refusal every number operation shares: the number was never reserved. */
function refusal(reply: Reply, d: string): Error {
  return reply[0] === 'NOT_RESERVED' ? rules.notReserved(d) : unexpected(reply);
}

/**
 * The {@link OrderStore} in the same Redis as the inventory `store` (made by {@link createRedisStore}):
 * each step and its inventory change (paid sells the number, cancelled releases its hold) are one Lua
 * script, so they happen together or not at all, and of two machines paying the same order one wins.
 * Orders live under the store's prefix. close() leaves the inventory open.
 */
export function createRedisOrderStore(store: Store, options: OrderStoreOptions = {}): OrderStore {
  if (!(store instanceof RedisStore)) {
    throw new Vanity400Error('INVALID_TYPE', text('createRedisOrderStore 的 store 应为 createRedisStore 打开的库存', 'createRedisOrderStore(): store: expected an inventory made by createRedisStore'), { input: store, field: 'store' });
  }
  if (typeof options !== 'object' || options === null) throw rules.wrongType('createRedisOrderStore(): options', text('选项对象', 'an options object'), options);
  return createOrderStore(new RedisOrderLedger(store.access()), options);
}
