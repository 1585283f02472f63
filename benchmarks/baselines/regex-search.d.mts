// Types for regex-search.mjs (so TypeScript tests can import the plain-JS baseline).
import type { PatternAst, PatternToken } from '../../src/search/pattern/index.js';

export type { PatternAst, PatternToken };
export declare function segmentPrefix(segment: number | string): string;
export declare function segmentNumbers(segment: number | string): string[];
export declare function astToRegExp(ast: PatternAst): RegExp;
export declare function regexSearch(strings: readonly string[], scores: Uint16Array, ast: PatternAst, limit: number): string[];
