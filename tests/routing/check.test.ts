import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoutingRulesError, Vanity400Error, checkRoutingRules, parseRoutingRules, type RoutingProblem } from '../../src/index.js';
import { validRules } from './arbitraries.js';

const problemsOf = (value: unknown): RoutingProblem[] => {
  const check = checkRoutingRules(value);
  if (check.ok) throw new Error(`expected problems, the rules were accepted: ${JSON.stringify(check.rules)}`);
  return check.problems;
};

const week = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };

describe('checkRoutingRules', () => {
  it('gives good rules back in canonical form, frozen', () => {
    const check = checkRoutingRules({
      number: '400-616-1615',
      route: { byTime: [{ days: ['周一至周五'], from: '9:00', to: '17:59', route: ['(021) 6123 4567', '+86 138 0013 8000'] }], otherwise: { number: '13900139000', label: ' 值班 ' } },
      password: '0618',
    });
    expect(check).toEqual({
      ok: true,
      rules: {
        number: '4006161615',
        route: {
          byTime: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00', route: { ring: [{ number: '021-61234567' }, { number: '13800138000' }], order: 'in-order' } }],
          otherwise: { ring: [{ number: '13900139000', label: '值班' }], order: 'in-order' },
        },
        ringSeconds: 20,
        password: '0618',
      },
    });
    if (check.ok) expect(Object.isFrozen(check.rules.route)).toBe(true);
  });

  it('lists every problem at once, each naming its rule and field in Chinese and English', () => {
    const problems = problemsOf({
      route: {
        byTime: [
          { days: ['mon-fri'], from: '25:00', to: '18:00', route: '021-61234567' },
          { days: ['周六', '周日'], route: { split: [{ percent: 33.3, route: '13800138000' }, { percent: 66.7, route: '13900139000' }] } },
        ],
        otherwise: { byArea: [{ areas: ['火星'], route: '021-61234567' }], otherwise: '021-61234567' },
      },
      forwarding: { numbers: Array.from({ length: 11 }, (_, i) => `1380013800${i % 10}`) },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['BAD_TIME', 'route.byTime[0].from'],
      ['BAD_PERCENT', 'route.byTime[1].route.split[0].percent'],
      ['BAD_PERCENT', 'route.byTime[1].route.split[1].percent'],
      ['UNKNOWN_AREA', 'route.otherwise.byArea[0].areas[0]'],
      ['TOO_MANY_NUMBERS', 'forwarding.numbers'],
      ['REPEATED_NUMBER', 'forwarding.numbers[10]'],
    ]);
    const [time, percent, , area, many] = problems as [RoutingProblem, RoutingProblem, RoutingProblem, RoutingProblem, RoutingProblem];
    expect(time.rule).toEqual({ zh: '按时间第 1 条', en: 'time rule 1' });
    expect(time.field).toBe('from');
    expect(time.message.zh).toBe('按时间第 1 条的开始时间：“25:00”不是有效的时刻：应为 HH:MM，从 00:00 到 23:59');
    expect(time.message.en).toBe('time rule 1, start time: "25:00" is not a time of day: write HH:MM from 00:00 to 23:59');
    expect(percent.message.zh).toBe('按时间第 2 条 › 按比例第 1 份的比例：比例应为 1 到 100 的整数（最小精确到 1%），收到 33.3');
    expect(area.message.zh).toContain('其余来电 › 按地区第 1 条的第 1 个地区：不认识的地区“火星”');
    expect(many.message).toEqual({ zh: '遇忙/无应答转移的转移号码：最多 10 个号码，这里有 11 个', en: 'busy/no-answer forwarding, forwarding numbers: at most 10 numbers, not 11' });
  });

  it('refuses numbers that cannot ring, saying why', () => {
    const problems = problemsOf({ route: { ring: ['400-616-1615', '61234567', '0755-1234567', '021-61234567', '021 6123 4567'] } });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['BAD_LANDING_NUMBER', 'ring[0]'],
      ['BAD_LANDING_NUMBER', 'ring[1]'],
      ['BAD_LANDING_NUMBER', 'ring[2]'],
      ['REPEATED_NUMBER', 'ring[4]'],
    ]);
    expect(problems[1]!.message.zh).toContain('缺少区号');
    expect(problems[2]!.message.en).toContain('local numbers under 0755 have 8 digits, not 7');
  });

  it('finds the gaps of a time plan without otherwise, and names them', () => {
    const [gap, ...rest] = problemsOf({ route: { byTime: [{ days: ['mon-fri'], from: '09:00', to: '18:00', route: '021-61234567' }] } });
    expect(rest).toEqual([]);
    expect(gap!.code).toBe('TIME_GAP');
    expect(gap!.message.zh).toContain('这些时间没有去处：周六、周日 00:00–24:00；周一至周五 00:00–09:00、18:00–24:00');
    expect(gap!.message.en).toContain('Saturday, Sunday 00:00–24:00; Monday to Friday 00:00–09:00, 18:00–24:00');
    // otherwise fills them, and so do slots that cover the week.
    expect(checkRoutingRules({ route: { byTime: [{ days: ['mon-fri'], from: '09:00', to: '18:00', route: '021-61234567' }], otherwise: '13800138000' } }).ok).toBe(true);
    expect(checkRoutingRules({ route: { byTime: [{ days: ['mon-fri'], from: '09:00', to: '18:00', route: '021-61234567' }, { ...week, from: '18:00', to: '09:00', route: '13800138000' }, { days: ['sat', 'sun'], from: '09:00', to: '18:00', route: '13800138000' }] } }).ok).toBe(true);
  });

  it('refuses slots that claim the same minute, and says where', () => {
    const problems = problemsOf({ route: { byTime: [{ days: ['mon-fri'], from: '09:00', to: '18:00', route: '021-61234567' }, { days: ['fri'], from: '17:00', to: '20:00', route: '13800138000' }], otherwise: '13900139000' } });
    expect(problems.map((p) => p.code)).toEqual(['TIME_OVERLAP']);
    expect(problems[0]!.message.zh).toBe('按时间第 2 条：与按时间第 1 条在周五 17:00–18:00 重叠：同一时刻只能有一个去处');
  });

  it('lets holidays and calendar days take their times from weekday slots, without calling it an overlap', () => {
    expect(checkRoutingRules({ route: { byTime: [{ ...week, route: '021-61234567' }, { days: ['holiday'], route: '13800138000' }] } }).ok).toBe(true);
    // Working and rest days together take every day: the weekday slot never applies.
    const problems = problemsOf({ route: { byTime: [{ days: ['workday'], route: '021-61234567' }, { days: ['restday'], route: '13800138000' }, { days: ['mon'], from: '09:00', to: '10:00', route: '13900139000' }] } });
    expect(problems.map((p) => [p.code, p.path])).toEqual([['UNREACHABLE', 'route.byTime[2]']]);
  });

  it('refuses shares that do not add up to 100 and areas in two rules', () => {
    expect(problemsOf({ route: { split: [{ percent: 60, route: '021-61234567' }, { percent: 30, route: '13800138000' }] } }).map((p) => p.message.zh)).toEqual(['按比例：各份比例加起来应为 100%，现在是 90%']);
    const overlap = problemsOf({ route: { byArea: [{ areas: ['广东'], route: '020-83456789' }, { areas: ['深圳'], route: '0755-23456789' }], otherwise: '13800138000' } });
    expect(overlap.map((p) => [p.code, p.path])).toEqual([['AREA_OVERLAP', 'route.byArea[1].areas[0]']]);
    expect(overlap[0]!.message.zh).toContain('“深圳”含区号 0755，与按地区第 1 条重叠');
  });

  it('asks where other areas go, unless the allow-list lets in only the areas the rules name', () => {
    const rules = { route: { byArea: [{ areas: ['上海'], route: '021-61234567' }] } };
    expect(problemsOf(rules).map((p) => p.code)).toEqual(['AREA_GAP']);
    expect(checkRoutingRules({ ...rules, blocking: { mode: 'allow', areas: ['021'] } }).ok).toBe(true);
    expect(problemsOf({ ...rules, blocking: { mode: 'allow', areas: ['021', '010'] } })[0]!.message.zh).toContain('（如 010）');
    // A rule for an area the deny-list refuses can never apply.
    expect(problemsOf({ route: { byArea: [{ areas: ['上海'], route: '021-61234567' }], otherwise: '13800138000' }, blocking: { mode: 'deny', areas: ['上海'] } }).map((p) => p.code)).toEqual(['UNREACHABLE']);
  });

  it('checks the password, the cap, the ring time, the 400 number and unknown fields', () => {
    const problems = problemsOf({ number: '400-123', route: '021-61234567', password: 618, cap: { monthlyCost: 0.001 }, ringSeconds: 90, colour: 'red' });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['BAD_FIELD', 'colour'],
      ['BAD_FIELD', 'number'],
      ['BAD_FIELD', 'ringSeconds'],
      ['BAD_PASSWORD', 'password'],
      ['BAD_CAP', 'cap.monthlyCost'],
    ]);
    expect(problemsOf({ route: '021-61234567', cap: {} }).map((p) => p.code)).toEqual(['BAD_CAP']);
  });

  it("names a stray key under its parent's rule, even one that is a rule's name elsewhere", () => {
    const [top] = problemsOf({ route: '021-61234567', split: 1 });
    expect(top).toMatchObject({ code: 'BAD_FIELD', path: 'split', field: 'split', rule: { zh: '转接规则', en: 'the rules' } });
    expect(top!.message.zh).toMatch(/^转接规则的“split”这一项：不认识的项/);
    const [inner] = problemsOf({ route: { split: [{ percent: 100, route: '021-61234567', byTime: [] }] } });
    expect(inner).toMatchObject({ path: 'route.split[0].byTime', field: 'byTime' });
    expect(inner!.message.zh).toBe('按比例第 1 份的“byTime”这一项：不认识的项，可用的有 percent、route');
    expect(inner!.message.en).toBe('share 1, the field "byTime": unknown field; the fields are percent, route');
  });

  it('parseRoutingRules throws one BAD_ROUTING error carrying every problem', () => {
    let thrown: unknown;
    try {
      parseRoutingRules({ route: { split: [{ percent: 50, route: '12345' }] } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RoutingRulesError);
    expect(thrown).toBeInstanceOf(Vanity400Error);
    const error = thrown as RoutingRulesError;
    expect(error.code).toBe('BAD_ROUTING');
    expect(error.problems.map((p) => p.code)).toEqual(['BAD_LANDING_NUMBER', 'PERCENT_SUM']);
    expect(error.messageIn('zh')).toMatch(/^转接规则有 2 处问题：（1）按比例第 1 份的转接去向：.*（2）按比例：/);
    expect(error.message).toMatch(/^the routing rules have 2 problems: \(1\) share 1, destination: /);
  });

  it('never throws, whatever it is given, and every problem names a rule and a field in both languages', () => {
    const leaf = fc.oneof(fc.constantFrom('021-61234567', '13800138000', '400-616-1615', '0755-1234567', 'x'), fc.jsonValue({ maxDepth: 1 }));
    const route: fc.Arbitrary<unknown> = fc.letrec<{ route: unknown }>((tie) => ({
      route: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ ring: fc.array(leaf, { maxLength: 12 }), order: fc.constantFrom('in-order', 'rotating', 'random', 'odd') }, { requiredKeys: ['ring'] }),
        fc.record({ split: fc.array(fc.record({ percent: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double()), route: tie('route') }), { maxLength: 4 }) }),
        fc.record({ byArea: fc.array(fc.record({ areas: fc.array(fc.constantFrom('上海', '广东', '深圳', '0755', '火星', 'Suzhou', 21 as unknown as string)), route: tie('route') }), { maxLength: 3 }), otherwise: tie('route') }, { requiredKeys: ['byArea'] }),
        fc.record({ byTime: fc.array(fc.record({ days: fc.array(fc.constantFrom('mon', 'mon-fri', '周六', 'holiday', 'workday', 'funday')), from: fc.constantFrom('00:00', '09:00', '18:00', '25:00', '9'), to: fc.constantFrom('24:00', '17:59', '09:00', '00:00', '24:30'), route: tie('route') }, { requiredKeys: ['route'] }), { maxLength: 3 }), otherwise: tie('route') }, { requiredKeys: ['byTime'] }),
      ),
    })).route;
    const rules = fc.record(
      { route, forwarding: fc.record({ numbers: fc.array(leaf, { maxLength: 12 }), on: fc.constantFrom(['busy'], ['no-answer'], ['sometimes']) }), blocking: fc.record({ mode: fc.constantFrom('allow', 'deny', 'maybe'), areas: fc.array(fc.constantFrom('上海', '0898', '火星')) }), password: fc.oneof(fc.constantFrom('0618', '12'), fc.jsonValue()), cap: fc.record({ monthlyCost: fc.double(), monthlyCalls: fc.integer() }, { requiredKeys: [] }) },
      { requiredKeys: [] },
    );
    let good = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: validRules, weight: 3 }, { arbitrary: rules, weight: 6 }, { arbitrary: fc.anything(), weight: 1 }), (value) => {
        const check = checkRoutingRules(value);
        if (check.ok) {
          good++;
          // A good rule set is a fixed point: checking the canonical form gives it back.
          expect(checkRoutingRules(JSON.parse(JSON.stringify(check.rules)))).toEqual(check);
          return;
        }
        expect(check.problems.length).toBeGreaterThan(0);
        for (const p of check.problems) {
          expect(p.message.zh).toContain(p.rule.zh);
          expect(p.message.en).toContain(p.rule.en);
          expect(p.message.zh).toMatch(/\p{Script=Han}/u);
          expect(p.field.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 600 },
    );
    expect(good).toBeGreaterThan(5);
  });
});

describe('checkRoutingRules on large input', () => {
  it('refuses plans too long to be a form quickly, instead of working through them', () => {
    const slots = Array.from({ length: 5000 }, (_, i) => ({ days: ['mon'], from: '00:00', to: `${String(1 + (i % 23)).padStart(2, '0')}:00`, route: '021-61234567' }));
    const check = checkRoutingRules({ route: { byTime: slots, otherwise: '13800138000' } });
    expect(check.ok ? [] : check.problems.map((p) => p.message.en)).toEqual(['by time: at most 50 rules, not 5000']);
  });
});
