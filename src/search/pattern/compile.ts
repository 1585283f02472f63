import { NUMBER_LENGTH, parsePattern, type PatternAst } from './parse.js';

/** A pattern ready to test numbers, as {@link compilePattern} returns it. */
export interface CompiledPattern {
  /** The parsed pattern. */
  readonly ast: PatternAst;
  /** true if the 10 digits (values 0-9, e.g. an Int8Array or number[]) match */
  matchDigits(digits: ArrayLike<number>): boolean;
  /** same for a 10-character digit string (anything else is false) */
  matches(number: string): boolean;
}

const ALL_DIGITS = 0x3ff;

/**
 * The pattern as fixed-length segments of positions separated by `%` runs. Unanchored ends count as
 * runs, so segment i may start anywhere in [segLo[i], segHi[i]] after the end of segment i-1.
 */
export interface PatternPlan {
  /** Per position: the variable's index (0-9, by first appearance) or -1 for a digit set. */
  readonly kind: Int8Array;
  /** Per position: bit d set if digit d is allowed (digit sets only). */
  readonly mask: Uint16Array;
  readonly varCount: number;
  readonly segCount: number;
  readonly segStart: Int8Array;
  readonly segLen: Int8Array;
  readonly segLo: Int8Array;
  readonly segHi: Int8Array;
  /** No number can match (e.g. `^4006$`: anchored at both ends but shorter than a number). */
  readonly never: boolean;
}

export function planPattern(ast: PatternAst): PatternPlan {
  const kind: number[] = [];
  const mask: number[] = [];
  const letters: string[] = [];
  const starts: number[] = [];
  const lens: number[] = [];
  let segLen = 0;
  const closeSegment = (): void => {
    if (segLen > 0) {
      starts.push(kind.length - segLen);
      lens.push(segLen);
    }
    segLen = 0;
  };
  for (const t of ast.tokens) {
    if (t.type === 'run') {
      closeSegment();
      continue;
    }
    segLen++;
    if (t.type === 'var') {
      let v = letters.indexOf(t.name);
      if (v < 0) v = letters.push(t.name) - 1;
      kind.push(v);
      mask.push(0);
    } else {
      kind.push(-1);
      mask.push(t.type === 'digit' ? 1 << t.digit : t.type === 'any' ? ALL_DIGITS : t.digits.reduce((m, d) => m | (1 << d), 0));
    }
  }
  closeSegment();

  const first = ast.tokens[0];
  const last = ast.tokens[ast.tokens.length - 1];
  const headFixed = ast.whole || (ast.anchoredStart && first?.type !== 'run');
  const tailFixed = ast.whole || (ast.anchoredEnd && last?.type !== 'run');
  const m = lens.length;
  const segLo = new Int8Array(m);
  const segHi = new Int8Array(m);
  let before = 0;
  let after = kind.length;
  let never = false;
  for (let i = 0; i < m; i++) {
    const len = lens[i] as number;
    after -= len;
    let lo = before;
    let hi = NUMBER_LENGTH - len - after;
    if (i === 0 && headFixed) hi = 0;
    if (i === m - 1 && tailFixed) lo = NUMBER_LENGTH - len;
    if (lo > hi) never = true;
    segLo[i] = lo;
    segHi[i] = hi;
    before += len;
  }
  return {
    kind: Int8Array.from(kind),
    mask: Uint16Array.from(mask),
    varCount: letters.length,
    segCount: m,
    segStart: Int8Array.from(starts),
    segLen: Int8Array.from(lens),
    segLo,
    segHi,
    never,
  };
}

class Compiled implements CompiledPattern {
  readonly ast: PatternAst;
  readonly plan: PatternPlan;
  readonly matchDigits: (digits: ArrayLike<number>) => boolean;
  private readonly buffer = new Int8Array(NUMBER_LENGTH);

  constructor(ast: PatternAst) {
    this.ast = ast;
    this.plan = planPattern(ast);
    this.matchDigits = matcher(this.plan);
  }

  matches(number: string): boolean {
    if (typeof number !== 'string' || number.length !== NUMBER_LENGTH) return false;
    const buf = this.buffer;
    for (let i = 0; i < NUMBER_LENGTH; i++) {
      const d = number.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      buf[i] = d;
    }
    return this.matchDigits(buf);
  }
}

