/**
 * The demo page: a segment's pool loads from its snapshot file, queries run in the page, and every
 * result shows its reasons. URL parameters (seg, mode, q, no4, min, lang) fill the form; with q the
 * search runs on load, so a result list can be linked to.
 */
import {
  findingSentence,
  isVanity400Error,
  listSegments,
  poolFromSnapshot,
  search,
  searchSounds,
  tierById,
  type Language,
  type Pool,
  type SearchResult,
  type SoundMatch,
  type SoundResult,
} from 'vanity400';

const PAGE_SIZE = 20;
/** Reasons shown in a row; the rest fold under "more". */
const FIRST_REASONS = 3;
/** searchSounds answers one list of at most this many: its pages are slices of a longer answer. */
const SOUNDS_MAX = 1000;
/** Performance entries the benchmark reads: rows of the first results in the DOM, and the snapshot's fetch and load. */
const FIRST_RESULTS = 'vanity400:first-results';

const zh = {
  title: '400 电话选号',
  segment: '号段',
  mode: '查找方式',
  modePattern: '号码规律',
  modeSounds: '谐音',
  query: '输入',
  no4: '不要 4',
  minScore: '最低分',
  search: '搜索',
  number: '号码',
  score: '评分',
  tier: '等级',
  reasons: '理由',
  prev: '上一页',
  next: '下一页',
  other: 'English',
  special: '特殊号码',
  searching: '正在查找…',
  none: '没有符合条件的号码',
  hintPattern: '例如 AABB$、%520%、[689][689][689]$、8888$、4008[^4][^4]ABAB',
  hintSounds: '例如 一路有我、我要发、yilufa',
  more: (count: number) => `另 ${count} 条`,
  loading: (segment: string) => `正在载入 ${segment} 号段…`,
  found: (count: number, page: number, ms: number) => `第 ${page} 页：${count} 个号码（${ms} 毫秒）`,
  soundsLike: (m: SoundMatch) => `像“${m.phrase}”（${m.digits}，吻合 ${Math.round(m.quality * 100)}%）`,
  fetchFailed: (segment: string, status: number) => `号段 ${segment} 的数据载入失败（HTTP ${status}）`,
};
type Texts = typeof zh;
const en: Texts = {
  title: '400 number finder',
  segment: 'Segment',
  mode: 'Find by',
  modePattern: 'pattern',
  modeSounds: 'sound',
  query: 'Query',
  no4: 'no 4',
  minScore: 'Minimum score',
  search: 'Search',
  number: 'Number',
  score: 'Score',
  tier: 'Tier',
  reasons: 'Reasons',
  prev: 'Previous',
  next: 'Next',
  other: '中文',
  special: 'special number',
  searching: 'Searching…',
  none: 'No number matches',
  hintPattern: 'e.g. AABB$, %520%, [689][689][689]$, 8888$, 4008[^4][^4]ABAB',
  hintSounds: 'e.g. 一路有我, 我要发, yilufa',
  more: (count) => `${count} more`,
  loading: (segment) => `Loading segment ${segment}…`,
  found: (count, page, ms) => `Page ${page}: ${count} numbers (${ms} ms)`,
  soundsLike: (m) => `sounds like ${m.phrase} (${m.digits}, ${Math.round(m.quality * 100)}% match)`,
  fetchFailed: (segment, status) => `segment ${segment}: its data did not load (HTTP ${status})`,
};
const TEXTS: Record<Language, Texts> = { zh, en };

interface Query {
  segment: string;
  mode: 'pattern' | 'sounds';
  q: string;
  no4: boolean;
  min: string;
}

interface Shown {
  results: (SearchResult | SoundResult)[];
  hasNext: boolean;
  ms: number;
}

