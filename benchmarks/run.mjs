/** npm run bench: every suite, our engine beside its baselines in one run; JSON to benchmarks/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './harness.mjs';
import { benchScoring } from './scoring.mjs';

const suites = { scoring: benchScoring };
const only = process.argv.slice(2);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(out, { recursive: true });

for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  const result = { suite: name, machine: machine(), ...run() };
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${name}: ${result.task}`);
  console.log(`  ours      ${result.ours.medianMs} ms median (${result.ours.numbersPerSecond.toLocaleString('en')} numbers/s)`);
  console.log(`  baseline  ${result.baseline.medianMs} ms median (${result.baseline.numbersPerSecond.toLocaleString('en')} numbers/s) — ${result.baseline.engine}`);
  console.log(`  ratio     ${result.ratio}× faster`);
}
