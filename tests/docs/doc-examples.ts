/**
 * Doc examples: the fenced code blocks of the guides, and how each runnable one becomes a program
 * that checks the outputs it shows. The convention is written up in docs/README.md ("Writing docs").
 */
import ts from 'typescript';

/** Languages whose blocks are run, and the extension of the file each is written to. */
export const RUN: Readonly<Record<string, 'mjs' | 'cjs'>> = { ts: 'mjs', js: 'mjs', mjs: 'mjs', cjs: 'cjs' };
/** Languages whose blocks are shown, not run. */
export const SHOW = ['sh', 'html', 'text', 'json'];
/** The marker after a runnable language that keeps a block from running: ```ts no-run */
export const NO_RUN = 'no-run';
/** The environment variable naming the file a running example records its shown outputs in, one JSON line each. */
export const SHOWN_FILE = 'VANITY400_DOC_SHOWN';

/** What a running example records for each shown output. */
export interface ShownRecord {
  /** file:line of the shown output in the docs. */
  where: string;
  expected: string;
  /** What the statement gave, printed as Node prints it (util.inspect), or `throws CODE: message`. */
  printed: string;
}

export interface CodeBlock {
  /** The language word after the opening fence ('' when there is none). */
  lang: string;
  /** The words after the language, e.g. ['no-run']. */
  flags: string[];
  code: string;
  /** 1-based line in the markdown file of the block's first code line. */
  line: number;
}

/** The fenced (```) code blocks of a markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([^`]*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const [lang = '', ...flags] = info.trim().split(/\s+/).filter(Boolean);
    const code: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j]!)) code.push(lines[j++]!.slice(indent!.length));
    blocks.push({ lang, flags, code: code.join('\n'), line: i + 2 });
    i = j;
  }
  return blocks;
}

/** An output a block shows in a `// →` (or `// =>`) comment, and the doc line it is on. */
interface Shown {
  expected: string;
  line: number;
}

const ARROW = /\/\/\s*(?:→|=>)\s?(.*)$/;
const CONTINUED = /^\s*\/\/\s{2,}(.*)$/;

/** The shown outputs by the 0-based block line on which each starts. */
function shownOutputs(code: string): Map<number, Shown> {
  const lines = code.split('\n');
  const shown = new Map<number, Shown>();
  for (let i = 0; i < lines.length; i++) {
    const arrow = ARROW.exec(lines[i]!);
    if (!arrow) continue;
    const parts = [arrow[1]!];
    while (i + 1 < lines.length && !ARROW.test(lines[i + 1]!) && CONTINUED.test(lines[i + 1]!)) parts.push(CONTINUED.exec(lines[++i]!)![1]!);
    shown.set(i - parts.length + 1, { expected: parts.join(' '), line: i - parts.length + 1 });
  }
  return shown;
}

/**
 * The block as a program for Node: TypeScript compiled to JavaScript, and each statement followed by
 * a shown output (on its last line, or on the comment lines right after it) checked by `__shows`;
 * `shown` counts them. `file` names the markdown file in messages.
 */
export function instrument(block: CodeBlock, file: string): { code: string; shown: number } {
  const kind = RUN[block.lang];
  if (kind === undefined) throw new Error(`${file}:${block.line}: a ${block.lang} block does not run`);
  const source = ts.createSourceFile('example.ts', block.code, ts.ScriptTarget.ES2022, true, block.lang === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const shown = shownOutputs(block.code);
  const where = (s: Shown) => `${file}:${block.line + s.line}`;
  const edits: { at: number; end: number; text: string }[] = [];

  const lines = block.code.split('\n');
  for (const statement of source.statements) {
    // The output on the statement's last line, else on the comment lines right after it.
    let line = lineOf(statement.getEnd());
    let found = shown.get(line);
    while (found === undefined && /^\s*\/\//.test(lines[++line] ?? '')) found = shown.get(line);
    if (found === undefined) continue;
    shown.delete(found.line);
    const check = (thunk: string) => `${kind === 'mjs' ? 'await ' : ''}__shows(${JSON.stringify(where(found!))}, ${JSON.stringify(found!.expected)}, ${thunk});`;
    const arrow = kind === 'mjs' ? 'async () =>' : '() =>';
    if (ts.isExpressionStatement(statement)) {
      edits.push({ at: statement.getStart(), end: statement.getEnd(), text: check(`${arrow} (${statement.expression.getText()})`) });
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 && ts.isIdentifier(statement.declarationList.declarations[0]!.name)) {
      edits.push({ at: statement.getEnd(), end: statement.getEnd(), text: ` ${check(`${arrow} ${statement.declarationList.declarations[0]!.name.text}`)}` });
    } else {
      throw new Error(`${where(found)}: a shown output must follow an expression or a declaration of one variable`);
    }
  }
  const stray = [...shown.values()][0];
  if (stray) throw new Error(`${where(stray)}: a shown output must follow a top-level statement`);

  let code = block.code;
  for (const edit of edits.sort((a, b) => b.at - a.at)) code = code.slice(0, edit.at) + edit.text + code.slice(edit.end);
  if (block.lang === 'ts') {
    code = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  }
  // Appended, so that the example's own lines keep their numbers: imports and functions are hoisted.
  const load =
    kind === 'mjs'
      ? `import { inspect as __inspect } from 'node:util'; import { appendFileSync as __append } from 'node:fs';`
      : `function __inspect(...a) { return require('node:util').inspect(...a); } function __append(...a) { return require('node:fs').appendFileSync(...a); }`;
  return { code: `${code}\n${load}\n${SHOWS}\n`, shown: edits.length };
}

/**
 * Runs a statement and records what it gives, printed as Node prints it, or the error it throws
 * (`throws CODE: message`) when the shown output starts with "throws"; the test compares.
 */
const SHOWS = `function __shows(where, expected, thunk) {
  const record = (printed) => __append(process.env.${SHOWN_FILE}, JSON.stringify({ where, expected, printed }) + '\\n');
  const print = (value) => __inspect(value, { depth: Infinity, breakLength: Infinity, maxArrayLength: 200, maxStringLength: 2000 });
  const thrown = (error) => {
    if (!expected.startsWith('throws ')) throw error;
    record('throws ' + (error && error.code ? error.code : error && error.name) + ': ' + (error && error.message));
  };
  let result;
  try {
    result = thunk();
  } catch (error) {
    return thrown(error);
  }
  if (result && typeof result.then === 'function') return result.then((value) => record(print(value)), thrown);
  record(print(result));
}`;

/** Whitespace runs to one space, and none next to brackets, commas and colons: layout does not count. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s*([[\]{}(),:])\s*/g, '$1').trim();
}

/**
 * Whether a value, printed as Node prints it (util.inspect, on one line), matches a shown output:
 * `…` stands for anything, and layout is ignored.
 */
export function matchesShown(expected: string, printed: string): boolean {
  const pieces = normalize(expected).split('…').map((p) => p.trim());
  const text = normalize(printed);
  if (pieces.length === 1) return text === pieces[0];
  if (!text.startsWith(pieces[0]!) || !text.endsWith(pieces.at(-1)!)) return false;
  let at = pieces[0]!.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return at <= text.length - pieces.at(-1)!.length;
}
