import type { DocumentAnalysis, EntityMention } from '../types';
import type { CrossDocumentView, Place } from '../index/workspace-index';

export type { Place };

export function entityAt(document: DocumentAnalysis, offset: number): EntityMention | undefined {
  return document.entities.find((mention) => mention.start <= offset && offset <= mention.end);
}

/** Every mention of the entity, in every document, in document order. */
export function references(view: CrossDocumentView, entityId: string): Place[] {
  return [...view.lookup.mentionsOf(entityId)].flatMap(([path, mentions]) => mentions.map((mention) => ({ path, start: mention.start, end: mention.end })));
}

/** The fullest mention of the entity: the longest written name, the earliest on a tie. */
export function definition(view: CrossDocumentView, entityId: string): Place | null {
  return view.lookup.definitionOf(entityId);
}
