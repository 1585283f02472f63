import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score.js';
import { explain } from '../../src/scoring/explain.js';
import type { Finding } from '../../src/scoring/types.js';

/** The seed's examples (选号方法), each placed at the end of a number: 4006 + filler + example. */
function numberEnding(example: string, filler = '1357'): string {
  return `4006${filler}`.slice(0, 10 - example.length) + example;
}

function findingFor(number: string, digits: string, rule: string): Finding | undefined {
  return score(number).findings.find((f) => f.digits === digits && number.indexOf(digits, 3) === f.at && f.rule === rule);
}

describe('every example of the seed is found by the right rule family', () => {
  it.each([
    ['12580', '一按我帮您'],
    ['1615', '一路有我'],
  ])('homophone %s (%s)', (digits, phrase) => {
    const f = findingFor(numberEnding(digits), digits, 'homophone');
    expect(f?.label).toBe(phrase);
    expect(f!.points).toBeGreaterThan(0);
  });

  it.each(['114', '1949', '1987', '365', '8848', '5460'])('memorable %s', (digits) => {
    const number = numberEnding(digits);
    const f = score(number).findings.find((x) => x.rule === 'memorable' && x.digits === digits && x.at === 10 - digits.length);
    expect(f!.points).toBeGreaterThan(0);
  });

  it.each([
    ['5945', '五九四十五'],
    ['3721', '三七二十一'],
  ])('%s, easy to remember, is the times-table line %s', (digits, zh) => {
    expect(score(numberEnding(digits)).findings.find((x) => x.digits === digits)).toMatchObject({ rule: 'multiplication', label: zh });
  });

  it.each(['1511', '1151', '5161', '1516'])('combination %s', (digits) => {
    expect(findingFor(numberEnding(digits, '7302'), digits, 'combination')).toBeDefined();
  });

  it.each(['2510', '7749', '2612', '5630'])('multiplication %s', (digits) => {
    expect(findingFor(numberEnding(digits), digits, 'multiplication')).toBeDefined();
  });

  it.each(['6', '8', '9', '0'])('auspicious digit %s, worth more at the end, as one finding for all lucky digits', (digit) => {
    const lucky = (number: string) => score(number).findings.filter((f) => f.rule === 'auspicious');
    const [atEnd] = lucky(`400715327${digit}`);
    const [inMiddle] = lucky(`4007${digit}15327`);
    expect(atEnd).toMatchObject({ kind: 'digits', digits: digit, at: 9, label: `带 ${digit}` });
    expect(inMiddle).toMatchObject({ kind: 'digits', digits: digit, at: 4 });
    expect(atEnd!.points).toBeGreaterThan(inMiddle!.points);
    expect(lucky(`4007${digit}3${digit}75${digit}`)).toEqual([expect.objectContaining({ label: `带三个 ${digit}`, digits: digit.repeat(3) })]);
    // Told as the customer counts them: the segment digit too, the kinds seen twice or more, no 0 beside others.
    expect(lucky('4008138608')).toEqual([expect.objectContaining({ label: '带三个 8', digits: '888', at: 3 })]);
    expect(lucky('4007186203')).toEqual([expect.objectContaining({ label: '带 8、6' })]);
  });

  it('the segment digit is no lucky digit of the buyer: 4006 numbers do not all get a 6', () => {
    expect(score('4006135773').findings).toEqual([]);
    expect(score('4008135773').findings).toEqual([]);
  });

  it('4 is "fa" in the seed profile: no penalty for 4, and the answer to 1414 要死要死 is 要发要发; the traditional profile punishes it', () => {
    const n = '4006143414';
    const seed = score(n);
    const traditional = score(n, { profile: 'traditional' });
    expect(seed.findings.filter((f) => f.rule === 'taboo')).toEqual([]);
    // The answer is the salesperson's tip, never read to the customer in the summary or the reasons.
    const told = explain('4007231414');
    expect(told.tips).toEqual(['提示：尾号 1414 有的客户会听成“要死要死”，介绍前先问一句是否忌讳 4；按简谱 4 读 fa，可读作“要发要发”']);
    expect([told.summary, ...told.reasons].join('|')).not.toMatch(/要死|提示/);
    expect(explain('4007231414', { profile: 'traditional' }).tips).toEqual([]);
    expect(traditional.findings.filter((f) => f.rule === 'taboo').map((f) => `${f.digits} ${f.label}`)).toEqual(['14 要死', '444 含三个 4', '14 要死']);
    expect(score('4007231414', { profile: 'traditional' }).findings.find((f) => f.digits === '1414')).toMatchObject({ rule: 'taboo', label: '要死要死' });
    expect(traditional.score).toBeLessThan(seed.score);
  });

  it('company facts: door number, founding year, registration date and landline', () => {
    const company = { founded: 1987, registered: '2015-03-18', door: '1203', landline: '010-87654321' };
    const companyFinding = (number: string, digits: string) =>
      score(number, { company }).findings.find((f) => f.rule === 'company' && f.digits === digits);
    expect(companyFinding('4006151987', '1987')?.label).toContain('1987');
    expect(companyFinding('4006130318', '0318')?.label).toContain('03月18日');
    expect(companyFinding('4006151203', '1203')?.label).toBe('门牌号 1203');
    expect(companyFinding('4006154321', '54321')?.label).toContain('010-87654321');
    expect(score('4006151987').findings.some((f) => f.rule === 'company')).toBe(false);
  });
});
