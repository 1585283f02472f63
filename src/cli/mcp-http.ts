// MCP's Streamable HTTP transport on one address, a session per client: each session has its own
// protocol server over the one bot context, so every client sees the same store.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { badFlag } from './errors.js';
import { MAX_MESSAGE_BYTES } from './mcp-limits.js';

/** Where the server listens: a host and a port (0: any free one). */
export interface ListenAddress {
  host: string;
  port: number;
}

/** The path clients post to. */
const PATH = '/mcp';

/** "127.0.0.1:8400", "[::1]:8400", "localhost:0" → host and port. */
export function parseListen(value: string): ListenAddress {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw badFlag('--http', value, { zh: '应为 主机:端口，如 127.0.0.1:8400', en: 'host:port, such as 127.0.0.1:8400' });
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function reply(res: ServerResponse, status: number, code: number, message: string, id: unknown = null): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } }));
}

/** The body of a POST, or why it was not read: larger than a message may be, or not JSON. */
async function readBody(req: IncomingMessage): Promise<{ ok: true; body: unknown } | { ok: false; status: number; code: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_MESSAGE_BYTES) {
      req.destroy();
      return { ok: false, status: 413, code: -32600, message: `request larger than ${MAX_MESSAGE_BYTES} bytes (${MAX_MESSAGE_BYTES / 1024 / 1024} MiB): not read` };
    }
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, code: -32700, message: 'Parse error: the body is not JSON' };
  }
}

/**
 * Serves MCP over Streamable HTTP at http://host:port/mcp until SIGTERM or SIGINT; prints the address
 * on standard output once it listens. A loopback address answers only requests that name it as their
 * Host (no DNS rebinding from a web page).
 */
export async function serveHttp(address: ListenAddress, newServer: () => Server): Promise<void> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  let allowedHosts: string[] | undefined;

  const http = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, -32603, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', 'http://host').pathname !== PATH) return reply(res, 404, -32601, `Not found: MCP is served at ${PATH}`);
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readBody(req);
      if (!read.ok) return reply(res, read.status, read.code, read.message);
      body = read.body;
    }
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (transport === undefined) {
      if (id !== undefined) return reply(res, 404, -32001, 'Session not found: initialize a new one');
      if (req.method !== 'POST' || !isInitializeRequest(body)) return reply(res, 400, -32000, 'Bad Request: no session; start with an initialize request');
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (sessionId) => void sessions.set(sessionId, created),
        ...(allowedHosts ? { enableDnsRebindingProtection: true, allowedHosts } : {}),
      });
      created.onclose = () => {
        if (created.sessionId !== undefined) sessions.delete(created.sessionId);
      };
      await newServer().connect(created);
      transport = created;
    }
    await transport.handleRequest(req, res, body);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(address.port, address.host, resolve);
  });
  const { port } = http.address() as { port: number };
  if (LOOPBACK.has(address.host)) allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const shown = address.host.includes(':') ? `[${address.host}]` : address.host;
  process.stdout.write(`MCP: http://${shown}:${port}${PATH}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const transport of sessions.values()) void transport.close();
      http.close(() => resolve());
      http.closeAllConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