/** Builds the allocation-free matcher: all state lives in typed arrays made here, once. */
function matcher(plan: PatternPlan): (digits: ArrayLike<number>) => boolean {
  const { kind, mask, segCount, segStart, segLen, segLo, segHi } = plan;
  const bound = new Int8Array(10).fill(-1); // digit bound to each variable
  const trail = new Int8Array(10); // variables in binding order, to undo
  let top = 0;
  let used = 0; // digits taken by variables

  const unwind = (to: number): void => {
    while (top > to) {
      const v = trail[--top]!;
      used &= ~(1 << bound[v]!);
      bound[v] = -1;
    }
  };

  // Binds variables as it goes; the caller unwinds on failure.
  const fits = (s: number, off: number, d: ArrayLike<number>): boolean => {
    const start = segStart[s]!;
    const end = start + segLen[s]!;
    for (let p = start; p < end; p++, off++) {
      const x = d[off]!;
      const v = kind[p]!;
      if (v < 0) {
        if (((mask[p]! >> x) & 1) === 0) return false;
      } else {
        const b = bound[v]!;
        if (b >= 0) {
          if (b !== x) return false;
        } else {
          if (x >>> 0 > 9 || ((used >> x) & 1) !== 0) return false;
          bound[v] = x;
          used |= 1 << x;
          trail[top++] = v;
        }
      }
    }
    return true;
  };

  if (plan.never) return () => false;
  if (segCount === 0) return (d) => d.length === NUMBER_LENGTH;

  // No "%" inside: one fixed-length window, tried at each allowed offset, with the loop inlined.
  if (segCount === 1) {
    const lo = segLo[0]!;
    const hi = segHi[0]!;
    const len = segLen[0]!;
    const k0 = kind.subarray(segStart[0]!, segStart[0]! + len);
    const m0 = mask.subarray(segStart[0]!, segStart[0]! + len);
    if (plan.varCount === 0) {
      return (d) => {
        if (d.length !== NUMBER_LENGTH) return false;
        outer: for (let off = lo; off <= hi; off++) {
          for (let k = 0; k < len; k++) if (((m0[k]! >> d[off + k]!) & 1) === 0) continue outer;
          return true;
        }
        return false;
      };
    }
    return (d) => {
      if (d.length !== NUMBER_LENGTH) return false;
      outer: for (let off = lo; off <= hi; off++) {
        // Bindings count only where `taken` says so, so a failed offset needs no undoing.
        let taken = 0;
        let usedHere = 0;
        for (let k = 0; k < len; k++) {
          const x = d[off + k]!;
          const v = k0[k]!;
          if (v < 0) {
            if (((m0[k]! >> x) & 1) === 0) continue outer;
          } else if ((taken >> v) & 1) {
            if (bound[v] !== x) continue outer;
          } else {
            if (x >>> 0 > 9 || (usedHere >> x) & 1) continue outer;
            bound[v] = x;
            taken |= 1 << v;
            usedHere |= 1 << x;
          }
        }
        return true;
      }
      return false;
    };
  }

  // Several segments: backtracking over placements, bounded by the placements of at most 10
  // positions in 10 digits. Pruning: with the earlier bindings fixed, whether the later segments fit
  // only gets harder as they start later, so of the offsets where segment s fits with the same new
  // bindings only the leftmost needs trying. Without letters that is the greedy leftmost-fit glob match.
  const firstVar = new Int8Array(segCount + 1); // variables new in segment s: [firstVar[s], firstVar[s+1])
  for (let s = 0, seen = 0; s < segCount; s++) {
    firstVar[s] = seen;
    for (let p = segStart[s]!; p < segStart[s]! + segLen[s]!; p++) if (kind[p]! >= seen) seen = kind[p]! + 1;
    firstVar[s + 1] = seen;
  }
  const KEYS = 1000; // keys of up to 3 new variables; a segment with more is not pruned
  const tried = new Int32Array(segCount * KEYS); // stamp of the place() call that tried a key
  let clock = 0;
  const place = (s: number, from: number, d: ArrayLike<number>): boolean => {
    if (++clock === 0x7fffffff) {
      tried.fill(0); // stale stamps only lose pruning, never correctness
      clock = 1;
    }
    const stamp = clock;
    const hi = segHi[s]!;
    const len = segLen[s]!;
    const lo = segLo[s]!;
    const v0 = firstVar[s]!;
    const v1 = firstVar[s + 1]!;
    const prune = v1 - v0 <= 3;
    for (let off = from > lo ? from : lo; off <= hi; off++) {
      const mark = top;
      if (fits(s, off, d)) {
        if (prune) {
          let key = 0;
          for (let v = v0; v < v1; v++) key = key * 10 + bound[v]!;
          const slot = s * KEYS + key;
          if (tried[slot] === stamp) {
            unwind(mark);
            continue;
          }
          tried[slot] = stamp;
        }
        if (s + 1 === segCount || place(s + 1, off + len, d)) return true;
      }
      unwind(mark);
    }
    return false;
  };
  return (d) => {
    if (d.length !== NUMBER_LENGTH) return false;
    unwind(0);
    return place(0, 0, d);
  };
}

/** Compiles a pattern (see parsePattern) into a matcher over the 10 digits of a number. */
export function compilePattern(text: string): CompiledPattern {
  return new Compiled(parsePattern(text));
}

/** The plan behind a compiled pattern (rebuilt from its AST if it was not made by compilePattern). */
export function planOf(p: CompiledPattern): PatternPlan {
  return p instanceof Compiled ? p.plan : planPattern(p.ast);
}
