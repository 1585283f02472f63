import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';
import { explain } from '../../src/scoring/explain.js';
import { createPool } from '../../src/pool/create-pool.js';
import { near } from '../../src/search/near.js';


describe('vanity400 search', () => {
  it('prints the contract JSON and pages with --cursor', async () => {
    const first = await cli(['search', '8888$', '--segment', '4006', '--limit', '3', '--json']);
    expect(first.status).toBe(0);
    const page = JSON.parse(first.out);
    expect(page.results).toHaveLength(3);
    for (const r of page.results) {
      expect(r).toEqual(expect.objectContaining({ number: expect.stringMatching(/^4006\d{2}8888$/), display: expect.any(String), score: expect.any(Number), tier: expect.any(String) }));
    }
    const second = JSON.parse((await cli(['search', '8888$', '--segment', '4006', '--limit', '3', '--json', '--cursor', page.next])).out);
    expect(second.results.map((r: { number: string }) => r.number)).not.toContain(page.results[2].number);
    expect(second.results[0].score).toBeLessThanOrEqual(page.results[2].score);
  });

  it('combines filters across segments', async () => {
    const { out } = await cli(['search', 'AABB$', '--exclude', '4', '--segment', '4006,4008', '--tier', 'premium,top,super', '--limit', '5', '--json']);
    const results = JSON.parse(out).results as { number: string; tier: string }[];
    expect(results.length).toBe(5);
    for (const r of results) {
      expect(r.number.slice(3)).not.toContain('4');
      expect(['4006', '4008']).toContain(r.number.slice(0, 4));
      expect(['premium', 'top', 'super']).toContain(r.tier);
    }
  });

  it('prints a table and the next-page hint for people', async () => {
    const { out } = await cli(['search', '%520%', '--segment', '4008', '--limit', '2', '--lang', 'en']);
    const [header, ...rows] = out.trim().split('\n');
    expect(header).toMatch(/^number\s+score\s+tier\s+reasons$/);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/^next page: --cursor /);
    // The reasons are the library's own clauses for the number, as explain tells them.
    const { results } = JSON.parse((await cli(['search', '%520%', '--segment', '4008', '--limit', '2', '--json'])).out);
    results.forEach((r: { number: string; display: string }, i: number) => {
      expect(rows[i]).toMatch(new RegExp(`^${r.display}\\s+\\d+\\.\\d\\s+\\S+\\s+`));
      expect(rows[i]!.endsWith(explain(r.number, { lang: 'en' }).reasons.slice(0, 3).join('; '))).toBe(true);
    });
  });

  it('reports bad patterns and options as usage errors', async () => {
    expect(await cli(['search', '88[8'])).toMatchObject({ status: 2, out: '', err: 'vanity400: 号型“88[8”第 3 个字符：“[”没有闭合，应有“]”\n' });
    expect(await cli(['search', '88[8', '--lang', 'en'])).toMatchObject({ status: 2, out: '', err: expect.stringContaining('position 2') });
    expect(await cli(['search', '8888$', '--sort', 'price'])).toMatchObject({ status: 2, err: expect.stringContaining('sort 有误：应为 score、number、value 之一，实际是 "price"') });
    expect(await cli(['search', '8888$', '--sort', 'price', '--lang', 'en'])).toMatchObject({ status: 2, err: expect.stringContaining('sort: "price"') });
    expect(await cli(['search', '8888$', '--segment', '4003'])).toMatchObject({ status: 2, err: expect.stringContaining('--segment "4003"：应为 4000、4001、4006、4007、4008、4009 中的号段') });
    expect(await cli(['search', '8888$', '--limit', 'abc'])).toMatchObject({ status: 2, err: expect.stringContaining('--limit "abc"：应为数字') });
    expect(await cli(['search', '8888$', '--limit', 'abc', '--lang', 'en'])).toMatchObject({ status: 2, err: expect.stringContaining('--limit "abc": expected a number') });
    expect(await cli(['search', '8888$', '--min-score', 'x'])).toMatchObject({ status: 2, err: expect.stringContaining('--min-score "x"') });
  });
});

describe('vanity400 near', () => {
  it('lists the closest numbers with their distance', async () => {
    const { status, out } = await cli(['near', '400-651-7517', '--segment', '4006', '--distance', '1', '--json', '--limit', '100']);
    expect(status).toBe(0);
    const { results } = JSON.parse(out);
    expect(results[0]).toMatchObject({ number: '4006517517', distance: 0 });
    expect(results).toHaveLength(55);
    expect(results.every((r: { distance: number }) => r.distance <= 1)).toBe(true);
  });

  it("searches the number's own segment unless told otherwise, with the filters of search", async () => {
    const args = ['near', '400-851-7517', '--distance', '2', '--exclude', '4', '--min-score', '50', '--tail-contains', '17', '--json', '--limit', '30'];
    const own = JSON.parse((await cli(args)).out).results;
    const expected = near(createPool({ segment: '4008' }), '4008517517', { maxDistance: 2, exclude: '4', minScore: 50, tailContains: '17', limit: 30, findings: false });
    expect(own.map((r: { number: string }) => r.number)).toEqual(expected.map((r) => r.number));
    const both = JSON.parse((await cli([...args, '--segment', '4006,4008'])).out).results;
    expect(both.some((r: { number: string }) => r.number.startsWith('4006'))).toBe(true);
    expect(await cli(['near', '4008517517', '--tier', 'gold'])).toMatchObject({ status: 2, err: expect.stringContaining('找相近号码的 tiers 有误：没有 "gold" 这一项') });
    expect(await cli(['near', '4008517517', '--tier', 'gold', '--lang', 'en'])).toMatchObject({ status: 2, err: expect.stringContaining('tiers: "gold"') });
  });

  it('rejects a bad distance', async () => {
    expect(await cli(['near', '4006517517', '--distance', '5'])).toMatchObject({ status: 2, err: 'vanity400: --distance "5"：应为 1、2 或 3\n' });
    expect(await cli(['near', '4006517517', '--distance', '5', '--lang', 'en'])).toMatchObject({ status: 2, err: 'vanity400: --distance "5": expected 1, 2 or 3\n' });
  });
});
