import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tools, type ToolName } from '../../src/bot/index.js';
import { toolSchemas } from '../../src/bot/schemas.js';

const NAMES: ToolName[] = ['score', 'explain', 'search', 'near', 'sounds', 'suggest', 'hold', 'release', 'quote', 'opening_date', 'documents', 'order_status', 'route_check', 'route_test'];
const ajv = new AjvJsonSchemaValidator();

/** Good and bad values of each argument, so that random arguments pass the check often enough to matter. */
const VALUES: Record<string, { good: unknown[]; bad: unknown[] }> = {
  number: { good: ['400-851-7517', '4006161615', '12345', ''], bad: [4008517517, null] },
  profile: { good: ['seed', 'traditional'], bad: ['lucky'] },
  company: {
    good: [{}, { founded: 1987 }, { founded: '1987', door: 88, digits: ['88'] }, { registered: '2015-03-18', landline: '010-87654321' }],
    bad: [{ founded: 1987.5 }, { door: true }, { founded: 1987, extra: 1 }, []],
  },
  lang: { good: ['zh', 'en'], bad: ['fr'] },
  pattern: { good: ['AABB$', '%520%', 'AAB[B'], bad: ['x'.repeat(101)] },
  segments: { good: [['4006'], ['4006', '4008']], bad: [[], ['4003'], '4006'] },
  exclude: { good: ['4', '47'], bad: ['', '4,7', 'a'] },
  include: { good: ['8'], bad: ['x'] },
  excludeScope: { good: ['body', 'tail', 'all'], bad: ['head'] },
  tailContains: { good: ['8', '8888'], bad: ['88888', ''] },
  minScore: { good: [0, 60.5, 100], bad: [-1, 101] },
  tiers: { good: [['top'], ['super', 'premium']], bad: [[], ['gold']] },
  rules: { good: [['homophone']], bad: [['luck']] },
  shapes: { good: [['tailRun4']], bad: [['square']] },
  sort: { good: ['score', 'number', 'value'], bad: ['price'] },
  limit: { good: [1, 5, 20], bad: [0, 51, 2.5] },
  cursor: { good: ['abc'], bad: [1] },
  maxDistance: { good: [1, 2, 3], bad: [0, 4, 1.5] },
  swaps: { good: [true, false], bad: ['yes'] },
  phrase: { good: ['一路发', 'yilufa'], bad: ['', 'x'.repeat(51)] },
  by: { good: ['sound', 'meaning'], bad: ['look'] },
  name: { good: ['顺发物流'], bad: [7] },
  slogan: { good: ['一路发'], bad: [['一路发']] },
  keywords: { good: [['发财'], []], bad: [Array(11).fill('发'), '发财'] },
  founded: { good: [2008, '2008'], bad: [2008.5] },
  registered: { good: ['2015-03-18'], bad: [20150318] },
  door: { good: ['518', 518], bad: [false] },
  landline: { good: ['010-87654321'], bad: [1087654321] },
  digits: { good: [['88', '518']], bad: [[88]] },
  avoid: { good: ['4'], bad: ['four'] },
  customer: { good: ['张三'], bad: ['', 'x'.repeat(201)] },
  minutes: { good: [1, 30, 527040], bad: [0, 527041, 0.5] },
  duration: { good: ['2小时', '30m', ''], bad: [120, 'x'.repeat(41)] },
  tier: { good: ['ordinary', 'top'], bad: ['gold'] },
  minutesPerMonth: { good: [0, 500, 2000.5], bad: [-1, 1_000_001, '500'] },
  years: { good: [1, 3], bad: [0, 1.5, 11] },
  paidAt: { good: ['2026-12-07', '2026-12-07T17:30+08:00'], bad: [20261207, 'x'.repeat(41)] },
  companyName: { good: ['深圳顺发物流有限公司'], bad: ['', 7] },
  creditCode: { good: ['91440300000000070M'], bad: [91440300, 'x'.repeat(41)] },
  handlerIdNumber: { good: ['11010519491231002X'], bad: [11010519491231] },
  numbersHeld: { good: [0, 2], bad: [-1, 0.5] },
  numbersApplying: { good: [1, 2], bad: [0] },
  landingNumbers: { good: [['0755-88881234'], []], bad: ['0755-88881234', [7]] },
  industry: { good: ['medical', 'finance'], bad: ['mining'] },
  provided: { good: [['business-licence'], []], bad: [['licence']] },
  routing: { good: [{ route: '021-61234567' }, { route: { split: [] } }, {}], bad: ['021-61234567', [], null] },
  at: { good: ['周六 14:00', '2026-10-01 10:00', '25:00'], bad: ['', 'x'.repeat(51)] },
  from: { good: ['021-61234567', '13800138000', '021'], bad: [2161234567, 'x'.repeat(31)] },
  area: { good: ['上海', '0755'], bad: [21] },
  password: { good: ['0618', ''], bad: [618] },
  monthCalls: { good: [0, 100], bad: [-1, 1.5] },
  monthCost: { good: [0, 12.5], bad: [-1, '12'] },
  seed: { good: [0, 7, 4294967295], bad: [-1, 4294967296, 1.5] },
  id: { good: ['order-1', 'order-27'], bad: ['', 'x'.repeat(101), 1] },
};

