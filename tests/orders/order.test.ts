import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beijingTime } from '../../src/calendar/working-days.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { advanceOrder, createOrder, inventoryChange, orderLandingNumbers, ORDER_STEPS, type Order, type OrderStep, type StepInputs } from '../../src/orders/order.js';
import type { RoutingRulesError } from '../../src/routing/check.js';
import { landingNumbers } from '../../src/routing/form.js';
import { BAD_ROUTING, documents, newOrder, ROUTING, routingRules as checkedRules } from './order-store-contract.js';
import { caught } from '../phonetics/caught.js';

const T0 = Date.UTC(2026, 11, 7, 2);
const HOUR = 3_600_000;
const draft = () => createOrder(newOrder(), { id: 'o1', now: T0 });

/** Inputs that make each step go through on an order made by newOrder(). */
const goodInputs: { [S in OrderStep]: StepInputs[S] } = {
  signed: {},
  'documents-complete': documents,
  paid: { amount: 1200 },
  opening: {},
  opened: {},
  'test-call-confirmed': { answeredOn: '0755-88881234' },
  cancelled: { reason: '客户改主意了' },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}


/** The order after each step of the path up to `status`, an hour apart. */
function walkedTo(last: OrderStep): Order {
  let order = draft();
  let now = T0;
  for (const step of ORDER_STEPS) {
    now += HOUR;
    order = advanceOrder(order, step, goodInputs[step] as never, now);
    if (step === last) return order;
  }
  throw new Error(`no step ${last}`);
}

describe('createOrder', () => {
  it("makes a draft with the number's tier and the package as chosen", () => {
    const o = draft();
    expect(o).toMatchObject({ id: 'o1', status: 'draft', version: 1, number: '4006123007', package: { id: 'year-1200', prepay: 1200 } });
    // Landing numbers alone become rules that ring them in order, naming the order's number and company.
    expect(o.acceptance).toEqual({
      routing: { number: '4006123007', customer: '深圳顺发物流有限公司', route: { ring: [{ number: '0755-88881234' }], order: 'in-order' }, ringSeconds: 20 },
    });
    expect(o.history).toEqual([{ status: 'draft', at: T0 }]);
  });

  it('keeps routing rules as checkRoutingRules gives them, with the number and company filled in', () => {
    const o = createOrder({ ...newOrder({ landingNumbers: undefined }), routing: ROUTING }, { id: 'o1', now: T0 });
    expect(o.acceptance).toEqual({ routing: { ...checkedRules(ROUTING), number: '4006123007', customer: '深圳顺发物流有限公司' } });
    expect(orderLandingNumbers(o)).toEqual(['021-61234567', '13800138000', '13900139000']);
    expect(createOrder(newOrder({ landingNumbers: undefined }), { id: 'o1', now: T0 }).acceptance).toBeUndefined();
  });

  it.each([
    [{ packageId: 'gold' }, 'UNKNOWN_PACKAGE', 'packageId'],
    [{ number: '4006668888', packageId: 'year-600' }, 'BELOW_MINIMUM_SPEND', 'packageId'],
    [{ number: '4006121212', packageId: 'year-6000' }, 'BELOW_MINIMUM_SPEND', 'packageId'], // a special 精品号: the special numbers' figure, not its tier's
    [{ company: { name: '顺发', creditCode: '91440300000000070' } }, 'BAD_LICENCE', 'company.creditCode'],
    [{ landingNumbers: ['12345'] }, 'BAD_LANDING_NUMBER', 'landingNumbers[0]'],
    [{ landingNumbers: Array.from({ length: 11 }, (_, i) => `1380013800${i % 10}`).map((n, i) => (i === 10 ? '13700137000' : n)) }, 'BAD_ROUTING', 'landingNumbers'],
    [{ landingNumbers: undefined, routing: { route: '021-61234567', number: '400-888-8888' } }, 'BAD_ARGUMENT', 'routing.number'],
    [{ routing: { route: '021-61234567' } }, 'BAD_ARGUMENT', 'landingNumbers'],
    [{ landingNumbers: undefined, routing: { route: { byTime: [{ days: ['mon-fri'], from: '25:00', to: '18:00', route: '021-61234567' }] } } }, 'BAD_ROUTING', 'routing'],
    [{ customer: ' ' }, 'BAD_ARGUMENT', 'customer'],
    [{ minutesPerMonth: -3 }, 'BAD_ARGUMENT', 'minutesPerMonth'],
    [{ colour: 'red' }, 'BAD_ARGUMENT', 'order.colour'],
  ])('refuses %j, naming the field', (change, code, field) => {
    const error = caught(() => createOrder({ ...newOrder(), ...change } as never, { id: 'o1', now: T0 }));
    expect(error).toMatchObject({ code, field });
    expect(error.messageIn('zh')).not.toBe('');
  });
});

