import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_RECORDS_HEADER, Vanity400Error, analyseCalls, callRecordLine, formatCallReport, parseRoutingRules, simulateCallRecords, type CallRecord, type RecordProblem } from '../../src/index.js';

const rules = parseRoutingRules({
  route: { byArea: [{ areas: ['上海'], route: '021-61234567' }], otherwise: { split: [{ percent: 70, route: '010-82345678' }, { percent: 30, route: ['13800138000', '13900139000'] }] } },
  forwarding: { numbers: ['13700137000'] },
  blocking: { mode: 'deny', areas: ['0898'] },
});

/** The counts of records, worked out plainly, to hold the analysis to. */
function tally(records: CallRecord[]) {
  const landing = new Map<string, number>();
  for (const r of records) if (r.result !== 'blocked') landing.set(r.landing, (landing.get(r.landing) ?? 0) + 1);
  return {
    calls: records.length,
    answered: records.filter((r) => r.result === 'answered').length,
    busy: records.filter((r) => r.result === 'busy').length,
    noAnswer: records.filter((r) => r.result === 'no-answer').length,
    blocked: records.filter((r) => r.result === 'blocked').length,
    talkSeconds: records.reduce((s, r) => s + r.talkSeconds, 0),
    landing,
    hour9: records.filter((r) => r.start.slice(11, 13) === '09').length,
  };
}

