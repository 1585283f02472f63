import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import type { InventoryOp } from '../../src/inventory/types.js';
import { makeAgent, manualClock } from './helpers.js';
import { storeContract } from './store-contract.js';

storeContract('MemoryStore', (options) => new MemoryStore(options));

describe('MemoryStore ops', () => {
  it('replaying recorded ops (an old journal) rebuilds the same state', async () => {
    const clock = manualClock();
    const at = clock.now();
    const ops: InventoryOp[] = [
      { op: 'agent', at, agent: makeAgent('a1', 1) },
      { op: 'reserve', at, agent: 'a1', from: '4006123000', to: '4006123999' },
      { op: 'reserve', at, agent: 'a1', numbers: ['4008517517'] },
      { op: 'hold', at, number: '4006123001', customer: 'alice', until: at + 60_000 },
      { op: 'hold', at, number: '4006123002', customer: 'bob', until: at + 60_000 },
      { op: 'release', at, number: '4006123002', customer: 'bob' },
      { op: 'sell', at, number: '4006123003', customer: 'carol' },
      { op: 'withdraw', at, number: '4006123004' },
    ];
    const store = new MemoryStore({ now: clock.now });
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-999' });
    await store.reserve({ agent: 'a1', numbers: ['4008-517-517'] });
    await store.hold('4006-123-001', 'alice', 60_000);
    await store.hold('4006-123-002', 'bob', 60_000);
    await store.release('4006-123-002', 'bob');
    await store.sell('4006-123-003', 'carol');
    await store.withdraw('4006-123-004');
    const copy = new MemoryStore({ now: clock.now });
    for (const op of ops) copy.apply(op);
    expect(await copy.list('a1')).toEqual(await store.list('a1'));
    expect(await copy.agents()).toEqual(await store.agents());
  });

  it('apply rejects malformed or impossible ops with BAD_OP or the store’s error', () => {
    const store = new MemoryStore();
    store.apply({ op: 'agent', at: 1, agent: makeAgent('a1', 1) });
    expect(() => store.apply(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE' }));
    const bad: unknown[] = [
      { op: 'explode', at: 1 },
      { op: 'hold', number: '4006000001', customer: 'x', until: 5 },
      { op: 'hold', at: 1, number: '400-600-0001', customer: 'x', until: 5 },
    ];
    for (const op of bad) expect(() => store.apply(op as InventoryOp), JSON.stringify(op)).toThrow(expect.objectContaining({ code: 'BAD_OP' }));
    expect(() => store.apply({ op: 'hold', at: 1, number: '4006000001', customer: 'x', until: 5 })).toThrow(expect.objectContaining({ code: 'NOT_RESERVED' }));
    expect(() => store.apply({ op: 'reserve', at: 1, agent: 'zz', numbers: ['4006000001'] })).toThrow(expect.objectContaining({ code: 'UNKNOWN_AGENT' }));
    store.apply({ op: 'reserve', at: 1, agent: 'a1', numbers: ['4006000001'] });
    store.apply({ op: 'sell', at: 2, number: '4006000001', customer: 'x' });
    expect(() => store.apply({ op: 'withdraw', at: 3, number: '4006000001' })).toThrow(expect.objectContaining({ code: 'BAD_OP' }));
  });

  it('listing one agent does not look at other agents’ numbers', async () => {
    const store = new MemoryStore();
    await store.addAgent(makeAgent('big', 1, { quota: 200_000 }));
    await store.addAgent(makeAgent('small', 2));
    await store.reserve({ agent: 'big', from: '4006-000-000', to: '4006-199-999' });
    await store.reserve({ agent: 'small', from: '4008-000-000', to: '4008-001-999' });
    const list = await store.list('small');
    expect(list).toHaveLength(2000);
    expect(list[0]?.number).toBe('4008000000');
    expect(list.at(-1)?.number).toBe('4008001999');
  });
});
