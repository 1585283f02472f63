import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/inventory/memory-store.js';
import type { Store } from '../../src/inventory/store.js';
import { escapeCell, exportInventory, importInventory, unescapeCell } from '../../src/node/inventory/import-export.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { companyLicence, makeAgent, manualClock, rejection } from './helpers.js';

const SAMPLES = new URL('../../data/samples/', import.meta.url);
const sample = (name: string): string => readFileSync(new URL(name, SAMPLES), 'utf8');
const JAN_2027 = Date.UTC(2027, 0, 1);
const HEADER = 'kind,agent,name,level,parent,licence,verified,quota,number,from,to,status,customer,held_until';

async function everything(store: Store) {
  const agents = await store.agents();
  const lists = await Promise.all(agents.map((a) => store.list(a.id)));
  return { agents, lists, counts: await store.counts() };
}

/** A store with awkward names and every status, including a range broken by a held number. */
async function awkwardStore(clock = manualClock()) {
  const store = new MemoryStore({ now: clock.now });
  await store.addAgent(makeAgent('a1', 1, { name: '=HYPERLINK("http://x","点我")' }));
  await store.addAgent(makeAgent('b.2', 2, { name: 'Comma, "Quote" & Co.\nLtd', level: 'second', parent: 'a1', verified: false, quota: 50 }));
  await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-099' });
  await store.reserve({ agent: 'a1', numbers: ['4008-517-517', '4008-517-518', '4006-999-999'] });
  await store.reserve({ agent: 'b.2', from: '4008-000-000', to: '4008-000-009' });
  await store.hold('4006-123-050', '+86 138 0000 0000', 3_600_000);
  await store.sell('4006-123-051', '-cmd');
  await store.sell('4008-517-517', '@SUM(A1)');
  await store.hold('4008-000-003', '\tTabbed', 3_600_000);
  await store.sell('4008-000-004', "'=already quoted");
  await store.withdraw('4006-123-099');
  await store.withdraw('4008-000-009');
  return { store, clock };
}

describe('inventory import: sample files', () => {
  it.each(['csv', 'json'] as const)('data/samples/inventory.%s imports cleanly', async (format) => {
    const now = () => JAN_2027;
    const store = new MemoryStore({ now });
    const result = await importInventory(store, sample(`inventory.${format}`), format);
    expect(result).toEqual({ agents: 4, numbers: 4510 });
    expect(await store.counts()).toEqual({ available: 4504, held: 2, sold: 3, withdrawn: 1 });
    expect((await store.agents()).map((a) => [a.id, a.level, a.parent ?? null, a.verified])).toEqual([
      ['haoyun', 'first', null, true],
      ['huatong', 'first', null, true],
      ['jiexun', 'second', 'huatong', false],
      ['xinda', 'first', null, true],
    ]);
    const segments = new Set((await store.list('huatong')).concat(await store.list('haoyun')).map((s) => s.number.slice(0, 4)));
    expect(segments).toEqual(new Set(['4006', '4008']));
    expect(await store.who('4006-888-888')).toMatchObject({ agent: 'huatong', status: 'held', customer: '北京星河广告有限公司' });
  });

  it('the two samples hold the same inventory', async () => {
    const now = () => JAN_2027;
    const fromCsv = new MemoryStore({ now });
    const fromJson = new MemoryStore({ now });
    await importInventory(fromCsv, sample('inventory.csv'), 'csv');
    await importInventory(fromJson, sample('inventory.json'), 'json');
    expect(await everything(fromJson)).toEqual(await everything(fromCsv));
  });

  it('imports into the SQLite store, durably', async () => {
    const now = () => JAN_2027;
    const path = join(mkdtempSync(join(tmpdir(), 'vanity400-import-')), 'inventory.db');
    const store = await openSqliteStore(path, { now });
    await importInventory(store, sample('inventory.csv'), 'csv');
    const before = await everything(store);
    await store.close();
    const again = await openSqliteStore(path, { now });
    expect(await everything(again)).toEqual(before);
    await again.close();
  });
});

