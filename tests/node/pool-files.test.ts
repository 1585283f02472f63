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
