import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent } from '../inventory/helpers.js';
import { redisUrl, stopRedis } from '../redis-server.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CLI_ROOT = join(ROOT, 'packages/cli');
/** What `npm install vanity400` may bring at most: packages (vanity400 itself included) and bytes. */
const MAX_PACKAGES = 15;
const MAX_BYTES = 12_000_000;

let dir: string;
let library: string;
let cliTarball: string;

/** An empty project in dir/name with the given packages installed, as a user would install them. */
function project(name: string, specs: string[]): string {
  const at = join(dir, name);
  mkdirSync(at);
  writeFileSync(join(at, 'package.json'), JSON.stringify({ name: `try-${name}`, private: true }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', ...specs], { cwd: at, stdio: 'pipe' });
  return at;
}

/** Every installed package under node_modules (nested ones too), by its folder. */
function installedPackages(modules: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const folders = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => join(modules, name, n)) : [join(modules, name)];
    for (const folder of folders) {
      found.push(folder);
      try {
        found.push(...installedPackages(join(folder, 'node_modules')));
      } catch {
        // no nested node_modules
      }
    }
  }
  return found;
}

/** Bytes of every file under a folder. */
function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

/** The paths a package's tarball holds. */
function packedFiles(cwd: string): string[] {
  const listing = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd, encoding: 'utf8' });
  return JSON.parse(listing)[0].files.map((f: { path: string }) => f.path);
}

