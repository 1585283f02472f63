import type BetterSqlite3 from 'better-sqlite3';
import { createOrderStore, inventoryRules as rules, Vanity400Error } from 'vanity400';
import type { CommitResult, InsertResult, InventoryChange, LedgerFilter, NumberState, Order, OrderLedger, OrderStore, OrderStoreOptions } from 'vanity400';
import type { SqliteStore } from './index.js';

/** Orders beside the inventory's tables: the order as JSON, and the columns its lookups use. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT NOT NULL, customer TEXT NOT NULL, agent TEXT,
  status TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS orders_by_number ON orders (number, status);
CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer);
`;

interface OrderRow {
  body: string;
}

class SqliteOrderLedger implements OrderLedger {
  readonly #q;

  constructor(
    readonly store: SqliteStore,
    db: BetterSqlite3.Database,
  ) {
    this.#q = {
      read: db.prepare<[string], OrderRow>('SELECT body FROM orders WHERE id = ?'),
      version: db.prepare<[string], { version: number }>('SELECT version FROM orders WHERE id = ?'),
      open: db.prepare<[string], { id: string }>("SELECT id FROM orders WHERE number = ? AND status <> 'cancelled' LIMIT 1"),
      nextSeq: db.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) + 1 AS seq FROM orders'),
      insert: db.prepare('INSERT INTO orders (seq, id, number, customer, agent, status, version, body) VALUES (@seq, @id, @number, @customer, @agent, @status, @version, @body)'),
      update: db.prepare<[string, number, string, string]>('UPDATE orders SET status = ?, version = ?, body = ? WHERE id = ?'),
      list: db.prepare<{ customer: string | null; agent: string | null; status: string | null; number: string | null }, OrderRow>(
        'SELECT body FROM orders WHERE (@customer IS NULL OR customer = @customer) AND (@agent IS NULL OR agent = @agent) AND (@status IS NULL OR status = @status) AND (@number IS NULL OR number = @number) ORDER BY seq',
      ),
    };
  }

  now(): Promise<number> {
    return this.store.read((view) => view.now);
  }

  insertOrder(draft: Order): Promise<InsertResult> {
    return this.store.transaction((tx): InsertResult => {
      const state = tx.who(draft.number);
      if (state?.status !== 'held' || state.customer !== draft.customer) return { ok: false, refused: 'NOT_HELD' };
      const open = this.#q.open.get(draft.number);
      if (open) return { ok: false, refused: 'DUPLICATE_ORDER', openId: open.id };
      const seq = (this.#q.nextSeq.get() as { seq: number }).seq;
      const order: Order = { ...draft, id: `order-${seq}`, agent: state.agent };
      this.#q.insert.run({ seq, id: order.id, number: order.number, customer: order.customer, agent: order.agent, status: order.status, version: order.version, body: JSON.stringify(order) });
      return { ok: true, order };
    });
  }

  readOrder(id: string): Promise<Order | null> {
    return this.store.read(() => {
      const row = this.#q.read.get(id);
      return row === undefined ? null : (JSON.parse(row.body) as Order);
    });
  }

  listOrders(filter: LedgerFilter): Promise<Order[]> {
    return this.store.read(() =>
      this.#q.list.all({ customer: filter.customer ?? null, agent: filter.agent ?? null, status: filter.status ?? null, number: filter.number ?? null }).map((row) => JSON.parse(row.body) as Order),
    );
  }

  commitOrder(next: Order, change: InventoryChange | null): Promise<CommitResult> {
    return this.store.transaction((tx): CommitResult => {
      if (this.#q.version.get(next.id)?.version !== next.version - 1) return 'stale';
      if (change?.op === 'sell') {
        const state = tx.who(change.number);
        if (state === null || rules.sellRefusal(state, change.customer)) return { refusedBy: state };
        tx.sell(change.number, change.customer);
      }
      if (change?.op === 'release') {
        const state = tx.who(change.number);
        if (state?.status === 'held' && state.customer === change.customer) tx.release(change.number, change.customer);
      }
      this.#q.update.run(next.status, next.version, JSON.stringify(next), next.id);
      return 'ok';
    });
  }

  who(number: string): Promise<NumberState | null> {
    return this.store.who(number);
  }

  async close(): Promise<void> {}
}

/**
 * The {@link OrderStore} in the same SQLite file as the inventory `store`: each step and its inventory
 * change (paid sells the number, cancelled releases its hold) are one transaction, so a killed process
 * leaves both done or neither, and of two processes paying the same order one wins. Adds the orders
 * table to the file when it has none. close() leaves the inventory open.
 */
export async function openSqliteOrderStore(store: SqliteStore, options: OrderStoreOptions = {}): Promise<OrderStore> {
  if (typeof store !== 'object' || store === null || typeof (store as Partial<SqliteStore>).transaction !== 'function') {
    throw new Vanity400Error('INVALID_TYPE', { zh: 'openSqliteOrderStore 的 store 应为 openSqliteStore 打开的库存', en: 'openSqliteOrderStore(): store: expected an inventory opened by openSqliteStore' }, { input: store, field: 'store' });
  }
  if (typeof options !== 'object' || options === null) throw rules.wrongType('openSqliteOrderStore(): options', { zh: '选项对象', en: 'an options object' }, options);
  const db = await store.transaction((tx) => {
    tx.db.exec(SCHEMA);
    return tx.db;
  });
  return createOrderStore(new SqliteOrderLedger(store, db), options);
}
