import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instructions, tools } from '../../src/bot/index.js';
import { MemoryStore, explain, near, score, search, searchSounds, storePool, suggestPage, type Pool } from '../../src/index.js';
import { importInventory } from '../../src/node/index.js';
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
    // The sample inventory's available numbers: what the server searches, so that all it finds can be held.
    const sample = new MemoryStore();
    await importInventory(sample, readFileSync(SAMPLE, 'utf8'), 'json');
    pool = await storePool(sample);
  });
  afterAll(() => client.close());

  it('lists the tools with the JSON Schemas, titles and hints of vanity400/bot, and gives the instructions', async () => {
    const listed = (await client.listTools()).tools;
    expect(listed.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    for (const t of tools) {
      const l = listed.find((x) => x.name === t.name)!;
      expect(l.inputSchema).toEqual(t.inputSchema);
      expect(l.outputSchema).toEqual(t.outputSchema);
      expect(l.description).toBe(`${t.description.en}\n${t.description.zh}`);
      expect(l.title).toBe(t.title.zh);
      expect(l.annotations).toEqual({ title: t.title.zh, ...t.annotations });
    }
    const readOnly = listed.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name);
    expect(readOnly.sort()).toEqual(tools.map((t) => t.name).filter((n) => n !== 'hold' && n !== 'release').sort());
    expect(client.getInstructions()).toBe(instructions.zh);
    expect(client.getInstructions()).toMatch(/search[\s\S]*hold[\s\S]*quote/);
  });

  it('offers only numbers it can hold: every number a search finds on the sample inventory is held', async () => {
    const found = await call(client, 'search', { pattern: '%', limit: 20 });
    expect(found.result.results).toHaveLength(20);
    for (const r of found.result.results) {
      const held = await call(client, 'hold', { number: r.number, customer: '王五', minutes: 1 });
      expect(held, r.number).toMatchObject({ isError: false, ok: true, result: { ok: true } });
      await call(client, 'release', { number: r.number, customer: '王五' });
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
    const found = await call(client, 'search', { pattern: '8$', exclude: '4', segments: ['4006'], limit: 3 });
    const page = search(pool, { pattern: '8$', exclude: '4', segments: ['4006'], limit: 3 });
    expect(page.results).toHaveLength(3);
    expect(found.result).toEqual(json(page));
    const best = page.results[0]!;
    expect(found.say).toMatch(new RegExp(`^先列出 3 个号码：${best.display}（${best.score} 分，`));
    expect(best.score).toBe(score(best.number).score);

    const close = await call(client, 'near', { number: '400-612-3456', segments: ['4006'], limit: 3 });
    expect(close.result).toEqual(json(near(pool, '400-612-3456', { limit: 3 })));
    expect(close.result.length).toBe(3);
    expect(close.say).toMatch(/^与 400-612-3456 相近的号码：/);

    const sounds = await call(client, 'sounds', { phrase: 'yi lu fa', segments: ['4006'], limit: 3 });
    expect(sounds.result).toEqual(json(await searchSounds(pool, { sounds: 'yi lu fa', segments: ['4006'], limit: 3 })));
    expect(sounds.result.results.length).toBeGreaterThan(0);

    const suggested = await call(client, 'suggest', { name: '顺发物流', door: '518', segments: ['4006'], limit: 3 });
    expect(suggested.result).toEqual(json(await suggestPage({ name: '顺发物流', door: '518' }, { pools: [pool], segments: ['4006'], limit: 3 })));
    expect(suggested.say).toMatch(/^“顺发”没有读音相符的号码，.+。推荐 400-/);
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
      error: { code: 'INVALID_TYPE', field: 'number', message: 'score：number 应为字符串，实际是 4008517517' },
      say: '抱歉，这一步没有办成，我换个方式再试一次。',
    });
    expect(await call(client, 'score', { number: '400-123', lang: 'en' })).toMatchObject({ isError: true, error: { code: 'WRONG_LENGTH' }, say: expect.stringMatching(/^The number "400-123" has the wrong number of digits/) });
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

describe('vanity400 mcp --lang', () => {
  it('answers calls that do not say in the language of the server; a call that says keeps its own', async () => {
    const { client } = await connect(['--lang', 'en']);
    try {
      expect(client.getInstructions()).toBe(instructions.en);
      expect((await client.listTools()).tools.find((t) => t.name === 'hold')!.title).toBe('Hold a number');
      expect((await call(client, 'score', { number: '400-851-7517' })).say).toMatch(/^400-851-7517 scores /);
      expect((await call(client, 'score', { number: '400-851-7517', lang: 'zh' })).say).toMatch(/^400-851-7517：/);
      expect((await call(client, 'score', { number: 7 })).say).toBe("Sorry, that didn't work; let me try again another way.");
    } finally {
      await client.close();
    }
  });
});

/** Starts `vanity400 mcp --http 127.0.0.1:0 …` and reads the address it prints. */
async function startHttp(args: string[] = []) {
  const child = spawn(process.execPath, [CLI, 'mcp', '--http', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^MCP: (http:\S+)\n/.exec(out);
      if (m) resolve(new URL(m[1]!));
    });
    child.once('close', (status) => reject(new Error(`exited ${status}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return { child, url, exited, stderr: () => err };
}

async function httpClient(url: URL) {
  const client = new Client({ name: 'vanity400-http-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url));
  return client;
}

describe('vanity400 mcp --http', () => {
  it("serves the SDK's client over Streamable HTTP, each client its own session on the one store, until SIGTERM", async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'vanity400-mcp-http-')), 'inventory.db');
    expect((await cli(['inventory', 'import', SAMPLE, '--store', store])).status).toBe(0);
    const server = await startHttp(['--store', store]);
    expect(server.url.pathname).toBe('/mcp');
    const first = await httpClient(server.url);
    const second = await httpClient(server.url);
    try {
      const listed = (await first.listTools()).tools;
      expect(listed.map((t) => t.name)).toEqual(tools.map((t) => t.name));
      expect(first.getInstructions()).toBe(instructions.zh);
      // The SDK's client checks every structured answer against the tool's outputSchema: check it here too.
      const ajv = new AjvJsonSchemaValidator();
      const validate = (name: string) => ajv.getValidator(listed.find((t) => t.name === name)!.outputSchema!);

      const found = await call(first, 'search', { pattern: '88$', limit: 5 });
      const { isError, ...answer } = found;
      expect(isError).toBe(false);
      expect(validate('search')(answer)).toMatchObject({ valid: true });
      const number = found.result.results[0].number as string;
      expect(await call(first, 'hold', { number, customer: '张三' })).toMatchObject({ isError: false, result: { ok: true } });
      // Another session sees the hold at once, and is not told who holds it.
      const refused = await call(second, 'hold', { number, customer: '李四' });
      expect(refused).toMatchObject({ isError: false, result: { ok: false, state: { status: 'held' } } });
      expect(JSON.stringify(refused)).not.toContain('张三');
      expect((await call(second, 'search', { pattern: '88$', limit: 50 })).result.results.map((r: { number: string }) => r.number)).not.toContain(number);
      const bad = await call(second, 'hold', { number: '400-123', customer: '李四' });
      expect(bad).toMatchObject({ isError: true, error: { code: 'WRONG_LENGTH' }, say: '号码“400-123”位数不对：400 号码是 400 开头的 10 位数字，麻烦您再核对一下。' });
      const { isError: _, ...badAnswer } = bad;
      expect(validate('hold')(badAnswer)).toMatchObject({ valid: true });
      // The salesperson's commands read the same file.
      expect(JSON.parse((await cli(['inventory', 'who', number, '--store', store, '--json'])).out)).toMatchObject({ status: 'held', customer: '张三' });
    } finally {
      await first.close();
      await second.close();
      server.child.kill('SIGTERM'); // also when an assertion failed: no server is left behind
    }
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('');
  });

  it('refuses what is not a session, an oversized body, and a foreign Host header, and goes on serving', async () => {
    const server = await startHttp();
    try {
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body });
      const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      const noSession = await post(list);
      expect(noSession.status).toBe(400);
      expect(await noSession.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
      const unknown = await post(list, { 'mcp-session-id': 'nonsense' });
      expect(unknown.status).toBe(404);
      const huge = await post(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { pad: 'x'.repeat(2 * 1024 * 1024) } })).catch((error: Error) => error);
      if (huge instanceof Response) {
        expect(huge.status).toBe(413);
        expect(await huge.json()).toMatchObject({ error: { code: -32600, message: expect.stringContaining('1048576') } });
      } // else the server cut the upload short, which is as good
      expect((await post('{not json')).status).toBe(400);
      expect((await fetch(new URL('/other', server.url))).status).toBe(404);
      const init = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      const foreign = await new Promise<number>((resolve, reject) => {
        const req = request(server.url, { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.once('error', reject);
        req.end(init);
      });
      expect(foreign).toBe(403); // a page on another site cannot reach the server through DNS rebinding
      const client = await httpClient(server.url);
      expect((await call(client, 'score', { number: '4006888888' })).result.tier).toBe('super');
      await client.close();
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('refuses an address that is not host:port, before serving (exit status 2)', async () => {
    const result = await cli(['mcp', '--http', '8400']);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/--http "8400"：应为 主机:端口/);
  });
});
