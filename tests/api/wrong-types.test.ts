/**
 * Every public function given a wrong type throws a Vanity400Error (INVALID_TYPE naming the argument)
 * or answers; never a TypeError from inside, never a message that echoes a huge input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bot from '../../src/bot/index.js';
import * as core from '../../src/index.js';
import * as node from '../../src/node/index.js';
import { createRedisStore } from '../../src/redis/index.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { companyLicence, makeAgent } from '../inventory/helpers.js';

const { Vanity400Error } = core;
const api = { ...core, ...node } as unknown as Record<string, (...args: unknown[]) => unknown>;
const pool = core.createPool({ numbers: ['4006-123-000', '4006-888-888', '4008-517-517'] });
const dir = mkdtempSync(join(tmpdir(), 'vanity400-wrong-types-'));
const dataFile = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

const snapshotPath = join(dir, 'pool.v4p');
node.savePool(pool, snapshotPath);
const journalPath = join(dir, 'old.jsonl');
writeFileSync(journalPath, `${JSON.stringify({ journal: 'vanity400-inventory', version: 1, created: '2025-01-01T00:00:00.000Z' })}\n`);
const callsPath = new URL('../../data/samples/calls.csv', import.meta.url).pathname;
const inventoryPath = new URL('../../data/samples/inventory.csv', import.meta.url).pathname;

const store = new core.MemoryStore();
await node.importInventory(store, dataFile('samples/inventory.csv'), 'csv');
const packages = core.defaultPackages();
const rules = core.parseRoutingRules(JSON.parse(dataFile('samples/routing-rules.json')) as unknown);
const records = [...core.simulateCallRecords(rules, { count: 50 })];
const callsCsv = [core.CALL_RECORDS_HEADER, ...records.map((r) => core.callRecordLine(r))].join('\n');
const report = await core.analyseCalls(callsCsv);
const CALL_CHUNK = `${callsCsv.slice(0, 80)}`;
const NOW = Date.UTC(2026, 2, 2, 2);
const order = core.createOrder(
  { customer: '顺发物流', number: '400-612-3007', packageId: 'year-1200', company: { name: '深圳顺发物流有限公司', creditCode: companyLicence(7) }, landingNumbers: ['0755-88881234'] },
  { id: 'order-1', now: NOW },
);

/** An object of the OrderLedger's shape: createOrderStore only keeps it, so its methods are never called here. */
const unused = (): never => {
  throw new Error('not called');
};
const ledgerShape = { now: unused, insertOrder: unused, readOrder: unused, listOrders: unused, commitOrder: unused, who: unused, close: unused };

