/**
 * Every public function, constructor and method of every package entry, as its type declarations
 * list them (tests/api/signatures.ts), given a value of a kind its declared type does not take: a
 * Vanity400Error INVALID_TYPE naming the argument (and the field, for a field of an object argument)
 * in Chinese and English; thrown by a function that answers at once, a rejection by one that answers
 * a Promise. A new export, or a new parameter, is fuzzed here without being listed; one without a
 * right call below fails the first test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as bot from '../../src/bot/index.js';
import * as core from '../../src/index.js';
import * as node from '../../src/node/index.js';
import * as redis from '../../src/redis/index.js';
import * as sqlite from '../../src/sqlite/index.js';
import { companyLicence, makeAgent } from '../inventory/helpers.js';
import { redisUrl, stopRedis } from '../redis-server.js';
import { interfaceMethods, publicApi, type Callable, type Kind } from './signatures.js';

const { Vanity400Error } = core;
type Fn = (...args: unknown[]) => unknown;
const dir = mkdtempSync(join(tmpdir(), 'vanity400-declared-types-'));
const dataFile = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const NOW = Date.UTC(2026, 2, 2, 2);
const pool = core.createPool({ numbers: ['4006-123-000', '4006-888-888', '4008-517-517'] });
const snapshotPath = join(dir, 'pool.v4p');
node.savePool(pool, snapshotPath);
const journalPath = join(dir, 'old.jsonl');
writeFileSync(journalPath, `${JSON.stringify({ journal: 'vanity400-inventory', version: 1, created: '2025-01-01T00:00:00.000Z' })}\n`);
const callsPath = new URL('../../data/samples/calls.csv', import.meta.url).pathname;
const inventoryPath = new URL('../../data/samples/inventory.csv', import.meta.url).pathname;
const packages = core.defaultPackages();
const rules = core.parseRoutingRules(JSON.parse(dataFile('samples/routing-rules.json')) as unknown);
const records = [...core.simulateCallRecords(rules, { count: 20 })];
const callsCsv = [core.CALL_RECORDS_HEADER, ...records.map((r) => core.callRecordLine(r))].join('\n');
const report = await core.analyseCalls(callsCsv);
const newOrder = { customer: '顺发物流', number: '400-612-3007', packageId: 'year-1200', company: { name: '深圳顺发物流有限公司', creditCode: companyLicence(7) }, landingNumbers: ['0755-88881234'] };
const order = core.createOrder(newOrder, { id: 'order-1', now: NOW });
const stocked = async (store: core.Store): Promise<core.Store> => {
  await store.addAgent(makeAgent('a1', 1));
  await store.reserve({ agent: 'a1', from: '4006-123-000', to: '4006-123-009' });
  await store.hold('4006123001', '顺发物流', 60_000);
  await store.hold('4006123007', '顺发物流', 60_000); // the numbers of newOrder and of OrderStore.create's
  await store.hold('4006123008', '顺发物流', 60_000);
  return store;
};
const redisAt = await redisUrl();
let prefixes = 0;
const opened: { close(): Promise<void> }[] = [];
const keep = <T extends { close(): Promise<void> }>(value: T): T => (opened.push(value), value);
afterAll(async () => {
  for (const store of opened) await store.close().catch(() => {});
  await stopRedis();
});

/** An object of the OrderLedger's shape: createOrderStore only keeps it. */
const unused = (): never => {
  throw new Error('not called');
};
const ledgerShape = { now: unused, insertOrder: unused, readOrder: unused, listOrders: unused, commitOrder: unused, who: unused, close: unused };

