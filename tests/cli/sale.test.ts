import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';
import { companyLicence } from '../inventory/helpers.js';

const CODE = companyLicence(7);
const ID = '11010519491231002X';

describe('vanity400 quote', () => {
  it('prints the ranked packages in Chinese, with the minimum spend and the caller line', async () => {
    const { status, out } = await cli(['quote', '400-666-8888', '--minutes', '2000']);
    expect(status).toBe(0);
    expect(out).toMatch(/^400-666-8888 超级靓号（特殊号码），每月 2000 分钟，最低消费 30000 元\/年/);
    expect(out).toMatch(/\n1 +年套餐 30000 元 +30000\.00/);
    expect(out).toContain('不能选的套餐：');
    expect(out).toContain('只付自己当地的市话费');
  });

  it('prints JSON that matches the library', async () => {
    const { out } = await cli(['quote', 'ordinary', '--minutes', '800', '--years', '1', '--json']);
    const q = JSON.parse(out);
    expect(q).toMatchObject({ tier: 'ordinary', minutesPerMonth: 800, minimumSpend: { perYear: 600 } });
    expect(q.packages.every((p: { package: { years: number } }) => p.package.years === 1)).toBe(true);
  });

  it("reads an agent's packages file and names the line of a bad one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-quote-'));
    const file = join(dir, 'ours.json');
    const pkg = (rate: number) => ({ id: 'ours', zh: '我们的', en: 'ours', prepay: 1000, years: 1, ratePerMinute: rate, source: 'agent-defined' });
    writeFileSync(file, JSON.stringify({ packages: [pkg(0.09)], sources: { 'agent-defined': { title: 'ours', url: null } } }, null, 2));
    const ok = await cli(['quote', 'ordinary', '--minutes', '100', '--packages', file, '--lang', 'en']);
    expect(ok.out).toMatch(/1 +ours/);
    expect(ok.out).toMatch(/⚠ The rate of 0\.09 元\/min is below the usual agent contract/);
    writeFileSync(file, JSON.stringify({ packages: [pkg(0.05)], sources: { 'agent-defined': { title: 'ours', url: null } } }, null, 2));
    const bad = await cli(['quote', 'ordinary', '--minutes', '100', '--packages', file]);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain(`${file} 第 9 行，packages[0].ratePerMinute：0.05 元/分钟低于运营商 0.06 元/分钟的结算成本`);
  });

  it('refuses bad traffic with a usage error', async () => {
    expect(await cli(['quote', 'ordinary', '--minutes', 'lots'])).toMatchObject({ status: 2, err: expect.stringContaining('--minutes') });
    expect(await cli(['quote', 'gold', '--minutes', '5'])).toMatchObject({ status: 2 });
  });
});

describe('vanity400 open-date', () => {
  it('gives the day in a sentence, and the JSON', async () => {
    const { out } = await cli(['open-date', '400-666-8888', '--paid-at', '2026-09-30']);
    expect(out).toBe('400-666-8888 超级靓号（特殊号码）：北京时间 2026-09-30 付款，从 2026-10-08 起算 7 个工作日，预计 2026-10-15 开通。\n');
    const json = JSON.parse((await cli(['open-date', 'ordinary', '--paid-at', '2026-12-07T17:30+08:00', '--json'])).out);
    expect(json).toMatchObject({ tier: 'ordinary', workingDays: 3, paidOn: '2026-12-07', date: '2026-12-10' });
  });

  it('says when it estimates, and refuses a bad time in the language asked for', async () => {
    expect((await cli(['open-date', 'ordinary', '--paid-at', '2026-12-30', '--lang', 'en'])).out).toMatch(/2027 public holidays are not announced yet/);
    const bad = await cli(['open-date', 'ordinary', '--paid-at', 'tomorrow', '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/paidAt: date "tomorrow" is not valid/);
  });
});

describe('vanity400 documents', () => {
  it('lists what to hand in with why, the ID read from stdin and shown masked', async () => {
    const { status, out } = await cli(
      ['documents', '--company', '深圳顺发物流有限公司', '--credit-code', CODE, '--held', '1', '--landing', '0755-88881234', '--id-number', '-', '--provided', 'business-licence,handler-id'],
      `${ID}\n`,
    );
    expect(status).toBe(0);
    expect(out).toContain('✓ 营业执照复印件');
    expect(out).toContain('✓ 经办人身份证复印件');
    expect(out).toContain('✗ 多号用途证明');
    expect(out).toContain('110***********002X');
    expect(out).not.toContain(ID);
    expect(out).toMatch(/还缺 2 项：多号用途证明（加盖公章）、落地号码实名声明。/);
  });

  it('names the bad field', async () => {
    const bad = await cli(['documents', '--company', 'x', '--credit-code', `${CODE.slice(0, 17)}0`, '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/company\.creditCode .* the check character should be/);
    const id = await cli(['documents', '--company', 'x', '--credit-code', CODE, '--id-number', '110105194912310021']);
    expect(id.err).toMatch(/handler\.idNumber（110\*+0021）/);
    expect(id.err).not.toContain('110105194912310021');
  });
});
