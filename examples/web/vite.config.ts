/**
 * The demo page's build. The page imports 'vanity400' as a website does; here that name resolves to the
 * built core (dist/index.js at the package root). Before each build or dev start, the snapshots plugin
 * writes one pool snapshot per segment into public/snapshots/, which the page fetches.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPool, isVanity400Error, listSegments } from 'vanity400';
import { loadPool, savePool } from 'vanity400/node';
import { defineConfig, type Plugin } from 'vite';

const core = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const snapshotDir = fileURLToPath(new URL('public/snapshots/', import.meta.url));

/** Writes a snapshot for each confirmed segment unless a current one is there (a stale or damaged one is rewritten). */
function snapshots(): Plugin {
  return {
    name: 'vanity400-snapshots',
    buildStart() {
      mkdirSync(snapshotDir, { recursive: true });
      for (const { segment, confirmed } of listSegments()) {
        if (!confirmed) continue;
        const file = `${snapshotDir}${segment}.bin`;
        try {
          loadPool(file);
        } catch (error) {
          if (!isVanity400Error(error) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          savePool(createPool({ segment }), file);
        }
      }
    },
  };
}

export default defineConfig({
  base: './',
  resolve: { alias: [{ find: /^vanity400$/, replacement: core }] },
  plugins: [snapshots()],
  // Checking six 8 MB snapshots takes a second or so: the bundler need not report the plugin as slow.
  build: { target: 'es2022', rolldownOptions: { checks: { bundlerTimings: false } } },
});