/** The public functions, each with a call that is right, so that each argument can be made wrong in turn. */
const RIGHT: Record<string, unknown[]> = {
  parse: ['400-851-7517'],
  tryParse: ['400-851-7517'],
  isValid400: ['400-851-7517'],
  format: ['4008517517', '4-3-3'],
  segmentInfo: ['4008'],
  listSegments: [],
  beijingTime: [NOW],
  parseDuration: ['2小时', 'hold'],
  readDate: ['2015年3月18日'],
  parseLandingNumber: ['010-87654321', 'landingNumbers[0]'],
  score: ['400-851-7517', { profile: 'seed' }],
  explain: ['400-851-7517', { lang: 'en' }],
  fastScoreTenths: ['4008517517'],
  scoreSegment: ['4008'],
  resolveProfile: ['seed'],
  checkProfile: [core.resolveProfile('traditional')],
  profileNames: [],
  isSpecial: [0],
  tierById: ['top'],
  tierLabel: ['top', 90],
  tierIndexOf: [500],
  lexiconPhrases: [],
  multiplicationPhrases: [],
  companyPhrases: [{ name: '顺发物流', founded: '1998' }],
  createPool: [{ numbers: ['4006-123-000'] }],
  poolToSnapshot: [pool],
  poolFromSnapshot: [core.poolToSnapshot(pool)],
  search: [pool, { pattern: '8$' }, { limit: 5 }],
  searchNumbers: [pool, { pattern: '8$' }],
  near: [pool, '4006-123-001', { maxDistance: 1 }],
  compilePattern: ['AABB$'],
  parsePattern: ['AABB$'],
  enumeratePattern: [core.compilePattern('8888$'), '4006', 10],
  poolFingerprint: ['seed'],
  priceLevel: [2, 0],
  searchSounds: [pool, { sounds: '要发' }],
  suggest: [{ name: '顺发', founded: 1988, door: '888' }, { pools: [pool], limit: 3 }],
  suggestPage: [{ name: '顺发', founded: 1988, door: '888' }, { pools: [pool], limit: 3 }],
  scoringOf: [pool, { founded: 1988 }],
  shapeResult: ['4006888888', { profile: 'seed' }],
  meaningReadings: ['发财'],
  readText: ['一路发物流', 'name'],
  phraseToDigits: ['一路发'],
  digitsToPhrases: ['168'],
  searchLexicon: ['发'],
  splitPinyin: ['yilufa'],
  syllableSimilarity: ['fa', 'ba'],
  findingSentence: [core.score('4008517517').findings[0], 'en'],
  agentPool: [store, 'huatong', { status: 'available' }],
  storePool: [store, { status: 'available' }],
  checkAgent: [makeAgent('a1', 1)],
  checkLicence: ['91110108MA01XK7D35'],
  isValidLicence: ['91110108MA01XK7D35'],
  licenceCheckCharacter: ['91110108MA01XK7D3'],
  looksLikePersonalId: ['11010519491231002X'],
  describeState: [{ number: '4006123000', agent: 'a1', status: 'available' }],
  showNumber: ['4006123000'],
  isWorkingDay: ['2025-10-01'],
  addWorkingDays: ['2025-10-01', 3],
  beijingDate: [0],
  dayInfo: ['2025-10-01'],
  calendarYears: [],
  isKnownYear: [2026],
  parsePackages: [dataFile('packages.json'), { file: 'packages.json' }],
  defaultPackages: [],
  quote: [{ tier: 'ordinary', minutesPerMonth: 500 }, packages],
  pricePackage: [packages.packages[0], 500, 1],
  minimumSpendOf: [packages, 'top', '4008888888', true],
  documentsFor: [{ company: { name: '顺发物流', creditCode: companyLicence(7) }, numbersHeld: 0, landingNumbers: ['010-87654321'] }],
  checkCreditCode: [companyLicence(7), 'company.creditCode'],
  checkIdNumber: ['11010519491231002X', 'handler.idNumber'],
  idCheckDigit: ['11010519491231002'],
  maskIdNumber: ['11010519491231002X'],
  openingDate: ['top', '2026-03-02'],
  describeOpeningDate: [core.openingDate('top', '2026-03-02'), 'en'],
  estimateNote: [[2031]],
  openingDayText: [{ date: '2027-01-04', workingDays: 3, estimatedYears: [2027] }],
  createOrder: [{ customer: '顺发物流', number: '400-612-3007', packageId: 'year-1200', company: { name: '深圳顺发物流有限公司', creditCode: companyLicence(7) } }, { id: 'order-2', now: NOW }],
  advanceOrder: [order, 'signed', { landingNumbers: ['010-87654321'] }, NOW + 1],
  inventoryChange: [order, 'paid'],
  instantOf: ['2026-12-03T10:00+08:00', 'paidAt'],
  numberWarnings: [order, null, NOW],
  orderLandingNumbers: [order],
  orderForm: [order, { lang: 'en' }],
  formatOrderForm: [order, { as: 'html' }],
  createOrderStore: [ledgerShape, { packages }],
  checkRoutingRules: [JSON.parse(dataFile('samples/routing-rules.json'))],
  parseRoutingRules: [JSON.parse(dataFile('samples/routing-rules.json'))],
  route: [rules, { from: '021-51234567', at: '周六 14:00' }, { seed: 3 }],
  initialRoutingState: [1],
  routingForm: [rules, { lang: 'en' }],
  formatRoutingForm: [rules, { as: 'html' }],
  landingNumbers: [rules],
  findArea: ['上海'],
  areaCodeInfo: ['021'],
  listAreaCodes: [],
  readPhoneNumber: ['021-61234567'],
  parsePhoneNumber: ['021-61234567'],
  parseCallTime: ['周六 14:00'],
  analyseCalls: [callsCsv, { format: 'csv' }],
  formatCallReport: [report, { lang: 'en' }],
  simulateCallRecords: [rules, { count: 3 }],
  callRecordLine: [records[0], 'jsonl'],
  isVanity400Error: [new Vanity400Error('EMPTY', 'empty')],
  // vanity400/node
  savePool: [pool, join(dir, 'saved.v4p')],
  loadPool: [snapshotPath, {}],
  importInventory: [new core.MemoryStore(), `kind,agent,name,level,licence,verified,quota\nagent,a9,测试通信有限公司,first,${companyLicence(9)},true,10\n`, 'csv', { dryRun: true }],
  exportInventory: [store, 'csv', { bom: true }],
  readInventoryFile: [inventoryPath],
  readJournal: [journalPath],
  migrateJournal: [journalPath, new core.MemoryStore()],
  analyseCallFile: [callsPath, { keepProblems: 5 }],
};

