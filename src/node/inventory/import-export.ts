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
 * Import is all or nothing: every record is checked (also against what the store already holds)
 * before anything is written, and the error (BAD_IMPORT) lists every bad line with its reason.
 * Writing assumes nobody else changes the store during the import.
 *
 * Export escapes any CSV cell that a spreadsheet would run as a formula (one starting with = + - @,
 * tab or CR, or their full-width forms) with a leading ', and import removes that ' again.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { NUMBER_STATUSES, Vanity400Error, checkAgent, parse, showNumber } from './core.js';
import type { Agent, NumberState, NumberStatus, Store } from './core.js';

/** The two inventory file formats, described in docs/inventory.md (and at the top of this file). */
export type InventoryFormat = 'csv' | 'json';

/** Options of {@link importInventory}. */
export interface ImportOptions {
  /** Called after each write to the store with how many of the planned writes are done. */
  onProgress?(done: number, total: number): void;
  /** The clock that turns held_until into a hold time; pass the store's clock. Default Date.now. */
  now?: () => number;
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

const MAX_TTL = 366 * 24 * 3600 * 1000;

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

class LineErrors {
  readonly #byLine = new Map<number, string[]>();

  add(line: number, reason: string): void {
    const list = this.#byLine.get(line) ?? [];
    if (!list.includes(reason)) list.push(reason);
    this.#byLine.set(line, list);
  }

  get size(): number {
    return this.#byLine.size;
  }

  toError(what: string): Vanity400Error {
    const lines = [...this.#byLine].sort((a, b) => a[0] - b[0]);
    const text = lines.map(([line, reasons]) => `  line ${line}: ${reasons.join('; ')}`).join('\n');
    return new Vanity400Error(
      'BAD_IMPORT',
      `Cannot import ${what}: ${lines.length} bad line${lines.length === 1 ? '' : 's'}, nothing was changed.\n${text}`,
    );
  }
}

function readCsv(text: string, errors: LineErrors): RawRow[] {
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
    errors.add(typeof line === 'number' ? line : 1, `not valid CSV: ${(error as Error).message}`);
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
    errors.add(headLine, `unknown column${unknown.length === 1 ? '' : 's'} ${unknown.map((c) => JSON.stringify(c)).join(', ')}; the columns are ${COLUMNS.join(',')}`);
  }
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length > 0) errors.add(headLine, `column ${JSON.stringify(repeated[0])} appears twice`);
  if (!header.includes('kind')) errors.add(headLine, `the first row must be the header, with a "kind" column: ${COLUMNS.join(',')}`);
  if (errors.size > 0) return [];

