import { isVanity400Error } from '../../errors/vanity400-error.js';
import { listSegments } from '../../number/segments.js';
import type { Pool } from '../../pool/pool.js';
import type { Language } from '../../scoring/explain.js';
import { companyPhrases, type CompanyProfile } from '../../rules/company.js';
import { search } from '../../search/search.js';
import { suggest, type SuggestProfile } from '../../suggest/suggest.js';
import { BUDGETS, type Budget } from './budget.js';
import type { Messages } from './messages.js';
import { checked, type Ui } from './ui.js';

/** What the customer told the salesperson. */
export interface Facts {
  profile: SuggestProfile;
  /** Preferred segments; empty: any. */
  segments: string[];
  budget: Budget;
}

const blank = (value: string | undefined) => !value || value.trim() === '';

/** Asks for every fact, each skippable with Enter; a bad answer is asked again with the library's message. */
export async function askFacts(ui: Ui, t: Messages, lang: Language, pool: Pool): Promise<Facts> {
  const profile: SuggestProfile = {};
  const ask = async (message: string, validate: (value: string) => string | undefined) => {
    const answer = await ui.text({ message, placeholder: t.skip, validate: (v) => (blank(v) ? undefined : validate(v!.trim())) });
    return blank(answer) ? undefined : answer.trim();
  };
  // A name or slogan is good when suggest() can read digits from it. That check is asynchronous, and the
  // prompts show an English "Validating..." while one runs: so it runs after the answer, which is asked again when refused.
  const askBySound = async (message: string, field: 'name' | 'slogan') => {
    let refused: { answer: string; why: string } | undefined;
    for (;;) {
      const answer = await ui.text({ message, placeholder: t.skip, ...(refused ? { initialValue: refused.answer } : {}) });
      if (blank(answer)) return undefined;
      try {
        await suggest({ [field]: answer.trim() }, { pools: [] });
        return answer.trim();
      } catch (error) {
        if (!isVanity400Error(error)) throw error;
        refused = { answer, why: error.messageIn(lang) };
        ui.warn(refused.why);
      }
    }
  };
  const company = (field: keyof Omit<CompanyProfile, 'digits'>) => (value: string) => checked(() => companyPhrases({ [field]: value }), lang);

  const name = await askBySound(t.name, 'name');
  if (name) profile.name = name;
  const slogan = await askBySound(t.slogan, 'slogan');
  if (slogan) profile.slogan = slogan;
  for (const field of ['founded', 'registered', 'door', 'landline'] as const) {
    const value = await ask(t[field], company(field));
    if (value) profile[field] = value;
  }

  const perSegment = new Map<string, number>();
  for (let i = 0; i < pool.size; i++) {
    const segment = pool.numberAt(i).slice(0, 4);
    perSegment.set(segment, (perSegment.get(segment) ?? 0) + 1);
  }
  const offered = listSegments().filter((s) => perSegment.has(s.segment));
  // With numbers in one segment only there is nothing to prefer.
  const segments =
    offered.length > 1
      ? await ui.multiselect({
          message: t.segments,
          options: offered.map((s) => ({ value: s.segment, label: s.segment, hint: t.segmentHint(perSegment.get(s.segment)!) })),
          required: false,
        })
      : [];

  const avoid = await ask(t.avoid, (value) => checked(() => search([], { exclude: value }), lang));
  if (avoid) profile.avoid = avoid;
  const budget = await ui.select({
    message: t.budget,
    options: BUDGETS.map((b) => ({ value: b, label: t.budgetLabel(b), ...(b.id === 'any' ? {} : { hint: t.budgetHint }) })),
  });
  return { profile, segments, budget };
}
