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
    for (const line of lines) expect(line).toMatch(/含 (1987|87|518)（(公司成立年份 1987|成立年份 1987 的后两位|门牌号 518)）/);
  });

  it('bad phrases and empty profiles are usage errors', async () => {
    expect(await cli(['sounds', 'hello!!'])).toMatchObject({ status: 2, out: '', err: 'vanity400: “hello!!”里的“l”（第 3 个字符）既不是汉字也不是拼音\n' });
    expect(await cli(['sounds', 'hello!!', '--lang', 'en'])).toMatchObject({ status: 2, out: '', err: expect.stringContaining('position 2') });
    expect(await cli(['suggest'])).toMatchObject({ status: 2, err: expect.stringContaining('推荐号码：没有可以参考的信息') });
    expect(await cli(['suggest', '--lang', 'en'])).toMatchObject({ status: 2, err: expect.stringContaining('nothing to go on') });
    expect(await cli(['suggest', '--founded', 'soon'])).toMatchObject({ status: 2, err: expect.stringContaining('company.founded') });
  });
});
