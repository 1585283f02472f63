import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { makeAgent, rejection } from '../inventory/helpers.js';
import { storeContract } from '../inventory/store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'vanity400-sqlite-'));
let files = 0;
const newPath = (): string => join(dir, `inventory-${++files}.db`);

storeContract('SqliteStore', (options) => openSqliteStore(newPath(), options));
storeContract('SqliteStore (durability normal)', (options) => openSqliteStore(newPath(), { ...options, durability: 'normal' }));

describe('SqliteStore files', () => {
  it('keeps everything after closing and opening again, in WAL mode', async () => {
    const path = newPath();
    const store = await openSqliteStore(path);
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-099' });
    await store.hold('4006-123-001', '张三', 60_000);
    await store.sell('4006-123-002', '李四');
    await store.close();
    const again = await openSqliteStore(path);
    expect(await again.who('4006-123-001')).toMatchObject({ status: 'held', customer: '张三' });
    expect(await again.counts('a1')).toEqual({ available: 98, held: 1, sold: 1, withdrawn: 0 });
    await again.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('opens without creating only when asked to: NO_STORE for a missing file', async () => {
    const path = newPath();
    expect(await rejection(openSqliteStore(path, { create: false }))).toMatchObject({ code: 'NO_STORE', message: expect.stringContaining(path) });
  });

  it('refuses a file that is not an inventory: text, or another SQLite database', async () => {
    const text = newPath();
    writeFileSync(text, 'kind,agent\n'.repeat(1000));
    expect(await rejection(openSqliteStore(text))).toMatchObject({ code: 'BAD_STORE' });
    const other = newPath();
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(await rejection(openSqliteStore(other))).toMatchObject({ code: 'BAD_STORE', message: expect.stringContaining('another SQLite database') });
  });

  it('a transaction commits the number operations and its own records together, or neither', async () => {
    const store = await openSqliteStore(newPath());
    await store.addAgent(makeAgent('a1', 1));
    await store.reserve({ agent: 'a1', numbers: ['4006-123-000', '4006-123-001'] });
    await store.transaction((tx) => tx.db.exec('CREATE TABLE IF NOT EXISTS orders (number TEXT PRIMARY KEY, customer TEXT)'));
    await store.transaction((tx) => {
      tx.sell('4006-123-000', '张三');
      tx.db.prepare('INSERT INTO orders VALUES (?, ?)').run('4006123000', '张三');
    });
    const failed = await rejection(
      store.transaction((tx) => {
        tx.db.prepare('INSERT INTO orders VALUES (?, ?)').run('4006123001', '李四');
        tx.sell('4006-123-000', '李四'); // sold already: the order above is undone too
      }),
    );
    expect(failed.code).toBe('NOT_AVAILABLE');
    expect(await store.who('4006-123-000')).toMatchObject({ status: 'sold', customer: '张三' });
    const orders = await store.transaction((tx) => tx.db.prepare('SELECT * FROM orders').all());
    expect(orders).toEqual([{ number: '4006123000', customer: '张三' }]);
    await store.close();
  });
});
