/** Orders on one SQLite file shared by real processes: races and SIGKILL (see ../orders/order-processes.ts). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { openSqliteOrderStore, openSqliteStore } from '../../src/sqlite/index.js';
import { orderProcessTests } from '../orders/order-processes.js';

const SQLITE = new URL('../../dist/sqlite.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vanity400-sqlite-order-processes-'));
let files = 0;

orderProcessTests(
  {
    name: 'SQLite',
    place: () => join(dir, `orders-${++files}.db`),
    childOpen: `const { openSqliteOrderStore, openSqliteStore } = await import(${JSON.stringify(SQLITE)});
store = await openSqliteStore(place);
orders = await openSqliteOrderStore(store);`,
    async open(path, now) {
      const inventory = await openSqliteStore(path, now ? { now } : {});
      return { inventory, orders: await openSqliteOrderStore(inventory) };
    },
    sound(path) {
      const db = new Database(path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
  },
  { kill: true },
);
