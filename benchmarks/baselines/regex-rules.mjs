/**
 * The baseline for whole-segment scoring: how number shops grade numbers today, a list of named
 * regular expressions tested one by one against every number string, points added up.
 */
export const REGEX_RULES = [
  { name: 'tail AAAAA', re: /(\d)\1{4}$/, points: 40 },
  { name: 'tail AAAA', re: /(\d)\1{3}$/, points: 30 },
  { name: 'tail AAA', re: /(\d)\1{2}$/, points: 12 },
  { name: 'any AAAAA', re: /(\d)\1{4}/, points: 20 },
  { name: 'any AAAA', re: /(\d)\1{3}/, points: 12 },
  { name: 'any AAA', re: /(\d)\1{2}/, points: 5 },
  { name: 'tail AABB', re: /(\d)\1(?!\1)(\d)\2$/, points: 15 },
  { name: 'tail ABAB', re: /(\d)(?!\1)(\d)\1\2$/, points: 12 },
  { name: 'tail ABBA', re: /(\d)(?!\1)(\d)\2\1$/, points: 10 },
  { name: 'tail AAAB', re: /(\d)\1\1(?!\1)\d$/, points: 6 },
  { name: 'tail ABBB', re: /(\d)(?!\1)(\d)\2\2$/, points: 10 },
  { name: 'tail ABCABC', re: /(\d{3})\1$/, points: 25 },
  { name: 'AAABBB', re: /(\d)\1\1(?!\1)(\d)\2\2/, points: 25 },
  { name: 'AABBCC', re: /(\d)\1(?!\1)(\d)\2(?!\2)(\d)\3/, points: 20 },
  { name: 'tail mirror ABCCBA', re: /(\d)(\d)(\d)\3\2\1$/, points: 15 },
  { name: 'tail straight up 4', re: /(?:0123|1234|2345|3456|4567|5678|6789|7890)$/, points: 15 },
  { name: 'straight up 3', re: /012|123|234|345|456|567|678|789/, points: 4 },
  { name: 'tail straight down 4', re: /(?:9876|8765|7654|6543|5432|4321|3210)$/, points: 10 },
  { name: 'ends 8', re: /8$/, points: 4 },
  { name: 'ends 88', re: /88$/, points: 6 },
  { name: 'ends 6', re: /6$/, points: 3 },
  { name: 'ends 9', re: /9$/, points: 2 },
  { name: '168 一路发', re: /168/, points: 8 },
  { name: '518 我要发', re: /518/, points: 8 },
  { name: '520 我爱你', re: /520/, points: 6 },
  { name: '1314 一生一世', re: /1314/, points: 8 },
  { name: '5188 / 1688 / 6688', re: /5188|1688|6688/, points: 10 },
  { name: '12580 一按我帮您', re: /12580/, points: 12 },
  { name: 'year 19xx', re: /19[4-9]\d/, points: 3 },
  { name: 'no 4 after 400', re: /^\d{3}[^4]{7}$/, points: 3 },
  { name: 'taboo 250 / 38', re: /250|38/, points: -6 },
];

/** Score of one 10-digit number string: the points of every rule that matches, clamped to 0-100. */
export function regexScore(number) {
  let total = 0;
  for (let i = 0; i < REGEX_RULES.length; i++) if (REGEX_RULES[i].re.test(number)) total += REGEX_RULES[i].points;
  return total < 0 ? 0 : total > 100 ? 100 : total;
}
