/**
 * What a web page pays for the core: the first chunk of a page that only scores, and of one that searches
 * by pattern and by sound, built by Vite from dist/index.js as `npm run bench -- web` builds them; and the
 * bundled data without its provenance prose, which stays in data/ (shipped whole in the package).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmarks are plain JavaScript modules
import { firstChunks } from '../../benchmarks/web.mjs';

const CORE = new URL('../../dist/index.js', import.meta.url);
const data = (name: string) => JSON.parse(readFileSync(new URL(`../../data/${name}.json`, import.meta.url), 'utf8')) as { about: string; sources: Record<string, { title: string }> };

describe('the core in a web page', () => {
  it('score, parse and format load in at most 40 KB gzip; search and sounds in 60 KB, pinyin-pro and fuse.js later', async () => {
    const sizes = (await firstChunks(mkdtempSync(join(tmpdir(), 'vanity400-first-chunk-')))) as Record<string, { gzipKB: number; packages: string[] }>;
    console.log(`first chunk: score + parse + format ${sizes['score + parse + format']!.gzipKB} KB, search + sounds ${sizes['search + sounds']!.gzipKB} KB gzip`);
    expect(sizes['score + parse + format']!.gzipKB).toBeLessThanOrEqual(40);
    expect(sizes['search + sounds']!.gzipKB).toBeLessThanOrEqual(60);
    expect(sizes['search + sounds']!.packages).toContain('lru-cache');
    // the lexicon's fuzzy search (fuse.js) only where a page imports searchLexicon; pinyin-pro on the first Chinese phrase
    expect(sizes['search + sounds']!.packages).not.toContain('fuse.js');
    expect(sizes['search + sounds']!.packages).not.toContain('pinyin-pro');
  });

  it('carries the data the code reads, not the files’ provenance prose', () => {
    const core = readFileSync(CORE, 'utf8');
    for (const name of ['lexicon', 'readings', 'segments', 'area-codes', 'tiers', 'profiles', 'meanings', 'names', 'name-parts', 'service-numbers', 'prices']) {
      const file = data(name);
      expect(core, `${name}.json about`).not.toContain(file.about.slice(0, 60));
      for (const [id, source] of Object.entries(file.sources)) {
        expect(core, `${name}.json source ${id}`).not.toContain(JSON.stringify(source.title).slice(1, -1).slice(0, 50));
      }
    }
  });
});