/** A right call of each function: every argument of it is made wrong in turn. */
/** In RIGHT, a value made afresh for each call by STANDS_IN (a store that calls change, a path not yet written). */
const FRESH = Symbol('fresh');
const RIGHT: Record<string, unknown[]> = {
  parse: ['400-851-7517', {}],
  tryParse: ['400-851-7517', {}],
  isValid400: ['400-851-7517', {}],
  format: ['4008517517', '4-3-3', '-'],
  segmentInfo: ['4008'],
  listSegments: [],
  score: ['400-851-7517', { profile: 'seed' }],
  explain: ['400-851-7517', { lang: 'en' }],
  findingSentence: [core.score('4008517517').findings[0], 'en'],
  fastScoreTenths: ['4008517517', {}],
  scoreSegment: ['4008', {}],
  resolveProfile: ['seed'],
  checkProfile: [core.resolveProfile('traditional')],
  profileNames: [],
  isSpecial: [0],
  tierById: ['top'],
  tierIndexOf: [500],
  tierLabel: ['top', 90],
  lexiconPhrases: [],
  multiplicationPhrases: [],
  companyPhrases: [{ name: '顺发物流', founded: '1998' }],
  createPool: [{ numbers: ['4006-123-000'] }],
  poolToSnapshot: [pool],
  poolFromSnapshot: [core.poolToSnapshot(pool), {}],
  poolFingerprint: ['seed'],
  search: [pool, { pattern: '8$' }, { limit: 5 }],
  searchNumbers: [pool, { pattern: '8$' }, {}],
  near: [pool, '4006-123-001', { maxDistance: 1 }],
  priceLevel: [2, 0],
  'new SearchCache': [{ max: 10 }],
  compilePattern: ['AABB$'],
  parsePattern: ['AABB$'],
  enumeratePattern: [core.compilePattern('8888$'), '4006', 10],
  searchSounds: [pool, { sounds: '要发' }, {}],
  scoringOf: [pool, { founded: 1988 }],
  shapeResult: ['4006888888', { profile: 'seed' }],
  suggest: [{ name: '顺发', founded: 1988, door: '888' }, { pools: [pool], limit: 3 }],
  suggestPage: [{ name: '顺发', founded: 1988, door: '888' }, { pools: [pool], limit: 3 }],
  meaningReadings: ['发财'],
  readText: ['一路发物流', 'name'],
  phraseToDigits: ['一路发', {}],
  digitsToPhrases: ['168', {}],
  searchLexicon: ['发', {}],
  syllableSimilarity: ['fa', 'ba'],
  splitPinyin: ['yilufa'],
  'new MemoryStore': [{}],
  agentPool: [FRESH, 'a1', { status: 'available' }],
  storePool: [FRESH, { status: 'available' }],
  checkAgent: [makeAgent('a1', 1)],
  checkLicence: ['91110108MA01XK7D35'],
  isValidLicence: ['91110108MA01XK7D35'],
  licenceCheckCharacter: ['91110108MA01XK7D3'],
  looksLikePersonalId: ['11010519491231002X'],
  describeState: [{ number: '4006123000', agent: 'a1', status: 'available' }],
  showNumber: ['4006123000'],
  addWorkingDays: ['2025-10-01', 3],
  beijingDate: [0],
  beijingTime: [NOW],
  calendarYears: [],
  dayInfo: ['2025-10-01'],
  isKnownYear: [2026],
  isWorkingDay: ['2025-10-01'],
  parseDuration: ['2小时', 'hold'],
  readDate: ['2015年3月18日'],
  parseLandingNumber: ['010-87654321', 'landingNumbers[0]'],
  parsePackages: [dataFile('packages.json'), { file: 'packages.json' }],
  defaultPackages: [],
  quote: [{ tier: 'ordinary', minutesPerMonth: 500 }, packages],
  pricePackage: [packages.packages[0], 500, 1],
  minimumSpendOf: [packages, 'top', '4008888888'],
  documentsFor: [{ company: { name: '顺发物流', creditCode: companyLicence(7) }, numbersHeld: 0, landingNumbers: ['010-87654321'] }],
  checkCreditCode: [companyLicence(7), 'company.creditCode'],
  checkIdNumber: ['11010519491231002X', 'handler.idNumber'],
  idCheckDigit: ['11010519491231002'],
  maskIdNumber: ['11010519491231002X'],
  openingDate: ['top', '2026-03-02'],
  describeOpeningDate: [core.openingDate('top', '2026-03-02'), 'en'],
  openingDayText: [{ date: '2027-03-02', workingDays: 3, estimatedYears: [2027] }],
  estimateNote: [[2031]],
  advanceOrder: [order, 'signed', { landingNumbers: ['010-87654321'] }, NOW + 1],
  createOrder: [newOrder, { id: 'order-2', now: NOW }],
  inventoryChange: [order, 'paid'],
  instantOf: ['2026-12-03T10:00+08:00', 'paidAt'],
  numberWarnings: [order, null, NOW],
  orderLandingNumbers: [order],
  'new MemoryOrderBook': [{ inventory: new core.MemoryStore() }],
  createOrderStore: [ledgerShape, { packages }],
  orderForm: [order, { lang: 'en' }],
  formatOrderForm: [order, { as: 'html' }],
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
  savePool: [pool, FRESH],
  loadPool: [snapshotPath, {}],
  importInventory: [FRESH, `kind,agent,name,level,licence,verified,quota\nagent,a9,测试通信有限公司,first,${companyLicence(9)},true,10\n`, 'csv', { dryRun: true }],
  exportInventory: [FRESH, 'csv', { bom: true }],
  readInventoryFile: [inventoryPath],
  readJournal: [journalPath],
  migrateJournal: [journalPath, FRESH],
  analyseCallFile: [callsPath, { keepProblems: 5 }],
  // vanity400/sqlite, vanity400/redis, vanity400/bot
  openSqliteStore: [':memory:', { durability: 'normal' }],
  openSqliteOrderStore: [FRESH, { packages }],
  createRedisStore: [FRESH, { onWarning: () => {} }],
  createRedisOrderStore: [FRESH, { packages }],
  createBotContext: [{ pools: [pool] }],
  // the methods, on a fresh object each call (see ON)
  'Pool.keyAt': [0],
  'Pool.numberAt': [0],
  'Pool.indexOf': ['4006123000'],
  'Pool.indexOfKey': [6_123_000],
  'Pool.has': ['4006123000'],
  'Pool.remove': ['4006123000'],
  'Pool.restore': ['4006123000'],
  'Pool.segments': [],
  'SearchCache.clear': [],
  'SearchCache.stats': [],
  'Store.addAgent': [makeAgent('a2', 2)],
  'Store.getAgent': ['a1'],
  'Store.agents': [],
  'Store.reserve': [{ agent: 'a1', from: '4006-123-010', to: '4006-123-011' }],
  'Store.hold': ['4006123000', '顺发物流', 60_000],
  'Store.release': ['4006123001', '顺发物流'],
  'Store.sell': ['4006123001', '顺发物流'],
  'Store.withdraw': ['4006123002'],
  'Store.who': ['4006123001'],
  'Store.list': ['a1', 'held'],
  'Store.counts': ['a1'],
  'Store.load': [{ agents: [] }, { dryRun: true }],
  'Store.close': [],
  'SqliteStore.transaction': [() => 1],
  'SqliteStore.read': [() => 1],
  'MemoryStore.apply': [{ op: 'withdraw', number: '4006123002', at: NOW }],
  'OrderStore.create': [{ ...newOrder, number: '400-612-3008' }],
  'OrderStore.get': ['order-1'],
  'OrderStore.view': ['order-1'],
  'OrderStore.list': [{ customer: '顺发物流' }],
  'OrderStore.advance': ['order-1', 'cancelled', { reason: '客户不要了' }],
  'OrderStore.close': [],
};

