import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/redis/index.js';
import { makeAgent } from '../inventory/helpers.js';
import { storeContract } from '../inventory/store-contract.js';
import { NO_REDIS_MESSAGE, redisUrl, stopRedis } from '../redis-server.js';

// The repository develops against ioredis 5; the peer range also takes 6, so the store's contract runs
// here again on a client of the newest 6.x, installed into a scratch folder as a user would install it.
const url = await redisUrl();
const runPrefix = `vanity400-test6:${randomUUID().slice(0, 8)}:`;
let stores = 0;
const newPrefix = (): string => `${runPrefix}${++stores}:`;

if (url === null && process.env.CI) {
  describe('RedisStore on ioredis 6', () => {
    it('needs a Redis server', () => {
      throw new Error(NO_REDIS_MESSAGE);
    });
  });
}

describe.skipIf(url === null)('RedisStore on ioredis 6', () => {
  let dir: string;
  let client: Redis;
  let version: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vanity400-ioredis6-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
    execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', 'ioredis@^6'], { cwd: dir, stdio: 'pipe' });
    const load = createRequire(join(dir, 'package.json'));
    version = (load('ioredis/package.json') as { version: string }).version;
    const { Redis: Redis6 } = load('ioredis') as { Redis: new (url: string) => Redis };
    client = new Redis6(url!);
  });

  afterAll(async () => {
    if (client) {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${runPrefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await client.quit();
    }
    await stopRedis();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ioredis 6', () => {
    expect(version).toMatch(/^6\./);
  });

  storeContract('RedisStore on ioredis 6', ({ now }) => createRedisStore(client, { prefix: newPrefix(), now, onWarning: () => {} }));

  it('holds by a Redis expiry and loads its scripts again after the server forgets them', async () => {
    const prefix = newPrefix();
    const store = await createRedisStore(client, { prefix, onWarning: () => {} });
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', numbers: ['4006-123-000'] });
    await client.script('FLUSH');
    const held = await store.hold('4006-123-000', 'alice', 60_000);
    expect(held).toMatchObject({ ok: true });
    expect(await client.pexpiretime(`${prefix}h:4006123000`)).toBe(held.ok ? held.heldUntil : 0);
    await store.close();
    expect(await client.ping()).toBe('PONG');
  });
});
