// Types for regex-search.mjs (so TypeScript tests can import the plain-JS baseline).
import type { PatternAst, PatternToken } from '../../src/search/pattern/index.js';

export type { PatternAst, PatternToken };
export interface ScanIndex {
  strings: readonly string[];
  byScore: Uint32Array;
  byValue: Uint32Array | null;
}
export declare function segmentPrefix(segment: number | string): string;
export declare function segmentNumbers(segment: number | string): string[];
export declare function astToRegExp(ast: PatternAst): RegExp;
export declare function scanIndex(strings: readonly string[], scores: ArrayLike<number>, values?: ArrayLike<number> | null): ScanIndex;
export declare function regexSearch(
  index: ScanIndex,
  ast: PatternAst | null,
  limit: number,
  options?: { sort?: 'score' | 'number' | 'value'; accept?: (i: number) => boolean },
): string[];
