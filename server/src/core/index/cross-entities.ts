import type { CrossDocumentEntity, DocumentAnalysis, EntityMention, EntityType, QuoteSpeaker } from '../types';
import knownData from '../data/entities-known.json';
import namesData from '../data/entities-names.json';
import placesData from '../data/entities-places.json';

/** A stable, readable id from an entity's fullest name: "John Kerry" -> "john-kerry". */
export function entityIdFor(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

const KNOWN_IDS = new Set(knownData.entities.map((e) => e.id));
const NICKNAMES = new Map<string, string>(Object.entries(namesData.nicknames).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
const SUFFIXES = new Set(namesData.suffixes.map((s) => s.toLowerCase()));
const GAZETTEER = new Set([...placesData.countries, ...placesData.usStates, ...placesData.regions, ...placesData.cities].map((n) => n.toLowerCase()));

// The document-local id each mention and quote speaker had before linking, so that linking again
// (the workspace index relinks after every change) starts from the same clusters.
const localIds = new WeakMap<EntityMention, string>();
const speakerLocalIds = new WeakMap<QuoteSpeaker, string>();

/**
 * "Ash Carter" and "Ashton B. Carter" -> "ashton carter"; null for a one-word name. `middle` is the key by the
 * middle name ("William Mark Felt" -> "mark felt"), `initial` the dropped first initial ("W. Mark Felt" -> "w").
 */
function personKey(name: string): { key: string; surname: string; middle?: string; initial?: string } | null {
  const all = name.toLowerCase().replace(/[’]/g, "'").split(/\s+/).filter((w) => w && !SUFFIXES.has(w.replace(/\.$/, '')));
  const words = all.filter((w) => !/^\p{L}\.$/u.test(w));
  if (!words.length) return null;
  const surname = words[words.length - 1];
  if (words.length === 1) return { key: '', surname };
  const first = NICKNAMES.get(words[0]) ?? words[0];
  const result: { key: string; surname: string; middle?: string; initial?: string } = { key: `${first} ${surname}`, surname };
  if (words.length === 3) result.middle = `${NICKNAMES.get(words[1]) ?? words[1]} ${surname}`;
  if (all.length > words.length && /^\p{L}\.$/u.test(all[0])) result.initial = all[0][0];
  return result;
}

/** The only key, or the one with at least three times the mentions of every other. */
function dominant(keys: Set<string>, mentions: Map<string, number>): string | undefined {
  if (keys.size === 1) return [...keys][0];
  const ranked = [...keys].map((k) => [k, mentions.get(k) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] >= 3 * ranked[1][1] && ranked[0][1] >= 3 ? ranked[0][0] : undefined;
}

interface Cluster {
  localId: string;
  document: DocumentAnalysis;
  mentions: EntityMention[];
  canonical: string;
  type: EntityType;
  key: string;
}

/**
 * Joins the entities of all documents and returns the entity table. Each mention's `id` becomes the
 * cross-document one, and so does each quote speaker's. Clusters join when they carry the same known id
 * (ISIL = IS = Islamic State), the same person name up to short given names and initials ("Ash Carter" =
 * "Ashton Carter"), or the same name; a one-word person name ("Obama") joins the only full name in the
 * workspace that ends with it. Ids are slugs of the most used fullest name, or the known id.
 */
export function linkEntities(documents: readonly DocumentAnalysis[]): CrossDocumentEntity[] {
  const clusters: Cluster[] = [];
  for (const document of documents) {
    const byLocal = new Map<string, Cluster>();
    for (const mention of document.entities) {
      if (!localIds.has(mention)) localIds.set(mention, mention.id);
      const localId = localIds.get(mention)!;
      let cluster = byLocal.get(localId);
      if (!cluster) {
        cluster = { localId, document, mentions: [], canonical: mention.canonical, type: mention.type, key: '' };
        byLocal.set(localId, cluster);
        clusters.push(cluster);
      }
      cluster.mentions.push(mention);
      if (mention.canonical.length > cluster.canonical.length) cluster.canonical = mention.canonical;
    }
  }

  // Keys: known id, person name key, or the slug of the name.
  const surnames = new Map<string, Set<string>>();
  const keyMentions = new Map<string, number>();
  const middleKeys = new Map<string, Set<string>>();
  for (const cluster of clusters) {
    cluster.type = majority(cluster.mentions.map((m) => m.type));
    if (KNOWN_IDS.has(cluster.localId)) {
      cluster.key = `known:${cluster.localId}`;
      // A known person is also found by surname: "Obama" alone -> Barack Obama.
      const known = cluster.type === 'person' ? personKey(cluster.canonical) : null;
      if (known?.key) {
        add(surnames, known.surname, cluster.key);
        keyMentions.set(cluster.key, (keyMentions.get(cluster.key) ?? 0) + cluster.mentions.length);
      }
      continue;
    }
    const person = cluster.type === 'person' ? personKey(cluster.canonical) : null;
    if (person && person.key) {
      cluster.key = `person:${person.key}`;
      let set = surnames.get(person.surname);
      if (!set) surnames.set(person.surname, (set = new Set()));
      set.add(cluster.key);
      keyMentions.set(cluster.key, (keyMentions.get(cluster.key) ?? 0) + cluster.mentions.length);
      if (person.middle) add(middleKeys, person.middle, cluster.key);
    } else if (cluster.localId.endsWith('-team') && cluster.type === 'organization') cluster.key = `team:${entityIdFor(cluster.canonical)}`;
    else cluster.key = `name:${entityIdFor(cluster.canonical)}`;
  }
  // "William Mark Felt" and "W. Mark Felt": a full name that goes by its middle name joins the name written
  // with that middle name first, when the first initials agree.
  for (const cluster of clusters) {
    if (!cluster.key.startsWith('person:')) continue;
    const person = personKey(cluster.canonical);
    if (!person?.initial) continue;
    const byMiddle = middleKeys.get(person.key);
    const full = byMiddle?.size === 1 ? [...byMiddle][0] : undefined;
    if (full && full !== cluster.key && full.startsWith(`person:${person.initial}`)) {
      const from = cluster.key;
      for (const other of clusters) if (other.key === from) other.key = full;
      surnames.get(person.surname)?.delete(from);
      keyMentions.set(full, (keyMentions.get(full) ?? 0) + (keyMentions.get(from) ?? 0));
    }
  }
  // One-word names: "Obama" -> the only full person name ending with it, or the one far more mentioned than the others; "Colts" -> the only longer
  // organization name ending with it; "Access" / "Betty Ford" -> the only longer name starting with it.
  const lastWords = new Map<string, Set<string>>();
  const prefixes = new Map<string, Set<string>>();
  for (const cluster of clusters) {
    if (cluster.type === 'person' || cluster.key.startsWith('known:')) continue;
    const words = cluster.canonical.toLowerCase().split(/\s+/);
    if (words.length < 2 || GAZETTEER.has(cluster.canonical.toLowerCase())) continue;
    if (cluster.type === 'organization') add(lastWords, words[words.length - 1], cluster.key);
    for (let n = 1; n < words.length; n++) add(prefixes, words.slice(0, n).join(' '), cluster.key);
  }
  for (const cluster of clusters) {
    if (cluster.key.startsWith('team:')) {
      // "Indianapolis" the team -> the only longer name starting with it ("Indianapolis Colts").
      const longer = prefixes.get(cluster.canonical.toLowerCase());
      if (longer && longer.size === 1) cluster.key = [...longer][0];
      continue;
    }
    if (!cluster.key.startsWith('name:') || cluster.type === 'place' && GAZETTEER.has(cluster.canonical.toLowerCase())) continue;
    const lower = cluster.canonical.toLowerCase();
    const oneWord = !/\s/.test(lower);
    const person = oneWord && cluster.type !== 'place' ? personKey(cluster.canonical) : null;
    const full = person && surnames.get(person.surname);
    const main = full && dominant(full, keyMentions);
    if (main) { cluster.key = main; continue; }
    if (cluster.type === 'person') continue;
    const team = oneWord ? lastWords.get(lower) : undefined;
    if (team && team.size === 1) { cluster.key = [...team][0]; continue; }
    const longer = prefixes.get(lower);
    if (longer && longer.size === 1) cluster.key = [...longer][0];
  }

  // Group, name and id; groups whose names give the same id are one entity.
  const byKey = new Map<string, Cluster[]>();
  for (const cluster of clusters) push(byKey, cluster.key, cluster);
  const groups = new Map<string, Cluster[]>();
  for (const [key, members] of byKey) {
    const id = key.startsWith('known:') ? key : `${key.startsWith('team:') ? 'team' : 'name'}:${entityIdFor(chooseName(members))}`;
    const group = groups.get(id);
    if (group) group.push(...members); else groups.set(id, [...members]);
  }
  const table: CrossDocumentEntity[] = [];
  const idOf = new Map<Cluster, string>();
  for (const [key, group] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const name = chooseName(group);
    const id = key.startsWith('known:') ? key.slice(6) : entityIdFor(name) + (key.startsWith('team:') ? '-team' : '');
    const mentions = group.flatMap((c) => c.mentions);
    const aliases = new Set<string>();
    const titles = new Set<string>();
    for (const cluster of group) {
      idOf.set(cluster, id);
      if (cluster.canonical !== name) aliases.add(cluster.canonical);
    }
    for (const mention of mentions) {
      if (mention.text !== name) aliases.add(mention.text);
      if (mention.title) titles.add(mention.title);
    }
    table.push({
      id, type: majority(mentions.map((m) => m.type)), name, aliases: [...aliases].sort(), titles: [...titles].sort(),
      documents: new Set(group.map((c) => c.document)).size, mentions: mentions.length,
    });
  }

  // Rewrite ids: mentions, then quote speakers through each document's local -> global map.
  const byDocument = new Map<DocumentAnalysis, Map<string, string>>();
  for (const cluster of clusters) {
    const id = idOf.get(cluster)!;
    for (const mention of cluster.mentions) mention.id = id;
    let map = byDocument.get(cluster.document);
    if (!map) byDocument.set(cluster.document, (map = new Map()));
    map.set(cluster.localId, id);
  }
  for (const document of documents) {
    const map = byDocument.get(document);
    for (const quote of document.quotes ?? []) {
      const speaker = quote.speaker;
      if (!speaker || speaker.id === null) continue;
      if (!speakerLocalIds.has(speaker)) speakerLocalIds.set(speaker, speaker.id);
      const id = map?.get(speakerLocalIds.get(speaker)!);
      if (id) speaker.id = id;
    }
  }
  return table.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

/** The most used of the fullest names (most words), ties broken alphabetically. */
function chooseName(group: readonly Cluster[]): string {
  const nameCounts = new Map<string, number>();
  for (const cluster of group) nameCounts.set(cluster.canonical, (nameCounts.get(cluster.canonical) ?? 0) + cluster.mentions.length);
  let longest = 0;
  for (const candidate of nameCounts.keys()) longest = Math.max(longest, candidate.split(/\s+/).length);
  let name = '';
  let count = -1;
  for (const [candidate, n] of nameCounts) {
    if (candidate.split(/\s+/).length !== longest) continue;
    if (n > count || n === count && candidate < name) { name = candidate; count = n; }
  }
  return name;
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = new Set<V>()));
  entry.add(value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = []));
  entry.push(value);
}

function majority<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0];
  let bestCount = 0;
  for (const value of values) {
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    if (n > bestCount) { best = value; bestCount = n; }
  }
  return best;
}