describe('inventory export and import: round trip', () => {
  it.each(['csv', 'json'] as const)('%s: export, import into an empty store, same inventory and same export', async (format) => {
    const { store, clock } = await awkwardStore();
    const text = await exportInventory(store, format);
    const copy = new MemoryStore({ now: clock.now });
    await importInventory(copy, text, format);
    expect(await everything(copy)).toEqual(await everything(store));
    expect(await exportInventory(copy, format)).toBe(text);
  });

  it('compresses runs of available numbers into ranges, within one segment', async () => {
    const { store } = await awkwardStore();
    const rows = parseCsv(await exportInventory(store, 'csv')) as string[][];
    const ranges = rows.filter((r) => r[0] === 'range').map((r) => `${r[1]} ${r[9]} ${r[10]}`);
    expect(ranges).toEqual([
      'a1 4006-123-000 4006-123-049',
      'a1 4006-123-052 4006-123-098',
      'b.2 4008-000-000 4008-000-002',
      'b.2 4008-000-005 4008-000-008',
    ]);
    const single = rows.filter((r) => r[0] === 'number').map((r) => `${r[8]} ${r[11]}`);
    expect(single).toContain('4008-517-518 available');
    expect(single).toContain('4006-999-999 available');
  });

  it('any customer text survives a CSV round trip', async () => {
    const unit = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', ' ', 'a', '中', '＝', '#');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''), async (customer) => {
        const store = new MemoryStore();
        await store.addAgent(makeAgent('a1', 1, { name: customer }));
        await store.reserve({ agent: 'a1', numbers: ['4006-000-001'] });
        await store.sell('4006-000-001', customer);
        const copy = new MemoryStore();
        await importInventory(copy, await exportInventory(store, 'csv'), 'csv');
        expect((await copy.who('4006-000-001'))?.customer).toBe(customer);
        expect((await copy.getAgent('a1'))?.name).toBe(customer);
      }),
      { numRuns: 200 },
    );
  });

  it('a dry run checks against the store and writes nothing', async () => {
    const { store, clock } = await awkwardStore();
    const copy = new MemoryStore({ now: clock.now });
    expect(await importInventory(copy, await exportInventory(store, 'csv'), 'csv', { dryRun: true })).toEqual({ agents: 2, numbers: 113 });
    expect(await copy.agents()).toEqual([]);
  });
});

describe('inventory export: formula escaping', () => {
  it('prefixes with \' every cell a spreadsheet would run as a formula, and import removes it', async () => {
    const { store, clock } = await awkwardStore();
    const text = await exportInventory(store, 'csv');
    const cells = (parseCsv(text) as string[][]).flat();
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    for (const value of ['=HYPERLINK("http://x","点我")', '+86 138 0000 0000', '-cmd', '@SUM(A1)', '\tTabbed', "'=already quoted"]) {
      expect(cells).toContain(`'${value}`);
    }
    const copy = new MemoryStore({ now: clock.now });
    await importInventory(copy, text, 'csv');
    expect((await copy.getAgent('a1'))?.name).toBe('=HYPERLINK("http://x","点我")');
    expect((await copy.who('4008-000-004'))?.customer).toBe("'=already quoted");
  });

  it('escapeCell and unescapeCell are inverses, and leave plain cells alone', () => {
    expect(escapeCell('=1+1')).toBe("'=1+1");
    expect(escapeCell('\r')).toBe("'\r");
    expect(escapeCell("'=x")).toBe("''=x");
    expect(escapeCell("it's")).toBe("it's");
    expect(escapeCell('4006-123-000')).toBe('4006-123-000');
    expect(unescapeCell("'hello")).toBe("'hello");
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unescapeCell(escapeCell(s))).toBe(s);
      }),
    );
  });

  it('the JSON export is plain JSON (no escaping needed)', async () => {
    const { store } = await awkwardStore();
    const data = JSON.parse(await exportInventory(store, 'json')) as { agents: { name: string }[] };
    expect(data.agents[0]?.name).toBe('=HYPERLINK("http://x","点我")');
  });
});