describe('advanceOrder', () => {
  it('goes through every step, each recorded with its time, and says what the inventory must do', () => {
    const done = walkedTo('test-call-confirmed');
    expect(done.history.map((e) => e.status)).toEqual(['draft', 'signed', 'documents-complete', 'paid', 'opening', 'opened', 'test-call-confirmed']);
    expect(done.documents).toEqual({ provided: ['business-licence', 'handler-id', 'landing-real-name'], numbersHeld: 0, handlerIdMasked: '110***********002X' });
    expect(done.opening).toEqual({ date: '2026-12-10', workingDays: 3, estimatedYears: [] });
    expect(inventoryChange(done, 'paid')).toEqual({ op: 'sell', number: '4006123007', customer: '顺发物流' });
    expect(inventoryChange(done, 'cancelled')).toMatchObject({ op: 'release' });
    expect(inventoryChange(done, 'signed')).toBeNull();
  });

  it('counts the opening day from when the payment arrived', () => {
    let o = walkedTo('documents-complete');
    o = advanceOrder(o, 'paid', { amount: 1500, paidAt: '2026-12-07T17:30+08:00' }, T0 + 10 * HOUR);
    expect(o.payment).toEqual({ amount: 1500, paidAt: Date.parse('2026-12-07T17:30+08:00') });
    expect(advanceOrder(o, 'opening', {}, T0 + 11 * HOUR).opening!.date).toBe('2026-12-10');
  });

  it.each([
    ['signed', { landingNumbers: [] }, 'BAD_ARGUMENT', 'landingNumbers'],
    ['signed', { landingNumbers: ['010-87654321', '01087654321'] }, 'BAD_ARGUMENT', 'landingNumbers'],
    ['documents-complete', { ...documents, handlerIdNumber: '110105194912310021' }, 'BAD_ID_NUMBER', 'handler.idNumber'],
    ['documents-complete', { ...documents, provided: [] }, 'MISSING_DOCUMENTS', 'provided'],
    ['documents-complete', { ...documents, numbersHeld: 2 }, 'MISSING_DOCUMENTS', 'provided'],
    ['paid', { amount: 1199.99 }, 'BAD_ARGUMENT', 'amount'],
    ['paid', { amount: 1200, paidAt: '2026-12-07' }, 'BAD_DATE', 'paidAt'],
    ['paid', { amount: 1200, paidAt: '2030-01-01T00:00Z' }, 'BAD_DATE', 'paidAt'],
    ['paid', { amount: 1200, paidAt: '2020-01-01T00:00Z' }, 'BAD_DATE', 'paidAt'],
    ['paid', { amount: 1200, tip: 5 }, 'BAD_ARGUMENT', 'inputs.tip'],
  ] as const)('refuses %s with %j, naming the field, and leaves the order as it was', (step, inputs, code, field) => {
    const previous: Record<string, OrderStep> = { signed: 'signed', 'documents-complete': 'signed', paid: 'documents-complete' };
    const before = step === 'signed' ? draft() : walkedTo(previous[step]!);
    const copy = structuredClone(before);
    deepFreeze(before);
    const error = caught(() => advanceOrder(before, step as OrderStep, inputs as never, T0 + 10 * HOUR));
    expect(error).toMatchObject({ code, field });
    expect(error.messageIn('zh')).not.toBe(error.message);
    expect(before).toEqual(copy);
  });

  it('says a payment time out of range with the times in Beijing time, as the salesperson reads them', () => {
    const before = walkedTo('documents-complete');
    const last = before.history.at(-1)!.at;
    const now = T0 + 10 * HOUR;
    const error = caught(() => advanceOrder(before, 'paid', { amount: 1200, paidAt: '2030-01-01T00:00Z' }, now));
    expect(error.messageIn('zh')).toBe(`paidAt "2030-01-01T00:00Z" 不对：应在上一步（北京时间 ${beijingTime(last)}）之后，且不能晚于现在（北京时间 ${beijingTime(now)}）`);
    expect(error.messageIn('en')).toContain(`(${beijingTime(now)} Beijing time)`);
  });

  it("signs the 受理单's routing rules: documents declare every number they ring, and the test call may ring any of them", () => {
    let o = advanceOrder(draft(), 'signed', { routing: ROUTING }, T0 + HOUR);
    expect(o.acceptance).toEqual({ routing: { ...checkedRules(ROUTING), number: '4006123007', customer: '深圳顺发物流有限公司' } });
    o = advanceOrder(o, 'documents-complete', documents, T0 + 2 * HOUR);
    o = advanceOrder(o, 'paid', { amount: 1200 }, T0 + 3 * HOUR);
    o = advanceOrder(o, 'opening', {}, T0 + 4 * HOUR);
    o = advanceOrder(o, 'opened', {}, T0 + 5 * HOUR);
    expect(advanceOrder(o, 'test-call-confirmed', { answeredOn: '139 0013 9000' }, T0 + 6 * HOUR).testCall).toEqual({ at: T0 + 6 * HOUR, answeredOn: '13900139000' });
    expect(caught(() => advanceOrder(o, 'test-call-confirmed', { answeredOn: '0755-88881234' }, T0 + 6 * HOUR))).toMatchObject({ code: 'BAD_ARGUMENT', field: 'answeredOn' });
  });

  it('refuses a malformed 受理单 with every problem of its rules, each naming its rule and field', () => {
    const before = deepFreeze(draft());
    const error = caught(() => advanceOrder(before, 'signed', { routing: BAD_ROUTING }, T0 + HOUR)) as RoutingRulesError;
    expect(error).toMatchObject({ code: 'BAD_ROUTING', field: 'routing' });
    expect(error.problems.map((p) => [p.code, p.path])).toEqual([
      ['BAD_TIME', 'route.byTime[0].from'],
      ['BAD_LANDING_NUMBER', 'route.otherwise'],
      ['TOO_MANY_NUMBERS', 'forwarding.numbers'],
    ]);
    expect(error.messageIn('zh')).toMatch(/^转接规则有 3 处问题/);
    expect(caught(() => advanceOrder(before, 'signed', { routing: ROUTING, landingNumbers: ['13800138000'] }, T0 + HOUR))).toMatchObject({ code: 'BAD_ARGUMENT', field: 'landingNumbers' });
    expect(caught(() => advanceOrder(createOrder(newOrder({ landingNumbers: undefined }), { id: 'o1', now: T0 }), 'signed', {}, T0 + HOUR))).toMatchObject({ code: 'BAD_ARGUMENT', field: 'routing' });
  });

  it('reads an order made before routing rules: its landing numbers sign as rules, declare and ring as before', () => {
    const legacy = { ...draft(), acceptance: { landingNumbers: ['075588881234', '13800138000'] } } as Order;
    expect(orderLandingNumbers(legacy)).toEqual(['075588881234', '13800138000']);
    const signed = advanceOrder(legacy, 'signed', {}, T0 + HOUR);
    expect(signed.acceptance).toMatchObject({ routing: { route: { ring: [{ number: '0755-88881234' }, { number: '13800138000' }], order: 'in-order' } } });
    const signedBefore = { ...walkedTo('opened'), acceptance: { landingNumbers: ['075588881234'] } } as Order;
    expect(advanceOrder(signedBefore, 'test-call-confirmed', { answeredOn: '0755-8888 1234' }, T0 + 10 * HOUR).status).toBe('test-call-confirmed');
    const documentsStep = advanceOrder({ ...walkedTo('signed'), acceptance: { landingNumbers: ['075588881234'] } } as Order, 'documents-complete', documents, T0 + 10 * HOUR);
    expect(documentsStep.status).toBe('documents-complete');
    expect(landingNumbers((signed.acceptance as { routing: never }).routing).map((l) => l.number)).toEqual(['0755-88881234', '13800138000']);
  });

  it('refuses a test call that rang elsewhere', () => {
    const error = caught(() => advanceOrder(walkedTo('opened'), 'test-call-confirmed', { answeredOn: '010-87654321' }, T0 + 10 * HOUR));
    expect(error).toMatchObject({ code: 'BAD_ARGUMENT', field: 'answeredOn' });
    expect(error.messageIn('zh')).toMatch(/转接规则/);
  });

  it('takes any run of random steps with random inputs only in order, never changing what it was given', () => {
    const inputs = fc.oneof(
      fc.constantFrom(...Object.values(goodInputs)),
      fc.constant(undefined),
      fc.constant({ routing: ROUTING }),
      fc.record({ routing: fc.record({ route: fc.oneof(fc.string(), fc.array(fc.string()), fc.constant('021-61234567')), ringSeconds: fc.oneof(fc.integer(), fc.string()) }, { requiredKeys: [] }) }),
      fc.dictionary(fc.constantFrom('amount', 'paidAt', 'reason', 'answeredOn', 'landingNumbers', 'routing', 'provided'), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()))),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ORDER_STEPS, 'draft', 'shipped'), inputs), { maxLength: 12 }), (steps) => {
        let order = deepFreeze(draft());
        let now = T0;
        for (const [step, given] of steps) {
          now += HOUR;
          const copy = structuredClone(order);
          try {
            const next = advanceOrder(order, step as OrderStep, given as never, now);
            expect(next.status).toBe(step);
            expect(next.version).toBe(order.version + 1);
            expect(next.history.slice(0, -1)).toEqual(order.history);
            order = deepFreeze(next);
          } catch (error) {
            expect(error).toBeInstanceOf(Vanity400Error);
            expect(order).toEqual(copy);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