  const rows: RawRow[] = [];
  for (const r of body) {
    const line = startLine(r);
    if (r.record.length > header.length) {
      errors.add(line, `${r.record.length} cells but the header has ${header.length} columns`);
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
    errors.add(line, `not valid JSON: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    errors.add(1, `expected an object with "agents", "ranges" and "numbers" arrays`);
    return [];
  }
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!['format', 'version', 'comment', ...Object.keys(JSON_KEYS)].includes(key)) {
      errors.add(1, `unknown key ${JSON.stringify(key)}; expected format, version, comment, agents, ranges, numbers`);
    }
  }
  if (top.format !== undefined && top.format !== JSON_FORMAT) errors.add(1, `"format" should be "${JSON_FORMAT}"`);
  if (top.version !== undefined && top.version !== 1) errors.add(1, `"version" ${JSON.stringify(top.version)} is not supported (expected 1)`);
  const lines = elementLines(body);
  const rows: RawRow[] = [];
  for (const [group, keys] of Object.entries(JSON_KEYS)) {
    const list = top[group];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.add(1, `"${group}" must be an array`);
      continue;
    }
    list.forEach((item: unknown, i) => {
      const line = lines.get(group)?.[i] ?? 1;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.add(line, `${group}[${i}] must be an object`);
        return;
      }
      const cells: Partial<Record<Column, unknown>> = {};
      for (const [k, v] of Object.entries(item)) {
        const column = keys[k];
        if (column === undefined) errors.add(line, `${group}[${i}]: unknown key ${JSON.stringify(k)}; expected ${Object.keys(keys).join(', ')}`);
        else if (v !== null && v !== undefined && v !== '') cells[column] = v;
      }
      rows.push({ line, label: `${group}[${i}]: `, kind: KIND_OF[group] as string, cells });
    });
  }
  return rows.sort((a, b) => a.line - b.line);
}

// ---- checking ----

interface AgentRow { line: number; label: string; agent: Agent }
interface NumbersRow {
  line: number;
  label: string;
  agent: string;
  /** For a range row: its ends. */
  range?: { from: string; to: string };
  numbers: string[];
  status: NumberStatus;
  customer?: string;
  heldUntil?: number;
}

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

function digits(value: unknown): string {
  return parse(value as string).digits;
}

function reasonOf(error: unknown): string {
  if (error instanceof Vanity400Error) return error.message.replace(/\.$/, '');
  throw error;
}

/** Plain reading of one record, no store needed. Returns null (with errors noted) if it is bad. */
function checkRow(row: RawRow, errors: LineErrors): AgentRow | NumbersRow | null {
  const { line, label, kind, cells } = row;
  const reasons: string[] = [];
  const done = <T>(value: T): T | null => {
    for (const reason of reasons) errors.add(line, label + reason);
    return reasons.length > 0 ? null : value;
  };
  const used = USED[kind];
  if (used === undefined) {
    reasons.push(`kind ${JSON.stringify(kind)} should be agent, range or number`);
    return done(null);
  }
  const extra = COLUMNS.filter((c) => c !== 'kind' && cells[c] !== undefined && !used.includes(c));
  if (extra.length > 0) reasons.push(`${extra.join(', ')} must be empty in a ${kind} row`);
  const agentId = asText(cells.agent);
  if (agentId === undefined) {
    reasons.push(`the ${kind} row needs an agent id`);
    return done(null);
  }
  try {
    if (kind === 'agent') {
      const verified = readBool(cells.verified);
      if (verified === undefined) reasons.push(`verified must be true or false, got ${JSON.stringify(asText(cells.verified) ?? '')}`);
      const quota = readInt(cells.quota);
      if (quota === undefined) reasons.push(`quota must be a whole number, got ${JSON.stringify(asText(cells.quota) ?? '')}`);
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
      if (cells.from === undefined || cells.to === undefined) throw new Vanity400Error('BAD_IMPORT', 'a range row needs both from and to');
      const from = digits(cells.from);
      const to = digits(cells.to);
      if (from.slice(0, 4) !== to.slice(0, 4)) {
        throw new Vanity400Error('BAD_IMPORT', `range ${showNumber(from)} … ${showNumber(to)} spans two segments; a range stays in one segment`);
      }
      if (Number(from) > Number(to)) throw new Vanity400Error('BAD_IMPORT', `range ${showNumber(from)} … ${showNumber(to)} runs backwards`);
      return done({ line, label, agent: agentId, range: { from, to }, numbers: [], status: 'available' as NumberStatus });
    }
    // kind === 'number'
    if (cells.number === undefined) throw new Vanity400Error('BAD_IMPORT', 'a number row needs a number');
    const number = digits(cells.number);
    const status = (asText(cells.status) ?? 'available') as NumberStatus;
    if (!NUMBER_STATUSES.includes(status)) {
      throw new Vanity400Error('BAD_IMPORT', `status ${JSON.stringify(status)} should be one of ${NUMBER_STATUSES.join(', ')}`);
    }
    const out: NumbersRow = { line, label, agent: agentId, numbers: [number], status };
    const customer = asText(cells.customer);
    if (status === 'held' || status === 'sold') {
      if (customer === undefined || customer.trim() === '' || customer.length > 200) {
        reasons.push(`a ${status} number needs a customer (1-200 characters)`);
      } else out.customer = customer;
    } else if (customer !== undefined) reasons.push(`an ${status} number has no customer`);
    if (status === 'held') {
      const until = readTime(cells.held_until);
      if (until === undefined) reasons.push('a held number needs held_until, an ISO 8601 time or epoch ms');
      else out.heldUntil = until;
    } else if (cells.held_until !== undefined) reasons.push('held_until is only for held numbers');
    return done(out);
  } catch (error) {
    reasons.push(reasonOf(error));
    return done(null);
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function sampleList(items: readonly string[]): string {
  return items.length > 20 ? `${items.slice(0, 20).join(', ')}, … (first 20 of ${items.length})` : items.join(', ');
}

/**
 * Imports a CSV or JSON inventory (formats in docs/inventory.md and the file comment) into `store`, all or nothing.
 * @throws Vanity400Error BAD_IMPORT listing every bad line; the store is unchanged then.
 */
export async function importInventory(
  store: Store,
  text: string,
  format: InventoryFormat,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (format !== 'csv' && format !== 'json') {
    throw new Vanity400Error('BAD_ARGUMENT', `Unknown inventory format ${JSON.stringify(format)}; expected "csv" or "json".`, { input: format });
  }
  if (typeof text !== 'string') {
    throw new Vanity400Error('INVALID_TYPE', `Expected the inventory file's text as a string, got ${typeof text}.`);
  }
  const now = options.now ?? Date.now;
  const errors = new LineErrors();
  const raw = format === 'csv' ? readCsv(text, errors) : readJson(text, errors);
  const what = `the ${format.toUpperCase()} inventory`;

  const agentRows: AgentRow[] = [];
  const numberRows: NumbersRow[] = [];
  for (const row of raw) {
    const checked = checkRow(row, errors);
    if (checked === null) continue;
    if ('numbers' in checked) numberRows.push(checked);
    else agentRows.push(checked);
  }

  // Agents: against each other and the store.
  const existing = new Map((await store.agents()).map((a) => [a.id, a]));
  const licenceOwner = new Map([...existing.values()].map((a) => [a.licence, `agent ${JSON.stringify(a.id)} in the store`]));
  const defined = new Map<string, number>(); // every agent id named by an agent row, good or bad
  for (const row of raw) {
    const id = asText(row.cells.agent);
    if (row.kind === 'agent' && id !== undefined && !defined.has(id)) defined.set(id, row.line);
  }
  const agents = new Map<string, Agent>(existing);
  const newAgents: AgentRow[] = [];
  for (const row of agentRows) {
    const { id, licence } = row.agent;
    const first = defined.get(id);
    let ok = true;
    const fail = (reason: string): void => {
      errors.add(row.line, row.label + reason);
      ok = false;
    };
    if (existing.has(id)) fail(`agent ${JSON.stringify(id)} already exists in the store`);
    else if (first !== undefined && first !== row.line) fail(`agent ${JSON.stringify(id)} is also defined on line ${first}`);
    const owner = licenceOwner.get(licence);
    if (owner !== undefined) fail(`licence ${licence} already belongs to ${owner}`);
    else licenceOwner.set(licence, `agent ${JSON.stringify(id)} on line ${row.line}`);
    if (ok && !agents.has(id)) {
      agents.set(id, row.agent);
      newAgents.push(row);
    }
  }
  for (const row of newAgents) {
    const parentId = row.agent.parent;
    if (parentId === undefined) continue;
    const parent = agents.get(parentId);
    if (parent === undefined) {
      if (!defined.has(parentId)) errors.add(row.line, `${row.label}parent agent ${JSON.stringify(parentId)} is not defined`);
    } else if (parent.level !== 'first') {
      errors.add(row.line, `${row.label}parent ${JSON.stringify(parentId)} is a second-level agent; a parent must be first-level`);
    }
  }

  // Numbers: each once in the file, free in the store, within quota.
  const firstLine = new Map<string, number>();
  const inStore = new Map<string, number>(); // per agent: numbers reserved and not sold or withdrawn in the store
  const active = new Map<string, number>(); // the same, plus the file's so far
  const overQuota = new Set<string>();
  const passing = new Set<string>(); // agents with sold or withdrawn numbers in the file
  for (const row of numberRows) {
    const fail = (reason: string): void => errors.add(row.line, row.label + reason);
    const agent = agents.get(row.agent);
    if (agent === undefined) {
      // An agent whose own row is bad is reported there, not on every one of its numbers.
      if (!defined.has(row.agent)) fail(`unknown agent ${JSON.stringify(row.agent)}: define it with an agent row or add it to the store first`);
      continue;
    }
    if (!inStore.has(agent.id)) {
      const c = existing.has(agent.id) ? await store.counts(agent.id) : undefined;
      inStore.set(agent.id, c === undefined ? 0 : c.available + c.held);
    }
    const base = inStore.get(agent.id) as number;
    const before = active.get(agent.id) ?? base;
    const quotaReason = (total: number): string =>
      `agent ${JSON.stringify(agent.id)} would have ${plural(total, 'number')} reserved, over its quota of ${agent.quota.toLocaleString('en-US')}` +
      (base > 0 ? ` (${base.toLocaleString('en-US')} already in the store)` : '');
    if (row.range !== undefined) {
      const size = Number(row.range.to) - Number(row.range.from) + 1;
      // Checked before listing the range's numbers, so that a huge range fails fast.
      if (before + size > agent.quota) {
        if (!overQuota.has(agent.id)) fail(quotaReason(before + size));
        overQuota.add(agent.id);
        continue;
      }
      const lo = Number(row.range.from);
      row.numbers = Array.from({ length: size }, (_, i) => String(lo + i));
    }
    if (row.status === 'sold' || row.status === 'withdrawn') {
      // Such numbers are reserved and then sold or withdrawn, so they pass through the free quota.
      if (base >= agent.quota && !passing.has(agent.id)) {
        fail(`agent ${JSON.stringify(agent.id)} has no free quota (${agent.quota}) to take in a ${row.status} number`);
      }
      passing.add(agent.id);
    } else {
      const after = before + row.numbers.length;
      active.set(agent.id, after);
      if (after > agent.quota && !overQuota.has(agent.id)) {
        overQuota.add(agent.id);
        fail(quotaReason(after));
      }
    }
    const repeated = new Map<number, string[]>();
    const taken: string[] = [];
    for (const d of row.numbers) {
      const seen = firstLine.get(d);
      if (seen !== undefined) {
        const list = repeated.get(seen) ?? [];
        list.push(showNumber(d));
        repeated.set(seen, list);
        continue;
      }
      firstLine.set(d, row.line);
      const state = await store.who(d);
      if (state !== null && state.status !== 'withdrawn') taken.push(`${showNumber(d)} (${state.agent}, ${state.status})`);
    }
    for (const [other, list] of repeated) {
      fail(`${plural(list.length, 'number')} already on ${other === row.line ? 'this line' : `line ${other}`}: ${sampleList(list)}`);
    }
    if (taken.length > 0) fail(`${plural(taken.length, 'number')} already reserved in the store: ${sampleList(taken)}`);
    if (row.status === 'held' && (row.heldUntil as number) - now() > MAX_TTL) fail('held_until is more than 366 days away');
  }
  if (errors.size > 0) throw errors.toError(what);

  // Write: agents (parents first); then per agent its sold and withdrawn numbers, through the quota
  // the store leaves free; then the rest; then the holds.
  type Step = { line: number; run: () => Promise<unknown> };
  const steps: Step[] = [];
  const ordered = [...newAgents].sort((a, b) => Number(a.agent.level === 'second') - Number(b.agent.level === 'second'));
  for (const row of ordered) steps.push({ line: row.line, run: () => store.addAgent(row.agent) });
  const byAgent = new Map<string, NumbersRow[]>();
  for (const row of numberRows) {
    const list = byAgent.get(row.agent) ?? [];
    list.push(row);
    byAgent.set(row.agent, list);
  }
  let reserved = 0;
  for (const [id, rows] of byAgent) {
    const room = (agents.get(id) as Agent).quota - (inStore.get(id) ?? 0);
    const passThrough = rows.filter((r) => r.status === 'sold' || r.status === 'withdrawn');
    for (let i = 0; i < passThrough.length; i += room) {
      const chunk = passThrough.slice(i, i + room);
      steps.push({ line: chunk[0]?.line ?? 0, run: () => store.reserve({ agent: id, numbers: chunk.map((r) => r.numbers[0] as string) }) });
      for (const r of chunk) {
        const d = r.numbers[0] as string;
        steps.push({ line: r.line, run: () => (r.status === 'sold' ? store.sell(d, r.customer as string) : store.withdraw(d)) });
      }
    }
    const explicit: string[] = [];
    for (const r of rows) {
      if (r.range !== undefined) {
        const range = r.range;
        steps.push({ line: r.line, run: () => store.reserve({ agent: id, from: range.from, to: range.to }) });
      } else if (r.status === 'available' || r.status === 'held') explicit.push(r.numbers[0] as string);
    }
    if (explicit.length > 0) steps.push({ line: 0, run: () => store.reserve({ agent: id, numbers: explicit }) });
    for (const r of rows) {
      if (r.status !== 'held') continue;
      const d = r.numbers[0] as string;
      steps.push({
        line: r.line,
        run: async () => {
          const ttl = (r.heldUntil as number) - now();
          if (ttl <= 0) return; // the hold has ended: the number is simply available
          const result = await store.hold(d, r.customer as string, ttl);
          if (!result.ok) throw new Vanity400Error('NOT_AVAILABLE', `${showNumber(d)} could not be held: it is ${result.state.status}`);
        },
      });
    }
    reserved += rows.reduce((n, r) => n + r.numbers.length, 0);
  }
  let done = 0;
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      if (!(error instanceof Vanity400Error)) throw error;
      const where = step.line > 0 ? ` at line ${step.line}` : '';
      throw new Vanity400Error(
        'BAD_IMPORT',
        `Import of ${what} stopped part-way${where}, after ${done} of ${steps.length} writes (did the store change meanwhile?): ${error.message}`,
      );
    }
    done++;
    options.onProgress?.(done, steps.length);
  }
  return { agents: newAgents.length, numbers: reserved };
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
  if (format !== 'csv' && format !== 'json') {
    throw new Vanity400Error('BAD_ARGUMENT', `Unknown inventory format ${JSON.stringify(format)}; expected "csv" or "json".`, { input: format });
  }
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
  return (options.bom ? '\uFEFF' : '') + stringify(rows);
}
