/**
 * Baselines for call analysis: what a good engineer writes first. Both read the whole file, parse every
 * record into an object, then aggregate the objects (parse-then-aggregate); neither checks the records.
 * The report has the fields of analyseCalls' totals, byLanding, byArea (area codes) and byHour.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const counter = () => ({ calls: 0, answered: 0, busy: 0, noAnswer: 0, blocked: 0, talkSeconds: 0 });

function add(c, r) {
  c.calls++;
  if (r.result === 'answered') {
    c.answered++;
    c.talkSeconds += r.talkSeconds;
  } else if (r.result === 'busy') c.busy++;
  else if (r.result === 'no-answer') c.noAnswer++;
  else c.blocked++;
}

/** The area code of a caller written as digits (0 + 2 digits for 010 and 02x, else 0 + 3 digits); '' for a mobile or none. */
function areaOf(r) {
  if (r.area) return r.area;
  const c = r.caller;
  if (!c || c[0] !== '0') return '';
  return c[1] === '1' || c[1] === '2' ? c.slice(0, 3) : c.slice(0, 4);
}

/** A record from a row's columns. */
const recordOf = (o) => ({ start: o.start, caller: o.caller, area: o.area, landing: o.landing, result: o.result, talkSeconds: Number(o.talk_seconds) });

/** Counts records one at a time; `report()` gives what they add up to. */
function aggregator() {
  const totals = counter();
  const byLanding = new Map();
  const byArea = new Map();
  const byHour = Array.from({ length: 24 }, counter);
  let records = 0;
  return {
    add(r) {
      records++;
      add(totals, r);
      add(byHour[Number(r.start.slice(11, 13))], r);
      const area = areaOf(r);
      if (!byArea.has(area)) byArea.set(area, counter());
      add(byArea.get(area), r);
      if (r.landing && r.result !== 'blocked') {
        if (!byLanding.has(r.landing)) byLanding.set(r.landing, counter());
        add(byLanding.get(r.landing), r);
      }
    },
    report: () => ({ records, totals, byLanding: Object.fromEntries(byLanding), byArea: Object.fromEntries(byArea), byHour }),
  };
}

function aggregate(records) {
  const counts = aggregator();
  for (const r of records) counts.add(r);
  return counts.report();
}

/** readFileSync, split into lines and on commas, an object a record, then aggregate. */
export function splitParseThenAggregate(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].split(',');
  const records = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const f = lines[i].split(',');
    const o = {};
    for (let k = 0; k < header.length; k++) o[header[k]] = f[k];
    records.push(recordOf(o));
  }
  return aggregate(records);
}

/** csv-parse's synchronous parser over the whole file, objects by the header, then aggregate. */
export function csvParseThenAggregate(path) {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true });
  return aggregate(rows.map(recordOf));
}

/** csv-parse's streaming parser, aggregating as records come (no validation): what analyseCalls would be on csv-parse. */
export async function csvParseStream(path) {
  const { createReadStream } = await import('node:fs');
  const { parse: parseStream } = await import('csv-parse');
  const counts = aggregator();
  for await (const o of createReadStream(path).pipe(parseStream({ columns: true, skip_empty_lines: true }))) {
    counts.add(recordOf(o));
  }
  return counts.report();
}
