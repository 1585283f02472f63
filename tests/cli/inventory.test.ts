import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';
import { redisUrl, stopRedis } from '../redis-server.js';
import { makeAgent } from '../inventory/helpers.js';


const SAMPLE = new URL('../../data/samples/inventory.csv', import.meta.url).pathname;

describe('search, near and suggest on one agent\'s numbers', () => {
  it('--agent with --store answers from that agent\'s available numbers only', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'vanity400-inv-')), 'inventory.db');
    // Said in words, not as the JSON the library returns.
    expect((await cli(['inventory', 'import', SAMPLE, '--store', store])).out).toBe('已导入 4 个代理商、4510 个号码\n');
    const available = JSON.parse((await cli(['inventory', 'list', '--agent', 'huatong', '--status', 'available', '--store', store, '--json'])).out).map((n: { number: string }) => n.number);
    const page = JSON.parse((await cli(['search', '8$', '--agent', 'huatong', '--store', store, '--limit', '10', '--json'])).out);
    expect(page.results).toHaveLength(10);
    for (const r of page.results) expect(available).toContain(r.number);
    const near = JSON.parse((await cli(['near', '4006-123-456', '--agent', 'huatong', '--store', store, '--json', '--limit', '50'])).out);
    for (const r of near.results) expect(available).toContain(r.number);
    expect(await cli(['search', '8$', '--agent', 'nobody', '--store', store])).toMatchObject({ status: 2, err: expect.stringContaining('nobody') });
  });
});

describe('vanity400 inventory', () => {
  it('imports the sample, holds, refuses a second customer, sells to the holder and says who has it', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'vanity400-inv-')), 'inventory.db');
    const s = ['--store', store];
    expect(JSON.parse((await cli(['inventory', 'import', SAMPLE, ...s, '--json'])).out)).toEqual({ agents: 4, numbers: 4510 });

    const asked = Date.now();
    const holding = await cli(['inventory', 'hold', '4006-123-000', '--customer', '张三', '--ttl', '2小时', ...s]);
    const until = holding.out.match(/^已为 张三 保留 400-612-3000，保留到北京时间 (\d{4}-\d\d-\d\d \d\d:\d\d)\n$/)?.[1];
    expect(until, holding.out).toBeDefined();
    // Beijing time: eight hours ahead of UTC, two hours from now.
    const beijing = Date.parse(`${until!.replace(' ', 'T')}:00+08:00`);
    expect(beijing).toBeGreaterThanOrEqual(Math.floor((asked + 2 * 3_600_000) / 60_000) * 60_000);
    expect(beijing).toBeLessThan(asked + 2 * 3_600_000 + 120_000);
    const second = await cli(['inventory', 'hold', '4006123000', '--customer', '李四', ...s]);
    expect(second).toMatchObject({ status: 2, out: '没有保留：400-612-3000 保留中\n' });
    expect(await cli(['inventory', 'hold', '4006123000', '--customer', '李四', '--lang', 'en', ...s])).toMatchObject({ status: 2, out: 'not held: 400-612-3000 is held\n' });
    expect((await cli(['inventory', 'who', '4006123000', ...s])).out).toBe(`4006-123-000 已为“张三”保留到北京时间 ${until}（代理商“huatong”）\n`);
    expect((await cli(['inventory', 'who', '4006123000', '--lang', 'en', ...s])).out).toBe(`4006-123-000 is held by "张三" until ${until} Beijing time (agent "huatong")\n`);
    expect((await cli(['inventory', 'list', '--agent', 'huatong', '--status', 'held', ...s])).out).toContain(`400-612-3000    保留中　  张三  保留到北京时间 ${until}`);
    expect(await cli(['inventory', 'sell', '4006123000', '--customer', '李四', ...s])).toMatchObject({ status: 2, err: expect.stringContaining('已为“张三”保留') });
    expect((await cli(['inventory', 'sell', '4006123000', '--customer', '张三', ...s])).status).toBe(0);
    expect(JSON.parse((await cli(['inventory', 'who', '400-612-3000', ...s, '--json'])).out)).toMatchObject({ agent: 'huatong', status: 'sold', customer: '张三' });

    const held = JSON.parse((await cli(['inventory', 'list', '--agent', 'huatong', '--status', 'sold', ...s, '--json'])).out);
    expect(held.map((n: { number: string }) => n.number)).toContain('4006123000');
  });

  it('exports CSV with formulas escaped, and refuses bad arguments clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-inv-'));
    const s = ['--store', join(dir, 'inventory.db')];
    await cli(['inventory', 'import', SAMPLE, ...s]);
    const out = join(dir, 'out.csv');
    expect((await cli(['inventory', 'export', '--out', out, ...s])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^kind,agent,name,level/);
    expect(await cli(['inventory', 'hold', '4006123001', '--customer', 'x', '--ttl', 'soon', ...s])).toMatchObject({ status: 2, err: expect.stringContaining('--ttl “soon”看不懂') });
    expect(await cli(['inventory', 'hold', '4006123001', '--customer', 'x', '--ttl', 'soon', '--lang', 'en', ...s])).toMatchObject({ status: 2, err: expect.stringContaining('--ttl "soon": expected a duration') });
    expect(await cli(['inventory', 'list', '--agent', 'huatong', '--status', 'lost', ...s])).toMatchObject({ status: 2, err: 'vanity400: --status "lost"：应为 available、held、sold 或 withdrawn\n' });
    expect(await cli(['inventory', 'list', '--agent', 'nobody', ...s])).toMatchObject({ status: 2, err: expect.stringContaining('nobody') });
    expect(await cli(['inventory', 'import', join(dir, 'missing.csv'), ...s])).toMatchObject({ status: 2, err: expect.stringContaining('missing.csv') });
  });
});

