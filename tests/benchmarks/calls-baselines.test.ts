import { describe, expect, it } from 'vitest';
import { csvParseStream, csvParseThenAggregate, splitParseThenAggregate, type PlainReport } from '../../benchmarks/baselines/plain-calls.mjs';
import { analyseCallFile } from '../../src/node/calls.js';

const SAMPLE = new URL('../../data/samples/calls.csv', import.meta.url).pathname;

describe('the call-analysis baselines', () => {
  it('count what analyseCalls counts on a clean file, so the benchmark compares like with like', async () => {
    const ours = await analyseCallFile(SAMPLE);
    const { averageTalkSeconds: _average, ...totals } = ours.totals;
    const strip = ({ averageTalkSeconds: _a, ...rest }: { averageTalkSeconds: number } & Record<string, number>) => rest;
    const landing = Object.fromEntries(ours.byLanding.map(({ number, ...t }) => [number, strip(t)]));
    const area = Object.fromEntries(ours.byArea.map(({ areaCode, area: _label, ...t }) => [areaCode ?? '', strip(t)]));
    const hours = ours.byHour.map(({ hour: _hour, ...t }) => strip(t));
    for (const baseline of [splitParseThenAggregate(SAMPLE), csvParseThenAggregate(SAMPLE), await csvParseStream(SAMPLE)] as PlainReport[]) {
      expect(baseline.records).toBe(ours.records);
      expect(baseline.totals).toEqual(totals);
      expect(baseline.byLanding).toEqual(landing);
      expect(baseline.byArea).toEqual(area);
      expect(baseline.byHour).toEqual(hours);
    }
  });
});
