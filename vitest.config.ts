import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Property tests, whole-segment scoring and the packed-tarball install take seconds.
    testTimeout: 120_000,
  },
});
