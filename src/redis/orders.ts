import type { Redis as RedisClient } from 'ioredis';
import type { CommitResult, InsertResult, InventoryChange, LedgerFilter, NumberState, Order, OrderLedger } from 'vanity400';
import { stateOf, unexpected, type Reply } from './replies.js';
import type { ScriptName } from './scripts.js';

/** What the order ledger uses of a Redis store: its scripts, its calls and its clock. */
export interface RedisAccess {
  readonly prefix: string;
  readonly redis: RedisClient;
  run(name: ScriptName, args: (string | number)[]): Promise<Reply>;
  call<T>(call: () => Promise<T>): Promise<T>;
  clock(): Promise<number>;
}

/** Orders in Redis beside the inventory (keys in ./scripts.ts): each write is one script with its inventory change. */
export class RedisOrderLedger implements OrderLedger {
  constructor(readonly access: RedisAccess) {}

  now(): Promise<number> {
    return this.access.clock();
  }

  async insertOrder(draft: Order): Promise<InsertResult> {
    const { id: _id, agent: _agent, ...body } = draft;
    const reply = await this.access.run('orderInsert', [draft.number, draft.customer, draft.status, JSON.stringify(body)]);
    if (reply[0] === 'ok') return { ok: true, order: { ...draft, id: String(reply[1]), agent: String(reply[2]) } };
    if (reply[0] === 'NOT_HELD') return { ok: false, refused: 'NOT_HELD' };
    if (reply[0] === 'DUPLICATE_ORDER') return { ok: false, refused: 'DUPLICATE_ORDER', openId: String(reply[1]) };
    throw unexpected(reply);
  }

  async readOrder(id: string): Promise<Order | null> {
    const json = await this.access.call(() => this.access.redis.hget(`${this.access.prefix}order:${id}`, 'j'));
    return json === null ? null : (JSON.parse(json) as Order);
  }

  async listOrders(filter: LedgerFilter): Promise<Order[]> {
    const out: Order[] = [];
    const want = [filter.customer ?? '', filter.agent ?? '', filter.status ?? '', filter.number ?? ''];
    let start = '0';
    do {
      const reply = await this.access.run('orderList', [start, ...want]);
      if (reply[0] !== 'ok') throw unexpected(reply);
      start = String(reply[1]);
      for (const json of reply.slice(2)) out.push(JSON.parse(String(json)) as Order);
    } while (start !== '');
    return out;
  }

  async commitOrder(next: Order, change: InventoryChange | null): Promise<CommitResult> {
    const reply = await this.access.run('orderCommit', [next.id, next.version, next.status, JSON.stringify(next), change?.op ?? '', next.number, next.customer]);
    if (reply[0] === 'ok') return 'ok';
    if (reply[0] === 'STALE') return 'stale';
    if (reply[0] === 'NOT_RESERVED') return { refusedBy: null };
    if (reply[0] === 'REFUSED') return { refusedBy: stateOf(next.number, reply, 1) };
    throw unexpected(reply);
  }

  async who(number: string): Promise<NumberState | null> {
    const reply = await this.access.run('who', [number]);
    if (reply[0] === 'NONE') return null;
    if (reply[0] === 'ok') return stateOf(number, reply, 1);
    throw unexpected(reply);
  }

  async close(): Promise<void> {}
}
