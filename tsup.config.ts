import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CommonJS with types. JSON data is bundled in, so it works in browsers.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // The holiday calendar's data is bundled in: its version is pinned, so a release carries the schedules it was tested with.
    noExternal: ['chinese-days'],
  },
  {
    // vanity400/node (files) and vanity400/redis (a shared store): they import the core as a package, so all share one copy of it.
    entry: { node: 'src/node/index.ts', redis: 'src/redis/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    external: ['vanity400'],
  },
  {
    // vanity400/bot (chat-bot tools): runs in browsers like the core, which it imports as a package.
    entry: { bot: 'src/bot/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['vanity400'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: ['chinese-days'],
  },
]);
