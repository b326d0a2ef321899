import type { CrossDocumentEntity, DocumentAnalysis, EntityType } from '../types';

/** A stable, readable id from an entity's fullest name: "John Kerry" -> "john-kerry". */
export function entityIdFor(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/**
 * Joins the entities of all documents: mentions whose document-local canonical names agree share an id.
 * Mutates each mention's `id` to the cross-document one and returns the entity table.
 */
export function linkEntities(documents: readonly DocumentAnalysis[]): CrossDocumentEntity[] {
  interface Accumulator { id: string; types: Map<EntityType, number>; names: Map<string, number>; aliases: Set<string>;
    titles: Set<string>; documents: Set<string>; mentions: number }
  const byId = new Map<string, Accumulator>();
  for (const document of documents) {
    for (const mention of document.entities) {
      const id = entityIdFor(mention.canonical);
      mention.id = id;
      let entity = byId.get(id);
      if (!entity) {
        entity = { id, types: new Map(), names: new Map(), aliases: new Set(), titles: new Set(), documents: new Set(), mentions: 0 };
        byId.set(id, entity);
      }
      entity.types.set(mention.type, (entity.types.get(mention.type) ?? 0) + 1);
      entity.names.set(mention.canonical, (entity.names.get(mention.canonical) ?? 0) + 1);
      entity.aliases.add(mention.text);
      if (mention.title) entity.titles.add(mention.title);
      entity.documents.add(document.path);
      entity.mentions++;
    }
  }
  return [...byId.values()].map((entity) => {
    const name = mostFrequent(entity.names);
    return {
      id: entity.id, type: mostFrequent(entity.types), name,
      aliases: [...entity.aliases].filter((alias) => alias !== name).sort(),
      titles: [...entity.titles].sort(), documents: entity.documents.size, mentions: entity.mentions,
    };
  }).sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

function mostFrequent<T>(counts: Map<T, number>): T {
  let best: T | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) if (count > bestCount) { best = value; bestCount = count; }
  return best as T;
}
