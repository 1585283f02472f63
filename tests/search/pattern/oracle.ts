import fc from 'fast-check';

/** A pattern built by the tests from the token grammar, independently of the parser. */
export type GenToken =
  | { kind: 'digit'; digit: number }
  | { kind: 'any'; char: '*' | '?' }
  | { kind: 'var'; name: string }
  | { kind: 'class'; allowed: number[]; text: string }
  | { kind: 'run' };

export interface GenPattern {
  tokens: GenToken[];
  start: boolean;
  end: boolean;
  text: string;
}

export const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const LETTERS = ['A', 'B', 'C', 'D'];
const SEPARATORS = ['', '', '', '-', ' ', '.'];

export const positionsOf = (tokens: GenToken[]): number => tokens.filter((t) => t.kind !== 'run').length;

/** A class written as a list (in any order) or with ranges, maybe negated; `allowed` is what it means. */
const classArb: fc.Arbitrary<GenToken> = fc
  .record({
    listed: fc.shuffledSubarray(DIGITS, { minLength: 1, maxLength: 9 }),
    negated: fc.boolean(),
    ranges: fc.boolean(),
  })
  .map(({ listed, negated, ranges }) => {
    let body: string;
    if (ranges) {
      const sorted = [...listed].sort((a, b) => a - b);
      const parts: string[] = [];
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
        parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
        i = j + 1;
      }
      body = parts.join('');
    } else {
      body = listed.join('');
    }
    const allowed = negated ? DIGITS.filter((d) => !listed.includes(d)) : [...listed].sort((a, b) => a - b);
    return { kind: 'class' as const, allowed, text: `[${negated ? '^' : ''}${body}]` };
  });

function tokenArb(alphabet: number[]): fc.Arbitrary<GenToken> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...alphabet).map((digit): GenToken => ({ kind: 'digit', digit })) },
    { weight: 2, arbitrary: fc.constantFrom<'*' | '?'>('*', '?').map((char): GenToken => ({ kind: 'any', char })) },
    { weight: 4, arbitrary: fc.constantFrom(...LETTERS).map((name): GenToken => ({ kind: 'var', name })) },
    { weight: 2, arbitrary: classArb },
    { weight: 1, arbitrary: fc.constant<GenToken>({ kind: 'run' }) },
  );
}

function render(tokens: GenToken[], start: boolean, end: boolean, seps: string[]): string {
  let text = start ? '^' : '';
  tokens.forEach((t, i) => {
    text += seps[i % seps.length] ?? '';
    text += t.kind === 'digit' ? String(t.digit) : t.kind === 'any' ? t.char : t.kind === 'var' ? t.name : t.kind === 'class' ? t.text : '%';
  });
  return text + (end ? '$' : '') + (seps[seps.length - 1] ?? '');
}

/** Random patterns over a digit alphabet: short ones (anchored or not, maybe with %) and whole ones. */
export function patternArb(alphabet: number[], opts: { minPositions?: number } = {}): fc.Arbitrary<GenPattern> {
  const min = opts.minPositions ?? 0;
  const short = fc
    .array(tokenArb(alphabet), { minLength: 1, maxLength: 12 })
    .filter((ts) => positionsOf(ts) <= 10 && positionsOf(ts) >= min);
  const whole = fc.array(tokenArb(alphabet).filter((t) => t.kind !== 'run'), { minLength: 10, maxLength: 10 });
  return fc
    .record({
      tokens: fc.oneof({ weight: 4, arbitrary: short }, { weight: 1, arbitrary: whole }),
      start: fc.boolean(),
      end: fc.boolean(),
      seps: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 5 }),
    })
    .map(({ tokens, start, end, seps }) => ({ tokens, start, end, text: render(tokens, start, end, seps) }));
}

/** The pattern as a JS RegExp over a 10-digit string (tests only): letters by backreferences. */
export function oracleRegExp(g: GenPattern): RegExp {
  const groups = new Map<string, number>();
  let body = '';
  for (const t of g.tokens) {
    if (t.kind === 'digit') body += String(t.digit);
    else if (t.kind === 'any') body += '\\d';
    else if (t.kind === 'class') body += `[${t.allowed.join('')}]`;
    else if (t.kind === 'run') body += '\\d*';
    else {
      const group = groups.get(t.name);
      if (group !== undefined) {
        body += `(?:\\${group})`;
      } else {
        const others = [...groups.values()].map((n) => `(?:\\${n})`);
        if (others.length > 0) body += `(?!${others.join('|')})`;
        groups.set(t.name, groups.size + 1);
        body += '(\\d)';
      }
    }
  }
  return new RegExp(`^${g.start ? '' : '\\d*'}${body}${g.end ? '' : '\\d*'}$`);
}

/** A small seeded generator, so a witness is reproducible from a fast-check integer. */
export function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

/**
 * A 10-digit number built to match the pattern (random choices at every free spot), or null when
 * none can (anchored at both ends but shorter than 10, or no room for the free digits).
 */
export function witness(g: GenPattern, rand: (n: number) => number): string | null {
  const positions = positionsOf(g.tokens);
  const runs = g.tokens.filter((t) => t.kind === 'run').length;
  const whole = positions === 10 && runs === 0;
  const head = !(g.start || whole);
  const tail = !(g.end || whole);
  const slots = runs + (head ? 1 : 0) + (tail ? 1 : 0);
  const free = 10 - positions;
  if (free > 0 && slots === 0) return null;
  const gaps = new Array<number>(slots).fill(0);
  for (let i = 0; i < free; i++) gaps[rand(slots)]!++;
  const letters = [...DIGITS];
  for (let i = letters.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [letters[i], letters[j]] = [letters[j]!, letters[i]!];
  }
  const randomDigits = (n: number): string => Array.from({ length: n }, () => String(rand(10))).join('');
  let gap = 0;
  let out = head ? randomDigits(gaps[gap++]!) : '';
  for (const t of g.tokens) {
    if (t.kind === 'digit') out += String(t.digit);
    else if (t.kind === 'any') out += String(rand(10));
    else if (t.kind === 'class') out += String(t.allowed[rand(t.allowed.length)]);
    else if (t.kind === 'var') out += String(letters[LETTERS.indexOf(t.name)]);
    else out += randomDigits(gaps[gap++]!);
  }
  if (tail) out += randomDigits(gaps[gap++]!);
  return out;
}

/** Numbers that often match: random over a small alphabet, fully random, or built to match. */
export function numbersFor(g: GenPattern, alphabet: number[], seed: number, count: number): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const mode = i % 3;
    if (mode === 0) out.push(Array.from({ length: 10 }, () => String(alphabet[rand(alphabet.length)])).join(''));
    else if (mode === 1) out.push(Array.from({ length: 10 }, () => String(rand(10))).join(''));
    else out.push(witness(g, rand) ?? Array.from({ length: 10 }, () => String(alphabet[rand(alphabet.length)])).join(''));
  }
  return out;
}
