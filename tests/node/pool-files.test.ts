import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPool, savePool } from '../../src/node/index.js';
import { createPool } from '../../src/index.js';

describe('vanity400/node pool files', () => {
  it('save and load a pool, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-'));
    const pool = createPool({ segment: '4007' });
    const file = join(dir, '4007.pool');
    savePool(pool, file);
    expect(readdirSync(dir)).toEqual(['4007.pool']);
    const back = loadPool(file);
    expect(back.size).toBe(pool.size);
    expect(back.scores[123_456]).toBe(pool.scores[123_456]);
  });

  it('say which file is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-'));
    const file = join(dir, 'bad.pool');
    writeFileSync(file, 'this is not a pool snapshot at all');
    expect(() => loadPool(file)).toThrow(`${file}: pool snapshot: not a vanity400 pool snapshot`);
    expect(() => loadPool(join(dir, 'missing.pool'))).toThrow(/ENOENT/);
  });
});

describe('pool files: writing and reading safely', () => {
  it('savePool never writes through a planted symlink: the link is replaced, its target untouched', async () => {
    const { mkdtempSync, readFileSync, symlinkSync, writeFileSync, lstatSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { savePool, loadPool } = await import('../../src/node/index.js');
    const { createPool } = await import('../../src/pool/create-pool.js');
    const dir = mkdtempSync(join(tmpdir(), 'vanity400-save-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const path = join(dir, 'pool.snapshot');
    symlinkSync(victim, path);
    savePool(createPool({ numbers: ['4006-123-000'] }), path);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(loadPool(path).size).toBe(1);
  });

  it('loadPool refuses a device or a huge file without reading it all', async () => {
    const { loadPool } = await import('../../src/node/index.js');
    expect(() => loadPool('/dev/zero')).toThrow(expect.objectContaining({ code: 'BAD_SNAPSHOT', message: expect.stringContaining('larger than') }));
  });
});
