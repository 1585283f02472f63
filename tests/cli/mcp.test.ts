import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tools } from '../../src/bot/index.js';
import { createPool, explain, near, score, search, searchSounds, suggest, type Pool } from '../../src/index.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { cli } from './run-cli.js';

// dist is built by tests/global-setup.ts.
const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const SAMPLE = new URL('../../data/samples/inventory.json', import.meta.url).pathname;

/** Starts `vanity400 mcp` as a child process and connects the SDK's client to it. */
async function connect(args: string[] = []) {
  const client = new Client({ name: 'vanity400-test', version: '1.0.0' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', ...args], stderr: 'pipe' });
  let stderr = '';
  transport.stderr!.on('data', (chunk) => (stderr += chunk));
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

/** Calls a tool and checks the answer is the same as JSON text and as structured content. */
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const answer = await client.callTool({ name, arguments: args });
  const content = answer.content as { type: string; text: string }[];
  expect(content).toHaveLength(1);
  expect(JSON.parse(content[0]!.text)).toEqual(answer.structuredContent);
  return { isError: answer.isError, ...(answer.structuredContent as any) };
}

/** What a value looks like after a trip through JSON, as MCP answers arrive. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('vanity400 mcp on the sample inventory', () => {
  let client: Client;
  let stderr: () => string;
  let pool: Pool;

  beforeAll(async () => {
    ({ client, stderr } = await connect());
    pool = createPool({ segment: '4006' });
  });
  afterAll(() => client.close());

  it('lists the tools with the JSON Schemas of vanity400/bot', async () => {
    const listed = (await client.listTools()).tools;
    expect(listed.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    for (const t of tools) {
      const l = listed.find((x) => x.name === t.name)!;
      expect(l.inputSchema).toEqual(t.inputSchema);
      expect(l.description).toBe(`${t.description.en}\n${t.description.zh}`);
    }
  });

  it('score and explain', async () => {
    const scored = await call(client, 'score', { number: '400-851-7517' });
    expect(scored).toEqual({ isError: false, ok: true, result: json(score('400-851-7517')), say: explain('400-851-7517').summary });
    const explained = await call(client, 'explain', { number: '4006161615', lang: 'en' });
    expect(explained.result).toEqual(json(explain('4006161615', { lang: 'en' })));
    expect(explained.say).toMatch(/^400-616-1615 scores /);
  });

  it('search, near, sounds and suggest', async () => {
    const found = await call(client, 'search', { pattern: 'AABB$', exclude: '4', segments: ['4006'], limit: 3 });
    expect(found.result).toEqual(json(search(pool, { pattern: 'AABB$', exclude: '4', segments: ['4006'], limit: 3 })));
    expect(found.say).toMatch(new RegExp(`^先列出 3 个号码：400-666-6688（${score('4006666688').score} 分，超级靓号）`));

    const close = await call(client, 'near', { number: '400-651-7517', segments: ['4006'], limit: 3 });
    expect(close.result).toEqual(json(near(pool, '400-651-7517', { limit: 3 })));
    expect(close.say).toMatch(/^与 400-651-7517 相近的号码：/);

    const sounds = await call(client, 'sounds', { phrase: 'yi lu you wo', segments: ['4006'], limit: 3 });
    expect(sounds.result).toEqual(json(await searchSounds(pool, { sounds: 'yi lu you wo', segments: ['4006'], limit: 3 })));
    expect(sounds.result.results[0].number).toMatch(/1615$/);

    const suggested = await call(client, 'suggest', { name: '顺发物流', door: '518', segments: ['4006'], limit: 3 });
    expect(suggested.result).toEqual(json(await suggest({ name: '顺发物流', door: '518' }, { pools: [pool], segments: ['4006'], limit: 3 })));
    expect(suggested.say).toMatch(/^推荐 400-/);
  });

  it('hold and release on the sample inventory, in memory', async () => {
    const held = await call(client, 'hold', { number: '4006-123-000', customer: '张三' });
    expect(held).toMatchObject({ isError: false, ok: true, result: { ok: true }, say: expect.stringMatching(/^已为张三保留 400-612-3000，保留到北京时间 /) });
    // Held in the sample for another customer until 2027: refused, without naming that customer.
    const taken = await call(client, 'hold', { number: '4006-888-888', customer: '张三' });
    expect(taken).toMatchObject({ ok: true, result: { ok: false, state: { status: 'held', agent: 'huatong' } }, say: '400-688-8888 已被其他客户保留，暂时不能保留。' });
    const released = await call(client, 'release', { number: '4006-123-000', customer: '张三' });
    expect(released).toEqual({ isError: false, ok: true, result: { number: '4006123000', released: true }, say: '已取消张三对 400-612-3000 的保留，这个号码又可以选了。' });
    const again = await call(client, 'release', { number: '4006-123-000', customer: '张三' });
    expect(again).toMatchObject({ isError: true, ok: false, error: { code: 'NOT_HELD' } });
  });

  it('answers bad arguments and unknown tools as tool errors with the error object', async () => {
    expect(await call(client, 'score', { number: 4008517517 })).toEqual({
      isError: true,
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: 'score: number: Invalid input: expected string, received number (got 4008517517)' },
    });
    expect(await call(client, 'price', {})).toMatchObject({ isError: true, error: { code: 'UNKNOWN_TOOL' } });
    expect(stderr()).toBe('');
  });
});

describe('vanity400 mcp --store', () => {
  it("holds in a SQLite store that the salespeople's commands use at the same time", async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'vanity400-mcp-')), 'inventory.db');
    expect((await cli(['inventory', 'import', SAMPLE, '--store', store])).status).toBe(0);
    const { client } = await connect(['--store', store, '--agent', 'huatong']);
    try {
      const found = await call(client, 'search', { pattern: '88$', limit: 50 });
      expect(found.result.results.length).toBeGreaterThan(5);
      for (const r of found.result.results) expect(r.number).toMatch(/^4006(123|518)\d{3}$/);
      expect(found.result.results.map((r: { number: string }) => r.number)).not.toContain('4006888888'); // held, not available
      expect(await call(client, 'hold', { number: '4006-518-088', customer: '李四', minutes: 120 })).toMatchObject({ ok: true, result: { ok: true } });
      // While the server runs, the salesperson's commands read and write the same file.
      expect(JSON.parse((await cli(['inventory', 'who', '4006-518-088', '--store', store, '--json'])).out)).toMatchObject({ status: 'held', customer: '李四' });
      expect((await cli(['inventory', 'hold', '4006-518-089', '--customer', '王五', '--store', store])).status).toBe(0);
      expect((await cli(['search', '8$', '--agent', 'huatong', '--store', store, '--json'])).status).toBe(0);
      expect(await call(client, 'hold', { number: '4006-518-089', customer: '赵六' })).toMatchObject({ ok: true, result: { ok: false, state: { status: 'held' } } });
    } finally {
      await client.close();
    }
    const journal = await openSqliteStore(store);
    try {
      expect(await journal.who('4006518088')).toMatchObject({ status: 'held', customer: '李四' });
    } finally {
      await journal.close();
    }
  });

  it('refuses an unknown agent before serving, on stderr', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--agent', 'nobody'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect({ status, out }).toEqual({ status: 2, out: '' });
    expect(err).toMatch(/nobody/);
  });
});

describe('vanity400 mcp standard output', () => {
  it('carries only JSON-RPC messages, and the server exits when its input ends', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'tools/call', params: { name: 'score', arguments: { number: '4006888888' } } });
    await new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('"id":2') && resolve()));
    child.stdin.end();
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    const lines = out.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((m) => [m.jsonrpc, m.id])).toEqual([['2.0', 1], ['2.0', 2]]);
    expect(lines[1].result.structuredContent.result.tier).toBe('super');
  });
});

describe('vanity400 mcp limits', () => {
  it('answers a request over 1 MiB with a JSON-RPC error and goes on serving', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    const waitFor = (id: number) => new Promise<void>((resolve) => {
      const check = () => (out.split('\n').some((l) => l.includes(`"id":${id}`)) ? resolve() : setTimeout(check, 20));
      check();
    });
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ method: 'notifications/initialized' });
    await waitFor(1);
    send({ id: 2, method: 'tools/call', params: { name: 'score', arguments: { number: '4006888888', pad: 'x'.repeat(10 * 1024 * 1024) } } });
    send({ id: 3, method: 'tools/call', params: { name: 'score', arguments: { number: '4006888888' } } });
    await waitFor(3);
    child.stdin.end();
    const status = await new Promise((resolve) => child.on('close', resolve));
    const lines = out.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.find((m) => m.id === 2)).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32600, message: expect.stringContaining('request larger than 1048576 bytes') } });
    expect(lines.find((m) => m.id === 3).result.structuredContent.result.tier).toBe('super');
    expect(status).toBe(0);
  });
});
