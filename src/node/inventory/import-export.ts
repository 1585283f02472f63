/**
 * Inventory files: agents and the numbers they reserved, as CSV or JSON (samples in data/samples/).
 *
 * CSV: UTF-8 (a BOM is allowed), a header row naming the columns (any order, unused ones may be
 * left out), then one row per record. Lines starting with # are comments; blank lines are skipped.
 *
 *   kind,agent,name,level,parent,licence,verified,quota,number,from,to,status,customer,held_until
 *
 *   kind=agent   agent (id), name, level (first | second), parent (second level only: the id of a
 *                first-level agent), licence (统一社会信用代码 of a company), verified (true | false),
 *                quota (most numbers reserved at once).
 *   kind=range   agent, from, to: an inclusive range in one segment, reserved and available.
 *   kind=number  agent, number, status (available | held | sold | withdrawn; default available),
 *                customer (held and sold only), held_until (held only: ISO 8601 time or epoch ms).
 *
 * Numbers may be written in any form parse() reads; exports write 4006-123-000. Other columns of a
 * row must be empty. Agents may be referenced before they are defined, or be in the store already.
 * A hold whose held_until has passed imports as available.
 *
 * JSON: the same records grouped by kind, with the same meanings ("comment" is ignored):
 *   { "format": "vanity400-inventory", "version": 1, "comment"?: "…",
 *     "agents":  [{ "id", "name", "level", "parent"?, "licence", "verified", "quota" }],
 *     "ranges":  [{ "agent", "from", "to" }],
 *     "numbers": [{ "agent", "number", "status"?, "customer"?, "heldUntil"? }] }
 *
 * Import is all or nothing: one Store.load, which checks every record (also against what the store
 * holds) before it writes anything, as one transaction; the error (BAD_IMPORT) lists every bad line
 * with its reason.
 *
 * Export escapes any CSV cell that a spreadsheet would run as a formula (one starting with = + - @,
 * tab or CR, or their full-width forms) with a leading ', and import removes that ' again.
 */
// The CSV parser and writer are loaded when a CSV is read or written, not with vanity400/node.
type ParseCsv = typeof import('csv-parse/sync').parse;
import { NUMBER_STATUSES, Vanity400Error, checkAgent, inventoryRules, parse, showNumber } from './core.js';
import type { Agent, BatchNumber, BatchRange, InventoryBatch, LocalText, NumberState, NumberStatus, Store } from './core.js';
import { readBounded } from './read-bounded.js';

/** The two inventory file formats, described in docs/inventory.md (and at the top of this file). */
export type InventoryFormat = 'csv' | 'json';

/** Options of {@link importInventory}. */
export interface ImportOptions {
  /** Check everything against the store, but write nothing. */
  dryRun?: boolean;
}

/** What {@link importInventory} wrote. */
export interface ImportResult {
  /** Agents added. */
  agents: number;
  /** Numbers reserved. */
  numbers: number;
}

/** Options of {@link exportInventory}. */
export interface ExportOptions {
  /** Start the CSV with a UTF-8 byte order mark, so that Excel reads Chinese names correctly. */
  bom?: boolean;
}

const COLUMNS = [
  'kind', 'agent', 'name', 'level', 'parent', 'licence', 'verified', 'quota',
  'number', 'from', 'to', 'status', 'customer', 'held_until',
] as const;
type Column = (typeof COLUMNS)[number];

const USED: Record<string, readonly Column[]> = {
  agent: ['agent', 'name', 'level', 'parent', 'licence', 'verified', 'quota'],
  range: ['agent', 'from', 'to'],
  number: ['agent', 'number', 'status', 'customer', 'held_until'],
};
/** Columns kept exactly as written; the others are trimmed. */
const UNTRIMMED: ReadonlySet<Column> = new Set(['name', 'customer']);

const JSON_FORMAT = 'vanity400-inventory';
const JSON_KEYS: Record<string, Record<string, Column>> = {
  agents: { id: 'agent', name: 'name', level: 'level', parent: 'parent', licence: 'licence', verified: 'verified', quota: 'quota' },
  ranges: { agent: 'agent', from: 'from', to: 'to' },
  numbers: { agent: 'agent', number: 'number', status: 'status', customer: 'customer', heldUntil: 'held_until' },
};
const KIND_OF: Record<string, string> = { agents: 'agent', ranges: 'range', numbers: 'number' };


