import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/data.md', ROOT), 'utf8');
/** The table rows of docs/data.md: first cell (the file names) → last cell (the sources). */
const rows = doc
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')));

function rowOf(file: string): string[] | undefined {
  return rows.find((cells) => cells[0]!.includes(`\`${file}\``));
}

describe('docs/data.md', () => {
  const json = readdirSync(new URL('data/', ROOT)).filter((name) => name.endsWith('.json'));
  const samples = readdirSync(new URL('data/samples/', ROOT)).map((name) => `samples/${name}`);

  it('has a row for every data file and sample', () => {
    expect(json.length).toBeGreaterThan(5);
    for (const file of [...json, ...samples]) expect(rowOf(file), file).toBeDefined();
  });

  it.each(json)('counts the sources %s lists', (file) => {
    const sources = Object.keys(JSON.parse(readFileSync(new URL(`data/${file}`, ROOT), 'utf8')).sources);
    expect(rowOf(file)!.at(-1)).toMatch(new RegExp(`^${sources.length}: `));
  });
});
