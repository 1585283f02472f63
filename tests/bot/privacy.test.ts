import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { callTool, createBotContext } from '../../src/bot/index.js';
import type { Store } from '../../src/inventory/store.js';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import { MemoryOrderBook } from '../../src/orders/memory-order-book.js';
import type { OrderStore } from '../../src/orders/order-store.js';
import { createRedisOrderStore, createRedisStore } from '../../src/redis/index.js';
import { openSqliteOrderStore, openSqliteStore } from '../../src/sqlite/index.js';
import { companyLicence, makeAgent, manualClock } from '../inventory/helpers.js';
import { newOrder } from '../orders/order-store-contract.js';
import { NO_REDIS_MESSAGE, redisUrl, stopRedis } from '../redis-server.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS = await redisUrl();
if (REDIS === null && process.env.CI) throw new Error(NO_REDIS_MESSAGE);
const opened: { store: Store; orders: OrderStore }[] = [];
afterAll(async () => {
  for (const { store, orders } of opened) {
    await orders.close();
    await store.close();
  }
  await stopRedis();
});

/** Names that cannot turn up in an answer by chance: none is a substring of a number, a tier or a sentence. */
const OTHERS = Array.from({ length: 12 }, (_, i) => `他人客户${String.fromCharCode(0x4e00 + i * 37)}${i}号Qx`);
const ASKERS = ['来问的客户甲', '来问的客户乙', OTHERS[0] as string];

/**
 * 4006-123-000 … 4006-123-059: held (some expired) and sold for other customers, some withdrawn, some free;
 * an order of each other customer for a number they hold. Returns the ids of those orders.
 */
async function crowdedStore(store: Store, orders: OrderStore, clock: ReturnType<typeof manualClock>): Promise<string[]> {
  await store.addAgent(makeAgent('a1', 1));
  await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-059' });
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    const n = `4006123${String(i).padStart(3, '0')}`;
    const other = OTHERS[i % OTHERS.length] as string;
    if (i % 5 === 0) await store.sell(n, other);
    else if (i % 5 === 1) {
      await store.hold(n, other, 24 * 60 * 60_000);
      ids.push((await orders.create(newOrder({ customer: other, number: n }))).id);
    } else if (i % 5 === 2) await store.hold(n, other, 60_000); // ends when the clock moves on
    else if (i % 5 === 3) await store.withdraw(n);
  }
  clock.advance(2 * 60_000);
  return ids;
}

type Kind = 'memory' | 'sqlite' | 'redis';
let redisPrefixes = 0;

async function open(kind: Kind, now: () => number): Promise<{ store: Store; orders: OrderStore }> {
  let pair: { store: Store; orders: OrderStore };
  if (kind === 'memory') {
    const store = new MemoryStore({ now });
    pair = { store, orders: new MemoryOrderBook({ inventory: store, now }) };
  } else if (kind === 'sqlite') {
    const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanity400-privacy-')), 'p.db'), { now });
    pair = { store, orders: await openSqliteOrderStore(store) };
  } else {
    const store = await createRedisStore(REDIS as string, { now, prefix: `privacy${process.pid}-${++redisPrefixes}:`, onWarning: () => {} });
    pair = { store, orders: createRedisOrderStore(store) };
  }
  opened.push(pair);
  return pair;
}

const KINDS: Kind[] = REDIS === null ? ['memory', 'sqlite'] : ['memory', 'sqlite', 'redis'];

