/**
 * What the Redis store promises beyond the contract, on private redis-servers this file starts (and
 * kills): the server's clock, persistence checked at connect, durability with AOF, failures within a
 * second, imports all or nothing under concurrency and a killed importer, huge reservations in steps.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalText } from '../../src/errors/vanity400-error.js';
import { createRedisStore } from '../../src/redis/index.js';
import { makeAgent, rejection } from '../inventory/helpers.js';
import { NO_REDIS_MESSAGE, startRedisServer, type PrivateRedis } from '../redis-server.js';

const available = await startRedisServer(['--save', '', '--appendonly', 'no']).catch(() => null);
if (available === null && process.env.CI) throw new Error(NO_REDIS_MESSAGE);
const REDIS = new URL('../../dist/redis.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vanity400-redis-guarantees-'));
const servers: PrivateRedis[] = available ? [available] : [];
afterAll(async () => {
  for (const s of servers) await s.kill('SIGTERM');
});
const quiet = { onWarning: () => {} };
let prefixes = 0;
const prefix = () => `g${++prefixes}:`;

describe.skipIf(available === null)('Redis store guarantees', () => {
  const url = available?.url as string;

  it('holds are timed by the Redis server, not by a web server whose clock is 40 minutes behind', async () => {
    const p = prefix();
    const store = await createRedisStore(url, { prefix: p, ...quiet });
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', numbers: ['4006-123-000'] });
    const realNow = Date.now;
    Date.now = () => realNow() - 40 * 60_000; // this machine's clock is wrong
    let held;
    try {
      held = await store.hold('4006-123-000', '张三', 10 * 60_000);
    } finally {
      Date.now = realNow;
    }
    const client = new Redis(url);
    const [s, us] = await client.time();
    const serverNow = Number(s) * 1000 + Math.floor(Number(us) / 1000);
    expect(held).toMatchObject({ ok: true });
    const until = (held as { heldUntil: number }).heldUntil;
    expect(Math.abs(until - (serverNow + 10 * 60_000))).toBeLessThan(5_000);
    expect(await store.who('4006-123-000')).toMatchObject({ status: 'held', customer: '张三' });
    expect(await store.hold('4006-123-000', '李四', 60_000)).toMatchObject({ ok: false });
    await client.quit();
    await store.close();
  });

  it('warns once at connect when the server keeps no append-only file, and not when it does', async () => {
    const warnings: LocalText[] = [];
    const store = await createRedisStore(url, { prefix: prefix(), onWarning: (w) => warnings.push(w) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.en).toMatch(/keeps no append-only file.*appendonly yes/);
    expect(warnings[0]?.zh).toMatch(/AOF/);
    await store.who('4006-000-000');
    expect(warnings).toHaveLength(1);
    await store.close();
    const aof = await startRedisServer(['--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', mkdtempSync(join(dir, 'aof-'))]);
    servers.push(aof);
    const quietOne: LocalText[] = [];
    const other = await createRedisStore(aof.url, { onWarning: (w) => quietOne.push(w) });
    expect(quietOne).toEqual([]);
    await other.close();
  });

  it('with appendfsync always, every acknowledged sale survives a SIGKILL of Redis', { timeout: 120_000 }, async () => {
    const data = mkdtempSync(join(dir, 'always-'));
    const args = ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', data];
    const server = await startRedisServer(args);
    const port = Number(new URL(server.url).port);
    const store = await createRedisStore(server.url, quiet);
    await store.addAgent(makeAgent('a1', 1, { quota: 10_000 }));
    await store.reserve({ agent: 'a1', from: '4006-100-000', to: '4006-101-999' });
    const SALES = 2000;
    let acknowledged = 0;
    const all = Array.from({ length: SALES }, (_, i) => store.sell(String(4006100000 + i), `c${i}`).then(() => acknowledged++));
    await Promise.all(all);
    await server.kill('SIGKILL');
    await store.close();
    const again = await startRedisServer(args, port);
    servers.push(again);
    const after = await createRedisStore(again.url, quiet);
    let lost = 0;
    for (let i = 0; i < SALES; i++) {
      const state = await after.who(String(4006100000 + i));
      if (state?.status !== 'sold' || state.customer !== `c${i}`) lost++;
    }
    console.log(`Redis (appendfsync always) killed with SIGKILL after ${acknowledged} acknowledged sales: ${lost} lost`);
    expect(lost).toBe(0);
    expect(await after.counts('a1')).toEqual({ available: 0, held: 0, sold: 2000, withdrawn: 0 });
    await after.close();
  });

  it('a server that goes away mid-run is one clear error within about a second, and the store recovers when it is back', async () => {
    const data = mkdtempSync(join(dir, 'away-'));
    const args = ['--save', '', '--appendonly', 'yes', '--dir', data];
    const server = await startRedisServer(args);
    const port = Number(new URL(server.url).port);
    const store = await createRedisStore(server.url, quiet);
    await store.addAgent(makeAgent('a1', 1));
    await server.kill('SIGKILL');
    const t0 = Date.now();
    const error = await rejection(store.who('4006-000-000'));
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining(`cannot reach Redis at 127.0.0.1:${port}`) });
    expect(Date.now() - t0).toBeLessThan(3_000); // a hang guard: it fails at once instead of queueing
    const back = await startRedisServer(args, port);
    servers.push(back);
    let agent = null;
    for (let i = 0; i < 50 && agent === null; i++) {
      agent = await store.getAgent('a1').catch(() => null);
      if (agent === null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(agent).toMatchObject({ id: 'a1' });
    await store.close();
  });

  it('reserving 900,000 numbers goes in bounded steps: the server keeps answering, and it is all or nothing', { timeout: 240_000 }, async () => {
    const p = prefix();
    const store = await createRedisStore(url, { prefix: p, ...quiet });
    const client = new Redis(url);
    await store.addAgent(makeAgent('huge', 1, { quota: 1_000_000 }));
    await store.addAgent(makeAgent('other', 2));
    await store.reserve({ agent: 'other', numbers: ['4009-950-000'] });
    const refused = await rejection(store.reserve({ agent: 'huge', from: '4009-850-000', to: '4009-950-000' }));
    expect(refused).toMatchObject({ code: 'OVERLAP', message: expect.stringContaining('1 of the 100001 numbers belong to other agents: 4009-950-000 (other, available)') });
    expect(await store.who('4009-850-000')).toBeNull();
    expect(await store.counts('huge')).toEqual({ available: 0, held: 0, sold: 0, withdrawn: 0 });
    // Commands that block the server over 10 ms go to its slow log, with how long they took.
    await client.config('SET', 'slowlog-log-slower-than', '10000');
    await client.config('SET', 'slowlog-max-len', '10000');
    await client.slowlog('RESET');
    const before = Number(/cmdstat_evalsha:calls=(\d+)/.exec(await client.info('commandstats'))?.[1] ?? 0);
    let pings = 0;
    let running = true;
    const other = new Redis(url);
    const pinger = (async () => {
      while (running) {
        await other.ping();
        pings++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    expect(await store.reserve({ agent: 'huge', from: '4009-050-000', to: '4009-949-999' })).toBe(900_000);
    running = false;
    await pinger;
    const stats = await client.info('commandstats');
    const calls = Number(/cmdstat_evalsha:calls=(\d+)/.exec(stats)?.[1] ?? 0) - before;
    const meanMs = Number(/cmdstat_evalsha:calls=\d+,usec=\d+,usec_per_call=([\d.]+)/.exec(stats)?.[1] ?? 0) / 1000;
    const log = (await client.slowlog('GET', 10_000)) as [number, number, number, string[]][];
    const slowestMs = Math.max(0, ...log.map((e) => e[2])) / 1000;
    console.log(`Redis: reserving 900,000 numbers took ${calls} script calls of ${meanMs.toFixed(1)} ms on average, the longest command blocked the server ${slowestMs.toFixed(1)} ms (on a shared 2-core machine); ${pings} PINGs from another client were answered meanwhile`);
    expect(calls).toBeGreaterThanOrEqual(900);
    expect(pings).toBeGreaterThan(0);
    expect(await store.counts('huge')).toEqual({ available: 900_000, held: 0, sold: 0, withdrawn: 0 });
    expect(await store.who('4009-949-999')).toMatchObject({ agent: 'huge', status: 'available' });
    expect(await store.hold('4009-500-000', '张三', 60_000)).toMatchObject({ ok: true });
    await other.quit();
    await client.quit();
    await store.close();
  });

  it('concurrent imports of overlapping numbers: each is whole or absent, never split', { timeout: 120_000 }, async () => {
    let wins = 0;
    for (let round = 0; round < 8; round++) {
      const p = prefix();
      const a = await createRedisStore(url, { prefix: p, ...quiet });
      const b = await createRedisStore(url, { prefix: p, ...quiet });
      const batch = (id: string, n: number, from: number) => ({
        agents: [{ agent: makeAgent(id, n, { quota: 10_000 }) }],
        ranges: [{ agent: id, from: String(from), to: String(from + 5_999) }],
      });
      const results = await Promise.all([a.load(batch('first', 1, 4006_100_000)), b.load(batch('second', 2, 4006_103_000))]);
      for (const [i, id] of ['first', 'second'].entries()) {
        const mine = results[i]!.ok;
        const agent = await a.getAgent(id);
        if (mine) {
          wins++;
          expect(agent).not.toBeNull();
          expect(await a.counts(id)).toEqual({ available: 6000, held: 0, sold: 0, withdrawn: 0 });
        } else {
          expect(agent).toBeNull();
        }
      }
      const overlap = await a.who('4006-104-000');
      expect(overlap === null || ['first', 'second'].includes(overlap.agent)).toBe(true);
      expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
      await a.close();
      await b.close();
    }
    console.log(`Redis: 8 rounds of two concurrent overlapping imports of 6,000 numbers: ${wins} won, none split`);
  });

  it('an importer killed mid-import leaves nothing; the numbers are free again once its staging lapses', { timeout: 120_000 }, async () => {
    const p = prefix();
    const child = join(dir, 'importer.mjs');
    writeFileSync(
      child,
      `import { createRedisStore } from ${JSON.stringify(REDIS)};
const [url, prefix, licence] = process.argv.slice(2);
const store = await createRedisStore(url, { prefix, stagingTtlMs: 1500, onWarning: () => {} });
process.stdout.write('ready\\n');
await store.load({ agents: [{ agent: { id: 'killed', name: '被杀有限公司', level: 'first', licence, verified: true, quota: 200000 } }], ranges: [{ agent: 'killed', from: '4007000000', to: '4007149999' }] });
process.stdout.write('done\\n');
`,
    );
    const store = await createRedisStore(url, { prefix: p, ...quiet });
    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const proc = spawn(process.execPath, [child, url, p, makeAgent('x', 77).licence], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      await new Promise<void>((resolve) => proc.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('ready') && resolve())));
      await new Promise((r) => setTimeout(r, 300 + round * 200));
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
      expect(out).not.toContain('done');
      kills++;
      expect(await store.getAgent('killed')).toBeNull();
      expect(await store.who('4007-000-000')).toBeNull();
      expect(await store.counts()).toEqual({ available: 0, held: 0, sold: 0, withdrawn: 0 });
      await new Promise((r) => setTimeout(r, 1600)); // the killed importer's staging lapses
    }
    await store.addAgent(makeAgent('after', 3, { quota: 200_000 }));
    expect(await store.reserve({ agent: 'after', from: '4007-000-000', to: '4007-009-999' })).toBe(10_000);
    expect(await store.counts('after')).toEqual({ available: 10_000, held: 0, sold: 0, withdrawn: 0 });
    console.log(`Redis: importer of 150,000 numbers killed ${kills} times mid-import: nothing of it was left`);
    await store.close();
  });
});
