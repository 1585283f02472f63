import fc from 'fast-check';

/** Landing numbers that are all valid, fixed lines and mobiles. */
export const NUMBERS = ['021-61234567', '010-82345678', '0755-23456789', '0570-3234567', '13800138000', '13900139000', '15000150000', '18600186000', '020-83456789', '0898-66123456', '0431-81234567', '19912345678'];
const AREAS = ['上海', '北京', '广东', '0755', '浙江', '0570', '四川', 'Harbin', '吉林市', '西藏'];

const number = fc.constantFrom(...NUMBERS);
const ring = fc.record({ ring: fc.uniqueArray(number, { minLength: 1, maxLength: 4 }), order: fc.constantFrom('in-order', 'rotating', 'random') });

/** Whole percentages adding up to 100, 1 to 4 of them. */
const percents = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    return points.slice(1).map((p, i) => p - points[i]!);
  }),
);

/** A route nested at most `depth` decisions deep, every time plan and area plan with its otherwise. */
function routeOf(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return fc.oneof(number, ring);
  const inner = () => routeOf(depth - 1);
  return fc.oneof(
    number,
    ring,
    percents.chain((ps) => fc.tuple(...ps.map(() => inner())).map((routes) => ({ split: ps.map((percent, i) => ({ percent, route: routes[i] })) }))),
    fc
      .uniqueArray(fc.constantFrom(...AREAS.filter((a) => !['广东', '浙江'].includes(a))), { minLength: 1, maxLength: 3 })
      .chain((areas) => fc.record({ byArea: fc.tuple(...areas.map((a) => inner().map((route) => ({ areas: [a], route })))), otherwise: inner() })),
    fc
      .record({ from: fc.integer({ min: 0, max: 23 }), hours: fc.integer({ min: 1, max: 12 }), days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'], { minLength: 1 }) })
      .chain(({ from, hours, days }) =>
        fc.record({
          byTime: inner().map((route) => [{ days, from: `${String(from).padStart(2, '0')}:00`, to: `${String((from + hours) % 24).padStart(2, '0')}:00`, route }]),
          otherwise: inner(),
        }),
      ),
  );
}

/** Rule sets that checkRoutingRules accepts. */
export const validRules = routeOf(3).chain((route) =>
  fc.record(
    {
      route: fc.constant(route),
      forwarding: fc.record({ numbers: fc.uniqueArray(number, { minLength: 1, maxLength: 3 }), on: fc.constantFrom(['busy'], ['no-answer'], ['busy', 'no-answer']) }),
      blocking: fc.record({ mode: fc.constant('deny'), areas: fc.constant(['0898']) }),
      ringSeconds: fc.integer({ min: 5, max: 60 }),
    },
    { requiredKeys: ['route'] },
  ),
);

/** Calls: fixed lines of several areas, mobiles with and without an area, hidden numbers; at any time. */
export const calls = fc.record(
  {
    from: fc.constantFrom('021-51234567', '010-66666666', '0755-88888888', '0898-66666666', '13512345678', '0431-88888888', '0570-3333333', '028-87654321'),
    area: fc.constantFrom('上海', '0755', '哈尔滨', '拉萨'),
    at: fc.oneof(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom('周六 14:00', '周一 08:59', 'Sun 23:59', '2026-10-01 10:00', '2026-01-04 09:30')),
  },
  { requiredKeys: ['at'] },
);
