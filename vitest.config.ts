import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The node entry imports the core by its package name; tests use the sources of both.
    alias: { vanity400: new URL('./src/index.ts', import.meta.url).pathname },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Property tests, whole-segment scoring and the packed-tarball install take seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
