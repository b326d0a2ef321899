import type { CrossDocumentEntity, DocumentAnalysis, EntityMention, EntityType, QuoteSpeaker } from '../types';
import knownData from '../data/entities-known.json';
import namesData from '../data/entities-names.json';
import placesData from '../data/entities-places.json';

/** A stable, readable id from an entity's fullest name: "John Kerry" -> "john-kerry". */
export function entityIdFor(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1') // dotted initials: "U.S. Geological Survey" and "US Geological Survey" are one name
    .replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

const KNOWN_IDS = new Set(knownData.entities.map((e) => e.id));
const NICKNAMES = new Map<string, string>(Object.entries(namesData.nicknames).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
const SUFFIXES = new Set(namesData.suffixes.map((s) => s.toLowerCase()));
const NATURAL_FEATURES = placesData.naturalFeatureWords.map((w) => w.toLowerCase());
const GAZETTEER = new Set([...placesData.countries, ...placesData.usStates, ...placesData.regions, ...placesData.cities].map((n) => n.toLowerCase()));

// The document-local id each mention and quote speaker had before linking, so that linking again
// (the workspace index relinks after every change) starts from the same clusters.
const localIds = new WeakMap<EntityMention, string>();
const speakerLocalIds = new WeakMap<QuoteSpeaker, string>();
// Likewise the type each mention had in its document before linking gave it its entity's type.
const localTypes = new WeakMap<EntityMention, EntityType>();

function localType(mention: EntityMention): EntityType {
  let type = localTypes.get(mention);
  if (type === undefined) localTypes.set(mention, (type = mention.type));
  return type;
}

type PersonKey = { key: string; surname: string; middle?: string; initial?: string };

/**
 * "Ash Carter" and "Ashton B. Carter" -> "ashton carter"; null for a one-word name. `middle` is the key by the
 * middle name ("William Mark Felt" -> "mark felt"), `initial` the dropped first initial ("W. Mark Felt" -> "w").
 */
function personKey(name: string): PersonKey | null {
  const all = name.toLowerCase().replace(/[’]/g, "'").split(/\s+/).filter((w) => w && !SUFFIXES.has(w.replace(/\.$/, '')));
  const words = all.filter((w) => !/^\p{L}\.$/u.test(w));
  if (!words.length) return null;
  const surname = words[words.length - 1];
  if (words.length === 1) return { key: '', surname };
  const first = NICKNAMES.get(words[0]) ?? words[0];
  const result: PersonKey = { key: `${first} ${surname}`, surname };
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

// Linking runs again after every change to any document, so the work that depends on one document only is
// done once per analysis (an analysis is replaced, not changed, when its document changes), and the work that
// depends on a cluster's name only is done once per name. Linking then goes over the clusters of the workspace
// grouped by their signature (local id, fullest name, type): clusters with the same signature always get the
// same key and id, so each step that decides keys runs once per signature.

/** The distinct mention texts and titles of a cluster; equal lists are shared between clusters. */
interface Words {
  texts: string[];
  titles: string[];
  mark: number;
}

/** One document's cluster: the mentions with one local id. */
interface Cluster {
  localId: string;
  mentions: EntityMention[];
  canonical: string;
  /** The majority type of the mentions. */
  type: EntityType;
  /** Mention counts by type when the mentions do not all have `type`. */
  typeCounts: Map<EntityType, number> | null;
  words: Words;
  signature: Signature;
  summary: Summary;
}

/** What linking needs of one document analysis, computed once per analysis. */
interface Summary {
  entities: readonly EntityMention[];
  length: number;
  quotes: DocumentAnalysis['quotes'] | undefined;
  quoteCount: number;
  clusters: Cluster[];
  byLocal: Map<string, Cluster>;
  /** Each quote's speaker and the cluster of its local id, once the speaker has had an id. */
  speakers: Speaker[];
  /** The run of linkEntities that last saw this document, and a mark for counting documents. */
  seen: number;
  mark: number;
}

interface Speaker {
  speaker: QuoteSpeaker;
  cluster: Cluster | undefined;
  resolved: boolean;
}

/** Clusters with the same local id, fullest name and type: what decides a cluster's key. */
interface Signature {
  localId: string;
  canonical: string;
  type: EntityType;
  lower: string;
  wordCount: number;
  known: boolean;
  /** The key before the middle-name and one-word steps. */
  initialKey: string;
  person: PersonKey | null | undefined;
  /** A person named with a dropped first initial ("W. Mark Felt"): may join by middle name. */
  middleCandidate: boolean;
  /** Where the name goes in the suffix and prefix tables, if it does. */
  suffixes: string[] | null;
  prefixes: string[] | null;
  /** For a gazetteer place, the keys of its name with a natural feature word ("mediterranean" -> "name:mediterranean-sea"). */
  featureKeys: string[] | null;
  // Per run of linkEntities:
  run: number;
  key: string;
  count: number;
  clusters: Cluster[];
  order: number[];
  mixed: boolean;
  id: string;
  /** The type of the entity the signature is part of (the majority of its mentions in every document). */
  linkedType: EntityType;
}

const MEMO_LIMIT = 100_000;
const signatures = new Map<string, Signature>();
const wordLists = new Map<string, Words>();
const slugs = new Map<string, string>();
const summaries = new WeakMap<DocumentAnalysis, Summary>();
let runs = 0;
let marks = 0;

function slug(name: string): string {
  let id = slugs.get(name);
  if (id === undefined) {
    if (slugs.size >= MEMO_LIMIT) slugs.clear();
    slugs.set(name, (id = entityIdFor(name)));
  }
  return id;
}

function personOf(signature: Signature): PersonKey | null {
  if (signature.person === undefined) signature.person = personKey(signature.canonical);
  return signature.person;
}

function signatureOf(localId: string, canonical: string, type: EntityType): Signature {
  const text = `${localId}\u0000${canonical}\u0000${type}`;
  let signature = signatures.get(text);
  if (signature) return signature;
  const lower = type === 'person' ? canonical.toLowerCase() : spellingKey(canonical);
  const known = KNOWN_IDS.has(localId);
  signature = {
    localId, canonical, type, lower, wordCount: canonical.split(/\s+/).length, known, initialKey: '', person: undefined,
    middleCandidate: false, suffixes: null, prefixes: null, featureKeys: null,
    run: 0, key: '', count: 0, clusters: [], order: [], mixed: false, id: '', linkedType: type,
  };
  if (known) signature.initialKey = `known:${localId}`;
  else {
    const person = type === 'person' ? personOf(signature) : null;
    if (person && person.key) {
      signature.initialKey = `person:${person.key}`;
      signature.middleCandidate = !!person.initial;
    } else if (localId.endsWith('-team') && type === 'organization') signature.initialKey = `team:${slug(canonical)}`;
    else signature.initialKey = `name:${slug(lower)}`;
  }
  if (type === 'place' && GAZETTEER.has(lower)) signature.featureKeys = NATURAL_FEATURES.map((word) => `name:${slug(`${lower} ${word}`)}`);
  if (type !== 'person' && !known) {
    const words = lower.split(/\s+/);
    if (words.length >= 2 && !GAZETTEER.has(lower)) {
      if (type === 'organization' || type === 'place') {
        // A place is found by its last two words or more ("Mount Cook" in "Aoraki Mount Cook"), not by one ("York").
        signature.suffixes = [];
        for (let n = 1; n <= words.length - (type === 'place' ? 2 : 1); n++) signature.suffixes.push(words.slice(n).join(' '));
      }
      signature.prefixes = [];
      for (let n = 1; n < words.length; n++) signature.prefixes.push(words.slice(0, n).join(' '));
    }
  }
  if (signatures.size >= MEMO_LIMIT) signatures.clear();
  signatures.set(text, signature);
  return signature;
}

/** "Mt. Cook" = "Mount Cook", "Betty Ford Centre" = "Betty Ford Center", "TMZ.com" = "TMZ": one spelling for the key. */
function spellingKey(name: string): string {
  return name.toLowerCase().replace(/\.com\.?$/, '').replace(/\bmt\b\.?/g, 'mount').replace(/\b(cent|theat)re\b/g, '$1er')
    .replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}

function wordsOf(texts: string[], titles: string[]): Words {
  const text = JSON.stringify([texts, titles]);
  let words = wordLists.get(text);
  if (!words) {
    if (wordLists.size >= MEMO_LIMIT) wordLists.clear();
    wordLists.set(text, (words = { texts, titles, mark: 0 }));
  }
  return words;
}

function summarize(document: DocumentAnalysis): Summary {
  const entities = document.entities;
  const quotes = document.quotes;
  const summary: Summary = {
    entities, length: entities.length, quotes, quoteCount: quotes?.length ?? 0, clusters: [], byLocal: new Map(), speakers: [], seen: 0, mark: 0,
  };
  for (const mention of entities) {
    if (!localIds.has(mention)) localIds.set(mention, mention.id);
    const localId = localIds.get(mention)!;
    let cluster = summary.byLocal.get(localId);
    if (!cluster) {
      cluster = { localId, mentions: [], canonical: mention.canonical, type: localType(mention), typeCounts: null, words: null!, signature: null!, summary };
      summary.byLocal.set(localId, cluster);
      summary.clusters.push(cluster);
    }
    cluster.mentions.push(mention);
    if (mention.canonical.length > cluster.canonical.length) cluster.canonical = mention.canonical;
  }
  for (const cluster of summary.clusters) {
    const types = cluster.mentions.map(localType);
    cluster.type = majority(types);
    if (types.some((type) => type !== cluster.type)) {
      cluster.typeCounts = new Map();
      for (const type of types) cluster.typeCounts.set(type, (cluster.typeCounts.get(type) ?? 0) + 1);
    }
    const texts = new Set<string>();
    const titles = new Set<string>();
    for (const mention of cluster.mentions) {
      texts.add(mention.text);
      if (mention.title) titles.add(mention.title);
    }
    cluster.words = wordsOf([...texts], [...titles]);
    cluster.signature = signatureOf(cluster.localId, cluster.canonical, cluster.type);
  }
  for (const quote of quotes ?? []) if (quote.speaker) summary.speakers.push({ speaker: quote.speaker, cluster: undefined, resolved: false });
  summaries.set(document, summary);
  return summary;
}

/**
 * Joins the entities of all documents and returns the entity table. Each mention's `id` becomes the
 * cross-document one, and so does each quote speaker's. Clusters join when they carry the same known id
 * (ISIL = IS = Islamic State), the same person name up to short given names and initials ("Ash Carter" =
 * "Ashton Carter"), or the same name; a one-word person name ("Obama") joins the only full name in the
 * workspace that ends with it. Ids are slugs of the most used fullest name, or the known id.
 */
export function linkEntities(documents: readonly DocumentAnalysis[]): CrossDocumentEntity[] {
  const run = ++runs;
  // The signatures in the order of their first cluster, and the clusters that may join by middle name.
  const all: Signature[] = [];
  const middleCandidates: Signature[] = [];
  const documentSummaries: Summary[] = [];
  let repeated = false;
  let order = 0;
  for (const document of documents) {
    let summary = summaries.get(document);
    if (!summary || summary.entities !== document.entities || summary.length !== document.entities.length
      || summary.quotes !== document.quotes || summary.quoteCount !== (document.quotes?.length ?? 0)) summary = summarize(document);
    if (summary.seen === run) repeated = true;
    summary.seen = run;
    documentSummaries.push(summary);
    for (const cluster of summary.clusters) {
      const signature = cluster.signature;
      if (signature.run !== run) {
        signature.run = run;
        signature.key = signature.initialKey;
        signature.count = 0;
        signature.clusters = [];
        signature.order = [];
        signature.mixed = false;
        all.push(signature);
      }
      signature.count += cluster.mentions.length;
      signature.clusters.push(cluster);
      signature.order.push(order++);
      if (cluster.typeCounts) signature.mixed = true;
      if (signature.middleCandidate) middleCandidates.push(signature);
    }
  }

  // Keys: known id, person name key, or the slug of the name.
  const surnames = new Map<string, Set<string>>();
  const keyMentions = new Map<string, number>();
  const middleKeys = new Map<string, Set<string>>();
  for (const signature of all) {
    const key = signature.key;
    if (signature.known) {
      // A known person is also found by surname: "Obama" alone -> Barack Obama.
      const known = signature.type === 'person' ? personOf(signature) : null;
      if (known?.key) {
        add(surnames, known.surname, key);
        keyMentions.set(key, (keyMentions.get(key) ?? 0) + signature.count);
      }
      continue;
    }
    if (!key.startsWith('person:')) continue;
    const person = personOf(signature)!;
    add(surnames, person.surname, key);
    keyMentions.set(key, (keyMentions.get(key) ?? 0) + signature.count);
    if (person.middle) add(middleKeys, person.middle, key);
  }
  // "William Mark Felt" and "W. Mark Felt": a full name that goes by its middle name joins the name written
  // with that middle name first, when the first initials agree. (In cluster order: one join can follow another.)
  for (const signature of middleCandidates) {
    const person = personOf(signature)!;
    const byMiddle = middleKeys.get(person.key);
    const full = byMiddle?.size === 1 ? [...byMiddle][0] : undefined;
    if (full && full !== signature.key && full.startsWith(`person:${person.initial}`)) {
      const from = signature.key;
      for (const other of all) if (other.key === from) other.key = full;
      surnames.get(person.surname)?.delete(from);
      keyMentions.set(full, (keyMentions.get(full) ?? 0) + (keyMentions.get(from) ?? 0));
    }
  }
  // Short names: "Obama" -> the only full person name ending with it, or the one far more mentioned than the others; "Colts" / "Red Sox" -> the
  // only longer organization name ending with it; "Access" / "Betty Ford" -> the only longer name starting with it.
  const suffixes = new Map<string, Set<string>>();
  const prefixes = new Map<string, Set<string>>();
  const placeKeys = new Set<string>();
  for (const signature of all) {
    if (signature.type === 'place') placeKeys.add(signature.key);
    if (!signature.prefixes) continue;
    for (const suffix of signature.suffixes ?? []) add(suffixes, `${signature.type}:${suffix}`, signature.key);
    for (const prefix of signature.prefixes) add(prefixes, prefix, signature.key);
  }
  for (const signature of all) {
    const lower = signature.lower;
    if (signature.key.startsWith('team:')) {
      // "Indianapolis" the team -> the only longer name starting with it ("Indianapolis Colts").
      const longer = prefixes.get(lower);
      if (longer && longer.size === 1) signature.key = [...longer][0];
      continue;
    }
    if (!signature.key.startsWith('name:')) continue;
    if (signature.featureKeys) {
      // "Mediterranean" -> "Mediterranean Sea", when the workspace names only one such feature.
      const features = signature.featureKeys.filter((key) => placeKeys.has(key));
      if (features.length === 1) signature.key = features[0];
      continue;
    }
    const oneWord = !/\s/.test(lower);
    const person = oneWord && signature.type !== 'place' ? personOf(signature) : null;
    const full = person && surnames.get(person.surname);
    const main = full && dominant(full, keyMentions);
    if (main) { signature.key = main; continue; }
    if (signature.type === 'person') continue;
    const ending = signature.type === 'organization' || signature.type === 'place' && !oneWord ? suffixes.get(`${signature.type}:${lower}`) : undefined;
    if (ending && ending.size === 1) { signature.key = [...ending][0]; continue; }
    const longer = prefixes.get(lower);
    if (longer && longer.size === 1) signature.key = [...longer][0];
  }

  // Group, name and id; groups whose names give the same id are one entity.
  const byKey = new Map<string, Signature[]>();
  for (const signature of all) push(byKey, signature.key, signature);
  const groups = new Map<string, Signature[][]>();
  for (const [key, members] of byKey) {
    const id = key.startsWith('known:') ? key : `${key.startsWith('team:') ? 'team' : 'name'}:${slug(chooseName(members))}`;
    push(groups, id, members);
  }
  const table: CrossDocumentEntity[] = [];
  for (const [key, parts] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const group = parts.length === 1 ? parts[0] : parts.flat();
    const name = chooseName(group);
    const id = key.startsWith('known:') ? key.slice(6) : slug(name) + (key.startsWith('team:') ? '-team' : '');
    const aliases = new Set<string>();
    const titles = new Set<string>();
    const mark = ++marks;
    let mentions = 0;
    let documentCount = 0;
    const countDocuments = repeated || group.length > 1;
    const type = groupType(parts, group);
    for (const signature of group) {
      signature.id = id;
      signature.linkedType = type;
      mentions += signature.count;
      if (signature.canonical !== name) aliases.add(signature.canonical);
      for (const cluster of signature.clusters) {
        const words = cluster.words;
        if (words.mark !== mark) {
          words.mark = mark;
          for (const text of words.texts) if (text !== name) aliases.add(text);
          for (const title of words.titles) titles.add(title);
        }
        if (countDocuments && cluster.summary.mark !== mark) {
          cluster.summary.mark = mark;
          documentCount++;
        }
      }
      if (!countDocuments) documentCount = signature.clusters.length;
    }
    table.push({
      id, type, name, aliases: [...aliases].sort(), titles: [...titles].sort(),
      documents: documentCount, mentions,
    });
  }

  // Rewrite ids: mentions, then quote speakers through each document's local -> global map.
  for (const summary of documentSummaries) {
    for (const cluster of summary.clusters) {
      // One name typed differently in two documents is one entity, of the type most of its mentions have.
      const { id, linkedType } = cluster.signature;
      for (const mention of cluster.mentions) { mention.id = id; mention.type = linkedType; }
    }
  }
  for (const summary of documentSummaries) {
    for (const entry of summary.speakers) {
      const speaker = entry.speaker;
      if (speaker.id === null) continue;
      if (!entry.resolved) {
        if (!speakerLocalIds.has(speaker)) speakerLocalIds.set(speaker, speaker.id);
        entry.cluster = summary.byLocal.get(speakerLocalIds.get(speaker)!);
        entry.resolved = true;
      }
      const id = entry.cluster?.signature.id;
      if (id) speaker.id = id;
    }
  }
  // Keep no mentions of documents that may be gone by the next run.
  for (const signature of all) {
    signature.clusters = [];
    signature.order = [];
  }
  return table.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

/**
 * The majority type of a group's mentions, taken in the order the one-pass count over the group's clusters
 * would see them: the type that first reaches the highest count wins a tie. `parts` are the group's
 * signatures by key, in the order their keys first occur.
 */
function groupType(parts: readonly Signature[][], group: readonly Signature[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const signature of group) {
    if (!signature.mixed) counts.set(signature.type, (counts.get(signature.type) ?? 0) + signature.count);
    else {
      for (const cluster of signature.clusters) {
        if (!cluster.typeCounts) counts.set(cluster.type, (counts.get(cluster.type) ?? 0) + cluster.mentions.length);
        else for (const [type, n] of cluster.typeCounts) counts.set(type, (counts.get(type) ?? 0) + n);
      }
    }
  }
  let best: EntityType | undefined;
  let bestCount = 0;
  let tied = false;
  for (const [type, n] of counts) {
    if (n > bestCount) { best = type; bestCount = n; tied = false; } else if (n === bestCount) tied = true;
  }
  if (!tied) return best!;
  // A tie: count the mentions in order.
  const types: EntityType[] = [];
  for (const members of parts) {
    const clusters: Array<[number, Cluster]> = [];
    for (const signature of members) signature.clusters.forEach((cluster, i) => clusters.push([signature.order[i], cluster]));
    clusters.sort((a, b) => a[0] - b[0]);
    for (const [, cluster] of clusters) for (const mention of cluster.mentions) types.push(localType(mention));
  }
  return majority(types);
}

/** The most used of the fullest names (most words), ties broken alphabetically. */
function chooseName(group: readonly Signature[]): string {
  const nameCounts = new Map<string, number>();
  let longest = 0;
  for (const signature of group) {
    nameCounts.set(signature.canonical, (nameCounts.get(signature.canonical) ?? 0) + signature.count);
    longest = Math.max(longest, signature.wordCount);
  }
  let name = '';
  let count = -1;
  for (const signature of group) {
    if (signature.wordCount !== longest) continue;
    const candidate = signature.canonical;
    const n = nameCounts.get(candidate)!;
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
