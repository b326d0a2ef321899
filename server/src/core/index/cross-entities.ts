import type { CrossDocumentEntity, DocumentAnalysis, EntityMention, EntityType, Quote } from '../types';
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
function dominant(keys: ReadonlyMap<string, number>, mentions: ReadonlyMap<string, number>): string | undefined {
  if (keys.size === 1) return keys.keys().next().value;
  if (keys.size === 0) return undefined;
  const ranked = [...keys.keys()].map((k) => [k, mentions.get(k) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] >= 3 * ranked[1][1] && ranked[0][1] >= 3 ? ranked[0][0] : undefined;
}

const LEGAL_FORM_AFTER = new RegExp(`,?\\s+(?:${knownData.legalForms.words.map((w) => w.replace(/\./g, '\\.')).join('|')})$`, 'i');

/** "Mt. Cook" = "Mount Cook", "Betty Ford Centre" = "Betty Ford Center", "TMZ.com" = "TMZ": one spelling for the key. */
function spellingKey(name: string): string {
  return name.toLowerCase().replace(/\.com\.?$/, '').replace(/\bmt\b\.?/g, 'mount').replace(/\b(cent|theat)re\b/g, '$1er')
    .replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}

/** How much linking does between two yields of `updateSteps`: documents summarized, copied or re-read; signatures decided. */
const DOCUMENTS_PER_STEP = 32;
const SIGNATURES_PER_STEP = 256;

// Linking is kept up to date one document at a time. A document's mentions with one local id are a cluster;
// clusters with the same local id, fullest name and type share a signature, which decides their key. Keys are
// read from workspace-wide tables (surnames, prefixes, suffixes, places), kept as reference counts, and each
// table entry knows the signatures that read it: a change re-decides the keys of those signatures only, then
// the entities of the keys whose members changed, then the documents whose mentions got another id.

/** One document's cluster: the mentions with one local id. */
interface Cluster {
  path: string;
  /** Position of the cluster among its document's clusters (the order of first mentions). */
  order: number;
  /** Indexes of the mentions in the document's `entities` (each mention's local type is read there). */
  mentions: number[];
  entities: readonly EntityMention[];
  signature: Signature;
}

/** Clusters with the same local id, fullest name and type: what decides a cluster's key. */
interface Signature {
  text: string;
  localId: string;
  canonical: string;
  type: EntityType;
  lower: string;
  wordCount: number;
  known: boolean;
  /** The key before the middle-name and short-name steps. */
  initialKey: string;
  person: PersonKey | null;
  /** A person named with a dropped first initial ("W. Mark Felt"): may join by middle name. */
  middleCandidate: boolean;
  suffixes: string[] | null;
  prefixes: string[] | null;
  /** For a gazetteer place, the keys of its name with a natural feature word ("mediterranean" -> "name:mediterranean-sea"). */
  featureKeys: string[] | null;
  /** The person whose surname a one-word name may stand for ("Obama"), when it is not a place. */
  shortPerson: PersonKey | null;
  // Kept up to date:
  clusters: Map<string, Cluster>;
  count: number;
  typeCounts: Tally<EntityType>;
  texts: Tally<string>;
  /** Made when a mention with a title comes (few do): a signature for each name of a large folder needs no empty map. */
  titles: Map<string, number> | null;
  active: boolean;
  /** The key after the middle-name step, and what this signature put in the tables with it. */
  key1: string;
  contributed: Contribution | null;
  /** The key after the short-name step: the signatures of one key are one entity. */
  key2: string | null;
  id: string;
  linkedType: EntityType;
}

interface Contribution { key: string; count: number; surname: string | null }

interface LinkedEntry {
  analysis: DocumentAnalysis;
  clusters: Cluster[];
  byLocal: Map<string, Cluster>;
  /** Each mention's cluster. */
  clusterOfMention: Cluster[];
  linked: DocumentAnalysis;
}

/** An entity of the view with the clusters it was made of, to find its mentions without scanning documents. */
export interface EntityRecord {
  entity: CrossDocumentEntity;
  /** The clusters of the entity: each a document path and the indexes of its mentions there. */
  places: ReadonlyArray<{ path: string; mentions: readonly number[] }>;
}

/** What one update of the linker gives a view. */
export interface LinkResult {
  /** The linked copy of each document, by path: mentions and quote speakers carry cross-document ids. */
  linkedByPath: ReadonlyMap<string, DocumentAnalysis>;
  /** The entities by id, as they are after this update (later updates do not change it). */
  records: EntityTable;
  /** Paths whose linked copy is new since the last update (added, changed, or given other ids). */
  relinked: ReadonlySet<string>;
}

/**
 * Cross-document entity linking, owned by one workspace index and brought up to date with `update`, which costs in
 * proportion to what changed: the documents replaced, and the documents whose mentions another id reaches.
 * Clusters join when they carry the same known id (ISIL = IS = Islamic State), the same person name up to short
 * given names and initials ("Ash Carter" = "Ashton Carter"), or the same name; a one-word person name ("Obama")
 * joins the only full name in the workspace that ends with it. Ids are slugs of the most used fullest name, or
 * the known id. Analyses are never changed: each document gets a linked copy.
 */
export class EntityLinker {
  private readonly documents = new Map<string, LinkedEntry>();
  private readonly signatures = new Map<string, Signature>();
  private readonly slugs = new Map<string, string>();
  private readonly byInitialKey = new SetsByKey<string, Signature>();
  // Middle-name step: middle name key -> initial keys of full names with that middle name; person key -> candidates.
  private readonly middleKeys = new Map<string, Map<string, number>>();
  private readonly middleCandidates = new SetsByKey<string, Signature>();
  private readonly remaps = new Map<string, string>();
  // Short-name step tables, by key after the middle-name step.
  private readonly surnames = new Map<string, Map<string, number>>();
  private readonly keyMentions = new Map<string, number>();
  /** The signatures of each key after the middle-name step. */
  private readonly byKey1 = new SetsByKey<string, Signature>();
  private readonly keySurnames = new Map<string, Map<string, number>>();
  private readonly placeKeys = new Map<string, number>();
  private readonly suffixTable = new Map<string, Map<string, number>>();
  private readonly prefixTable = new Map<string, Map<string, number>>();
  // Who reads each table entry.
  private readonly surnameReaders = new SetsByKey<string, Signature>();
  private readonly featureReaders = new SetsByKey<string, Signature>();
  private readonly suffixReaders = new SetsByKey<string, Signature>();
  private readonly lowerReaders = new SetsByKey<string, Signature>();
  private readonly teamReaders = new Set<Signature>();
  /** Of one update: the keys of the documents of a key, read by the short-name step. */
  private aroundKeys = new Map<string, Set<string>>();
  // Entities.
  private readonly byKey = new SetsByKey<string, Signature>();
  private readonly groupOfKey = new Map<string, string>();
  private readonly keysOfGroup = new SetsByKey<string, string>();
  private readonly recordOfGroup = new Map<string, EntityRecord>();
  private readonly records = new Map<string, EntityRecord>();
  /** What updates hand out: a table shared by many updates, and the entities changed since it was made. */
  private base: ReadonlyMap<string, EntityRecord> = new Map();
  private changes: ReadonlyMap<string, EntityRecord | null> = new Map();
  private changedIds = new Set<string>();
  private readonly linked = new Map<string, DocumentAnalysis>();
  // Work of one update.
  private touchedReaders = new Set<Signature>();
  /** The update under way, when one was dropped part way: finished before the next starts. */
  private unfinished: Generator<void, void, void> | null = null;
  /** Paths linked anew by finished updates whose result no caller has taken yet. */
  private unreported = new Set<string>();

  /** Brings linking to exactly these analyses (an unchanged object is an unchanged document), in one go. */
  update(analyses: readonly DocumentAnalysis[]): LinkResult {
    const steps = this.updateSteps(analyses);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * `update` in steps of a few dozen documents or a few hundred signatures; each yield is a point where the caller
   * may let other work run, or drop the rest. The tables are consistent only between updates, so an update dropped
   * part way is kept and finished, with the analyses it was given, before the next one starts: the documents it
   * linked are reported by the next update that finishes.
   */
  *updateSteps(analyses: readonly DocumentAnalysis[]): Generator<void, LinkResult, void> {
    while (this.unfinished) yield* this.unfinished;
    const run = this.updateRun(analyses);
    this.unfinished = run;
    yield* run;
    const relinked = this.unreported;
    this.unreported = new Set();
    return { linkedByPath: this.linked, records: new EntityTable(this.base, this.changes), relinked };
  }

  private *updateRun(analyses: readonly DocumentAnalysis[]): Generator<void, void, void> {
    const current = new Map<string, DocumentAnalysis>();
    for (const analysis of analyses) current.set(analysis.path, analysis);
    const removed: LinkedEntry[] = [];
    const added: DocumentAnalysis[] = [];
    for (const [path, entry] of this.documents) if (current.get(path) !== entry.analysis) removed.push(entry);
    for (const analysis of analyses) if (this.documents.get(analysis.path)?.analysis !== analysis) added.push(analysis);
    const touched = new Set<Signature>();
    const relink = new Set<string>();
    const replaced: LinkedEntry[] = [];
    let done = 0;
    for (const entry of removed) {
      this.documents.delete(entry.analysis.path);
      this.linked.delete(entry.analysis.path);
      for (const cluster of entry.clusters) { this.withdrawCluster(cluster); touched.add(cluster.signature); }
      replaced.push(entry);
      if (++done % DOCUMENTS_PER_STEP === 0) yield;
    }
    for (const analysis of added) {
      const entry = this.summarize(analysis);
      this.documents.set(analysis.path, entry);
      for (const cluster of entry.clusters) { this.addCluster(cluster); touched.add(cluster.signature); }
      relink.add(analysis.path);
      replaced.push(entry);
      if (++done % DOCUMENTS_PER_STEP === 0) yield;
    }
    yield* this.settle(touched, relink, replaced);
    for (const path of relink) {
      const entry = this.documents.get(path);
      if (entry) this.linked.set(path, (entry.linked = linkedCopy(entry)));
      if (++done % DOCUMENTS_PER_STEP === 0) yield;
    }
    const changes = new Map(this.changes);
    for (const id of this.changedIds) changes.set(id, this.records.get(id) ?? null);
    this.changedIds = new Set();
    if (changes.size > this.base.size / 8 + 1024) { this.base = new Map(this.records); this.changes = new Map(); } else this.changes = changes;
    yield;
    for (const path of relink) this.unreported.add(path);
    this.unfinished = null;
  }

  private summarize(analysis: DocumentAnalysis): LinkedEntry {
    const byLocal = new Map<string, Cluster & { canonical: string }>();
    const clusters: Array<Cluster & { canonical: string }> = [];
    const clusterOfMention: Cluster[] = [];
    analysis.entities.forEach((mention, index) => {
      let cluster = byLocal.get(mention.id);
      if (!cluster) {
        cluster = { path: analysis.path, order: clusters.length, mentions: [], entities: analysis.entities, signature: null!, canonical: mention.canonical };
        byLocal.set(mention.id, cluster);
        clusters.push(cluster);
      }
      cluster.mentions.push(index);
      if (mention.canonical.length > cluster.canonical.length) cluster.canonical = mention.canonical;
      clusterOfMention.push(cluster);
    });
    for (const [localId, cluster] of byLocal) {
      // Kept for the life of the document: a list of exactly its length (one built by pushes has room for 16 more).
      cluster.mentions = cluster.mentions.slice();
      cluster.signature = this.signatureOf(localId, cluster.canonical, majority(typesOf(cluster)), analysis.path);
    }
    return { analysis, clusters, byLocal, clusterOfMention, linked: analysis };
  }

  private addCluster(cluster: Cluster): void {
    const signature = cluster.signature;
    signature.clusters.set(cluster.path, cluster);
    signature.count += cluster.mentions.length;
    const entities = cluster.entities;
    for (const index of cluster.mentions) {
      const mention = entities[index];
      signature.typeCounts.add(mention.type, 1);
      signature.texts.add(mention.text, 1);
      if (mention.title) count((signature.titles ??= new Map()), mention.title, 1);
    }
  }

  private withdrawCluster(cluster: Cluster): void {
    const signature = cluster.signature;
    signature.clusters.delete(cluster.path);
    signature.count -= cluster.mentions.length;
    for (const index of cluster.mentions) {
      const mention = cluster.entities[index];
      signature.typeCounts.add(mention.type, -1);
      signature.texts.add(mention.text, -1);
      if (mention.title && signature.titles) count(signature.titles, mention.title, -1);
    }
  }

  private signatureOf(localId: string, canonical: string, type: EntityType, path: string): Signature {
    const lower = type === 'person' ? canonical.toLowerCase() : spellingKey(canonical);
    // A one-word name may stand for a different full name in each document ("Bush" of one story, "Bush" of another):
    // its signature is its document's own.
    const team = localId.endsWith('-team') && type === 'organization';
    const text = `${localId}\u0000${canonical}\u0000${type}${team || (!/\s/.test(lower) && type !== 'place') ? `\u0000${path}` : ''}`;
    let signature = this.signatures.get(text);
    if (signature) return signature;
    const known = KNOWN_IDS.has(localId);
    const person = type === 'person' || !/\s/.test(lower) ? personKey(canonical) : null;
    signature = {
      text, localId, canonical, type, lower, wordCount: canonical.split(/\s+/).length, known, initialKey: '', person,
      middleCandidate: false, suffixes: null, prefixes: null, featureKeys: null, shortPerson: null,
      clusters: new Map(), count: 0, typeCounts: new Tally(), texts: new Tally(), titles: null, active: false,
      key1: '', contributed: null, key2: null, id: '', linkedType: type,
    };
    if (known) signature.initialKey = `known:${localId}`;
    else if (type === 'person' && person?.key) {
      signature.initialKey = `person:${person.key}`;
      signature.middleCandidate = !!person.initial;
    } else if (team) signature.initialKey = `team:${this.slug(canonical)}`;
    // "Microsoft Corp." and "Microsoft" are one company; the legal form stays in the name.
    else signature.initialKey = `name:${this.slug(type === 'organization' ? lower.replace(LEGAL_FORM_AFTER, '') : lower)}`;
    if (type === 'place' && GAZETTEER.has(lower)) signature.featureKeys = NATURAL_FEATURES.map((word) => `name:${this.slug(`${lower} ${word}`)}`);
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
    if (!/\s/.test(lower) && type !== 'place') signature.shortPerson = personKey(canonical);
    this.signatures.set(text, signature);
    return signature;
  }

  private slug(name: string): string {
    let id = this.slugs.get(name);
    if (id === undefined) this.slugs.set(name, (id = entityIdFor(name)));
    return id;
  }

  /** Re-decides what the touched signatures reach: middle-name joins, table entries, keys, entities, documents. */
  private *settle(touched: Set<Signature>, relink: Set<string>, replaced: readonly LinkedEntry[]): Generator<void, void, void> {
    let done = 0;
    this.touchedReaders = new Set();
    this.aroundKeys = new Map();
    const middleChanged = new Set<string>();
    for (const signature of touched) {
      const active = signature.clusters.size > 0;
      if (active === signature.active) continue;
      signature.active = active;
      this.middleContribution(signature, active ? 1 : -1, middleChanged);
      this.register(signature, active);
      if (!active) this.signatures.delete(signature.text);
      if (++done % SIGNATURES_PER_STEP === 0) yield;
    }
    const keyChanged = new Set<Signature>(touched);
    for (const personKeyText of middleChanged) {
      const remap = this.remapOf(personKeyText);
      if (remap === this.remaps.get(personKeyText)) continue;
      if (remap) this.remaps.set(personKeyText, remap); else this.remaps.delete(personKeyText);
      for (const signature of this.byInitialKey.get(`person:${personKeyText}`) ?? []) keyChanged.add(signature);
      if (++done % SIGNATURES_PER_STEP === 0) yield;
    }
    const changedDocuments = new Set(replaced);
    for (const signature of keyChanged) {
      const before = signature.key1;
      signature.key1 = signature.initialKey.startsWith('person:') ? this.remaps.get(signature.initialKey.slice(7)) ?? signature.initialKey : signature.initialKey;
      if (before && before !== signature.key1) for (const path of signature.clusters.keys()) changedDocuments.add(this.documents.get(path)!);
      this.contribute(signature);
      if (++done % SIGNATURES_PER_STEP === 0) yield;
    }
    // Which full name a surname stands for depends on the documents around it: any change may move it.
    // Which full name a short name stands for depends on the entities of the documents around the candidates, and
    // of its own document: a changed document re-decides the short names it holds and those its full names are for.
    for (const entry of changedDocuments) {
      for (const { signature } of entry.clusters) {
        if (signature.shortPerson || this.teamReaders.has(signature)) this.touchedReaders.add(signature);
        const surname = this.surnameOf(signature);
        if (surname !== null) this.readersChanged(this.surnameReaders, surname);
        for (const prefix of signature.prefixes ?? []) for (const reader of this.lowerReaders.get(prefix) ?? []) if (this.teamReaders.has(reader)) this.touchedReaders.add(reader);
      }
      if (++done % DOCUMENTS_PER_STEP === 0) yield;
    }
    const dirtyKeys = new Set<string>();
    for (const signature of [...keyChanged, ...this.touchedReaders]) {
      if (++done % SIGNATURES_PER_STEP === 0) yield;
      const key = signature.active ? this.keyOf(signature) : null;
      if (touched.has(signature) && signature.key2 !== null) dirtyKeys.add(signature.key2);
      if (key === signature.key2) continue;
      if (signature.key2 !== null) {
        dirtyKeys.add(signature.key2);
        removeFrom(this.byKey, signature.key2, signature);
      }
      signature.key2 = key;
      if (key !== null) {
        dirtyKeys.add(key);
        addTo(this.byKey, key, signature);
      }
    }
    const dirtyGroups = new Set<string>();
    for (const key of dirtyKeys) {
      if (++done % SIGNATURES_PER_STEP === 0) yield;
      const members = this.byKey.get(key);
      const before = this.groupOfKey.get(key);
      const after = members ? (key.startsWith('known:') ? key : `${key.startsWith('team:') ? 'team' : 'name'}:${this.slug(chooseName(members))}`) : undefined;
      if (before !== undefined) dirtyGroups.add(before);
      if (after !== undefined) dirtyGroups.add(after);
      if (before === after) continue;
      if (before !== undefined) removeFrom(this.keysOfGroup, before, key);
      if (after !== undefined) { addTo(this.keysOfGroup, after, key); this.groupOfKey.set(key, after); } else this.groupOfKey.delete(key);
    }
    for (const group of dirtyGroups) {
      if (++done % SIGNATURES_PER_STEP === 0) yield;
      const previous = this.recordOfGroup.get(group);
      if (previous && this.records.get(previous.entity.id) === previous) { this.records.delete(previous.entity.id); this.changedIds.add(previous.entity.id); }
      const keys = this.keysOfGroup.get(group);
      if (!keys) { this.recordOfGroup.delete(group); continue; }
      const record = this.entityOf(group, keys);
      this.recordOfGroup.set(group, record);
      this.records.set(record.entity.id, record);
      this.changedIds.add(record.entity.id);
      for (const key of keys) {
        for (const signature of this.byKey.get(key)!) {
          if (signature.id === record.entity.id && signature.linkedType === record.entity.type) continue;
          signature.id = record.entity.id;
          signature.linkedType = record.entity.type;
          for (const path of signature.clusters.keys()) relink.add(path);
        }
      }
    }
  }

  private middleContribution(signature: Signature, delta: number, changed: Set<string>): void {
    const person = signature.person;
    if (signature.known || !person || !signature.initialKey.startsWith('person:')) return;
    if (delta > 0) addTo(this.byInitialKey, signature.initialKey, signature); else removeFrom(this.byInitialKey, signature.initialKey, signature);
    if (person.middle) {
      countIn(this.middleKeys, person.middle, signature.initialKey, delta);
      changed.add(person.middle);
    }
    if (signature.middleCandidate) {
      if (delta > 0) addTo(this.middleCandidates, person.key, signature); else removeFrom(this.middleCandidates, person.key, signature);
      changed.add(person.key);
    }
  }

  /**
   * "William Mark Felt" and "W. Mark Felt": a full name that goes by its middle name joins the name written with that
   * middle name first, when the first initials agree. The key the names "mark felt" take, if they take another.
   */
  private remapOf(personKeyText: string): string | undefined {
    const byMiddle = this.middleKeys.get(personKeyText);
    if (byMiddle?.size !== 1) return undefined;
    const full = byMiddle.keys().next().value!;
    if (full === `person:${personKeyText}`) return undefined;
    for (const candidate of this.middleCandidates.get(personKeyText) ?? []) if (full.startsWith(`person:${candidate.person!.initial}`)) return full;
    return undefined;
  }

  private register(signature: Signature, active: boolean): void {
    const change = active ? addTo : removeFrom;
    change(this.lowerReaders, signature.lower, signature);
    change(this.suffixReaders, `${signature.type}:${signature.lower}`, signature);
    for (const key of signature.featureKeys ?? []) change(this.featureReaders, key, signature);
    if (signature.shortPerson) change(this.surnameReaders, signature.shortPerson.surname, signature);
    if (signature.initialKey.startsWith('team:')) { if (active) this.teamReaders.add(signature); else this.teamReaders.delete(signature); }
  }

  /** Takes the signature's old entries out of the short-name tables and puts its current ones in. */
  private contribute(signature: Signature): void {
    const before = signature.contributed;
    const after: Contribution | null = signature.active ? { key: signature.key1, count: signature.count, surname: this.surnameOf(signature) } : null;
    if (before && after && before.key === after.key && before.count === after.count && before.surname === after.surname) return;
    if (before) { this.tables(signature, before, -1); removeFrom(this.byKey1, before.key, signature); }
    if (after) { this.tables(signature, after, 1); addTo(this.byKey1, after.key, signature); }
    signature.contributed = after;
  }

  private surnameOf(signature: Signature): string | null {
    if (signature.type !== 'person' || !signature.person?.key) return null;
    return signature.known || signature.initialKey.startsWith('person:') ? signature.person.surname : null;
  }

  private tables(signature: Signature, entry: Contribution, delta: number): void {
    const { key } = entry;
    if (entry.surname !== null) {
      if (countIn(this.surnames, entry.surname, key, delta)) this.readersChanged(this.surnameReaders, entry.surname);
      countIn(this.keySurnames, key, entry.surname, delta);
      count(this.keyMentions, key, delta * entry.count);
      for (const surname of this.keySurnames.get(key)?.keys() ?? []) this.readersChanged(this.surnameReaders, surname);
      this.readersChanged(this.surnameReaders, entry.surname);
    }
    if (signature.type === 'place' && countChanged(this.placeKeys, key, delta)) this.readersChanged(this.featureReaders, key);
    if (signature.prefixes) {
      for (const suffix of signature.suffixes ?? []) if (countIn(this.suffixTable, `${signature.type}:${suffix}`, key, delta)) this.readersChanged(this.suffixReaders, `${signature.type}:${suffix}`);
      for (const prefix of signature.prefixes) if (countIn(this.prefixTable, prefix, key, delta)) this.readersChanged(this.lowerReaders, prefix);
    }
  }

  private readersChanged(readers: SetsByKey<string, Signature>, entry: string): void {
    for (const signature of readers.get(entry) ?? []) this.touchedReaders.add(signature);
  }

  /** Short names: "Obama" -> the only full person name ending with it, or the one far more mentioned than the others;
   * "Colts" / "Red Sox" -> the only longer organization name ending with it; "Access" / "Betty Ford" -> the only longer
   * name starting with it; "Indianapolis" the team -> the only longer name starting with it; "Mediterranean" ->
   * "Mediterranean Sea", when the workspace names only one such feature. */
  private keyOf(signature: Signature): string {
    const key = signature.key1;
    const lower = signature.lower;
    if (key.startsWith('team:')) {
      const teams = this.prefixTable.get(lower);
      return only(teams) ?? (teams && this.nearest(signature, this.organizations(teams), false)) ?? key;
    }
    if (!key.startsWith('name:')) return key;
    if (signature.featureKeys) {
      const features = signature.featureKeys.filter((feature) => this.placeKeys.has(feature));
      return features.length === 1 ? features[0] : key;
    }
    const full = signature.shortPerson && this.surnames.get(signature.shortPerson.surname);
    const main = full && this.nearest(signature, full, true);
    if (main) return main;
    if (signature.type === 'person') return key;
    const oneWord = !/\s/.test(lower);
    const ending = signature.type === 'organization' || (signature.type === 'place' && !oneWord) ? only(this.suffixTable.get(`${signature.type}:${lower}`)) : undefined;
    return ending ?? only(this.prefixTable.get(lower)) ?? key;
  }

  /** The keys of `keys` that name an organization. */
  private organizations(keys: ReadonlyMap<string, number>): Map<string, number> {
    return new Map([...keys].filter(([key]) => [...this.byKey1.get(key) ?? []].some((member) => member.type === 'organization')));
  }

  /**
   * The full name a short name of one document stands for ("Bush" for a surname, "Indianapolis" the team): among the
   * candidate full names, those whose documents share the most other entities with its document, then the dominant
   * one of those. With none shared, only a known entity ("Obama"), whose name reads the same in any story.
   */
  private nearest(signature: Signature, full: ReadonlyMap<string, number>, known: boolean): string | undefined {
    const path = signature.clusters.keys().next().value;
    const entry = path === undefined ? undefined : this.documents.get(path);
    if (!entry) return undefined;
    const own = new Set<string>();
    for (const cluster of entry.clusters) if (cluster.signature !== signature) own.add(cluster.signature.key1);
    own.delete(signature.key1);
    let best = 0;
    const nearest = new Map<string, number>();
    for (const [key, n] of full) {
      const around = this.keysAround(key);
      let shared = 0;
      for (const ownKey of own) if (ownKey !== key && around.has(ownKey)) shared++;
      if (!shared || shared < best) continue;
      if (shared > best) { best = shared; nearest.clear(); }
      nearest.set(key, n);
    }
    if (!nearest.size && known) for (const [key, n] of full) if (key.startsWith('known:')) nearest.set(key, n);
    return dominant(nearest, this.keyMentions);
  }

  private keysAround(key: string): Set<string> {
    let around = this.aroundKeys.get(key);
    if (around) return around;
    around = new Set();
    for (const member of this.byKey1.get(key) ?? []) {
      for (const path of member.clusters.keys()) for (const cluster of this.documents.get(path)!.clusters) around.add(cluster.signature.key1);
    }
    this.aroundKeys.set(key, around);
    return around;
  }

  /** The entity of one group of keys (keys whose names give one id): name, id, type, aliases, counts. */
  private entityOf(group: string, keys: Iterable<string>): EntityRecord {
    const members: Signature[] = [];
    for (const key of keys) for (const signature of this.byKey.get(key)!) members.push(signature);
    const name = chooseName(members);
    const id = group.startsWith('known:') ? group.slice(6) : this.slug(name) + (group.startsWith('team:') ? '-team' : '');
    const aliases = new Set<string>();
    const titles = new Set<string>();
    const places: Array<{ path: string; mentions: readonly number[] }> = [];
    const paths = new Set<string>();
    let mentions = 0;
    for (const signature of members) {
      mentions += signature.count;
      if (signature.canonical !== name) aliases.add(signature.canonical);
      for (const text of signature.texts.keys()) if (text !== name) aliases.add(text);
      for (const title of signature.titles?.keys() ?? []) titles.add(title);
      for (const cluster of signature.clusters.values()) { places.push({ path: cluster.path, mentions: cluster.mentions }); paths.add(cluster.path); }
    }
    const entity: CrossDocumentEntity = { id, type: this.typeOf(keys, members), name, aliases: [...aliases].sort(), titles: [...titles].sort(), documents: paths.size, mentions };
    return { entity, places };
  }

  /**
   * The majority type of the group's mentions; on a tie, the type that first reaches the highest count with the
   * mentions taken key by key (keys in the order of their first mention), each key's clusters in document order.
   */
  private typeOf(keys: Iterable<string>, members: readonly Signature[]): EntityType {
    // A full personal name keeps its entity a person, whatever the lone surnames joined to it were typed where they
    // stood ("George W. Bush" and the "Bush" of "the Bush administration").
    if (members.some((signature) => signature.type === 'person' && signature.wordCount > 1 && !signature.known && (signature.typeCounts.get('person') ?? 0) > 0)) return 'person';
    const counts = new Map<EntityType, number>();
    for (const signature of members) for (const [type, n] of signature.typeCounts.entries()) count(counts, type, n);
    let best: EntityType | undefined;
    let bestCount = 0;
    let tied = false;
    for (const [type, n] of counts) {
      if (n > bestCount) { best = type; bestCount = n; tied = false; } else if (n === bestCount) tied = true;
    }
    if (!tied) return best!;
    const before = (a: Cluster, b: Cluster) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.order - b.order);
    const parts = [...keys].map((key) => [...this.byKey.get(key)!].flatMap((signature) => [...signature.clusters.values()]).sort(before))
      .filter((clusters) => clusters.length).sort((a, b) => before(a[0], b[0]));
    return majority(parts.flatMap((clusters) => clusters.flatMap(typesOf)));
  }
}

/** The local type of each mention of the cluster, in order. */
function typesOf(cluster: Cluster): EntityType[] {
  return cluster.mentions.map((index) => cluster.entities[index].type);
}

/** The document with its mentions' and quote speakers' cross-document ids (the analysis itself stays as it is). */
function linkedCopy(entry: LinkedEntry): DocumentAnalysis {
  const { analysis } = entry;
  const entities = analysis.entities.map((mention, index) => {
    const { id, linkedType } = entry.clusterOfMention[index].signature;
    // Most mentions keep their document's id and type: the copy shares those (mentions are never changed).
    return id === mention.id && linkedType === mention.type ? mention : { ...mention, id, type: linkedType };
  });
  const previous = entry.linked !== analysis ? entry.linked.quotes : null;
  let quotes: Quote[] = analysis.quotes.map((quote) => {
    const speaker = quote.speaker;
    if (!speaker || speaker.id === null) return quote;
    const id = entry.byLocal.get(speaker.id)?.signature.id;
    return id && id !== speaker.id ? { ...quote, speaker: { ...speaker, id } } : quote;
  });
  if (previous && previous.length === quotes.length && previous.every((quote, index) => quote.speaker?.id === quotes[index].speaker?.id)) quotes = previous as Quote[];
  return { ...analysis, entities, quotes };
}

/**
 * Joins the entities of all documents, with a linker of its own: the entity table and each document's linked copy,
 * in the order given.
 */
export function linkEntities(documents: readonly DocumentAnalysis[]): { entities: CrossDocumentEntity[]; documents: DocumentAnalysis[] } {
  const result = new EntityLinker().update(documents);
  return { entities: sortedEntities(result.records), documents: documents.map((document) => result.linkedByPath.get(document.path)!) };
}

/** The entities of one update, read-only: a table shared by many updates, with the entities changed since it was made. */
export class EntityTable {
  constructor(private readonly base: ReadonlyMap<string, EntityRecord>, private readonly changes: ReadonlyMap<string, EntityRecord | null>) {}

  get(id: string): EntityRecord | undefined {
    const changed = this.changes.get(id);
    return changed === undefined ? this.base.get(id) : changed ?? undefined;
  }

  *values(): IterableIterator<EntityRecord> {
    for (const [id, record] of this.base) if (!this.changes.has(id)) yield record;
    for (const record of this.changes.values()) if (record) yield record;
  }
}

/** The entity table in its published order: most mentioned first, then by id. */
export function sortedEntities(records: EntityTable): CrossDocumentEntity[] {
  return [...records.values()].map((record) => record.entity).sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

/** The most used of the fullest names (most words), ties broken alphabetically. */
function chooseName(group: Iterable<Signature>): string {
  const nameCounts = new Map<string, number>();
  let longest = 0;
  const members = [...group];
  for (const signature of members) {
    nameCounts.set(signature.canonical, (nameCounts.get(signature.canonical) ?? 0) + signature.count);
    longest = Math.max(longest, signature.wordCount);
  }
  let name = '';
  let best = -1;
  for (const signature of members) {
    if (signature.wordCount !== longest) continue;
    const candidate = signature.canonical;
    const n = nameCounts.get(candidate)!;
    if (n > best || (n === best && candidate < name)) { name = candidate; best = n; }
  }
  return name;
}

function only(entries: ReadonlyMap<string, number> | undefined): string | undefined {
  return entries?.size === 1 ? entries.keys().next().value : undefined;
}

function count<K>(map: Map<K, number>, key: K, delta: number): void {
  const value = (map.get(key) ?? 0) + delta;
  if (value) map.set(key, value); else map.delete(key);
}

/** Adds `delta` to a reference count; whether the key came or went. */
function countChanged<K>(map: Map<K, number>, key: K, delta: number): boolean {
  const before = map.get(key) ?? 0;
  count(map, key, delta);
  return (before > 0) !== ((map.get(key) ?? 0) > 0);
}

/** Adds `delta` to the count of `key` in the table entry `entry`; whether the entry's set of keys changed. */
function countIn(table: Map<string, Map<string, number>>, entry: string, key: string, delta: number): boolean {
  let counts = table.get(entry);
  if (!counts) table.set(entry, (counts = new Map()));
  const changed = countChanged(counts, key, delta);
  if (!counts.size) table.delete(entry);
  return changed;
}

/**
 * Counts by key, zero counts dropped, as a Map of counts would be (read in no particular order), but a tally of one
 * key (most signatures have one type and one spelling) keeps that key and its count, with no Map of its own.
 */
class Tally<K> {
  private only: K | undefined = undefined;
  private onlyCount = 0;
  private many: Map<K, number> | null = null;

  add(key: K, delta: number): void {
    if (this.many) count(this.many, key, delta);
    else if (this.onlyCount === 0) { this.only = key; this.onlyCount = delta; }
    else if (this.only === key) { this.onlyCount += delta; if (this.onlyCount === 0) this.only = undefined; }
    else { this.many = new Map([[this.only!, this.onlyCount]]); this.only = undefined; this.onlyCount = 0; count(this.many, key, delta); }
  }

  get(key: K): number | undefined {
    if (this.many) return this.many.get(key);
    return this.onlyCount !== 0 && this.only === key ? this.onlyCount : undefined;
  }

  *entries(): IterableIterator<[K, number]> {
    if (this.many) yield* this.many;
    else if (this.onlyCount !== 0) yield [this.only!, this.onlyCount];
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }
}

/**
 * Sets of values by key, as a Map of Sets would be, but a key with one value (most keys of a large folder) keeps
 * the value itself, with no Set of its own. Values are never Sets; iteration is in insertion order, as a Set's.
 */
class SetsByKey<K, V> {
  private readonly entries = new Map<K, V | Set<V>>();

  /** The values of the key, in the order they were added; undefined when it has none. */
  get(key: K): Iterable<V> | undefined {
    const entry = this.entries.get(key);
    return entry === undefined ? undefined : entry instanceof Set ? entry : [entry];
  }

  add(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, value);
    else if (entry instanceof Set) entry.add(value);
    else if (entry !== value) this.entries.set(key, new Set([entry, value]));
  }

  delete(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry === value) this.entries.delete(key);
    else if (entry instanceof Set) {
      entry.delete(value);
      if (entry.size === 1) this.entries.set(key, entry.values().next().value as V);
    }
  }
}

function addTo<K, V>(sets: SetsByKey<K, V>, key: K, value: V): void {
  sets.add(key, value);
}

function removeFrom<K, V>(sets: SetsByKey<K, V>, key: K, value: V): void {
  sets.delete(key, value);
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
