/**
 * Real processes on one shared order store (a SQLite file, or a Redis server): processes paying the same
 * orders, one paying while another sells the same numbers, processes making drafts of the same numbers,
 * and one killed (SIGKILL) in the middle of walking orders through their steps. The children run the
 * built package (dist/, made by the global setup). Each backend gives how a child opens the store and how
 * the test opens it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/inventory/store.js';
import { ORDER_PATH, type Order } from '../../src/orders/order.js';
import type { OrderStore } from '../../src/orders/order-store.js';
import { makeAgent, manualClock } from '../inventory/helpers.js';
import { documents, newOrder } from './order-store-contract.js';

const CORE = new URL('../../dist/index.js', import.meta.url).pathname;
const HOUR = 3_600_000;
const ORDERS = 40;
const number = (i: number): string => String(4006123000 + i);

/** How the processes and the test reach one store, named by `place` (a file, a key prefix). */
export interface ProcessBackend {
  name: string;
  /** A fresh place for one test. */
  place(): string;
  /** The child's code that sets `store` and `orders` from `place` (its first argument). */
  childOpen: string;
  /** The test's own connection to the place, on the given clock (default the real one). */
  open(place: string, now?: () => number): Promise<{ inventory: Store; orders: OrderStore }>;
  /** Checked after the kills: the store itself is sound (e.g. SQLite's integrity check). */
  sound?(place: string): void;
}

const dir = mkdtempSync(join(tmpdir(), 'vanity400-order-processes-'));
let children = 0;

/** The child: opens the store and its orders, says ready, then works (after "go" on stdin for the races). */
function childScript(backend: ProcessBackend): string {
  const file = join(dir, `child-${++children}.mjs`);
  writeFileSync(
    file,
    `import { licenceCheckCharacter } from ${JSON.stringify(CORE)};
const [place, mode, from, count, direction] = process.argv.slice(2);
let store, orders;
${backend.childOpen}
process.stdout.write('ready\\n');
const out = (line) => process.stdout.write(line + '\\n');
const outcome = (promise) => promise.then(() => 'ok', (e) => e.code ?? String(e));
const numbers = Array.from({ length: Number(count) }, (_, i) => String(4006123000 + Number(from) + i));
if (direction === 'down') numbers.reverse();
const body = '9144030000000007M';
const draft = (customer, number, packageId = 'year-1200') => ({ customer, number, packageId, company: { name: '深圳顺发物流有限公司', creditCode: body + licenceCheckCharacter(body) }, landingNumbers: ['0755-88881234'] });
if (mode === 'walk') {
  const documents = { handlerIdNumber: '11010519491231002X', numbersHeld: 0, provided: ['business-licence', 'handler-id', 'landing-real-name'] };
  // The walk takes numbers of every tier: a package above every minimum spend.
  const steps = [['signed', {}], ['documents-complete', documents], ['paid', { amount: 30000 }], ['opening', {}], ['opened', {}], ['test-call-confirmed', { answeredOn: '0755-88881234' }]];
  for (const n of numbers) {
    const customer = 'k' + n;
    await store.hold(n, customer, ${HOUR});
    const { id } = await orders.create(draft(customer, n, 'year-30000'));
    out(id + ' draft ' + n);
    for (const [step, inputs] of steps) {
      await orders.advance(id, step, inputs);
      out(id + ' ' + step + ' ' + n);
    }
  }
} else {
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const results = {};
  for (const n of numbers) {
    if (mode === 'pay') {
      const [order] = await orders.list({ number: n });
      results[n] = await outcome(orders.advance(order.id, 'paid', { amount: 1200 }));
    } else if (mode === 'sell') {
      results[n] = await outcome(store.sell(n, '抢购客户'));
    } else if (mode === 'create') {
      results[n] = await outcome(orders.create(draft('c' + (Number(n) - 4006123000), n)));
    }
  }
  out(JSON.stringify(results));
}
await orders.close();
await store.close();
`,
  );
  return file;
}

interface Child {
  ready: Promise<void>;
  exited: Promise<number | null>;
  output: () => string;
  kill: () => void;
  go: () => void;
}

