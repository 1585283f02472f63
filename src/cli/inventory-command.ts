import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseDuration } from '../calendar/duration.js';
import { beijingTime } from '../calendar/working-days.js';
import { exportInventory, importInventory, readInventoryFile, type ImportResult } from '../node/inventory/import-export.js';
import { migrateJournal } from '../node/inventory/journal.js';
import { NUMBER_STATUSES, type NumberState, type NumberStatus, type Store } from '../inventory/index.js';
import { inventoryRules } from '../index.js';
import { format } from '../number/format.js';
import type { Language } from '../scoring/explain.js';
import { badFlag, oneOf } from './errors.js';
import type { CliIo } from './index.js';
import { defaultStore, openStore } from './pools.js';
import { langFlag } from './sale-flags.js';

interface StoreFlags {
  store: string;
  json?: boolean;
  lang: string;
}

async function withStore<T>(flags: StoreFlags, run: (store: Store) => Promise<T>, create = false): Promise<T> {
  const store = await openStore(flags.store, { create, lang: langFlag(flags.lang) });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** What the commands print, in each language. */
const SAY = {
  zh: {
    imported: (dry: boolean, r: ImportResult) => `${dry ? '检查通过，可以导入' : '已导入'} ${r.agents} 个代理商、${r.numbers} 个号码`,
    migrated: (r: ImportResult, from: string, to: string) => `已把 ${from} 迁移到 ${to}：${r.agents} 个代理商、${r.numbers} 个号码`,
    none: '（没有）',
    until: (ms: number) => `保留到北京时间 ${beijingTime(ms)}`,
    held: (number: string, customer: string, until: number) => `已为 ${customer} 保留 ${number}，保留到北京时间 ${beijingTime(until)}`,
    notHeld: (number: string, status: NumberStatus) => `没有保留：${number} ${inventoryRules.STATUS_NAMES[status].zh}`,
    released: (number: string) => `已取消 ${number} 的保留`,
    sold: (number: string) => `已售出 ${number}`,
    unknown: (number: string) => `${number} 不在库存里`,
  },
  en: {
    imported: (dry: boolean, r: ImportResult) => `${dry ? 'would import' : 'imported'} ${r.agents} agents and ${r.numbers} numbers`,
    migrated: (r: ImportResult, from: string, to: string) => `migrated ${r.agents} agents and ${r.numbers} numbers from ${from} into ${to}`,
    none: '(none)',
    until: (ms: number) => `until ${beijingTime(ms)} Beijing time`,
    held: (number: string, customer: string, until: number) => `held ${number} for ${customer} until ${beijingTime(until)} Beijing time`,
    notHeld: (number: string, status: NumberStatus) => `not held: ${number} is ${status}`,
    released: (number: string) => `released ${number}`,
    sold: (number: string) => `sold ${number}`,
    unknown: (number: string) => `${number}: not in the inventory`,
  },
} satisfies Record<Language, unknown>;

/** One number of a list: number, status, customer, and until when it is held. */
function row(state: NumberState, lang: Language): string {
  const until = state.heldUntil === undefined ? '' : SAY[lang].until(state.heldUntil);
  return `${format(state.number).padEnd(14)}  ${inventoryRules.STATUS_NAMES[state.status][lang].padEnd(lang === 'zh' ? 4 : 9, lang === 'zh' ? '　' : ' ')}  ${state.customer ?? ''}  ${until}`.trimEnd();
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
      .option('--lang <lang>', 'language: zh or en', 'zh')
      .addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ vanity400 inventory ${name} ${e}`).join('\n')}`);
  const print = (flags: StoreFlags, value: unknown, text: string) => io.out(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  sub('import', 'import agents and numbers from a CSV or JSON file, all or nothing', ['data/samples/inventory.csv', 'agents.json --store redis://127.0.0.1:6379 --json'])
    .argument('<file>', 'inventory file (.csv or .json)')
    .option('--dry-run', 'check the file against the store, write nothing')
    .action(async (file: string, flags: StoreFlags & { dryRun?: boolean }) => {
      const { text, format: kind } = await readInventoryFile(file);
      const result = await withStore(flags, (store) => importInventory(store, text, kind, { dryRun: flags.dryRun === true }), !flags.dryRun);
      print(flags, result, SAY[langFlag(flags.lang)].imported(flags.dryRun === true, result));
    });

  sub('migrate', 'move an inventory journal (.jsonl) of an earlier version into the store, all or nothing', ['vanity400-inventory.jsonl', 'old.jsonl --store redis://127.0.0.1:6379'])
    .argument('<journal>', 'the journal file; it is only read')
    .action(async (journal: string, flags: StoreFlags) => {
      const result = await withStore(flags, (store) => migrateJournal(journal, store), true);
      print(flags, result, SAY[langFlag(flags.lang)].migrated(result, journal, flags.store));
    });

  sub('export', 'write the inventory as CSV or JSON', ['--out inventory.csv', '--json > inventory.json'])
    .option('--format <format>', 'csv or json (--json is --format json)', 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (flags: StoreFlags & { format: string; out?: string }) => {
      if (flags.format !== 'csv' && flags.format !== 'json') throw badFlag('--format', flags.format, oneOf(['csv', 'json']));
      const kind = flags.json ? 'json' : (flags.format as 'csv' | 'json');
      const text = await withStore(flags, (store) => exportInventory(store, kind));
      if (flags.out) writeFileSync(flags.out, text);
      else io.out(text.endsWith('\n') ? text : `${text}\n`);
    });

  sub('list', "an agent's numbers, optionally in one status", ['--agent huatong', '--agent huatong --status held --json'])
    .requiredOption('--agent <id>', 'agent id')
    .option('--status <status>', 'available, held, sold or withdrawn')
    .action(async (flags: StoreFlags & { agent: string; status?: NumberStatus }) => {
      if (flags.status && !NUMBER_STATUSES.includes(flags.status)) throw badFlag('--status', flags.status, oneOf(NUMBER_STATUSES));
      const lang = langFlag(flags.lang);
      const rows = await withStore(flags, (store) => store.list(flags.agent, flags.status));
      print(flags, rows, rows.map((r) => row(r, lang)).join('\n') || SAY[lang].none);
    });

  sub('hold', 'hold an available number for a customer while the contract is signed', ['4006-123-000 --customer 张三', '4006-123-000 --customer "张三 13800138000" --ttl 2h --json'])
    .argument('<number>', 'the number')
    .requiredOption('--customer <name>', 'who it is held for')
    .option('--ttl <duration>', 'how long the hold lasts, e.g. 30m, 2h, 1d, 30分钟, 2小时, 1天', '30m')
    .action(async (number: string, flags: StoreFlags & { customer: string; ttl: string }) => {
      const lang = langFlag(flags.lang);
      const ttl = parseDuration(flags.ttl, '--ttl');
      const result = await withStore(flags, (store) => store.hold(number, flags.customer, ttl));
      if (!result.ok) {
        io.status = 2;
        print(flags, result, SAY[lang].notHeld(format(result.state.number), result.state.status));
        return;
      }
      print(flags, result, SAY[lang].held(format(number), flags.customer, result.heldUntil));
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
        print(flags, { ok: true }, SAY[langFlag(flags.lang)][name === 'sell' ? 'sold' : 'released'](format(number)));
      });
  }

  sub('who', 'which agent has a number, and its status', ['4006-123-000', '400-888-8888 --json'])
    .argument('<number>', 'the number')
    .action(async (number: string, flags: StoreFlags) => {
      const state = await withStore(flags, (store) => store.who(number));
      const lang = langFlag(flags.lang);
      print(flags, state, state ? inventoryRules.stateText(state)[lang] : SAY[lang].unknown(number));
    });
}
