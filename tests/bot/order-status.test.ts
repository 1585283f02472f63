import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, createBotContext } from '../../src/bot/index.js';
import { calendarYears } from '../../src/calendar/working-days.js';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import { MemoryOrderBook } from '../../src/orders/memory-order-book.js';
import { openSqliteOrderStore, openSqliteStore } from '../../src/sqlite/index.js';
import { makeAgent, manualClock } from '../inventory/helpers.js';
import { documents, newOrder } from '../orders/order-store-contract.js';

const HOUR = 3_600_000;
const OTHER = '别家公司Qz';

/** 顺发物流's order of 4006-123-007, paid and opening, and another customer's draft of 4006-123-008 whose hold lapsed. */
async function twoCustomers(make: (now: () => number) => Promise<{ store: import('../../src/inventory/store.js').Store; orders: import('../../src/orders/order-store.js').OrderStore }>) {
  const clock = manualClock(Date.UTC(2026, 11, 7, 2)); // Monday 10:00 Beijing
  const { store, orders } = await make(clock.now);
  await store.addAgent(makeAgent('a1', 1));
  await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-099' });
  await store.hold('4006-123-007', '顺发物流', 24 * HOUR);
  await store.hold('4006-123-008', OTHER, HOUR);
  const mine = await orders.create(newOrder());
  await orders.advance(mine.id, 'signed', {});
  await orders.advance(mine.id, 'documents-complete', documents);
  await orders.advance(mine.id, 'paid', { amount: 1200 });
  await orders.advance(mine.id, 'opening', {});
  const theirs = await orders.create(newOrder({ customer: OTHER, number: '4006-123-008' }));
  clock.advance(2 * HOUR);
  return { store, orders, mine: mine.id, theirs: theirs.id, context: createBotContext({ store, orders }) };
}

describe('bot tool order_status', () => {
  it("tells a customer where their order stands, from the store, in Chinese and English", async () => {
    const { context, mine } = await twoCustomers(async (now) => {
      const store = new MemoryStore({ now });
      return { store, orders: new MemoryOrderBook({ inventory: store, now }) };
    });
    const zh = await callTool('order_status', { customer: '顺发物流' }, context);
    expect(zh).toMatchObject({ ok: true, say: `订单 ${mine}（400-612-3007）现在是“开通中”，预计 2026-12-10 开通。` });
    if (!zh.ok) throw new Error('expected an answer');
    expect(zh.result.orders).toHaveLength(1);
    expect(zh.result.orders[0]!.history.map((e) => e.status)).toEqual(['draft', 'signed', 'documents-complete', 'paid', 'opening']);
    const en = await callTool('order_status', { customer: '顺发物流', number: '400-612-3007', lang: 'en' }, context);
    expect(en).toMatchObject({ ok: true, say: `Order ${mine} (400-612-3007) is opening, expected to open on 2026-12-10.` });
  });

  it('says an opening day in a year whose holidays are not announced is an estimate', async () => {
    const next = calendarYears().at(-1)! + 1;
    const clock = manualClock(Date.UTC(next - 1, 11, 29, 2)); // 29 December, 10:00 Beijing: three working days end in the new year
    const store = new MemoryStore({ now: clock.now });
    const orders = new MemoryOrderBook({ inventory: store, now: clock.now });
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', numbers: ['4006-123-007'] });
    await store.hold('4006-123-007', '顺发物流', 24 * HOUR);
    const o = await orders.create(newOrder());
    await orders.advance(o.id, 'signed', {});
    await orders.advance(o.id, 'documents-complete', documents);
    await orders.advance(o.id, 'paid', { amount: 1200 });
    const opening = (await orders.advance(o.id, 'opening', {})).opening!;
    const context = createBotContext({ store, orders });
    const zh = await callTool('order_status', { customer: '顺发物流' }, context);
    expect(zh).toMatchObject({ ok: true, say: `订单 ${o.id}（400-612-3007）现在是“开通中”，预计 ${opening.date} 开通（${next} 年的放假安排国家还没公布，这个日子是按周一到周五上班估算的，以公布的安排为准）。` });
    const en = await callTool('order_status', { customer: '顺发物流', lang: 'en' }, context);
    expect(en).toMatchObject({ ok: true, result: { orders: [{ openingDate: opening.date, openingNote: expect.stringContaining(`the ${next} public holidays are not announced yet`) }] } });
  });

  it("shows no other customer's order, not even by its id or number, and names nobody else", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-bot-orders-'));
    const { context, theirs, store, orders } = await twoCustomers(async (now) => {
      const store = await openSqliteStore(join(dir, 'orders.db'), { now });
      return { store, orders: await openSqliteOrderStore(store) };
    });
    for (const args of [{ customer: '顺发物流', id: theirs }, { customer: '顺发物流', number: '4006-123-008' }, { customer: '顺发物流', id: theirs, number: '4006-123-007' }]) {
      const answer = await callTool('order_status', args, context);
      expect(answer).toMatchObject({ ok: true, result: { orders: [] } });
      expect(JSON.stringify(answer)).not.toContain(OTHER);
      expect(JSON.stringify(answer)).not.toContain('4006123008"');
    }
    const own = await callTool('order_status', { customer: OTHER, id: theirs }, context);
    expect(own).toMatchObject({ ok: true, say: expect.stringContaining('的保留已过期，号码又可以被别人选走：请重新保留') });
    expect(JSON.stringify(own)).not.toContain('顺发物流');
    expect(JSON.stringify(own)).not.toContain('creditCode');
    await orders.close();
    await store.close();
  });

  it('answers a context without orders and bad arguments with typed errors', async () => {
    const context = createBotContext({ store: new MemoryStore() });
    expect(await callTool('order_status', { customer: '顺发物流' }, context)).toMatchObject({ ok: false, error: { code: 'NO_STORE' } });
    expect(await callTool('order_status', { id: 'order-1' }, createBotContext())).toMatchObject({ ok: false, error: { code: 'INVALID_TYPE', message: expect.stringContaining('customer') } });
    expect(await callTool('order_status', { customer: '顺发物流', number: '12345', lang: 'en' }, createBotContext())).toMatchObject({ ok: false, error: { message: expect.stringContaining('"12345"') } });
    expect(() => createBotContext({ orders: {} as never })).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
  });
});
