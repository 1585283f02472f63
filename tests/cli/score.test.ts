import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const run = promisify(execFile);
const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;


describe('vanity400 score', () => {
  it('prints the contract JSON: one element per input, in input order, errors in place', async () => {
    const { status, out } = await cli(['score', '--json', '4008-517-517', '12345', '４００６８８８８８８']);
    const rows = JSON.parse(out);
    expect(status).toBe(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ input: '4008-517-517', number: '4008517517', display: '400-851-7517', segment: '4008', carrier: 'telecom' });
    expect(Object.keys(rows[0])).toEqual(['input', 'number', 'display', 'segment', 'carrier', 'score', 'tier', 'special', 'findings']);
    expect(rows[0].findings[0]).toEqual(expect.objectContaining({ rule: expect.any(String), digits: expect.any(String), at: expect.any(Number), label: expect.any(String), points: expect.any(Number) }));
    expect(rows[1]).toEqual({ input: '12345', error: { code: 'WRONG_LENGTH', message: expect.stringContaining('有 5 位数字') } });
    const english = JSON.parse((await cli(['score', '--json', '--lang', 'en', '12345'])).out);
    expect(english[0].error.message).toContain('found 5 digits');
    expect(rows[2]).toMatchObject({ number: '4006888888', tier: 'super', special: true });
  });

  it('exits 0 when every input is valid', async () => {
    const { status, out } = await cli(['score', '--json', '4006161615']);
    expect(status).toBe(0);
    expect(JSON.parse(out)[0].findings.some((f: { rule: string; digits: string }) => f.rule === 'homophone' && f.digits === '1615')).toBe(true);
  });

  it('reads one number a line from stdin with -, skipping blank lines, in order with the arguments', async () => {
    const { status, out } = await cli(['score', '--json', '4001234567', '-'], '400-851-7517\n\n  \nnot a number\r\n4009168168\n');
    const rows = JSON.parse(out);
    expect(rows.map((r: { input: string }) => r.input)).toEqual(['4001234567', '400-851-7517', 'not a number', '4009168168']);
    expect(rows[2].error.code).toBe('BAD_CHARACTER');
    expect(status).toBe(2);
  });

  it('prints a readable table with reasons, in Chinese by default and in English on request', async () => {
    const zh = await cli(['score', '4008517517', '40085']);
    expect(zh.out).toMatch(/400-851-7517\s+\d+\.\d\s+\S+\s+后六位 517517：ABCABC 型/);
    expect(zh.out).toContain('错误 WRONG_LENGTH');
    const en = await cli(['score', '--lang', 'en', '4008517517']);
    expect(en.out).toMatch(/400-851-7517\s+\d+\.\d\s+(ordinary|select|premium|top|super)\s+Ends in 517517/);
  });

  it('scores with a profile and with company facts', async () => {
    const seed = JSON.parse((await cli(['score', '--json', '4006141414'])).out)[0];
    const traditional = JSON.parse((await cli(['score', '--json', '--profile', 'traditional', '4006141414'])).out)[0];
    expect(traditional.score).toBeLessThan(seed.score);
    const company = JSON.parse((await cli(['score', '--json', '--founded', '1996', '4006731996'])).out)[0];
    expect(company.findings.some((f: { rule: string }) => f.rule === 'company')).toBe(true);
  });

  it('treats bad options as usage errors: exit 2 and a message on stderr, nothing on stdout', async () => {
    const profile = await cli(['score', '--profile', 'lucky', '4006161615']);
    expect(profile).toEqual({ status: 2, out: '', err: expect.stringContaining('没有评分方案 "lucky"') });
    const founded = await cli(['score', '--founded', 'soon', '4006161615']);
    expect(founded.status).toBe(2);
    expect(founded.err).toContain('company.founded');
    const missing = await cli(['score']);
    expect(missing.status).toBe(2);
    expect(missing.err).toBe('错误：缺少参数 numbers\n');
    expect((await cli(['score', '--lang', 'en'])).err).toContain("missing required argument 'numbers'");
    const unknown = await cli(['scroe']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toBe('错误：没有 scroe 这个命令\n（是不是想用 score？）\n');
    expect((await cli(['score', '--colour', '4006161615'])).err).toBe('错误：没有 --colour 这个选项\n（是不是想用 --door？）\n');
    expect((await cli(['score', '--profile'])).err).toBe('错误：选项 --profile <name> 后面要跟一个值\n');
    expect((await cli(['scroe', '--lang', 'en'])).err).toContain("unknown command 'scroe'");
  });

  it('shows help with examples and exits 0', async () => {
    const { status, out } = await cli(['score', '--help']);
    expect(status).toBe(0);
    expect(out).toContain('Examples:');
    expect(out).toContain('vanity400 score - < numbers.txt');
  });

  it('works as the installed binary, with exit status and stdin', async () => {
    const ok = await run('node', [CLI, 'score', '--json', '4006-888-888']);
    expect(JSON.parse(ok.stdout)[0].tier).toBe('super');
    const bad = await run('node', [CLI, 'score', '4006-888-88x']).catch((e: { code: number; stdout: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stdout: string }).stdout).toContain('BAD_CHARACTER');
  });
});
