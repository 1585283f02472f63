import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { checkRoutingRules } from '../routing/check.js';
import { formatRoutingForm, routingForm } from '../routing/form.js';
import { route, type Call, type RouteDecision, type RoutingState } from '../routing/route.js';
import type { RoutingRules } from '../routing/rules.js';
import { badFlag, EXPECTED } from './errors.js';
import { choiceFlag, wholeFlag } from './flags.js';
import type { CliIo } from './index.js';
import { readSmallFile } from './read-inputs.js';

type Lang = 'zh' | 'en';

/** The largest routing-rules file read: a 受理单's rules are a few KB. */
const MAX_RULES_BYTES = 1024 * 1024;

/** A rules file as JSON; a file that is not JSON is a BAD_ROUTING error naming it, one over 1 MB BAD_ARGUMENT. */
export function readRulesFile(file: string): unknown {
  const text = readSmallFile(file, MAX_RULES_BYTES);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Vanity400Error('BAD_ROUTING', { zh: `${file} 不是有效的 JSON：${(error as Error).message}`, en: `${file} is not valid JSON: ${(error as Error).message}` }, { input: file });
  }
}

function checkedRules(file: string): RoutingRules {
  const check = checkRoutingRules(readRulesFile(file));
  if (!check.ok) throw new Vanity400Error('BAD_ROUTING', { zh: `${file} 的转接规则有问题，请先运行 vanity400 route check ${file}`, en: `${file} has problems: run vanity400 route check ${file} first` }, { input: file });
  return check.rules;
}

const lang = (value: string): Lang => choiceFlag('--lang', value, ['zh', 'en'] as const);

function amount(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n)) throw badFlag(flag, value, EXPECTED.amount);
  return n;
}

interface CheckFlags {
  json?: boolean;
  lang: string;
  html?: string;
  showPassword?: boolean;
}

interface TestFlags {
  json?: boolean;
  lang: string;
  from?: string;
  area?: string;
  at: string;
  password?: string;
  monthCalls?: string;
  monthCost?: string;
  seed: string;
  repeat?: string;
}

export function registerRoute(program: Command, io: CliIo): void {
  const group = program
    .command('route')
    .description("the 受理单's call-routing rules (转接规则): check them and print the form, or see where a call goes")
    .addHelpText(
      'after',
      `
A rules file is JSON: { "route": …, "forwarding": …, "blocking": …, "password": …, "cap": … } (see docs/routing.md).

Examples:
  $ vanity400 route check rules.json
  $ vanity400 route test rules.json --from 021-61234567 --at "周六 14:00"`,
    );

  group
    .command('check')
    .description('check a rules file: print the form (受理单) when it is good, every problem when it is not')
    .argument('<file>', 'the rules, as JSON')
    .option('--json', 'print { ok, rules, form } or { ok, problems } as JSON')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--html <file>', 'also write the form as a printable HTML page')
    .option('--show-password', 'print the password on the form instead of ＊＊＊＊')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 route check rules.json
  $ vanity400 route check rules.json --html form.html
  $ vanity400 route check rules.json --json --lang en

Exit status: 0 when the rules are good, 2 when they have problems (each is printed) or the file cannot be read.`,
    )
    .action((file: string, flags: CheckFlags) => {
      const l = lang(flags.lang);
      const check = checkRoutingRules(readRulesFile(file));
      if (!check.ok) {
        io.status = 2;
        if (flags.json) return io.out(`${JSON.stringify({ ok: false, problems: check.problems }, null, 2)}\n`);
        const head = l === 'zh' ? `${file} 的转接规则有 ${check.problems.length} 处问题：` : `${file}: ${check.problems.length} problem${check.problems.length > 1 ? 's' : ''} in the rules:`;
        return io.out(`${io.paint.out.red(head)}\n${check.problems.map((p, i) => `  ${i + 1}. ${p.message[l]}`).join('\n')}\n`);
      }
      const options = { lang: l, showPassword: flags.showPassword ?? false };
      if (flags.html) writeFileSync(flags.html, formatRoutingForm(check.rules, { ...options, as: 'html' }));
      if (flags.json) return io.out(`${JSON.stringify({ ok: true, rules: check.rules, form: routingForm(check.rules, options) }, null, 2)}\n`);
      io.out(formatRoutingForm(check.rules, options));
    });

  group
    .command('test')
    .description('where a call goes: the number that rings first, the fallback, or why it is refused')
    .argument('<file>', 'the rules, as JSON')
    .requiredOption('--at <time>', 'when: "周六 14:00", "Sat 14:00", "2026-10-01 10:00" (Beijing time) or an ISO time')
    .option('--from <number>', "the caller's number (021-61234567, 13800138000) or area code (021)")
    .option('--area <area>', "the caller's area (city or code), e.g. for a mobile")
    .option('--password <digits>', 'the password the caller keys in')
    .option('--month-calls <n>', 'calls answered this month so far (for the cap)')
    .option('--month-cost <yuan>', 'cost this month so far, yuan (for the cap)')
    .option('--seed <n>', 'seed for random groups and percentages', '1')
    .option('--repeat <n>', 'route the call this many times and print how the calls were shared out')
    .option('--json', 'print the decision (or, with --repeat, the counts) as JSON')
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 route test rules.json --from 021-61234567 --at "周六 14:00"
  $ vanity400 route test rules.json --from 13800138000 --area 深圳 --at "2026-10-01 10:00" --json
  $ vanity400 route test rules.json --from 010-66666666 --at "周一 10:00" --repeat 100000 --seed 7`,
    )
    .action((file: string, flags: TestFlags) => {
      const l = lang(flags.lang);
      const rules = checkedRules(file);
      const usage = { ...(flags.monthCalls !== undefined ? { calls: wholeFlag('--month-calls', flags.monthCalls, 0, 1e12) } : {}), ...(flags.monthCost !== undefined ? { cost: amount('--month-cost', flags.monthCost) } : {}) };
      const call: Call = { at: flags.at, ...(flags.from !== undefined ? { from: flags.from } : {}), ...(flags.area !== undefined ? { area: flags.area } : {}), ...(flags.password !== undefined ? { password: flags.password } : {}), usage };
      const seed = wholeFlag('--seed', flags.seed, 0, 2 ** 32 - 1);
      if (flags.repeat === undefined) {
        const decision = route(rules, call, { seed });
        if (flags.json) return io.out(`${JSON.stringify(decision, null, 2)}\n`);
        return io.out(`${decision.explanation[l]}\n${decision.notes.map((n) => `  ${l === 'zh' ? '注：' : 'note: '}${n[l]}\n`).join('')}`);
      }
      const times = wholeFlag('--repeat', flags.repeat, 1, 10_000_000);
      const counts = new Map<string, number>();
      let state: RoutingState | undefined;
      let last: RouteDecision | undefined;
      for (let i = 0; i < times; i++) {
        last = route(rules, call, state ? { state } : { seed });
        state = last.state;
        const key = last.connected ? last.attempts[0]!.number : `refused:${last.refused!.reason}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([first, calls]) => ({ first, calls, percent: Math.round((calls / times) * 10_000) / 100 }));
      if (flags.json) return io.out(`${JSON.stringify({ calls: times, seed, firstNumbers: rows }, null, 2)}\n`);
      const head = l === 'zh' ? `${times} 通来电，先转的号码：` : `${times} calls; the number that rang first:`;
      io.out(`${last!.explanation[l]}\n${head}\n${rows.map((r) => `  ${r.first.padEnd(16)} ${String(r.calls).padStart(9)}  ${r.percent.toFixed(2).padStart(6)}%`).join('\n')}\n`);
    });
}
