import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, agentPool, createPool, licenceCheckCharacter, search } from '../dist/index.js';
import { openSqliteStore } from '../dist/sqlite.js';
import { measure, round } from './harness.mjs';

const AGENT = { id: 'bench', name: '基准测试有限公司', level: 'first', licence: '', verified: true, quota: 100_000 };
AGENT.licence = `91110108MA01XK7D3${licenceCheckCharacter('91110108MA01XK7D3')}`;
const HOLDS = { memory: 20_000, sqlite: 2_000, redis: 2_000 };

async function holdsPerSecond(store, count, durability) {
  await store.addAgent(AGENT);
  await store.reserve({ agent: AGENT.id, from: '4006100000', to: `40061${String(count - 1).padStart(5, '0')}` });
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await store.hold(`40061${String(i).padStart(5, '0')}`, `c${i}`, 600_000);
  const ms = performance.now() - t0;
  await store.close();
  return { durability, holds: count, ms: round(ms), holdsPerSecond: Math.round(count / (ms / 1000)) };
}

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A private redis-server with the given persistence, or null without one. */
export async function redis(aof) {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vanity400-bench-redis-'));
  const persistence = aof === 'off' ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', aof];
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--dir', dir, ...persistence], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if (execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('PONG')) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Holds per second on each store; search over an agent's 2,000 numbers against the whole segment. */
export async function benchInventory() {
  const dir = mkdtempSync(join(tmpdir(), 'vanity400-bench-'));
  // One process, holds one after another: each is a whole transaction (SQLite) or round trip (Redis).
  const stores = {
    memory: await holdsPerSecond(new MemoryStore(), HOLDS.memory, 'none (in memory)'),
    sqliteFull: await holdsPerSecond(await openSqliteStore(join(dir, 'full.db')), HOLDS.sqlite, 'SQLite WAL, synchronous FULL (the default): survives a power loss'),
    sqliteNormal: await holdsPerSecond(await openSqliteStore(join(dir, 'normal.db'), { durability: 'normal' }), HOLDS.sqlite, 'SQLite WAL, synchronous NORMAL: survives a crash of the process'),
  };
  const { createRedisStore } = await import('../dist/redis.js');
  for (const [name, aof, durability] of [
    ['redisAofEverysec', 'everysec', 'Redis AOF appendfsync everysec: may lose the last second on a crash of Redis'],
    ['redisAofAlways', 'always', 'Redis AOF appendfsync always: loses nothing acknowledged'],
    ['redisNoPersistence', 'off', 'Redis without persistence: a crash of Redis loses everything'],
  ]) {
    const server = await redis(aof);
    if (!server) {
      stores[name] = 'skipped: no redis-server';
      continue;
    }
    try {
      stores[name] = await holdsPerSecond(await createRedisStore(server.url, { prefix: `bench:${Date.now()}:`, onWarning() {} }), HOLDS.redis, durability);
    } finally {
      server.stop();
    }
  }

  const store = new MemoryStore();
  await store.addAgent(AGENT);
  await store.reserve({ agent: AGENT.id, from: '4006123000', to: '4006124999' });
  const build = measure(() => agentPool(store, AGENT.id), { runs: 5, warmup: 1 });
  const mine = await agentPool(store, AGENT.id);
  const whole = createPool({ segment: '4006' });
  const query = { pattern: 'AB$', exclude: '4', limit: 20 };
  const agentSearch = measure(() => search(mine, query, { findings: false }), { runs: 101, warmup: 200 });
  const wholeSearch = measure(() => search(whole, query, { findings: false }), { runs: 101, warmup: 200 });
  return {
    task: 'holds per second on each store; search over one agent\'s 2,000 available numbers vs the whole 1,000,000-number segment',
    holds: stores,
    agentSearch: { numbers: mine.size, query, agentPoolBuildMs: build.medianMs, agentMs: agentSearch.medianMs, wholeSegmentMs: wholeSearch.medianMs },
  };
}
