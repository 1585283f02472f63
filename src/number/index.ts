export { parse, tryParse, isValid400 } from './parse.js';
export type { TryParseResult } from './parse.js';
export { format } from './format.js';
export { segmentInfo, listSegments } from './segments.js';
export type { Carrier, SegmentInfo, Number400, FormatStyle, ParseOptions } from './types.js';
export { parseLandingNumber, type LandingNumber } from './landing-number.js';
