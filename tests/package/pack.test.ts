import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';

const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;

/** npm pack, then install the tarball into an empty folder, as a user would. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanity400-pack-'));
  // dist is fresh: the global setup built it.
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-vanity400', private: true }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)], { cwd: dir, stdio: 'pipe' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = (args: string[]) => execFileSync('node', args, { cwd: dir, encoding: 'utf8' });

describe('the packed package', () => {
  it('ships dist, data, README, LICENSE and CHANGELOG, and not the sources or tests', () => {
    const files = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const paths: string[] = JSON.parse(files)[0].files.map((f: { path: string }) => f.path);
    for (const p of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'data/lexicon.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(paths).toContain(p);
    }
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('tests/'))).toBe(false);
  });

  it('works from ESM', () => {
    const out = node(['--input-type=module', '-e', "import { score } from 'vanity400'; console.log(JSON.stringify(score('400-851-7517')))"]);
    expect(JSON.parse(out)).toMatchObject({ number: '4008517517', carrier: 'telecom' });
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
      "import { Vanity400Error } from 'vanity400'; import { openSqliteStore } from 'vanity400/sqlite'; import { createRedisStore } from 'vanity400/redis'; for (const open of [() => openSqliteStore('x.db'), () => createRedisStore('redis://127.0.0.1:1')]) { try { await open(); } catch (e) { console.log(e instanceof Vanity400Error, e.code, e.message); } }",
    ]);
    expect(out.trim().split('\n')).toEqual([
      'true MISSING_PACKAGE vanity400/sqlite needs the better-sqlite3 package: npm install better-sqlite3@12',
      'true MISSING_PACKAGE vanity400/redis needs the ioredis package: npm install ioredis@5',
    ]);
  });

  it('ships vanity400/bot for ESM and CommonJS, sharing the core with vanity400', () => {
    // A store that throws the core's error: callTool answers it as an error object only if both see one class.
    const esm = node([
      '--input-type=module',
      '-e',
      "import { Vanity400Error, MemoryStore } from 'vanity400'; import { callTool, createBotContext, tools } from 'vanity400/bot'; const store = Object.assign(new MemoryStore(), { hold: async () => { throw new Vanity400Error('NOT_AVAILABLE', 'taken'); } }); const a = await callTool('hold', { number: '4006123000', customer: 'x' }, createBotContext({ store })); console.log(tools.length, JSON.stringify(a));",
    ]);
    expect(esm.trim()).toBe('13 {"ok":false,"error":{"code":"NOT_AVAILABLE","message":"taken"}}');
    const cjs = node(['-e', "const { callTool, createBotContext } = require('vanity400/bot'); callTool('score', { number: '4006888888' }, createBotContext()).then((a) => console.log(a.result.tier, a.say))"]);
    expect(cjs).toMatch(/^super 400-688-8888：/);
  });

  it('works from CommonJS', () => {
    const out = node(['-e', "const { explain } = require('vanity400'); console.log(explain('4006161615', { lang: 'en' }).summary)"]);
    expect(out).toMatch(/^400-616-1615 scores/);
  });

  it('works as a CLI', () => {
    const out = execFileSync(join(dir, 'node_modules/.bin/vanity400'), ['score', '--json', '4006888888'], { encoding: 'utf8' });
    expect(JSON.parse(out)[0].tier).toBe('super');
  });
});
