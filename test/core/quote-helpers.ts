import { extractEntities } from '../../server/src/core/extract/entities';
import { extractQuotes } from '../../server/src/core/extract/quotes';
import type { ExtractionContext, Quote } from '../../server/src/core/types';

/** The quotes of a text read as a whole document with no date and no noise. */
export function quotesOf(text: string): Quote[] {
  const context: ExtractionContext = { text, documentDate: null, bodyStart: 0, noise: [] };
  return extractQuotes(context, extractEntities(context));
}

/** [quote text, the speaker as written, the resolved id or null] of each quote. */
export function attributions(text: string): Array<[string, string | null, string | null]> {
  return quotesOf(text).map((q) => [q.text, q.speaker ? text.slice(q.speaker.start, q.speaker.end) : null, q.speaker?.id ?? null]);
}
