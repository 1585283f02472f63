import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vanity400-route-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const SAMPLE_RULES = new URL('../../data/samples/routing-rules.json', import.meta.url).pathname;
const SAMPLE_CALLS = new URL('../../data/samples/calls.csv', import.meta.url).pathname;

describe('vanity400 route', () => {
  it('check prints the form for good rules, and writes the HTML page', async () => {
    const html = join(dir, 'form.html');
    const { status, out } = await cli(['route', 'check', SAMPLE_RULES, '--html', html]);
    expect(status).toBe(0);
    expect(out).toMatch(/^400 电话受理单 · 转接规则\n/);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    const json = JSON.parse((await cli(['route', 'check', SAMPLE_RULES, '--json', '--lang', 'en'])).out);
    expect(json).toMatchObject({ ok: true, rules: { ringSeconds: 20 }, form: { title: '400 line order form: call routing' } });
  });

  it('check lists every problem and exits 2', async () => {
    const bad = file('bad.json', { route: { byTime: [{ days: ['mon'], from: '25:00', route: '021-61234567' }] }, forwarding: { numbers: Array(11).fill('13800138000') } });
    const { status, out } = await cli(['route', 'check', bad]);
    expect(status).toBe(2);
    expect(out).toMatch(/的转接规则有 \d+ 处问题：\n {2}1\. 按时间第 1 条的开始时间：“25:00”不是有效的时刻/);
    expect(out).toContain('遇忙/无应答转移的转移号码：最多 10 个号码，这里有 11 个');
    const json = JSON.parse((await cli(['route', 'check', bad, '--json'])).out);
    expect(json.ok).toBe(false);
    expect(json.problems[0]).toMatchObject({ code: 'BAD_TIME', path: 'route.byTime[0].from' });
    const notJson = await cli(['route', 'check', file('x.json', '{ route: ')]);
    expect(notJson.status).toBe(2);
    expect(notJson.err).toMatch(/x\.json 不是有效的 JSON/);
  });

  it('a rules file over 1 MB, or a device such as /dev/zero, is refused without being read to the end', async () => {
    const huge = file('huge.json', `{"route":"021-61234567","x":"${'1'.repeat(1024 * 1024)}"}`);
    for (const args of [['route', 'check', huge], ['route', 'check', '/dev/zero'], ['calls', 'simulate', '/dev/zero'], ['route', 'check', '/dev/zero', '--lang', 'en']]) {
      const run = await cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.err.trim().split('\n'), args.join(' ')).toEqual([
        args.includes('en') ? `vanity400: ${args[2]} is larger than 1 MB: not a file to read here.` : `vanity400: ${args[2]} 超过 1 MB，不是要读的文件。`,
      ]);
    }
  });

  it('test says where a call goes, and shares repeated calls out', async () => {
    const { status, out } = await cli(['route', 'test', SAMPLE_RULES, '--from', '021-51234567', '--at', '周六 14:00']);
    expect(status).toBe(0);
    expect(out).toMatch(/^周六 14:00 从上海（021）打入：先转 021-6123 4567/);
    const shares = JSON.parse((await cli(['route', 'test', SAMPLE_RULES, '--from', '010-66666666', '--at', '2026-03-09 10:00', '--repeat', '20000', '--json'])).out);
    expect(shares.calls).toBe(20000);
    const bad = await cli(['route', 'test', SAMPLE_RULES, '--at', '周六 25:00']);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('来电时间 "周六 25:00" 无效');
    expect((await cli(['route', 'test', SAMPLE_RULES, '--at', '周六 25:00', '--lang', 'en'])).err).toContain('call time "周六 25:00" is not valid');
  });
});

describe('vanity400 calls', () => {
  it('report prints the analysis of the sample records', async () => {
    const { status, out, err } = await cli(['calls', 'report', SAMPLE_CALLS]);
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out).toMatch(/^呼叫分析：/);
    expect(out).toContain('按时段（北京时间，每小时呼叫数）');
    const json = JSON.parse((await cli(['calls', 'report', SAMPLE_CALLS, '--json'])).out);
    expect(json.records).toBe(readFileSync(SAMPLE_CALLS, 'utf8').trim().split('\n').length - 1);
  });

  it('report names each bad line on standard error, counts the rest and exits 2', async () => {
    const path = file('calls.csv', 'start,caller,area,landing,result,talk_seconds\n2026-03-07T14:03:22+08:00,021-51234567,,021-61234567,answered,95\n2026-03-07T14:03:22+08:00,021-51234567,,021-61234567,answered,-5\n');
    const { status, out, err } = await cli(['calls', 'report', path, '--json']);
    expect(status).toBe(2);
    expect(err).toContain('第 3 行的通话秒数（talkSeconds）');
    expect(JSON.parse(out).records).toBe(1);
  });

  it('simulate makes the same records from the same seed, readable by report', async () => {
    const a = await cli(['calls', 'simulate', SAMPLE_RULES, '--count', '200', '--seed', '9']);
    expect(a.status).toBe(0);
    expect((await cli(['calls', 'simulate', SAMPLE_RULES, '--count', '200', '--seed', '9'])).out).toBe(a.out);
    expect(a.out.split('\n')[0]).toBe('start,caller,area,landing,result,talk_seconds');
    const report = JSON.parse((await cli(['calls', 'report', '-', '--json'], a.out)).out);
    expect(report.records).toBe(200);
  });
});
