import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { describe, expect, it } from 'vitest';
import { answerSchemas, callTool, createBotContext, tools, type ToolName } from '../../src/bot/index.js';
import { MemoryOrderBook, MemoryStore } from '../../src/index.js';
import { importInventory } from '../../src/node/index.js';
import sample from '../../data/samples/inventory.json';

const ajv = new AjvJsonSchemaValidator();

/** A call of each tool that works on the sample inventory, and one that is refused. */
const CALLS: Record<ToolName, { good: Record<string, unknown>; bad: Record<string, unknown> }> = {
  score: { good: { number: '400-851-7517' }, bad: { number: '400-123' } },
  explain: { good: { number: '4006161615', lang: 'en' }, bad: { number: 4006161615 } },
  search: { good: { pattern: '88$', limit: 3 }, bad: { pattern: 'AAB[B' } },
  near: { good: { number: '4006-123-456', maxDistance: 2, limit: 3 }, bad: { number: '4006-123-456', maxDistance: 4 } },
  sounds: { good: { phrase: '一路发', limit: 3 }, bad: { phrase: '' } },
  suggest: { good: { name: '顺发物流', door: '518', limit: 3 }, bad: { founded: 87 } },
  hold: { good: { number: '4006-123-001', customer: '张三', duration: '2小时' }, bad: { number: '4006-888-888', customer: '张三', duration: '明天' } },
  release: { good: { number: '4006-123-001', customer: '张三' }, bad: { number: '4006-123-002', customer: '张三' } },
  quote: { good: { tier: 'select', minutesPerMonth: 800 }, bad: { tier: 'gold', minutesPerMonth: 800 } },
  opening_date: { good: { tier: 'top', paidAt: '2026年12月7日' }, bad: { tier: 'top', paidAt: 'soon' } },
  documents: { good: { companyName: '北京华通信息技术有限公司', creditCode: '91110108MA01XK7D35' }, bad: { companyName: '华通', creditCode: '91110108MA01XK7D36' } },
  order_status: { good: { customer: '张三' }, bad: { customer: '' } },
  route_check: { good: { routing: { route: '021-61234567' } }, bad: { routing: '021-61234567' } },
  route_test: { good: { routing: { route: '021-61234567' }, at: '周六 14:00' }, bad: { routing: { route: '021-61234567' }, at: '周八' } },
};

async function sampleContext() {
  const store = new MemoryStore();
  await importInventory(store, JSON.stringify(sample), 'json');
  return createBotContext({ store, orders: new MemoryOrderBook({ inventory: store }) });
}

describe('the answers keep to their output schemas', () => {
  it('every tool has one, an object at its root, as MCP asks', () => {
    expect(tools.map((t) => t.name).sort()).toEqual((Object.keys(CALLS) as ToolName[]).sort());
    for (const t of tools) {
      expect(t.outputSchema, t.name).toMatchObject({ type: 'object', required: ['ok', 'say'] });
      expect(t.outputSchema.anyOf, t.name).toHaveLength(2);
    }
  });

  it.each(Object.keys(CALLS) as ToolName[])('%s: a good call and a refused one match it, by zod and by JSON Schema', async (name) => {
    const context = await sampleContext();
    if (name === 'release') await callTool('hold', CALLS.hold.good, context);
    const validate = ajv.getValidator(tools.find((t) => t.name === name)!.outputSchema);
    for (const [kind, args] of Object.entries(CALLS[name])) {
      const answer = JSON.parse(JSON.stringify(await callTool(name, args, context)));
      expect(answer.ok, `${name} ${kind}: ${JSON.stringify(answer).slice(0, 300)}`).toBe(kind === 'good');
      // route_check answers rules with problems as a result: they are the customer's to put right.
      if (name === 'route_check' && kind === 'good') expect(answer.result.ok).toBe(true);
      expect(answer.say, `${name} ${kind}`).toEqual(expect.any(String));
      expect(answerSchemas[name].safeParse(answer).success, `${name} ${kind}`).toBe(true);
      expect(validate(answer), `${name} ${kind}`).toMatchObject({ valid: true });
    }
  });

  it('refuse what is not such an answer', async () => {
    const context = await sampleContext();
    const answer = await callTool('search', CALLS.search.good, context);
    const validate = ajv.getValidator(tools.find((t) => t.name === 'search')!.outputSchema);
    const wrongs = [
      { ...answer, say: undefined },
      { ok: true, result: { results: [{ number: '4006123088', display: '400-612-3088', score: 70, tier: 'gold', special: false, value: 1 }], next: null }, say: '' },
      { ok: false, say: 'x' },
      { ok: true, error: { code: 'X', message: 'x' }, say: 'x' },
    ];
    for (const wrong of wrongs) {
      expect(answerSchemas.search.safeParse(JSON.parse(JSON.stringify(wrong))).success, JSON.stringify(wrong)).toBe(false);
      expect(validate(JSON.parse(JSON.stringify(wrong))).valid, JSON.stringify(wrong)).toBe(false);
    }
  });
});
