/**
 * vanity400/node: the parts that need Node.js (files): pool snapshot files, inventory import and
 * export, and moving the inventory journals of earlier versions into a store.
 *
 * @module vanity400/node
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
// The core by its package name, so that users of both entry points share one copy of it.
import { Vanity400Error, poolFromSnapshot, poolToSnapshot, type Pool, type Profile } from 'vanity400';

/** Writes a pool snapshot to a file, atomically (a reader never sees half a file). */
export function savePool(pool: Pool, path: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, new Uint8Array(poolToSnapshot(pool)));
  renameSync(tmp, path);
}

/** Reads a pool snapshot file; a damaged or stale one is a Vanity400Error (BAD_SNAPSHOT, STALE_SNAPSHOT). */
export function loadPool(path: string, options: { profile?: Profile } = {}): Pool {
  const bytes = readFileSync(path);
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
  try {
    return poolFromSnapshot(buffer, options);
  } catch (error) {
    if (error instanceof Vanity400Error) throw new Vanity400Error(error.code, `${path}: ${error.message}`, { input: path });
    throw error;
  }
}

export {
  importInventory,
  exportInventory,
  readInventoryFile,
  readJournal,
  migrateJournal,
  type ImportOptions,
  type ImportResult,
  type ExportOptions,
  type InventoryFormat,
} from './inventory/index.js';
