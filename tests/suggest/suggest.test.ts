import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { suggest, suggestPage } from '../../src/suggest/suggest.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';
import { score } from '../../src/scoring/score.js';
import { search } from '../../src/search/search.js';
import { near } from '../../src/search/near.js';
import { searchSounds } from '../../src/search/sounds.js';

const pools = [createPool({ segment: '4006' }), createPool({ segment: '4008' })];
const company = (p: object) => Object.fromEntries(Object.entries(p).filter(([k]) => ['founded', 'registered', 'door', 'landline', 'digits'].includes(k)));

describe('suggest', () => {
  it('finds numbers that carry the company facts, and says which and where', async () => {
    const results = await suggest({ founded: 1987, door: '518', landline: '020-83951688' }, { pools, limit: 12 });
    expect(results).toHaveLength(12);
    for (const r of results.filter((x) => x.fact.kind !== 'vanity')) {
      expect(r.number.slice(r.fact.at, r.fact.at + r.fact.digits.length)).toBe(r.fact.digits);
      expect(r.reasons[0]).toContain(r.fact.digits);
    }
    const founded = results.find((r) => r.fact.kind === 'founded' && r.fact.digits === '1987');
    expect(founded?.reasons[0]).toBe(`${founded!.fact.at === 6 ? '尾号' : '含'} 1987，正好是公司成立的年份`);
    expect(new Set(results.map((r) => r.fact.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it('finds facts only in the six digits after the segment digit, two digits only where they end the number', async () => {
    const results = await suggest({ founded: 2000, door: '40', registered: '2001-04-06' }, { pools, limit: 40 });
    expect(results.filter((r) => r.fact.kind !== 'vanity').length).toBeGreaterThan(5);
    for (const r of results.filter((x) => x.fact.kind !== 'vanity')) {
      expect(r.fact.at).toBeGreaterThanOrEqual(4);
      if (r.fact.digits.length === 2) expect(r.fact.at).toBe(8);
    }
  });

  it('ranks a four-digit year above its last two digits unless those end the number', async () => {
    const results = await suggest({ founded: 1994 }, { pools, limit: 20 });
    const full = results.filter((r) => r.fact.digits === '1994');
    const short = results.filter((r) => r.fact.digits === '94');
    expect(full.length).toBeGreaterThan(0);
    for (const s of short) expect(s.fact.at).toBe(8);
    const firstShort = results.findIndex((r) => r.fact.digits === '94');
    const lastFullInside = results.map((r, i) => (r.fact.digits === '1994' ? i : -1)).filter((i) => i >= 0);
    expect(Math.min(...lastFullInside)).toBeLessThan(firstShort === -1 ? Infinity : firstShort);
  });

  it('keeps the page varied after filling: ≥80% distinct last fours, at most two numbers per digit string', async () => {
    for (const profile of [{ founded: 1999, door: '88', registered: '2015-03-18' }, { name: '顺丰速运', founded: 1993 }, { name: '一路发物流', founded: 2008, door: '168' }, { name: '百度', founded: 2000 }]) {
      const results = await suggest(profile, { pools: pools.slice(0, 1), limit: 20 });
      expect(results).toHaveLength(20);
      expect(new Set(results.map((r) => r.number.slice(6))).size).toBeGreaterThanOrEqual(16);
      const counts = new Map<string, number>();
      for (const r of results) counts.set(r.fact.digits, (counts.get(r.fact.digits) ?? 0) + 1);
      expect(Math.max(...counts.values()), JSON.stringify(profile)).toBeLessThanOrEqual(2);
    }
  });

  it('says each fact as a salesperson does: the year, the day, the door and the landline in words', async () => {
    const results = await suggest({ founded: 2008, registered: '2015-03-18', door: '518', landline: '021-95500' }, { pools, limit: 40 });
    const said = new Map(results.filter((r) => !r.fact.parts).map((r) => [r.fact.digits, r.reasons[0]!.replace(/^(尾号|含) \d+，/, '')]));
    expect(said.get('2008')).toBe('正好是公司成立的年份');
    expect(said.get('08')).toBe('正好对上公司 2008 年成立');
    expect(said.get('0318')).toBe('正好是公司的注册日 3月18日');
    expect(said.get('518')).toBe('正好是公司的门牌号');
    expect(said.get('95500')).toBe('正好和公司固话 021-95500 的后五位一样');
  });

  it('puts two facts side by side, a two-digit one only where it ends the number', async () => {
    const results = await suggest({ founded: 2008, door: '518', name: '一生一世婚纱' }, { pools: pools.slice(0, 1), limit: 30 });
    const paired = results.filter((r) => r.fact.parts);
    expect(paired.length).toBeGreaterThan(0);
    for (const r of paired) {
      const [a, b] = r.fact.parts!;
      expect(a!.digits + b!.digits).toBe(r.fact.digits);
      expect(r.number.slice(a!.at, a!.at + a!.digits.length)).toBe(a!.digits);
      expect(b!.at).toBe(a!.at + a!.digits.length);
      expect(a!.kind).not.toBe(b!.kind);
      expect(a!.digits.length, 'two digits first fall together by chance').toBeGreaterThan(2);
      if (b!.digits.length === 2) expect(b!.at + b!.digits.length).toBe(10);
    }
    const door = paired.find((r) => r.fact.digits === '51808');
    expect(door?.reasons[0]).toBe('尾号 51808：518 是公司的门牌号，08 对上公司 2008 年成立');
    expect(door?.fact.parts).toEqual([{ kind: 'door', digits: '518', at: 5 }, { kind: 'founded', digits: '08', at: 8 }]);
    expect(paired.some((r) => /1314 谐音“一生一世”（常见说法）/.test(r.reasons[0]!) && /对上公司 2008 年成立|是公司成立的年份/.test(r.reasons[0]!))).toBe(true);
  });

  it("never gives two digits of a fact inside the number as a reason, nor a date the way a form writes it", async () => {
    const results = await suggest({ founded: 2017, door: '66' }, { pools: pools.slice(0, 1), limit: 30 });
    let chance = 0;
    for (const r of results) {
      for (const f of r.findings.filter((x) => x.rule === 'company' && x.digits.length === 2 && x.at + 2 < 10)) {
        chance++;
        for (const reason of r.reasons) expect(reason, r.display).not.toContain(f.label);
      }
    }
    expect(chance, 'the page has numbers whose findings hold such a chance pair').toBeGreaterThan(0);
    const page = await suggestPage({ founded: 2006, registered: '2013-04-10', avoid: '4' }, { pools, limit: 5 });
    expect(page.notes.map((n) => n.zh)).toContain('注册日期 2013年4月10日 含 4，已按要求避开');
  });

  it('says which facts cannot be put in a number, and which no number of the pool carries', async () => {
    const short = await suggestPage({ door: '8', founded: 1999 }, { pools, limit: 5 });
    expect(short.notes.map((n) => n.zh)).toContain('门牌号 8 只有一位，放进号码里看不出来，没有按它挑');
    const long = await suggestPage({ door: '1234567', founded: 1999 }, { pools, limit: 5, lang: 'en' });
    expect(long.notes.map((n) => n.zh)).toContain('门牌号 1234567 有 7 位，选号的六位数字放不下，没有按它挑');
    const few = createPool({ numbers: ['4006881999', '4006668888', '4006123518', '4008889999'] });
    const page = await suggestPage({ founded: 1999, door: '2468' }, { pools: [few], limit: 4 });
    expect(page.notes.map((n) => n.zh)).toContain('没有带门牌号 2468 的可选号码');
    expect(page.notes.map((n) => n.zh)).not.toContain('没有带成立年份 1999 的可选号码');
    expect(page.results.find((r) => r.number === '4006881999')?.fact.digits).toBe('1999');
  });

  it('says how to see more of a fact than the two numbers a page gives it', async () => {
    const page = await suggestPage({ name: '顺丰速运', founded: 1993 }, { pools: pools.slice(0, 1), limit: 20 });
    expect(page.results.filter((r) => r.fact.digits === '1993')).toHaveLength(2);
    expect(page.notes.find((n) => n.kind === 'more')?.zh).toBe('同一组数字只放两个号码；还想看带 1993 的，可以直接按 1993 搜');
  });

  it('gives two companies whose facts differ different lists', async () => {
    const a = await suggest({ name: '长城宽带', founded: 2000 }, { pools, limit: 20 });
    const b = await suggest({ name: '百度', founded: 2000 }, { pools, limit: 20 });
    const shared = a.filter((r) => b.some((s) => s.number === r.number)).length;
    expect(shared).toBeLessThan(10);
  });

  it('gives good numbers from a name alone, by sound, with the words and how well they sound', async () => {
    const results = await suggest({ name: '一路有我家政' }, { pools, limit: 5 });
    expect(results).toHaveLength(5);
    expect(results[0]!.reasons[0]).toMatch(/^尾号 1615 谐音“一路有我”（常见说法）$/);
  });

  it('reads a name by its trade name, whole: never half a word, never the trade or legal form', async () => {
    const results = await suggest({ name: '深圳市一路发物流有限公司' }, { pools, limit: 20 });
    const heard = results.map((r) => /谐音“(.+?)”/.exec(r.reasons[0]!)?.[1]).filter(Boolean);
    expect(heard.length).toBeGreaterThan(0);
    for (const piece of heard) expect(piece).toBe('一路发');
  });

  it('says when no digits sound like the name, and goes on with the other facts and good numbers', async () => {
    const page = await suggestPage({ name: '顺丰速运', founded: 1993 }, { pools, limit: 10 });
    expect(page.notes.map((n) => n.zh)).toContain('“顺丰”没有读音相符的号码，改按公司的其他信息和吉利号码来挑');
    expect(page.results).toHaveLength(10);
    expect(page.results.some((r) => r.fact.kind === 'name')).toBe(false);
  });

  it('never comes back empty: a fact with an avoided digit is said to be left out, and the page is filled', async () => {
    const page = await suggestPage({ name: '海底捞', founded: 1994, avoid: '4' }, { pools, limit: 20 });
    expect(page.notes.map((n) => n.zh)).toContain('成立年份 1994 含 4，已按要求避开');
    expect(page.results).toHaveLength(20);
    for (const r of page.results) expect(r.number.slice(3)).not.toContain('4');
    const reading = await suggestPage({ name: '一生一世婚纱', avoid: '4' }, { pools, limit: 5 });
    expect(reading.notes.map((n) => n.zh)).toContain('“一生一世”读作 1314，含 4，已按要求避开');
    expect(reading.results).toHaveLength(5);
  });

  it('never gives an emergency or complaint number as a reason', async () => {
    const results = await suggest({ door: '119', landline: '0571-88112315', founded: 2010 }, { pools, limit: 30 });
    expect(results).toHaveLength(30);
    for (const r of results) {
      for (const service of ['110', '119', '120', '122', '12315', '12345']) expect(r.fact.digits).not.toContain(service);
      for (const reason of r.reasons.slice(1)) expect(reason).not.toMatch(/110|119|120|12315|12345/);
    }
  });

  it('keeps away from the digits the customer avoids', async () => {
    const results = await suggest({ name: '一路发', founded: 2014, avoid: '4' }, { pools, limit: 8 });
    expect(results).toHaveLength(8);
    for (const r of results) expect(r.number.slice(3)).not.toContain('4');
  });

  it('says why in English on request', async () => {
    const [r] = await suggest({ founded: 1987 }, { pools, limit: 1, lang: 'en' });
    expect(r!.reasons[0]).toMatch(/^(Ends in|Contains) 1987, the year the company was founded$/);
  });

  it('asks for at least one fact, and rejects bad facts clearly', async () => {
    await expect(suggest({}, { pools })).rejects.toThrow(/nothing to go on/);
    await expect(suggest({}, { pools })).rejects.toMatchObject({ code: 'BAD_QUERY' });
    await expect(suggest({ founded: 'soon' }, { pools })).rejects.toThrow(Vanity400Error);
    await expect(suggest({ founded: 1987, avoid: 'four' }, { pools })).rejects.toThrow(/avoid "four"/);
    await expect(suggest({ founded: 1987 }, { pools, limit: 0 })).rejects.toThrow(/limit 0/);
  });
});

describe('one result shape, one ranking', () => {
  it("search, near, sounds and suggest score a number exactly as score() does with the pool's options", async () => {
    const facts = { founded: 1994, door: '168' };
    const own = createPool({ segment: '4006', profile: 'traditional', company: facts });
    const options = { profile: 'traditional', company: facts };
    const suggested = await suggest({ ...facts }, { pools: [own], limit: 20 });
    const number = suggested.find((r) => r.fact.digits === '1994' && r.fact.at === 6)!.number;
    const expected = score(number, options);
    const fromSearch = search(own, { pattern: number }).results[0]!;
    const fromNear = near(own, number, { limit: 1 })[0]!;
    const fromSounds = (await searchSounds(own, { sounds: '一九九四', limit: 200 })).results.find((r) => r.number === number);
    const fromSuggest = suggested.find((r) => r.number === number);
    for (const r of [fromSearch, fromNear, fromSounds, fromSuggest]) {
      expect(r).toBeDefined();
      expect(r!.score).toBe(expected.score);
      expect(r!.tier).toBe(expected.tier);
      expect(r!.findings).toEqual(expected.findings);
    }
  });

  it("scores a customer's facts with the pool's profile", async () => {
    const traditional = createPool({ segment: '4006', profile: 'traditional' });
    const profile = { founded: 1994, name: '一路发' };
    for (const r of await suggest(profile, { pools: [traditional], limit: 20 })) {
      expect(r.score).toBe(score(r.number, { profile: 'traditional', company: company(profile) }).score);
    }
  });
});
