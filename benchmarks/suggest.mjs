import { readFileSync } from 'node:fs';
import { companyPhrases, createPool, score, searchSounds, suggestPage } from '../dist/index.js';
import { segmentNumbers } from './baselines/regex-search.mjs';
import { measure, round } from './harness.mjs';

const GOLDEN = JSON.parse(readFileSync(new URL('../tests/fixtures/golden-readings.json', import.meta.url), 'utf8'));
const READINGS = new Set(['name', 'slogan', 'keyword']);
const NEW_CUSTOMERS = 40;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const withoutJudgement = ({ accepted, rejected, ...profile }) => profile;

/** How the golden set's profiles and phrases fare: the figures issue 13 asks for. */
async function goldenFigures(pool) {
  let first = 0;
  let real = 0;
  let nonsense = 0;
  let fill = 0;
  let empty = 0;
  let short = 0;
  const tails = [];
  for (const entry of GOLDEN.profiles) {
    const profile = withoutJudgement(entry);
    const { results } = await suggestPage(profile, { pools: [pool], limit: 20 });
    if (!results.length) empty++;
    if (results.length < 20) short++;
    tails.push(new Set(results.map((r) => r.number.slice(6))).size / Math.max(1, results.length));
    const facts = new Set(companyPhrases(profile).map((p) => p.digits));
    for (const r of results) {
      if (r.fact.kind === 'vanity') {
        fill++;
        continue;
      }
      first++;
      const parts = r.fact.parts ?? [r.fact];
      if (parts.every((p) => (READINGS.has(p.kind) ? entry.accepted.includes(p.digits) : facts.has(p.digits)))) real++;
      if (parts.some((p) => READINGS.has(p.kind) && !entry.accepted.includes(p.digits))) nonsense++;
    }
  }
  let soundResults = 0;
  let acceptable = 0;
  let unacceptable = 0;
  let answeredRight = 0;
  for (const p of GOLDEN.phrases) {
    const page = await searchSounds(pool, { [p.by]: p.phrase, limit: 20 });
    soundResults += page.results.length;
    acceptable += page.results.filter((r) => p.acceptable.includes(r.soundsLike.digits)).length;
    unacceptable += page.results.filter((r) => p.unacceptable.includes(r.soundsLike.digits)).length;
    if (p.acceptable.length ? page.results.length > 0 : page.results.length === 0 && page.notes.length > 0) answeredRight++;
  }
  return {
    profiles: GOLDEN.profiles.length,
    suggestions: GOLDEN.profiles.length * 20,
    firstReasonsOnFacts: first,
    shareRealFactOrAcceptedReading: round(real / Math.max(1, first), 4),
    nonsenseReadings: nonsense,
    filledWithGoodNumbers: fill,
    distinctTailsPerPage: { min: round(Math.min(...tails), 3), mean: round(tails.reduce((a, b) => a + b, 0) / tails.length, 3) },
    emptyAnswers: empty,
    shortPages: short,
    phrases: GOLDEN.phrases.length,
    soundResults,
    soundShareAcceptable: round(acceptable / Math.max(1, soundResults), 4),
    soundUnacceptable: unacceptable,
    phrasesAnsweredRight: answeredRight,
  };
}

/** New customers with different facts: a name, a year, a door number, a landline, digits to avoid. */
function customer(i) {
  const names = ['一路发物流', '顺丰速运', '我要发超市', '一生一世婚纱', '海底捞', '九九药房', '安心保险', '久久鸭脖'];
  return { name: names[i % names.length], founded: 1960 + i, door: String(100 + 7 * i), landline: `0755-2${String(1000000 + 37 * i).slice(1)}`, ...(i % 3 === 0 ? { avoid: '4' } : {}) };
}

/**
 * Baseline: the same customer's candidate digit strings found by a regex scan of the segment's number
 * strings, each hit scored with the customer's facts (the explain path), the best twenty by score.
 */
function baseline(strings, profile) {
  const company = { founded: profile.founded, door: profile.door, landline: profile.landline };
  const res = companyPhrases(company).map((p) => new RegExp(`^400\\d\\d*${p.digits}`));
  const avoid = profile.avoid ? new RegExp(`[${profile.avoid}]`) : null;
  const hits = [];
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    if (avoid && avoid.test(s.slice(3))) continue;
    if (res.some((re) => re.test(s))) hits.push(s);
  }
  return hits.map((n) => ({ n, s: score(n, { company }).score })).sort((a, b) => b.s - a.s).slice(0, 20);
}

/** suggest(): a new customer's page on a built pool, beside a regex-and-score baseline, and the golden set's figures. */
export async function benchSuggest() {
  const pool = createPool({ segment: '4006' });
  await suggestPage({ name: '一路有我', founded: 1990 }, { pools: [pool], limit: 20 }); // loads what a first name needs
  const newCustomer = [];
  for (let i = 0; i < NEW_CUSTOMERS; i++) {
    const t0 = performance.now();
    await suggestPage(customer(i), { pools: [pool], limit: 20 });
    newCustomer.push(performance.now() - t0);
  }
  const again = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await suggestPage(customer(3), { pools: [pool], limit: 20 });
    again.push(performance.now() - t0);
  }
  // What a new customer's scoring tables cost alone: the first score() with a fact set not seen before.
  const compile = [];
  for (let i = NEW_CUSTOMERS; i < 2 * NEW_CUSTOMERS; i++) {
    const { name, avoid, ...company } = customer(i);
    const t0 = performance.now();
    score('4006123456', { company });
    compile.push(performance.now() - t0);
  }
  const strings = segmentNumbers('4006');
  let k = 100;
  const regex = measure(() => baseline(strings, customer(k++)), { runs: 3, warmup: 1 });
  const ours = round(median(newCustomer));
  return {
    task: 'suggest(): a page of 20 for a new customer (name, founding year, door number, landline, some avoiding 4) on a built pool of segment 4006',
    method: `${NEW_CUSTOMERS} customers with different facts, one page each, after one first customer (pinyin-pro's loading left out); then one customer's page again 20 times. Baseline: a regex scan of the 1,000,000 number strings for the customer's fact digits, every hit scored with the customer's facts, the best 20 by score (${regex.runs.length} runs)`,
    ours: {
      newCustomerMedianMs: ours,
      newCustomerMaxMs: round(Math.max(...newCustomer)),
      sameCustomerMedianMs: round(median(again)),
      newFactSetCompileMedianMs: round(median(compile)),
      newFactSetCompileMaxMs: round(Math.max(...compile)),
    },
    baseline: { engine: 'regex scan of the segment + score() per hit', medianMs: regex.medianMs },
    vsBaseline: round(regex.medianMs / ours, 1),
    golden: await goldenFigures(pool),
    targets: { newCustomerMaxMs: 50 },
  };
}