/** One record as read, before checking. */
interface RawRow {
  line: number;
  /** Where in a JSON file, e.g. "numbers[3]: "; empty for CSV. */
  label: string;
  kind: string;
  cells: Partial<Record<Column, unknown>>;
}

// ---- formula escaping ----

const FORMULA = /^'*[=+\-@\t\r＝＋－＠]/;

/** A cell as exported: prefixed with ' if a spreadsheet would run it as a formula. */
export function escapeCell(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

/** Undoes {@link escapeCell}. */
export function unescapeCell(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell;
}

// ---- reading ----

/** Bad lines shown in one error; the rest are counted. */
const SHOWN_LINES = 100;
const both = (zh: string, en: string): LocalText => ({ zh, en });

class LineErrors {
  readonly #byLine = new Map<number, LocalText[]>();

  add(line: number, reason: LocalText, label = ''): void {
    const list = this.#byLine.get(line) ?? [];
    // A reason quotes at most short excerpts, but a row may give many: keep each line's text short.
    const cut = (t: string): string => (t.length > 300 ? `${t.slice(0, 300)}…` : t);
    const r = { zh: cut(label + reason.zh), en: cut(label + reason.en) };
    if (!list.some((x) => x.en === r.en)) list.push(r);
    this.#byLine.set(line, list);
  }

  get size(): number {
    return this.#byLine.size;
  }

  toError(what: LocalText): Vanity400Error {
    const lines = [...this.#byLine].sort((a, b) => a[0] - b[0]);
    const shown = lines.slice(0, SHOWN_LINES);
    const more = lines.length - shown.length;
    const en = shown.map(([line, reasons]) => `  line ${line}: ${reasons.map((r) => r.en).join('; ')}`).join('\n') + (more > 0 ? `\n  … and ${more} more bad lines` : '');
    const zh = shown.map(([line, reasons]) => `  第 ${line} 行：${reasons.map((r) => r.zh).join('；')}`).join('\n') + (more > 0 ? `\n  ……另有 ${more} 行有误` : '');
    return new Vanity400Error('BAD_IMPORT', {
      zh: `不能导入${what.zh}：有 ${lines.length} 行有误，未做任何改动。\n${zh}`,
      en: `Cannot import ${what.en}: ${lines.length} bad line${lines.length === 1 ? '' : 's'}, nothing was changed.\n${en}`,
    });
  }
}

function readCsv(parseCsv: ParseCsv, text: string, errors: LineErrors): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const reason = inventoryRules.quoteInput((error as Error).message);
    errors.add(typeof line === 'number' ? line : 1, both(`不是有效的 CSV：${reason}`, `not valid CSV: ${reason}`));
    return [];
  }
  const startLine = (r: (typeof records)[number]): number =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  const [head, ...body] = records;
  if (head === undefined) return [];
  const header = head.record.map((c) => c.trim());
  const headLine = startLine(head);
  const unknown = header.filter((c) => !(COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((c) => inventoryRules.quoteInput(c)).join(', ');
    errors.add(headLine, both(`未知的列 ${names}；可用的列是 ${COLUMNS.join(',')}`, `unknown column${unknown.length === 1 ? '' : 's'} ${names}; the columns are ${COLUMNS.join(',')}`));
  }
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length > 0) errors.add(headLine, both(`列 ${inventoryRules.quoteInput(repeated[0])} 出现了两次`, `column ${inventoryRules.quoteInput(repeated[0])} appears twice`));
  if (!header.includes('kind')) errors.add(headLine, both(`第一行必须是表头，含 "kind" 列：${COLUMNS.join(',')}`, `the first row must be the header, with a "kind" column: ${COLUMNS.join(',')}`));
  if (errors.size > 0) return [];

  const rows: RawRow[] = [];
  for (const r of body) {
    const line = startLine(r);
    if (r.record.length > header.length) {
      errors.add(line, both(`有 ${r.record.length} 个单元格，但表头只有 ${header.length} 列`, `${r.record.length} cells but the header has ${header.length} columns`));
      continue;
    }
    const cells: Partial<Record<Column, unknown>> = {};
    header.forEach((column, i) => {
      const raw = r.record[i];
      if (raw === undefined) return;
      const cell = unescapeCell(UNTRIMMED.has(column as Column) ? raw : raw.trim());
      if (cell !== '') cells[column as Column] = cell;
    });
    rows.push({ line, label: '', kind: typeof cells.kind === 'string' ? cells.kind : '', cells });
  }
  return rows;
}

