import type { EntityMention, ExtractionContext, Quote } from '../types';
import { outsideNoise } from '../text/spans';

const QUOTED = /[“"][^”"\n]+[”"]/g;

/** Direct quotes with their speakers. */
export function extractQuotes(context: ExtractionContext, entities: readonly EntityMention[]): Quote[] {
  const quotes: Quote[] = [];
  for (const match of context.text.slice(context.bodyStart).matchAll(QUOTED)) {
    const start = context.bodyStart + match.index!;
    const end = start + match[0].length;
    const speakerMention = entities.find((entity) => entity.start >= end && entity.start - end < 40 && entity.type === 'person');
    quotes.push({ start, end, text: match[0], speaker: speakerMention
      ? { id: speakerMention.id, name: speakerMention.canonical, start: speakerMention.start, end: speakerMention.end } : null });
  }
  return outsideNoise(quotes, context.noise);
}