function child(script: string, args: string[]): Child {
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    proc.once('exit', () => reject(new Error(`child exited before it was ready: ${err}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(err);
      resolve(code);
    }),
  );
  return { ready, exited, output: () => out, kill: () => proc.kill('SIGKILL'), go: () => proc.stdin.end('go\n') };
}

const results = (c: Child): Record<string, string> => JSON.parse(c.output().split('\n')[1] as string) as Record<string, string>;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the children, waits until all are ready, lets them go together and waits for them to finish. */
async function race(children: Child[]): Promise<Record<string, string>[]> {
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.go();
  expect(await Promise.all(children.map((c) => c.exited))).toEqual(children.map(() => 0));
  return children.map(results);
}

/** The races and the kill test, on one backend. The racers walk the numbers from opposite ends, so that they meet. */
export function orderProcessTests(backend: ProcessBackend, options: { kill: boolean }): void {
  const script = childScript(backend);

  /**
   * A store with ORDERS numbers of agent a1, each with an order at documents-complete whose customer is
   * c<i>. `lapsed`: the holds under the orders ended an hour ago (the numbers are available again).
   */
  async function ordersReadyToPay(place: string, lapsed: boolean): Promise<Order[]> {
    const clock = manualClock(Date.now() - (lapsed ? 3 * HOUR : 0));
    const { inventory, orders } = await backend.open(place, lapsed ? clock.now : undefined);
    await inventory.addAgent(makeAgent('a1', 1));
    await inventory.reserve({ agent: 'a1', from: number(0), to: number(ORDERS - 1) });
    const made: Order[] = [];
    for (let i = 0; i < ORDERS; i++) {
      await inventory.hold(number(i), `c${i}`, 2 * HOUR);
      const { id } = await orders.create(newOrder({ customer: `c${i}`, number: number(i) }));
      await orders.advance(id, 'signed', {});
      made.push(await orders.advance(id, 'documents-complete', documents));
    }
    await orders.close();
    await inventory.close();
    return made;
  }

  describe(`${backend.name} orders: processes racing`, () => {
    it(`2 processes paying the same ${ORDERS} orders: each order is paid once and its number sold once`, { timeout: 300_000 }, async () => {
      const place = backend.place();
      const made = await ordersReadyToPay(place, false);
      const [a, b] = (await race([child(script, [place, 'pay', '0', String(ORDERS), 'up']), child(script, [place, 'pay', '0', String(ORDERS), 'down'])])) as [Record<string, string>, Record<string, string>];
      const { inventory, orders } = await backend.open(place);
      let wonByFirst = 0;
      for (let i = 0; i < ORDERS; i++) {
        const n = number(i);
        expect([a[n], b[n]].sort(), n).toEqual(['STEP_OUT_OF_ORDER', 'ok']);
        if (a[n] === 'ok') wonByFirst++;
        const order = (await orders.get(made[i]!.id))!;
        expect(order).toMatchObject({ status: 'paid', version: 4 });
        expect(order.history.map((e) => e.status)).toEqual(['draft', 'signed', 'documents-complete', 'paid']);
        expect(await inventory.who(n)).toMatchObject({ status: 'sold', customer: `c${i}` });
      }
      expect(await inventory.counts('a1')).toEqual({ available: 0, held: 0, sold: ORDERS, withdrawn: 0 });
      console.log(`${backend.name} order race: 2 processes paying the same ${ORDERS} orders: ${ORDERS} paid once each (${wonByFirst} by the first process, ${ORDERS - wonByFirst} by the second), ${ORDERS} refused as STEP_OUT_OF_ORDER, ${ORDERS} numbers sold once`);
      await orders.close();
      await inventory.close();
    });

    it(`one process paying ${ORDERS} orders whose holds lapsed, another selling the same numbers to someone else: each number goes one way`, { timeout: 300_000 }, async () => {
      const place = backend.place();
      const made = await ordersReadyToPay(place, true);
      const [paid, sold] = (await race([child(script, [place, 'pay', '0', String(ORDERS), 'up']), child(script, [place, 'sell', '0', String(ORDERS), 'down'])])) as [Record<string, string>, Record<string, string>];
      const { inventory, orders } = await backend.open(place);
      let toOrders = 0;
      for (let i = 0; i < ORDERS; i++) {
        const n = number(i);
        const order = (await orders.get(made[i]!.id))!;
        const state = await inventory.who(n);
        if (paid[n] === 'ok') {
          toOrders++;
          expect(sold[n], n).toBe('NOT_AVAILABLE');
          expect(order.status).toBe('paid');
          expect(state).toMatchObject({ status: 'sold', customer: `c${i}` });
        } else {
          expect([paid[n], sold[n]], n).toEqual(['NOT_AVAILABLE', 'ok']);
          expect(order).toEqual(made[i]);
          expect(state).toMatchObject({ status: 'sold', customer: '抢购客户' });
          expect((await orders.view(order.id))!.warnings[0]!.zh).toMatch(/不能付款/);
        }
      }
      console.log(`${backend.name} order race: paying ${ORDERS} orders against a rival sale of the same numbers: ${toOrders} sold through their orders, ${ORDERS - toOrders} to the rival (those orders left unpaid), none both`);
      await orders.close();
      await inventory.close();
    });

    it(`2 processes making drafts of the same ${ORDERS} held numbers: each number gets one order`, { timeout: 300_000 }, async () => {
      const place = backend.place();
      const setup = await backend.open(place);
      await setup.inventory.addAgent(makeAgent('a1', 1));
      await setup.inventory.reserve({ agent: 'a1', from: number(0), to: number(ORDERS - 1) });
      for (let i = 0; i < ORDERS; i++) await setup.inventory.hold(number(i), `c${i}`, HOUR);
      await setup.orders.close();
      await setup.inventory.close();
      const [a, b] = (await race([child(script, [place, 'create', '0', String(ORDERS), 'up']), child(script, [place, 'create', '0', String(ORDERS), 'down'])])) as [Record<string, string>, Record<string, string>];
      const { inventory, orders } = await backend.open(place);
      let wonByFirst = 0;
      for (let i = 0; i < ORDERS; i++) {
        expect([a[number(i)], b[number(i)]].sort(), number(i)).toEqual(['DUPLICATE_ORDER', 'ok']);
        if (a[number(i)] === 'ok') wonByFirst++;
        expect(await orders.list({ number: number(i) }), number(i)).toHaveLength(1);
      }
      expect((await orders.list()).map((o) => o.id).sort()).toEqual(Array.from({ length: ORDERS }, (_, i) => `order-${i + 1}`).sort());
      console.log(`${backend.name} order race: 2 processes making drafts of the same ${ORDERS} numbers: ${ORDERS} made (${wonByFirst} by the first process, ${ORDERS - wonByFirst} by the second; ids order-1 … order-${ORDERS}, none twice), ${ORDERS} refused as DUPLICATE_ORDER`);
      await orders.close();
      await inventory.close();
    });
  });

  describe.runIf(options.kill)(`${backend.name} orders: SIGKILL in the middle of steps`, () => {
    it('every acknowledged step is there after each kill, at most the one in flight more, and paid exactly when sold', { timeout: 300_000 }, async () => {
      const place = backend.place();
      const setup = await backend.open(place);
      await setup.inventory.addAgent(makeAgent('a1', 1, { quota: 100_000 }));
      await setup.inventory.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-129-999' });
      await setup.orders.close();
      await setup.inventory.close();
      const KILLS = 20;
      const acked = new Map<string, { status: string; number: string }>();
      /** Orders whose last step was done but not acknowledged: at most one per killed process. */
      const doneUnacknowledged = new Set<string>();
      let checked = 0;
      for (let k = 0; k < KILLS; k++) {
        const c = child(script, [place, 'walk', String(k * 300), '300', 'up']);
        await c.ready;
        await delay(150 + Math.floor(Math.random() * 500));
        c.kill();
        // Killed mid-walk (null), or done with its 300 orders before the kill came (0) on a quick machine: never stopped by an error.
        expect([null, 0], 'the walker was killed or finished, not stopped by an error').toContain(await c.exited);
        for (const line of c.output().split('\n').slice(1, -1)) {
          const [id, status, n] = line.split(' ') as [string, string, string];
          acked.set(id, { status, number: n });
        }
        const { inventory, orders } = await backend.open(place);
        for (const order of await orders.list()) {
          checked++;
          const at = ORDER_PATH.indexOf(order.status);
          expect(order.version).toBe(at + 1);
          expect(order.history.map((e) => e.status)).toEqual(ORDER_PATH.slice(0, at + 1));
          const state = await inventory.who(order.number);
          // Nothing half-done: paid (and later) exactly when the number is sold to the order's customer.
          if (at >= ORDER_PATH.indexOf('paid')) expect(state).toMatchObject({ status: 'sold', customer: order.customer });
          else expect(state).toMatchObject({ status: 'held', customer: order.customer });
          const known = acked.get(order.id);
          const ackedAt = known === undefined ? -1 : ORDER_PATH.indexOf(known.status as Order['status']);
          expect(at - ackedAt, order.id).toBeGreaterThanOrEqual(0);
          expect(at - ackedAt, order.id).toBeLessThanOrEqual(1);
          if (at > ackedAt) doneUnacknowledged.add(order.id);
        }
        for (const id of acked.keys()) expect(await orders.get(id), id).not.toBeNull();
        expect(doneUnacknowledged.size).toBeLessThanOrEqual(k + 1);
        await orders.close();
        await inventory.close();
      }
      backend.sound?.(place);
      const steps = [...acked.values()].reduce((n, a) => n + ORDER_PATH.indexOf(a.status as Order['status']) + 1, 0);
      console.log(`${backend.name} order kill test: ${KILLS} kills, ${acked.size} orders and ${steps} acknowledged steps, ${checked} order checks after the kills, 0 lost, 0 half-done, ${doneUnacknowledged.size} steps done but not yet acknowledged when killed`);
      expect(acked.size).toBeGreaterThan(KILLS);
    });
  });
}
