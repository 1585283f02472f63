import { stripVTControlCharacters } from 'node:util';
import { spawn } from 'node-pty';

export const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', up: '\x1b[A', down: '\x1b[B', space: ' ', ctrlC: '\x03', ctrlU: '\x15', esc: '\x1b' } as const;

/** How long to wait for a text before failing: generous, since the machine is shared. */
const WAIT_MS = 30_000;

/**
 * The built CLI run in a pseudo-terminal. `expect` waits for a text to appear after the last one waited
 * for, so every step is keyed on what the program printed, never on time.
 */
export function ptySession(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env } as Record<string, string>;
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const child = spawn(process.execPath, [CLI, ...args], { name: 'xterm-256color', cols: 200, rows: 60, env: { ...base, TERM: 'xterm-256color', ...env } });
  let raw = '';
  let mark = 0;
  const waiters = new Set<() => void>();
  child.onData((data) => {
    raw += data;
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));

  return {
    /** Everything printed so far, escape sequences removed. */
    screen: () => stripVTControlCharacters(raw),
    /** Everything printed so far, as sent. */
    raw: () => raw,
    /** Waits for `text` after the last text waited for; resolves to the screen text between them. */
    expect(text: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const screen = stripVTControlCharacters(raw);
          const at = screen.indexOf(text, mark);
          if (at < 0) return;
          const between = screen.slice(mark, at);
          mark = at + text.length;
          cleanup();
          resolve(between);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${JSON.stringify(text)} within ${WAIT_MS} ms; the screen ends with:\n${stripVTControlCharacters(raw).slice(-2000)}`));
        }, WAIT_MS);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    send: (keys: string) => child.write(keys),
    /** The exit status. */
    exited,
    kill: () => child.kill(),
  };
}
