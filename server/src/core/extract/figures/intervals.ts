// The interval a qualifier implies (Figure.low / Figure.high; null = open).
//
// Choices, following the seeds gold (test/fixtures/seeds-gold.json) and ANNOTATION.md:
// - exact N                          -> [N, N]
// - about N ("some", "approximately") -> [N, N]: the text gives no width, and a made-up margin (±10%) would make
//                                       the cross-document check call "about 7,400" and "7,900" consistent or not
//                                       by our guess rather than the sources' words. figure-groups.ts already
//                                       allows 5% between reports.
// - more than N, at least N          -> [N, open]
// - less than N, at most N, nearly N, up to N -> [open, N]
// - vague plurals ("thousands of kilometers", "dozens of homes") -> at-least, [scale, open], value = scale
// - "several hundred", "a few thousand" -> about, [n × scale, n × scale] with n from figures-numbers.json
// - ranges ("between 5 and 10 percent", "44 mg to 50 mg") -> [low, high], value = the midpoint, qualifier exact
//   (or the qualifier written before the range: "about 3 to 4 litres" is about).

import type { Qualifier } from '../../types';

export function intervalOf(value: number, qualifier: Qualifier): { low: number | null; high: number | null } {
  switch (qualifier) {
    case 'more-than':
    case 'at-least':
      return { low: value, high: null };
    case 'less-than':
    case 'at-most':
    case 'nearly':
    case 'up-to':
      return { low: null, high: value };
    case 'about':
    case 'exact':
      return { low: value, high: value };
  }
}