describe('inventory import: all or nothing', () => {
  async function existingStore() {
    const store = new MemoryStore();
    await store.addAgent(makeAgent('old', 1));
    await store.reserve({ agent: 'old', from: '4006-700-000', to: '4006-700-099' });
    return store;
  }

  it('lists every bad line with its reason and changes nothing', async () => {
    const store = await existingStore();
    const before = await everything(store);
    const base = badFixedCheck();
    const lines = [
      HEADER, // 1
      `agent,good,好公司有限公司,first,,${companyLicence(10)},true,100,,,,,,`, // 2 fine
      `agent,person,张三,first,,11010519491231002X,true,100,,,,,,`, // 3 personal ID
      `agent,typo,错码有限公司,first,,${base},true,100,,,,,,`, // 4 bad check character
      `agent,old,重名有限公司,first,,${companyLicence(11)},true,100,,,,,,`, // 5 exists in the store
      `agent,good,又一个,first,,${companyLicence(12)},true,100,,,,,,`, // 6 defined twice
      `range,good,,,,,,,,4006-12-000,4006-120-010,,,`, // 7 bad number
      `range,ghost,,,,,,,,4006-800-000,4006-800-009,,,`, // 8 unknown agent
      `number,good,,,,,,,4006-700-050,,,,,`, // 9 taken in the store
      `range,good,,,,,,,,4006-900-000,4006-900-009,,,`, // 10 fine
      `number,good,,,,,,,4006-900-005,,,,,`, // 11 repeats line 10
      `number,good,,,,,,,4006-901-000,,,held,,`, // 12 held without customer or time
      `number,good,,,,,,,4006-901-001,,,lost,,`, // 13 unknown status
      `range,good,,,,,,,,4008-000-000,4008-000-199,,,`, // 14 over quota (10 + 200 > 100)
      `number,good,,,,,,,4006-901-002,,,,,,extra`, // 15 too many cells
      `thing,good,,,,,,,,,,,,`, // 16 unknown kind
      `agent,second,二级有限公司,second,nobody,${companyLicence(13)},false,10,,,,,,`, // 17 unknown parent
      `number,good,,,,,,,4006-901-003,,,available,someone,`, // 18 customer on an available number
    ];
    const error = await rejection(importInventory(store, lines.join('\n'), 'csv'));
    expect(error.code).toBe('BAD_IMPORT');
    const expected: [number, RegExp][] = [
      [3, /individuals cannot be agents/],
      [4, /check character should be/],
      [5, /"old" already exists/],
      [6, /"good" is also defined on line 2/],
      [7, /"from"|4006-12-000|10 digits|found 9 digits/],
      [8, /Unknown agent "ghost": define it with an agent row/],
      [9, /already reserved in the store: 4006-700-050 \(old, available\)/],
      [11, /already on line 10: 4006-900-005/],
      [12, /needs a customer.*needs held_until/],
      [13, /status "lost"/],
      [14, /over its quota of 100/],
      [15, /15 cells but the header has 14 columns/],
      [16, /kind "thing"/],
      [17, /parent agent "nobody" does not exist/],
      [18, /has no customer/],
    ];
    const reported = [...error.message.matchAll(/^ {2}line (\d+): (.*)$/gm)].map((m) => [Number(m[1]), m[2]] as const);
    expect(reported.map(([line]) => line)).toEqual(expected.map(([line]) => line));
    for (const [line, reason] of expected) expect(reported.find(([l]) => l === line)?.[1], `line ${line}`).toMatch(reason);
    expect(error.message).toMatch(/^Cannot import the CSV inventory: 15 bad lines, nothing was changed\./);
    expect(await everything(store)).toEqual(before);
  });

  it('JSON errors name the line and the entry', async () => {
    const store = await existingStore();
    const text = `{
  "format": "vanity400-inventory",
  "version": 1,
  "agents": [
    { "id": "good", "name": "好公司有限公司", "level": "first", "licence": "${companyLicence(10)}", "verified": true, "quota": 100 },
    { "id": "person", "name": "张三", "level": "first", "licence": "11010519491231002X", "verified": true, "quota": 100 }
  ],
  "ranges": [
    { "agent": "good", "from": "4006-700-090", "to": "4006-700-110" }
  ],
  "numbers": [
    { "agent": "good", "number": "4006-999-000" },
    {
      "agent": "good",
      "number": "4006-999-001",
      "colour": "red"
    }
  ]
}`;
    const error = await rejection(importInventory(store, text, 'json'));
    expect(error.code).toBe('BAD_IMPORT');
    expect(error.message).toMatch(/line 6: agents\[1\]: .*individuals cannot be agents/);
    expect(error.message).toMatch(/line 9: ranges\[0\]: 10 numbers already reserved in the store: 4006-700-090 \(old, available\)/);
    expect(error.message).toMatch(/line 13: numbers\[1\]: .*unknown key "colour"/);
    expect(error.message).not.toMatch(/line 12/);
    expect(await store.getAgent('good')).toBeNull();
  });

  it('reports malformed files by line', async () => {
    const store = new MemoryStore();
    const csv = await rejection(importInventory(store, `${HEADER}\nagent,"unclosed,\n`, 'csv'));
    expect(csv).toMatchObject({ code: 'BAD_IMPORT', message: expect.stringMatching(/line \d+: not valid CSV/) });
    const multiLine = [
      '# a comment',
      HEADER,
      `agent,a1,"Two-line\nname 有限公司",first,,${companyLicence(1)},true,10,,,,,,`,
      'number,a1,,,,,,,4006-000-00x,,,,,',
    ].join('\n');
    const shifted = await rejection(importInventory(store, multiLine, 'csv'));
    expect(shifted.message).toMatch(/^ {2}line 5: .*4006-000-00x/m);
    const header = await rejection(importInventory(store, 'kind,agent,colour\n', 'csv'));
    expect(header).toMatchObject({ code: 'BAD_IMPORT', message: expect.stringContaining('line 1: unknown column "colour"') });
    const json = await rejection(importInventory(store, '{\n  "agents": [\n    {"id": }\n  ]\n}', 'json'));
    expect(json).toMatchObject({ code: 'BAD_IMPORT', message: expect.stringMatching(/line 3: not valid JSON/) });
    expect(await rejection(importInventory(store, '', 'xml' as 'csv'))).toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});

describe('inventory import: details', () => {
  it('agents may come after the rows that use them; a second-level agent before its parent', async () => {
    const store = new MemoryStore();
    const text = [
      HEADER,
      'range,s1,,,,,,,,4006-100-000,4006-100-009,,,',
      `agent,s1,二级有限公司,second,p1,${companyLicence(2)},false,10,,,,,,`,
      `agent,p1,一级有限公司,first,,${companyLicence(1)},true,10,,,,,,`,
    ].join('\r\n');
    expect(await importInventory(store, text, 'csv')).toEqual({ agents: 2, numbers: 10 });
    expect(await store.getAgent('s1')).toMatchObject({ parent: 'p1', verified: false });
  });

  it('adds numbers to agents already in the store, within their quota; sold numbers do not use it up', async () => {
    const store = new MemoryStore();
    await store.addAgent(makeAgent('a1', 1, { quota: 5 }));
    await store.reserve({ agent: 'a1', from: '4006-000-000', to: '4006-000-002' });
    const rows = (extra: string[]) => [HEADER, ...extra].join('\n');
    const sold = ['4008-000-001', '4008-000-002', '4008-000-003', '4008-000-004'].map((n) => `number,a1,,,,,,,${n},,,sold,buyer,`);
    await importInventory(store, rows(['number,a1,,,,,,,4006-000-010,,,,,', 'number,a1,,,,,,,4006-000-011,,,,,', ...sold]), 'csv');
    expect(await store.counts('a1')).toEqual({ available: 5, held: 0, sold: 4, withdrawn: 0 });
    const over = await rejection(importInventory(store, rows(['number,a1,,,,,,,4006-000-012,,,,,']), 'csv'));
    expect(over).toMatchObject({ code: 'BAD_IMPORT', message: expect.stringMatching(/line 2: agent "a1" would have 6 numbers reserved, over its quota of 5 \(5 already in the store\)/) });
  });

  it('a hold that has already ended imports as available; one in the future as held', async () => {
    const clock = manualClock(JAN_2027);
    const store = new MemoryStore({ now: clock.now });
    const text = [
      HEADER,
      `agent,a1,公司有限公司,first,,${companyLicence(1)},yes,10,,,,,,`,
      'number,a1,,,,,,,4006-000-001,,,held,past,2026-12-31T23:59:59Z',
      `number,a1,,,,,,,4006-000-002,,,held,future,${JAN_2027 + 60_000}`,
    ].join('\n');
    await importInventory(store, text, 'csv');
    expect(await store.who('4006-000-001')).toMatchObject({ status: 'available' });
    expect(await store.who('4006-000-002')).toMatchObject({ status: 'held', customer: 'future', heldUntil: JAN_2027 + 60_000 });
  });
});

/** A company code with its check character changed. */
function badFixedCheck(): string {
  const good = companyLicence(99);
  return good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
}