function $<T extends HTMLElement>(selector: string): T {
  return document.querySelector<T>(selector)!;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const form = $<HTMLFormElement>('#query');
const segmentSelect = $<HTMLSelectElement>('#segment');
const input = $<HTMLInputElement>('#q');
const no4 = $<HTMLInputElement>('#no4');
const min = $<HTMLInputElement>('#min');
const status = $<HTMLParagraphElement>('#status');
const errorBox = $<HTMLParagraphElement>('#error');
const section = $<HTMLElement>('#results');
const tbody = $<HTMLTableSectionElement>('#results tbody');
const prev = $<HTMLButtonElement>('#prev');
const next = $<HTMLButtonElement>('#next');

let lang: Language = 'zh';
let query: Query | null = null;
let pageIndex = 0;
/** Pattern search: the cursor of each page reached so far (none for the first). */
let cursors: (string | undefined)[] = [undefined];
let shown: Shown | null = null;
/** Each run takes a ticket; an answer that arrives after a newer run started is dropped. */
let ticket = 0;
const pools = new Map<string, Promise<Pool>>();

for (const s of listSegments()) {
  if (s.confirmed) segmentSelect.append(el('option', { value: s.segment, 'data-zh': s.carrierZh ?? '', 'data-en': s.carrierEn ?? '' }, [s.segment]));
}

async function fetchPool(segment: string): Promise<Pool> {
  const start = performance.now();
  const response = await fetch(`snapshots/${segment}.bin`);
  if (!response.ok) throw new Error(TEXTS[lang].fetchFailed(segment, response.status));
  const buffer = await response.arrayBuffer();
  const fetched = performance.now();
  const pool = poolFromSnapshot(buffer);
  performance.measure(`vanity400:snapshot-fetch:${segment}`, { start, end: fetched });
  performance.measure(`vanity400:snapshot-load:${segment}`, { start: fetched, end: performance.now() });
  return pool;
}

/** The segment's pool, fetched once; a failed fetch is tried again next time. */
function loadSegment(segment: string): Promise<Pool> {
  let pool = pools.get(segment);
  if (!pool) {
    pool = fetchPool(segment);
    pools.set(segment, pool);
    pool.catch(() => pools.delete(segment));
  }
  return pool;
}

async function fetchPage(pool: Pool, q: Query, index: number): Promise<Omit<Shown, 'ms'>> {
  const filters = { ...(q.no4 ? { exclude: '4' } : {}), ...(q.min.trim() !== '' ? { minScore: Number(q.min) } : {}) };
  if (q.mode === 'pattern') {
    const page = search(pool, { pattern: q.q, ...filters, limit: PAGE_SIZE, cursor: cursors[index] });
    cursors[index + 1] = page.next ?? undefined;
    return { results: page.results, hasNext: page.next !== null };
  }
  const limit = Math.min((index + 1) * PAGE_SIZE, SOUNDS_MAX);
  const answer = await searchSounds(pool, { sounds: q.q, ...filters, limit });
  return { results: answer.results.slice(index * PAGE_SIZE), hasNext: answer.results.length === limit && limit < SOUNDS_MAX };
}

function row(r: SearchResult | SoundResult): HTMLTableRowElement {
  const t = TEXTS[lang];
  const tier = tierById(r.tier)!;
  const reasons = (r.findings ?? []).map((f) => findingSentence(f, lang));
  const list = (sentences: string[]): HTMLUListElement => el('ul', { class: 'reasons' }, sentences.map((s) => el('li', {}, [s])));
  const rest = reasons.slice(FIRST_REASONS);
  return el('tr', { 'data-number': r.number }, [
    el('td', { class: 'number' }, [r.display]),
    el('td', { class: 'score' }, [r.score.toFixed(1)]),
    el('td', {}, [el('span', { class: `tier tier-${r.tier}` }, [tier[lang]]), ...(r.special ? [el('small', {}, [t.special])] : [])]),
    el('td', {}, [
      ...('soundsLike' in r ? [el('p', { class: 'match' }, [t.soundsLike(r.soundsLike)])] : []),
      list(reasons.slice(0, FIRST_REASONS)),
      ...(rest.length > 0 ? [el('details', {}, [el('summary', {}, [t.more(rest.length)]), list(rest)])] : []),
    ]),
  ]);
}

function render(): void {
  const t = TEXTS[lang];
  tbody.replaceChildren(...(shown?.results ?? []).map(row));
  status.textContent = shown === null ? '' : shown.results.length > 0 ? t.found(shown.results.length, pageIndex + 1, shown.ms) : t.none;
  prev.disabled = shown === null || pageIndex === 0;
  next.disabled = !shown?.hasNext;
  section.dataset.page = String(pageIndex + 1);
}

function showError(error: unknown): void {
  errorBox.hidden = error === null;
  if (error === null) errorBox.replaceChildren();
  else if (isVanity400Error(error)) errorBox.replaceChildren(el('code', {}, [error.code]), ` ${error.message}`);
  else errorBox.textContent = error instanceof Error ? error.message : String(error);
}

async function run(): Promise<void> {
  if (query === null) return;
  const mine = ++ticket;
  section.dataset.state = 'loading';
  prev.disabled = next.disabled = true;
  showError(null);
  status.textContent = pools.has(query.segment) ? TEXTS[lang].searching : TEXTS[lang].loading(query.segment);
  try {
    const pool = await loadSegment(query.segment);
    if (mine !== ticket) return;
    status.textContent = TEXTS[lang].searching;
    const start = performance.now();
    const page = await fetchPage(pool, query, pageIndex);
    if (mine !== ticket) return;
    shown = { ...page, ms: Math.round(performance.now() - start) };
    render();
    if (shown.results.length > 0 && performance.getEntriesByName(FIRST_RESULTS).length === 0) performance.mark(FIRST_RESULTS);
    section.dataset.state = 'done';
  } catch (error) {
    if (mine !== ticket) return;
    shown = null;
    render();
    showError(error);
    section.dataset.state = 'error';
  }
}

function mode(): Query['mode'] {
  return (form.elements.namedItem('mode') as RadioNodeList).value === 'sounds' ? 'sounds' : 'pattern';
}

function applyTexts(): void {
  const t = TEXTS[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t.title} · vanity400`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const text = t[node.dataset.text as keyof Texts];
    if (typeof text === 'string') node.textContent = text;
  }
  $('#lang').textContent = t.other;
  $('#lang').lang = lang === 'zh' ? 'en' : 'zh-CN';
  for (const option of segmentSelect.options) option.textContent = `${option.value} · ${option.dataset[lang]}`;
  $('#hint').textContent = mode() === 'pattern' ? t.hintPattern : t.hintSounds;
  input.placeholder = mode() === 'pattern' ? 'AABB$' : '一路有我';
}

/** Keeps the URL in step with the page, so the list can be linked to and reloaded. */
function syncUrl(): void {
  const params = new URLSearchParams();
  if (query !== null) {
    params.set('seg', query.segment);
    params.set('mode', query.mode);
    params.set('q', query.q);
    if (query.no4) params.set('no4', '1');
    if (query.min.trim() !== '') params.set('min', query.min.trim());
  }
  if (lang === 'en') params.set('lang', 'en');
  const text = params.toString();
  history.replaceState(null, '', text === '' ? location.pathname : `?${text}`);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  query = { segment: segmentSelect.value, mode: mode(), q: input.value, no4: no4.checked, min: min.value };
  pageIndex = 0;
  cursors = [undefined];
  syncUrl();
  void run();
});
form.addEventListener('change', (event) => {
  if (event.target === segmentSelect) loadSegment(segmentSelect.value).catch(() => {}); // fetched ahead; a failure shows on search
  applyTexts();
});
prev.addEventListener('click', () => {
  pageIndex--;
  void run();
});
next.addEventListener('click', () => {
  pageIndex++;
  void run();
});
$('#lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  applyTexts();
  if (shown !== null) render();
  syncUrl();
});

const params = new URLSearchParams(location.search);
if (params.get('lang') === 'en') lang = 'en';
const linkedSegment = params.get('seg');
if (linkedSegment !== null && [...segmentSelect.options].some((o) => o.value === linkedSegment)) segmentSelect.value = linkedSegment;
else segmentSelect.value = '4006';
if (params.get('mode') === 'sounds') (form.elements.namedItem('mode') as RadioNodeList).value = 'sounds';
no4.checked = params.get('no4') === '1';
min.value = params.get('min') ?? '';
applyTexts();
if (params.has('q')) {
  input.value = params.get('q')!;
  form.requestSubmit();
} else {
  loadSegment(segmentSelect.value).catch(() => {}); // the likely first search finds its pool ready
}
