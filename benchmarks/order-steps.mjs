import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryOrderBook, MemoryStore, licenceCheckCharacter } from '../dist/index.js';
import { openSqliteOrderStore, openSqliteStore } from '../dist/sqlite.js';
import { redis } from './inventory.mjs';
import { round } from './harness.mjs';

const AGENT = { id: 'bench', name: '基准测试有限公司', level: 'first', licence: `91110108MA01XK7D3${licenceCheckCharacter('91110108MA01XK7D3')}`, verified: true, quota: 100_000 };
const CREDIT = `91440300MA5F00070${licenceCheckCharacter('91440300MA5F00070')}`;
const ORDERS = { memory: 2_000, sqlite: 200, redis: 200 };
const DOCUMENTS = { handlerIdNumber: '11010519491231002X', numbersHeld: 0, provided: ['business-licence', 'handler-id', 'landing-real-name'] };
const STEPS = [['signed', {}], ['documents-complete', DOCUMENTS], ['paid', { amount: 30000 }], ['opening', {}], ['opened', {}], ['test-call-confirmed', { answeredOn: '0755-88881234' }]];

/**
 * On one store: n holds (the baseline: the store's own one-transaction write, what a hand-made orders table
 * would also cost a step), then n orders walked from the draft to the test call (7 writes each, the sale
 * among them), one after another.
 */
async function stepsOn(store, orders, n, durability) {
  await store.addAgent(AGENT);
  const numbers = Array.from({ length: n }, (_, i) => String(4006000000 + i));
  await store.reserve({ agent: 'bench', numbers });
  let t = performance.now();
  for (const d of numbers) await store.hold(d, `c${d}`, 3_600_000);
  const holdUs = ((performance.now() - t) * 1000) / n;
  t = performance.now();
  for (const d of numbers) {
    const { id } = await orders.create({ customer: `c${d}`, number: d, packageId: 'year-30000', company: { name: '深圳顺发物流有限公司', creditCode: CREDIT }, landingNumbers: ['0755-88881234'] });
    for (const [step, inputs] of STEPS) await orders.advance(id, step, inputs);
  }
  const stepUs = ((performance.now() - t) * 1000) / (n * (STEPS.length + 1));
  await orders.close();
  await store.close();
  return { orders: n, holdUs: round(holdUs, 1), orderStepUs: round(stepUs, 1), stepVsHold: round(stepUs / holdUs, 2), durability };
}

/** Order steps per store beside a hold on the same store. */
export async function benchOrderSteps() {
  const dir = mkdtempSync(join(tmpdir(), 'vanity400-bench-orders-'));
  const memory = new MemoryStore();
  const out = { memory: await stepsOn(memory, new MemoryOrderBook({ inventory: memory }), ORDERS.memory, 'memory') };
  const sqlite = await openSqliteStore(join(dir, 'orders.db'));
  out.sqliteFull = await stepsOn(sqlite, await openSqliteOrderStore(sqlite), ORDERS.sqlite, 'SQLite WAL, synchronous FULL (the default)');
  const server = await redis('everysec');
  if (server === null) out.redisAofEverysec = 'skipped: no redis-server';
  else {
    try {
      const { createRedisOrderStore, createRedisStore } = await import('../dist/redis.js');
      const store = await createRedisStore(server.url, { prefix: `bench-orders:${Date.now()}:`, onWarning() {} });
      out.redisAofEverysec = await stepsOn(store, createRedisOrderStore(store), ORDERS.redis, 'Redis AOF appendfsync everysec');
    } finally {
      server.stop();
    }
  }
  return out;
}
