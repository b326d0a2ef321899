// The rule chunker's names as evidence for the recogniser: each model token gets the code of the rule span holding it.
import type { EntityType, Span } from '../../types';
import type { Draft } from './chunker';
import type { Token } from './tokens';
import { hintCode } from './features';

export interface RuleHint extends Span { type: EntityType; strong: boolean }

/** The drafts as hints, titles left out ("President Barack Obama" hints "Barack Obama"). */
export function hintsFromDrafts(drafts: readonly Draft[], tokens: readonly Token[]): RuleHint[] {
  return drafts.map((d) => ({ start: d.title ? tokens[d.tokenIndex]?.start ?? d.start : d.start, end: d.end, type: d.type, strong: d.strong || !!d.known }));
}

/** Hint codes of tokens (sorted, not overlapping; so are the hints). */
export function hintCodes(hints: readonly RuleHint[], tokens: ReadonlyArray<Span>): Uint8Array {
  const codes = new Uint8Array(tokens.length);
  let h = 0;
  let previousHint = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    while (h < hints.length && hints[h].end <= token.start) h++;
    if (h < hints.length && hints[h].start <= token.start && token.end <= hints[h].end + 1) {
      codes[i] = hintCode(hints[h].type, previousHint === h, hints[h].strong);
      previousHint = h;
    } else previousHint = -1;
  }
  return codes;
}