describe('vanity400 inventory on Redis', async () => {
  const url = await redisUrl();
  if (!url && process.env.CI) throw new Error('Redis tests need redis-server: apt-get install redis-server or set VANITY400_REDIS_URL');
  afterAll(stopRedis);
  it.skipIf(!url)('imports, holds and answers who through --store redis://', async () => {
    const prefixFree = `${url}/${1 + Math.floor(Math.random() * 14)}`; // a database of its own
    const s = ['--store', prefixFree];
    await cli(['inventory', 'import', SAMPLE, ...s]);
    expect((await cli(['inventory', 'hold', '4006-123-000', '--customer', '张三', ...s])).status).toBe(0);
    expect((await cli(['inventory', 'hold', '4006-123-000', '--customer', '李四', ...s])).status).toBe(2);
    expect(JSON.parse((await cli(['inventory', 'who', '4006123000', ...s, '--json'])).out)).toMatchObject({ status: 'held', customer: '张三' });
  });
});

describe('vanity400 inventory stores', () => {
  it('read-only commands never create a store; import does, in the default place or VANITY400_STORE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-inv-'));
    const store = join(dir, 'sub', 'inventory.db');
    for (const args of [['inventory', 'who', '4006-123-000'], ['inventory', 'list', '--agent', 'huatong'], ['inventory', 'export'], ['search', '8$', '--agent', 'huatong']]) {
      const run = await cli([...args, '--store', store]);
      expect(run, args.join(' ')).toMatchObject({ status: 2, err: expect.stringContaining(`没有库存文件 ${store}`) });
      expect(existsSync(store)).toBe(false);
    }
    const saved = process.env.VANITY400_STORE;
    process.env.VANITY400_STORE = store;
    try {
      expect((await cli(['inventory', 'import', SAMPLE])).status).toBe(0);
      expect(existsSync(store)).toBe(true);
      expect(JSON.parse((await cli(['inventory', 'who', '4006-123-000', '--json'])).out)).toMatchObject({ agent: 'huatong' });
    } finally {
      if (saved === undefined) delete process.env.VANITY400_STORE;
      else process.env.VANITY400_STORE = saved;
    }
  });

  it('an old journal is refused with the command that migrates it; migrate moves it into SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-inv-'));
    const journal = join(dir, 'vanity400-inventory.jsonl');
    const at = Date.UTC(2025, 0, 1);
    writeFileSync(
      journal,
      [
        JSON.stringify({ journal: 'vanity400-inventory', version: 1, created: '2025-01-01T00:00:00.000Z' }),
        JSON.stringify({ op: 'agent', at, agent: makeAgent('a1', 1) }),
        JSON.stringify({ op: 'reserve', at, agent: 'a1', numbers: ['4006123000', '4006123001'] }),
        JSON.stringify({ op: 'sell', at, number: '4006123000', customer: '张三' }),
        '',
      ].join('\n'),
    );
    expect(await cli(['inventory', 'who', '4006-123-000', '--store', journal])).toMatchObject({ status: 2, err: expect.stringContaining(`vanity400 inventory migrate ${journal}`) });
    const store = join(dir, 'inventory.db');
    expect(await cli(['inventory', 'migrate', journal, '--store', store, '--json'])).toMatchObject({ status: 0, out: expect.stringContaining('"numbers": 2') });
    expect(JSON.parse((await cli(['inventory', 'who', '4006-123-000', '--store', store, '--json'])).out)).toMatchObject({ status: 'sold', customer: '张三' });
  });

  it('a file that is not an inventory, or a device, is refused in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-inv-'));
    const store = join(dir, 'inventory.db');
    const big = await cli(['inventory', 'import', '/dev/zero', '--store', store]);
    expect(big).toMatchObject({ status: 2, err: expect.stringMatching(/^vanity400: \/dev\/zero 超过 256 MB/) });
    expect(big.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('vanity400 inventory with Redis out of reach', () => {
  it('says so in one line within about a second, without retrying', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const p = (server.address() as { port: number }).port;
        server.close(() => resolve(p));
      });
    });
    const t0 = Date.now();
    const run = await cli(['inventory', 'who', '4006-123-000', '--store', `redis://127.0.0.1:${port}`]);
    const ms = Date.now() - t0;
    expect(run.status).toBe(2);
    expect(run.err).toMatch(new RegExp(`^vanity400: 无法连接 Redis（127\\.0\\.0\\.1:${port}`));
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(ms).toBeLessThan(5_000); // a hang guard, not a timing: it used to retry for 13 s
  });
});
