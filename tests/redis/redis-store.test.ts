import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/redis/index.js';
import { makeAgent, rejection } from '../inventory/helpers.js';
import { storeContract } from '../inventory/store-contract.js';
import { NO_REDIS_MESSAGE, redisUrl, stopRedis } from '../redis-server.js';

const url = await redisUrl();
const root = new URL('../../', import.meta.url).pathname;
/** Every key these tests write starts with this; afterAll deletes them. */
const runPrefix = `vanity400-test:${randomUUID().slice(0, 8)}:`;
let stores = 0;
const newPrefix = (): string => `${runPrefix}${++stores}:`;

if (url === null) {
  if (process.env.CI) {
    describe('RedisStore', () => {
      it('needs a Redis server', () => {
        throw new Error(NO_REDIS_MESSAGE);
      });
    });
  } else {
    console.warn(`Skipping the Redis store tests. ${NO_REDIS_MESSAGE}`);
  }
}

describe.skipIf(url === null)('RedisStore', () => {
  const client = url === null ? (null as unknown as Redis) : new Redis(url);

  afterAll(async () => {
    if (url === null) return;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${runPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await client.quit();
    await stopRedis();
  });

  storeContract('RedisStore', ({ now }) => createRedisStore(client, { prefix: newPrefix(), now, onWarning: () => {} }));

  it('keeps its keys under the prefix, with per-agent sets and a hold key that expires at the hold’s end', async () => {
    const prefix = newPrefix();
    const store = await createRedisStore(client, { prefix });
    await store.addAgent(makeAgent('a1', 1));
    await store.addAgent(makeAgent('b2', 2));
    await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-002' });
    await store.reserve({ agent: 'b2', numbers: ['4008-517-517'] });
    expect((await client.smembers(`${prefix}agent:a1:numbers`)).sort()).toEqual(['4006123000', '4006123001', '4006123002']);
    expect(await client.smembers(`${prefix}agent:b2:numbers`)).toEqual(['4008517517']);
    const before = Date.now();
    const held = await store.hold('4006-123-001', 'alice', 60_000);
    expect(held.ok).toBe(true);
    expect(await client.hgetall(`${prefix}h:4006123001`)).toEqual({ c: 'alice', u: String(held.ok ? held.heldUntil : 0) });
    const expiresAt = await client.pexpiretime(`${prefix}h:4006123001`);
    expect(expiresAt).toBe(held.ok ? held.heldUntil : 0);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    await store.sell('4006-123-001', 'alice');
    expect(await client.exists(`${prefix}h:4006123001`)).toBe(0);
    expect(await client.hgetall(`${prefix}n:4006123001`)).toEqual({ a: 'a1', s: 'sold', c: 'alice' });
    expect((await client.keys(`${prefix}*`)).every((key) => key.startsWith(prefix))).toBe(true);
    await store.close();
  });

  it('a hold ends by its Redis expiry on the real clock', async () => {
    const prefix = newPrefix();
    const store = await createRedisStore(client, { prefix });
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', numbers: ['4006-123-000'] });
    expect(await store.hold('4006-123-000', 'alice', 300)).toMatchObject({ ok: true });
    expect(await store.who('4006-123-000')).toMatchObject({ status: 'held', customer: 'alice' });
    expect(await store.hold('4006-123-000', 'bob', 300)).toMatchObject({ ok: false, state: { status: 'held', customer: 'alice' } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await client.exists(`${prefix}h:4006123000`)).toBe(0);
    expect(await store.who('4006-123-000')).toEqual({ number: '4006123000', agent: 'a1', status: 'available' });
    expect(await store.counts('a1')).toEqual({ available: 1, held: 0, sold: 0, withdrawn: 0 });
    expect(await store.hold('4006-123-000', 'bob', 60_000)).toMatchObject({ ok: true });
    await store.close();
  });

  it('owns a connection it opened from a URL and leaves a given client open', async () => {
    const prefix = newPrefix();
    const own = await createRedisStore(url as string, { prefix });
    await own.addAgent(makeAgent('a1', 1));
    const shared = await createRedisStore(client, { prefix });
    expect((await shared.getAgent('a1'))?.id).toBe('a1');
    await own.close();
    expect((await rejection(own.agents())).code).toBe('STORE_CLOSED');
    await shared.close();
    expect(await client.ping()).toBe('PONG');
  });

  it('loads its scripts again after the server forgets them', async () => {
    const store = await createRedisStore(client, { prefix: newPrefix() });
    await store.addAgent(makeAgent('a1', 1));
    await client.script('FLUSH');
    await store.reserve({ agent: 'a1', numbers: ['4006-123-000'] });
    expect(await store.hold('4006-123-000', 'alice', 60_000)).toMatchObject({ ok: true });
    await store.close();
  });

  it('4 processes × 1,000 holds on the same 100 numbers: each number goes to exactly one customer', async () => {
    const work = mkdtempSync(join(tmpdir(), 'vanity400-redis-'));
    try {
      // The bundle imports ioredis by name: let it resolve from the repository's node_modules.
      symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
      buildSync({
        entryPoints: [join(root, 'src/redis/index.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // jsonc-parser's main file is a UMD bundle esbuild cannot inline as ESM; its ESM build can be.
        mainFields: ['module', 'main'],
        external: ['ioredis'],
        alias: { vanity400: join(root, 'src/index.ts') },
        outfile: join(work, 'redis-store.mjs'),
        logLevel: 'silent',
      });
      writeFileSync(
        join(work, 'child.mjs'),
        `import { createRedisStore } from './redis-store.mjs';
const [url, prefix, child] = process.argv.slice(2);
const store = await createRedisStore(url, { prefix });
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const attempts = Array.from({ length: 1000 }, (_, i) => {
  const number = String(4006123000 + ((i * 37 + Number(child) * 13) % 100));
  const customer = 'p' + child + '-c' + (i % 9);
  return store.hold(number, customer, 3600000).then((r) => (r.ok ? [number, customer] : null));
});
const won = (await Promise.all(attempts)).filter((x) => x !== null);
await store.close();
process.stdout.write(JSON.stringify(won) + '\\n');
`,
      );
      const prefix = newPrefix();
      const store = await createRedisStore(client, { prefix });
      await store.addAgent(makeAgent('a1', 1));
      await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-099' });

      const children = Array.from({ length: 4 }, (_, child) => {
        const proc = spawn(process.execPath, [join(work, 'child.mjs'), url as string, prefix, String(child)], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        const ready = new Promise<void>((resolve) => {
          proc.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (out.startsWith('ready\n')) resolve();
          });
        });
        const done = new Promise<[string, string][]>((resolve, reject) => {
          proc.once('exit', (code) => {
            if (code !== 0) reject(new Error(`child ${child} exited with ${code}: ${err}`));
            else resolve(JSON.parse(out.slice('ready\n'.length)) as [string, string][]);
          });
        });
        return { proc, ready, done };
      });
      await Promise.race([Promise.all(children.map((c) => c.ready)), Promise.all(children.map((c) => c.done))]);
      for (const c of children) c.proc.stdin.end('go\n');
      const results = await Promise.all(children.map((c) => c.done));

      const wins = results.flat();
      expect(wins).toHaveLength(100);
      const holder = new Map(wins);
      expect(holder.size).toBe(100);
      for (const [number, customer] of holder) {
        expect(await store.who(number)).toMatchObject({ status: 'held', customer });
      }
      expect(await store.counts('a1')).toEqual({ available: 0, held: 100, sold: 0, withdrawn: 0 });
      await store.close();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
