/**
 * A durable inventory store: a MemoryStore plus an append-only journal file.
 *
 * Journal format (UTF-8, one JSON value per line, each line ending in "\n"):
 *   line 1   {"journal":"vanity400-inventory","version":1,"created":"<ISO time>"}
 *   line 2…  one InventoryOp per acknowledged change, e.g.
 *            {"op":"hold","at":1718000000000,"number":"4006123000","customer":"acme","until":1718000600000}
 *
 * A change is acknowledged (its promise resolves) only after its whole line, newline included, is
 * written and fsynced. Recovery on open: the lines are replayed in order. The last line, if it lacks
 * its newline or is not valid JSON, is a write torn by a crash and was never acknowledged: it is
 * dropped and the file truncated before it. Any other line that is not valid JSON, and any line that
 * is not a valid operation, is an error (BAD_JOURNAL) naming the line; nothing is changed then.
 *
 * One process at a time: `<path>.lock` holds the owner's pid; a lock left by a dead process is taken over.
 */
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { MemoryStore, Vanity400Error } from './core.js';
import type { Agent, InventoryOp, NumberStatus, Reservation, Store, StoreOptions } from './core.js';

/** Options of {@link openJournalStore}: those of every store. */
export type JournalStoreOptions = StoreOptions;

const HEADER = { journal: 'vanity400-inventory', version: 1 } as const;
const NEWLINE = 0x0a;

function journalError(path: string, reason: string): Vanity400Error {
  return new Vanity400Error('BAD_JOURNAL', `Inventory journal ${path}: ${reason}`, { input: path });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<path>.lock`; returns the function that gives it back. */
function lock(path: string): () => void {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text = '';
    try {
      text = readFileSync(lockPath, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 3) continue;
      throw error;
    }
    const pid = /^\d+$/.test(text) ? Number(text) : NaN;
    // An unreadable pid may be a lock being written right now, so only a dead owner's lock is taken over.
    if (attempt >= 3 || !(pid > 0) || isAlive(pid)) {
      const owner = pid > 0 ? `process ${pid}` : 'another process';
      throw new Vanity400Error(
        'JOURNAL_LOCKED',
        `Inventory journal ${path} is in use by ${owner} (lock file ${lockPath}); if no such process runs, delete the lock file.`,
        { input: path },
      );
    }
    try {
      unlinkSync(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Makes a new file's directory entry durable (where the platform allows opening a directory). */
function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    closeSync(fd);
  }
}

function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const buffer = Buffer.alloc(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, buffer, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Replays the journal into `memory`; returns the length of the valid part (0: no header yet). */
function replay(path: string, bytes: Buffer, memory: MemoryStore): number {
  let start = 0;
  let line = 0;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0) return start; // the rest, if any, is a torn write
    line++;
    const text = bytes.toString('utf8', start, end);
    const lineStart = start;
    start = end + 1;
    if (line > 1 && text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The last line may be a write torn by a crash (e.g. a block that never reached the disk).
      if (bytes.indexOf(NEWLINE, start) < 0) return lineStart;
      throw journalError(path, `line ${line} is not valid JSON (${(error as Error).message}); the file is damaged.`);
    }
    if (line === 1) {
      const h = value as Record<string, unknown> | null;
      if (typeof h !== 'object' || h === null || h.journal !== HEADER.journal) {
        throw journalError(path, 'line 1 is not a vanity400 inventory journal header; is this the right file?');
      }
      if (h.version !== HEADER.version) throw journalError(path, `version ${String(h.version)} is not supported (expected ${HEADER.version}).`);
      continue;
    }
    try {
      memory.apply(value as InventoryOp);
    } catch (error) {
      if (error instanceof Vanity400Error) throw journalError(path, `line ${line} cannot be replayed: ${error.message}`);
      throw error;
    }
  }
}

const HEADER_START = `{"journal":"${HEADER.journal}","version":`;

/** Whether a file without any complete line is what a crash while writing the header leaves. */
function isTornHeader(bytes: Buffer): boolean {
  if (bytes.every((b) => b === 0)) return true;
  const text = bytes.toString('utf8');
  return HEADER_START.startsWith(text) || text.startsWith(HEADER_START);
}

class JournalStore implements Store {
  readonly #memory: MemoryStore;
  readonly #shut: () => void;

  constructor(memory: MemoryStore, shut: () => void) {
    this.#memory = memory;
    this.#shut = shut;
  }

  addAgent(agent: Agent) {
    return this.#memory.addAgent(agent);
  }
  getAgent(id: string) {
    return this.#memory.getAgent(id);
  }
  agents() {
    return this.#memory.agents();
  }
  reserve(reservation: Reservation) {
    return this.#memory.reserve(reservation);
  }
  hold(number: string, customer: string, ttlMs: number) {
    return this.#memory.hold(number, customer, ttlMs);
  }
  release(number: string, customer: string) {
    return this.#memory.release(number, customer);
  }
  sell(number: string, customer: string) {
    return this.#memory.sell(number, customer);
  }
  withdraw(number: string) {
    return this.#memory.withdraw(number);
  }
  who(number: string) {
    return this.#memory.who(number);
  }
  list(agentId: string, status?: NumberStatus) {
    return this.#memory.list(agentId, status);
  }
  counts(agentId?: string) {
    return this.#memory.counts(agentId);
  }
  async close(): Promise<void> {
    await this.#memory.close();
    this.#shut();
  }
}

/**
 * Opens (or creates) the journal at `path` and replays it: a durable store for one process. The format
 * and the recovery rule are in docs/inventory.md (and the file comment). BAD_JOURNAL for a damaged or
 * foreign file, JOURNAL_LOCKED if another process has it.
 */
export async function openJournalStore(path: string, options: JournalStoreOptions = {}): Promise<Store> {
  const unlock = lock(path);
  let fd = -1;
  try {
    fd = openSync(path, 'a+');
    let size = 0; // bytes of complete lines in the file
    let broken: Vanity400Error | undefined;
    const handle = fd;

    const onOp = (op: InventoryOp): void => {
      if (broken) throw broken;
      const bytes = Buffer.from(`${JSON.stringify(op)}\n`, 'utf8');
      try {
        writeAll(handle, bytes);
        fsyncSync(handle);
      } catch (error) {
        // Never leave a partial line for the next append to follow.
        try {
          ftruncateSync(handle, size);
        } catch {
          broken = new Vanity400Error('JOURNAL_FAILED', `Inventory journal ${path}: a write failed and could not be undone; reopen the store.`, {
            input: path,
          });
        }
        throw error;
      }
      size += bytes.length;
    };

    const memory = new MemoryStore({ ...options, onOp });
    const bytes = readAll(fd);
    const valid = replay(path, bytes, memory);
    if (valid === 0 && bytes.length > 0 && !isTornHeader(bytes)) {
      throw journalError(path, 'it is not a vanity400 inventory journal (no header line); is this the right file?');
    }
    if (valid < bytes.length) {
      ftruncateSync(fd, valid);
      fsyncSync(fd);
    }
    size = valid;
    if (size === 0) {
      const header = Buffer.from(`${JSON.stringify({ ...HEADER, created: new Date().toISOString() })}\n`, 'utf8');
      writeAll(fd, header);
      fsyncSync(fd);
      size = header.length;
      syncDirectory(dirname(path));
    }
    let open = true;
    return new JournalStore(memory, () => {
      if (!open) return;
      open = false;
      closeSync(handle);
      unlock();
    });
  } catch (error) {
    if (fd >= 0) closeSync(fd);
    unlock();
    throw error;
  }
}
