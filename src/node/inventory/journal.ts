/**
 * Reading the inventory journals of earlier versions (one JSON line per change), to move them into a
 * SQLite or Redis store: the journal store itself is gone, since a lock file cannot let the bot and the
 * salespeople share one inventory, and SQLite can.
 *
 * Journal format (UTF-8, one JSON value per line, each line ending in "\n"):
 *   line 1   {"journal":"vanity400-inventory","version":1,"created":"<ISO time>"}
 *   line 2…  one InventoryOp per acknowledged change, e.g.
 *            {"op":"hold","at":1718000000000,"number":"4006123000","customer":"acme","until":1718000600000}
 * The last line, if it lacks its newline or is not valid JSON, is a write torn by a crash and was never
 * acknowledged: it is ignored. Any other damaged line is an error (BAD_JOURNAL) naming the line.
 */
import { MemoryStore, Vanity400Error, inventoryRules } from './core.js';
import type { InventoryOp, Store } from './core.js';
import { readBounded } from './read-bounded.js';
import { batchOf } from './import-export.js';
import type { ImportResult } from './import-export.js';

const HEADER = { journal: 'vanity400-inventory', version: 1 } as const;
const NEWLINE = 0x0a;
/** A journal larger than this is not one this library wrote for an inventory of at most 10 million numbers. */
const MAX_JOURNAL_BYTES = 2 * 1024 ** 3;

function journalError(path: string, zh: string, en: string): Vanity400Error {
  return new Vanity400Error('BAD_JOURNAL', { zh: `库存日志 ${path}：${zh}`, en: `Inventory journal ${path}: ${en}` }, { input: path });
}

/** Replays the journal's lines into `memory`. */
function replay(path: string, bytes: Buffer, memory: MemoryStore): void {
  let start = 0;
  let line = 0;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0) return; // the rest, if any, is a torn write
    line++;
    const text = bytes.toString('utf8', start, end);
    start = end + 1;
    if (line > 1 && text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (line === 1) value = null;
      else if (bytes.indexOf(NEWLINE, start) < 0) return; // a torn last line
      else
        throw journalError(path, `第 ${line} 行不是有效的 JSON，文件已损坏。`, `line ${line} is not valid JSON; the file is damaged.`);
    }
    if (line === 1) {
      const h = value as Record<string, unknown> | null;
      if (typeof h !== 'object' || h === null || h.journal !== HEADER.journal || h.version !== HEADER.version) {
        throw journalError(path, '第 1 行不是 vanity400 库存日志的文件头，文件对吗？', 'line 1 is not a vanity400 inventory journal header; is this the right file?');
      }
      continue;
    }
    try {
      memory.apply(value as InventoryOp);
    } catch (error) {
      if (error instanceof Vanity400Error) throw journalError(path, `第 ${line} 行无法重放：${error.text.zh}`, `line ${line} cannot be replayed: ${error.text.en}`);
      throw error;
    }
  }
}

/** The inventory a journal file records, in memory (the file is only read). BAD_JOURNAL for a damaged or foreign file. */
export async function readJournal(path: string): Promise<MemoryStore> {
  const bytes = await readBounded(path, MAX_JOURNAL_BYTES);
  const memory = new MemoryStore();
  replay(path, bytes, memory);
  if (bytes.indexOf(NEWLINE) < 0) throw journalError(path, '没有完整的文件头，不是库存日志。', 'it has no complete header line; it is not an inventory journal.');
  return memory;
}

/**
 * Moves the inventory of a journal file into `store` (a SQLite or Redis store), all or nothing, by the
 * store's own load; the journal is left as it was. BAD_IMPORT if the store already has some of it.
 */
export async function migrateJournal(path: string, store: Store): Promise<ImportResult> {
  if (typeof store !== 'object' || store === null || typeof (store as Store).load !== 'function') throw inventoryRules.wrongType('store', { zh: '库存（Store）', en: 'a Store' }, store);
  const memory = await readJournal(path);
  const result = await store.load(await batchOf(memory));
  if (!result.ok) {
    const lines = result.problems.slice(0, 20).map((p) => `  ${p.ref ?? ''}${p.text.en}`);
    const zh = result.problems.slice(0, 20).map((p) => `  ${p.ref ?? ''}${p.text.zh}`);
    throw new Vanity400Error('BAD_IMPORT', {
      zh: `不能迁移库存日志 ${path}：有 ${result.problems.length} 处冲突，未做任何改动。\n${zh.join('\n')}`,
      en: `Cannot migrate the journal ${path}: ${result.problems.length} conflicts, nothing was changed.\n${lines.join('\n')}`,
    });
  }
  return { agents: result.agents, numbers: result.numbers };
}
