import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, storePool, suggestPage, type Pool } from '../../src/index.js';
import { importInventory } from '../../src/node/index.js';

// dist is built by tests/global-setup.ts.
const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const SAMPLE = new URL('../../data/samples/inventory.json', import.meta.url).pathname;

/** The suggest tool as a chat bot reaches it: `vanity400 mcp` on the sample inventory, through the SDK's client. */
describe('the suggest tool through an MCP client', () => {
  let client: Client;
  let pool: Pool;
  let validate: (value: unknown) => { valid: boolean };

  beforeAll(async () => {
    client = new Client({ name: 'vanity400-suggest-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], stderr: 'pipe' }));
    const listed = (await client.listTools()).tools.find((t) => t.name === 'suggest')!;
    validate = new AjvJsonSchemaValidator().getValidator(listed.outputSchema as never) as never;
    const sample = new MemoryStore();
    await importInventory(sample, readFileSync(SAMPLE, 'utf8'), 'json');
    pool = await storePool(sample);
  });
  afterAll(() => client.close());

  async function call(args: Record<string, unknown>) {
    const answer = await client.callTool({ name: 'suggest', arguments: args });
    const content = answer.content as { type: string; text: string }[];
    expect(JSON.parse(content[0]!.text)).toEqual(answer.structuredContent);
    expect(validate(answer.structuredContent)).toMatchObject({ valid: true });
    return answer.structuredContent as { ok: boolean; result: Awaited<ReturnType<typeof suggestPage>>; say: string };
  }

  it("carries the page's notes, structured, and says the customer's before the numbers", async () => {
    const profile = { name: '海底捞', founded: 1994, avoid: '4' };
    const answer = await call({ ...profile, limit: 5 });
    const page = JSON.parse(JSON.stringify(await suggestPage(profile, { pools: [pool], limit: 5 })));
    expect(answer.ok).toBe(true);
    expect(answer.result).toEqual(page);
    expect(answer.result.notes.map((n) => n.zh)).toContain('成立年份 1994 含 4，已按要求避开');
    const said = page.notes.filter((n: { kind: string }) => n.kind !== 'filled' && n.kind !== 'more');
    expect(said.length).toBeLessThan(page.notes.length);
    expect(answer.say.startsWith(said.map((n: { zh: string }) => `${n.zh}。`).join(''))).toBe(true);
    expect(answer.say).not.toContain('客户信息');
    expect(answer.say).toMatch(/^成立年份 1994 含 4，已按要求避开。“海底捞”没有读音相符的号码，/);
    expect(answer.say).toContain(`推荐 ${page.results[0].display}（`);
  });

  it('says in English what was left out when the call asks for English', async () => {
    const answer = await call({ name: '一生一世婚纱', founded: 2010, avoid: '4', limit: 3, lang: 'en' });
    expect(answer.result.notes.find((n) => n.kind === 'avoided')?.en).toBe('一生一世 reads as 1314, which has 4: left out as the customer asks');
    expect(answer.say).toMatch(/^一生一世 reads as 1314, which has 4: left out as the customer asks\. /);
    expect(answer.say).not.toMatch(/[已按要求]/);
  });

  it("an answer without notes' field is not a suggest answer", () => {
    const page = { ok: true, result: { results: [] }, say: '没有找到合适的号码。' };
    expect(validate(page).valid).toBe(false);
  });
});
