import { wrongType } from './rules.js';
import { createPool, type PoolOptions } from '../pool/create-pool.js';
import type { Pool } from '../pool/pool.js';
import type { NumberStatus } from './types.js';
import type { Store } from './store.js';
import { guardFields, guardOptions } from '../errors/guards.js';

/**
 * A pool of one agent's numbers in a status (default: available), for search, near and suggest: built
 * from the agent's own index in the store, so an agent with 2,000 numbers never costs a scan of a
 * segment. It is a picture of the store when built: build it again after holds and sales.
 */
export async function agentPool(store: Store, agentId: string, options: PoolOptions & { status?: NumberStatus } = {}): Promise<Pool> {
  checkArguments('agentPool()', store, options);
  const { status = 'available', ...poolOptions } = options;
  const states = await store.list(agentId, status);
  return createPool({ numbers: states.map((s) => s.number), ...poolOptions });
}

/**
 * A pool of every agent's numbers in a status (default: available): what a bot or a website for the
 * whole store may offer, so that whatever it finds can be held. A picture of the store when built.
 */
export async function storePool(store: Store, options: PoolOptions & { status?: NumberStatus } = {}): Promise<Pool> {
  checkArguments('storePool()', store, options);
  const { status = 'available', ...poolOptions } = options;
  const numbers: string[] = [];
  for (const agent of await store.agents()) for (const s of await store.list(agent.id, status)) numbers.push(s.number);
  return createPool({ numbers, ...poolOptions });
}

function checkArguments(where: string, store: unknown, options: unknown): void {
  if (typeof store !== 'object' || store === null || typeof (store as Store).list !== 'function') throw wrongType(`${where}: store`, { zh: '库存（Store）', en: 'a Store' }, store);
  guardOptions(options, `${where}: options`);
  guardFields(options as object, `${where}: options`, { status: 'string?' });
}