describe('the bot never names another customer', () => {
  it.each(KINDS)('random calls of every tool that reads the inventory, on a %s store full of other customers', async (kind) => {
    const clock = manualClock(Date.UTC(2026, 11, 7, 2));
    const { store, orders } = await open(kind, clock.now);
    const theirOrders = await crowdedStore(store, orders, clock);
    const context = createBotContext({ store, orders, agent: 'a1' });
    const call = fc.record({
      tool: fc.constantFrom('hold', 'release', 'hold', 'release', 'search', 'near', 'sounds', 'suggest', 'order_status', 'order_status'),
      n: fc.nat(64),
      asker: fc.nat(ASKERS.length - 1),
      order: fc.option(fc.nat(theirOrders.length - 1), { nil: undefined }),
      lang: fc.constantFrom('zh', 'en'),
    });
    let calls = 0;
    const tools = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 12 }), async (list) => {
        for (const c of list) {
          const asker = ASKERS[c.asker] as string;
          const number = `4006-123-${String(c.n).padStart(3, '0')}`;
          const args =
            c.tool === 'search'
              ? { pattern: '%', limit: 20, lang: c.lang }
              : c.tool === 'near'
                ? { number, limit: 10, lang: c.lang }
                : c.tool === 'sounds'
                  ? { phrase: 'yi yao', limit: 10, lang: c.lang }
                  : c.tool === 'suggest'
                    ? { name: '一路顺发', limit: 5, lang: c.lang }
                    : c.tool === 'order_status'
                      ? c.order === undefined
                        ? { customer: asker, ...(c.n % 2 ? { number } : {}), lang: c.lang }
                        : { customer: asker, id: theirOrders[c.order], lang: c.lang }
                      : { number, customer: asker, lang: c.lang };
          const answer = JSON.stringify(await callTool(c.tool, args, context));
          calls++;
          tools.add(c.tool);
          for (const other of OTHERS) if (other !== asker) expect(answer, `${c.tool} ${JSON.stringify(args)} by ${asker}`).not.toContain(other);
        }
      }),
      { numRuns: kind === 'redis' ? 80 : 150 },
    );
    expect(calls).toBeGreaterThan(kind === 'redis' ? 250 : 500);
    expect(tools.size).toBe(7);
    // The asker who is also one of the others does see their own orders: the property is about the others.
    const own = await callTool('order_status', { customer: OTHERS[0] as string }, context);
    expect(own.ok && own.result.orders.length).toBeGreaterThan(0);
  });

  it('release of a number sold to someone else, or whose hold by someone else has ended, says only that it is not held for you', async () => {
    const clock = manualClock();
    const store = new MemoryStore({ now: clock.now });
    await crowdedStore(store, new MemoryOrderBook({ inventory: store, now: clock.now }), clock);
    const context = createBotContext({ store });
    const sold = await callTool('release', { number: '4006-123-000', customer: '来问的客户甲' }, context);
    expect(sold).toEqual({ ok: false, error: { code: 'NOT_HELD', message: '400-612-3000 现在没有为您保留，无需取消。' }, say: '400-612-3000 现在没有为您保留，无需取消。' });
    const ended = await callTool('release', { number: '4006-123-002', customer: '来问的客户甲', lang: 'en' }, context);
    expect(ended).toEqual({ ok: false, error: { code: 'NOT_HELD', message: '400-612-3002 is not held for you now; there is nothing to release.' }, say: '400-612-3002 is not held for you now; there is nothing to release.' });
    const held = await callTool('release', { number: '4006-123-001', customer: '来问的客户甲' }, context);
    expect(held).toMatchObject({ ok: false, error: { code: 'NOT_HOLDER', message: expect.stringContaining('由其他客户保留') } });
  });
});

describe('bot argument limits', () => {
  it('segments with 100,000 entries is refused at once; repeated segments count once', async () => {
    const context = createBotContext();
    const t0 = Date.now();
    const flood = await callTool('search', { pattern: '8888$', segments: Array.from({ length: 100_000 }, () => '4006') }, context);
    expect(flood).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', field: 'segments', message: 'search：segments 最多 6 项' } });
    expect(Date.now() - t0).toBeLessThan(5_000); // a hang guard: it froze the server before
    const twice = await callTool('search', { pattern: '888888$', segments: ['4006', '4006', '4006'], limit: 50 }, context);
    const once = await callTool('search', { pattern: '888888$', segments: ['4006'], limit: 50 }, context);
    expect(twice).toEqual(once);
  });

  it('a landing number or a document given twice counts once', async () => {
    const context = createBotContext();
    const args = { companyName: '深圳顺发物流有限公司', creditCode: companyLicence(7), provided: ['business-licence', 'business-licence'] };
    const twice = await callTool('documents', { ...args, landingNumbers: ['0755-88881234', '075588881234', '0755-88881234'] }, context);
    const once = await callTool('documents', { ...args, provided: ['business-licence'], landingNumbers: ['0755-88881234'] }, context);
    expect(twice).toEqual(once);
    expect(twice.ok && twice.result.landingNumbers).toHaveLength(1);
  });

  it('long strings and lists are refused with BAD_ARGUMENT naming the argument', async () => {
    const context = createBotContext();
    const huge = 'x'.repeat(1_000_000);
    for (const [tool, args, name] of [
      ['score', { number: huge }, 'number'],
      ['suggest', { name: huge }, 'name'],
      ['suggest', { keywords: Array.from({ length: 1000 }, (_, i) => `k${i}`) }, 'keywords'],
      ['suggest', { digits: Array.from({ length: 1000 }, () => '88') }, 'digits'],
      ['search', { cursor: huge }, 'cursor'],
      ['hold', { number: '4006-123-000', customer: huge }, 'customer'],
    ] as const) {
      const answer = await callTool(tool, args, context);
      expect(answer, `${tool} ${name}`).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', field: name, message: expect.stringContaining(`：${name} `) } });
      expect(JSON.stringify(answer).length, `${tool} ${name}`).toBeLessThan(1000);
    }
  });
});
