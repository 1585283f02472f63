import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/index.js';
import { palette, wantsColour } from '../../src/cli/colour.js';
import { score } from '../../src/scoring/score.js';
import { CLI, ptySession } from './pty-session.js';
import { cli } from './run-cli.js';

const ESC = '\x1b[';
const SAMPLE = new URL('../../data/samples/inventory.csv', import.meta.url).pathname;

/** Every command and subcommand as the words that name it, e.g. ['inventory', 'hold']. */
function commandPaths(): string[][] {
  const program = createProgram({ stdin: Readable.from([]), out: () => {}, err: () => {}, status: 0, paint: { out: palette(false), err: palette(false) }, lang: 'zh' });
  const paths: string[][] = [];
  const walk = (command: Command, path: string[]) => {
    for (const sub of command.commands) {
      paths.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(program, []);
  return paths;
}

/** Runs the built CLI with piped streams and a clean colour environment. */
function piped(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env } as Record<string, string>;
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return spawnSync(process.execPath, [CLI, ...args], { input: '', encoding: 'utf8', env: { ...base, ...env } });
}

describe('--help', () => {
  const paths = commandPaths();

  it('knows the commands, the inventory subcommands among them', () => {
    const names = paths.map((p) => p.join(' '));
    for (const name of ['score', 'search', 'near', 'sounds', 'suggest', 'pick', 'inventory', 'inventory import', 'inventory hold', 'inventory who']) expect(names).toContain(name);
  });

  it.each([[[]] as [string[]], ...paths.map((p) => [p] as [string[]])])('%j has an Examples section that uses the command', async (path) => {
    const { status, out } = await cli([...path, '--help']);
    expect(status).toBe(0);
    const examples = out.slice(out.indexOf('\nExamples:\n'));
    expect(out).toContain('\nExamples:\n');
    expect(examples).toContain(`  $ ${['vanity400', ...path].join(' ')}`);
  });

  it('every command that prints results offers --json', () => {
    const program = createProgram({ stdin: Readable.from([]), out: () => {}, err: () => {}, status: 0, paint: { out: palette(false), err: palette(false) }, lang: 'zh' });
    // pick asks questions and mcp speaks the protocol on stdout; inventory, route, calls and order only group their subcommands.
    const printing = paths.filter((p) => !['pick', 'mcp', 'inventory', 'route', 'calls', 'order'].includes(p.join(' ')));
    for (const path of printing) {
      let command: Command = program;
      for (const name of path) command = command.commands.find((c) => c.name() === name)!;
      expect(command.options.map((o) => o.long), path.join(' ')).toContain('--json');
    }
  });

  it('inventory export --json prints the inventory as JSON', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'vanity400-help-')), 'inventory.db');
    await cli(['inventory', 'import', SAMPLE, '--store', store]);
    const { status, out } = await cli(['inventory', 'export', '--json', '--store', store]);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ agents: expect.any(Array) });
  });
});

describe('colours', () => {
  it('follow NO_COLOR (when not empty), FORCE_COLOR and the terminal', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('are left out of piped output and errors', () => {
    const table = piped(['score', '4008517517', '12345']);
    expect(table.stdout).toContain('顶级靓号');
    expect(table.stdout).not.toContain(ESC);
    const usage = piped(['search', '--min-score', 'lots']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('vanity400: --min-score "lots"');
    expect(usage.stderr).not.toContain(ESC);
  });

  it('come back when FORCE_COLOR asks for them on a pipe', () => {
    expect(piped(['score', '4008517517'], { FORCE_COLOR: '1' }).stdout).toContain(ESC);
  });

  it('colour tiers, scores and error prefixes on a terminal', async () => {
    const s = ptySession(['score', '4008517517', '4001234567', '12345']);
    await s.expect('WRONG_LENGTH');
    expect(await s.exited).toBe(2);
    const raw = s.raw();
    expect(raw).toContain(`${ESC}33m顶级靓号`); // top, in yellow
    expect(raw).toMatch(new RegExp(`\\x1b\\[1m\\x1b\\[33m\\s*${score('4008517517').score}`)); // its score, bold and yellow
    expect(raw).toContain(`${ESC}31m错误 WRONG_LENGTH:`);
    expect(s.screen()).toContain('400-851-7517');

    const usage = ptySession(['near', '4008517517', '--distance', '9']);
    await usage.expect('应为 1、2 或 3');
    expect(await usage.exited).toBe(2);
    expect(usage.raw()).toContain(`${ESC}31mvanity400:`);
  });

  it('are never used on a terminal with NO_COLOR=1', async () => {
    const runs: [string[], string][] = [
      [['score', '4008517517', '12345'], 'WRONG_LENGTH'],
      [['near', '4008517517', '--distance', '9'], '应为 1、2 或 3'],
      [['search', '--help'], 'Examples:'],
    ];
    for (const [args, last] of runs) {
      const s = ptySession(args, { NO_COLOR: '1' });
      await s.expect(last);
      await s.exited;
      expect(s.raw(), args.join(' ')).not.toContain(ESC);
    }
  });
});