/** For each top-level array of a valid JSON object text, the line on which each element starts. */
function elementLines(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let buffer = '';
  let key = '';
  let current: number[] | undefined;
  let expectElement = false;
  for (const c of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        if (depth === 1) key = buffer;
      } else if (depth === 1) buffer += c;
      continue;
    }
    if (c === '\n') line++;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 2 && expectElement && current !== undefined && c !== ']') {
      current.push(line);
      expectElement = false;
    }
    switch (c) {
      case '"':
        inString = true;
        buffer = '';
        break;
      case '[':
      case '{':
        depth++;
        if (depth === 2) {
          current = c === '[' ? [] : undefined;
          if (current) out.set(key, current);
          expectElement = true;
        }
        break;
      case ']':
      case '}':
        depth--;
        break;
      case ',':
        if (depth === 2) expectElement = true;
        break;
    }
  }
  return out;
}

/** Where JSON.parse gave up: the offset of the first syntax error (its messages do not always say). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const string = (): void => {
    i++; // the opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      i += c === '\\' ? 2 : 1;
      if (c === '"') return;
    }
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    literal.lastIndex = i;
    if (!literal.test(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    space();
    return i;
  } catch (offset) {
    return offset as number;
  }
}

function readJson(text: string, errors: LineErrors): RawRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const line = body.slice(0, jsonErrorOffset(body)).split('\n').length;
    const reason = inventoryRules.quoteInput((error as Error).message.split('\n')[0]);
    errors.add(line, both(`不是有效的 JSON：${reason}`, `not valid JSON: ${reason}`));
    return [];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    errors.add(1, both('应为含 "agents"、"ranges"、"numbers" 数组的对象', 'expected an object with "agents", "ranges" and "numbers" arrays'));
    return [];
  }
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!['format', 'version', 'comment', ...Object.keys(JSON_KEYS)].includes(key)) {
      const k = inventoryRules.quoteInput(key);
      errors.add(1, both(`未知的键 ${k}；应为 format、version、comment、agents、ranges、numbers`, `unknown key ${k}; expected format, version, comment, agents, ranges, numbers`));
    }
  }
  if (top.format !== undefined && top.format !== JSON_FORMAT) errors.add(1, both(`"format" 应为 "${JSON_FORMAT}"`, `"format" should be "${JSON_FORMAT}"`));
  if (top.version !== undefined && top.version !== 1) {
    const v = inventoryRules.quoteInput(JSON.stringify(top.version));
    errors.add(1, both(`不支持 "version" ${v}（应为 1）`, `"version" ${v} is not supported (expected 1)`));
  }
  const lines = elementLines(body);
  const rows: RawRow[] = [];
  for (const [group, keys] of Object.entries(JSON_KEYS)) {
    const list = Object.hasOwn(top, group) ? top[group] : undefined;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.add(1, both(`"${group}" 必须是数组`, `"${group}" must be an array`));
      continue;
    }
    list.forEach((item: unknown, i) => {
      const line = lines.get(group)?.[i] ?? 1;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.add(line, both(`${group}[${i}] 必须是对象`, `${group}[${i}] must be an object`));
        return;
      }
      const cells: Partial<Record<Column, unknown>> = {};
      for (const [k, v] of Object.entries(item)) {
        const column = Object.hasOwn(keys, k) ? keys[k] : undefined;
        const q = inventoryRules.quoteInput(k);
        if (column === undefined) errors.add(line, both(`未知的键 ${q}；应为 ${Object.keys(keys).join('、')}`, `unknown key ${q}; expected ${Object.keys(keys).join(', ')}`), `${group}[${i}]: `);
        else if (v !== null && v !== undefined && v !== '') cells[column] = v;
      }
      rows.push({ line, label: `${group}[${i}]: `, kind: KIND_OF[group] as string, cells });
    });
  }
  return rows.sort((a, b) => a.line - b.line);
}

// ---- checking ----

interface AgentRow { line: number; label: string; agent: Agent }
interface NumbersRow { line: number; label: string; range?: BatchRange; number?: BatchNumber }

function asText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
}

function readBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = asText(value)?.toLowerCase();
  if (t === undefined) return undefined;
  if (['true', 'yes', 'y', '1', '是'].includes(t)) return true;
  if (['false', 'no', 'n', '0', '否'].includes(t)) return false;
  return undefined;
}

function readInt(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const t = asText(value);
  return t !== undefined && /^\d{1,15}$/.test(t) ? Number(t) : undefined;
}

function readTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  const t = asText(value);
  if (t === undefined) return undefined;
  if (/^\d{1,15}$/.test(t)) return Number(t);
  const ms = /^\d{4}-\d\d-\d\d/.test(t) ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function reasonOf(error: unknown): LocalText {
  if (error instanceof Vanity400Error) return { zh: error.text.zh.replace(/[。.]$/, ''), en: error.text.en.replace(/\.$/, '') };
  throw error;
}

const q = (value: unknown): string => inventoryRules.quoteInput(value);

/** Plain reading of one record, no store needed. Returns null (with errors noted) if it is bad. */
function checkRow(row: RawRow, errors: LineErrors): AgentRow | NumbersRow | null {
  const { line, label, kind, cells } = row;
  const reasons: LocalText[] = [];
  const done = <T>(value: T): T | null => {
    for (const reason of reasons) errors.add(line, reason, label);
    return reasons.length > 0 ? null : value;
  };
  const used = Object.hasOwn(USED, kind) ? USED[kind] : undefined;
  if (used === undefined) {
    reasons.push(both(`kind ${q(kind)} 应为 agent、range 或 number`, `kind ${q(kind)} should be agent, range or number`));
    return done(null);
  }
  const extra = COLUMNS.filter((c) => c !== 'kind' && cells[c] !== undefined && !used.includes(c));
  if (extra.length > 0) reasons.push(both(`${kind} 行的 ${extra.join('、')} 必须为空`, `${extra.join(', ')} must be empty in a ${kind} row`));
  const agentId = asText(cells.agent);
  if (agentId === undefined) {
    reasons.push(both(`${kind} 行需要代理商编号（agent）`, `the ${kind} row needs an agent id`));
    return done(null);
  }
  try {
    if (kind === 'agent') {
      const verified = readBool(cells.verified);
      if (verified === undefined) reasons.push(both(`verified 应为 true 或 false，实际是 ${q(asText(cells.verified) ?? '')}`, `verified must be true or false, got ${q(asText(cells.verified) ?? '')}`));
      const quota = readInt(cells.quota);
      if (quota === undefined) reasons.push(both(`quota 应为整数，实际是 ${q(asText(cells.quota) ?? '')}`, `quota must be a whole number, got ${q(asText(cells.quota) ?? '')}`));
      const candidate: Record<string, unknown> = {
        id: agentId,
        name: asText(cells.name) ?? '',
        level: asText(cells.level) ?? '',
        licence: asText(cells.licence) ?? '',
        verified: verified ?? false,
        quota: quota ?? 0,
      };
      if (cells.parent !== undefined) candidate.parent = asText(cells.parent);
      return done({ line, label, agent: checkAgent(candidate as unknown as Agent) });
    }
    if (kind === 'range') {
      if (cells.from === undefined || cells.to === undefined) throw new Vanity400Error('BAD_IMPORT', both('range 行需要 from 和 to', 'a range row needs both from and to'));
      const from = parse(cells.from as string).digits;
      const to = parse(cells.to as string).digits;
      inventoryRules.checkRange(from, to, (text) => new Vanity400Error('BAD_IMPORT', text));
      return done({ line, label, range: { agent: agentId, from, to, ref: `line ${line}` } });
    }
    // kind === 'number'
    if (cells.number === undefined) throw new Vanity400Error('BAD_IMPORT', both('number 行需要号码（number）', 'a number row needs a number'));
    const number = parse(cells.number as string).digits;
    const status = (asText(cells.status) ?? 'available') as NumberStatus;
    if (!NUMBER_STATUSES.includes(status)) {
      throw new Vanity400Error('BAD_IMPORT', both(`status ${q(status)} 应为 ${NUMBER_STATUSES.join('、')} 之一`, `status ${q(status)} should be one of ${NUMBER_STATUSES.join(', ')}`));
    }
    const out: BatchNumber = { agent: agentId, number, status, ref: `line ${line}` };
    const customer = asText(cells.customer);
    if (status === 'held' || status === 'sold') {
      if (customer === undefined || customer.trim() === '' || customer.length > 200) {
        reasons.push(both(`${status === 'held' ? '保留中' : '已售'}的号码需要客户（customer，1-200 个字符）`, `a ${status} number needs a customer (1-200 characters)`));
      } else out.customer = customer;
    } else if (customer !== undefined) reasons.push(both(`${status} 状态的号码没有客户`, `an ${status} number has no customer`));
    if (status === 'held') {
      const until = readTime(cells.held_until);
      if (until === undefined) reasons.push(both('保留中的号码需要 held_until（ISO 8601 时间或毫秒时间戳）', 'a held number needs held_until, an ISO 8601 time or epoch ms'));
      else out.heldUntil = until;
    } else if (cells.held_until !== undefined) reasons.push(both('只有保留中的号码才有 held_until', 'held_until is only for held numbers'));
    return done({ line, label, number: out });
  } catch (error) {
    reasons.push(reasonOf(error));
    return done(null);
  }
}