/** npm pack both packages (dist is fresh: the global setup built it); each test installs them as a user would. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanity400-pack-'));
  const pack = (cwd: string) => execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd, encoding: 'utf8' }).trim();
  library = join(dir, pack(ROOT));
  cliTarball = join(dir, pack(CLI_ROOT));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopRedis();
});

describe('the packed library', () => {
  let lib: string;
  beforeAll(() => {
    lib = project('library', [library]);
  });
  const node = (args: string[]) => execFileSync('node', args, { cwd: lib, encoding: 'utf8' });

  it('ships dist, data, README, LICENSE and CHANGELOG, and not the sources, the tests, source maps or the CLI', () => {
    const paths = packedFiles(ROOT);
    for (const p of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/bot.js', 'data/lexicon.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => /^(src|tests|packages)\/|\.map$|cli/.test(p))).toEqual([]);
    expect(JSON.parse(readFileSync(join(lib, 'node_modules/vanity400/package.json'), 'utf8')).bin).toBeUndefined();
  });

  it(`installs as at most ${MAX_PACKAGES} packages and ${MAX_BYTES / 1e6} MB`, () => {
    const modules = join(lib, 'node_modules');
    const packages = installedPackages(modules);
    const bytes = bytesUnder(modules);
    console.info(`npm install vanity400: ${packages.length} packages, ${(bytes / 1e6).toFixed(2)} MB`);
    expect(packages.map((p) => p.slice(modules.length + 1))).toContain('vanity400');
    expect(packages.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('works from ESM', () => {
    const out = node(['--input-type=module', '-e', "import { score } from 'vanity400'; console.log(JSON.stringify(score('400-851-7517')))"]);
    expect(JSON.parse(out)).toMatchObject({ number: '4008517517', carrier: 'telecom' });
  });

  it('works from CommonJS', () => {
    const out = node(['-e', "const { explain } = require('vanity400'); console.log(explain('4006161615', { lang: 'en' }).summary)"]);
    expect(out).toMatch(/^400-616-1615 scores/);
  });

  it('ships vanity400/node, sharing the core with vanity400', () => {
    const out = node([
      '--input-type=module',
      '-e',
      "import { Vanity400Error, MemoryStore } from 'vanity400'; import { importInventory } from 'vanity400/node'; try { await importInventory(new MemoryStore(), 'kind\\nthing', 'csv'); } catch (e) { console.log(e instanceof Vanity400Error, e.code); }",
    ]);
    expect(out.trim()).toBe('true BAD_IMPORT');
  });

  it('vanity400/sqlite and vanity400/redis without their optional peers say what to install', () => {
    const out = node([
      '--input-type=module',
      '-e',
      "import { Vanity400Error } from 'vanity400'; import { openSqliteStore } from 'vanity400/sqlite'; import { createRedisStore } from 'vanity400/redis'; for (const open of [() => openSqliteStore('x.db'), () => createRedisStore('redis://127.0.0.1:1')]) { try { await open(); } catch (e) { console.log(e instanceof Vanity400Error, e.code, e.messageIn('en')); console.log(e.messageIn('zh')); } }",
    ]);
    expect(out.trim().split('\n')).toEqual([
      'true MISSING_PACKAGE vanity400/sqlite needs the better-sqlite3 package: npm install better-sqlite3@12',
      'SQLite 库存需要 better-sqlite3 包：npm install better-sqlite3@12',
      'true MISSING_PACKAGE vanity400/redis needs the ioredis package (5 or 6): npm install ioredis',
      'Redis 库存需要 ioredis 包（5 或 6 版）：npm install ioredis',
    ]);
  });

  it('ships vanity400/bot for ESM and CommonJS, sharing the core with vanity400, without zod installed', () => {
    expect(installedPackages(join(lib, 'node_modules')).some((p) => p.endsWith('/zod'))).toBe(false);
    // A store that throws the core's error: callTool answers it as an error object only if both see one class.
    const esm = node([
      '--input-type=module',
      '-e',
      "import { Vanity400Error, MemoryStore } from 'vanity400'; import { callTool, createBotContext, tools } from 'vanity400/bot'; const store = Object.assign(new MemoryStore(), { hold: async () => { throw new Vanity400Error('NOT_AVAILABLE', 'taken'); } }); const a = await callTool('hold', { number: '4006123000', customer: 'x' }, createBotContext({ store })); console.log(tools.length > 0, JSON.stringify(a.error));",
    ]);
    expect(esm.trim()).toBe('true {"code":"NOT_AVAILABLE","message":"taken"}');
    const cjs = node(['-e', "const { callTool, createBotContext } = require('vanity400/bot'); callTool('score', { number: '4006888888' }, createBotContext()).then((a) => console.log(a.result.tier, a.say))"]);
    expect(cjs).toMatch(/^super 400-688-8888：/);
    const refused = node(['-e', "const { callTool, createBotContext } = require('vanity400/bot'); callTool('score', { number: 4006888888 }, createBotContext()).then((a) => console.log(a.error.code))"]);
    expect(refused.trim()).toBe('INVALID_TYPE');
  });
});

describe('the library with ioredis 6', () => {
  it('installs beside ioredis 6 (the peer range takes 5 and 6) and keeps an inventory in Redis with it', async () => {
    const url = await redisUrl();
    const at = project('ioredis6', [library, 'ioredis@^6']);
    expect(JSON.parse(readFileSync(join(at, 'node_modules/ioredis/package.json'), 'utf8')).version).toMatch(/^6\./);
    if (url === null) return; // the Redis store tests say why they cannot run
    const prefix = `vanity400-pack:${randomUUID().slice(0, 8)}:`;
    const script = `
      import { Redis } from 'ioredis';
      import { createRedisStore } from 'vanity400/redis';
      const store = await createRedisStore(${JSON.stringify(url)}, { prefix: ${JSON.stringify(prefix)}, onWarning: () => {} });
      await store.addAgent(${JSON.stringify(makeAgent('a1', 1))});
      await store.reserve({ agent: 'a1', numbers: ['4006-123-000'] });
      const held = await store.hold('4006-123-000', 'alice', 60_000);
      const again = await store.hold('4006-123-000', 'bob', 60_000);
      console.log(held.ok, again.ok, (await store.who('4006-123-000')).customer);
      await store.close();
      const client = new Redis(${JSON.stringify(url)});
      const keys = await client.keys(${JSON.stringify(`${prefix}*`)});
      if (keys.length > 0) await client.del(...keys);
      await client.quit();`;
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: at, encoding: 'utf8' });
    expect(out.trim()).toBe('true false alice');
  });
});

describe('the packed CLI (vanity400-cli)', () => {
  let cliProject: string;
  beforeAll(() => {
    cliProject = project('cli', [library, cliTarball]);
  });
  const run = (args: string[]) => execFileSync(join(cliProject, 'node_modules/.bin/vanity400'), args, { cwd: cliProject, encoding: 'utf8' });

  it('ships its bundle, README and LICENSE, with the version of the library it is built on', () => {
    const paths = packedFiles(CLI_ROOT);
    expect(paths).toEqual(expect.arrayContaining(['dist/cli.js', 'README.md', 'LICENSE', 'package.json']));
    expect(paths.filter((p) => !/^(dist\/[\w-]+\.js|README\.md|LICENSE|package\.json)$/.test(p))).toEqual([]);
    const cli = JSON.parse(readFileSync(join(CLI_ROOT, 'package.json'), 'utf8'));
    const lib = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(cli.version).toBe(lib.version);
    expect(cli.dependencies.vanity400).toBe(lib.version);
    expect(readFileSync(join(CLI_ROOT, 'LICENSE'), 'utf8')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
    // The repository builds and tests the CLI with the versions it asks for.
    for (const [name, range] of Object.entries({ ...cli.dependencies, ...cli.optionalDependencies })) {
      if (name !== 'vanity400' && name !== 'ioredis') expect(`${name} ${lib.devDependencies[name]}`).toBe(`${name} ${range}`);
    }
  });

  it('imports the library instead of carrying a copy of the core, and every name it imports is exported', async () => {
    const distDir = join(cliProject, 'node_modules/vanity400-cli/dist');
    const imported = new Map<string, Set<string>>();
    for (const file of readdirSync(distDir)) {
      const text = readFileSync(join(distDir, file), 'utf8');
      expect(text, file).not.toMatch(/function scoreSegment|function compilePattern|SEGMENT_TABLE/);
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(vanity400[^"]*)"/g)) {
        const names = imported.get(m[2]!) ?? new Set<string>();
        for (const name of m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/)[0]!).filter(Boolean)) names.add(name);
        imported.set(m[2]!, names);
      }
    }
    expect([...imported.keys()]).toContain('vanity400');
    const script = `const wanted = ${JSON.stringify(Object.fromEntries([...imported].map(([k, v]) => [k, [...v]])))};
      const missing = [];
      for (const [entry, names] of Object.entries(wanted)) { const m = await import(entry); for (const n of names) if (!(n in m)) missing.push(entry + ': ' + n); }
      console.log(JSON.stringify(missing));`;
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: join(cliProject, 'node_modules/vanity400-cli'), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
    expect(bytesUnder(distDir)).toBeLessThan(300_000);
  });

  it('runs as vanity400', () => {
    expect(JSON.parse(run(['score', '--json', '4006888888']))[0].tier).toBe('super');
    expect(run(['--version']).trim()).toBe(JSON.parse(readFileSync(join(CLI_ROOT, 'package.json'), 'utf8')).version);
  });

  it('keeps an inventory in SQLite (better-sqlite3, installed with the CLI)', () => {
    const store = join(cliProject, 'inventory.db');
    run(['inventory', 'import', join(ROOT, 'data/samples/inventory.csv'), '--store', store]);
    expect(run(['inventory', 'list', '--agent', 'huatong', '--store', store, '--json']).length).toBeGreaterThan(10);
  });
});
