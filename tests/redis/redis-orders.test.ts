import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import { createRedisOrderStore, createRedisStore } from '../../src/redis/index.js';
import { orderStoreContract } from '../orders/order-store-contract.js';
import { NO_REDIS_MESSAGE, redisUrl, stopRedis } from '../redis-server.js';

const url = await redisUrl();
/** Every key these tests write starts with this; afterAll deletes them. */
const runPrefix = `vanity400-test:${randomUUID().slice(0, 8)}:`;
let stores = 0;
const newPrefix = (): string => `${runPrefix}${++stores}:`;

if (url === null) {
  if (process.env.CI) {
    describe('Redis order store', () => {
      it('needs a Redis server', () => {
        throw new Error(NO_REDIS_MESSAGE);
      });
    });
  } else {
    console.warn(`Skipping the Redis order store tests. ${NO_REDIS_MESSAGE}`);
  }
}

describe.skipIf(url === null)('Redis order store', () => {
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

  orderStoreContract('Redis', async ({ now }) => {
    const inventory = await createRedisStore(client, { prefix: newPrefix(), now, onWarning: () => {} });
    return { inventory, orders: createRedisOrderStore(inventory) };
  });

  it('refuses a store that is not a Redis store', () => {
    expect(() => createRedisOrderStore(new MemoryStore())).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', field: 'store' }));
  });
});
