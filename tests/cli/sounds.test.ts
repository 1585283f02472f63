import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';


describe('vanity400 sounds and suggest', () => {
  it('sounds prints numbers that say the phrase, in the search JSON shape', async () => {
    const { status, out } = await cli(['sounds', 'yi lu you wo', '--segment', '4006', '--limit', '3', '--json']);
    expect(status).toBe(0);
    const page = JSON.parse(out);
    expect(page.next).toBeNull();
    expect(page.results).toHaveLength(3);
    for (const r of page.results) expect(r.number).toContain(r.soundsLike.digits);
    expect(page.results[0].soundsLike.digits).toBe('1615');
  });

  it('suggest prints reasons that name the facts given', async () => {
    const { status, out } = await cli(['suggest', '--founded', '1987', '--door', '518', '--segment', '4008', '--limit', '4']);
    expect(status).toBe(0);
    const [header, ...lines] = out.trim().split('\n');
    expect(header).toMatch(/^号码\s+评分\s+等级\s+理由$/);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/(尾号|含) (1987，正好是公司成立的年份|87，正好对上公司 1987 年成立|518，正好是公司的门牌号|\d+：(518 是公司的门牌号|1987 是公司成立的年份|87 对上公司 1987 年成立)，(87 对上公司 1987 年成立|518 是公司的门牌号))/);
  });

  it('sounds says when no digits sound like the phrase, and what else to try', async () => {
    const { status, out } = await cli(['sounds', '顺顺利利', '--segment', '4006']);
    expect(status).toBe(0);
    expect(out.split('\n')[0]).toBe('没有读音相符的号码：“顺顺利利”找不到读音贴切的数字。');
    expect(out).toMatch(/可以按寓意“顺利”找/);
  });

  it('suggest prints what it left out before the table, and never an empty answer', async () => {
    const { status, out } = await cli(['suggest', '--name', '海底捞', '--founded', '1994', '--avoid', '4', '--segment', '4006', '--limit', '5']);
    expect(status).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('成立年份 1994 含 4，已按要求避开。');
    expect(lines.filter((l) => /^400-/.test(l))).toHaveLength(5);
  });

  it('bad phrases and empty profiles are usage errors', async () => {
    expect(await cli(['sounds', 'hello!!'])).toMatchObject({ status: 2, out: '', err: 'vanity400: “hello!!”里的“l”（第 3 个字符）既不是汉字也不是拼音\n' });
    expect(await cli(['sounds', 'hello!!', '--lang', 'en'])).toMatchObject({ status: 2, out: '', err: expect.stringContaining('position 2') });
    expect(await cli(['suggest'])).toMatchObject({ status: 2, err: expect.stringContaining('推荐号码：没有可以参考的信息') });
    expect(await cli(['suggest', '--lang', 'en'])).toMatchObject({ status: 2, err: expect.stringContaining('nothing to go on') });
    expect(await cli(['suggest', '--founded', 'soon'])).toMatchObject({ status: 2, err: expect.stringContaining('company.founded') });
  });
});
