import type { Command } from 'commander';
import type { McpFlags } from './mcp-server.js';

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('a Model Context Protocol server with the chat-bot tools, over stdio or Streamable HTTP: score, explain, search, near, sounds, suggest, hold, release, quote, opening_date, documents, order_status, route_check, route_test')
    .option('--store <location>', 'inventory for hold and release: a SQLite file (*.db) or redis://host:port (default: the sample inventory, in memory)')
    .option('--agent <id>', "search only this agent's available numbers (from the store)")
    .option('--profile <name>', 'scoring profile: seed or traditional', 'seed')
    .option('--lang <lang>', 'language of the answers when a call does not say: zh or en', 'zh')
    .option('--http <host:port>', 'serve Streamable HTTP at http://host:port/mcp instead of stdio (port 0: any free one)')
    .addHelpText(
      'after',
      `
Standard output carries only the protocol; an MCP client starts the server and talks to it. Client configuration:
  { "mcpServers": { "vanity400": { "command": "npx", "args": ["-y", "vanity400-cli", "mcp", "--store", "inventory.db"] } } }

Examples:
  $ vanity400 mcp
  $ vanity400 mcp --store inventory.db --agent huatong
  $ vanity400 mcp --store redis://127.0.0.1:6379
  $ vanity400 mcp --http 127.0.0.1:8400 --store inventory.db`,
    )
    .action(async (flags: McpFlags) => {
      // Loaded only here: the MCP SDK would slow the start of every other command.
      const { serveMcp } = await import('./mcp-server.js');
      await serveMcp(flags);
    });
}