/** What an inventory file holds, a whole file: 256 MB (some 6 million rows). */
const MAX_FILE_BYTES = 256 * 1024 ** 2;

/**
 * An inventory file's text and format (by its extension: .json, else CSV), read as a stream and refused
 * past 256 MB, so that a device or a wrong huge file is never read to the end.
 */
export async function readInventoryFile(path: string): Promise<{
  /** The file's text (UTF-8). */
  text: string;
  /** csv or json. */
  format: InventoryFormat;
}> {
  if (typeof path !== 'string') throw inventoryRules.wrongType('path', both('文件路径', 'a file path'), path);
  const bytes = await readBounded(path, MAX_FILE_BYTES);
  return { text: bytes.toString('utf8'), format: path.toLowerCase().endsWith('.json') ? 'json' : 'csv' };
}

/**
 * Imports a CSV or JSON inventory (formats in docs/inventory.md and the file comment) into `store`, all
 * or nothing, as one {@link Store.load}: every line is checked against the file and the store first, and
 * the error (BAD_IMPORT) lists every bad line (the first 100) with its reason; the store is unchanged then.
 */
export async function importInventory(store: Store, text: string, format: InventoryFormat, options: ImportOptions = {}): Promise<ImportResult> {
  inventoryRules.guardKind(format, 'importInventory(): format', 'string');
  if (format !== 'csv' && format !== 'json') {
    throw new Vanity400Error('BAD_ARGUMENT', both(`未知的库存文件格式 ${q(format)}，应为 "csv" 或 "json"。`, `Unknown inventory format ${q(format)}; expected "csv" or "json".`), { input: format });
  }
  if (typeof text !== 'string') throw inventoryRules.wrongType('text', both('字符串（文件内容）', "the file's text as a string"), text);
  if (typeof store !== 'object' || store === null || typeof (store as Store).load !== 'function') throw inventoryRules.wrongType('store', both('库存（Store）', 'a Store'), store);
  inventoryRules.guardOptions(options, 'importInventory(): options');
  inventoryRules.guardFields(options, 'importInventory(): options', { dryRun: 'boolean?' });
  const errors = new LineErrors();
  const raw = format === 'csv' ? readCsv((await import('csv-parse/sync')).parse, text, errors) : readJson(text, errors);
  const what = both(`${format.toUpperCase()} 库存文件`, `the ${format.toUpperCase()} inventory`);

  const batch: { agents: { agent: Agent; ref: string }[]; ranges: BatchRange[]; numbers: BatchNumber[] } = { agents: [], ranges: [], numbers: [] };
  const labels = new Map<string, string>();
  const defined = new Map<string, number>(); // every agent id named by an agent row, good or bad
  for (const row of raw) {
    const id = asText(row.cells.agent);
    if (row.kind === 'agent' && id !== undefined && !defined.has(id)) defined.set(id, row.line);
  }
  const licences = new Map<string, number>();
  for (const row of raw) {
    labels.set(`line ${row.line}`, row.label);
    const checked = checkRow(row, errors);
    if (checked === null) continue;
    if ('agent' in checked) {
      const { id, licence } = checked.agent;
      const first = defined.get(id);
      if (first !== undefined && first !== row.line) {
        errors.add(row.line, both(`代理商 ${q(id)} 已在第 ${first} 行定义`, `agent ${q(id)} is also defined on line ${first}`), row.label);
        continue;
      }
      const other = licences.get(licence);
      if (other !== undefined) {
        errors.add(row.line, both(`统一社会信用代码 ${licence} 已属于第 ${other} 行的代理商`, `licence ${licence} already belongs to the agent on line ${other}`), row.label);
        continue;
      }
      licences.set(licence, row.line);
      batch.agents.push({ agent: checked.agent, ref: `line ${row.line}` });
    } else if (checked.range) batch.ranges.push(checked.range);
    else if (checked.number) batch.numbers.push(checked.number);
  }
  const inBatch = new Set(batch.agents.map((a) => a.agent.id));
  const addProblems = (problems: readonly { ref?: string; code: string; text: LocalText }[]): void => {
    for (const p of problems) {
      const agent = p.code === 'UNKNOWN_AGENT' ? (p.text.en.match(/^Unknown agent "(.*)"\.$/)?.[1] ?? '') : '';
      // An agent whose own row is bad is reported there, not on every one of its numbers.
      if (p.code === 'UNKNOWN_AGENT' && defined.has(agent) && !inBatch.has(agent)) continue;
      const line = Number(p.ref?.replace(/^line /, '') ?? 1) || 1;
      const hint = p.code === 'UNKNOWN_AGENT' ? both('：请用 agent 行定义它，或先把它加入库存', ': define it with an agent row or add it to the store first') : both('', '');
      errors.add(line, { zh: p.text.zh.replace(/。$/, '') + hint.zh, en: p.text.en.replace(/\.$/, '') + hint.en }, labels.get(p.ref ?? '') ?? '');
    }
  };
  const dryRun = options.dryRun === true || errors.size > 0;
  const result = await store.load(batch, { dryRun });
  if (!result.ok) addProblems(result.problems);
  if (errors.size > 0 || !result.ok) throw errors.toError(what);
  return { agents: result.agents, numbers: result.numbers };
}

