import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { suggest } from '../../src/suggest/suggest.js';
import { Vanity400Error } from '../../src/errors/vanity400-error.js';

const pools = [createPool({ segment: '4006' }), createPool({ segment: '4008' })];

describe('suggest', () => {
  it('finds numbers that carry the company facts, and says which', async () => {
    const results = await suggest({ founded: 1987, door: '518', landline: '020-83951688' }, { pools, limit: 12 });
    expect(results).toHaveLength(12);
    for (const r of results) {
      expect(r.number).toContain(r.fact.digits);
      expect(r.number.indexOf(r.fact.digits, 0)).toBeGreaterThanOrEqual(0);
      expect(r.reasons[0]).toContain(r.fact.digits);
    }
    const founded = results.find((r) => r.fact.kind === 'founded' && r.fact.digits === '1987');
    expect(founded?.reasons[0]).toBe('含 1987（公司成立年份 1987）');
    expect(new Set(results.map((r) => r.fact.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it('keeps the list varied: at most two numbers for one digit string', async () => {
    const results = await suggest({ founded: 1999, door: '88', registered: '2015-03-18' }, { pools, limit: 10 });
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.fact.digits, (counts.get(r.fact.digits) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('gives good numbers from a name alone, by sound', async () => {
    const results = await suggest({ name: '一路有我家政' }, { pools, limit: 5 });
    expect(results.length).toBe(5);
    expect(results.some((r) => r.fact.digits === '1615' && r.reasons[0] === '1615 谐音“一路有我”')).toBe(true);
    for (const r of results) expect(r.fact.kind).toBe('name');
  });

  it('hears a name only in stretches a person would say: from its start to a word end, without place or legal form', async () => {
    const results = await suggest({ name: '深圳市顺发物流有限公司' }, { pools, limit: 20 });
    expect(results.length).toBeGreaterThan(0);
    const heard = results.map((r) => /谐音“(.+)”/.exec(r.reasons[0]!)?.[1]);
    expect(heard).toContain('顺发物流');
    for (const piece of heard) expect(['顺发', '顺发物', '顺发物流', '深圳市顺发物流有限公司']).toContain(piece);
  });

  it('keeps away from the digits the customer avoids', async () => {
    const results = await suggest({ name: '一路发', founded: 2014, avoid: '4' }, { pools, limit: 8 });
    for (const r of results) expect(r.number.slice(3)).not.toContain('4');
  });

  it('says why in English on request', async () => {
    const [r] = await suggest({ founded: 1987 }, { pools, limit: 1, lang: 'en' });
    expect(r!.reasons[0]).toMatch(/^contains (19)?87, the founding year 1987/);
  });

  it('asks for at least one fact, and rejects bad facts clearly', async () => {
    await expect(suggest({}, { pools })).rejects.toThrow(/nothing to go on/);
    await expect(suggest({ founded: 'soon' }, { pools })).rejects.toThrow(Vanity400Error);
    await expect(suggest({ founded: 1987 }, { pools, limit: 0 })).rejects.toThrow(/limit 0/);
  });
});
