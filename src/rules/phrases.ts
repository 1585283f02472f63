import type { Scanner } from '../scoring/scanner.js';
import { PHRASE_STATE, WIDTH } from '../scoring/state.js';

/**
 * homophone, memorable, taboo, multiplication and company: digit strings from the lexicon,
 * the times table and the company profile, all found by one automaton step per digit.
 */
export function stepPhrases(s: Scanner, p: number, o: number): void {
  const state = s.phraseStep[s.state[o - WIDTH + PHRASE_STATE]! * 10 + s.digits[p]!]!;
  s.state[o + PHRASE_STATE] = state;
  const outputs = s.outputStart;
  for (let i = outputs[state]!, end = outputs[state + 1]!; i < end; i++) s.emitPhrase(o, s.outputs[i]!, p);
}
