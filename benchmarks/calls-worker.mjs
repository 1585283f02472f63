/** One measured run of a call-analysis engine in a fresh process: prints { ms, maxRssMb, summary } as JSON. */
import { analyseCallFile } from '../dist/node.js';
import { csvParseStream, csvParseThenAggregate, splitParseThenAggregate } from './baselines/plain-calls.mjs';

const [engine, path] = process.argv.slice(2);
const t0 = performance.now();
let summary;
if (engine === 'ours') {
  const r = await analyseCallFile(path);
  summary = { records: r.records, badLines: r.badLines, totals: { calls: r.totals.calls, answered: r.totals.answered, busy: r.totals.busy, noAnswer: r.totals.noAnswer, blocked: r.totals.blocked, talkSeconds: r.totals.talkSeconds }, landings: r.byLanding.length, areas: r.byArea.length, hour10: r.byHour[10].calls };
} else {
  const run = { split: splitParseThenAggregate, 'csv-parse-sync': csvParseThenAggregate, 'csv-parse-stream': csvParseStream }[engine];
  const r = await run(path);
  summary = { records: r.records, badLines: 0, totals: r.totals, landings: Object.keys(r.byLanding).length, areas: Object.keys(r.byArea).length, hour10: r.byHour[10].calls };
}
const ms = performance.now() - t0;
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
// What stays live once the garbage is collected: the report's own state, whatever the file's size.
globalThis.gc?.();
process.stdout.write(JSON.stringify({ ms, maxRssMb, heapAfterGcMb: Math.round(process.memoryUsage().heapUsed / 1e5) / 10, summary }));
