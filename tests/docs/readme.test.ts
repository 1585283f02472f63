import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/index.js';
import { codeBlocks } from './doc-examples.js';

const ROOT = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');

/** The text of a `## title` section, up to the next one. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README.md has a "${title}" section`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

// The code examples and the outputs they show are run and checked by examples.test.ts.
describe('README', () => {
  it('the quick start is two commands', () => {
    const blocks = codeBlocks(section('Quick start'));
    expect(blocks.map((b) => b.lang)).toEqual(['sh']);
    const commands = blocks[0]!.code.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm ci && npm run demo', 'npm test']);
  });

  it('the table at the top shows real scores', () => {
    for (const n of ['400-851-7517', '4006-161-615']) {
      const a = score(n);
      expect(readme).toMatch(new RegExp(`${a.display}\\s+${a.score.toFixed(1)}`));
    }
  });

  it('links every guide and the API reference', () => {
    const links = [...section('Documentation').matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]!);
    for (const guide of ['website', 'cli', 'bot', 'patterns', 'scoring', 'search', 'sounds', 'inventory', 'data']) {
      expect(links).toContain(`docs/${guide}.md`);
    }
    expect(links).toContain('docs/api/index.html');
  });
});