function argsFor(name: ToolName): fc.Arbitrary<unknown> {
  const keys = Object.keys(toolSchemas[name].shape);
  const value = (key: string) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...VALUES[key]!.good), weight: 20 },
      { arbitrary: fc.constantFrom(...VALUES[key]!.bad), weight: 1 },
      { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
    );
  const known = fc.record(Object.fromEntries(keys.map((k) => [k, value(k)])), { requiredKeys: [] });
  return fc.oneof(
    { arbitrary: known, weight: 8 },
    { arbitrary: fc.tuple(known, fc.constantFrom('extra', 'Number', 'numbers'), fc.jsonValue()).map(([args, k, v]) => ({ ...args, [k]: v })), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 },
  );
}

describe('tool definitions', () => {
  it('are the fourteen tools, each with a Chinese and an English description', () => {
    expect(tools.map((t) => t.name)).toEqual(NAMES);
    for (const t of tools) {
      expect(t.description.zh, t.name).toMatch(/\p{Script=Han}/u);
      expect(t.description.en, t.name).toMatch(/^[A-Z][^\p{Script=Han}]*[a-z]/u);
      expect(t.inputSchema, t.name).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('list every argument the validator knows, with the required ones marked', () => {
    for (const t of tools) {
      expect(Object.keys(t.inputSchema.properties as object), t.name).toEqual(Object.keys(toolSchemas[t.name].shape));
    }
    const required = Object.fromEntries(tools.map((t) => [t.name, t.inputSchema.required ?? []]));
    expect(required).toEqual({ score: ['number'], explain: ['number'], search: [], near: ['number'], sounds: ['phrase'], suggest: [], hold: ['number', 'customer'], release: ['number', 'customer'], quote: ['minutesPerMonth'], opening_date: [], documents: ['companyName', 'creditCode'], order_status: ['customer'], route_check: ['routing'], route_test: ['routing', 'at'] });
  });

  it('carry a title in each language and say what they change: only hold and release write, and release undoes', () => {
    for (const t of tools) {
      expect(t.title.zh, t.name).toMatch(/^\p{Script=Han}/u);
      expect(t.title.en, t.name).toMatch(/^[A-Z][a-z]/);
    }
    const writes = tools.filter((t) => !t.annotations.readOnlyHint).map((t) => t.name);
    expect(writes).toEqual(['hold', 'release']);
    expect(tools.filter((t) => t.annotations.destructiveHint).map((t) => t.name)).toEqual(['release']);
    expect(tools.every((t) => t.annotations.idempotentHint && !t.annotations.openWorldHint)).toBe(true);
  });

  it('are JSON (what an MCP client receives is what is defined)', () => {
    expect(JSON.parse(JSON.stringify(tools))).toEqual(tools);
  });

  for (const name of NAMES) {
    it(`${name}: the JSON Schema accepts exactly the arguments the zod schema accepts`, () => {
      const validate = ajv.getValidator(tools.find((t) => t.name === name)!.inputSchema);
      let accepted = 0;
      fc.assert(
        fc.property(argsFor(name), (args) => {
          const byZod = toolSchemas[name].safeParse(args).success;
          expect(validate(args).valid, JSON.stringify(args)).toBe(byZod);
          if (byZod) accepted++;
        }),
        { numRuns: 1500 },
      );
      // Both verdicts were seen often: the agreement says something.
      expect(accepted).toBeGreaterThan(30);
      expect(accepted).toBeLessThan(1470);
    });
  }
});