/** What a method is called on, made afresh for each call; and what stands in for a `null` store argument above. */
const memoryStore = () => stocked(new core.MemoryStore());
const sqliteStore = async () => stocked(keep(await sqlite.openSqliteStore(':memory:')));
const redisStore = async () => stocked(keep(await redis.createRedisStore(redisAt!, { prefix: `vanity400:declared-types:${process.pid}:${++prefixes}:`, onWarning: () => {} })));
const withOrder = async (book: core.OrderStore) => {
  await book.create(newOrder).then((made) => expect(made.id).toBe('order-1'));
  return book;
};
const ON: Record<string, () => unknown> = {
  Pool: () => core.createPool({ numbers: ['4006-123-000', '4006-888-888'] }),
  SearchCache: () => new core.SearchCache(),
  MemoryStore: memoryStore,
  SqliteStore: sqliteStore,
  MemoryOrderBook: async () => withOrder(new core.MemoryOrderBook({ inventory: (await memoryStore()) as core.MemoryStore, now: () => NOW })),
};
/** The values given in place of FRESH. */
const STANDS_IN: Record<string, (i: number) => unknown> = {
  agentPool: () => memoryStore(),
  storePool: () => memoryStore(),
  savePool: () => join(mkdtempSync(join(dir, 'save-')), 'pool.v4p'),
  importInventory: () => new core.MemoryStore(),
  exportInventory: () => memoryStore(),
  migrateJournal: () => new core.MemoryStore(),
  openSqliteOrderStore: () => sqliteStore(),
  createRedisStore: () => redisAt,
  createRedisOrderStore: () => redisStore(),
};

