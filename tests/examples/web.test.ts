/**
 * The demo page in examples/web, as a visitor uses it: built with Vite, served on 127.0.0.1, driven in
 * Debian's Chromium. The numbers it shows must be the library's own answers to the same queries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, servePage } from '../../examples/web/serve.mjs';
import { createPool, findingSentence, poolFromSnapshot, search, searchSounds, tierById, type Pool } from '../../src/index.js';
import { caught } from '../phonetics/caught.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const NO_CHROMIUM = `The demo page's browser test needs Chromium at ${CHROMIUM}: apt-get install chromium`;
const haveChromium = existsSync(CHROMIUM);

describe('the demo page source', () => {
  it('type-checks against the built package, with the DOM types', () => {
    const tsc = spawnSync('npx', ['tsc', '-p', 'examples/web/tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

if (!haveChromium) {
  if (process.env.CI) {
    describe('the demo page in Chromium', () => {
      it('needs Chromium', () => {
        throw new Error(NO_CHROMIUM);
      });
    });
  } else {
    console.warn(`Skipping the demo page's browser test. ${NO_CHROMIUM}`);
  }
}

describe.skipIf(!haveChromium)('the demo page in Chromium', () => {
  const pools = new Map<string, Pool>();
  const pool = (segment: string): Pool => {
    if (!pools.has(segment)) pools.set(segment, createPool({ segment }));
    return pools.get(segment)!;
  };
  let outDir = '';
  let served: { url: string; close: () => Promise<void> } | null = null;
  let browser: Browser | null = null;
  let page: Page;
  /** Uncaught errors and errors the page logs: there must be none (the browser's own line for a failed fetch aside). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'vanity400-web-'));
    served = await servePage(outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    await page.goto(served.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
  });

  /** Runs the form's search and waits until the page has its answer (results or an error). */
  async function submit(): Promise<void> {
    await page.click('#go');
    await page.locator('#results:not([data-state="loading"])').waitFor();
  }

  async function shownNumbers(): Promise<(string | null)[]> {
    return Promise.all((await page.locator('#results tbody tr').all()).map((row) => row.getAttribute('data-number')));
  }

  it('a pattern search shows the library’s first page with scores, tiers and reasons, and the next page by its cursor', async () => {
    await page.selectOption('#segment', '4006');
    await page.check('input[name="mode"][value="pattern"]');
    await page.fill('#q', 'AABB$');
    await page.check('#no4');
    await submit();
    const first = search(pool('4006'), { pattern: 'AABB$', exclude: '4', limit: 20 });
    expect(first.results).toHaveLength(20);
    expect(await page.getAttribute('#results', 'data-state')).toBe('done');
    expect(await shownNumbers()).toEqual(first.results.map((r) => r.number));

    const top = first.results[0]!;
    const row = page.locator('#results tbody tr').first();
    expect(await row.locator('td.number').textContent()).toBe(top.display);
    expect(await row.locator('td.score').textContent()).toBe(top.score.toFixed(1));
    expect(await row.locator('.tier').textContent()).toBe(tierById(top.tier)!.zh);
    expect(await row.locator('.reasons li').allTextContents()).toEqual(top.findings!.map((f) => findingSentence(f, 'zh')));
    expect(page.url()).toContain('q=AABB%24');

    expect(await page.isDisabled('#prev')).toBe(true);
    await page.click('#next');
    await page.locator('#results[data-page="2"][data-state="done"]').waitFor();
    const second = search(pool('4006'), { pattern: 'AABB$', exclude: '4', limit: 20, cursor: first.next! });
    expect(await shownNumbers()).toEqual(second.results.map((r) => r.number));
    expect(await page.isDisabled('#prev')).toBe(false);
  });

  it('a minimum score the library refuses shows its message, and a good query afterwards clears it', async () => {
    await page.fill('#min', '150');
    await submit();
    const error = caught(() => search(pool('4006'), { pattern: 'AABB$', exclude: '4', minScore: 150 }));
    expect(await page.textContent('#error')).toContain(error.message);
    await page.fill('#min', '90');
    await submit();
    expect(await page.isHidden('#error')).toBe(true);
    const answer = search(pool('4006'), { pattern: 'AABB$', exclude: '4', minScore: 90, limit: 20 });
    expect(await shownNumbers()).toEqual(answer.results.map((r) => r.number));
    await page.fill('#min', '');
    await page.uncheck('#no4');
  });

  it('a phrase search shows searchSounds’ answer, with what the number sounds like', async () => {
    await page.selectOption('#segment', '4008');
    await page.check('input[name="mode"][value="sounds"]');
    await page.fill('#q', '一路有我');
    await submit();
    const answer = await searchSounds(pool('4008'), { sounds: '一路有我', limit: 20 });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(await page.getAttribute('#results', 'data-state')).toBe('done');
    expect(await shownNumbers()).toEqual(answer.results.map((r) => r.number));
    const top = answer.results[0]!;
    const row = page.locator('#results tbody tr').first();
    expect(await row.locator('.match').textContent()).toBe(`像“一路有我”（${top.soundsLike.digits}，吻合 ${Math.round(top.soundsLike.quality * 100)}%）`);
    expect(await row.locator('.reasons li').allTextContents()).toEqual(top.findings!.map((f) => findingSentence(f, 'zh')));

    await page.click('#next');
    await page.locator('#results[data-page="2"][data-state="done"]').waitFor();
    const longer = await searchSounds(pool('4008'), { sounds: '一路有我', limit: 40 });
    expect(await shownNumbers()).toEqual(longer.results.slice(20).map((r) => r.number));

    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.click('#prev');
    await page.locator('#results[data-page="1"][data-state="done"]').waitFor();
    await page.screenshot({ path: join(ROOT, 'test-artifacts/web-demo.png'), fullPage: true });
  });

  it('typed pinyin finds the same numbers as the library', async () => {
    await page.fill('#q', 'yilufa');
    await submit();
    const answer = await searchSounds(pool('4008'), { sounds: 'yilufa', limit: 20 });
    expect(await shownNumbers()).toEqual(answer.results.map((r) => r.number));
  });

  it('a malformed pattern or phrase shows the library’s error in the page, not a blank page', async () => {
    await page.fill('#q', 'hello!');
    await submit();
    const phraseError = await searchSounds(pool('4008'), { sounds: 'hello!' }).then(
      () => null,
      (error: Error) => error,
    );
    expect(phraseError).not.toBeNull();
    expect(await page.textContent('#error')).toContain(phraseError!.message);

    await page.check('input[name="mode"][value="pattern"]');
    await page.fill('#q', '88[8');
    await submit();
    const error = caught(() => search(pool('4008'), { pattern: '88[8' }));
    expect(error.code).toBe('BAD_PATTERN');
    expect(await page.getAttribute('#results', 'data-state')).toBe('error');
    expect(await page.textContent('#error')).toBe(`${error.code} ${error.message}`);
    expect(await page.locator('#results tbody tr').count()).toBe(0);
    expect(await page.isVisible('#query')).toBe(true);
  });

  it('the English toggle shows tiers and reasons in English', async () => {
    await page.fill('#q', '8888$');
    await submit();
    await page.click('#lang');
    const top = search(pool('4008'), { pattern: '8888$', limit: 20 }).results[0]!;
    const row = page.locator('#results tbody tr').first();
    expect(await page.textContent('th:first-child')).toBe('Number');
    expect(await row.locator('.tier').textContent()).toBe(tierById(top.tier)!.en);
    expect(await row.locator('.reasons li').allTextContents()).toEqual(top.findings!.map((f) => findingSentence(f, 'en')));
    expect(page.url()).toContain('lang=en');
  });

  it('shows that a segment is loading, and a snapshot that fails or is damaged as an error; the next search fetches it again', async () => {
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/snapshots/4001.bin', async (route) => {
      await held;
      await route.continue();
    }, { times: 1 });
    await page.goto(`${served!.url}?seg=4001&mode=pattern&q=${encodeURIComponent('8888$')}`);
    await page.locator('#results[data-state="loading"]').waitFor();
    expect(await page.textContent('#status')).toBe('正在载入 4001 号段…');
    release();
    await page.locator('#results[data-state="done"]').waitFor();
    expect(await shownNumbers()).toEqual(search(pool('4001'), { pattern: '8888$', limit: 20 }).results.map((r) => r.number));

    const damaged = new TextEncoder().encode('not a snapshot');
    await page.route('**/snapshots/4007.bin', (route) => route.fulfill({ status: 200, body: Buffer.from(damaged) }), { times: 1 });
    await page.route('**/snapshots/4007.bin', (route) => route.fulfill({ status: 404, body: '' }), { times: 1 });
    await page.goto(`${served!.url}?seg=4007&mode=pattern&q=${encodeURIComponent('8888$')}`);
    await page.locator('#results:not([data-state="loading"])').waitFor();
    expect(await page.getAttribute('#results', 'data-state')).toBe('error');
    expect(await page.textContent('#error')).toBe('号段 4007 的数据载入失败（HTTP 404）');
    await submit();
    const error = caught(() => poolFromSnapshot(damaged.buffer));
    expect(await page.textContent('#error')).toBe(`${error.code} ${error.message}`);
    await submit();
    expect(await page.isHidden('#error')).toBe(true);
    expect(await shownNumbers()).toEqual(search(pool('4007'), { pattern: '8888$', limit: 20 }).results.map((r) => r.number));
  });

  it('a link with the query runs the search on load', async () => {
    await page.goto(`${served!.url}?seg=4009&mode=pattern&q=${encodeURIComponent('[689][689][689]$')}`);
    await page.locator('#results[data-state="done"]').waitFor();
    const answer = search(pool('4009'), { pattern: '[689][689][689]$', limit: 20 });
    expect(await shownNumbers()).toEqual(answer.results.map((r) => r.number));
    expect(pageErrors).toEqual([]);
  });
});
