// Types for plain-calls.mjs (so TypeScript tests can import the plain-JS baselines).
interface Counts {
  calls: number;
  answered: number;
  busy: number;
  noAnswer: number;
  blocked: number;
  talkSeconds: number;
}
export interface PlainReport {
  records: number;
  totals: Counts;
  byLanding: Record<string, Counts>;
  byArea: Record<string, Counts>;
  byHour: Counts[];
}
export declare function splitParseThenAggregate(path: string): PlainReport;
export declare function csvParseThenAggregate(path: string): PlainReport;
export declare function csvParseStream(path: string): Promise<PlainReport>;
