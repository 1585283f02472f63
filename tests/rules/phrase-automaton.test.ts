import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPhraseAutomaton } from '../../src/rules/phrase-automaton.js';

/** Every (pattern, end) found by running the automaton over `text`. */
function run(patterns: string[], text: string): string[] {
  const a = buildPhraseAutomaton(patterns);
  const found: string[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    s = a.step[s * 10 + Number(text[i])]!;
    for (let k = a.outputStart[s]!; k < a.outputStart[s + 1]!; k++) found.push(`${patterns[a.outputs[k]!]}@${i}`);
  }
  return found.sort();
}

function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  for (const p of new Set(patterns)) {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) found.push(`${p}@${i + p.length - 1}`);
  }
  return found.sort();
}

describe('buildPhraseAutomaton', () => {
  it('finds overlapping and nested phrases: 520, 1314, 5201314, 14', () => {
    expect(run(['520', '1314', '5201314', '14'], '5201314')).toEqual(['1314@6', '14@6', '520@2', '5201314@6'].sort());
  });

  it('finds exactly what a naive search finds, for any phrases and text', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(digits, { maxLength: 30 }), fc.string({ unit: fc.constantFrom(...'0123'), maxLength: 12 }), (patterns, text) => {
        expect(run(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });
});
