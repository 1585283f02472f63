/** Orders on one Redis server shared by real processes: races and SIGKILL of a client (see ../orders/order-processes.ts). */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { createRedisOrderStore, createRedisStore } from '../../src/redis/index.js';
import { orderProcessTests } from '../orders/order-processes.js';
import { NO_REDIS_MESSAGE, startRedisServer, type PrivateRedis } from '../redis-server.js';

const REDIS = new URL('../../dist/redis.js', import.meta.url).pathname;
const server: PrivateRedis | null = await startRedisServer(['--save', '', '--appendonly', 'no']).catch(() => null);
afterAll(async () => {
  await server?.kill('SIGTERM');
});
const run = randomUUID().slice(0, 8);
let prefixes = 0;

if (server === null) {
  if (process.env.CI) {
    describe('Redis order processes', () => {
      it('needs a Redis server', () => {
        throw new Error(NO_REDIS_MESSAGE);
      });
    });
  } else console.warn(`Skipping the Redis order process tests. ${NO_REDIS_MESSAGE}`);
} else {
  const url = server.url;
  orderProcessTests(
    {
      name: 'Redis',
      place: () => `orders-${run}-${++prefixes}:`,
      childOpen: `const { createRedisOrderStore, createRedisStore } = await import(${JSON.stringify(REDIS)});
store = await createRedisStore(${JSON.stringify(url)}, { prefix: place, onWarning: () => {} });
orders = createRedisOrderStore(store);`,
      async open(prefix, now) {
        const inventory = await createRedisStore(url, { prefix, onWarning: () => {}, ...(now ? { now } : {}) });
        return { inventory, orders: createRedisOrderStore(inventory) };
      },
    },
    { kill: true },
  );
}