/** Not fuzzed here, and why. */
const NOT_HERE: Record<string, string> = {
  'new Vanity400Error': 'the error the library refuses with, not an input to refuse',
  'Vanity400Error.messageIn': 'called while handling an error: never throws, any other value is English',
  'Vanity400Error.toJSON': 'called while handling an error: never throws, any other value is English',
  'new RoutingRulesError': 'the error the library refuses with, not an input to refuse',
  'RoutingRulesError.messageIn': 'as Vanity400Error.messageIn',
  'RoutingRulesError.toJSON': 'as Vanity400Error.toJSON',
  callTool: 'answers { ok: false } rather than rejecting: its arguments are fuzzed in the bot block below',
};
/** The stores' shared rules, exported for the library's own entries (vanity400/node, /sqlite, /redis, /bot import them by the package name); not documented for users. */
const isSharedRule = (name: string) => name.startsWith('inventoryRules.') || name.startsWith('new inventoryRules.');

/**
 * Parameters declared `unknown` that take anything: predicates, try-forms and checkRoutingRules (which
 * answers the problems of whatever it is given, docs/routing.md); other `unknown`s take the kind of their right value.
 */
const TAKES_ANYTHING = new Set(['tryParse.text', 'isValid400.text', 'isValidLicence.code', 'looksLikePersonalId.code', 'isVanity400Error.value', 'checkRoutingRules.value']);
/** Kinds an `unknown` parameter takes beside that of its right value. */
const ALSO_TAKES: Record<string, Kind[]> = { 'instantOf.value': ['number', 'object'] };
/** The name a message gives an argument (in English, in Chinese), where it is not the declaration's. */
const NUMBER = { en: 'number', zh: '号码' };
const DATE = { en: 'date', zh: '日期' };
const RULES = { en: 'rules', zh: 'rules' };
const CALLED: Record<string, { en: string; zh: string }> = {
  'parse.text': NUMBER,
  'format.number': NUMBER,
  'format.separator': { en: 'separator', zh: '分隔符' },
  'score.input': NUMBER,
  'explain.input': NUMBER,
  'findingSentence.f': { en: 'finding', zh: 'finding' },
  'checkProfile.value': { en: 'profile', zh: 'profile' },
  'companyPhrases.profile': { en: 'company', zh: 'company' },
  'compilePattern.text': { en: 'pattern', zh: '号型' },
  'parsePattern.text': { en: 'pattern', zh: '号型' },
  'enumeratePattern.p': { en: 'pattern', zh: 'pattern' },
  'meaningReadings.query': { en: 'meaning', zh: 'meaning' },
  'parseLandingNumber.input': { en: 'landingNumbers[0]', zh: 'landingNumbers[0]' },
  'Store.number': NUMBER,
  'Store.agentId': { en: 'agent id', zh: 'agent id' },
  'Store.ttlMs': { en: 'hold time', zh: 'hold time' },
  'Store.status': { en: 'status', zh: '状态' },
  'agentPool.agentId': { en: 'agent id', zh: 'agent id' },
  'checkLicence.code': { en: 'licence', zh: '统一社会信用代码' },
  'addWorkingDays.date': DATE,
  'addWorkingDays.count': { en: 'working-day count', zh: '工作日天数' },
  'isWorkingDay.date': DATE,
  'dayInfo.date': DATE,
  'beijingDate.instant': DATE,
  'parseDuration.text': { en: 'hold', zh: 'hold' },
  'checkCreditCode.input': { en: 'company.creditCode', zh: 'company.creditCode' },
  'checkIdNumber.input': { en: 'handler.idNumber', zh: 'handler.idNumber' },
  'parseRoutingRules.value': RULES,
  'createOrder.input': { en: 'order', zh: 'order' },
  'instantOf.value': { en: 'paidAt', zh: 'paidAt' },
};

