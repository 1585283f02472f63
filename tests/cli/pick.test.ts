import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentPool } from '../../src/inventory/agent-pool.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { parse } from '../../src/number/parse.js';
import type { Pool } from '../../src/pool/pool.js';
import { near } from '../../src/search/near.js';
import { search } from '../../src/search/search.js';
import { suggest } from '../../src/suggest/suggest.js';
import { tierById } from '../../src/scoring/tiers.js';
import { score } from '../../src/scoring/score.js';
import { BUDGETS, fits } from '../../src/cli/pick/budget.js';
import { CLI, KEY, ptySession } from './pty-session.js';
import { cli } from './run-cli.js';
import { beijingTime } from '../../src/calendar/working-days.js';
import type { Vanity400Error } from '../../src/errors/vanity400-error.js';

const SAMPLE = new URL('../../data/samples/inventory.csv', import.meta.url).pathname;
const PAGE = 8;
const displays = (text: string) => text.match(/400-\d{3}-\d{4}/g) ?? [];
const downs = (n: number) => KEY.down.repeat(n);

function messageOf(fails: () => unknown): string {
  try {
    fails();
  } catch (error) {
    return (error as Vanity400Error).messageIn('zh');
  }
  throw new Error('expected it to fail');
}

/** A store of its own: the sample inventory, with agent huatong holding numbers in two segments (4006 and 4008); and huatong's pool. */
async function sampleStore(): Promise<{ store: string; pool: Pool }> {
  const store = join(mkdtempSync(join(tmpdir(), 'vanity400-pick-')), 'inventory.db');
  expect((await cli(['inventory', 'import', SAMPLE, '--store', store])).status).toBe(0);
  const s = await openSqliteStore(store);
  await s.reserve({ agent: 'huatong', from: '4008-518-000', to: '4008-518-199' });
  const pool = await agentPool(s, 'huatong');
  await s.close();
  return { store, pool };
}

/** Answers a page of the list with the choice `actionIndex` places below the numbers (0: the first action). */
function action(shownNumbers: number, hasNext: boolean, actionIndex: number): string {
  return downs(shownNumbers + (hasNext ? 1 : 0) + actionIndex) + KEY.enter;
}

