/**
 * The demo page for tests and benchmarks: built with Vite's JS API into a folder, served by vite preview on
 * 127.0.0.1 at a free port, and Debian's Chromium driven by playwright-core.
 */
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = new URL('.', import.meta.url).pathname;

/** Builds the page into outDir and serves it; resolves to its URL and a close function. */
export async function servePage(outDir) {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview is not listening');
  return { url, close: () => server.close() };
}

/** Chromium without a sandbox, GPU, or any network of its own; a fresh profile each launch. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
