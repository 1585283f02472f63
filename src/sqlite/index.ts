/**
 * vanity400/sqlite: the inventory {@link Store} in one SQLite file, the embedded default that many
 * processes on one machine share at once (the CLI, `pick`, `vanity400 mcp`, a web server). WAL mode, so
 * readers never wait for a writer; every operation is one transaction, and each check-and-change runs
 * under `BEGIN IMMEDIATE`, so two processes never hold or sell the same number. Needs the
 * `better-sqlite3` package (12.x).
 *
 * @module vanity400/sqlite
 */
import { existsSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { Vanity400Error, inventoryRules as rules } from 'vanity400';
import type { Agent, HoldResult, InventoryBatch, LoadResult, NumberState, NumberStatus, Reservation, Store, StoreOptions } from 'vanity400';

/**
 * How hard each acknowledged change is kept. 'full' (default): the write-ahead log is synced to disk at
 * every commit, so an acknowledged change survives a crash of the process and of the machine (power
 * loss). 'normal': synced only at checkpoints; survives a crash of the process, but the last changes
 * before a power loss may be lost (the file stays consistent). Several times the holds per second (see the inventory benchmark).
 */
export type SqliteDurability = 'full' | 'normal';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions extends StoreOptions {
  /** Default 'full'. */
  durability?: SqliteDurability;
  /** Create the file if there is none (default true). False: a missing file is NO_STORE, for read-only commands. */
  create?: boolean;
  /** How long an operation waits for another process's write to finish, in ms (default 10,000): then STORE_UNAVAILABLE. */
  busyTimeoutMs?: number;
}

/** One store operation inside {@link SqliteStore.transaction}: the number operations, synchronous, and the database. */
export interface SqliteTransaction {
  /** The better-sqlite3 connection, inside the transaction: for tables of records kept beside the inventory. */
  readonly db: BetterSqlite3.Database;
  /** The store clock at the start of the transaction, epoch ms. */
  readonly now: number;
  /** As {@link Store.hold}, synchronously. */
  hold(number: string, customer: string, ttlMs: number): HoldResult;
  /** As {@link Store.release}. */
  release(number: string, customer: string): void;
  /** As {@link Store.sell}. */
  sell(number: string, customer: string): void;
  /** As {@link Store.withdraw}. */
  withdraw(number: string): void;
  /** As {@link Store.who}. */
  who(number: string): NumberState | null;
}

/** A read of the store inside {@link SqliteStore.read}. */
export interface SqliteReadView {
  /** The better-sqlite3 connection, inside the read transaction. */
  readonly db: BetterSqlite3.Database;
  /** The store clock at the start of the read, epoch ms. */
  readonly now: number;
  /** As {@link Store.who}. */
  who(number: string): NumberState | null;
}

const FORMAT = 'vanity400-inventory';
const VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS vanity400 (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agents (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL CHECK (level IN ('first', 'second')), parent TEXT,
  licence TEXT NOT NULL UNIQUE, verified INTEGER NOT NULL, quota INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS numbers (
  number INTEGER PRIMARY KEY, agent TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('available', 'held', 'sold', 'withdrawn')),
  customer TEXT, held_until INTEGER);
CREATE INDEX IF NOT EXISTS numbers_by_agent ON numbers (agent, number);
CREATE INDEX IF NOT EXISTS numbers_by_agent_status ON numbers (agent, status);
`;

interface Row {
  number: number;
  agent: string;
  status: NumberStatus;
  customer: string | null;
  held_until: number | null;
}

interface AgentRow {
  id: string;
  name: string;
  level: 'first' | 'second';
  parent: string | null;
  licence: string;
  verified: number;
  quota: number;
}

function agentOf(row: AgentRow): Agent {
  const agent: Agent = { id: row.id, name: row.name, level: row.level, licence: row.licence, verified: row.verified === 1, quota: row.quota };
  if (row.parent !== null) agent.parent = row.parent;
  return agent;
}

function stateOf(row: Row, now: number): NumberState {
  const d = String(row.number);
  const status: NumberStatus = row.status === 'held' && (row.held_until ?? 0) <= now ? 'available' : row.status;
  const state: NumberState = { number: d, agent: row.agent, status };
  if (status === 'held' || status === 'sold') state.customer = row.customer as string;
  if (status === 'held') state.heldUntil = row.held_until as number;
  return state;
}

const text = (zh: string, en: string) => ({ zh, en });

/** better-sqlite3, or MISSING_PACKAGE saying what to install. */
async function loadDriver(): Promise<typeof BetterSqlite3> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new Vanity400Error(
      'MISSING_PACKAGE',
      text('SQLite 库存需要 better-sqlite3 包：npm install better-sqlite3@12', 'vanity400/sqlite needs the better-sqlite3 package: npm install better-sqlite3@12'),
    );
  }
}

/** A driver error as the store's own: busy too long, not a database, a file that cannot be opened. */
function storeError(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new Vanity400Error('STORE_UNAVAILABLE', text(`库存 ${path} 正被其他进程长时间占用写入，请稍后再试。`, `The inventory ${path} is busy: another process has been writing to it too long; try again.`), {
      input: path,
    });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new Vanity400Error('BAD_STORE', text(`${path} 不是 vanity400 库存文件（或已损坏）。`, `${path} is not a vanity400 inventory (or it is damaged).`), { input: path });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return new Vanity400Error('STORE_UNAVAILABLE', text(`无法读写库存 ${path}（${code}）。`, `Cannot use the inventory ${path} (${code}).`), { input: path });
  }
  return error;
}

/**
 * Opens (or creates) the inventory in the SQLite file at `path`. Any number of processes may open the
 * same file at once. A file that is not a vanity400 inventory is BAD_STORE; with `create: false` a
 * missing file is NO_STORE.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  if (typeof path !== 'string' || path === '') throw rules.wrongType('path', text('文件路径', 'a file path'), path);
  rules.guardOptions(options, 'openSqliteStore(): options');
  rules.guardFields(options, 'openSqliteStore(): options', { durability: 'string?', create: 'boolean?', busyTimeoutMs: 'number?', now: 'function?' });
  const durability = options.durability ?? 'full';
  if (durability !== 'full' && durability !== 'normal') {
    throw new Vanity400Error('BAD_ARGUMENT', text(`durability 应为 "full" 或 "normal"，实际是 ${rules.quoteInput(durability)}。`, `durability: expected "full" or "normal", got ${rules.quoteInput(durability)}.`));
  }
  const Database = await loadDriver();
  const missing = (): Vanity400Error =>
    new Vanity400Error('NO_STORE', text(`没有库存文件 ${path}：请先导入（vanity400 inventory import 文件）。`, `There is no inventory at ${path}: import one first (vanity400 inventory import FILE).`), {
      input: path,
    });
  if (options.create === false && path !== ':memory:' && !existsSync(path)) throw missing();
  let db: BetterSqlite3.Database;
  try {
    db = new Database(path, { fileMustExist: options.create === false, timeout: options.busyTimeoutMs ?? 10_000 });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (options.create === false && code === 'SQLITE_CANTOPEN') throw missing();
    if (error instanceof TypeError) {
      throw new Vanity400Error('STORE_UNAVAILABLE', text(`无法打开库存 ${path}：${error.message}。`, `Cannot open the inventory ${path}: ${error.message}.`), { input: path });
    }
    throw storeError(path, error);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.transaction(() => {
      const known = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      const marked = known.n > 0 && (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'vanity400'").get() as { n: number }).n > 0;
      if (known.n > 0 && !marked) throw new Vanity400Error('BAD_STORE', text(`${path} 是别的 SQLite 数据库，不是 vanity400 库存。`, `${path} is another SQLite database, not a vanity400 inventory.`), { input: path });
      db.exec(SCHEMA);
      const format = db.prepare("SELECT value FROM vanity400 WHERE key = 'format'").get() as { value: string } | undefined;
      if (format === undefined) {
        db.prepare("INSERT INTO vanity400 (key, value) VALUES ('format', ?), ('version', ?)").run(FORMAT, String(VERSION));
      } else {
        const version = db.prepare("SELECT value FROM vanity400 WHERE key = 'version'").get() as { value: string } | undefined;
        if (format.value !== FORMAT || Number(version?.value) > VERSION) {
          throw new Vanity400Error('BAD_STORE', text(`${path} 是更新版本或别的程序的库存（版本 ${version?.value}）。`, `${path} is an inventory of a newer version or another program (version ${version?.value}).`), { input: path });
        }
      }
    }).immediate();
  } catch (error) {
    db.close();
    throw storeError(path, error);
  }
  return new SqliteStore(db, path, options.now ?? Date.now);
}

/** The inventory in a SQLite file; see {@link openSqliteStore}. */
export class SqliteStore implements Store {
  readonly #db: BetterSqlite3.Database;
  readonly #now: () => number;
  readonly #q;
  #closed = false;

  /** @internal Use {@link openSqliteStore}. */
  constructor(
    db: BetterSqlite3.Database,
    /** The file the inventory is in. */
    readonly path: string,
    now: () => number,
  ) {
    this.#db = db;
    this.#now = now;
    this.#q = {
      agent: db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE id = ?'),
      agents: db.prepare<[], AgentRow>('SELECT * FROM agents ORDER BY id'),
      licenceOwner: db.prepare<[string], { id: string }>('SELECT id FROM agents WHERE licence = ?'),
      addAgent: db.prepare('INSERT INTO agents (id, name, level, parent, licence, verified, quota) VALUES (@id, @name, @level, @parent, @licence, @verified, @quota)'),
      number: db.prepare<[number], Row>('SELECT * FROM numbers WHERE number = ?'),
      inRange: db.prepare<[number, number], Row>("SELECT * FROM numbers WHERE number BETWEEN ? AND ? AND status <> 'withdrawn' ORDER BY number"),
      active: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM numbers WHERE agent = ? AND status IN ('available', 'held')"),
      put: db.prepare<[number, string]>(
        "INSERT INTO numbers (number, agent, status) VALUES (?, ?, 'available') ON CONFLICT (number) DO UPDATE SET agent = excluded.agent, status = 'available', customer = NULL, held_until = NULL",
      ),
      set: db.prepare<[string, string | null, number | null, number]>('UPDATE numbers SET status = ?, customer = ?, held_until = ? WHERE number = ?'),
      list: db.prepare<[string], Row>('SELECT * FROM numbers WHERE agent = ? ORDER BY number'),
      counts: db.prepare<[number, string], { s: NumberStatus; n: number }>(
        "SELECT CASE WHEN status = 'held' AND held_until <= ? THEN 'available' ELSE status END AS s, count(*) AS n FROM numbers WHERE agent = ? GROUP BY s",
      ),
      countsAll: db.prepare<[number], { s: NumberStatus; n: number }>(
        "SELECT CASE WHEN status = 'held' AND held_until <= ? THEN 'available' ELSE status END AS s, count(*) AS n FROM numbers GROUP BY s",
      ),
    };
  }

  async addAgent(input: Agent): Promise<void> {
    this.#write(() => {
      const agent = rules.checkAgent(input);
      const refusal = rules.addAgentRefusal(agent, this.#agentFacts(agent));
      if (refusal) throw refusal;
      this.#insertAgent(agent);
    });
  }

  async getAgent(id: string): Promise<Agent | null> {
    return this.#read(() => {
      const row = this.#q.agent.get(rules.checkLookupId(id));
      return row === undefined ? null : agentOf(row);
    });
  }

  async agents(): Promise<Agent[]> {
    return this.#read(() => this.#q.agents.all().map(agentOf));
  }

  async reserve(reservation: Reservation): Promise<number> {
    return this.#write(() => {
      const plan = rules.planReservation(reservation);
      const agent = this.#q.agent.get(plan.agent);
      if (agent === undefined) throw rules.unknownAgent(plan.agent);
      const active = this.#q.active.get(plan.agent)?.n ?? 0;
      const quota = rules.quotaRefusal(plan, agent.quota, active, reservation);
      if (quota) throw quota;
      const check = new rules.ReserveCheck(plan.agent);
      this.#see(plan.range, plan.numbers, check);
      const refusal = rules.reserveRefusal(plan, { quota: agent.quota, active, ...check }, reservation);
      if (refusal) throw refusal;
      for (const d of plan.numbers()) this.#q.put.run(Number(d), plan.agent);
      return plan.size;
    });
  }

  async hold(number: string, customer: string, ttlMs: number): Promise<HoldResult> {
    return this.#write(() => this.#hold(number, customer, ttlMs, this.#now()));
  }

  async release(number: string, customer: string): Promise<void> {
    this.#write(() => this.#release(number, customer, this.#now()));
  }

  async sell(number: string, customer: string): Promise<void> {
    this.#write(() => this.#sell(number, customer, this.#now()));
  }

  async withdraw(number: string): Promise<void> {
    this.#write(() => this.#withdraw(number, this.#now()));
  }

  async who(number: string): Promise<NumberState | null> {
    return this.#read(() => this.#who(number, this.#now()));
  }

  async list(agentId: string, status?: NumberStatus): Promise<NumberState[]> {
    return this.#read(() =>
      this.#db.transaction(() => {
        this.#agentOrThrow(agentId);
        if (status !== undefined) rules.checkStatus(status);
        const now = this.#now();
        const out: NumberState[] = [];
        for (const row of this.#q.list.iterate(agentId)) {
          const state = stateOf(row, now);
          if (status === undefined || state.status === status) out.push(state);
        }
        return out;
      })(),
    );
  }

  async counts(agentId?: string): Promise<Record<NumberStatus, number>> {
    return this.#read(() =>
      this.#db.transaction(() => {
        const now = this.#now();
        const counts = rules.emptyCounts();
        if (agentId !== undefined) this.#agentOrThrow(agentId);
        const rows = agentId === undefined ? this.#q.countsAll.all(now) : this.#q.counts.all(now, agentId);
        for (const { s, n } of rows) counts[s] += n;
        return counts;
      })(),
    );
  }

  async load(batch: InventoryBatch, options: { dryRun?: boolean } = {}): Promise<LoadResult> {
    const { dryRun } = rules.checkLoadOptions(options);
    const run = () => {
      const now = this.#now();
      const read = rules.readBatch(batch);
      const problems = rules.batchProblems(
        read,
        {
          agent: (id) => {
            const row = this.#q.agent.get(id);
            return row === undefined ? null : agentOf(row);
          },
          licenceOwner: (licence) => this.#q.licenceOwner.get(licence)?.id ?? null,
          active: (id) => this.#q.active.get(id)?.n ?? 0,
          taken: (entry) => {
            const check = new rules.ReserveCheck('');
            this.#see(entry.range, entry.numbers, check);
            return { count: check.takenCount, first: check.taken };
          },
        },
        now,
      );
      if (problems.length > 0) return { ok: false as const, problems };
      if (!dryRun) {
        for (const { agent } of read.agents) this.#insertAgent(agent);
        for (const entry of read.entries) {
          const status = rules.arrivingStatus(entry, now);
          for (const d of entry.numbers()) {
            this.#q.put.run(Number(d), entry.agent);
            if (status !== 'available') this.#q.set.run(status, entry.customer ?? null, status === 'held' ? (entry.heldUntil as number) : null, Number(d));
          }
        }
      }
      return { ok: true as const, agents: read.agents.length, numbers: read.entries.reduce((n, e) => n + e.size, 0) };
    };
    return dryRun ? this.#read(() => this.#db.transaction(run)()) : this.#write(run);
  }

  /**
   * Runs `work` as one transaction (`BEGIN IMMEDIATE`): the number operations it calls and anything it
   * writes through `tx.db` (tables of its own, e.g. orders and their history) are committed together,
   * or not at all if it throws. `work` must be synchronous.
   */
  async transaction<T>(work: (tx: SqliteTransaction) => T): Promise<T> {
    if (typeof work !== 'function') throw rules.wrongType('transaction(): work', text('函数', 'a function'), work);
    return this.#write(() => {
      const now = this.#now();
      const tx: SqliteTransaction = {
        db: this.#db,
        now,
        hold: (number, customer, ttlMs) => this.#hold(number, customer, ttlMs, now),
        release: (number, customer) => this.#release(number, customer, now),
        sell: (number, customer) => this.#sell(number, customer, now),
        withdraw: (number) => this.#withdraw(number, now),
        who: (number) => this.#who(number, now),
      };
      const result = work(tx);
      if (result instanceof Promise) throw new Vanity400Error('BAD_ARGUMENT', text('transaction 的 work 必须是同步函数。', 'transaction: work must be synchronous.'));
      return result;
    });
  }

  /**
   * Runs `work` as one read transaction: a consistent view of the file that never waits for a writer.
   * `work` must be synchronous and must not write.
   */
  async read<T>(work: (view: SqliteReadView) => T): Promise<T> {
    if (typeof work !== 'function') throw rules.wrongType('read(): work', text('函数', 'a function'), work);
    return this.#read(() =>
      this.#db.transaction(() => {
        const now = this.#now();
        return work({ db: this.#db, now, who: (number) => this.#who(number, now) });
      })(),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }

  #open(): void {
    if (this.#closed) throw rules.storeClosed();
  }

  #read<T>(run: () => T): T {
    this.#open();
    try {
      return run();
    } catch (error) {
      throw storeError(this.path, error);
    }
  }

  /** One write transaction, taking the write lock at its start: its checks see what it changes. */
  #write<T>(run: () => T): T {
    this.#open();
    try {
      return this.#db.transaction(run).immediate();
    } catch (error) {
      throw storeError(this.path, error);
    }
  }

  #agentFacts(agent: Agent): rules.AgentFacts {
    const parent = agent.parent === undefined ? undefined : this.#q.agent.get(agent.parent);
    return {
      idTaken: this.#q.agent.get(agent.id) !== undefined,
      licenceOwner: this.#q.licenceOwner.get(agent.licence)?.id ?? null,
      ...(agent.parent === undefined ? {} : { parentLevel: parent?.level ?? null }),
    };
  }

  #insertAgent(agent: Agent): void {
    this.#q.addAgent.run({ ...agent, parent: agent.parent ?? null, verified: agent.verified ? 1 : 0 });
  }

  #agentOrThrow(id: string): AgentRow {
    const row = this.#q.agent.get(rules.checkLookupId(id));
    if (row === undefined) throw rules.unknownAgent(id);
    return row;
  }

  /** Feeds the owners of a range's or a list's numbers to a reservation check. */
  #see(range: { from: string; to: string } | undefined, numbers: () => string[], check: InstanceType<typeof rules.ReserveCheck>): void {
    if (range) {
      for (const row of this.#q.inRange.iterate(Number(range.from), Number(range.to))) check.see(String(row.number), row.agent, row.status);
      return;
    }
    for (const d of numbers()) {
      const row = this.#q.number.get(Number(d));
      if (row) check.see(d, row.agent, row.status);
    }
  }

  /** The row and state of a reserved number (NOT_RESERVED otherwise), after checking the arguments in order. */
  #current(number: unknown, now: number): { row: Row; state: NumberState } {
    const d = rules.digitsOf(number);
    const row = this.#q.number.get(Number(d));
    if (row === undefined) throw rules.notReserved(d);
    return { row, state: stateOf(row, now) };
  }

  #hold(number: string, customer: string, ttlMs: number, now: number): HoldResult {
    rules.digitsOf(number);
    rules.checkCustomer(customer);
    rules.checkTtl(ttlMs);
    const { row, state } = this.#current(number, now);
    if (!rules.mayHold(state)) return { ok: false, state };
    const until = now + ttlMs;
    this.#q.set.run('held', customer, until, row.number);
    return { ok: true, heldUntil: until };
  }

  #release(number: string, customer: string, now: number): void {
    rules.digitsOf(number);
    rules.checkCustomer(customer);
    const { row, state } = this.#current(number, now);
    const ended = row.status === 'held' && state.status !== 'held' ? { customer: row.customer as string, until: row.held_until as number } : undefined;
    const refusal = rules.releaseRefusal(state, customer, ended);
    if (refusal) throw refusal;
    this.#q.set.run('available', null, null, row.number);
  }

  #sell(number: string, customer: string, now: number): void {
    rules.digitsOf(number);
    rules.checkCustomer(customer);
    const { row, state } = this.#current(number, now);
    const refusal = rules.sellRefusal(state, customer);
    if (refusal) throw refusal;
    this.#q.set.run('sold', customer, null, row.number);
  }

  #withdraw(number: string, now: number): void {
    const { row, state } = this.#current(number, now);
    const refusal = rules.withdrawRefusal(state);
    if (refusal) throw refusal;
    this.#q.set.run('withdrawn', null, null, row.number);
  }

  #who(number: string, now: number): NumberState | null {
    const row = this.#q.number.get(Number(rules.digitsOf(number)));
    return row === undefined ? null : stateOf(row, now);
  }
}

export { openSqliteOrderStore } from './orders.js';