describe('analyseCalls', () => {
  const records = [...simulateCallRecords(rules, { count: 3000, seed: 5 })];
  const csv = [CALL_RECORDS_HEADER, ...records.map((r) => callRecordLine(r))].join('\n');

  it('counts calls, answered, busy, unanswered, blocked and talk time, in total, by landing number, area and hour', async () => {
    const report = await analyseCalls(csv);
    const t = tally(records);
    expect(report.records).toBe(3000);
    expect(report.badLines).toBe(0);
    expect(report.totals).toEqual({ calls: t.calls, answered: t.answered, busy: t.busy, noAnswer: t.noAnswer, blocked: t.blocked, talkSeconds: t.talkSeconds, averageTalkSeconds: Math.round((t.talkSeconds / t.answered) * 10) / 10 });
    expect(t.blocked).toBeGreaterThan(0);
    expect(new Map(report.byLanding.map((l) => [l.number, l.calls]))).toEqual(t.landing);
    expect(report.byHour[9]!.calls).toBe(t.hour9);
    expect(report.byArea.find((a) => a.areaCode === '0898')).toMatchObject({ calls: records.filter((r) => r.area === '0898' || r.caller.startsWith('0898')).length, area: { zh: '海南（0898）' } });
    expect(report.period).toEqual({ first: '2026-03-02', last: '2026-03-08' });
  });

  it('reads JSON lines and chunks cut anywhere, bytes or text, to the same report', async () => {
    const whole = await analyseCalls(csv);
    const jsonl = records.map((r) => callRecordLine(r, 'jsonl')).join('\n');
    expect({ ...(await analyseCalls(jsonl)), format: 'csv', lines: whole.lines }).toEqual(whole);
    const bytes = new TextEncoder().encode(csv);
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7); // cuts through characters and lines
    }
    expect(await analyseCalls(pieces())).toEqual(whole);
  });

  it('reports every bad line by its number and field, and still counts the rest', async () => {
    const lines = [
      'start,caller,area,landing,result,talk_seconds',
      '2026-03-07T14:03:22+08:00,021-51234567,,021-61234567,answered,95',
      '2026-03-07 25:00,13800138000,上海,021-61234567,answered,95',
      '2026-03-07T14:05:00+08:00,13800138000,火星,021-61234567,answered,95',
      '2026-03-07T14:06:00+08:00,13800138000,,400-616-1615,answered,95',
      '2026-03-07T14:07:00+08:00,13800138000,,021-61234567,maybe,0',
      '2026-03-07T14:08:00+08:00,13800138000,,021-61234567,busy,30',
      '2026-03-07T14:09:00+08:00,"13800138000,,021-61234567,answered,30',
      '2026-03-07T14:10:00+08:00,12345,,021-61234567,answered,30',
      '2026-03-07T14:11:00+08:00,13800138000,,021-61234567,answered',
      '',
      '2026-03-07T06:12:00Z,"0755-2345 6789",,"13800138000",接通,61',
    ];
    const seen: RecordProblem[] = [];
    const report = await analyseCalls(lines.join('\r\n'), { onProblem: (p) => seen.push(p) });
    expect(report.records).toBe(2);
    expect(report.badLines).toBe(8);
    expect(seen).toEqual(report.problems);
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'start'],
      [4, 'area'],
      [5, 'landing'],
      [6, 'result'],
      [7, 'talkSeconds'],
      [8, undefined],
      [9, 'caller'],
      [10, undefined],
    ]);
    expect(report.problems[0]!.message.zh).toBe('第 3 行的开始时间（start）：“2026-03-07 25:00”不是有效的时间（应为 2026-03-07 14:03:22 或带时区的 ISO 时间）');
    expect(report.problems[5]!.message.en).toBe('line 8: malformed CSV: a quote is not closed');
    expect(report.byHour[14]!.calls).toBe(2); // 06:12Z is 14:12 in Beijing
    expect(report.byArea.map((a) => a.areaCode).sort()).toEqual(['021', '0755']);
  });

  it('refuses a CSV without its header as a whole, naming what is missing', async () => {
    await expect(analyseCalls('2026-03-07T14:03:22+08:00,021-51234567,,021-61234567,answered,95\n')).rejects.toThrow(Vanity400Error);
    await expect(analyseCalls('start,caller,result\n')).rejects.toThrow(/lacks landing, talkSeconds/);
  });

  it('keeps memory bounded: a line without end is reported, not held', async () => {
    async function* endless() {
      yield `${CALL_RECORDS_HEADER}\n`;
      for (let i = 0; i < 200; i++) yield 'x'.repeat(10_000);
      yield '\n2026-03-07T14:03:22+08:00,021-51234567,,021-61234567,answered,95\n';
    }
    const report = await analyseCalls(endless());
    expect(report.records).toBe(1);
    expect(report.problems.map((p) => [p.line, p.message.en.slice(0, 31)])).toEqual([[2, 'line 2: the line is longer than']]);
  });

  it('prints a table with a per-hour chart, in Chinese and English', async () => {
    const report = await analyseCalls(csv);
    const zh = formatCallReport(report);
    expect(zh).toMatch(/^呼叫分析：2026-03-02 至 2026-03-08，共 3,000 条记录\n/);
    expect(zh).toContain('按落地号码');
    expect(zh).toMatch(/\n10:00  █+/);
    // Past the first ten areas, the rest in one row that says how many areas it sums.
    expect(report.byArea.length).toBeGreaterThan(10);
    const rest = report.byArea.slice(10);
    const calls = rest.reduce((n, a) => n + a.calls, 0).toLocaleString('en');
    expect(zh).toMatch(new RegExp(`\\n其余 ${rest.length} 个地区 +${calls} `));
    const en = formatCallReport(report, { lang: 'en' });
    expect(en).toMatch(/^Call analysis: 2026-03-02 to 2026-03-08, 3,000 records\n/);
    expect(en).toMatch(new RegExp(`\\n${rest.length} more areas +${calls} `));
  });

  it('counts every good line and reports every bad one, for random records and junk lines', async () => {
    const good = fc.record({ hour: fc.integer({ min: 0, max: 23 }), result: fc.constantFrom('answered', 'busy', 'no-answer', 'blocked'), talk: fc.integer({ min: 1, max: 999 }), caller: fc.constantFrom('021-51234567', '13800138000', '', '0755 8888 8888') });
    const junk = fc.oneof(fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n') && !s.includes('\r') && s.trim() !== ''), fc.constantFrom('2026-03-07T14:03:22+08:00,021,,,answered,5', '{"a":1}', '",,,,,'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(good.map((g) => ({ g })), junk.map((j) => ({ j }))), { maxLength: 60 }), async (rows) => {
        const lines = [CALL_RECORDS_HEADER];
        let talk = 0;
        const bad: number[] = [];
        for (const row of rows) {
          if ('j' in row) {
            lines.push(row.j);
            bad.push(lines.length);
            continue;
          }
          const { hour, result, caller } = row.g;
          const t = result === 'answered' ? row.g.talk : 0;
          talk += t;
          lines.push(`2026-03-07T${String(hour).padStart(2, '0')}:00:00+08:00,${caller},,${result === 'blocked' ? '' : '13900139000'},${result},${t}`);
        }
        const report = await analyseCalls(lines.join('\n'), { keepProblems: 1000 });
        expect(report.problems.map((p) => p.line)).toEqual(bad);
        expect(report.records).toBe(rows.length - bad.length);
        expect(report.totals.talkSeconds).toBe(talk);
      }),
      { numRuns: 200 },
    );
  });
});
