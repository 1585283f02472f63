import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_RUN, RUN, SHOW, SHOWN_FILE, codeBlocks, instrument, matchesShown, type CodeBlock, type ShownRecord } from './doc-examples.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Examples are written inside the repository (in the git-ignored .vitest/) so that `import … from
 * 'vanity400'` finds the built package by its own name, as a user's code finds it once installed.
 */
mkdirSync(join(ROOT, '.vitest'), { recursive: true });
const WORK = mkdtempSync(join(ROOT, '.vitest', 'doc-examples-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** README.md and the guides in docs/ (the generated API reference aside), as paths from the root. */
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** Runs one block with node in a fresh directory; returns why it failed, or null. */
function runExample(block: CodeBlock, file: string): string | null {
  const dir = mkdtempSync(join(WORK, 'x-'));
  const at = `${file}:${block.line}`;
  let program: { code: string; shown: number };
  try {
    program = instrument(block, file);
  } catch (error) {
    return (error as Error).message;
  }
  const path = join(dir, `${file.replace(/[/.]/g, '-')}-${block.line}.${RUN[block.lang]}`);
  const shownFile = join(dir, 'shown.jsonl');
  writeFileSync(path, program.code);
  const run = spawnSync(process.execPath, [path], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', [SHOWN_FILE]: shownFile },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) return `${at}: the example could not run: ${run.error.message}`;
  if (run.status !== 0) {
    return `${at}: the example ${run.signal ? `was stopped by ${run.signal}` : `exited with status ${run.status}`} (${path}):\n${run.stderr}`;
  }
  const records = existsSync(shownFile) ? readFileSync(shownFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ShownRecord) : [];
  const wrong = records.filter((r) => !matchesShown(r.expected, r.printed));
  if (wrong.length) return wrong.map((r) => `${r.where}: the example shows\n  ${r.expected}\nbut gives\n  ${r.printed}`).join('\n');
  if (records.length !== program.shown) return `${at}: ${program.shown} outputs are shown but ${records.length} were checked`;
  return null;
}

describe('the doc-example runner', () => {
  const block = (code: string, lang = 'ts'): CodeBlock => ({ lang, flags: [], code, line: 10 });

  it('finds fenced blocks with their language, flags and first line', () => {
    const markdown = 'text\n\n```ts no-run\nconst a = 1;\n```\n\n  ```sh\n  npm test\n  ```\n';
    expect(codeBlocks(markdown)).toEqual([
      { lang: 'ts', flags: ['no-run'], code: 'const a = 1;', line: 4 },
      { lang: 'sh', flags: [], code: 'npm test', line: 8 },
    ]);
  });

  it('matches a shown output with … for anything, ignoring layout', () => {
    expect(matchesShown("{ a: 1, b: 'x' }", "{ a: 1, b: 'x' }")).toBe(true);
    expect(matchesShown("{ a: 1,\n  b: 'x' }", "{a:1,b:'x'}")).toBe(true);
    expect(matchesShown('{ a: 1, … }', "{ a: 1, b: 'x', c: [ 3 ] }")).toBe(true);
    expect(matchesShown('[{ n: 1 }, …]', '[ { n: 1 }, { n: 2 } ]')).toBe(true);
    expect(matchesShown("'400-616-1615 scores 86.3 …'", "'400-616-1615 scores 86.3 (top)'")).toBe(true);
    expect(matchesShown('{ a: 1 }', '{ a: 2 }')).toBe(false);
    expect(matchesShown('{ a: 1, … }', '{ b: 1, a: 1 }')).toBe(false);
    expect(matchesShown('[1, …, 3]', '[ 1, 3 ]')).toBe(false);
  });

  it('passes a block whose shown outputs are right, on the line or the lines after', () => {
    const code = [
      "import { format, parse } from 'vanity400';",
      "format('4008517517', '4-3-3');   // → '4008-517-517'",
      "const n = parse('400-851-7517');",
      "// → { digits: '4008517517',",
      "//     segment: '4008', … }",
      "await Promise.resolve(parse('4006161615').carrier); // => 'unicom'",
      "parse('12345'); // → throws WRONG_LENGTH: Invalid 400 number \"12345\": found 5 digits; …",
    ].join('\n');
    expect(runExample(block(code), 'docs/x.md')).toBeNull();
  });

  it('fails a block whose shown output is wrong, naming the doc line', () => {
    const code = "import { format } from 'vanity400';\n\nformat('4008517517'); // → '4008-517-517'";
    expect(runExample(block(code), 'docs/x.md')).toMatch(/^docs\/x\.md:12: the example shows\n {2}'4008-517-517'\nbut gives\n {2}'400-851-7517'/);
  });

  it('fails a block that throws or exits non-zero, naming the block', () => {
    expect(runExample(block("import { parse } from 'vanity400';\nparse('12345');"), 'docs/x.md')).toMatch(/^docs\/x\.md:10: the example exited with status 1 .*\n[\s\S]*WRONG_LENGTH/);
    expect(runExample(block('process.exit(3);', 'js'), 'docs/x.md')).toMatch(/^docs\/x\.md:10: the example exited with status 3/);
  });

  it('runs CommonJS blocks and their shown outputs', () => {
    expect(runExample(block("const { score } = require('vanity400');\nscore('4008517517').tier; // → 'top'", 'cjs'), 'docs/x.md')).toBeNull();
    expect(runExample(block("const { score } = require('vanity400');\nscore('4008517517').tier; // → 'super'", 'cjs'), 'docs/x.md')).toMatch(/but gives\n {2}'top'/);
  });

  it('finds the package and its entry points by name', () => {
    const code = "import { score } from 'vanity400';\nimport { savePool } from 'vanity400/node';\nimport { callTool } from 'vanity400/bot';\n[typeof score, typeof savePool, typeof callTool]; // → ['function', 'function', 'function']";
    expect(runExample(block(code, 'mjs'), 'docs/x.md')).toBeNull();
  });

  it('refuses a shown output that follows no statement it can check', () => {
    expect(runExample(block('for (const x of [1]) x; // → 1'), 'docs/x.md')).toMatch(/docs\/x\.md:10: a shown output must follow an expression or a declaration/);
  });
});

/** The markdown file and block of every example, in order. */
const EXAMPLES = DOCS.flatMap((file) => codeBlocks(readFileSync(join(ROOT, file), 'utf8')).map((block) => ({ file, block })));

it('the TypeScript examples type-check against the built package', () => {
  const dir = mkdtempSync(join(WORK, 'types-'));
  const byPath = new Map<string, { file: string; block: CodeBlock }>();
  for (const example of EXAMPLES.filter((e) => e.block.lang === 'ts' && !e.block.flags.includes(NO_RUN))) {
    const path = join(dir, `${example.file.replace(/[/.]/g, '-')}-${example.block.line}.ts`);
    writeFileSync(path, `${example.block.code}\nexport {};\n`); // a module, so that top-level await and names stay its own
    byPath.set(path, example);
  }
  const program = ts.createProgram([...byPath.keys()], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    skipLibCheck: true,
    noEmit: true,
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const example = d.file && byPath.get(d.file.fileName);
    const where = example ? `${example.file}:${example.block.line + d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line}` : (d.file?.fileName ?? 'options');
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n  ')}`;
  });
  expect(byPath.size).toBeGreaterThan(20);
  expect(errors).toEqual([]);
});

describe.each(DOCS)('the examples in %s', (file) => {
  const blocks = codeBlocks(readFileSync(join(ROOT, file), 'utf8'));

  it('say their language', () => {
    const known = [...Object.keys(RUN), ...SHOW];
    for (const b of blocks) {
      expect(known, `${file}:${b.line}: a code block needs its language (${known.join(', ')})`).toContain(b.lang);
      for (const flag of b.flags) expect([NO_RUN], `${file}:${b.line}: unknown marker ${flag}`).toContain(flag);
    }
  });

  const runnable = blocks.filter((b) => RUN[b.lang] !== undefined && !b.flags.includes(NO_RUN));
  it.skipIf(runnable.length === 0).each(runnable.map((b) => [`${file}:${b.line}`, b] as const))('%s runs and shows what it gives', (_name, b) => {
    expect(runExample(b, file)).toBeNull();
  });
});
