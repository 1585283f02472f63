import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vanity400Error, checkRoutingRules, dayInfo, landingNumbers, parseRoutingRules, route, type RouteDecision, type RoutingState } from '../../src/index.js';
import { calls, validRules } from './arbitraries.js';

const rules = parseRoutingRules({
  route: {
    byArea: [{ areas: ['上海'], route: { number: '021-61234567', label: '上海分公司' } }],
    otherwise: {
      byTime: [
        { days: ['workday'], from: '09:00', to: '18:00', route: { split: [{ percent: 60, route: '010-82345678' }, { percent: 40, route: { ring: ['020-83456789', '0755-23456789'], order: 'rotating' } }] } },
        { days: ['holiday'], route: '13800138000' },
      ],
      otherwise: { ring: ['13800138000', '13900139000'], order: 'random' },
    },
  },
  forwarding: { numbers: ['13700137000', '13800138000'] },
});

const firsts = (decision: RouteDecision) => decision.attempts.map((a) => a.number);

describe('route', () => {
  it('says which number rings first and what follows, in both languages', () => {
    const d = route(rules, { from: '021-51234567', at: '周六 14:00' });
    expect(d.connected).toBe(true);
    expect(firsts(d)).toEqual(['021-61234567', '13700137000', '13800138000']);
    expect(d.attempts.map((a) => a.via)).toEqual(['route', 'forwarding', 'forwarding']);
    expect(d.steps.map((s) => s.rule.zh)).toEqual(['按地区第 1 条（上海）']);
    expect(d.explanation.zh).toBe('周六 14:00 从上海（021）打入：先转 021-6123 4567（上海分公司），占线或 20 秒无人接听则依次转 137 0013 7000、138 0013 8000。');
    expect(d.explanation.en).toBe('Saturday 14:00, from Shanghai (021): rings 021-6123 4567 (上海分公司) first; if busy or unanswered after 20 s, then 137 0013 7000, then 138 0013 8000.');
    expect(d.notes.map((n) => n.en)).toEqual(['no date given: taken as an ordinary Saturday, without holidays or make-up days']);
  });

  it('goes by the working-day calendar: holidays, make-up working days, and a note when no date is given', () => {
    const holiday = route(rules, { from: '010-66666666', at: '2026-10-01 10:00' });
    expect(dayInfo('2026-10-01').kind).toBe('holiday');
    expect(holiday.steps.map((s) => s.path)).toEqual(['route.otherwise', 'route.otherwise.byTime[1]']);
    expect(firsts(holiday)[0]).toBe('13800138000');
    // A Saturday worked in lieu is a working day: the office slot takes it.
    const makeup = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)).find((d) => dayInfo(d).kind === 'makeup-workday')!;
    const worked = route(rules, { from: '010-66666666', at: `${makeup} 10:00` });
    expect(worked.steps[1]!.path).toBe('route.otherwise.byTime[0]');
    expect(worked.time.day).toBe('makeup-workday');
    const undated = route(rules, { from: '010-66666666', at: '周一 10:00' });
    expect(undated.notes.map((n) => n.zh)).toEqual(['没有给日期：按普通的周一算，未考虑节假日和调休']);
    const unscheduled = route(rules, { from: '010-66666666', at: '2031-03-03 10:00' });
    expect(unscheduled.notes.map((n) => n.zh)).toEqual(['2031 年的放假安排国家还没公布，先按周一到周五上班算']);
  });

  it('rotates deterministically with the state it hands back, and draws random starts from the seed', () => {
    let state: RoutingState | undefined;
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const d = route(parseRoutingRules({ route: { ring: ['021-61234567', '13800138000', '13900139000'], order: 'rotating' } }), { at: '周一 10:00' }, state ? { state } : {});
      state = d.state;
      order.push(firsts(d).join(' '));
    }
    expect(order).toEqual([
      '021-61234567 13800138000 13900139000',
      '13800138000 13900139000 021-61234567',
      '13900139000 021-61234567 13800138000',
      '021-61234567 13800138000 13900139000',
      '13800138000 13900139000 021-61234567',
      '13900139000 021-61234567 13800138000',
    ]);
    const night = { from: '010-66666666', at: '周一 23:00' };
    const a = route(rules, night, { seed: 7 });
    expect(route(rules, night, { seed: 7 })).toEqual(a);
    const starts = new Set(Array.from({ length: 40 }, (_, seed) => firsts(route(rules, night, { seed }))[0]));
    expect(starts).toEqual(new Set(['13800138000', '13900139000']));
  });

  it('shares 100,000 calls within 1 point of the percentages', () => {
    const split = parseRoutingRules({ route: { split: [{ percent: 37, route: '021-61234567' }, { percent: 1, route: '13800138000' }, { percent: 29, route: '13900139000' }, { percent: 33, route: '010-82345678' }] } });
    const counts = new Map<string, number>();
    let state: RoutingState | undefined;
    for (let i = 0; i < 100_000; i++) {
      const d = route(split, { at: '周一 10:00' }, state ? { state } : { seed: 20_26 });
      state = d.state;
      counts.set(firsts(d)[0]!, (counts.get(firsts(d)[0]!) ?? 0) + 1);
    }
    const expected: Record<string, number> = { '021-61234567': 37, '13800138000': 1, '13900139000': 29, '010-82345678': 33 };
    for (const [number, percent] of Object.entries(expected)) expect(Math.abs(counts.get(number)! / 1000 - percent), number).toBeLessThan(1);
  });

  it('refuses calls by blocking, the monthly cap and the password, saying why', () => {
    const strict = parseRoutingRules({ route: '021-61234567', blocking: { mode: 'allow', areas: ['上海', '北京'] }, password: '0618', cap: { monthlyCalls: 100, monthlyCost: 500 } });
    const refused = (call: Parameters<typeof route>[1]) => {
      const d = route(strict, call);
      expect(d.connected).toBe(false);
      expect(d.attempts).toEqual([]);
      return [d.refused!.reason, d.explanation.zh] as const;
    };
    expect(refused({ from: '020-83456789', at: '周六 14:00', password: '0618' })).toEqual(['blocked', '周六 14:00 从广州（020）打入：接不通。设了呼叫阻截，只接听上海、北京的来电。']);
    expect(refused({ from: '13800138000', at: '周六 14:00', password: '0618' })[0]).toBe('area-unknown');
    expect(refused({ from: '021-51234567', at: '周六 14:00', password: '0618', usage: { calls: 100 } })).toEqual(['cap-reached', '周六 14:00 从上海（021）打入：接不通。本月已接通 100 次，达到每月 100 次的上限。']);
    expect(refused({ from: '021-51234567', at: '周六 14:00', password: '0618', usage: { cost: 500 } })[0]).toBe('cap-reached');
    expect(refused({ from: '021-51234567', at: '周六 14:00' })[0]).toBe('password-missing');
    expect(refused({ from: '021-51234567', at: '周六 14:00', password: '1234' })[0]).toBe('password-wrong');
    expect(route(strict, { from: '13800138000', area: '北京', at: '周六 14:00', password: '0618', usage: { calls: 99, cost: 499.99 } }).connected).toBe(true);
    const deny = parseRoutingRules({ route: '021-61234567', blocking: { mode: 'deny', areas: ['广东'] } });
    expect(route(deny, { from: '0755-88888888', at: '周六 14:00' }).explanation.en).toBe('Saturday 14:00, from Shenzhen (0755): not put through (call blocking: calls from Guangdong are refused).');
  });

  it('turns away bad calls and bad rules with typed errors', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(Vanity400Error);
        return (error as Vanity400Error).code;
      }
      return 'no error';
    };
    expect(code(() => route(rules, { at: '周六 25:00' }))).toBe('BAD_TIME');
    expect(code(() => route(rules, { at: '周八 10:00' }))).toBe('BAD_TIME');
    expect(code(() => route(rules, { at: '2026-02-30 10:00' }))).toBe('BAD_TIME');
    expect(code(() => route(rules, { from: '400-616-1615', at: '周六 10:00' }))).toBe('BAD_CALL');
    expect(code(() => route(rules, { area: '广东', at: '周六 10:00' }))).toBe('BAD_CALL');
    expect(code(() => route(rules, { at: '周六 10:00', usage: { calls: -1 } }))).toBe('BAD_CALL');
    expect(code(() => route(parseRoutingRules({ route: '021-61234567', cap: { monthlyCalls: 5 } }), { at: '周六 10:00', usage: { calls: -1 } }))).toBe('BAD_CALL');
    expect(code(() => route({ route: { split: [{ percent: 33.3, route: '021-61234567' }] } }, { at: '周六 10:00' }))).toBe('BAD_ROUTING');
    expect(code(() => route(rules, { at: '周六 10:00' }, { state: { rotation: {} } as never }))).toBe('BAD_ARGUMENT');
  });

  it('for any good rule set and call: never throws, rings only the rules’ numbers, each once, and is the same twice', () => {
    fc.assert(
      fc.property(validRules, calls, fc.nat(), (raw, call, seed) => {
        const check = checkRoutingRules(raw);
        if (!check.ok) throw new Error(JSON.stringify(check.problems.map((p) => p.message.en)));
        const d = route(check.rules, call, { seed });
        expect(route(check.rules, call, { seed })).toEqual(d);
        if (!d.connected) {
          expect(d.refused!.reason).toBe('blocked');
          expect(d.caller.areaCode).toBe('0898');
          return;
        }
        const known = new Set(landingNumbers(check.rules).map((l) => l.number));
        expect(d.attempts.length).toBeGreaterThan(0);
        expect(new Set(firsts(d)).size).toBe(d.attempts.length);
        for (const n of firsts(d)) expect(known.has(n)).toBe(true);
        expect(d.explanation.zh).toContain(d.attempts[0]!.display);
      }),
      { numRuns: 400 },
    );
  });
});
