import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteOrderStore, openSqliteStore } from '../../src/sqlite/index.js';
import { orderStoreContract } from '../orders/order-store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'vanity400-sqlite-orders-'));
let files = 0;
const newPath = (): string => join(dir, `orders-${++files}.db`);

orderStoreContract('SQLite', async ({ now }) => {
  const inventory = await openSqliteStore(newPath(), { now });
  return { inventory, orders: await openSqliteOrderStore(inventory) };
});

describe('SQLite order store', () => {
  it('keeps orders in the inventory file: closed and opened again, they are there', async () => {
    const path = newPath();
    const inventory = await openSqliteStore(path);
    const { companyLicence, makeAgent } = await import('../inventory/helpers.js');
    await inventory.addAgent(makeAgent('a1', 1));
    await inventory.reserve({ agent: 'a1', numbers: ['4006-123-007'] });
    await inventory.hold('4006-123-007', '顺发物流', 3_600_000);
    const orders = await openSqliteOrderStore(inventory);
    const draft = await orders.create({ customer: '顺发物流', number: '4006123007', packageId: 'year-1200', company: { name: '深圳顺发物流有限公司', creditCode: companyLicence(7) }, landingNumbers: ['0755-88881234'] });
    await orders.close();
    await inventory.close();
    const again = await openSqliteStore(path, { create: false });
    const reopened = await openSqliteOrderStore(again);
    expect(await reopened.get(draft.id)).toEqual(draft);
    expect(await reopened.list({ customer: '顺发物流' })).toEqual([draft]);
    await again.close();
  });

  it('refuses something that is not a SQLite store', async () => {
    await expect(openSqliteOrderStore({} as never)).rejects.toMatchObject({ code: 'INVALID_TYPE', field: 'store' });
  });
});