const WRONG: [Kind, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['number', 123],
  ['number', NaN],
  ['string', 'x'],
  ['boolean', true],
  ['array', []],
  ['object', {}],
  ['function', () => 1],
  ['symbol', Symbol('s')],
  ['bigint', 10n],
];
/** Records the library made and documents read from files: their fields are the library's own or a document's content (BAD_ORDER, BAD_ROUTING, BAD_PACKAGES list what is wrong inside), so only their kind is fuzzed. */
const RECORDS = new Set<unknown>([order, report, records[0], RIGHT.findingSentence![0], RIGHT.describeOpeningDate![0], packages, packages.packages[0], rules, RIGHT.checkRoutingRules![0], RIGHT.parseRoutingRules![0], RIGHT.checkProfile![0]]);
const kindOfValue = (value: unknown): Kind => (value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind));
const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const ownerOf = (name: string) => name.replace(/^new /, '').split('.')[0]!;
const api: Record<string, unknown> = { ...core, ...node, ...sqlite, ...redis, ...bot };
const declared = [
  ...(['core', 'node', 'sqlite', 'redis', 'bot'] as const).flatMap((entry) => publicApi(entry)),
  ...interfaceMethods('core', 'Store'),
  ...interfaceMethods('core', 'OrderStore'),
].filter((c) => !isSharedRule(c.name) && !(c.name in NOT_HERE));
/** Methods a class shares with an interface are fuzzed once, as the interface's, on each class that is one. */
const STORES: Record<string, () => unknown> = { MemoryStore: memoryStore, SqliteStore: sqliteStore, ...(redisAt ? { RedisStore: redisStore } : {}) };
/** The order stores: MemoryOrderBook is createOrderStore over a memory ledger. */
const ORDER_STORES: Record<string, () => unknown> = {
  MemoryOrderBook: ON.MemoryOrderBook!,
  openSqliteOrderStore: async () => withOrder(keep(await sqlite.openSqliteOrderStore((await sqliteStore()) as sqlite.SqliteStore))),
  ...(redisAt ? { createRedisOrderStore: async () => withOrder(redis.createRedisOrderStore(await redisStore())) } : {}),
};
const storeMethods = new Set(interfaceMethods('core', 'Store').map((c) => c.name.split('.')[1]));
const orderMethods = new Set(interfaceMethods('core', 'OrderStore').map((c) => c.name.split('.')[1]));
const isShared = (c: Callable) => {
  const [owner, method] = c.name.split('.');
  return (owner === 'MemoryStore' || owner === 'SqliteStore') && storeMethods.has(method!) ? true : owner === 'MemoryOrderBook' && orderMethods.has(method!);
};

/** Where RIGHT has a callable's right call: under its own name, or a store method's under the interface's. */
const rightKey = (c: Callable): string => (c.name in RIGHT ? c.name : c.name.replace(/^(Memory|Sqlite)Store\./, 'Store.').replace(/^MemoryOrderBook\./, 'OrderStore.'));

