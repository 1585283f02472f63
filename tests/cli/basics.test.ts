import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const run = promisify(execFile);
const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const folder = (name: string) => mkdtempSync(join(tmpdir(), `vanity400-${name}-`));

describe('the command line', () => {
  it('stops quietly when its reader stops reading (| head -1)', () => {
    const piped = spawnSync('sh', ['-c', `node ${CLI} search 'AABB$' --segment 4006 --limit 200 | head -1; yes 4008517517 | node ${CLI} score --jsonl - | head -1`], {
      encoding: 'utf8',
    });
    expect(piped.stderr).toBe('');
    const [header, first, ...rest] = piped.stdout.split('\n').filter(Boolean);
    expect(header).toMatch(/^号码\s+评分\s+等级\s+理由$/);
    expect(JSON.parse(first!).number).toBe('4008517517');
    expect(rest).toEqual([]);
  });

  it('reads "-" from standard input for a number, a phrase or a pattern', async () => {
    const near = await cli(['near', '-', '--json', '--limit', '1'], '400-688-8888\n');
    expect(JSON.parse(near.out).results[0].number).toBe('4006888888');
    const search = await cli(['search', '-', '--segment', '4006', '--limit', '1', '--json'], '8888$\n');
    expect(JSON.parse(search.out).results[0].number).toMatch(/8888$/);
    const sounds = await cli(['sounds', '-', '--segment', '4008', '--limit', '1', '--json'], '一路发\n');
    expect(JSON.parse(sounds.out).results[0].soundsLike.phrase).toBe('一路发');
    const twoLines = await cli(['near', '-', '--lang', 'en'], '400-688-8888\n400-688-8889\n');
    expect(twoLines).toMatchObject({ status: 2, out: '' });
    expect(twoLines.err).toContain('<number> -: expected one line on standard input, found 2.');
    expect((await cli(['near', '-'], '')).err).toContain('<number> -：标准输入是空的。');
  });

  it('says its errors in JSON when asked for JSON', async () => {
    const refused = await cli(['near', '12345', '--json', '--lang', 'en']);
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.err).error).toMatchObject({ code: 'WRONG_LENGTH', message: expect.stringContaining('12345') });
    const usage = await cli(['search', '--json', '--bogus']);
    expect(usage.status).toBe(2);
    expect(JSON.parse(usage.err).error).toEqual({ code: 'BAD_ARGUMENT', message: '没有 --bogus 这个选项' });
    const file = await cli(['inventory', 'import', join(folder('nofile'), 'missing.csv'), '--store', join(folder('store'), 'i.db'), '--json']);
    expect(JSON.parse(file.err).error.code).toBe('ENOENT');
  });

  it('streams score - as NDJSON, one line per input as it is read', async () => {
    const child = spawn(process.execPath, [CLI, 'score', '--jsonl', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stdin.write('400-851-7517\n');
    // The first answer comes while standard input is still open: nothing waits for the end of the list.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(JSON.parse(out.split('\n')[0]!)).toMatchObject({ input: '400-851-7517', number: '4008517517' });
    child.stdin.end('12345\n');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual(['400-851-7517', '12345']);
    expect(lines[1].error.code).toBe('WRONG_LENGTH');
  });

  it('keeps memory flat however many numbers score - reads', () => {
    const peak = (count: number) => {
      const file = join(folder('many'), 'numbers.txt');
      writeFileSync(file, Array.from({ length: count }, (_, i) => `400${String(6_000_000 + ((i * 7919) % 4_000_000)).padStart(7, '0')}`).join('\n'));
      // GNU time reports the command's peak resident memory in KB. The heap is capped so that V8 collects as it goes
      // rather than growing because it may: what is left is what the command keeps, and keeping every row dies here.
      const r = spawnSync('sh', ['-c', `/usr/bin/time -f %M node --max-old-space-size=48 ${CLI} score --jsonl - < ${file} | wc -l`], { encoding: 'utf8' });
      expect(Number(r.stdout.trim())).toBe(count);
      return Number(r.stderr.trim());
    };
    const small = peak(2_000);
    const large = peak(200_000);
    // A hundred times the input, well under twice the memory (all the rows held would be ~1 GB).
    expect(large).toBeLessThan(small * 2);
  });

  it('fits tables to the terminal and gives them header rows', async () => {
    const wide = spawnSync(process.execPath, [CLI, 'search', '%520%', '--segment', '4006', '--limit', '5', '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
    const narrow = spawnSync(process.execPath, [CLI, 'search', '%520%', '--segment', '4006', '--limit', '5', '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '50' } });
    const [header, ...rows] = narrow.stdout.trim().split('\n');
    expect(header).toMatch(/^number\s+score\s+tier\s+reasons$/);
    for (const row of rows.filter((r) => r.startsWith('400-'))) expect(row.length).toBeLessThanOrEqual(50);
    expect(narrow.stdout).toContain('…');
    expect(Math.max(...wide.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(50);
    // Chinese takes two columns a character: the table measures by width, not by characters.
    const zh = spawnSync(process.execPath, [CLI, 'near', '400-688-8888', '--limit', '3'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '40' } });
    expect(zh.stdout.split('\n')[0]).toMatch(/^号码\s+评分\s+等级\s+差别$/);
  });

  it('takes settings from the environment and the configuration file, flags first', async () => {
    const dir = folder('config');
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ lang: 'en', profile: 'traditional' }));
    const env = { ...process.env, VANITY400_CONFIG: config };
    const fromFile = JSON.parse((await run(process.execPath, [CLI, 'score', '--json', '4006141414'], { env })).stdout)[0];
    const seed = JSON.parse((await run(process.execPath, [CLI, 'score', '--json', '--profile', 'seed', '4006141414'], { env })).stdout)[0];
    expect(fromFile.score).toBeLessThan(seed.score); // traditional punishes the 4s
    const byEnv = await run(process.execPath, [CLI, 'score', '4006141414'], { env: { ...env, VANITY400_LANG: 'zh' } });
    expect(byEnv.stdout).toMatch(/^号码/);
    expect((await run(process.execPath, [CLI, 'score', '4006141414'], { env })).stdout).toMatch(/^number/);
    writeFileSync(config, '{"lang": "fr"}');
    const broken = await run(process.execPath, [CLI, 'score', '4006141414'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(broken).toMatchObject({ code: 2, stderr: expect.stringContaining('lang') });
    const device = await run(process.execPath, [CLI, 'score', '4006141414'], { env: { ...env, VANITY400_CONFIG: '/dev/zero' } }).catch((e: { code: number; stderr: string }) => e);
    expect(device).toMatchObject({ code: 2, stderr: 'vanity400: 配置文件 /dev/zero：超过 64 KB，不像是设置文件。\n' });
    expect((await run(process.execPath, [CLI, '--version'], { env })).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the pool cache', () => {
  it('is filled once by many processes at the same time, and each reads a whole pool', async () => {
    const cache = folder('cache');
    const env = { ...process.env, VANITY400_CACHE: cache };
    const runs = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, [CLI, 'search', 'AABB$', '--segment', '4006', '--limit', '3', '--json'], { env })),
    );
    const pages = runs.map((r) => JSON.parse(r.stdout).results.map((n: { number: string }) => n.number));
    for (const page of pages) expect(page).toEqual(pages[0]);
    const files = readdirSync(cache, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.pool'))).toEqual([expect.stringMatching(/4006\.pool$/)]);
    expect(files.some((f) => /\.tmp/.test(f))).toBe(false);
    // A damaged copy is scored again and replaced, not trusted.
    const pool = join(cache, files.find((f) => f.endsWith('.pool'))!);
    writeFileSync(pool, 'not a pool');
    const again = await run(process.execPath, [CLI, 'search', 'AABB$', '--segment', '4006', '--limit', '3', '--json'], { env });
    expect(JSON.parse(again.stdout).results.map((n: { number: string }) => n.number)).toEqual(pages[0]);
  });
});
