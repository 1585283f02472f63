/**
 * A Redis that cannot be reached is one clear error naming the server and why, in the CLI, the bot
 * and the library alike: real processes against a closed port, a server that never answers, one that
 * is not Redis and one that wants a password. How long each took is printed, not asserted.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { reasonOf } from '../../src/redis/unreachable.js';
import { NO_REDIS_MESSAGE, startRedisServer, type PrivateRedis } from '../redis-server.js';

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const REDIS = new URL('../../dist/redis.js', import.meta.url).pathname;

interface Run {
  status: number | null;
  out: string;
  err: string;
  ms: number;
}

function run(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, out, err, ms: Date.now() - t0 }));
    child.stdin.end(stdin);
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP server on a free port that does what `onSocket` says with each connection. */
async function tcpServer(onSocket: (socket: import('node:net').Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { server, port: (server.address() as { port: number }).port };
}

const servers: Server[] = [];
const redises: PrivateRedis[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  for (const r of redises) await r.kill('SIGTERM');
});

describe('an unreachable Redis', () => {
  it('the CLI says once, in Chinese by default, that the connection was refused, with no trace or retries', async () => {
    const port = await closedPort();
    const r = await run([CLI, 'inventory', 'list', '--agent', 'a1', '--store', `redis://127.0.0.1:${port}`]);
    console.log(`CLI against a closed port: exit ${r.status} after ${r.ms} ms`);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(lines(r.err)).toEqual([`vanity400: 无法连接 Redis（127.0.0.1:${port}）：连接被拒绝，请确认 Redis 已经启动，地址和端口没写错。`]);
  });

  it('in English with --lang en, and as one JSON object with --json', async () => {
    const port = await closedPort();
    const en = await run([CLI, 'inventory', 'list', '--agent', 'a1', '--store', `redis://127.0.0.1:${port}`, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(lines(en.err)).toEqual([`vanity400: cannot reach Redis at 127.0.0.1:${port}: connection refused; check that Redis is running and the host and port are right.`]);
    const json = await run([CLI, 'inventory', 'import', 'data/samples/inventory.csv', '--store', `redis://127.0.0.1:${port}`, '--json']);
    expect(json.status).toBe(2);
    const all = lines(json.out + json.err);
    expect(all).toHaveLength(1);
    expect(JSON.parse(all[0] as string)).toEqual({ error: { code: 'STORE_UNAVAILABLE', message: `无法连接 Redis（127.0.0.1:${port}）：连接被拒绝，请确认 Redis 已经启动，地址和端口没写错。` } });
  });

  it('a server that accepts but never answers is given up after about a second', async () => {
    const { port } = await tcpServer((socket) => socket.on('data', () => {}));
    const r = await run([CLI, 'search', '--agent', 'a1', '--store', `redis://127.0.0.1:${port}`]);
    console.log(`CLI against a silent server: exit ${r.status} after ${r.ms} ms`);
    expect(r.status).toBe(2);
    expect(lines(r.err)).toEqual([`vanity400: 无法连接 Redis（127.0.0.1:${port}）：1 秒内没有应答，请确认地址没写错、网络是通的。`]);
  });

  it('a server that is not Redis (an HTTP server on the port) is named as such', async () => {
    const { port } = await tcpServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const r = await run([CLI, 'inventory', 'list', '--agent', 'a1', '--store', `redis://127.0.0.1:${port}`, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(lines(r.err)).toEqual([`vanity400: cannot reach Redis at 127.0.0.1:${port}: the server there does not speak Redis; check the port.`]);
  });

  it('the bot (vanity400 mcp) says the same and exits instead of serving without its inventory', async () => {
    const port = await closedPort();
    const r = await run([CLI, 'mcp', '--store', `redis://127.0.0.1:${port}`]);
    console.log(`vanity400 mcp against a closed port: exit ${r.status} after ${r.ms} ms`);
    expect(r.status).toBe(2);
    expect(r.out).toBe(''); // stdout carries only the protocol
    expect(lines(r.err)).toEqual([`vanity400: 无法连接 Redis（127.0.0.1:${port}）：连接被拒绝，请确认 Redis 已经启动，地址和端口没写错。`]);
  });

  it('the library rejects createRedisStore with STORE_UNAVAILABLE in both languages, and the process can end at once', async () => {
    const port = await closedPort();
    const script = `
      const { createRedisStore } = await import(${JSON.stringify(REDIS)});
      const t0 = Date.now();
      try { await createRedisStore('redis://127.0.0.1:${port}'); console.log('opened'); }
      catch (e) { console.log(JSON.stringify({ code: e.code, en: e.messageIn('en'), zh: e.messageIn('zh'), ms: Date.now() - t0 })); }`;
    const r = await run(['--input-type=module', '-e', script]);
    expect(r.status).toBe(0);
    expect(r.err).toBe('');
    const said = JSON.parse(r.out) as { code: string; en: string; zh: string; ms: number };
    console.log(`createRedisStore against a closed port: rejected after ${said.ms} ms, process ended after ${r.ms} ms`);
    expect(said).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      en: `cannot reach Redis at 127.0.0.1:${port}: connection refused; check that Redis is running and the host and port are right.`,
      zh: `无法连接 Redis（127.0.0.1:${port}）：连接被拒绝，请确认 Redis 已经启动，地址和端口没写错。`,
    });
  });

  it('a server that wants a password says so, and a wrong password is called wrong', async () => {
    const server = await startRedisServer(['--save', '', '--appendonly', 'no']).catch(() => null);
    if (server === null) {
      if (process.env.CI) throw new Error(NO_REDIS_MESSAGE);
      return;
    }
    redises.push(server);
    const admin = new Redis(server.url);
    await admin.config('SET', 'requirepass', 's3cret');
    admin.disconnect();
    const { port } = new URL(server.url);
    const none = await run([CLI, 'inventory', 'list', '--agent', 'a1', '--store', server.url]);
    expect(none.status).toBe(2);
    expect(lines(none.err)).toEqual([`vanity400: 无法连接 Redis（127.0.0.1:${port}）：Redis 要求密码，请在地址里带上密码（redis://:密码@主机:端口）。`]);
    const wrong = await run([CLI, 'inventory', 'list', '--agent', 'a1', '--store', `redis://:nope@127.0.0.1:${port}`, '--lang', 'en']);
    expect(wrong.status).toBe(2);
    expect(lines(wrong.err)).toEqual([`vanity400: cannot reach Redis at 127.0.0.1:${port}: wrong Redis username or password.`]);
  });
});

describe('reasonOf', () => {
  it('says why from the connection’s own error when the call only heard "Connection is closed."', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(reasonOf(new Error('Connection is closed.'), refused, '127.0.0.1:1').en).toBe('connection refused; check that Redis is running and the host and port are right');
    expect(reasonOf(new Error('Connection is closed.'), undefined, '127.0.0.1:1')).toEqual({ zh: '连接已经断开', en: 'the connection is down' });
    expect(reasonOf(new Error('Command timed out'), refused, 'h:1').en).toBe('Redis did not answer within 2 s');
    expect(reasonOf(Object.assign(new Error('getaddrinfo ENOTFOUND redis.example'), { code: 'ENOTFOUND' }), undefined, 'redis.example:6379').zh).toBe('找不到主机“redis.example”，请检查地址');
  });

  it('an unknown error is its first line, cut, without a second full stop', () => {
    const long = `${'x'.repeat(300)}.\nat somewhere (file.js:1:1)`;
    const said = reasonOf(new Error(long), undefined, 'h:1');
    expect(said.en).toBe(`${'x'.repeat(120)}…`);
    expect(reasonOf(new Error('something odd.'), undefined, 'h:1').en).toBe('something odd');
  });
});
