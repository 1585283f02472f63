import { describe, expect, it } from 'vitest';
import { callTool, createBotContext } from '../../src/bot/index.js';
import { checkRoutingRules, route } from '../../src/index.js';

const context = createBotContext();
const routing = { route: { byArea: [{ areas: ['上海'], route: '021-61234567' }], otherwise: '13800138000' }, forwarding: { numbers: ['13900139000'] } };

describe('the routing tools', () => {
  it('route_check: the checked rules and their form, or every problem, said in the language asked for', async () => {
    const good = await callTool('route_check', { routing }, context);
    if (!good.ok) throw new Error(JSON.stringify(good.error));
    expect(good.result).toMatchObject({ ok: true, rules: checkRoutingRules(routing).ok ? (checkRoutingRules(routing) as { rules: unknown }).rules : null, form: { title: '400 电话受理单 · 转接规则' } });
    expect(good.say).toBe('转接规则没有问题，可以填进受理单。共 3 个落地号码：021-61234567、13800138000、13900139000，都要是申请单位实名办理的号码。');
    const bad = await callTool('route_check', { routing: { route: { split: [{ percent: 33.3, route: '021-61234567' }] } }, lang: 'en' }, context);
    if (!bad.ok) throw new Error(JSON.stringify(bad.error));
    expect(bad.result.ok).toBe(false);
    expect(bad.say).toBe('The routing rules have 1 problem: share 1, percentage: a share is a whole percent from 1 to 100, not 33.3.');
  });

  it('route_test: what route() decides, said as its explanation', async () => {
    const answer = await callTool('route_test', { routing, from: '021-51234567', at: '周六 14:00' }, context);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(answer.result).toEqual(route(routing, { from: '021-51234567', at: '周六 14:00', usage: {} }, { seed: 1 }));
    expect(answer.say).toBe('周六 14:00 从上海（021）打入：先转 021-6123 4567，占线或 20 秒无人接听则转 139 0013 9000。');
    const refused = await callTool('route_test', { routing: { route: { byTime: [{ days: ['mon'], route: '021-61234567' }] } }, at: '周六 14:00' }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_ROUTING' } });
    expect(await callTool('route_test', { routing, at: '周六 25:00' }, context)).toMatchObject({ ok: false, error: { code: 'BAD_TIME' } });
    expect(await callTool('route_test', { routing: 'x', at: '周六 10:00' }, context)).toMatchObject({ ok: false, error: { code: 'INVALID_TYPE' } });
  });
});