/** Everything in a store as a batch that {@link Store.load} takes: to move an inventory into another store. */
export async function batchOf(store: Store): Promise<InventoryBatch> {
  const { agents, ranges, numbers } = await collect(store);
  return {
    agents: agents.map((agent) => ({ agent })),
    ranges,
    numbers: numbers.map((n) => {
      const item: BatchNumber = { agent: n.agent, number: n.number, status: n.status };
      if (n.customer !== undefined) item.customer = n.customer;
      if (n.heldUntil !== undefined) item.heldUntil = n.heldUntil;
      return item;
    }),
  };
}

// ---- writing ----

interface ExportRecords {
  agents: Agent[];
  ranges: { agent: string; from: string; to: string }[];
  numbers: NumberState[];
}

async function collect(store: Store): Promise<ExportRecords> {
  const agents = await store.agents();
  const ranges: ExportRecords['ranges'] = [];
  const numbers: NumberState[] = [];
  for (const agent of agents) {
    const list = await store.list(agent.id);
    for (let i = 0; i < list.length; ) {
      const start = list[i] as NumberState;
      let j = i + 1;
      if (start.status === 'available') {
        // Extend over consecutive available numbers in the same segment.
        for (;;) {
          const next = list[j];
          const prev = list[j - 1] as NumberState;
          if (next === undefined || next.status !== 'available' || Number(next.number) !== Number(prev.number) + 1) break;
          if (next.number.slice(0, 4) !== start.number.slice(0, 4)) break;
          j++;
        }
      }
      if (j - i >= 2) ranges.push({ agent: agent.id, from: start.number, to: (list[j - 1] as NumberState).number });
      else numbers.push(start);
      i = j;
    }
  }
  return { agents, ranges, numbers };
}

