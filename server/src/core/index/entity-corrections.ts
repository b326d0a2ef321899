import type { CrossDocumentEntity, DocumentAnalysis } from '../types';
import type { Corrections } from '../corrections';
import { entityIdFor } from './cross-entities';

/**
 * Applies the user's entity corrections after linking: aliases and merges move mentions to an entity,
 * splits move them out to an entity of their own. Returns the entity table rebuilt for the moved mentions.
 */
export function correctEntities(documents: readonly DocumentAnalysis[], entities: CrossDocumentEntity[],
  corrections: Corrections['entities']): CrossDocumentEntity[] {
  const target = new Map<string, string>();
  for (const [first, ...rest] of corrections.merge) for (const id of rest) target.set(id, first);
  const aliasOwner = new Map<string, string>();
  for (const [id, aliases] of Object.entries(corrections.aliases)) for (const alias of aliases) aliasOwner.set(alias, id);
  const splits = new Set(corrections.split.map(({ id, text }) => `${id}\u0000${text}`));
  if (!target.size && !aliasOwner.size && !splits.size) return entities;

  const renamed = new Map<string, string>();
  for (const document of documents) {
    for (const mention of document.entities) {
      const before = mention.id;
      if (splits.has(`${mention.id}\u0000${mention.text}`)) mention.id = `${entityIdFor(mention.text)}-split`;
      mention.id = aliasOwner.get(mention.text) ?? mention.id;
      mention.id = target.get(mention.id) ?? mention.id;
      if (before !== mention.id) renamed.set(`${document.path}\u0000${before}`, mention.id);
    }
    for (const quote of document.quotes) {
      const id = quote.speaker?.id;
      if (quote.speaker && id) quote.speaker.id = renamed.get(`${document.path}\u0000${id}`) ?? target.get(id) ?? id;
    }
  }
  return rebuildTable(documents, entities);
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
