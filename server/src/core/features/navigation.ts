import type { DocumentAnalysis, EntityMention, Span } from '../types';

export interface Place extends Span { path: string }

export function entityAt(document: DocumentAnalysis, offset: number): EntityMention | undefined {
  return document.entities.find((mention) => mention.start <= offset && offset <= mention.end);
}

/** Every mention of the entity, in every document, in document order. */
export function references(all: readonly DocumentAnalysis[], entityId: string): Place[] {
  return all.flatMap((document) => document.entities.filter((mention) => mention.id === entityId)
    .map((mention) => ({ path: document.path, start: mention.start, end: mention.end })));
}

/** The fullest mention of the entity: the longest written name, the earliest on a tie. */
export function definition(all: readonly DocumentAnalysis[], entityId: string): Place | null {
  let best: Place | null = null;
  let bestLength = -1;
  for (const document of all) {
    for (const mention of document.entities) {
      if (mention.id !== entityId) continue;
      const length = (mention.canonical === mention.text ? 1000 : 0) + mention.text.length;
      if (length > bestLength) { best = { path: document.path, start: mention.start, end: mention.end }; bestLength = length; }
    }
  }
  return best;
}
