/**
 * A Redis server for tests: VANITY400_REDIS_URL if set; otherwise a private redis-server (if one is on
 * PATH) on 127.0.0.1 and a free port, without persistence, stopped by its PID by stopRedis(); otherwise null.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

export const NO_REDIS_MESSAGE = 'Redis tests need redis-server: apt-get install redis-server or set VANITY400_REDIS_URL';

let started: { child: ChildProcess; url: string } | null = null;
let starting: Promise<string | null> | null = null;

export function redisUrl(): Promise<string | null> {
  const given = process.env.VANITY400_REDIS_URL;
  if (given !== undefined && given !== '') return Promise.resolve(given);
  starting ??= start();
  return starting;
}

/** Stops the server redisUrl() started, if any, and waits until it has exited. */
export async function stopRedis(): Promise<void> {
  const server = started;
  started = null;
  starting = null;
  if (server === null) return;
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid as number, 'SIGTERM');
  await exited;
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a server on the port answers PING with +PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let text = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\r\n')) done(text.startsWith('+PONG'));
    });
  });
}

async function start(): Promise<string | null> {
  if (findOnPath('redis-server') === null) return null;
  const server = await startRedisServer(['--save', '', '--appendonly', 'no']);
  started = { child: server.child, url: server.url };
  return server.url;
}

/** A redis-server of its own: for tests that kill it, restart it or need a persistence setting. */
export interface PrivateRedis {
  url: string;
  child: ChildProcess;
  /** Kills the server with the signal and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a private redis-server on 127.0.0.1 with these extra arguments (e.g. --appendonly yes --dir D),
 * on a free port, or on `port` (to restart one on the same address). Throws if redis-server is missing.
 */
export async function startRedisServer(args: string[], port?: number): Promise<PrivateRedis> {
  const binary = findOnPath('redis-server');
  if (binary === null) throw new Error(NO_REDIS_MESSAGE);
  let lastError = '';
  // Another process may take the free port before the server binds it: try a few ports.
  for (let attempt = 0; attempt < 3; attempt++) {
    const p = port ?? (await freePort());
    const child = spawn(binary, ['--bind', '127.0.0.1', '--port', String(p), '--daemonize', 'no', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killOnExit = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await pong(p)) {
        return {
          url: `redis://127.0.0.1:${p}`,
          child,
          async kill(signal) {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
            child.kill(signal);
            await exited;
            process.off('exit', killOnExit);
          },
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    process.off('exit', killOnExit);
    lastError = output.trim().split('\n').slice(-3).join('\n');
  }
  throw new Error(`redis-server did not start on 127.0.0.1: ${lastError}`);
}
