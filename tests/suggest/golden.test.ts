import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/create-pool.js';
import { companyPhrases } from '../../src/rules/company.js';
import { searchSounds } from '../../src/search/sounds.js';
import { suggestPage, type SuggestProfile } from '../../src/suggest/suggest.js';

/** tests/fixtures/golden-readings.json: company profiles and phrases with the readings a native speaker accepts and rejects (its `about` says how it was built). */
interface Golden {
  profiles: (SuggestProfile & { accepted: string[]; rejected: string[] })[];
  phrases: { phrase: string; by: 'sounds' | 'meaning'; acceptable: string[]; unacceptable: string[] }[];
}
const golden: Golden = JSON.parse(readFileSync(new URL('../fixtures/golden-readings.json', import.meta.url), 'utf8'));
const pool = createPool({ segment: '4006' });
const READINGS = new Set(['name', 'slogan', 'keyword']);

describe('golden set', () => {
  it('is big enough to mean something', () => {
    expect(golden.profiles.length).toBeGreaterThanOrEqual(40);
    expect(golden.phrases.length).toBeGreaterThanOrEqual(30);
    expect(golden.profiles.filter((p) => p.accepted.length).length).toBeGreaterThanOrEqual(20);
    expect(golden.profiles.filter((p) => p.name && !p.accepted.length).length).toBeGreaterThanOrEqual(10);
  });

  it.each(golden.profiles.map((p) => [p.name ?? JSON.stringify(p), p] as const))('suggest %s: a full, varied page whose first reasons are real facts or accepted readings', async (_, entry) => {
    const { accepted, rejected, ...profile } = entry;
    const { results, notes } = await suggestPage(profile, { pools: [pool], limit: 20 });
    expect(results).toHaveLength(20);
    const facts = new Set(companyPhrases(profile).map((p) => p.digits));
    for (const r of results) {
      // Two facts side by side are each a real fact or an accepted reading.
      for (const part of r.fact.parts ?? [r.fact]) {
        if (READINGS.has(part.kind)) {
          expect(rejected, `${r.display} ${r.reasons[0]}`).not.toContain(part.digits);
          expect(accepted, `${r.display} ${r.reasons[0]}`).toContain(part.digits);
        } else if (part.kind !== 'vanity') {
          expect(facts, `${r.display} ${r.reasons[0]}`).toContain(part.digits);
        }
      }
      if (profile.avoid) for (const d of profile.avoid) expect(r.number.slice(3)).not.toContain(d);
    }
    const usable = accepted.filter((d) => ![...(profile.avoid ?? '')].some((a) => d.includes(a)));
    if (usable.length) expect(results.some((r) => (r.fact.parts ?? [r.fact]).some((p) => usable.includes(p.digits)) && /谐音/.test(r.reasons[0]!)), 'an accepted reading is offered').toBe(true);
    if (profile.name && !accepted.length) expect(notes.some((n) => n.kind === 'no-reading')).toBe(true);
    expect(new Set(results.map((r) => r.number.slice(6))).size).toBeGreaterThanOrEqual(16);
    const perDigits = new Map<string, number>();
    for (const r of results) perDigits.set(r.fact.digits, (perDigits.get(r.fact.digits) ?? 0) + 1);
    expect(Math.max(...perDigits.values())).toBeLessThanOrEqual(2);
  });

  it.each(golden.phrases.map((p) => [`${p.by} ${p.phrase}`, p] as const))('%s: only acceptable readings, or none and a note', async (_, entry) => {
    const page = await searchSounds(pool, { [entry.by]: entry.phrase, limit: 30 });
    if (!entry.acceptable.length) {
      expect(page.results).toEqual([]);
      expect(page.notes[0]?.kind).toMatch(/^no-(reading|meaning)$/);
      return;
    }
    expect(page.results.length).toBeGreaterThan(0);
    for (const r of page.results) {
      expect(entry.unacceptable).not.toContain(r.soundsLike.digits);
      expect(entry.acceptable, `${r.display} ${r.soundsLike.says.zh}`).toContain(r.soundsLike.digits);
    }
  });
});