describe('vanity400 pick, driven through a pseudo-terminal', () => {
  it('asks the facts, shows the library\'s suggestions, narrows to the tail and by pattern, and holds the chosen number for the customer', async () => {
    const { store, pool } = await sampleStore();
    const profile = { name: '顺发物流', founded: '2008', registered: '2015年3月18日', door: '518' };
    const suggested = await suggest(profile, { pools: [pool], limit: 100, lang: 'zh', segments: ['4006'] });
    const byPattern = search([pool], { pattern: '88$', segments: ['4006'], limit: 50 }).results;
    expect(suggested.length).toBeGreaterThan(0);
    expect(byPattern.length).toBeGreaterThan(PAGE);

    const s = ptySession(['pick', '--store', store, '--agent', 'huatong']);
    await s.expect('公司名称');
    s.send(`${profile.name}${KEY.enter}`);
    await s.expect('广告语');
    s.send(KEY.enter);
    await s.expect('成立年份');
    s.send(`87${KEY.enter}`); // a bad answer is asked again, with the library's message
    await s.expect('company.founded："87" 不是年份（如 1987）');
    s.send(`${KEY.ctrlU}2008${KEY.enter}`);
    await s.expect('注册日期');
    s.send(`2015年2月30日${KEY.enter}`); // no such day
    await s.expect('company.registered："2015年2月30日" 不是日期');
    s.send(`${KEY.ctrlU}${profile.registered}${KEY.enter}`);
    await s.expect('门牌号');
    s.send(`518${KEY.enter}`);
    await s.expect('固定电话');
    s.send(KEY.enter);
    await s.expect('偏好的号段');
    await s.expect('↑/↓ 移动，空格选中或取消，回车确认');
    s.send(`${KEY.space}${KEY.enter}`); // 4006, the first offered
    await s.expect('不要的数字');
    s.send(KEY.enter);
    await s.expect('预算');
    s.send(KEY.enter); // no limit

    await s.expect('推荐号码 · ');
    const shown = displays(await s.expect('选一个号码'));
    expect(shown).toEqual(suggested.slice(0, PAGE).map((x) => x.display));

    s.send(action(shown.length, suggested.length > PAGE, 2)); // tail only
    await s.expect('推荐号码 · 只看尾号 · ');
    const atTheEnd = suggested.filter((x) => x.fact.at + x.fact.digits.length === 10);
    const tail = displays(await s.expect('选一个号码'));
    expect(tail.length).toBeGreaterThan(0);
    expect(tail).toEqual(atTheEnd.slice(0, PAGE).map((x) => x.display));

    s.send(action(tail.length, atTheEnd.length > PAGE, 0)); // by pattern, still at the end only
    await s.expect('号型？');
    s.send(`88${KEY.enter}`);
    await s.expect('号型 88 · 只看尾号 · ');
    const narrowed = displays(await s.expect('选一个号码'));
    expect(narrowed).toEqual(byPattern.slice(0, PAGE).map((r) => r.display));
    for (const d of narrowed) expect(d).toMatch(/^400-6\d\d-\d\d88$/);

    s.send(KEY.enter); // the first
    await s.expect('客户名称');
    s.send(KEY.enter); // no name: asked again
    await s.expect('客户名称应为 1-200 个字符');
    s.send(`张三${KEY.enter}`);
    await s.expect('客户电话');
    s.send(`13800138000${KEY.enter}`);
    await s.expect('保留多久？（如 30分钟、2小时、1天）');
    s.send(`明天${KEY.enter}`);
    await s.expect('保留时间“明天”看不懂');
    s.send(`${KEY.ctrlU}2小时${KEY.enter}`);
    await s.expect(`为 张三 保留 ${narrowed[0]}（2小时）？`);
    await s.expect('←/→ 或 y/n 选择，回车确认');
    await s.expect(' 否');
    expect(s.screen()).toMatch(/是 \/ \S 否/);
    const asked = Date.now();
    s.send('y');
    await s.expect('已保留');
    // Esc once the number is held stops before the order, and says the number stays held.
    await s.expect('客户每月来电大约多少分钟？');
    s.send(KEY.esc);
    expect(await s.exited).toBe(130);

    // Narrowed by pattern, the number keeps the customer's facts in its score: one score per number per session.
    const chosen = score(byPattern[0]!.number, { profile: pool.profile, company: { founded: profile.founded, registered: profile.registered, door: profile.door } });
    const summary = s.screen().slice(s.screen().lastIndexOf('已保留'));
    expect(summary).toContain(`号码：${chosen.display}`);
    expect(summary).toContain(`评分：${chosen.score.toFixed(1)} ${tierById(chosen.tier)!.zh}`);
    expect(summary).toContain('客户：张三 13800138000');
    expect(summary).toContain(`库存：${store}（代理商 huatong）`);

    const after = await openSqliteStore(store);
    const state = await after.who(chosen.number);
    await after.close();
    expect(state).toMatchObject({ agent: 'huatong', status: 'held', customer: '张三 13800138000' });
    expect(summary).toContain(`保留到：北京时间 ${beijingTime(state!.heldUntil!)}`);
    expect(summary).toContain(`已停下，没有建订单；${chosen.display} 仍为 张三 13800138000 保留到北京时间 ${beijingTime(state!.heldUntil!)}。`);
    // Every word on the screen is Chinese: the prompts' own English hints, Yes/No and "Validating..." never show.
    for (const english of ['to navigate', 'Enter:', 'Space:', 'Yes', 'No', 'Validating', 'none']) expect(s.screen(), english).not.toContain(english);
    expect(state!.heldUntil! - asked).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(state!.heldUntil! - asked).toBeLessThan(2 * 3_600_000 + 300_000);
  });

  it('with no facts shows the best numbers in the budget, drops 4 on request, finds numbers near one, and Esc cancels', async () => {
    const { store, pool } = await sampleStore();
    const premium = BUDGETS.find((b) => b.id === 'premium')!;
    const s = ptySession(['pick', '--store', store, '--agent', 'huatong']);
    for (const question of ['公司名称', '广告语', '成立年份', '注册日期', '门牌号', '固定电话', '偏好的号段', '不要的数字']) {
      await s.expect(question);
      s.send(KEY.enter);
    }
    await s.expect('预算');
    s.send(downs(BUDGETS.indexOf(premium)) + KEY.enter);

    await s.expect('最好的号码 · ');
    const best = displays(await s.expect('选一个号码'));
    expect(best).toHaveLength(PAGE);
    const inBudget = search([pool], { limit: 200 }).results.filter((r) => fits(premium, r.number, r.tier));
    expect(best).toEqual(inBudget.slice(0, PAGE).map((r) => r.display));

    s.send(action(PAGE, true, 1)); // no 4
    await s.expect('最好的号码 · 不要 4 · ');
    const noFour = displays(await s.expect('选一个号码'));
    expect(noFour.length).toBeGreaterThan(0);
    for (const d of noFour) expect(parse(d).digits.slice(3)).not.toContain('4');

    s.send(action(noFour.length, true, 3)); // near a number
    await s.expect('想要的号码');
    s.send(`4006-123-45${KEY.enter}`);
    await s.expect(messageOf(() => parse('4006-123-45')));
    s.send(`${KEY.ctrlU}4006-123-456${KEY.enter}`);
    await s.expect('接近 400-612-3456 的号码 · 不要 4 · ');
    const close = displays(await s.expect('选一个号码'));
    const expected = near([pool], '4006123456', { maxDistance: 2, swaps: true, limit: 200 })
      .filter((r) => !r.number.slice(3).includes('4') && fits(premium, r.number, r.tier))
      .slice(0, PAGE);
    expect(close).toEqual(expected.map((r) => r.display));

    s.send(KEY.esc);
    expect(await s.exited).toBe(130);
    expect(s.screen()).toContain('已取消，没有保留任何号码。');
  });

  it('Ctrl-C cancels cleanly: status 130, a message, no stack, nothing held', async () => {
    const { store } = await sampleStore();
    const s = ptySession(['pick', '--store', store, '--agent', 'huatong', '--lang', 'en']);
    await s.expect("Company's name?");
    s.send(`ACME${KEY.ctrlC}`);
    expect(await s.exited).toBe(130);
    expect(s.screen()).toContain('Cancelled: nothing was held.');
    expect(s.screen()).not.toMatch(/\n\s+at |Error/);
    const after = await openSqliteStore(store);
    const held = await after.list('huatong', 'held');
    await after.close();
    expect(held.map((n) => n.number)).toEqual(['4006888888']); // the sample's own hold only
  });

  it('asks which agent when the store has several and --agent is not given', async () => {
    const { store } = await sampleStore();
    const s = ptySession(['pick', '--store', store]);
    await s.expect('为哪家代理商选号');
    s.send(downs(2) + KEY.enter); // agents by id: haoyun, huatong, jiexun, xinda
    await s.expect('代理商 jiexun');
    await s.expect('公司名称');
    s.send(KEY.ctrlC);
    expect(await s.exited).toBe(130);
  });
  it('says so when the store has no agents to sell for', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'vanity400-pick-')), 'empty.db');
    await (await openSqliteStore(empty)).close();
    const s = ptySession(['pick', '--store', empty, '--lang', 'en']);
    await s.expect(`The store ${empty} has no agents`);
    expect(await s.exited).toBe(2);
  });
});

describe('vanity400 pick without a terminal', () => {
  it('names the commands that do the same, and exits 2', () => {
    const store = join(tmpdir(), 'inventory.db');
    const run = spawnSync(process.execPath, [CLI, 'pick', '--store', store, '--agent', 'huatong'], { input: '', encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const command of ['vanity400 suggest --name', 'vanity400 search', 'vanity400 near', 'vanity400 inventory hold', '--agent huatong', `--store ${store}`, '--avoid 4', '--tier', 'vanity400 quote', 'vanity400 open-date', 'vanity400 documents', 'vanity400 order create']) {
      expect(run.stderr).toContain(command);
    }
  });

  it('refuses in-process too, where the streams are not a terminal', async () => {
    const run = await cli(['pick', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.err).toContain('needs a terminal');
  });

  it('refuses a bad --lang or --profile as a usage error', async () => {
    expect(await cli(['pick', '--lang', 'fr'])).toMatchObject({ status: 2, err: expect.stringContaining('--lang "fr"：应为 zh 或 en') });
    expect(await cli(['pick', '--profile', 'lucky'])).toMatchObject({ status: 2, err: expect.stringContaining('lucky') });
  });
});
