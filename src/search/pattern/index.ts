export { parsePattern, type PatternAst, type PatternToken } from './parse.js';
export { compilePattern, type CompiledPattern } from './compile.js';
export { enumeratePattern } from './enumerate.js';
