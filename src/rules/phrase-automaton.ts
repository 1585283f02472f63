/**
 * An Aho–Corasick automaton over the ten digits: one table step per digit finds every
 * phrase ending at that digit, so phrase look-up costs the same for 50 phrases or 5,000.
 */
export interface PhraseAutomaton {
  /** next state = step[state * 10 + digit] */
  readonly step: Int32Array;
  /** Phrases ending in state s: outputs[outputStart[s] .. outputStart[s + 1]). */
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
}

/**
 * Builds the automaton for `patterns` (digit strings). `keep(state's outputs)` may drop outputs
 * of a state, e.g. a negative phrase that is only the tail of a longer positive one (14 in 1314).
 */
export function buildPhraseAutomaton(
  patterns: readonly string[],
  keep: (outputs: number[]) => number[] = (o) => o,
): PhraseAutomaton {
  const goto: number[] = new Array(10).fill(-1);
  const own: number[][] = [[]];
  for (let p = 0; p < patterns.length; p++) {
    let s = 0;
    for (const ch of patterns[p]!) {
      const k = s * 10 + (ch.charCodeAt(0) - 48);
      if (goto[k] === -1) {
        goto[k] = own.length;
        own.push([]);
        for (let i = 0; i < 10; i++) goto.push(-1);
      }
      s = goto[k]!;
    }
    own[s]!.push(p);
  }
  const states = own.length;
  const fail = new Int32Array(states);
  const all: number[][] = own.map((o) => o.slice());
  const queue: number[] = [];
  for (let d = 0; d < 10; d++) {
    const t = goto[d]!;
    if (t === -1) goto[d] = 0;
    else queue.push(t);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    all[s]!.push(...all[fail[s]!]!);
    for (let d = 0; d < 10; d++) {
      const t = goto[s * 10 + d]!;
      const f = goto[fail[s]! * 10 + d]!;
      if (t === -1) goto[s * 10 + d] = f;
      else {
        fail[t] = f;
        queue.push(t);
      }
    }
  }
  const outputStart = new Int32Array(states + 1);
  const flat: number[] = [];
  for (let s = 0; s < states; s++) {
    outputStart[s] = flat.length;
    flat.push(...keep(all[s]!));
  }
  outputStart[states] = flat.length;
  return { step: Int32Array.from(goto), outputStart, outputs: Int32Array.from(flat) };
}
