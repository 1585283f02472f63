import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const DOCS = ['README.md', ...readdirSync(new URL('docs/', ROOT)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

describe.each(DOCS)('the links in %s', (file) => {
  it('lead to files in the repository', () => {
    const text = readFileSync(new URL(file, ROOT), 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const [, link] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(link!)) continue; // a web page
      const target = new URL(link!, new URL(file, ROOT));
      // The API reference is generated (npm run docs:api), not committed.
      if (target.pathname.startsWith(new URL('docs/api/', ROOT).pathname)) continue;
      expect(existsSync(target), `${file}: ${link}`).toBe(true);
    }
  });
});