function time(ms: number): string {
  return new Date(ms).toISOString();
}

/** Writes everything in the store as CSV or JSON (formats in docs/inventory.md and the file comment), agents first. */
export async function exportInventory(store: Store, format: InventoryFormat, options: ExportOptions = {}): Promise<string> {
  inventoryRules.guardKind(format, 'exportInventory(): format', 'string');
  if (format !== 'csv' && format !== 'json') {
    throw new Vanity400Error('BAD_ARGUMENT', both(`未知的库存文件格式 ${q(format)}，应为 "csv" 或 "json"。`, `Unknown inventory format ${q(format)}; expected "csv" or "json".`), { input: format });
  }
  if (typeof store !== 'object' || store === null || typeof (store as Store).agents !== 'function' || typeof (store as Store).list !== 'function') throw inventoryRules.wrongType('store', both('库存（Store）', 'a Store'), store);
  inventoryRules.guardOptions(options, 'exportInventory(): options');
  inventoryRules.guardFields(options, 'exportInventory(): options', { bom: 'boolean?' });
  const { agents, ranges, numbers } = await collect(store);
  if (format === 'json') {
    const block = (key: string, items: readonly object[]): string =>
      items.length === 0 ? `  "${key}": []` : `  "${key}": [\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
    const agentItems = agents.map((a) => {
      const item: Record<string, unknown> = { id: a.id, name: a.name, level: a.level };
      if (a.parent !== undefined) item.parent = a.parent;
      return { ...item, licence: a.licence, verified: a.verified, quota: a.quota };
    });
    const rangeItems = ranges.map((r) => ({ agent: r.agent, from: showNumber(r.from), to: showNumber(r.to) }));
    const numberItems = numbers.map((n) => {
      const item: Record<string, unknown> = { agent: n.agent, number: showNumber(n.number), status: n.status };
      if (n.customer !== undefined) item.customer = n.customer;
      if (n.heldUntil !== undefined) item.heldUntil = time(n.heldUntil);
      return item;
    });
    return [
      '{',
      `  "format": "${JSON_FORMAT}",`,
      '  "version": 1,',
      `${block('agents', agentItems)},`,
      `${block('ranges', rangeItems)},`,
      block('numbers', numberItems),
      '}',
      '',
    ].join('\n');
  }
  const rows: string[][] = [[...COLUMNS]];
  const row = (cells: Partial<Record<Column, string>>): string[] => COLUMNS.map((c) => escapeCell(cells[c] ?? ''));
  for (const a of agents) {
    rows.push(row({
      kind: 'agent', agent: a.id, name: a.name, level: a.level, parent: a.parent ?? '', licence: a.licence,
      verified: String(a.verified), quota: String(a.quota),
    }));
  }
  for (const r of ranges) rows.push(row({ kind: 'range', agent: r.agent, from: showNumber(r.from), to: showNumber(r.to) }));
  for (const n of numbers) {
    rows.push(row({
      kind: 'number', agent: n.agent, number: showNumber(n.number), status: n.status, customer: n.customer ?? '',
      held_until: n.heldUntil === undefined ? '' : time(n.heldUntil),
    }));
  }
  const { stringify } = await import('csv-stringify/sync');
  return (options.bom ? '\uFEFF' : '') + stringify(rows);
}
