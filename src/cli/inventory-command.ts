import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Vanity400Error } from '../errors/vanity400-error.js';
import { exportInventory, importInventory, readInventoryFile } from '../node/inventory/import-export.js';
import { migrateJournal } from '../node/inventory/journal.js';
import type { NumberStatus, Store } from '../inventory/index.js';
import { format } from '../number/format.js';
import type { CliIo } from './index.js';
import { defaultStore, openStore } from './pools.js';

interface StoreFlags {
  store: string;
  json?: boolean;
}

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30m" → milliseconds; a bad duration is a usage error naming the flag (or the question) it came from. */
export function durationMs(text: string, from = '--ttl'): number {
  const m = DURATION.exec(text.trim());
  if (!m) throw new Vanity400Error('BAD_ARGUMENT', `${from} ${JSON.stringify(text)}: expected a duration such as 90s, 30m, 2h or 1d`, { input: text });
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

async function withStore<T>(flags: StoreFlags, run: (store: Store) => Promise<T>, create = false): Promise<T> {
  const store = await openStore(flags.store, { create });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

function when(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

export function registerInventory(program: Command, io: CliIo): void {
  const inventory = program
    .command('inventory')
    .description("agents' reserved numbers (预占): import, export, list, hold, release, sell, who")
    .addHelpText(
      'after',
      `
The store is a SQLite file that every vanity400 process on this machine shares (--store FILE.db; default
$VANITY400_STORE, else ${defaultStore()}; every change is on disk before the command reports it), or a Redis
server shared by many machines (--store redis://127.0.0.1:6379). Only import and migrate create a store.
Formats: see data/samples/inventory.csv and inventory.json.

Examples:
  $ vanity400 inventory import data/samples/inventory.csv
  $ vanity400 inventory list --agent A001 --status available --json
  $ vanity400 inventory hold 4006-123-000 --customer 张三 --ttl 30m
  $ vanity400 inventory sell 4006-123-000 --customer 张三
  $ vanity400 inventory who 4006-123-000`,
    );
  const sub = (name: string, description: string, examples: readonly string[]) =>
    inventory
      .command(name)
      .description(description)
      .option('--store <location>', 'the inventory: a SQLite file (*.db), or redis://host:port for a shared Redis store', defaultStore())
      .option('--json', 'print JSON')
      .addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ vanity400 inventory ${name} ${e}`).join('\n')}`);
  const print = (flags: StoreFlags, value: unknown, text: string) => io.out(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  sub('import', 'import agents and numbers from a CSV or JSON file, all or nothing', ['data/samples/inventory.csv', 'agents.json --store redis://127.0.0.1:6379 --json'])
    .argument('<file>', 'inventory file (.csv or .json)')
    .option('--dry-run', 'check the file against the store, write nothing')
    .action(async (file: string, flags: StoreFlags & { dryRun?: boolean }) => {
      const { text, format: kind } = await readInventoryFile(file);
      const result = await withStore(flags, (store) => importInventory(store, text, kind, { dryRun: flags.dryRun === true }), !flags.dryRun);
      print(flags, result, `${flags.dryRun ? 'would import' : 'imported'} ${JSON.stringify(result)}`);
    });

  sub('migrate', 'move an inventory journal (.jsonl) of an earlier version into the store, all or nothing', ['vanity400-inventory.jsonl', 'old.jsonl --store redis://127.0.0.1:6379'])
    .argument('<journal>', 'the journal file; it is only read')
    .action(async (journal: string, flags: StoreFlags) => {
      const result = await withStore(flags, (store) => migrateJournal(journal, store), true);
      print(flags, result, `migrated ${JSON.stringify(result)} from ${journal} into ${flags.store}`);
    });

  sub('export', 'write the inventory as CSV or JSON', ['--out inventory.csv', '--json > inventory.json'])
    .option('--format <format>', 'csv or json (--json is --format json)', 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (flags: StoreFlags & { format: string; out?: string }) => {
      if (flags.format !== 'csv' && flags.format !== 'json') throw new Vanity400Error('BAD_ARGUMENT', `--format ${flags.format}: expected csv or json`);
      const kind = flags.json ? 'json' : (flags.format as 'csv' | 'json');
      const text = await withStore(flags, (store) => exportInventory(store, kind));
      if (flags.out) writeFileSync(flags.out, text);
      else io.out(text.endsWith('\n') ? text : `${text}\n`);
    });

  sub('list', "an agent's numbers, optionally in one status", ['--agent huatong', '--agent huatong --status held --json'])
    .requiredOption('--agent <id>', 'agent id')
    .option('--status <status>', 'available, held, sold or withdrawn')
    .action(async (flags: StoreFlags & { agent: string; status?: NumberStatus }) => {
      if (flags.status && !['available', 'held', 'sold', 'withdrawn'].includes(flags.status)) {
        throw new Vanity400Error('BAD_ARGUMENT', `--status ${flags.status}: expected available, held, sold or withdrawn`);
      }
      const rows = await withStore(flags, (store) => store.list(flags.agent, flags.status));
      print(flags, rows, rows.map((r) => `${format(r.number).padEnd(14)}  ${r.status.padEnd(9)}  ${r.customer ?? ''}  ${when(r.heldUntil)}`.trimEnd()).join('\n') || '(none)');
    });

  sub('hold', 'hold an available number for a customer while the contract is signed', ['4006-123-000 --customer 张三', '4006-123-000 --customer "张三 13800138000" --ttl 2h --json'])
    .argument('<number>', 'the number')
    .requiredOption('--customer <name>', 'who it is held for')
    .option('--ttl <duration>', 'how long the hold lasts, e.g. 30m, 2h, 1d', '30m')
    .action(async (number: string, flags: StoreFlags & { customer: string; ttl: string }) => {
      const ttl = durationMs(flags.ttl);
      const result = await withStore(flags, (store) => store.hold(number, flags.customer, ttl));
      if (!result.ok) {
        io.status = 2;
        print(flags, result, `not held: ${format(result.state.number)} is ${result.state.status}`);
        return;
      }
      print(flags, result, `held ${format(number)} for ${flags.customer} until ${when(result.heldUntil)}`);
    });

  for (const [name, description] of [
    ['release', "end a customer's hold (only the holder)"],
    ['sell', 'sell a number held by this customer, or an available one'],
  ] as const) {
    sub(name, description, ['4006-123-000 --customer 张三', '4006-123-000 --customer 张三 --store redis://127.0.0.1:6379 --json'])
      .argument('<number>', 'the number')
      .requiredOption('--customer <name>', 'the customer')
      .action(async (number: string, flags: StoreFlags & { customer: string }) => {
        await withStore(flags, (store) => (name === 'sell' ? store.sell(number, flags.customer) : store.release(number, flags.customer)));
        print(flags, { ok: true }, `${name === 'sell' ? 'sold' : 'released'} ${format(number)}`);
      });
  }

  sub('who', 'which agent has a number, and its status', ['4006-123-000', '400-888-8888 --json'])
    .argument('<number>', 'the number')
    .action(async (number: string, flags: StoreFlags) => {
      const state = await withStore(flags, (store) => store.who(number));
      print(flags, state, state ? `${format(state.number)}  agent ${state.agent}  ${state.status}  ${state.customer ?? ''}  ${when(state.heldUntil)}`.trimEnd() : `${number}: not in the inventory`);
    });
}
