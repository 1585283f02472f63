import { describe, expect, it } from 'vitest';
import { callTool, createBotContext } from '../../src/bot/index.js';
import { MemoryStore, createPool, poolFromSnapshot, poolToSnapshot } from '../../src/index.js';
import { caught } from '../phonetics/caught.js';
import { makeAgent } from '../inventory/helpers.js';

describe('createBotContext', () => {
  it('builds a segment pool on first use and keeps it', async () => {
    const context = createBotContext({ profile: 'traditional' });
    const [a] = await context.pools(['4007']);
    const [b, c] = await context.pools(['4007', '4009']);
    expect(a!.segment).toBe('4007');
    expect(a!.profile).toBe('traditional');
    expect(b).toBe(a);
    expect(c!.segment).toBe('4009');
  });

  it('searches given pools (a snapshot, as a website loads it) and keeps to the segments asked for', async () => {
    const loaded = poolFromSnapshot(poolToSnapshot(createPool({ numbers: ['4006123000', '4006888888', '4008517517'] })));
    const context = createBotContext({ pools: [loaded] });
    expect(await context.pools(['4008'])).toEqual([loaded]);
    const answer = await callTool('search', { segments: ['4008'] }, context);
    expect(answer.ok && answer.result.results.map((r) => r.number)).toEqual(['4008517517']);
  });

  it('holds in an empty memory store by default, where no number is reserved', async () => {
    const context = createBotContext();
    expect(context.store).toBeInstanceOf(MemoryStore);
    expect(await callTool('hold', { number: '4006123000', customer: '张三' }, createBotContext())).toMatchObject({ ok: false, error: { code: 'NOT_RESERVED' } });
  });

  it("with a store that has agents, searches every agent's available numbers, so whatever it finds can be held", async () => {
    const store = new MemoryStore();
    await store.addAgent(makeAgent('a1', 1));
    await store.addAgent(makeAgent('a2', 2));
    await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-049' });
    await store.reserve({ agent: 'a2', from: '4008-517-500', to: '4008-517-549' });
    await store.hold('4006123008', '他人', 60_000);
    const context = createBotContext({ store });
    const found = await callTool('search', { pattern: '%', limit: 50 }, context);
    if (!found.ok) throw new Error(found.error.message);
    expect(found.result.next).not.toBeNull(); // 99 numbers: a second page
    const numbers = found.result.results.map((r) => r.number);
    expect(numbers.some((n) => n.startsWith('4006'))).toBe(true);
    expect(numbers.some((n) => n.startsWith('4008'))).toBe(true);
    expect(numbers).not.toContain('4006123008');
    for (const number of numbers) expect(await callTool('hold', { number, customer: '张三' }, context), number).toMatchObject({ ok: true, result: { ok: true } });
    // Held now: the next search offers none of them.
    const after = await callTool('search', { pattern: '%', limit: 50 }, context);
    expect(after.ok && after.result.results.filter((r) => numbers.includes(r.number))).toEqual([]);
  });

  it("answers an unknown agent's searches with UNKNOWN_AGENT", async () => {
    const store = new MemoryStore();
    await store.addAgent(makeAgent('huatong', 1));
    const answer = await callTool('search', { pattern: '8$' }, createBotContext({ store, agent: 'nobody' }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_AGENT', message: expect.stringContaining('nobody') } });
  });

  it('refuses an unknown profile when it is made, not at the first search', () => {
    expect(caught(() => createBotContext({ profile: 'lucky' })).code).toBe('UNKNOWN_PROFILE');
  });
});
