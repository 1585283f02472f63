import { describe, expect, it } from 'vitest';
import { explain } from '../../src/scoring/explain.js';

/** What a salesperson says of shapes and readings that need the right words. */
describe('the words of a reason', () => {
  const reasons = (n: string, profile = 'seed') => explain(n, { profile }).reasons;

  it('tells a reading inside a shape as its part, once: 尾号 5588：AABB 型，带 588', () => {
    expect(reasons('4006475588')).toEqual(['尾号 5588：AABB 型，带 588 谐音“我发发”']);
    expect(reasons('4008764114')[0]).toBe('尾号 4114：ABBA 型，与查号台 114 相同');
  });

  it('names a six-digit class by the letters its digits have', () => {
    expect(reasons('4008858858')[0]).toMatch(/^后六位 858858：两组 858/);
    expect(reasons('4008006600')[0]).toBe('后六位 006600：AABBAA 型');
    expect(reasons('4008517517')[0]).toMatch(/^后六位 517517：ABCABC 型/);
  });

  it('names three then four by its letters, and ranks it between five and six of a kind', () => {
    expect(reasons('4006668888')[0]).toBe('后七位 6668888：AAABBBB 型');
    const s = (n: string) => explain(n).score;
    expect(s('4006668888')).toBeGreaterThan(s('4006088888'));
    expect(s('4006668888')).toBeLessThan(s('4006888888'));
  });

  it('sells nothing on the digits of a taboo reading: 250250 is two 二百五, not an ABCABC', () => {
    const e = explain('4006250250');
    expect(e.reasons).toEqual(['注意：后六位 250250 含两个 250，谐音“二百五”，像骂人']);
    expect(e.summary).not.toContain('ABCABC');
    expect(explain('4006250666').reasons).toContain('尾号 666：豹子');
  });

  it('says a curse sounds like one, and the same taboo twice once', () => {
    expect(explain('4006250250').reasons).toContain('注意：后六位 250250 含两个 250，谐音“二百五”，像骂人');
    expect(explain('4006250250').reasons.filter((r) => r.includes('二百五'))).toHaveLength(1);
    expect(reasons('4006837456', 'traditional')).toContain('注意：尾号 7456 谐音“气死我了”，不吉利');
    expect(explain('4006250250', { lang: 'en' }).reasons.at(-1)).toBe('Note: ends in 250250 (250 twice) sounds like 二百五 ("a fool (二百五)"); sounds like an insult');
  });

  it('says where a run from the segment digit is: 号头 400-88888', () => {
    expect(reasons('4008888812')[0]).toBe('号头 400-88888：五连号');
  });

  it('hears 114 only at the end, and no 4 in a clever combination', () => {
    expect(reasons('4008161144')).toEqual(['尾号 1144：AABB 型']);
    expect(explain('4008161144').tips).toEqual(['提示：尾号 1144 里的 14 有的客户会听成“要死”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，谐音“发”']);
    expect(explain('4008308844').tips).toEqual(['提示：尾号 8844 含 4，按简谱 4 读 fa，谐音“发”；有的客户忌讳 4，介绍前先问一句']);
    expect(explain('4008163355').tips).toEqual([]);
    expect(reasons('4006121514').join()).not.toContain('顺口');
    expect(reasons('4006271511')).toEqual(['尾号 1511：顺口好记']);
  });

  it('tells a feared reading that shares its 4 with a run of 4s once, over the whole span (9144: 914 and 44)', () => {
    expect(explain('4006129144').tips).toEqual(['提示：尾号 9144 里的 914 有的客户会听成“就要死”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，9144 可读作“就要发发”']);
    // Apart, the run keeps its own tip.
    expect(explain('4006914888').tips).toEqual(['提示：中间 914 有的客户会听成“就要死”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，可读作“就要发”']);
    expect(explain('4006884144').tips).toEqual(['提示：按简谱 4 读 fa，尾号 44 可读作“发发”；有的客户忌讳 4，介绍前先问一句']);
  });

  it('warns of 74 and 14 too, from the segment digit on, and tells a name without its digits after them', () => {
    expect(explain('4007424168').tips).toEqual(['提示：号头 400-74 有的客户会听成“气死”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，谐音“发”']);
    expect(explain('4006666741').tips).toEqual(['提示：尾号 6741 里的 74 有的客户会听成“气死”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，谐音“发”']);
    expect(reasons('4001942724')).toEqual(['后五位 42724：ABCBA 对称，带 724，寓意 7×24 小时服务，好记']);
    expect(reasons('4006880214')).toEqual(['尾号 214：2 月 14 日情人节，好记，适合婚庆、鲜花、礼品行业']);
  });

  it('does not volunteer 1989 as a year, though a customer founded then still hears it', () => {
    expect(reasons('4006198928').join()).not.toContain('1989');
    expect(explain('4006198928', { company: { founded: 1989 } }).reasons.join()).toContain('1989');
  });

  it('gives no 4 tip where a told reading voices the 4 (3344 生生世世), nor on a straight', () => {
    expect(explain('4008933344').tips).toEqual([]);
    expect(explain('4001234567').tips).toEqual([]);
  });
});
