/**
 * vanity400/node: the parts that need Node.js (files): pool snapshot files, inventory import and
 * export, and moving the inventory journals of earlier versions into a store.
 *
 * @module vanity400/node
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
// The core by its package name, so that users of both entry points share one copy of it.
import { Vanity400Error, inventoryRules, poolFromSnapshot, poolToSnapshot, type Pool, type Profile } from 'vanity400';

/** The largest snapshot: 10 million numbers at 8 bytes, and the header. */
const MAX_SNAPSHOT_BYTES = 80 * 1024 ** 2 + 64 * 1024;

/**
 * Writes a pool snapshot to a file, atomically: into a new file of a random name beside it, created
 * exclusively (so never through a symlink or into someone else's file), synced, then renamed over
 * `path` (which replaces a symlink there instead of following it). A reader never sees half a file.
 */
export function savePool(pool: Pool, path: string): void {
  if (typeof path !== 'string' || path === '') throw inventoryRules.wrongType('savePool(): path', { zh: '文件路径', en: 'a file path' }, path);
  const bytes = new Uint8Array(poolToSnapshot(pool));
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(tmp);
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

/** A snapshot file's bytes, refused past the largest a snapshot can be (so /dev/zero is not read forever). */
function readSnapshotFile(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    // Sized as the file says, so a regular file is read into a buffer of its own size, without a copy.
    let out = new Uint8Array(Math.min(fstatSync(fd).size || 1 << 16, MAX_SNAPSHOT_BYTES + 1));
    let done = 0;
    const probe = new Uint8Array(1);
    for (;;) {
      if (done === out.length) {
        // Full: the end of the file, or more to come (the file grew, or it is not a regular file).
        if (readSync(fd, probe, 0, 1, null) === 0) return out;
        if (out.length > MAX_SNAPSHOT_BYTES) {
          throw new Vanity400Error(
            'BAD_SNAPSHOT',
            { zh: `${path}：超过 ${MAX_SNAPSHOT_BYTES} 字节，不是号码池快照。`, en: `${path}: larger than ${MAX_SNAPSHOT_BYTES} bytes, not a pool snapshot.` },
            { input: path },
          );
        }
        const bigger = new Uint8Array(Math.min(out.length * 2, MAX_SNAPSHOT_BYTES + 1));
        bigger.set(out);
        bigger[done++] = probe[0]!;
        out = bigger;
        continue;
      }
      const n = readSync(fd, out, done, out.length - done, null);
      if (n === 0) return out.subarray(0, done);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a pool snapshot file; a damaged or stale one is a Vanity400Error (BAD_SNAPSHOT, STALE_SNAPSHOT). */
export function loadPool(path: string, options: { profile?: string | Profile } = {}): Pool {
  if (typeof path !== 'string' || path === '') throw inventoryRules.wrongType('loadPool(): path', { zh: '文件路径', en: 'a file path' }, path);
  inventoryRules.guardOptions(options, 'loadPool(): options');
  inventoryRules.guardFields(options, 'loadPool(): options', { profile: 'string|object?' });
  const bytes = readSnapshotFile(path);
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
  try {
    return poolFromSnapshot(buffer, options);
  } catch (error) {
    if (error instanceof Vanity400Error) throw new Vanity400Error(error.code, { zh: `${path}：${error.text.zh}`, en: `${path}: ${error.text.en}` }, { input: path });
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
export { analyseCallFile } from './calls.js';
