import { guardLanguage, guardNumber, guardOptions, invalidType, guardFields } from '../errors/guards.js';
import type { CallReport, CallTotals } from './analyse-calls.js';
import { readPhoneNumber } from './phone-number.js';

/** Options of {@link formatCallReport}. */
export interface FormatCallReportOptions {
  /** zh (default) or en. */
  lang?: 'zh' | 'en';
  /** Rows shown per table (default 10); the rest are summed in one line. */
  rows?: number;
  /** Width of the longest bar of the per-hour chart (default 40). */
  barWidth?: number;
}

/** Display width of a string: Han and full-width characters count two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - width(text))) + text;

function duration(seconds: number, lang: 'zh' | 'en'): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  if (lang === 'zh') return h ? `${h}时${String(m).padStart(2, '0')}分` : `${m}分${String(s).padStart(2, '0')}秒`;
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

const COUNT = (n: number) => n.toLocaleString('en-US');

/**
 * A call report (呼叫分析) as terminal text: totals, the busiest landing numbers and caller areas, and
 * a per-hour bar chart of calls. Plain text, no colour: safe for pipes and e-mail.
 */
export function formatCallReport(report: CallReport, options: FormatCallReportOptions = {}): string {
  const r = report as Partial<CallReport> | null;
  if (typeof r !== 'object' || r === null || typeof r.totals !== 'object' || ![r.byLanding, r.byArea, r.byHour].every(Array.isArray)) {
    throw invalidType('formatCallReport(): report', 'analyseCalls() 的结果', 'what analyseCalls() returns', report);
  }
  guardOptions(options, 'formatCallReport(): options');
  guardFields(options, 'formatCallReport(): options', { lang: 'string?', rows: 'number?', barWidth: 'number?' });
  const lang = options.lang ?? 'zh';
  guardLanguage(lang, 'formatCallReport(): options.lang');
  const rows = options.rows ?? 10;
  guardNumber(rows, 'formatCallReport(): options.rows');
  if (options.barWidth !== undefined) guardNumber(options.barWidth, 'formatCallReport(): options.barWidth');
  const zh = lang === 'zh';
  const head = zh ? ['呼叫', '接通', '遇忙', '无应答', '阻截', '通话总时长', '平均通话'] : ['calls', 'answered', 'busy', 'no answer', 'blocked', 'talk time', 'average'];
  const label = 22;
  const cells = (t: CallTotals) => [COUNT(t.calls), COUNT(t.answered), COUNT(t.busy), COUNT(t.noAnswer), COUNT(t.blocked), duration(t.talkSeconds, lang), duration(t.averageTalkSeconds, lang)];
  const widths = head.map((h, i) => Math.max(width(h), i < 5 ? 9 : 11));
  const line = (name: string, values: string[]) => `${padEnd(name, label)}${values.map((v, i) => padStart(v, widths[i]! + 2)).join('')}`;
  const sum = (list: CallTotals[]): CallTotals => {
    const t = { calls: 0, answered: 0, busy: 0, noAnswer: 0, blocked: 0, talkSeconds: 0, averageTalkSeconds: 0 };
    for (const x of list) (t.calls += x.calls), (t.answered += x.answered), (t.busy += x.busy), (t.noAnswer += x.noAnswer), (t.blocked += x.blocked), (t.talkSeconds += x.talkSeconds);
    t.averageTalkSeconds = t.answered ? Math.round((t.talkSeconds / t.answered) * 10) / 10 : 0;
    return t;
  };
  const table = (title: string, list: { name: string; totals: CallTotals }[], unit: { zh: string; en: string }) => {
    const out = [title, line('', head)];
    for (const row of list.slice(0, rows)) out.push(line(row.name, cells(row.totals)));
    const more = list.length - rows;
    if (more > 0) out.push(line(zh ? `其余 ${more} 个${unit.zh}` : `${more} more ${more === 1 ? unit.en : `${unit.en}s`}`, cells(sum(list.slice(rows).map((r) => r.totals)))));
    return out.join('\n');
  };
  const period = report.period ? (report.period.first === report.period.last ? report.period.first : `${report.period.first} ${zh ? '至' : 'to'} ${report.period.last}`) : zh ? '无记录' : 'no records';
  const bad = report.badLines ? (zh ? `，${COUNT(report.badLines)} 行有误未计入` : `; ${COUNT(report.badLines)} bad lines not counted`) : '';
  const out: string[] = [
    zh ? `呼叫分析：${period}，共 ${COUNT(report.records)} 条记录${bad}` : `Call analysis: ${period}, ${COUNT(report.records)} records${bad}`,
    '',
    line('', head),
    line(zh ? '合计' : 'total', cells(report.totals)),
    '',
    table(
      zh ? '按落地号码' : 'By landing number',
      report.byLanding.map((r) => {
        const reading = readPhoneNumber(r.number);
        return { name: reading.ok ? reading.value.display : r.number, totals: r };
      }),
      { zh: '号码', en: 'number' },
    ),
    '',
    table(zh ? '按主叫地区' : "By caller's area", report.byArea.map((r) => ({ name: r.area[lang], totals: r })), { zh: '地区', en: 'area' }),
    '',
    zh ? '按时段（北京时间，每小时呼叫数）' : 'By hour (Beijing time, calls an hour)',
  ];
  const most = Math.max(1, ...report.byHour.map((h) => h.calls));
  const bar = options.barWidth ?? 40;
  for (const h of report.byHour) {
    const eighths = Math.round((h.calls / most) * bar * 8);
    const blocks = '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '');
    out.push(`${String(h.hour).padStart(2, '0')}:00  ${padEnd(blocks, bar + 1)} ${COUNT(h.calls)}`);
  }
  return `${out.join('\n')}\n`;
}
