/**
 * The behaviour every OrderStore must have, beside the inventory Store whose numbers its orders sell.
 * Run it with a factory that makes a fresh, empty pair sharing the given clock:
 * orderStoreContract('MemoryOrderBook', ({ now }) => { const inventory = new MemoryStore({ now }); return { inventory, orders: new MemoryOrderBook({ inventory, now }) }; }).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import type { Store } from '../../src/inventory/store.js';
import type { OrderStore } from '../../src/orders/order-store.js';
import type { NewOrder, OrderStep, StepInputs } from '../../src/orders/order.js';
import { checkRoutingRules } from '../../src/routing/check.js';
import type { RoutingRules } from '../../src/routing/rules.js';
import { companyLicence, makeAgent, manualClock, rejection } from '../inventory/helpers.js';

export type MakeOrderStore = (options: { now: () => number }) => { inventory: Store; orders: OrderStore } | Promise<{ inventory: Store; orders: OrderStore }>;

const HOUR = 3_600_000;
/** GB 11643's published example. */
export const HANDLER_ID = '11010519491231002X';
export const ORDINARY = '4006123007';

export const newOrder = (overrides: Partial<NewOrder> = {}): NewOrder => ({
  customer: '顺发物流',
  number: '400-612-3007',
  packageId: 'year-1200',
  company: { name: '深圳顺发物流有限公司', creditCode: companyLicence(7) },
  landingNumbers: ['0755-88881234'],
  ...overrides,
});

/** Weekdays 09:00-18:00 to Shanghai, other times to a mobile; busy or unanswered: a second mobile. */
export const ROUTING = {
  route: { byTime: [{ days: ['mon-fri'], from: '09:00', to: '18:00', route: { number: '021-61234567', label: '上海总部' } }], otherwise: '13800138000' },
  forwarding: { numbers: ['13900139000'], on: ['busy', 'no-answer'] },
};

/** A 受理单 with three problems: a time of 25:00, a landing number one digit short, eleven forwarding numbers. */
export const BAD_ROUTING = {
  route: { byTime: [{ days: ['mon-fri'], from: '25:00', to: '18:00', route: '021-61234567' }], otherwise: '0755-1234567' },
  forwarding: { numbers: Array.from({ length: 11 }, (_, i) => `137001370${String(i).padStart(2, '0')}`) },
};

export function routingRules(written: unknown): RoutingRules {
  const check = checkRoutingRules(written);
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.rules;
}

type StepName = OrderStep | 'shipped';

export const documents: StepInputs['documents-complete'] = {
  handlerIdNumber: HANDLER_ID,
  numbersHeld: 0,
  provided: ['business-licence', 'handler-id', 'landing-real-name'],
};

