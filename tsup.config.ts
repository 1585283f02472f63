import { lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const SRC = resolve('src');
const cliPackage = JSON.parse(readFileSync('packages/cli/package.json', 'utf8')) as { dependencies: Record<string, string>; optionalDependencies: Record<string, string> };

/** The entry point of the published library a module of src/ belongs to. */
function entryOf(path: string): string {
  const folder = relative(SRC, path).split(/[\\/]/)[0];
  return folder === 'node' || folder === 'sqlite' || folder === 'redis' || folder === 'bot' ? `vanity400/${folder}` : 'vanity400';
}

/**
 * The CLI is its own package (packages/cli, vanity400-cli) on top of the library: its imports of the
 * library's modules become imports of the library's entry points, so it carries no second copy of the core.
 */
const libraryAsPackage: Plugin = {
  name: 'library-as-package',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      if (!path.startsWith(`${SRC}/`) || path.startsWith(`${SRC}/cli/`)) return undefined;
      return { path: entryOf(path), external: true };
    });
  },
};

/** The data files whose provenance (about, the sources' titles and notes, readings' notes) the code never reads: it checks only that each source id is listed. */
const PROVENANCE_FILES = ['lexicon', 'readings', 'segments', 'area-codes', 'tiers', 'profiles', 'meanings', 'names', 'name-parts', 'service-numbers', 'prices'].map((name) => resolve(`data/${name}.json`));

/**
 * Bundled data without its provenance prose: the sources stay as ids (so the code's checks still hold),
 * their titles, URLs and notes, the files' `about` and the readings' notes are left to the data files
 * themselves, which the package ships in data/ whole. A web page's first chunk carries only what runs.
 */
const dataWithoutProvenance: Plugin = {
  name: 'data-without-provenance',
  setup(build) {
    build.onLoad({ filter: /[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
      if (!PROVENANCE_FILES.includes(args.path)) return undefined;
      const data = JSON.parse(readFileSync(args.path, 'utf8')) as Record<string, unknown>;
      delete data.about;
      if (data.sources && typeof data.sources === 'object') data.sources = Object.fromEntries(Object.keys(data.sources).map((id) => [id, 1]));
      if (Array.isArray(data.readings)) for (const r of data.readings as Record<string, unknown>[]) delete r.note;
      return { contents: JSON.stringify(data), loader: 'json' };
    });
  },
};

/** A link at `link` to `target`, unless one is there. */
function ensureLink(link: string, target: string): void {
  try {
    lstatSync(link);
  } catch {
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), target), link, 'dir');
  }
}

/**
 * In the repository the packages find each other where npm would put them once installed: the CLI finds
 * the library it imports, and examples and tests find the CLI by its name.
 */
async function linkPackages(): Promise<void> {
  ensureLink(resolve('packages/cli/node_modules/vanity400'), resolve('.'));
  ensureLink(resolve('node_modules/vanity400-cli'), resolve('packages/cli'));
}

// No source maps: they would point at sources the package does not carry, and be a third of its size.
export default defineConfig([
  {
    // The library: ESM + CommonJS with types. JSON data is bundled in, so it works in browsers.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // The holiday calendar's data is bundled in: its version is pinned, so a release carries the schedules it was tested with.
    noExternal: ['chinese-days'],
    esbuildPlugins: [dataWithoutProvenance],
  },
  {
    // vanity400/node (files), vanity400/sqlite and vanity400/redis (stores): they import the core as a package, so all share one copy of it.
    entry: { node: 'src/node/index.ts', sqlite: 'src/sqlite/index.ts', redis: 'src/redis/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    external: ['vanity400'],
  },
  {
    // vanity400/bot (chat-bot tools): runs in browsers like the core, which it imports as a package. zod, which
    // checks the tools' arguments, is bundled in: its package is 8 MB on disk, the part the tools use a fraction of it.
    entry: { bot: 'src/bot/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['vanity400'],
    noExternal: ['zod'],
  },
  {
    // The CLI package (packages/cli): commands import the library's entry points; only its own code is bundled.
    entry: { cli: 'src/cli/main.ts' },
    outDir: 'packages/cli/dist',
    clean: true,
    format: ['esm'],
    esbuildPlugins: [libraryAsPackage],
    external: [...Object.keys(cliPackage.dependencies), ...Object.keys(cliPackage.optionalDependencies)],
    target: 'node20',
    platform: 'node',
    onSuccess: linkPackages,
  },
]);
