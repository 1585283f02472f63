import { guardNumber, guardString, invalidType } from '../../errors/guards.js';
import { badCandidateLimit, notEnumerableSegment } from '../errors.js';
import { planOf, type CompiledPattern, type PatternPlan } from './compile.js';
import { NUMBER_LENGTH } from './parse.js';

const PREFIX = 4; // "400" + the segment digit
const FREE = -2; // layout kind of a position no token covers

function popcount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/** Every placement of the plan's segments in the 10 digits, as the start offset of each segment. */
function placements(plan: PatternPlan): Int8Array[] {
  const { segCount, segLen, segLo, segHi } = plan;
  const out: Int8Array[] = [];
  const offs = new Int8Array(segCount);
  const walk = (s: number, from: number): void => {
    if (s === segCount) {
      out.push(offs.slice());
      return;
    }
    const lo = Math.max(from, segLo[s]!);
    for (let off = lo; off <= segHi[s]!; off++) {
      offs[s] = off;
      walk(s + 1, off + segLen[s]!);
    }
  };
  if (!plan.never) walk(0, 0);
  return out;
}

/**
 * All numbers of a segment ('4006' etc.) that match, as sorted suffix indexes 0..999999 (the last six
 * digits as a number), or null when the pattern leaves more than `limit` candidates to try (the caller
 * then scans instead). Candidates are generated per placement of the pattern in the 10 digits, from the
 * choices its tokens leave at each of the six free digits; overlapping placements are merged.
 */
export function enumeratePattern(p: CompiledPattern, segment: string, limit: number): Uint32Array | null {
  if (typeof p !== 'object' || p === null || typeof p.ast !== 'object' || p.ast === null) throw invalidType('enumeratePattern(): pattern', '编译好的模式（compilePattern 的结果）', 'a compiled pattern (from compilePattern)', p);
  guardString(segment, 'enumeratePattern(): segment');
  guardNumber(limit, 'enumeratePattern(): limit');
  if (typeof segment !== 'string' || segment.length !== 4 || !segment.startsWith('400') || !(segment[3]! >= '0' && segment[3]! <= '9')) {
    throw notEnumerableSegment(segment);
  }
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 0) {
    throw badCandidateLimit(limit);
  }
  const plan = planOf(p);
  const { kind, mask, segStart, segLen } = plan;
  const prefix = [4, 0, 0, segment.charCodeAt(3) - 48];

  // Per-placement state, reused.
  const layKind = new Int8Array(NUMBER_LENGTH);
  const layMask = new Uint16Array(NUMBER_LENGTH);
  const bound = new Int8Array(10);
  let used = 0;

  /** Lays out one placement and binds the fixed prefix; false if the prefix cannot match it. */
  const layout = (offs: Int8Array): boolean => {
    layKind.fill(FREE);
    for (let s = 0; s < offs.length; s++) {
      for (let k = 0; k < segLen[s]!; k++) {
        layKind[offs[s]! + k] = kind[segStart[s]! + k]!;
        layMask[offs[s]! + k] = mask[segStart[s]! + k]!;
      }
    }
    bound.fill(-1);
    used = 0;
    for (let i = 0; i < PREFIX; i++) {
      const x = prefix[i]!;
      const v = layKind[i]!;
      if (v === FREE) continue;
      if (v < 0) {
        if (((layMask[i]! >> x) & 1) === 0) return false;
      } else if (bound[v]! >= 0) {
        if (bound[v] !== x) return false;
      } else {
        if ((used >> x) & 1) return false;
        bound[v] = x;
        used |= 1 << x;
      }
    }
    return true;
  };

  const accepted: Int8Array[] = [];
  let total = 0;
  for (const offs of placements(plan)) {
    if (!layout(offs)) continue;
    let count = 1;
    let taken = popcount(used);
    let seen = 0; // variables first met in the suffix
    for (let i = PREFIX; i < NUMBER_LENGTH; i++) {
      const v = layKind[i]!;
      if (v === FREE) count *= 10;
      else if (v < 0) count *= popcount(layMask[i]!);
      else if (bound[v]! < 0 && ((seen >> v) & 1) === 0) {
        count *= 10 - taken++;
        seen |= 1 << v;
      }
    }
    total += count;
    if (total > limit) return null;
    accepted.push(offs);
  }

  const out = new Uint32Array(total);
  let n = 0;
  const LAST = NUMBER_LENGTH - 1;
  const gen = (i: number, acc: number): void => {
    const v = layKind[i]!;
    acc *= 10;
    if (i === LAST) {
      // The last digit without a call per candidate.
      if (v === FREE) {
        for (let d = 0; d <= 9; d++) out[n++] = acc + d;
      } else if (v < 0) {
        for (let d = 0, m = layMask[i]!; d <= 9; d++) if ((m >> d) & 1) out[n++] = acc + d;
      } else if (bound[v]! >= 0) {
        out[n++] = acc + bound[v]!;
      } else {
        for (let d = 0; d <= 9; d++) if (((used >> d) & 1) === 0) out[n++] = acc + d;
      }
      return;
    }
    if (v === FREE) {
      for (let d = 0; d <= 9; d++) gen(i + 1, acc + d);
    } else if (v < 0) {
      const m = layMask[i]!;
      for (let d = 0; d <= 9; d++) if ((m >> d) & 1) gen(i + 1, acc + d);
    } else if (bound[v]! >= 0) {
      gen(i + 1, acc + bound[v]!);
    } else {
      for (let d = 0; d <= 9; d++) {
        if ((used >> d) & 1) continue;
        bound[v] = d;
        used |= 1 << d;
        gen(i + 1, acc + d);
        used &= ~(1 << d);
        bound[v] = -1;
      }
    }
  };
  for (const offs of accepted) {
    layout(offs);
    gen(PREFIX, 0);
  }
  // One placement lists its candidates in ascending order, each once; several are merged.
  if (accepted.length === 1) return out;
  out.sort();
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i]!;
  return out.slice(0, k);
}
