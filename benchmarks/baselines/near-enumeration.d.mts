// Types for near-enumeration.mjs (so TypeScript tests can import the plain-JS baseline).
export declare function enumerateNear(
  number: string,
  maxDistance: number,
  limit: number,
  lookup: { scoreOf: (n: string) => number | undefined; accept?: (n: string, score: number) => boolean },
): string[];
export declare function hamming(a: string, b: string): number;
