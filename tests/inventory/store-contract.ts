/**
 * The behaviour every inventory Store must have. Run it with a factory that makes a fresh, empty
 * store using the given clock: storeContract('MemoryStore', (o) => new MemoryStore(o)).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { licenceCheckCharacter } from '../../src/inventory/licence.js';
import type { Store } from '../../src/inventory/store.js';
import type { NumberStatus } from '../../src/inventory/types.js';
import { companyLicence, makeAgent, manualClock, rejection } from './helpers.js';

export type MakeStore = (options: { now: () => number }) => Store | Promise<Store>;

const MINUTE = 60_000;
const ZERO: Record<NumberStatus, number> = { available: 0, held: 0, sold: 0, withdrawn: 0 };

export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    const open: Store[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    async function fresh() {
      const clock = manualClock();
      const store = await makeStore({ now: clock.now });
      open.push(store);
      return { store, clock };
    }

    /** A store with agent a1 (quota 3000) holding 4006-123-000 … 4006-123-099. */
    async function stocked() {
      const s = await fresh();
      await s.store.addAgent(makeAgent('a1', 1));
      await s.store.addAgent(makeAgent('b2', 2, { quota: 500 }));
      await s.store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-099' });
      return s;
    }

    describe('agents', () => {
      it('adds and reads agents, licence in upper case', async () => {
        const { store } = await fresh();
        const a1 = makeAgent('a1', 1, { licence: companyLicence(1).toLowerCase() });
        await store.addAgent(a1);
        await store.addAgent(makeAgent('s1', 3, { level: 'second', parent: 'a1', verified: false, quota: 200 }));
        expect(await store.getAgent('a1')).toEqual({ ...a1, licence: companyLicence(1) });
        expect(await store.getAgent('s1')).toMatchObject({ level: 'second', parent: 'a1', verified: false, quota: 200 });
        expect(await store.getAgent('nobody')).toBeNull();
        expect((await store.agents()).map((a) => a.id)).toEqual(['a1', 's1']);
      });

      it('returns copies: changing a result does not change the store', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('a1', 1));
        const got = (await store.getAgent('a1')) as { quota: number };
        got.quota = 1;
        expect((await store.getAgent('a1'))?.quota).toBe(3000);
      });

      it('rejects a second agent with the same id or the same licence', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('a1', 1));
        expect(await rejection(store.addAgent(makeAgent('a1', 2)))).toMatchObject({ code: 'DUPLICATE_AGENT', message: expect.stringContaining('"a1"') });
        const same = await rejection(store.addAgent(makeAgent('a2', 1)));
        expect(same).toMatchObject({ code: 'DUPLICATE_AGENT', message: expect.stringContaining('already belongs to agent "a1"') });
        expect(await store.agents()).toHaveLength(1);
      });

      it('rejects individuals: a personal ID card number is not a company licence', async () => {
        const { store } = await fresh();
        const error = await rejection(store.addAgent(makeAgent('p1', 1, { licence: '11010519491231002X' })));
        expect(error).toBeInstanceOf(Vanity400Error);
        expect(error.code).toBe('NOT_A_COMPANY');
        expect(error.message).toMatch(/individuals cannot be agents/);
        const soleTrader = `92440300MA5F00001${licenceCheckCharacter('92440300MA5F00001')}`; // 个体工商户
        expect(await rejection(store.addAgent(makeAgent('p2', 1, { licence: soleTrader })))).toMatchObject({ code: 'NOT_A_COMPANY' });
        expect(await store.agents()).toEqual([]);
      });

      it('rejects a malformed licence with the bad position or the right check character', async () => {
        const { store } = await fresh();
        const good = companyLicence(7);
        const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
        const e1 = await rejection(store.addAgent(makeAgent('a1', 0, { licence: wrongCheck })));
        expect(e1).toMatchObject({ code: 'BAD_LICENCE', position: 17, message: expect.stringContaining(`check character should be ${good[17]}`) });
        const e2 = await rejection(store.addAgent(makeAgent('a1', 0, { licence: `${good.slice(0, 5)}O${good.slice(6)}` })));
        expect(e2).toMatchObject({ code: 'BAD_LICENCE', position: 5 });
      });

      it('checks the other fields and the parent', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('a1', 1));
        await store.addAgent(makeAgent('s1', 2, { level: 'second', parent: 'a1' }));
        const bad = [
          makeAgent('', 3),
          makeAgent('has space', 3),
          makeAgent('x', 3, { name: '  ' }),
          makeAgent('x', 3, { level: 'third' as 'first' }),
          makeAgent('x', 3, { quota: -1 }),
          makeAgent('x', 3, { quota: 1.5 }),
          makeAgent('x', 3, { parent: 'a1' }), // a first-level agent has no parent
          makeAgent('x', 3, { level: 'second', parent: 's1' }), // the parent must be first-level
        ];
        for (const agent of bad) expect((await rejection(store.addAgent(agent))).code, JSON.stringify(agent)).toBe('BAD_AGENT');
        // A field of the wrong kind is a wrong type, named.
        expect(await rejection(store.addAgent(makeAgent('x', 3, { verified: 'yes' as unknown as boolean })))).toMatchObject({ code: 'INVALID_TYPE', message: expect.stringContaining('agent.verified') });
        expect(await rejection(store.addAgent(makeAgent('x', 3, { level: 'second', parent: 'ghost' })))).toMatchObject({ code: 'UNKNOWN_AGENT' });
        expect((await store.agents()).map((a) => a.id)).toEqual(['a1', 's1']);
      });
    });

    describe('reservations', () => {
      it('reserves an inclusive range and explicit numbers written any way', async () => {
        const { store } = await stocked();
        expect((await store.list('a1')).length).toBe(100);
        expect(await store.reserve({ agent: 'a1', numbers: ['400-800-8888', '4008 517 517', '+86 4006 999 999'] })).toBe(3);
        expect(await store.reserve({ agent: 'b2', from: '4008-000-100', to: '4008-000-100' })).toBe(1);
        expect(await store.who('4008008888')).toEqual({ number: '4008008888', agent: 'a1', status: 'available' });
        expect(await store.who('4006-123-099')).toMatchObject({ agent: 'a1', status: 'available' });
        expect(await store.who('4006-123-100')).toBeNull();
        expect(await store.counts()).toEqual({ ...ZERO, available: 104 });
      });

      it('rejects ranges across segments, backwards, or with bad ends, and unknown agents', async () => {
        const { store } = await stocked();
        expect((await rejection(store.reserve({ agent: 'a1', from: '4006-999-990', to: '4007-000-010' }))).code).toBe('BAD_RESERVATION');
        expect((await rejection(store.reserve({ agent: 'a1', from: '4006-000-010', to: '4006-000-001' }))).code).toBe('BAD_RESERVATION');
        expect((await rejection(store.reserve({ agent: 'a1', from: '4006-000-01', to: '4006-000-020' }))).message).toMatch(/"from"/);
        expect((await rejection(store.reserve({ agent: 'a1', numbers: [] }))).code).toBe('BAD_RESERVATION');
        const bad = await rejection(store.reserve({ agent: 'a1', numbers: ['4006-555-000', 'hello', '4005-000-000'] }));
        expect(bad.code).toBe('BAD_RESERVATION');
        expect(bad.message).toMatch(/2 malformed numbers.*"hello".*"4005-000-000"/);
        expect((await rejection(store.reserve({ agent: 'ghost', numbers: ['4006-555-000'] }))).code).toBe('UNKNOWN_AGENT');
        expect(await store.who('4006-555-000')).toBeNull();
        expect(await store.counts()).toEqual({ ...ZERO, available: 100 });
      });

      it('an overlap names the first 20 conflicting numbers and the count, and writes nothing', async () => {
        const { store } = await stocked();
        const error = await rejection(store.reserve({ agent: 'b2', from: '4006-123-050', to: '4006-123-149' }));
        expect(error.code).toBe('OVERLAP');
        expect(error.message).toContain('50 of the 100 numbers belong to other agents');
        expect(error.message).toContain('4006-123-050 (a1, available)');
        expect(error.message).toContain('4006-123-069 (a1, available)');
        expect(error.message).not.toContain('4006-123-070');
        expect(error.message).toContain('first 20 of 50');
        expect(await store.list('b2')).toEqual([]);
        expect(await store.who('4006-123-149')).toBeNull();
      });

      it('rejects numbers repeated in one reservation, or already the agent’s own', async () => {
        const { store } = await stocked();
        const twice = await rejection(store.reserve({ agent: 'b2', numbers: ['4008-111-111', '400-811-1111', '4008-222-222'] }));
        expect(twice).toMatchObject({ code: 'DUPLICATE_NUMBER', message: expect.stringContaining('4008-111-111') });
        const own = await rejection(store.reserve({ agent: 'a1', numbers: ['4008-333-333', '4006-123-007'] }));
        expect(own).toMatchObject({ code: 'DUPLICATE_NUMBER', message: expect.stringContaining('4006-123-007') });
        expect(await store.who('4008-111-111')).toBeNull();
        expect(await store.who('4008-333-333')).toBeNull();
      });

      it('enforces the quota on reserved (available or held) numbers, all or nothing', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('q', 1, { quota: 10 }));
        await store.reserve({ agent: 'q', from: '4006-000-000', to: '4006-000-007' });
        const error = await rejection(store.reserve({ agent: 'q', from: '4006-000-008', to: '4006-000-010' }));
        expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringMatching(/has 8 reserved and a quota of 10, so at most 2 more/) });
        expect(await store.who('4006-000-008')).toBeNull();
        // Sold and withdrawn numbers no longer count.
        await store.sell('4006-000-000', 'c1');
        await store.withdraw('4006-000-001');
        expect(await store.reserve({ agent: 'q', from: '4006-000-008', to: '4006-000-011' })).toBe(4);
        expect((await rejection(store.reserve({ agent: 'q', numbers: ['4006-000-012'] }))).code).toBe('QUOTA_EXCEEDED');
        // A huge range fails on the quota at once.
        expect((await rejection(store.reserve({ agent: 'q', from: '4006-000-000', to: '4006-999-999' }))).code).toBe('QUOTA_EXCEEDED');
      });

      it('a withdrawn number can be reserved again, by another agent', async () => {
        const { store } = await stocked();
        await store.withdraw('4006-123-005');
        expect(await store.reserve({ agent: 'b2', numbers: ['4006-123-005'] })).toBe(1);
        expect(await store.who('4006-123-005')).toEqual({ number: '4006123005', agent: 'b2', status: 'available' });
        expect((await store.list('a1')).map((s) => s.number)).not.toContain('4006123005');
        expect((await store.list('b2')).map((s) => s.number)).toEqual(['4006123005']);
      });
    });

    describe('hold, release, sell, withdraw', () => {
      it('holds an available number once; others see who holds it until when', async () => {
        const { store, clock } = await stocked();
        const t0 = clock.now();
        expect(await store.hold('4006-123-001', 'alice', 10 * MINUTE)).toEqual({ ok: true, heldUntil: t0 + 10 * MINUTE });
        const held = { number: '4006123001', agent: 'a1', status: 'held', customer: 'alice', heldUntil: t0 + 10 * MINUTE };
        expect(await store.hold('4006123001', 'bob', MINUTE)).toEqual({ ok: false, state: held });
        expect(await store.hold('4006123001', 'alice', MINUTE)).toEqual({ ok: false, state: held });
        expect(await store.who('4006123001')).toEqual(held);
      });

      it('release only by the holder, and only while held', async () => {
        const { store } = await stocked();
        await store.hold('4006-123-002', 'alice', MINUTE);
        const wrong = await rejection(store.release('4006-123-002', 'bob'));
        expect(wrong).toMatchObject({ code: 'NOT_HOLDER', message: expect.stringMatching(/4006-123-002.*held by "alice"/) });
        await store.release('4006-123-002', 'alice');
        expect(await store.who('4006-123-002')).toEqual({ number: '4006123002', agent: 'a1', status: 'available' });
        const notHeld = await rejection(store.release('4006-123-002', 'alice'));
        expect(notHeld).toMatchObject({ code: 'NOT_HELD', message: expect.stringContaining('is available') });
      });

      it('sell: an available number, or one held by the same customer', async () => {
        const { store } = await stocked();
        await store.sell('4006-123-003', 'carol');
        expect(await store.who('4006-123-003')).toEqual({ number: '4006123003', agent: 'a1', status: 'sold', customer: 'carol' });
        await store.hold('4006-123-004', 'alice', MINUTE);
        const wrong = await rejection(store.sell('4006-123-004', 'bob'));
        expect(wrong).toMatchObject({ code: 'NOT_HOLDER', message: expect.stringContaining('held by "alice"') });
        await store.sell('4006-123-004', 'alice');
        expect(await store.who('4006-123-004')).toMatchObject({ status: 'sold', customer: 'alice' });
        const again = await rejection(store.sell('4006-123-004', 'alice'));
        expect(again).toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringContaining('sold to "alice"') });
        expect(await store.hold('4006-123-004', 'dave', MINUTE)).toMatchObject({ ok: false, state: { status: 'sold' } });
      });

      it('withdraw: an available or held number; not a sold or withdrawn one', async () => {
        const { store } = await stocked();
        await store.withdraw('4006-123-010');
        await store.hold('4006-123-011', 'alice', MINUTE);
        await store.withdraw('4006-123-011');
        expect(await store.who('4006-123-011')).toEqual({ number: '4006123011', agent: 'a1', status: 'withdrawn' });
        expect(await rejection(store.withdraw('4006-123-011'))).toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringContaining('withdrawn') });
        await store.sell('4006-123-012', 'carol');
        expect(await rejection(store.withdraw('4006-123-012'))).toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringContaining('sold') });
        expect(await store.hold('4006-123-010', 'bob', MINUTE)).toMatchObject({ ok: false, state: { status: 'withdrawn' } });
        expect(await rejection(store.sell('4006-123-010', 'bob'))).toMatchObject({ code: 'NOT_AVAILABLE' });
        expect(await rejection(store.release('4006-123-011', 'alice'))).toMatchObject({ code: 'NOT_HELD' });
      });

      it('numbers nobody reserved, malformed numbers and bad arguments are errors', async () => {
        const { store } = await stocked();
        for (const call of [
          store.hold('4008-999-999', 'alice', MINUTE),
          store.release('4008-999-999', 'alice'),
          store.sell('4008-999-999', 'alice'),
          store.withdraw('4008-999-999'),
        ]) {
          expect(await rejection(call)).toMatchObject({ code: 'NOT_RESERVED', message: expect.stringContaining('4008-999-999') });
        }
        expect((await rejection(store.hold('4006-123', 'alice', MINUTE))).code).toBe('WRONG_LENGTH');
        expect((await rejection(store.who('800-123-4567'))).code).toBe('NOT_400');
        expect((await rejection(store.hold('4006-123-001', '', MINUTE))).code).toBe('BAD_ARGUMENT');
        expect((await rejection(store.hold('4006-123-001', 'alice', 0))).code).toBe('BAD_ARGUMENT');
        expect((await rejection(store.hold('4006-123-001', 'alice', Number.NaN))).code).toBe('BAD_ARGUMENT');
        expect((await rejection(store.list('a1', 'lost' as NumberStatus))).code).toBe('BAD_ARGUMENT');
        expect(await store.who('4006-123-001')).toMatchObject({ status: 'available' });
      });
    });

    describe('expiry', () => {
      it('a hold ends at heldUntil by itself, with nothing called', async () => {
        const { store, clock } = await stocked();
        const { heldUntil } = (await store.hold('4006-123-020', 'alice', 5 * MINUTE)) as { heldUntil: number };
        clock.advance(5 * MINUTE - 1);
        expect(await store.who('4006-123-020')).toMatchObject({ status: 'held', customer: 'alice', heldUntil });
        expect((await store.counts('a1')).held).toBe(1);
        clock.advance(1);
        expect(await store.who('4006-123-020')).toEqual({ number: '4006123020', agent: 'a1', status: 'available' });
        expect(await store.counts('a1')).toEqual({ ...ZERO, available: 100 });
        expect(await store.list('a1', 'held')).toEqual([]);
        const late = await rejection(store.release('4006-123-020', 'alice'));
        expect(late).toMatchObject({ code: 'NOT_HELD', message: expect.stringContaining('expired') });
        expect(await store.hold('4006-123-020', 'bob', MINUTE)).toMatchObject({ ok: true });
        await store.sell('4006-123-020', 'bob');
        expect(await store.who('4006-123-020')).toMatchObject({ status: 'sold', customer: 'bob' });
      });

      it('after expiry anyone may buy; the former holder has no claim', async () => {
        const { store, clock } = await stocked();
        await store.hold('4006-123-021', 'alice', MINUTE);
        clock.advance(2 * MINUTE);
        await store.sell('4006-123-021', 'bob');
        expect(await store.who('4006-123-021')).toMatchObject({ status: 'sold', customer: 'bob' });
      });
    });

    describe('who, list, counts', () => {
      it('lists an agent’s numbers in number order, optionally by status, and counts them', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('a1', 1));
        await store.addAgent(makeAgent('b2', 2));
        await store.reserve({ agent: 'a1', numbers: ['4008-000-003', '4006-000-009', '4008-000-001'] });
        await store.reserve({ agent: 'b2', from: '4006-000-000', to: '4006-000-004' });
        await store.reserve({ agent: 'a1', from: '4006-000-005', to: '4006-000-007' });
        await store.hold('4006-000-006', 'alice', MINUTE);
        await store.sell('4008-000-001', 'carol');
        await store.withdraw('4006-000-009');
        const all = await store.list('a1');
        expect(all.map((s) => s.number)).toEqual(['4006000005', '4006000006', '4006000007', '4006000009', '4008000001', '4008000003']);
        expect(all.map((s) => s.status)).toEqual(['available', 'held', 'available', 'withdrawn', 'sold', 'available']);
        expect((await store.list('a1', 'available')).map((s) => s.number)).toEqual(['4006000005', '4006000007', '4008000003']);
        expect(await store.list('a1', 'sold')).toEqual([{ number: '4008000001', agent: 'a1', status: 'sold', customer: 'carol' }]);
        expect(await store.counts('a1')).toEqual({ available: 3, held: 1, sold: 1, withdrawn: 1 });
        expect(await store.counts('b2')).toEqual({ ...ZERO, available: 5 });
        expect(await store.counts()).toEqual({ available: 8, held: 1, sold: 1, withdrawn: 1 });
        expect((await rejection(store.list('ghost'))).code).toBe('UNKNOWN_AGENT');
        expect((await rejection(store.counts('ghost'))).code).toBe('UNKNOWN_AGENT');
      });

      it('a new agent has nothing', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('a1', 1));
        expect(await store.list('a1')).toEqual([]);
        expect(await store.counts('a1')).toEqual(ZERO);
        expect(await store.counts()).toEqual(ZERO);
      });
    });

    describe('concurrency within one process', () => {
      it('100 concurrent holds on one number: exactly one wins', async () => {
        const { store } = await stocked();
        const results = await Promise.all(Array.from({ length: 100 }, (_, i) => store.hold('4006-123-050', `c${i}`, MINUTE)));
        const winners = results.flatMap((r, i) => (r.ok ? [`c${i}`] : []));
        expect(winners).toHaveLength(1);
        const state = await store.who('4006-123-050');
        expect(state).toMatchObject({ status: 'held', customer: winners[0] });
        for (const r of results) if (!r.ok) expect(r.state.customer).toBe(winners[0]);
      });

      it('1,000 holds over 100 numbers from many customers: each number has exactly one holder', async () => {
        const { store } = await stocked();
        const calls = Array.from({ length: 1000 }, (_, i) => {
          const number = `4006123${String((i * 37) % 100).padStart(3, '0')}`;
          const customer = `c${i % 71}`;
          return store.hold(number, customer, MINUTE).then((r) => ({ number, customer, r }));
        });
        const results = await Promise.all(calls);
        const won = new Map<string, string[]>();
        for (const { number, customer, r } of results) {
          if (r.ok) won.set(number, [...(won.get(number) ?? []), customer]);
        }
        expect(won.size).toBe(100);
        for (const [number, customers] of won) {
          expect(customers).toHaveLength(1);
          expect(await store.who(number)).toMatchObject({ status: 'held', customer: customers[0] });
        }
        expect(await store.counts('a1')).toEqual({ ...ZERO, held: 100 });
      });

      it('concurrent overlapping reservations: every number goes to one agent, none is split', async () => {
        const { store } = await fresh();
        for (let i = 0; i < 10; i++) await store.addAgent(makeAgent(`r${i}`, 100 + i));
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.reserve({ agent: `r${i}`, from: `4006-500-${String(i * 10).padStart(3, '0')}`, to: `4006-500-${String(i * 10 + 14).padStart(3, '0')}` })),
        );
        const total = (await store.counts()).available;
        const reserved = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value : 0), 0);
        expect(total).toBe(reserved);
        for (const r of results) if (r.status === 'rejected') expect((r.reason as Vanity400Error).code).toBe('OVERLAP');
      });
    });

    it('agrees with a simple model over random operations and clock moves', async () => {
      const numbers = ['4006123000', '4006123001', '4006123002'];
      const customers = ['alice', 'bob'];
      const command = fc.oneof(
        fc.record({ kind: fc.constant('hold' as const), n: fc.nat(2), c: fc.nat(1), ttl: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ kind: fc.constantFrom('release' as const, 'sell' as const), n: fc.nat(2), c: fc.nat(1) }),
        fc.record({ kind: fc.constant('withdraw' as const), n: fc.nat(2) }),
        fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 4 }) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(command, { maxLength: 40 }), async (commands) => {
          const { store, clock } = await fresh();
          await store.addAgent(makeAgent('a1', 1));
          await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-002' });
          type M = { status: NumberStatus; customer?: string; until?: number };
          const model = new Map<string, M>(numbers.map((n) => [n, { status: 'available' }]));
          const status = (m: M): NumberStatus => (m.status === 'held' && (m.until as number) <= clock.now() ? 'available' : m.status);
          for (const cmd of commands) {
            if (cmd.kind === 'tick') {
              clock.advance(cmd.ms);
              continue;
            }
            const n = numbers[cmd.n] as string;
            const m = model.get(n) as M;
            const s = status(m);
            const c = 'c' in cmd ? (customers[cmd.c] as string) : '';
            let expected: string | null = null; // error code, or null for success
            if (cmd.kind === 'hold') {
              const r = await store.hold(n, c, cmd.ttl);
              expect(r.ok).toBe(s === 'available');
              if (r.ok) model.set(n, { status: 'held', customer: c, until: clock.now() + cmd.ttl });
              continue;
            }
            if (cmd.kind === 'release') expected = s !== 'held' ? 'NOT_HELD' : m.customer !== c ? 'NOT_HOLDER' : null;
            if (cmd.kind === 'sell') expected = s === 'held' && m.customer !== c ? 'NOT_HOLDER' : s === 'sold' || s === 'withdrawn' ? 'NOT_AVAILABLE' : null;
            if (cmd.kind === 'withdraw') expected = s === 'sold' || s === 'withdrawn' ? 'NOT_AVAILABLE' : null;
            const call = cmd.kind === 'withdraw' ? store.withdraw(n) : store[cmd.kind](n, c);
            const code = await call.then(() => null, (e: Vanity400Error) => e.code);
            expect(code).toBe(expected);
            if (code === null) {
              if (cmd.kind === 'release') model.set(n, { status: 'available' });
              if (cmd.kind === 'sell') model.set(n, { status: 'sold', customer: c });
              if (cmd.kind === 'withdraw') model.set(n, { status: 'withdrawn' });
            }
          }
          for (const n of numbers) expect((await store.who(n))?.status).toBe(status(model.get(n) as M));
        }),
        { numRuns: 60 },
      );
    });

    describe('load: a whole batch, all or nothing', () => {
      it('adds agents and numbers in every status, parents before children, and counts them', async () => {
        const { store, clock } = await fresh();
        await store.addAgent(makeAgent('old', 9));
        const result = await store.load({
          agents: [{ agent: makeAgent('s1', 2, { level: 'second', parent: 'p1', quota: 10 }) }, { agent: makeAgent('p1', 1) }],
          ranges: [{ agent: 'p1', from: '4006-100-000', to: '4006-100-099' }],
          numbers: [
            { agent: 's1', number: '4008-000-001', status: 'held', customer: '张三', heldUntil: clock.now() + MINUTE },
            { agent: 's1', number: '4008-000-002', status: 'held', customer: '李四', heldUntil: clock.now() - 1 },
            { agent: 's1', number: '4008-000-003', status: 'sold', customer: '王五' },
            { agent: 'old', number: '4008-000-004', status: 'withdrawn' },
            { agent: 'old', number: '4008-000-005' },
          ],
        });
        expect(result).toEqual({ ok: true, agents: 2, numbers: 105 });
        expect(await store.who('4008-000-001')).toEqual({ number: '4008000001', agent: 's1', status: 'held', customer: '张三', heldUntil: clock.now() + MINUTE });
        expect(await store.who('4008-000-002')).toEqual({ number: '4008000002', agent: 's1', status: 'available' });
        expect(await store.counts('s1')).toEqual({ available: 1, held: 1, sold: 1, withdrawn: 0 });
        expect(await store.counts('old')).toEqual({ available: 1, held: 0, sold: 0, withdrawn: 1 });
        expect(await store.counts()).toEqual({ available: 102, held: 1, sold: 1, withdrawn: 1 });
        expect((await store.list('p1')).length).toBe(100);
        expect(await store.getAgent('s1')).toMatchObject({ parent: 'p1' });
        // The held number behaves as one held by the store itself.
        expect(await store.hold('4008-000-001', '李四', MINUTE)).toMatchObject({ ok: false, state: { customer: '张三' } });
        await store.sell('4008-000-001', '张三');
        expect(await store.counts('s1')).toEqual({ available: 1, held: 0, sold: 2, withdrawn: 0 });
      });

      it('lists every problem with its ref and writes nothing', async () => {
        const { store } = await stocked();
        const before = { counts: await store.counts(), agents: await store.agents() };
        const result = await store.load({
          agents: [
            { agent: makeAgent('a1', 50), ref: 'line 2: ' },
            { agent: makeAgent('n1', 1), ref: 'line 3: ' },
            { agent: makeAgent('n2', 51, { quota: 5 }), ref: 'line 4: ' },
            { agent: makeAgent('n3', 52, { level: 'second', parent: 'ghost' }), ref: 'line 5: ' },
          ],
          ranges: [
            { agent: 'n2', from: '4006-123-090', to: '4006-123-110', ref: 'line 6: ' },
            { agent: 'n2', from: '4009-000-000', to: '4009-000-009', ref: 'line 7: ' },
          ],
          numbers: [
            { agent: 'ghost', number: '4009-999-999', ref: 'line 8: ' },
            { agent: 'n2', number: '4009-000-005', status: 'sold', customer: 'x', ref: 'line 9: ' },
          ],
        });
        expect(result.ok).toBe(false);
        const problems = result.ok ? [] : result.problems.map((p) => [p.ref, p.code]);
        expect(problems).toEqual([
          ['line 2: ', 'DUPLICATE_AGENT'],
          ['line 3: ', 'DUPLICATE_AGENT'],
          ['line 5: ', 'UNKNOWN_AGENT'],
          ['line 6: ', 'QUOTA_EXCEEDED'],
          ['line 8: ', 'UNKNOWN_AGENT'],
        ]);
        expect({ counts: await store.counts(), agents: await store.agents() }).toEqual(before);
      });

      it('names the numbers another agent has, and a dry run writes nothing', async () => {
        const { store } = await stocked();
        const batch = { agents: [{ agent: makeAgent('n1', 60) }], ranges: [{ agent: 'n1', from: '4006-123-090', to: '4006-123-109', ref: 'r' }] };
        const result = await store.load(batch);
        expect(result).toMatchObject({ ok: false, problems: [{ ref: 'r', code: 'OVERLAP', text: { en: expect.stringMatching(/^10 numbers already reserved in the store: 4006-123-090 \(a1, available\)/) } }] });
        const free = { agents: [{ agent: makeAgent('n1', 60) }], ranges: [{ agent: 'n1', from: '4006-123-100', to: '4006-123-109' }] };
        expect(await store.load(free, { dryRun: true })).toEqual({ ok: true, agents: 1, numbers: 10 });
        expect(await store.getAgent('n1')).toBeNull();
        expect(await store.who('4006-123-100')).toBeNull();
        expect(await store.load(free)).toEqual({ ok: true, agents: 1, numbers: 10 });
        expect(await store.who('4006-123-100')).toMatchObject({ agent: 'n1', status: 'available' });
      });

      it('a reservation of many numbers (more than one step on a remote store) is all or nothing', async () => {
        const { store } = await fresh();
        await store.addAgent(makeAgent('big', 1, { quota: 20_000 }));
        await store.addAgent(makeAgent('other', 2, { quota: 20_000 }));
        await store.reserve({ agent: 'other', numbers: ['4006-509-999'] });
        const overlap = await rejection(store.reserve({ agent: 'big', from: '4006-500-000', to: '4006-509-999' }));
        expect(overlap).toMatchObject({ code: 'OVERLAP', message: expect.stringContaining('1 of the 10000 numbers belong to other agents: 4006-509-999 (other, available)') });
        expect(await store.who('4006-500-000')).toBeNull();
        expect(await store.counts('big')).toEqual(ZERO);
        expect(await store.reserve({ agent: 'big', from: '4006-500-000', to: '4006-509-998' })).toBe(9999);
        expect(await store.counts('big')).toEqual({ ...ZERO, available: 9999 });
        expect((await store.list('big')).length).toBe(9999);
        await store.withdraw('4006-500-001');
        expect(await store.reserve({ agent: 'other', from: '4006-500-001', to: '4006-500-001' })).toBe(1);
        expect(await store.counts('big')).toEqual({ ...ZERO, available: 9998 });
        expect(await store.who('4006-500-001')).toMatchObject({ agent: 'other' });
      });
    });

    describe('wrong types', () => {
      it('every method names the argument of the wrong type (INVALID_TYPE)', async () => {
        const { store } = await stocked();
        const any = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
        const calls: [string, unknown[], RegExp][] = [
          ['hold', [4006123000, 'alice', MINUTE], /number/i],
          ['hold', ['4006-123-000', null, MINUTE], /customer/],
          ['hold', ['4006-123-000', 'alice', '10m'], /hold time/],
          ['release', ['4006-123-000', 42], /customer/],
          ['sell', [{}, 'alice'], /number/i],
          ['withdraw', [null], /number/i],
          ['who', [[]], /number/i],
          ['list', [123], /agent id/],
          ['list', ['a1', 7], /status/i],
          ['counts', [false], /agent id/],
          ['getAgent', [undefined], /agent id/],
          ['addAgent', [null], /agent/],
          ['reserve', ['a1'], /reservation/],
          ['reserve', [{ agent: 5, numbers: ['4006-000-000'] }], /agent id/],
          ['load', [null], /batch/],
          ['load', [{ agents: 'a1' }], /batch\.agents/],
          ['load', [{ agents: [] }, null], /load options/],
          ['load', [{ agents: [] }, { dryRun: 1 }], /dryRun/],
        ];
        for (const [method, args, names] of calls) {
          const error = await rejection(any[method]!.apply(store, args) as Promise<unknown>);
          expect(error, `${method}(${JSON.stringify(args)})`).toBeInstanceOf(Vanity400Error);
          expect(error.code, `${method}(${JSON.stringify(args)})`).toBe('INVALID_TYPE');
          expect(error.message, `${method}(${JSON.stringify(args)})`).toMatch(names);
        }
      });

      it('random arguments to any method: an answer or a Vanity400Error, never another error', async () => {
        const { store } = await stocked();
        const any = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
        const methods = ['addAgent', 'getAgent', 'reserve', 'hold', 'release', 'sell', 'withdraw', 'who', 'list', 'counts', 'load'];
        const value = fc.oneof(fc.anything(), fc.constantFrom('4006-123-001', 'a1', 'alice', MINUTE, 'held'));
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...methods), fc.array(value, { maxLength: 3 }), async (method, args) => {
            try {
              await any[method]!.apply(store, args);
            } catch (error) {
              expect(error).toBeInstanceOf(Vanity400Error);
              expect((error as Error).message.length).toBeLessThan(2000);
            }
          }),
          { numRuns: 150 },
        );
      });
    });

    it('refuses every call after close', async () => {
      const { store } = await stocked();
      await store.close();
      expect((await rejection(store.who('4006-123-000'))).code).toBe('STORE_CLOSED');
      expect((await rejection(store.hold('4006-123-000', 'alice', MINUTE))).code).toBe('STORE_CLOSED');
      expect((await rejection(store.agents())).code).toBe('STORE_CLOSED');
    });
  });
}
