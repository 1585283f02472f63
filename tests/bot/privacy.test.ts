import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callTool, createBotContext } from '../../src/bot/index.js';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { makeAgent, manualClock } from '../inventory/helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Names that cannot turn up in an answer by chance: none is a substring of a number, a tier or a sentence. */
const OTHERS = Array.from({ length: 12 }, (_, i) => `他人客户${String.fromCharCode(0x4e00 + i * 37)}${i}号Qx`);
const ASKERS = ['来问的客户甲', '来问的客户乙', OTHERS[0] as string];

/** 4006-123-000 … 4006-123-059: held (some expired) and sold for other customers, some withdrawn, some free. */
async function crowdedStore(store: MemoryStore | Awaited<ReturnType<typeof openSqliteStore>>, clock: ReturnType<typeof manualClock>) {
  await store.addAgent(makeAgent('a1', 1));
  await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-059' });
  for (let i = 0; i < 60; i++) {
    const n = `4006123${String(i).padStart(3, '0')}`;
    const other = OTHERS[i % OTHERS.length] as string;
    if (i % 5 === 0) await store.sell(n, other);
    else if (i % 5 === 1) await store.hold(n, other, 60 * 60_000);
    else if (i % 5 === 2) await store.hold(n, other, 60_000); // ends when the clock moves on
    else if (i % 5 === 3) await store.withdraw(n);
  }
  clock.advance(2 * 60_000);
}

describe('the bot never names another customer', () => {
  it.each(['memory', 'sqlite'] as const)('random hold and release calls on a %s store full of other customers', async (kind) => {
    const clock = manualClock();
    const store = kind === 'memory' ? new MemoryStore({ now: clock.now }) : await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanity400-privacy-')), 'p.db'), { now: clock.now });
    await crowdedStore(store, clock);
    const context = createBotContext({ store, agent: 'a1' });
    const call = fc.record({
      tool: fc.constantFrom('hold', 'release', 'hold', 'release', 'search', 'near'),
      n: fc.nat(64),
      asker: fc.nat(ASKERS.length - 1),
      lang: fc.constantFrom('zh', 'en'),
    });
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 12 }), async (list) => {
        for (const c of list) {
          const asker = ASKERS[c.asker] as string;
          const number = `4006-123-${String(c.n).padStart(3, '0')}`;
          const args =
            c.tool === 'search' ? { pattern: '%', limit: 20, lang: c.lang } : c.tool === 'near' ? { number, limit: 10, lang: c.lang } : { number, customer: asker, lang: c.lang };
          const answer = JSON.stringify(await callTool(c.tool, args, context));
          calls++;
          for (const other of OTHERS) if (other !== asker) expect(answer, `${c.tool} ${number} by ${asker}`).not.toContain(other);
        }
      }),
      { numRuns: 150 },
    );
    expect(calls).toBeGreaterThan(500);
    await store.close();
  });

  it('release of a number sold to someone else, or whose hold by someone else has ended, says only that it is not held for you', async () => {
    const clock = manualClock();
    const store = new MemoryStore({ now: clock.now });
    await crowdedStore(store, clock);
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
