/** npm run bench: every suite, our engine beside its baselines in one run; JSON to benchmarks/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './harness.mjs';
import { benchScoring } from './scoring.mjs';
import { benchSearch } from './search.mjs';
import { benchSounds } from './sounds.mjs';
import { benchSuggest } from './suggest.mjs';
import { benchInventory } from './inventory.mjs';
import { benchWeb } from './web.mjs';
import { benchOrders } from './orders.mjs';
import { benchCalls } from './calls.mjs';
import { benchCli } from './cli.mjs';

const suites = { scoring: benchScoring, search: benchSearch, sounds: benchSounds, suggest: benchSuggest, inventory: benchInventory, web: benchWeb, orders: benchOrders, calls: benchCalls, cli: benchCli };
const only = process.argv.slice(2);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(out, { recursive: true });

for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  const result = { suite: name, machine: machine(), ...(await run()) };
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${name}: ${result.task}`);
  if (name === 'scoring') {
    console.log(`  ours      ${result.ours.medianMs} ms median (${result.ours.numbersPerSecond.toLocaleString('en')} numbers/s)`);
    console.log(`  baseline  ${result.baseline.medianMs} ms median (${result.baseline.numbersPerSecond.toLocaleString('en')} numbers/s) — ${result.baseline.engine}`);
    console.log(`  ratio     ${result.ratio}× faster`);
  } else if (name === 'inventory') {
    for (const [store, h] of Object.entries(result.holds)) console.log(`  ${store.padEnd(20)} ${typeof h === 'string' ? h : `${h.holdsPerSecond.toLocaleString('en')} holds/s  (${h.durability})`}`);
    console.log(`  agent     ${JSON.stringify(result.agentSearch)}`);
  } else if (name === 'orders') {
    const o = result.openingDate;
    console.log(`  openingDate ${o.ordinaryUs} µs (3 days) / ${o.specialUs} µs (7 days) per call; day-by-day chinese-days loop ${o.dayLoopOrdinaryUs} / ${o.dayLoopSpecialUs} µs (${o.vsDayLoopOrdinary}× / ${o.vsDayLoopSpecial}×)`);
    const q = result.quote;
    console.log(`  quote       ${q.byTierUs} µs by tier, ${q.byNumberUs} µs by number (scoring it) per call; bare pricing loop ${q.plainLoopUs} µs (${q.vsPlainLoop}×)`);
    console.log(`  first call  ${JSON.stringify(result.firstCallInFreshProcess)}`);
    for (const [store, s] of Object.entries(result.steps).filter(([k]) => k !== 'task' && k !== 'baseline')) {
      console.log(`  steps ${store.padEnd(17)} ${typeof s === 'string' ? s : `${s.orderStepUs} µs an order step, ${s.holdUs} µs a hold (${s.stepVsHold}× a hold; ${s.durability})`}`);
    }
  } else if (name === 'web') {
    console.log(`  whole library (dist/index.js, every export) ${result.wholeLibrary.gzipBytes} bytes gzip; the demo page's JS ${result.page.jsGzipBytes} bytes gzip`);
    for (const [page, c] of Object.entries(result.firstChunk).filter(([k]) => k !== 'budgets')) console.log(`  first chunk, ${page}: ${c.gzipKB} KB gzip (budget ${result.firstChunk.budgets[page]}; with ${c.packages.join(', ')}); later chunks ${c.lazyGzipBytes} bytes gzip`);
    const t = result.timeToFirstResults;
    if (typeof t === 'string') console.log(`  ${t}`);
    else console.log(`  first results ${t.medians.firstResultsMs} ms median: page ready ${t.medians.pageReadyMs}, snapshot fetch ${t.medians.snapshotFetchMs}, load ${t.medians.snapshotLoadMs}, search and render ${t.medians.searchAndRenderMs}`);
  } else if (name === 'calls') {
    const a = result.analyse;
    console.log(`  ours      ${a.ours.medianMs} ms median, ${a.ours.peakRssMb} MB peak RSS, ${a.ours.heapAfterGcMb} MB heap kept (${a.ours.recordsPerSecond.toLocaleString('en')} records/s); a quarter of the file: ${a.ours.quarterFile.medianMs} ms, ${a.ours.quarterFile.peakRssMb} MB, ${a.ours.quarterFile.heapAfterGcMb} MB kept`);
    for (const [name, b] of Object.entries(a.baselines)) console.log(`  ${name.padEnd(17)} ${b.medianMs} ms, ${b.peakRssMb} MB peak, ${b.heapAfterGcMb} MB kept (${b.vsOurs.time}× our time, ${b.vsOurs.memory}× our peak memory)`);
    console.log(`  identical totals ${a.identicalTotals}; percentages over ${result.percentages.calls} calls: worst ${result.percentages.maxDeviationPoints} points off (${result.percentages.routeMicrosecondsPerCall} µs a call)`);
  } else if (name === 'cli') {
    for (const [command, c] of Object.entries(result.commands)) console.log(`  ${command.padEnd(22)} ${c.warmMs} ms warm, min ${c.minMs} (${c.vsVersion}× --version), first run ${c.firstRunMs} ms`);
    console.log(`  load average ${result.loadAverage}`);
  } else if (name === 'suggest') {
    console.log(`  ours      ${result.ours.newCustomerMedianMs} ms median for a new customer (max ${result.ours.newCustomerMaxMs}), ${result.ours.sameCustomerMedianMs} ms for the same one again; a new fact set's tables alone ${result.ours.newFactSetCompileMedianMs} ms (max ${result.ours.newFactSetCompileMaxMs})`);
    console.log(`  baseline  ${result.baseline.medianMs} ms — ${result.baseline.engine} (${result.vsBaseline}×)`);
    console.log(`  golden    ${JSON.stringify(result.golden)}`);
  } else if (name === 'sounds') {
    for (const c of result.cold) console.log(`  cold ${c.phrase}: ${c.medianMs} ms median (${c.minMs}–${c.maxMs}; pool from a snapshot ${c.snapshotPoolMedianMs} ms), loads ${c.loads}`);
    console.log(`  whole command (vanity400 sounds 一路有我 --segment 4006): ${result.commandLine.medianMs} ms`);
    for (const w of result.warm) console.log(`  warm ${w.phrase}: ${w.warmMs} ms (first time in a warm process ${w.firstInWarmProcessMs} ms), regex scan for ${w.candidates.join('/')} ${w.regexScanMs} ms (${w.vsRegex}×)`);
  } else {
    console.log(`  pool      ${JSON.stringify(result.pool)}`);
    for (const q of result.queries) {
      console.log(`  ${q.kind.padEnd(10)} ${JSON.stringify(q.query).padEnd(44)} first: ours ${q.oursFirstMs} ms, sqlite ${q.sqliteFirstMs} ms (${q.firstVsSqlite}×; after a load ${q.firstAfterLoadVsSqlite}×)  repeated: ours ${q.oursMs} ms, sqlite ${q.sqliteMs} ms (${q.vsSqlite}×), rows ${q.rowsVsSqlite}×, regex scan ${q.regexMs} ms (${q.vsRegex}×)  identical ${q.identical}`);
    }
    for (const n of result.near) console.log(`  near ${n.number} ${JSON.stringify(n.options).padEnd(50)} first ${n.oursFirstMs} ms (after a load ${n.oursFirstAfterLoadMs}), repeated ${n.oursMs} ms (with reasons ${n.oursWithReasonsMs}), enumeration ${n.enumerationMs} ms (${n.vsEnumeration}×), exact ${n.identicalToBruteForce}`);
    console.log(`  summary   ${JSON.stringify(result.summary)}`);
  }
}
