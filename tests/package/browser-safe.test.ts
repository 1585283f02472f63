import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
/** Folders that run only in Node, behind their own entry points. */
const NODE_ONLY = ['cli', 'node', 'sqlite', 'redis'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the core runs in browsers', () => {
  it('no core source imports a Node built-in or uses Node globals', () => {
    const core = files(SRC).filter((f) => !NODE_ONLY.some((dir) => relative(SRC, f).startsWith(`${dir}/`)));
    expect(core.length).toBeGreaterThan(10);
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b/);
    }
  });

  it('the built core and bot bundles have no Node imports', () => {
    for (const bundle of ['index.js', 'index.cjs', 'bot.js', 'bot.cjs']) {
      const text = readFileSync(new URL(`../../dist/${bundle}`, import.meta.url), 'utf8');
      expect(text, bundle).not.toMatch(/['"]node:|require\(['"](fs|path|os|child_process)['"]\)/);
    }
  });
});
