import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import { agentPool, storePool } from '../../src/inventory/agent-pool.js';
import { search } from '../../src/search/search.js';
import { licenceCheckCharacter } from '../../src/inventory/licence.js';

function licence(body17: string): string {
  return body17 + licenceCheckCharacter(body17);
}

async function twoAgents() {
  const store = new MemoryStore();
  await store.addAgent({ id: 'a1', name: '甲公司', level: 'first', licence: licence('91110108MA01XK7D3'), verified: true, quota: 2000 });
  await store.addAgent({ id: 'a2', name: '乙公司', level: 'first', licence: licence('91330106MA2H71R4L'), verified: true, quota: 2000 });
  await store.reserve({ agent: 'a1', from: '4006-888-000', to: '4006-888-999' });
  await store.reserve({ agent: 'a2', from: '4008-888-000', to: '4008-888-099' });
  return store;
}

describe('storePool', () => {
  it("answers searches from every agent's numbers in a status (default: available)", async () => {
    const store = await twoAgents();
    await store.hold('4006888888', 'someone', 60_000);
    await store.sell('4008888088', 'someone else');
    const pool = await storePool(store);
    expect(pool.size).toBe(999 + 99);
    const found = search(pool, { pattern: '88$', limit: 50 }).results.map((r) => r.number);
    expect(found).toContain('4006888088');
    expect(found.filter((n) => n.startsWith('4008'))).toEqual([]); // 4008-888-000…099: only 088 ends in 88, and it is sold
    expect(found).not.toContain('4006888888');
    const held = await storePool(store, { status: 'held' });
    expect(search(held, {}).results.map((r) => r.number)).toEqual(['4006888888']);
  });

  it('refuses what is not a store, or options that are not an object', async () => {
    await expect(storePool({} as never)).rejects.toMatchObject({ code: 'INVALID_TYPE', message: expect.stringContaining('storePool(): store') });
    await expect(storePool(new MemoryStore(), null as never)).rejects.toMatchObject({ code: 'INVALID_TYPE', message: expect.stringContaining('storePool(): options') });
  });
});

describe('agentPool', () => {
  it("answers searches from one agent's available numbers only", async () => {
    const store = new MemoryStore();
    await store.addAgent({ id: 'a1', name: '甲公司', level: 'first', licence: licence('91110108MA01XK7D3'), verified: true, quota: 2000 });
    await store.addAgent({ id: 'a2', name: '乙公司', level: 'first', licence: licence('91330106MA2H71R4L'), verified: true, quota: 2000 });
    await store.reserve({ agent: 'a1', from: '4006-888-000', to: '4006-888-999' });
    await store.reserve({ agent: 'a2', from: '4008-888-000', to: '4008-888-999' });
    await store.hold('4006888888', 'someone', 60_000);

    const pool = await agentPool(store, 'a1');
    expect(pool.size).toBe(999);
    const page = search(pool, { pattern: '88$' });
    expect(page.results.map((r) => r.number).sort()).toEqual(['4006888088', '4006888188', '4006888288', '4006888388', '4006888488', '4006888588', '4006888688', '4006888788', '4006888988']);
    for (let i = 1; i < page.results.length; i++) expect(page.results[i - 1]!.score).toBeGreaterThanOrEqual(page.results[i]!.score);
    expect(page.results.some((r) => r.number === '4006888888')).toBe(false);
  });
});