interface Case {
  label: string;
  callable: Callable;
  /** Readies a call with these arguments (the stand-ins made, the object of a method made) and answers it, not yet made. */
  prepare: (args: unknown[]) => Promise<() => unknown>;
}
const cases: Case[] = declared
  .filter((c) => !isShared(c))
  .flatMap((callable): Case[] => {
    const [owner, method] = callable.name.replace(/^new /, '').split('.');
    if (callable.name.startsWith('new ')) {
      const Class = api[owner!] as new (...args: unknown[]) => unknown;
      return [{ label: callable.name, callable, prepare: async (args) => () => new Class(...args) }];
    }
    if (method === undefined) {
      const fn = api[owner!] as Fn;
      return [{ label: callable.name, callable, prepare: async (args) => {
        const given = await Promise.all(args.map((a, i) => (a === FRESH ? STANDS_IN[owner!]!(i) : a)));
        return () => fn(...given);
      } }];
    }
    const on = owner === 'Store' ? STORES : owner === 'OrderStore' ? ORDER_STORES : { [owner!]: ON[owner!]! };
    return Object.entries(on).map(([name, make]) => ({
      label: `${name}.${method}`,
      callable,
      prepare: async (args) => {
        const target = (await make()) as Record<string, Fn>;
        return () => target[method]!(...args);
      },
    }));
  });

/** The error a call fails with (null when it answers), and whether that was thrown at once or a rejection. */
async function attempt(c: Case, args: unknown[]): Promise<{ error: unknown; threw: boolean }> {
  const call = await c.prepare(args);
  let value: unknown;
  try {
    value = call();
  } catch (error) {
    return { error, threw: true };
  }
  try {
    await value;
    return { error: null, threw: false };
  } catch (error) {
    return { error, threw: false };
  }
}

