import { createReadStream } from 'node:fs';
import { analyseCalls, inventoryRules, type AnalyseCallsOptions, type CallReport } from 'vanity400';

/**
 * Analyses a call-records file (CSV or JSON lines) as {@link analyseCalls} does, read as a stream in
 * 64 KiB chunks: memory stays bounded however large the file. The format is told from the name's
 * extension (.jsonl, .ndjson, .json) unless given, else from the first line.
 */
export async function analyseCallFile(path: string, options: AnalyseCallsOptions = {}): Promise<CallReport> {
  if (typeof path !== 'string' || path === '') throw inventoryRules.wrongType('analyseCallFile(): path', { zh: '文件路径', en: 'a file path' }, path);
  inventoryRules.guardOptions(options, 'analyseCallFile(): options');
  inventoryRules.guardFields(options, 'analyseCallFile(): options', { format: 'string?', onProblem: 'function?', keepProblems: 'number?' });
  const format = options.format ?? (/\.(jsonl|ndjson|json)$/i.test(path) ? 'jsonl' : /\.csv$/i.test(path) ? 'csv' : undefined);
  return analyseCalls(createReadStream(path, { highWaterMark: 1 << 16 }), { ...options, ...(format ? { format } : {}) });
}
