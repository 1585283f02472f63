import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InventoryOp } from '../../src/inventory/types.js';
import { migrateJournal, readJournal } from '../../src/node/inventory/journal.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { makeAgent, manualClock, rejection } from '../inventory/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vanity400-journal-'));
let files = 0;
const newPath = (ext = 'jsonl'): string => join(dir, `file-${++files}.${ext}`);
const HEADER = JSON.stringify({ journal: 'vanity400-inventory', version: 1, created: '2025-01-01T00:00:00.000Z' });

/** A journal as earlier versions wrote it: a header, then one operation a line. */
function journal(clock = manualClock()): { path: string; at: number } {
  const at = clock.now();
  const ops: InventoryOp[] = [
    { op: 'agent', at, agent: makeAgent('a1', 1) },
    { op: 'agent', at, agent: makeAgent('s1', 2, { level: 'second', parent: 'a1', verified: false }) },
    { op: 'reserve', at, agent: 'a1', from: '4006123000', to: '4006123999' },
    { op: 'reserve', at, agent: 's1', numbers: ['4008517517', '4008888000'] },
    { op: 'hold', at, number: '4006123001', customer: 'alice', until: Date.now() + 3_600_000 },
    { op: 'hold', at, number: '4006123002', customer: 'bob', until: at + 10_000 },
    { op: 'sell', at, number: '4008517517', customer: 'dave' },
    { op: 'withdraw', at, number: '4006123999' },
  ];
  const path = newPath();
  writeFileSync(path, `${[HEADER, ...ops.map((op) => JSON.stringify(op))].join('\n')}\n`);
  return { path, at };
}

describe('inventory journals of earlier versions', () => {
  it('are read as they were written', async () => {
    const { path } = journal();
    const store = await readJournal(path);
    expect(await store.who('4006-123-001')).toMatchObject({ status: 'held', customer: 'alice' });
    expect(await store.who('4006-123-002')).toMatchObject({ status: 'available' }); // the hold ended long ago
    expect(await store.counts()).toEqual({ available: 999, held: 1, sold: 1, withdrawn: 1 });
  });

  it('a torn last line (a crash while writing) is ignored; a damaged line elsewhere is an error naming it', async () => {
    const { path } = journal();
    appendFileSync(path, '{"op":"hold","at":1,"number":"4006123010","cus');
    expect(await (await readJournal(path)).who('4006-123-010')).toMatchObject({ status: 'available' });
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"reserve"', '"reserve');
    const damaged = newPath();
    writeFileSync(damaged, lines.join('\n'));
    expect(await rejection(readJournal(damaged))).toMatchObject({ code: 'BAD_JOURNAL', message: expect.stringContaining('line 4 is not valid JSON') });
  });

  it('a file that is not a journal is refused', async () => {
    const path = newPath();
    writeFileSync(path, 'kind,agent\nagent,a1\n');
    expect(await rejection(readJournal(path))).toMatchObject({ code: 'BAD_JOURNAL', message: expect.stringContaining('not a vanity400 inventory journal header') });
  });

  it('migrate into a SQLite store, all or nothing, leaving the journal as it was', async () => {
    const { path } = journal();
    const before = readFileSync(path);
    const target = await openSqliteStore(newPath('db'));
    expect(await migrateJournal(path, target)).toEqual({ agents: 2, numbers: 1002 });
    expect(await target.who('4006-123-001')).toMatchObject({ status: 'held', customer: 'alice' });
    expect(await target.who('4008-517-517')).toMatchObject({ status: 'sold', customer: 'dave' });
    expect(await target.counts()).toEqual({ available: 999, held: 1, sold: 1, withdrawn: 1 });
    // Again: everything is there already, so nothing is changed.
    const again = await rejection(migrateJournal(path, target));
    expect(again).toMatchObject({ code: 'BAD_IMPORT', message: expect.stringMatching(/already exists/) });
    expect(await target.counts()).toEqual({ available: 999, held: 1, sold: 1, withdrawn: 1 });
    expect(readFileSync(path)).toEqual(before);
    await target.close();
  });
});