const WRONG: unknown[] = [null, undefined, 123, true, {}, [], 'x'.repeat(100_000), Symbol('s'), () => 1, 10n, NaN];

function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    if (value instanceof Promise) return value.then(() => null, (e: unknown) => e);
    return null;
  } catch (error) {
    return error;
  }
}

/** A file that is not there is the file system's own error (with its syscall), for a right type. */
const isSystemError = (error: unknown): boolean => typeof (error as { syscall?: unknown } | null)?.syscall === 'string';

const label = (value: unknown): string =>
  typeof value === 'string' ? 'a long string' : typeof value === 'symbol' ? 'a symbol' : typeof value === 'bigint' ? '10n' : Array.isArray(value) ? '[]' : typeof value === 'function' ? 'a function' : String(value === null || typeof value !== 'object' ? value : '{}');

describe('public functions given wrong types', () => {
  const publicFunctions = Object.keys(api).filter((name) => typeof api[name] === 'function' && !/^[A-Z]/.test(name));

  it('every public function of vanity400 and vanity400/node has a right call here', () => {
    expect(publicFunctions.filter((name) => !(name in RIGHT))).toEqual([]);
  });

  it.each(Object.keys(RIGHT))('%s: each argument made wrong in turn is a Vanity400Error with a short message', async (name) => {
    const fn = api[name]!;
    const right = RIGHT[name]!;
    expect(await outcome(() => fn(...right)), `${name}(the right arguments)`).toBeNull();
    for (let i = 0; i < right.length; i++) {
      for (const wrong of WRONG) {
        const args = [...right];
        args[i] = wrong;
        const error = await outcome(() => fn(...args));
        if (error === null || isSystemError(error)) continue;
        const where = `${name}(argument ${i + 1} = ${label(wrong)})`;
        expect(error, where).toBeInstanceOf(Vanity400Error);
        expect((error as Error).message.length, where).toBeLessThan(600);
        // Every refusal speaks Chinese too (the catalogue gives it to those thrown in English alone).
        expect((error as InstanceType<typeof Vanity400Error>).messageIn('zh'), where).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('the wrong types the issue names are INVALID_TYPE naming the argument', async () => {
    const cases: [() => unknown, RegExp][] = [
      [() => core.score(123 as never), /number/],
      [() => core.score('4008517517', null as never), /options/],
      [() => core.near(pool, '4006-123-001', null as never), /options/],
      [() => core.search(pool, null as never), /query/],
      [() => core.explain('4008517517', 5 as never), /options/],
      [() => core.createPool(null as never), /source|pool/],
    ];
    for (const [run, names] of cases) {
      const error = (await outcome(run)) as InstanceType<typeof Vanity400Error>;
      expect(error, String(run)).toBeInstanceOf(Vanity400Error);
      expect(error.code, String(run)).toBe('INVALID_TYPE');
      expect(error.message, String(run)).toMatch(names);
    }
    for (const bad of [null, 5, 'x', { name: 5 }, { founded: {} }]) {
      const error = (await outcome(() => core.suggest(bad as never, { pools: [pool] }))) as InstanceType<typeof Vanity400Error>;
      expect(error, JSON.stringify(bad)).toBeInstanceOf(Vanity400Error);
    }
    expect(await outcome(() => core.suggest({ name: '顺发' }, null as never))).toMatchObject({ code: 'INVALID_TYPE' });
  });

  it('the arguments of the sales, documents, orders, routing and call modules are named in both languages', async () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['INVALID_TYPE', () => core.landingNumbers(undefined as never), /landingNumbers\(\): rules/],
      ['INVALID_TYPE', () => core.minimumSpendOf(undefined as never, 'top'), /minimumSpendOf\(\): list/],
      ['INVALID_TYPE', () => core.minimumSpendOf(packages, 'best' as never), /minimumSpendOf\(\): tier/],
      ['INVALID_TYPE', () => core.pricePackage(null as never, 500), /pricePackage\(\): package/],
      ['INVALID_TYPE', () => core.quote({ tier: 'top', minutesPerMonth: 100 }, {} as never), /quote\(\): packages/],
      ['INVALID_TYPE', () => core.parsePackages('{}', null as never), /parsePackages\(\): options/],
      ['INVALID_TYPE', () => core.idCheckDigit(undefined as never), /idCheckDigit\(\): first17/],
      ['INVALID_TYPE', () => core.maskIdNumber(18 as never), /maskIdNumber\(\): id/],
      ['INVALID_TYPE', () => core.checkIdNumber('11010519491231002X', Symbol('field') as never), /checkIdNumber\(\): field/],
      ['INVALID_TYPE', () => core.parseLandingNumber('010-87654321', 5 as never), /parseLandingNumber\(\): field/],
      ['INVALID_TYPE', () => core.describeOpeningDate(null as never, 'zh'), /describeOpeningDate\(\): date/],
      ['UNKNOWN_LANGUAGE', () => core.describeOpeningDate(core.openingDate('top', '2026-03-02'), 'fr' as never), /describeOpeningDate\(\): lang/],
      ['INVALID_TYPE', () => core.estimateNote(2027 as never), /estimateNote\(\): years/],
      ['INVALID_TYPE', () => core.createOrder(RIGHT.createOrder![0] as never, null as never), /createOrder\(\): at/],
      ['INVALID_TYPE', () => core.numberWarnings(order, 5 as never, NOW), /numberWarnings\(\): state/],
      ['INVALID_TYPE', () => core.instantOf(NOW, null as never), /instantOf\(\): field/],
      ['INVALID_TYPE', () => core.routingForm(rules, null as never), /routingForm\(\): options/],
      ['INVALID_TYPE', () => core.formatRoutingForm(rules, { lang: 5 as never }), /formatRoutingForm\(\): options\.lang/],
      ['INVALID_TYPE', () => core.route(rules, { at: '周六 14:00' }, null as never), /route\(\): options/],
      ['INVALID_TYPE', () => core.formatCallReport({} as never), /formatCallReport\(\): report/],
      ['INVALID_TYPE', () => core.simulateCallRecords(rules, null as never), /simulateCallRecords\(\): options/],
      ['INVALID_TYPE', () => core.callRecordLine(records[0]!, 'xml' as never), /callRecordLine\(\): format/],
      ['INVALID_TYPE', () => core.analyseCalls(null as never), /analyseCalls\(\): input/],
      ['INVALID_TYPE', () => core.analyseCalls([CALL_CHUNK, 7] as never), /analyseCalls\(\): input/],
      ['INVALID_TYPE', () => core.analyseCalls(callsCsv, { onProblem: 'log' } as never), /analyseCalls\(\): options\.onProblem/],
      ['INVALID_TYPE', () => node.analyseCallFile(undefined as never), /analyseCallFile\(\): path/],
      ['INVALID_TYPE', () => core.isSpecial(10n as never), /isSpecial\(\): bits/],
      ['INVALID_TYPE', () => core.isKnownYear('2026' as never), /isKnownYear\(\): year/],
      ['INVALID_TYPE', () => node.exportInventory(null as never, 'csv'), /store/],
      ['INVALID_TYPE', () => node.importInventory(store, '', 'csv', null as never), /options/],
      ['INVALID_TYPE', () => node.migrateJournal(journalPath, 5 as never), /store/],
    ];
    for (const [code, run, names] of cases) {
      const error = (await outcome(run)) as InstanceType<typeof Vanity400Error>;
      expect(error, String(run)).toBeInstanceOf(Vanity400Error);
      expect(error.code, String(run)).toBe(code);
      expect(error.text.zh, String(run)).toMatch(names);
      expect(error.text.en, String(run)).toMatch(names);
    }
  });

  it('async functions reject with the Vanity400Error rather than throw', async () => {
    for (const run of [() => core.analyseCalls(5 as never), () => node.analyseCallFile(5 as never), () => node.exportInventory({} as never, 'csv'), () => core.agentPool(null as never, 'a1')]) {
      let promise: unknown;
      expect(() => (promise = run()), String(run)).not.toThrow();
      await expect(promise, String(run)).rejects.toBeInstanceOf(Vanity400Error);
    }
  });

  it('random arguments to any public function: an answer or a Vanity400Error', async () => {
    const fns = Object.entries(api).filter(([name, f]) => typeof f === 'function' && !/^[A-Z]/.test(name) && name !== 'savePool');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.array(fc.anything({ maxDepth: 2, withBigInt: true }), { maxLength: 4 }), async ([name, fn], args) => {
        const error = await outcome(() => fn(...args));
        if (error !== null && !isSystemError(error) && !(error instanceof Vanity400Error)) throw new Error(`${name}(${args.map(label).join(', ')}) threw ${String(error)}`);
      }),
      { numRuns: 30_000 },
    );
  });

  it('random arguments with all but one right: an answer or a Vanity400Error', async () => {
    const calls = Object.entries(RIGHT).filter(([name, right]) => right.length > 0 && name !== 'savePool');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), fc.nat(), fc.anything({ maxDepth: 3, withBigInt: true }), async ([name, right], at, wrong) => {
        const args = [...right];
        args[at % right.length] = wrong;
        const error = await outcome(() => api[name]!(...args));
        if (error !== null && !isSystemError(error) && !(error instanceof Vanity400Error)) throw new Error(`${name}(argument ${(at % right.length) + 1} = ${label(wrong)}) threw ${String(error)}`);
        if (error instanceof Vanity400Error && !/\p{Script=Han}/u.test(error.messageIn('zh'))) throw new Error(`${name}(argument ${(at % right.length) + 1} = ${label(wrong)}): no Chinese in ${error.code} ${error.message}`);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('classes and stores given wrong types', () => {
  it('the stores and the order book name the wrong argument (INVALID_TYPE), and async methods reject', async () => {
    const sqlite = await openSqliteStore(':memory:');
    const book = new core.MemoryOrderBook({ inventory: new core.MemoryStore() });
    const cases: [() => unknown, RegExp][] = [
      [() => new core.MemoryStore(null as never), /MemoryStore\(\): options/],
      [() => new core.MemoryStore({ now: 5 as never }), /MemoryStore\(\): options\.now/],
      [() => new core.MemoryOrderBook(undefined as never), /MemoryOrderBook\(\): options/],
      [() => new core.MemoryOrderBook({ inventory: {} as never }), /MemoryOrderBook\(\): options\.inventory/],
      [() => book.list(null as never), /MemoryOrderBook\.list\(\): filter/],
      [() => store.load({ agents: [] }, null as never), /load options/],
      [() => store.load({ agents: [] }, { dryRun: 'yes' as never }), /dryRun/],
      [() => sqlite.load({ agents: [] }, 5 as never), /load options/],
      [() => sqlite.transaction(null as never), /transaction\(\): work/],
      [() => openSqliteStore(':memory:', null as never), /options/],
      [() => openSqliteStore(':memory:', { now: 'now' as never }), /options\.now/],
      [() => createRedisStore({} as never), /redis/],
      [() => createRedisStore(42 as never), /redis/],
      [() => createRedisStore('redis://127.0.0.1:1', null as never), /options/],
      [() => createRedisStore('redis://127.0.0.1:1', { onWarning: true as never }), /options\.onWarning/],
    ];
    try {
      for (const [run, names] of cases) {
        const error = (await outcome(run)) as InstanceType<typeof Vanity400Error>;
        expect(error, String(run)).toBeInstanceOf(Vanity400Error);
        expect(error.code, String(run)).toBe('INVALID_TYPE');
        expect(error.text.zh, String(run)).toMatch(names);
        expect(error.text.en, String(run)).toMatch(names);
      }
    } finally {
      await sqlite.close();
    }
  });
});

describe('vanity400/bot given wrong types', () => {
  const context = bot.createBotContext({ pools: [pool], store: new core.MemoryStore() });
  const names = bot.tools.map((t) => t.name);

  it('createBotContext names the wrong option', () => {
    for (const [options, names] of [[null, /options/], [{ store: {} }, /store/], [{ agent: 5 }, /agent/], [{ pools: [{}] }, /pools/], [{ pools: pool }, /pools/]] as const) {
      const error = outcome(() => bot.createBotContext(options as never)) as InstanceType<typeof Vanity400Error>;
      expect(error, JSON.stringify(options)).toBeInstanceOf(Vanity400Error);
      expect(error.code).toBe('INVALID_TYPE');
      expect(error.message).toMatch(names);
    }
  });

  it('callTool answers { ok: false } for a context that is not one, naming it', async () => {
    for (const wrong of [undefined, null, 5, {}, { store: null, pools: () => [] }]) {
      expect(await bot.callTool('score', { number: '4008517517' }, wrong as never)).toMatchObject({ ok: false, error: { code: 'INVALID_TYPE', message: expect.stringMatching(/callTool\(\): context/) } });
    }
  });

  it('callTool never throws nor rejects, whatever the name, the arguments and the context: it answers ok true or false', async () => {
    const name = fc.oneof(fc.constantFrom(...names), fc.anything({ maxDepth: 1 }));
    const args = fc.oneof(fc.anything({ maxDepth: 3, withBigInt: true }), fc.dictionary(fc.constantFrom('number', 'pattern', 'customer', 'minutes', 'segments', 'lang', 'limit', 'tier', 'paidAt', 'routing', 'at'), fc.anything({ maxDepth: 2 })));
    const ctx = fc.oneof(fc.constant(context), fc.anything({ maxDepth: 1 }));
    await fc.assert(
      fc.asyncProperty(name, args, ctx, async (n, a, c) => {
        const answer = await bot.callTool(n as string, a, c as never);
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) expect(answer.error.message.length).toBeLessThan(2000);
      }),
      { numRuns: 2000 },
    );
  });
});
