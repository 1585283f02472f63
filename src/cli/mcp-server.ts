// The low-level server: it lists the JSON Schemas the bot tools already have and leaves checking the
// arguments to callTool, so that bad arguments come back as the tools' own error objects.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { callTool, createBotContext, instructions, tools, type BotContext } from '../bot/index.js';
import { MemoryStore } from '../inventory/memory-store.js';
import type { Store } from '../inventory/store.js';
import { importInventory } from '../node/inventory/import-export.js';
import sampleInventory from '../../data/samples/inventory.json';
import pkg from '../../package.json';
import { openStore } from './pools.js';
import { choiceFlag } from './flags.js';
import { MAX_MESSAGE_BYTES, MessageLimit } from './mcp-limits.js';

export interface McpFlags {
  store?: string;
  agent?: string;
  profile: string;
  lang: string;
  http?: string;
}

type Lang = 'zh' | 'en';

/** The tools as MCP lists them: the title in the server's language, the description in both. */
function listed(lang: Lang): Tool[] {
  return tools.map((t) => ({
    name: t.name,
    title: t.title[lang],
    description: `${t.description.en}\n${t.description.zh}`,
    inputSchema: t.inputSchema as Tool['inputSchema'],
    outputSchema: t.outputSchema as Tool['outputSchema'],
    annotations: { title: t.title[lang], ...t.annotations },
  }));
}

/** One MCP server over the context; calls without `lang` are answered in the server's language. */
export function mcpServer(context: BotContext, lang: Lang): Server {
  const server = new Server({ name: 'vanity400', title: 'vanity400', version: pkg.version }, { capabilities: { tools: {} }, instructions: instructions[lang] });
  const list = listed(lang);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: list }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const given = request.params.arguments;
    const args = given !== null && typeof given === 'object' && !Array.isArray(given) && !('lang' in given) ? { ...given, lang } : given;
    const answer = await callTool(request.params.name, args, context);
    return { content: [{ type: 'text', text: JSON.stringify(answer) }], structuredContent: answer, isError: !answer.ok };
  });
  return server;
}

/** The sample inventory of data/samples/inventory.json, in memory: changes last as long as the server. */
async function sampleStore(): Promise<Store> {
  const store = new MemoryStore();
  await importInventory(store, JSON.stringify(sampleInventory), 'json');
  return store;
}

/** Serves the tools over stdio until the client closes standard input, or over HTTP, until a signal stops it. */
export async function serveMcp(flags: McpFlags): Promise<void> {
  const lang = choiceFlag('--lang', flags.lang, ['zh', 'en'] as const);
  // Loaded only for --http: node:http and the transport are not needed over stdio.
  const http = flags.http === undefined ? undefined : await import('./mcp-http.js');
  const address = flags.http === undefined ? undefined : http!.parseListen(flags.http);
  const store = flags.store === undefined ? await sampleStore() : await openStore(flags.store);
  try {
    const context = createBotContext({ store, profile: flags.profile, ...(flags.agent !== undefined ? { agent: flags.agent } : {}) });
    if (flags.agent !== undefined) await context.pools(); // an unknown agent fails now, not at the first search
    if (http && address) await http.serveHttp(address, () => mcpServer(context, lang));
    else await serveStdio(mcpServer(context, lang));
  } finally {
    await store.close();
  }
}

async function serveStdio(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  // An oversized request is answered with a JSON-RPC error (Invalid Request), and the server goes on.
  const input = process.stdin.pipe(
    new MessageLimit(MAX_MESSAGE_BYTES, (id) => {
      const message = `request larger than ${MAX_MESSAGE_BYTES} bytes (${MAX_MESSAGE_BYTES / 1024 / 1024} MiB): not read`;
      process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32600, message } })}\n`);
    }),
  );
  await server.connect(new StdioServerTransport(input as unknown as NodeJS.ReadStream, process.stdout));
  // A client ends the session by closing our standard input, or stops us with a signal.
  const stop = () => void server.close();
  input.once('end', stop);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await closed;
}