export function orderStoreContract(name: string, make: MakeOrderStore): void {
  describe(`OrderStore contract: ${name}`, () => {
    const open: { inventory: Store; orders: OrderStore }[] = [];
    afterEach(async () => {
      for (const s of open.splice(0)) {
        await s.orders.close();
        await s.inventory.close();
      }
    });

    /** Agent a1 with 4006-123-000 … 4006-123-099, the number held for 顺发物流 for a day. */
    async function stocked() {
      const clock = manualClock(Date.UTC(2026, 11, 7, 2)); // Monday 7 December 2026, 10:00 in Beijing
      const pair = await make({ now: clock.now });
      open.push(pair);
      await pair.inventory.addAgent(makeAgent('a1', 1));
      await pair.inventory.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-099' });
      await pair.inventory.hold(ORDINARY, '顺发物流', 24 * HOUR);
      return { ...pair, clock };
    }

    it('walks an order through every step; paid sells the number', async () => {
      const { inventory, orders, clock } = await stocked();
      const draft = await orders.create(newOrder());
      expect(draft).toMatchObject({ status: 'draft', version: 1, number: ORDINARY, customer: '顺发物流', agent: 'a1', tier: expect.any(String) });
      clock.advance(HOUR);
      await orders.advance(draft.id, 'signed', {});
      clock.advance(HOUR);
      await orders.advance(draft.id, 'documents-complete', documents);
      clock.advance(HOUR);
      const paid = await orders.advance(draft.id, 'paid', { amount: 1200 });
      expect(paid.status).toBe('paid');
      expect(await inventory.who(ORDINARY)).toMatchObject({ status: 'sold', customer: '顺发物流' });
      const opening = await orders.advance(draft.id, 'opening', {});
      expect(opening.opening).toEqual({ date: '2026-12-10', workingDays: 3, estimatedYears: [] });
      clock.advance(72 * HOUR);
      await orders.advance(draft.id, 'opened', {});
      const done = await orders.advance(draft.id, 'test-call-confirmed', { answeredOn: '0755-88881234' });
      expect(done.status).toBe('test-call-confirmed');
      expect(done.version).toBe(7);
      expect(done.history.map((e) => e.status)).toEqual(['draft', 'signed', 'documents-complete', 'paid', 'opening', 'opened', 'test-call-confirmed']);
      expect(done.history.map((e) => e.at)).toEqual([...done.history.map((e) => e.at)].sort((a, b) => a - b));
      expect(await orders.get(draft.id)).toEqual(done);
      expect(JSON.stringify(done)).not.toContain(HANDLER_ID);
      expect((await orders.view(draft.id))!.warnings).toEqual([]);
    });

    it('refuses a draft for a number not held for the customer, and a second open order of a number', async () => {
      const { orders } = await stocked();
      expect(await rejection(orders.create(newOrder({ customer: '华通商贸' })))).toMatchObject({ code: 'NOT_HELD', field: 'number' });
      expect(await rejection(orders.create(newOrder({ number: '4006123008' })))).toMatchObject({ code: 'NOT_HELD' });
      await orders.create(newOrder());
      expect(await rejection(orders.create(newOrder()))).toMatchObject({ code: 'DUPLICATE_ORDER' });
      expect(await orders.list()).toHaveLength(1);
    });

    it('refuses a step out of order, and changes nothing', async () => {
      const { inventory, orders } = await stocked();
      const draft = await orders.create(newOrder());
      const error = await rejection(orders.advance(draft.id, 'paid', { amount: 1200 }));
      expect(error).toMatchObject({ code: 'STEP_OUT_OF_ORDER', field: 'step' });
      expect(error).toBeInstanceOf(Vanity400Error);
      expect((error as Vanity400Error).messageIn('zh')).toBe(`订单 ${draft.id} 现在是“草稿”，下一步应为“已签约”，还不能改为“已付款”`);
      expect(await orders.get(draft.id)).toEqual(draft);
      expect(await inventory.who(ORDINARY)).toMatchObject({ status: 'held' });
    });

    it('will not take the payment while documents are missing', async () => {
      const { orders } = await stocked();
      const { id } = await orders.create(newOrder());
      await orders.advance(id, 'signed', {});
      const error = await rejection(orders.advance(id, 'documents-complete', { ...documents, provided: ['business-licence'] }));
      expect(error).toMatchObject({ code: 'MISSING_DOCUMENTS', field: 'provided' });
      expect((await orders.get(id))!.status).toBe('signed');
      expect(await rejection(orders.advance(id, 'paid', { amount: 1200 }))).toMatchObject({ code: 'STEP_OUT_OF_ORDER' });
    });

    it('leaves the order unpaid when the sale fails: the hold lapsed and another customer holds the number', async () => {
      const { inventory, orders, clock } = await stocked();
      const { id } = await orders.create(newOrder());
      await orders.advance(id, 'signed', {});
      const before = await orders.advance(id, 'documents-complete', documents);
      clock.advance(25 * HOUR);
      expect((await orders.view(id))!.warnings[0]!.zh).toMatch(/保留已过期/);
      await inventory.hold(ORDINARY, '华通商贸', HOUR);
      expect(await rejection(orders.advance(id, 'paid', { amount: 1200 }))).toMatchObject({ code: 'NOT_HOLDER' });
      expect(await orders.get(id)).toEqual(before);
      expect(await inventory.who(ORDINARY)).toMatchObject({ status: 'held', customer: '华通商贸' });
      const view = (await orders.view(id))!;
      expect(view.warnings[0]!.zh).toMatch(/不能付款/);
      expect(JSON.stringify(view.warnings)).not.toContain('华通商贸');
    });

    it('takes one of two payments racing for the same order', async () => {
      const { inventory, orders } = await stocked();
      const { id } = await orders.create(newOrder());
      await orders.advance(id, 'signed', {});
      await orders.advance(id, 'documents-complete', documents);
      const results = await Promise.allSettled([orders.advance(id, 'paid', { amount: 1200 }), orders.advance(id, 'paid', { amount: 1200 })]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'STEP_OUT_OF_ORDER' } });
      expect((await orders.get(id))!.version).toBe(4);
      expect(await inventory.counts('a1')).toMatchObject({ sold: 1 });
    });

    it('cancels before payment and gives the number back; not after', async () => {
      const { inventory, orders } = await stocked();
      const { id } = await orders.create(newOrder());
      const cancelled = await orders.advance(id, 'cancelled', { reason: '客户改用别的号码' });
      expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: '客户改用别的号码' } });
      expect(await inventory.who(ORDINARY)).toMatchObject({ status: 'available' });
      await inventory.hold(ORDINARY, '顺发物流', HOUR);
      const again = await orders.create(newOrder());
      await orders.advance(again.id, 'signed', {});
      await orders.advance(again.id, 'documents-complete', documents);
      await orders.advance(again.id, 'paid', { amount: 1200 });
      expect(await rejection(orders.advance(again.id, 'cancelled', { reason: 'x' }))).toMatchObject({ code: 'STEP_OUT_OF_ORDER' });
    });

    it('refuses bad input at every step, naming the field, and changes neither the order nor the number', async () => {
      const { inventory, orders } = await stocked();
      const { id } = await orders.create(newOrder());
      const tries: [StepName, unknown, string, string][] = [
        ['signed', { routing: BAD_ROUTING }, 'BAD_ROUTING', 'routing'],
        ['signed', { routing: { route: '021-61234567', number: '400-888-8888' } }, 'BAD_ARGUMENT', 'routing.number'],
        ['signed', { landingNumbers: ['12345'] }, 'BAD_LANDING_NUMBER', 'landingNumbers[0]'],
        ['documents-complete', { ...documents, handlerIdNumber: '110105194912310021' }, 'BAD_ID_NUMBER', 'handler.idNumber'],
        ['documents-complete', { ...documents, provided: ['business-licence', 'handler-id'] }, 'MISSING_DOCUMENTS', 'provided'],
        ['paid', { amount: 1199 }, 'BAD_ARGUMENT', 'amount'],
        ['paid', { amount: 1200, paidAt: 'yesterday' }, 'BAD_DATE', 'paidAt'],
        ['opened', {}, 'STEP_OUT_OF_ORDER', 'step'],
        ['shipped', {}, 'BAD_ARGUMENT', 'step'],
        ['test-call-confirmed', { answeredOn: '0755-88881234' }, 'STEP_OUT_OF_ORDER', 'step'],
      ];
      const walk: Partial<Record<StepName, [StepName, unknown][]>> = {
        'documents-complete': [['signed', {}]],
        paid: [['documents-complete', documents]],
      };
      for (const [step, inputs, code, field] of tries) {
        for (const [before, given] of walk[step] ?? []) if ((await orders.get(id))!.status !== before) await orders.advance(id, before as OrderStep, given as never);
        const order = await orders.get(id);
        const number = await inventory.who(ORDINARY);
        const error = await rejection(orders.advance(id, step as OrderStep, inputs as never));
        expect(error, `${step} ${JSON.stringify(inputs)}`).toMatchObject({ code, field });
        expect(error).toBeInstanceOf(Vanity400Error);
        expect((error as Vanity400Error).messageIn('zh')).not.toBe(error.message);
        expect(await orders.get(id)).toEqual(order);
        expect(await inventory.who(ORDINARY)).toEqual(number);
      }
      expect(await inventory.who(ORDINARY)).toMatchObject({ status: 'held', customer: '顺发物流' });
    });

    it('refuses a malformed draft, naming the field, and makes nothing', async () => {
      const { orders } = await stocked();
      for (const [change, code, field] of [
        [{ routing: BAD_ROUTING, landingNumbers: undefined }, 'BAD_ROUTING', 'routing'],
        [{ packageId: 'gold' }, 'UNKNOWN_PACKAGE', 'packageId'],
        [{ company: { name: '顺发', creditCode: '91440300000000070' } }, 'BAD_LICENCE', 'company.creditCode'],
        [{ number: '400-612-300' }, 'WRONG_LENGTH', undefined],
      ] as const) {
        const error = await rejection(orders.create(newOrder(change as Partial<NewOrder>)));
        expect(error, JSON.stringify(change)).toMatchObject({ code, ...(field ? { field } : {}) });
      }
      expect(await orders.list()).toEqual([]);
    });

    it("keeps the 受理单's routing rules; the documents declare every number they ring, and the test call may ring any", async () => {
      const { orders, clock } = await stocked();
      const { id } = await orders.create(newOrder({ landingNumbers: undefined }));
      const signed = await orders.advance(id, 'signed', { routing: ROUTING });
      expect(signed.acceptance).toEqual({ routing: { ...routingRules(ROUTING), number: ORDINARY, customer: '深圳顺发物流有限公司' } });
      expect(await orders.get(id)).toEqual(signed);
      await orders.advance(id, 'documents-complete', documents);
      await orders.advance(id, 'paid', { amount: 1200 });
      await orders.advance(id, 'opening', {});
      clock.advance(72 * HOUR);
      await orders.advance(id, 'opened', {});
      expect((await orders.advance(id, 'test-call-confirmed', { answeredOn: '13900139000' })).testCall!.answeredOn).toBe('13900139000');
    });

    it('makes one of two drafts racing for the same number', async () => {
      const { orders } = await stocked();
      const results = await Promise.allSettled([orders.create(newOrder()), orders.create(newOrder())]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'DUPLICATE_ORDER' } });
      expect(await orders.list()).toHaveLength(1);
    });

    it('says when the hold under an unpaid order ends within the hour', async () => {
      const { orders, clock } = await stocked();
      const { id } = await orders.create(newOrder());
      expect((await orders.view(id))!.warnings).toEqual([]);
      clock.advance(23.5 * HOUR);
      const view = (await orders.view(id))!;
      expect(view.numberState).toMatchObject({ status: 'held', customer: '顺发物流' });
      expect(view.warnings.map((w) => w.zh)).toEqual([expect.stringMatching(/一小时内到期/)]);
    });

    it('lists orders by customer, agent, status and number; returns copies', async () => {
      const { inventory, orders } = await stocked();
      await inventory.hold('4006123008', '华通', HOUR);
      const a = await orders.create(newOrder());
      const b = await orders.create(newOrder({ customer: '华通', number: '4006123008' }));
      await orders.advance(b.id, 'signed', {});
      expect((await orders.list()).map((o) => o.id)).toEqual([a.id, b.id]);
      expect((await orders.list({ customer: '华通' })).map((o) => o.id)).toEqual([b.id]);
      expect((await orders.list({ status: 'draft' })).map((o) => o.id)).toEqual([a.id]);
      expect((await orders.list({ agent: 'a1', number: '400-612-3008' })).map((o) => o.id)).toEqual([b.id]);
      const copy = (await orders.get(a.id))!;
      copy.status = 'paid';
      copy.history.push({ status: 'paid', at: 0 });
      expect(await orders.get(a.id)).toMatchObject({ status: 'draft', history: [{ status: 'draft' }] });
    });

    it('answers UNKNOWN_ORDER and null for an id it does not have', async () => {
      const { orders } = await stocked();
      expect(await orders.get('nope')).toBeNull();
      expect(await orders.view('nope')).toBeNull();
      expect(await rejection(orders.advance('nope', 'signed', {}))).toMatchObject({ code: 'UNKNOWN_ORDER' });
    });

    it('fails every call once closed', async () => {
      const { orders } = await stocked();
      await orders.close();
      expect(await rejection(orders.get('order-1'))).toMatchObject({ code: 'STORE_CLOSED' });
      expect(await rejection(orders.create(newOrder()))).toMatchObject({ code: 'STORE_CLOSED' });
    });
  });
}