describe('every export, by its declared types', () => {
  it('each function, constructor and method of every entry has a right call here', () => {
    const missing = declared.filter((c) => !(rightKey(c) in RIGHT)).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s: a value of a kind its type does not take is INVALID_TYPE naming the argument', async (_label, c) => {
    const key = rightKey(c.callable);
    const right = RIGHT[key]!;
    const fnName = ownerOf(c.callable.name);
    expect((await attempt(c, right)).error, `${c.label}(the right arguments)`).toBeNull();
    const problems: string[] = [];
    for (const [i, param] of c.callable.params.entries()) {
      const id = `${fnName}.${param.name}`;
      if (TAKES_ANYTHING.has(id)) continue;
      const kinds = new Set(param.kinds);
      if (kinds.size === 10) {
        kinds.clear();
        kinds.add(kindOfValue(right[i]));
        for (const k of ALSO_TAKES[id] ?? []) kinds.add(k);
        if (param.kinds.has('undefined') && c.callable.params[i] && right[i] === undefined) kinds.add('undefined');
      }
      const named = CALLED[id] ?? { en: param.name, zh: param.name };
      const called = named.en;
      for (const [kind, wrong] of WRONG) {
        if (kinds.has(kind) || (kind === 'undefined' && i >= right.length)) continue;
        const args = [...right];
        args[i] = wrong;
        const { error, threw } = await attempt(c, args);
        const where = `${c.label}(${called} = ${kind === 'number' ? String(wrong) : kind})`;
        if (c.callable.async && threw) problems.push(`${where}: threw at once; a function that answers a Promise rejects`);
        if (!(error instanceof Vanity400Error)) problems.push(`${where}: ${error === null ? 'answered' : `threw ${String(error)}`}`);
        else if (error.code !== 'INVALID_TYPE') problems.push(`${where}: ${error.code} ${error.message.slice(0, 100)}`);
        else if (!error.text.en.includes(named.en) || !error.text.zh.includes(named.zh)) problems.push(`${where}: does not name ${called}: ${error.text.en.slice(0, 100)} / ${error.text.zh.slice(0, 60)}`);
      }
      // One level in: each field of an object argument given a kind its type does not take.
      if (!isPlain(right[i]) || RECORDS.has(right[i])) continue;
      for (const field of param.fields) {
        if (field.kinds.size === 10) continue;
        for (const [kind, wrong] of WRONG) {
          if (field.kinds.has(kind)) continue;
          const args = [...right];
          args[i] = { ...(right[i] as object), [field.name]: wrong };
          const { error } = await attempt(c, args);
          const path = `${called}.${field.name}`;
          const where = `${c.label}(${path} = ${kind === 'number' ? String(wrong) : kind})`;
          if (!(error instanceof Vanity400Error)) problems.push(`${where}: ${error === null ? 'answered' : `threw ${String(error)}`}`);
          else if (error.code !== 'INVALID_TYPE') problems.push(`${where}: ${error.code} ${error.message.slice(0, 100)}`);
          else if (!error.text.en.includes(field.name) || !error.text.zh.includes(field.name)) problems.push(`${where}: does not name ${path}: ${error.text.en.slice(0, 100)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('every argument of every bot tool, by its JSON Schema', () => {
  const context = bot.createBotContext({ pools: [pool], store: new core.MemoryStore() });
  /** A call of each tool whose arguments are right (its answer may still refuse: the number is not in stock …). */
  const TOOL_RIGHT: Record<string, Record<string, unknown>> = {
    score: { number: '4008517517' },
    explain: { number: '4008517517' },
    search: {},
    near: { number: '4006123001' },
    sounds: { phrase: '一路发' },
    suggest: { name: '顺发物流' },
    hold: { number: '4006123000', customer: '顺发物流' },
    release: { number: '4006123000', customer: '顺发物流' },
    quote: { minutesPerMonth: 500 },
    opening_date: { tier: 'top' },
    documents: { companyName: '顺发物流', creditCode: companyLicence(7) },
    order_status: { customer: '顺发物流' },
    route_check: { routing: JSON.parse(dataFile('samples/routing-rules.json')) },
    route_test: { routing: JSON.parse(dataFile('samples/routing-rules.json')), at: '周六 14:00' },
  };
  const JSON_WRONG: [string, unknown][] = [
    ['string', 'x'],
    ['number', 123],
    ['boolean', true],
    ['array', []],
    ['object', {}],
    ['null', null],
  ];
  const kindsOfSchema = (schema: { type?: string; anyOf?: { type?: string }[] }): Set<string> =>
    new Set((schema.anyOf ?? [schema]).map((s) => (s.type === 'integer' ? 'number' : String(s.type))));

  it('every tool has a right call here', () => {
    expect(bot.tools.map((t) => t.name).filter((name) => !(name in TOOL_RIGHT))).toEqual([]);
  });

  it.each(bot.tools.map((t) => [t.name, t] as const))('%s: an argument of a kind its schema does not take, or a missing one, is INVALID_TYPE naming it', async (name, tool) => {
    const schema = tool.inputSchema as { properties: Record<string, { type?: string; anyOf?: { type?: string }[] }>; required?: string[] };
    const right = TOOL_RIGHT[name]!;
    const problems: string[] = [];
    const check = async (args: Record<string, unknown>, key: string, what: string) => {
      const answer = await bot.callTool(name, args, context);
      if (answer.ok) problems.push(`${name}(${key} = ${what}): answered`);
      else if (answer.error.code !== 'INVALID_TYPE' || !answer.error.message.includes(key)) problems.push(`${name}(${key} = ${what}): ${answer.error.code} ${answer.error.message}`);
    };
    for (const [key, property] of Object.entries(schema.properties)) {
      const kinds = kindsOfSchema(property);
      for (const [kind, wrong] of JSON_WRONG) if (!kinds.has(kind)) await check({ ...right, [key]: wrong }, key, kind);
    }
    for (const key of schema.required ?? []) {
      const { [key]: _left, ...rest } = right;
      await check(rest, key, 'missing');
    }
    expect(problems).toEqual([]);
  });

  it('an ID number given as a number is not repeated in the answer', async () => {
    const answer = await bot.callTool('documents', { companyName: '顺发物流', creditCode: companyLicence(7), handlerIdNumber: 110105194912310020 }, context);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_TYPE', field: 'handlerIdNumber' } });
    expect(JSON.stringify(answer)).not.toContain('110105194912310020');
    expect(() => core.checkIdNumber(110105194912310020 as never, 'handler.idNumber')).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', input: 'number' }));
    expect(() => core.checkIdNumber(110105194912310020 as never)).not.toThrow(/110105/);
  });
});
