import type { CrossDocumentEntity, DocumentAnalysis, EntityMention, Quote } from '../types';
import type { Corrections } from '../corrections';
import { entityIdFor } from './cross-entities';

/**
 * Applies the user's entity corrections after linking: aliases and merges move mentions to an entity, splits move
 * them out to an entity of their own. Returns corrected copies of the documents (the linked ones stay as they are)
 * and the entity table rebuilt for the moved mentions; null when there is nothing to correct.
 */
export function correctEntities(documents: readonly DocumentAnalysis[], entities: () => CrossDocumentEntity[],
  corrections: Corrections['entities']): { documents: DocumentAnalysis[]; entities: CrossDocumentEntity[] } | null {
  const target = new Map<string, string>();
  for (const [first, ...rest] of corrections.merge) for (const id of rest) target.set(id, first);
  const aliasOwner = new Map<string, string>();
  for (const [id, aliases] of Object.entries(corrections.aliases)) for (const alias of aliases) aliasOwner.set(alias, id);
  const splits = new Set(corrections.split.map(({ id, text }) => `${id}\u0000${text}`));
  if (!target.size && !aliasOwner.size && !splits.size) return null;

  const corrected = documents.map((document) => {
    const renamed = new Map<string, string>();
    const mentions = document.entities.map((mention): EntityMention => {
      let id = mention.id;
      if (splits.has(`${id}\u0000${mention.text}`)) id = `${entityIdFor(mention.text)}-split`;
      id = aliasOwner.get(mention.text) ?? id;
      id = target.get(id) ?? id;
      if (id === mention.id) return mention;
      renamed.set(mention.id, id);
      return { ...mention, id };
    });
    const quotes = document.quotes.map((quote): Quote => {
      const id = quote.speaker?.id;
      if (!quote.speaker || !id) return quote;
      const next = renamed.get(id) ?? target.get(id) ?? id;
      return next === id ? quote : { ...quote, speaker: { ...quote.speaker, id: next } };
    });
    return { ...document, entities: mentions, quotes };
  });
  return { documents: corrected, entities: rebuildTable(corrected, entities()) };
}

function rebuildTable(documents: readonly DocumentAnalysis[], previous: readonly CrossDocumentEntity[]): CrossDocumentEntity[] {
  const known = new Map(previous.map((entity) => [entity.id, entity]));
  const table = new Map<string, CrossDocumentEntity & { paths: Set<string> }>();
  for (const document of documents) {
    for (const mention of document.entities) {
      let entry = table.get(mention.id);
      if (!entry) {
        const base = known.get(mention.id);
        entry = { id: mention.id, type: base?.type ?? mention.type, name: base?.name ?? mention.canonical, aliases: [], titles: [...(base?.titles ?? [])],
          documents: 0, mentions: 0, paths: new Set() };
        table.set(mention.id, entry);
      }
      entry.mentions++;
      entry.paths.add(document.path);
      if (mention.text !== entry.name && !entry.aliases.includes(mention.text)) entry.aliases.push(mention.text);
      if (mention.title && !entry.titles.includes(mention.title)) entry.titles.push(mention.title);
    }
  }
  return [...table.values()].map(({ paths, ...entity }) => ({ ...entity, documents: paths.size, aliases: entity.aliases.sort() }))
    .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}
