import type { DocumentAnalysis, EntityMention, Figure, FigureGroup, FigureGroupMember, FigureVerdict, Quote, Span } from '../types';
import { sentenceAt, sentenceIndexAt } from '../text/sentences';
import { hasLineBreak } from '../text/line-breaks';
import { SentenceCache } from './document-cache';
import measureFamilies from '../data/measure-synonyms.json';
import stopwordList from '../data/stopwords.json';
import outcomeData from '../data/figure-outcomes.json';
import type { Corrections, FigureReference } from '../corrections';

interface Family { name: string; generic: boolean }
const FAMILY_OF_UNIT = new Map<string, Family>();
for (const [name, family] of Object.entries(measureFamilies.families)) {
  for (const unit of family.units) FAMILY_OF_UNIT.set(unit.toLowerCase(), { name, generic: family.generic });
}
const STOPWORDS = new Set(stopwordList);
/** Stemmed words of every unit of a family: "people", "person", "civilian"... for the person family. */
const UNIT_WORDS_OF_FAMILY = new Map(Object.entries(measureFamilies.families)
  .map(([name, family]) => [name, new Set(family.units.flatMap((unit) => contentWords(unit)))]));
/** Outcome phrases as word lists, longest first, each with the outcome it names. */
const OUTCOME_PHRASES = Object.entries(outcomeData.outcomes)
  .flatMap(([outcome, phrases]) => phrases.map((phrase) => ({ outcome, words: phrase.split(' ') })))
  .sort((a, b) => b.words.length - a.words.length);
const GENERIC_KINDS = new Set(outcomeData.genericUnitKinds);
const ASPECTS = outcomeData.aspects;
const BACKGROUND_AFTER_DURATION = new Set(outcomeData.backgroundAfterDuration.words);
const PRONOUNS = new Set(outcomeData.pronouns.words);
/** Where a clause ends: punctuation, or a conjunction that starts another one. */
const CLAUSE_BREAK = /[,;:()"“”]|\s(?:and|but|while|before|after|as|which|who|when)\s/i;
/** A sentence dated further than this from its document tells background. */
const BACKGROUND_DAYS = 62;
/** Below this, values agree only when equal. */
const SMALL_COUNT = 20;
/** Values this close are the same report. */
const SAME_VALUE_TOLERANCE = 0.1;
/** How many sentences back a "he" or "his" is looked up. */
const PRONOUN_REACH = 3;
/** Content words each side of a figure that say what it counts ("60 countries have joined forces"). */
const CONTEXT_WINDOW = 3;

/** A figure with what it takes to compare it with figures of other documents. */
interface Candidate {
  member: FigureGroupMember;
  figure: Figure;
  family: Family;
  contextWords: Set<string>;
  /** Organisations named around the figure: the actor that did the counting or was counted. */
  organisations: Set<string>;
  /** The organisation named last before the figure, the story's subject included: whose offer, whose count ("the Nationals offered $160 million"). */
  actors: Set<string>;
  /** Words of the measure phrase beyond the unit ("population" in "percent of the population"). */
  measureWords: Set<string>;
  /** What happened to what is counted ("killed", "trained"), read around the figure; null when nothing says. */
  outcome: string | null;
  /** Whose count it is: the surnames of the people the figure's clause names (or, failing that, the person named last before it). */
  persons: Set<string>;
  /** How it counts: '' for a total, else 'rate', 'difference', 'increment', 'part', 'condition' (joined by spaces). */
  aspect: string;
  /** Linked ids of the places named in the figure's sentence. */
  places: Set<string>;
  background: boolean;
  wordsKey: string;
}

/** Organisations named in this share of the documents (or more) are the story's subject, not an actor that tells figures apart. */
const UBIQUITOUS_SHARE = 0.6;

export function familyOf(figure: Figure): Family | null {
  if (!figure.unit) return null;
  const unit = figure.unit.toLowerCase();
  const family = FAMILY_OF_UNIT.get(unit) ?? FAMILY_OF_UNIT.get(unit.split(' ').at(-1)!) ?? { name: unit, generic: false };
  // Money, percentages and dimensions say how much of something, never what: the unit alone is no measure.
  return GENERIC_KINDS.has(figure.kind) && !family.generic ? { ...family, generic: true } : family;
}

/**
 * Figures that are not compared: a hyphenated modifier ("16-year-old", "32-bit", "300-seat"), which
 * describes a noun rather than counting, and units that are no noun ("a", "for").
 */
function comparable(figure: Figure, family: Family, before: string): boolean {
  if (/[\p{L}\d]-[\p{L}]+$/u.test(figure.text) && !/\s/.test(figure.text.replace(/^(?:some|about|nearly|more than|over)\s+/i, ''))) return false;
  const unit = (figure.unit ?? '').toLowerCase();
  // A number right after a capital-letter code is a model name ("six AK 47 rifles", "an F-16 jet"), not a count.
  if (/\b\p{Lu}{1,4}[\s-]$/u.test(before) && /^\d/.test(figure.text)) return false;
  if (unit.length < 3 || STOPWORDS.has(unit) || family.name.length < 2) return false;
  // A bare number ("Of the 23 pirates arrested, 12 are Somali") takes its noun from elsewhere: often a part, not the whole.
  if (figure.kind === 'count' || figure.kind === 'quantity') {
    const written = new Set(contentWords(figure.text));
    const unitWords = [...contentWords(unit), ...(UNIT_WORDS_OF_FAMILY.get(family.name) ?? [])];
    // Stems differ by a final e ("airstrik" of "airstrikes", "airstrike" of the unit): a shared start of four letters will do.
    const names = (word: string) => [...written].some((other) => other === word || (Math.min(other.length, word.length) >= 4
      && (other.startsWith(word) || word.startsWith(other))));
    if (!unitWords.some(names) && !/[a-z]\/[a-z]|[%°]/i.test(figure.text)) return false;
  }
  return true;
}

/**
 * Figures in different documents that count the same thing, each group with a verdict. Two figures
 * measure the same thing when their units belong to one family, generic units ("countries", "percent")
 * also share a context word, and the organisations named around them are not two disjoint sets
 * (a coalition's trainees and NATO's are different programmes). A figure joins a group only when it
 * fits every member already there.
 */
export function groupFigures(documents: readonly DocumentAnalysis[],
  corrections: Corrections['figures'] = { join: [], separate: [] }, storyOf?: ReadonlyMap<string, { id: string }>): FigureGroup[] {
  return new FigureGroupIndex().group(documents, corrections, storyOf);
}

type Separated = ReadonlySet<string>;

function separatedPairs(corrections: Corrections['figures']): Set<string> {
  const separated = new Set<string>();
  for (const set of corrections.separate) {
    for (const a of set) for (const b of set) if (a !== b) separated.add(`${referenceKey(a)}\u0001${referenceKey(b)}`);
  }
  return separated;
}

/** The figures of one document that are compared, each with the story-and-family bucket it is compared in. */
function candidatesOf(document: DocumentAnalysis, story: string, ubiquitous: ReadonlySet<string>, contexts: FigureContexts, sentenceCache: SentenceCache): Array<{ bucket: string; candidate: Candidate }> {
  const sentences = sentenceCache.of(document);
  const found: Array<{ bucket: string; candidate: Candidate }> = [];
  for (const figure of document.figures) {
    const family = familyOf(figure);
    if (!family || !comparable(figure, family, document.text.slice(Math.max(0, figure.start - 8), figure.start))) continue;
    const candidate = candidateFor(document, figure, family, sentences, ubiquitous, contexts);
    if (candidate.background) continue;
    found.push({ bucket: `${story}\u0000${family.name}`, candidate });
  }
  return found;
}

/** The clusters of one story's figures of one unit family, candidates in document order. */
function clusterFamily(candidates: readonly Candidate[], separated: Separated): Candidate[][] {
  const apart = (a: Candidate, b: Candidate) => separated.has(`${referenceKey(a.member)}\u0001${referenceKey(b.member)}`);
  // A cluster is checked against its distinct (document, context, organisations) signatures only:
  // news repeats itself, and a large workspace holds many figures that look the same to sameMeasure.
  const familyClusters: Array<{ members: Candidate[]; signatures: Map<string, Candidate>; valuesOfPath: Map<string, number[]> }> = [];
  // sameMeasure is symmetric and clusters only grow, so a signature goes where it went before.
  const clusterOfSignature = new Map<string, (typeof familyClusters)[number]>();
  for (const candidate of candidates) {
    const signature = signatureOf(candidate);
    // One document gives one value for one measure: a second, different value of its own is another measure.
    const fitsItsDocument = (cluster: (typeof familyClusters)[number]) => (cluster.valuesOfPath.get(candidate.member.path) ?? [])
      .every((value) => sameWrittenValue(value, candidate.member));
    const add = (cluster: (typeof familyClusters)[number]) => {
      cluster.members.push(candidate);
      cluster.valuesOfPath.set(candidate.member.path, [...(cluster.valuesOfPath.get(candidate.member.path) ?? []), candidate.member.value]);
    };
    const known = separated.size ? undefined : clusterOfSignature.get(signature);
    if (known && fitsItsDocument(known) && [...known.signatures.values()].some((member) => differentValuesLinked(member, candidate))) {
      add(known);
      continue;
    }
    const cluster = familyClusters.find((found) => fitsItsDocument(found) && (separated.size
      ? found.members.every((member) => sameMeasure(member, candidate) && !apart(member, candidate))
      : [...found.signatures.values()].every((member) => sameMeasure(member, candidate)))
      && [...found.signatures.values()].some((member) => differentValuesLinked(member, candidate)));
    if (cluster) {
      add(cluster);
      if (!cluster.signatures.has(signature)) cluster.signatures.set(signature, candidate);
      clusterOfSignature.set(signature, cluster);
    } else {
      const created = { members: [candidate], signatures: new Map([[signature, candidate]]),
        valuesOfPath: new Map([[candidate.member.path, [candidate.member.value]]]) };
      familyClusters.push(created);
      clusterOfSignature.set(signature, created);
    }
  }
  return familyClusters.map((cluster) => cluster.members);
}

/** One story's documents, and how many of them name each organisation: what makes an organisation the story's subject. */
interface StoryFigures { paths: Set<string>; organisationDocuments: Map<string, number>; ubiquitous: Set<string>; ubiquitousKey: string }

/** One document's figures as grouping last saw them. */
interface DocumentFigures { document: DocumentAnalysis; story: string; ubiquitousKey: string; organisations: Set<string>;
  candidates: Array<{ bucket: string; candidate: Candidate }> }

interface Bucket { candidatesByPath: Map<string, Candidate[]>; clusters: Candidate[][]; groups: Array<FigureGroup | null>;
  /** Where the bucket's first figure is (document path, figure position): groups with one id keep this order. */
  first: { path: string; position: number } }

/**
 * Figure groups kept up to date as documents change, owned by one workspace index: figures are compared within
 * their story and unit family only (a bucket), so a change re-clusters the buckets of the documents it touched and
 * of the stories whose subject changed, and reuses every other bucket's clusters and groups.
 */
export class FigureGroupIndex {
  private readonly documents = new Map<string, DocumentFigures>();
  private readonly stories = new Map<string, StoryFigures>();
  private readonly buckets = new Map<string, Bucket>();
  private corrections: Corrections['figures'] | null = null;
  private separated: Separated = new Set();
  private readonly contexts: FigureContexts = new WeakMap();

  constructor(private readonly sentences = new SentenceCache()) {}

  group(documents: readonly DocumentAnalysis[], corrections: Corrections['figures'] = { join: [], separate: [] },
    storyOf?: ReadonlyMap<string, { id: string }>): FigureGroup[] {
    const steps = this.groupSteps(documents, corrections, storyOf);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * group() in steps: yields between documents compared again and between buckets clustered again, where the caller
   * may let other work run or drop the rest. What a dropped grouping had left to do stays pending (redo, dirty) and
   * is done by the next one first, so any grouping gives what one unbroken grouping of its documents gives.
   */
  *groupSteps(documents: readonly DocumentAnalysis[], corrections: Corrections['figures'] = { join: [], separate: [] },
    storyOf?: ReadonlyMap<string, { id: string }>): Generator<void, FigureGroup[], void> {
    if (corrections !== this.corrections) {
      this.corrections = corrections;
      this.separated = separatedPairs(corrections);
      this.documents.clear();
      this.stories.clear();
      this.buckets.clear();
      this.redo.clear();
      this.dirty.clear();
    }
    const dirtyBuckets = this.dirty;
    const present = new Map(documents.map((document) => [document.path, document]));
    // Documents that left, or moved to another story, or changed: out of their story first.
    const changed: DocumentAnalysis[] = [];
    for (const [path, entry] of this.documents) {
      const document = present.get(path);
      const story = document ? storyOf?.get(path)?.id ?? '' : undefined;
      if (document === entry.document && story === entry.story) continue;
      this.leaveStory(entry, path);
      for (const { bucket } of entry.candidates) dirtyBuckets.add(bucket);
      this.withdraw(entry, path);
      this.documents.delete(path);
    }
    for (const document of documents) if (!this.documents.has(document.path)) changed.push(document);
    const touchedStories = new Set<string>();
    for (const document of changed) {
      const story = storyOf?.get(document.path)?.id ?? '';
      const organisations = new Set(document.entities.filter((entity) => entity.type === 'organization').map((entity) => entity.id));
      const entry: DocumentFigures = { document, story, ubiquitousKey: '', organisations, candidates: [] };
      this.documents.set(document.path, entry);
      const figures = this.storyFigures(story);
      figures.paths.add(document.path);
      for (const id of organisations) figures.organisationDocuments.set(id, (figures.organisationDocuments.get(id) ?? 0) + 1);
      touchedStories.add(story);
    }
    for (const [story, figures] of this.stories) if (figures.paths.size === 0) this.stories.delete(story);
    // A story whose subject changed compares its figures again; the documents that changed are compared in any case.
    const redo = this.redo;
    for (const document of changed) redo.add(document.path);
    for (const story of new Set([...touchedStories, ...this.leftStories])) {
      const figures = this.stories.get(story);
      if (!figures) continue;
      const ubiquitous = ubiquitousOf(figures);
      const key = [...ubiquitous].sort().join('\u0000');
      if (key === figures.ubiquitousKey) continue;
      figures.ubiquitous = ubiquitous;
      figures.ubiquitousKey = key;
      for (const path of figures.paths) redo.add(path);
    }
    this.leftStories.clear();
    for (const path of redo) {
      yield;
      redo.delete(path);
      // Left since a dropped grouping put it here: its candidates were withdrawn when it left.
      const entry = this.documents.get(path);
      if (!entry) continue;
      const figures = this.stories.get(entry.story)!;
      for (const { bucket } of entry.candidates) dirtyBuckets.add(bucket);
      this.withdraw(entry, path);
      entry.ubiquitousKey = figures.ubiquitousKey;
      entry.candidates = candidatesOf(entry.document, entry.story, figures.ubiquitous, this.contexts, this.sentences);
      for (const { bucket, candidate } of entry.candidates) {
        dirtyBuckets.add(bucket);
        let found = this.buckets.get(bucket);
        if (!found) this.buckets.set(bucket, (found = { candidatesByPath: new Map(), clusters: [], groups: [], first: { path, position: 0 } }));
        const list = found.candidatesByPath.get(path);
        if (list) list.push(candidate); else found.candidatesByPath.set(path, [candidate]);
      }
    }
    for (const key of dirtyBuckets) {
      yield;
      dirtyBuckets.delete(key);
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      if (!bucket.candidatesByPath.size) { this.buckets.delete(key); continue; }
      const paths = [...bucket.candidatesByPath.keys()].sort();
      const firstPath = paths[0];
      const firstFigure = bucket.candidatesByPath.get(firstPath)![0].figure;
      bucket.first = { path: firstPath, position: present.get(firstPath)!.figures.indexOf(firstFigure) };
      bucket.clusters = clusterFamily(paths.flatMap((path) => bucket.candidatesByPath.get(path)!), this.separated);
      bucket.groups = bucket.clusters.map((cluster) => (new Set(cluster.map((candidate) => candidate.member.path)).size < 2 ? null : toGroup(cluster)));
    }
    return this.finish(documents, corrections);
  }

  private readonly leftStories = new Set<string>();
  /** Documents to compare again, and buckets to cluster again, that a grouping dropped part way left to do. */
  private readonly redo = new Set<string>();
  private readonly dirty = new Set<string>();

  private storyFigures(story: string): StoryFigures {
    let figures = this.stories.get(story);
    if (!figures) this.stories.set(story, (figures = { paths: new Set(), organisationDocuments: new Map(), ubiquitous: new Set(), ubiquitousKey: '' }));
    return figures;
  }

  private leaveStory(entry: DocumentFigures, path: string): void {
    const figures = this.stories.get(entry.story);
    if (!figures) return;
    figures.paths.delete(path);
    for (const id of entry.organisations) {
      const count = (figures.organisationDocuments.get(id) ?? 0) - 1;
      if (count > 0) figures.organisationDocuments.set(id, count); else figures.organisationDocuments.delete(id);
    }
    this.leftStories.add(entry.story);
  }

  private withdraw(entry: DocumentFigures, path: string): void {
    for (const { bucket } of entry.candidates) this.buckets.get(bucket)?.candidatesByPath.delete(path);
  }

  /** Every bucket's groups, the user's joins applied, ids made unique (in the order a full grouping would meet them). */
  private finish(documents: readonly DocumentAnalysis[], corrections: Corrections['figures']): FigureGroup[] {
    const before = (a: Bucket, b: Bucket) => (a.first.path < b.first.path ? -1 : a.first.path > b.first.path ? 1 : a.first.position - b.first.position);
    let groups: FigureGroup[];
    if (corrections.join.length) {
      const clusters = [...this.buckets.values()].sort(before).flatMap((bucket) => bucket.clusters);
      groups = joinClusters(clusters, corrections.join, documents, this.contexts, this.sentences)
        .filter((cluster) => new Set(cluster.map((candidate) => candidate.member.path)).size >= 2).map(toGroup);
    } else {
      const ordered: Array<{ group: FigureGroup; bucket: Bucket; position: number }> = [];
      for (const bucket of this.buckets.values()) bucket.groups.forEach((group, position) => { if (group) ordered.push({ group, bucket, position }); });
      ordered.sort((a, b) => compareIds(a.group.id, b.group.id) || before(a.bucket, b.bucket) || a.position - b.position);
      // Already in id order: sorted once.
      groups = ordered.map(({ group }) => group);
    }
    if (corrections.join.length) groups.sort((a, b) => compareIds(a.id, b.id));
    const used = new Map<string, number>();
    return groups.map((group) => {
      const seen = used.get(group.id) ?? 0;
      used.set(group.id, seen + 1);
      return seen ? { ...group, id: `${group.id}-${seen + 1}` } : group;
    });
  }
}

/** Ids sorted as String.prototype.localeCompare sorts them, with one collator. */
const COLLATOR = new Intl.Collator();

function compareIds(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

function ubiquitousOf(figures: StoryFigures): Set<string> {
  const size = figures.paths.size;
  if (size < 3) return new Set();
  return new Set([...figures.organisationDocuments].filter(([, count]) => count >= size * UBIQUITOUS_SHARE).map(([id]) => id));
}

function referenceKey(reference: FigureReference): string {
  return `${reference.path}\u0000${reference.text}`;
}

/** The user's joins: the named figures leave their groups and form one group (with any group they were in). */
function joinClusters(clusters: Candidate[][], joins: FigureReference[][], documents: readonly DocumentAnalysis[], contexts: FigureContexts,
  sentenceCache: SentenceCache): Candidate[][] {
  let result = clusters;
  for (const join of joins) {
    const keys = new Set(join.map(referenceKey));
    const touched = result.filter((cluster) => cluster.some((candidate) => keys.has(referenceKey(candidate.member))));
    const merged = touched.flat();
    const present = new Set(merged.map((candidate) => referenceKey(candidate.member)));
    for (const reference of join) {
      if (present.has(referenceKey(reference))) continue;
      const document = documents.find((candidate) => candidate.path === reference.path);
      const figure = document?.figures.find((candidate) => candidate.text === reference.text);
      if (document && figure) {
        merged.push(candidateFor(document, figure, familyOf(figure) ?? { name: 'joined', generic: false },
          sentenceCache.of(document), new Set(), contexts));
      }
    }
    result = [...result.filter((cluster) => !touched.includes(cluster)), merged];
  }
  return result;
}

/** What a figure brings to grouping that depends on its document alone, computed once per analysis. */
interface FigureContext {
  member: FigureGroupMember; contextWords: Set<string>; measureWords: Set<string>; organisationMentions: EntityMention[]; outcome: string | null;
  /** The organisation whose figure it is (actorsOfFigure). */
  actorMentions: EntityMention[];
  /** Whose count it is ("Jamaal Charles had 226 yards on 22 carries"): surnames, read in the figure's own clause. */
  persons: Set<string>;
  /** A rate, a difference, an increment, a part, a condition, or ('') a total. */
  aspect: string;
  /** Places named in the figure's own sentence: where ("a quake in eastern China" is not the one on Qeshm). */
  placeMentions: EntityMention[];
  /** The sentence names a time far from the document's own date ("in February", "in 2003"): background, not this report. */
  background: boolean;
  /** The sorted context and measure words, joined, for signatures. */
  wordsKey: string;
}
/** Per document: each figure's context, and the surnames of the document's people (read once, not per figure); owned by one FigureGroupIndex. */
type FigureContexts = WeakMap<DocumentAnalysis, { byFigure: Map<Figure, FigureContext>; personSurnames: Set<string> }>;

function figureContext(document: DocumentAnalysis, figure: Figure, sentences: readonly Span[], contexts: FigureContexts): FigureContext {
  let cached = contexts.get(document);
  if (!cached) {
    cached = { byFigure: new Map(), personSurnames: new Set(document.entities.filter((entity) => entity.type === 'person').map((entity) => surname(entity.text))) };
    contexts.set(document, cached);
  }
  const { byFigure } = cached;
  let context = byFigure.get(figure);
  if (context) return context;
  const sentence = sentenceAt(sentences, figure.start) ?? figure;
  const before = contentWords(document.text.slice(sentence.start, figure.start)).slice(-CONTEXT_WINDOW);
  const after = contentWords(document.text.slice(figure.end, sentence.end)).slice(0, CONTEXT_WINDOW);
  const previous = sentences[sentenceIndexAt(sentences, figure.start) - 1];
  const sameParagraph = previous && !hasLineBreak(document.text.slice(previous.end, sentence.start));
  const scope = { start: sameParagraph ? previous.start : sentence.start, end: sentence.end };
  // Words that only restate the unit or its family ("people" for "person") say nothing more of the measure.
  const unitWords = new Set([...contentWords(figure.unit ?? ''), ...(UNIT_WORDS_OF_FAMILY.get(familyOf(figure)?.name ?? '') ?? [])]);
  context = {
    outcome: outcomeAround(document.text.slice(sentence.start, figure.start), document.text.slice(figure.end, sentence.end)),
    contextWords: new Set([...before, ...after]),
    // Short words count here: "IE users" and "PC users" differ by them.
    measureWords: new Set(contentWords(figure.measure ?? '', 2).filter((word) => !unitWords.has(word))),
    organisationMentions: document.entities.filter((entity) => entity.type === 'organization' && entity.start >= scope.start && entity.end <= scope.end),
    actorMentions: actorsOfFigure(document, figure, sentence),
    persons: personsOfFigure(document, figure, sentence, sentences, cached.personSurnames),
    aspect: aspectOf(document.text.slice(sentence.start, figure.start), figure, document.text.slice(figure.end, sentence.end)),
    placeMentions: document.entities.filter((entity) => entity.type === 'place' && entity.start >= sentence.start && entity.end <= sentence.end),
    background: namesAnotherTime(document, sentence),
    wordsKey: '',
    member: { path: document.path, start: figure.start, end: figure.end, text: figure.text, value: figure.value, low: figure.low,
      high: figure.high, qualifier: figure.qualifier, date: document.metadata.date.value, speaker: speakerOf(figure, document.quotes) },
  };
  context.wordsKey = [[...context.contextWords].sort().join(' '), [...context.measureWords].sort().join(' ')].join('\u0000');
  byFigure.set(figure, context);
  return context;
}

function candidateFor(document: DocumentAnalysis, figure: Figure, family: Family, sentences: readonly Span[],
  ubiquitous: ReadonlySet<string>, contexts: FigureContexts): Candidate {
  const context = figureContext(document, figure, sentences, contexts);
  // Ids are read now, not cached: linking may give a mention another id when other documents change.
  const organisations = new Set(context.organisationMentions.map((entity) => entity.id).filter((id) => !ubiquitous.has(id)));
  return { figure, family, organisations, actors: new Set(context.actorMentions.map((entity) => entity.id)), measureWords: context.measureWords, contextWords: context.contextWords, outcome: context.outcome,
    persons: context.persons, aspect: context.aspect, places: new Set(context.placeMentions.map((entity) => entity.id)),
    background: context.background, wordsKey: context.wordsKey, member: { ...context.member } };
}

/** Whether the sentence dates what it tells more than two months away from the document's own date. */
function namesAnotherTime(document: DocumentAnalysis, sentence: Span): boolean {
  const own = document.metadata.date.value;
  const inSentence = document.dates.filter((date) => date.start >= sentence.start && date.end <= sentence.end && date.type === 'date');
  // Undated, a sentence that opens on a month or a year ("In January, cables outside Alexandria were also damaged") tells background.
  if (!own) {
    return inSentence.some((date) => /^(?:\d{4}|XXXX)(?:-\d{2})?$/.test(date.value)
      && /^\W*(?:\w+\W+)?$/.test(document.text.slice(sentence.start, date.start))) || setsAnotherTime(document, sentence);
  }
  const ownDay = dayNumber(own);
  return inSentence.some((date) => /^\d{4}(-\d{2})?(-\d{2})?$/.test(date.value) && Math.abs(dayNumber(date.value) - ownDay) > BACKGROUND_DAYS)
    || setsAnotherTime(document, sentence);
}

/** "almost two years after Bam was destroyed", "three years ago": a duration of over two months that places what the sentence tells. */
function setsAnotherTime(document: DocumentAnalysis, sentence: Span): boolean {
  return document.dates.some((date) => date.type === 'duration' && date.start >= sentence.start && date.end <= sentence.end
    && durationDays(date.value) > BACKGROUND_DAYS
    && BACKGROUND_AFTER_DURATION.has((document.text.slice(date.end, sentence.end).toLowerCase().match(/[a-z]+/) ?? [''])[0]));
}

/** Days in an ISO duration ("P2Y", "P3M"); 0 when it cannot be read. */
function durationDays(value: string): number {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!match) return 0;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  return years * 365 + months * 30 + weeks * 7 + days;
}

/** Where the figure's clause starts and ends in its sentence (punctuation, or a conjunction that starts another clause). */
function clauseAround(text: string, sentence: Span, figure: Span): Span {
  const before = text.slice(sentence.start, figure.start);
  let start = sentence.start;
  for (const match of before.matchAll(new RegExp(CLAUSE_BREAK.source, 'gi'))) start = sentence.start + match.index! + match[0].length;
  const after = CLAUSE_BREAK.exec(text.slice(figure.end, sentence.end));
  return { start, end: after ? figure.end + after.index : sentence.end };
}

/** The surname a name is known by: "Doug McDermott" and "McDermott's" are "mcdermott". */
function surname(name: string): string {
  return (name.toLowerCase().replace(/['’]s?$/, '').match(/[\p{L}'’-]+/gu) ?? ['']).at(-1)!;
}

/**
 * Whose count a figure is: the people its own clause names ("Will Artino scored 14 points off the bench and
 * Gregory Echenique had 11": 14 is Artino's); else the person named last before it in its sentence ("said
 * VanDeest, who had 13 points"), or in its quote when it is quoted; else, outside quotes, when the clause speaks of "he" or "his", the person named in the sentence
 * after it or, failing that, last in the sentence before. A name the recogniser typed otherwise counts when it is
 * the surname of a person of the document ("Hansbrough" beside "Tyler Hansbrough").
 */
function personsOfFigure(document: DocumentAnalysis, figure: Figure, sentence: Span, sentences: readonly Span[],
  personSurnames: ReadonlySet<string>): Set<string> {
  const people = (from: number, to: number) => document.entities
    .filter((entity) => entity.start >= from && entity.end <= to && (entity.type === 'person' || personSurnames.has(surname(entity.text))));
  const keys = (mentions: EntityMention[]) => new Set(mentions.map((mention) => surname(mention.text)));
  const clause = clauseAround(document.text, sentence, figure);
  const inClause = people(clause.start, clause.end);
  if (inClause.length) return keys(inClause);
  // A figure someone is quoted saying is not the speaker's own count ("Weidley told Al Arabiya that '60 countries have joined'").
  const quote = document.quotes.find((candidate) => candidate.start <= figure.start && figure.end <= candidate.end);
  const scope = quote ? { start: Math.max(sentence.start, quote.start), end: Math.min(sentence.end, quote.end) } : sentence;
  const before = people(scope.start, figure.start);
  if (before.length) return keys(before.slice(-1));
  const clauseWords = document.text.slice(clause.start, clause.end).toLowerCase().match(/[a-z]+/g) ?? [];
  if (quote || !clauseWords.some((word) => PRONOUNS.has(word))) return new Set();
  const after = people(figure.end, sentence.end);
  if (after.length) return keys(after.slice(0, 1));
  // The person told of last in the few sentences before; one sentence a line is common in news text, so only a
  // blank line ends the paragraph here.
  const index = sentenceIndexAt(sentences, sentence.start);
  let next = sentence;
  for (let back = 1; back <= PRONOUN_REACH && index - back >= 0; back++) {
    const previous = sentences[index - back];
    if (/\n[^\S\n]*(?:\r?\n)/.test(document.text.slice(previous.end, next.start))) break;
    const named = people(previous.start, previous.end);
    if (named.length) return keys(named.slice(-1));
    next = previous;
  }
  return new Set();
}

/**
 * The organisation whose figure it is: the one named last before the figure (or inside it: "10,000 Coalition
 * airstrikes") in its sentence, or in its quote when it is quoted, unless a preposition puts it there as a target or
 * a place ("airstrikes against ISIL", "a deal with the Red Sox").
 */
function actorsOfFigure(document: DocumentAnalysis, figure: Figure, sentence: Span): EntityMention[] {
  const quote = document.quotes.find((candidate) => candidate.start <= figure.start && figure.end <= candidate.end);
  const from = quote ? Math.max(sentence.start, quote.start) : sentence.start;
  const last = document.entities.filter((entity) => entity.type === 'organization' && entity.start >= from && entity.end <= figure.end).at(-1);
  if (!last) return [];
  const before = (document.text.slice(from, last.start).toLowerCase().match(/[a-z]+/g) ?? []).slice(-2);
  return before.some((word) => ASPECTS.targetWords.includes(word)) ? [] : [last];
}

/** Whether the words end with the phrase. */
function endsWith(words: readonly string[], phrase: string): boolean {
  const wanted = phrase.split(' ');
  return wanted.length <= words.length && wanted.every((word, index) => words[words.length - wanted.length + index] === word);
}

/** Whether the words start with the phrase. */
function startsWith(words: readonly string[], phrase: string): boolean {
  const wanted = phrase.split(' ');
  return wanted.every((word, index) => words[index] === word);
}

/**
 * How a figure counts, from its own clause: a rate ("averaging 15.5 points", "15.9 points per game", or a count
 * with a fraction), a difference ("led by 18 points"), an increment ("two additional life sentences"), a part of a
 * sequence ("the first 24 points"), a condition ("needed nine points"); '' for a total.
 */
function aspectOf(before: string, figure: Figure, after: string): string {
  const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
  const preceding = words(before.split(CLAUSE_BREAK).at(-1) ?? '');
  const following = words(after.split(CLAUSE_BREAK)[0] ?? '');
  const written = words(figure.text);
  const aspects: string[] = [];
  // A rate that closes a list applies to each figure of it: "23 points and eight rebounds a game".
  const listed = /^\s*and\s+(?:\d[\d,.]*|[a-z]+)\s+[a-z]+\s+(.*)$/i.exec(after.split(/[,;:()"“”]/)[0] ?? '');
  const afterList = listed ? words(listed[1]) : [];
  if ((figure.kind === 'count' && !Number.isInteger(figure.value)) || ASPECTS.rateAfter.some((phrase) => startsWith(following, phrase) || startsWith(afterList, phrase))
    || preceding.slice(-3).some((word, index, list) => ASPECTS.rateBefore.some((phrase) => endsWith(list.slice(0, index + 1), phrase)))) aspects.push('rate');
  if (ASPECTS.differenceBefore.some((phrase) => endsWith(preceding, phrase)) || ASPECTS.differenceAfter.some((phrase) => startsWith(following, phrase))) {
    aspects.push('difference');
  }
  const inFigure = written.filter((word, index) => !(word === 'more' && written[index + 1] === 'than'));
  if (ASPECTS.incrementBefore.some((phrase) => endsWith(preceding, phrase)) || inFigure.some((word) => ASPECTS.incrementInFigure.includes(word))) {
    aspects.push('increment');
  }
  if (ASPECTS.partBefore.some((phrase) => endsWith(preceding, phrase))) aspects.push('part');
  if (preceding.some((word) => ASPECTS.conditionWords.includes(word))) aspects.push('condition');
  return aspects.join(' ');
}

function dayNumber(date: string): number {
  const [year, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 864e5;
}

/** The outcome word nearest the figure, in a few words before it or after it within its sentence. */
function outcomeAround(before: string, after: string): string | null {
  const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
  // Only the figure's own clause: "flattening seven villages and killing 10 people" does not kill villages.
  const clauseBefore = before.split(CLAUSE_BREAK).at(-1) ?? '';
  const clauseAfter = after.split(CLAUSE_BREAK)[0] ?? '';
  const preceding = words(clauseBefore).slice(-outcomeData.window.before);
  const following = words(clauseAfter).slice(0, outcomeData.window.after);
  const at = (list: string[], index: number) => OUTCOME_PHRASES.find(({ words: phrase }) => phrase.every((word, offset) => list[index + offset] === word))?.outcome;
  for (let distance = 0; distance < Math.max(preceding.length, following.length); distance++) {
    const next = distance < following.length ? at(following, distance) : undefined;
    if (next) return next;
    const previous = distance < preceding.length ? at(preceding, preceding.length - 1 - distance) : undefined;
    if (previous) return previous;
  }
  return null;
}

/**
 * Everything sameMeasure reads of a candidate: two candidates with one signature fit the same clusters
 * as far as sameMeasure goes (differentValuesLinked, which reads the value, is checked on its own).
 */
function signatureOf(candidate: Candidate): string {
  const ids = [candidate.organisations, candidate.actors, candidate.persons, candidate.places].map((set) => (set.size > 1 ? [...set].sort() : [...set]).join(' '));
  return [candidate.outcome ?? '', candidate.aspect, ...ids, candidate.family.generic ? candidate.wordsKey : ''].join('\u0000');
}

/**
 * Generic units need more than the unit: the measure phrases agree ("percent of the population" is not
 * "percent of the areas"), or, where a phrase says no more than the unit, a context word is shared.
 */
function sameMeasure(a: Candidate, b: Candidate): boolean {
  // What happened to what is counted: people killed are not people injured.
  if (a.outcome && b.outcome && a.outcome !== b.outcome) return false;
  // How it is counted: a player's average is not his points of one game, a margin is not a score.
  if (a.aspect !== b.aspect) return false;
  const shares = (x: Set<string>, y: Set<string>) => [...x].some((word) => y.has(word));
  if (a.family.generic) {
    // "people", "percent", "$": the same outcome, or measure phrases that share a word ("percent of the population").
    const sameOutcome = a.outcome !== null && a.outcome === b.outcome;
    const samePhrase = a.measureWords.size > 0 && b.measureWords.size > 0 && shares(a.measureWords, b.measureWords);
    if (!sameOutcome && !samePhrase) return false;
    if (!sameOutcome && !shares(a.contextWords, b.contextWords)) return false;
    // Each phrase names what the other does not: "percent of Australian PC users" is not "percent of IE users".
    const onlyIn = (x: Set<string>, y: Set<string>) => [...x].some((word) => !y.has(word));
    if (samePhrase && onlyIn(a.measureWords, b.measureWords) && onlyIn(b.measureWords, a.measureWords)) return false;
  }
  if (a.organisations.size && b.organisations.size && ![...a.organisations].some((id) => b.organisations.has(id))) return false;
  // Whose offer, whose count: the Nationals' $160 million is not the Red Sox's $200 million, though both teams are the story's subject.
  if (a.actors.size && b.actors.size && ![...a.actors].some((id) => b.actors.has(id))) return false;
  // Whose count: one player's carries are not another's.
  if (a.persons.size && b.persons.size && ![...a.persons].some((id) => b.persons.has(id))) return false;
  if (a.places.size && b.places.size && ![...a.places].some((id) => b.places.has(id))) return false;
  return true;
}

/**
 * Different values read as one measure only when the same outcome (with a word of context in common) or
 * the words of the measure phrase say so ("three boats intercepted" and "five pirate boats tried to attack" are two counts; one player's 22
 * carries and another's 6 are too). A cluster needs
 * this evidence from one of its members, not all: a count told three ways links through the middle one.
 */
function differentValuesLinked(a: Candidate, b: Candidate): boolean {
  const sharedContext = [...a.contextWords].some((word) => b.contextWords.has(word));
  const sharedPhrase = a.measureWords.size > 0 && [...a.measureWords].some((word) => b.measureWords.has(word));
  const sameOutcome = a.outcome !== null && a.outcome === b.outcome;
  if (valuesAgree(a.member, b.member)) return true;
  // A different value is a person's count only when it names the person: "the guy they call Big Swag scored 7 points"
  // is no report of Echenique's 11.
  if ((a.persons.size > 0) !== (b.persons.size > 0)) return false;
  // Nor is it a count of what happened ("rescued two merchant vessels") when it says nothing happened ("attacked as many as 100").
  if ((a.outcome === null) !== (b.outcome === null)) return false;
  return (sameOutcome && sharedContext) || sharedPhrase;
}

function contentWords(text: string, shortest = 3): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((word) => !STOPWORDS.has(word) && word.length >= shortest).map(stem);
}

function stem(word: string): string {
  return word.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '') || word;
}

function toGroup(cluster: Candidate[]): FigureGroup {
  const members = cluster.map((candidate) => candidate.member)
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.path.localeCompare(b.path) || a.start - b.start);
  const measure = withOutcome(groupMeasure(cluster), cluster);
  const { verdict, reason } = judge(members);
  return { id: measure.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || cluster[0].family.name,
    measure, unit: cluster[0].figure.unit, members, verdict, reason };
}

/** "People" + killed: the label says what happened to what is counted, when the members say it. */
function withOutcome(measure: string, cluster: readonly Candidate[]): string {
  const outcomes = new Set(cluster.map((candidate) => candidate.outcome).filter((outcome) => outcome !== null));
  const [outcome] = outcomes;
  if (outcomes.size !== 1 || measure.toLowerCase().includes(outcome!)) return measure;
  return `${measure} ${outcome}`;
}

/** The members' measure phrase that shares most words with the others; the shorter on a tie. */
function groupMeasure(cluster: readonly Candidate[]): string {
  const phrases = [...new Set(cluster.map((candidate) => candidate.figure.measure ?? candidate.figure.unit ?? candidate.family.name))];
  const words = phrases.map((phrase) => new Set(contentWords(phrase)));
  const phrasesWith = new Map<string, number>();
  for (const set of words) for (const word of set) phrasesWith.set(word, (phrasesWith.get(word) ?? 0) + 1);
  let best = phrases[0];
  let bestScore = -1;
  phrases.forEach((phrase, index) => {
    const score = [...words[index]].reduce((sum, word) => sum + phrasesWith.get(word)! - 1, 0);
    if (score > bestScore || (score === bestScore && phrase.length < best.length)) { best = phrase; bestScore = score; }
  });
  return best.charAt(0).toUpperCase() + best.slice(1);
}

function speakerOf(figure: Figure, quotes: readonly Quote[]): string | null {
  const quote = quotes.find((candidate) => candidate.start <= figure.start && figure.end <= candidate.end);
  return quote?.speaker?.name ?? null;
}

/**
 * Two reports agree when their values are within 10%. Qualifiers are read as how the value was rounded,
 * not as bounds: "more than 3,700" and "10,000" are different counts, though 10,000 is more than 3,700.
 */
function valuesAgree(a: FigureGroupMember, b: FigureGroupMember): boolean {
  // Small counts are exact: 10 and 11 rebounds are two counts, not one rounded two ways.
  if (Math.max(Math.abs(a.value), Math.abs(b.value)) < SMALL_COUNT) return a.value === b.value;
  return Math.abs(a.value - b.value) <= SAME_VALUE_TOLERANCE * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/**
 * Two values of one document for one measure: an exact value ("2,117 points", "2,129 points") is written as it was
 * counted, so only the same value is the same report; rounded ones ("about 3,700") agree within 10%.
 */
function sameWrittenValue(value: number, member: FigureGroupMember): boolean {
  const exact = member.qualifier === 'exact' && Math.abs(value) >= SMALL_COUNT && Math.abs(member.value) % 100 !== 0 && Math.abs(value) % 100 !== 0;
  return exact ? value === member.value : valuesAgree({ ...member, value }, member);
}

/** Every pair of members from different documents whose values disagree. */
function disagreements(members: readonly FigureGroupMember[]): Array<[FigureGroupMember, FigureGroupMember]> {
  // Two members of different documents per value and date are enough to find every kind of differing pair;
  // a story copied by a thousand sites gives a thousand members and a handful of values.
  const representatives = new Map<string, FigureGroupMember[]>();
  for (const member of members) {
    const key = `${member.value}\u0000${member.date ?? ''}`;
    const list = representatives.get(key) ?? [];
    if (list.length < 2 && !list.some((other) => other.path === member.path)) list.push(member);
    representatives.set(key, list);
  }
  const sample = [...representatives.values()].flat();
  const pairs: Array<[FigureGroupMember, FigureGroupMember]> = [];
  for (let i = 0; i < sample.length; i++) {
    for (let j = i + 1; j < sample.length; j++) {
      if (sample[i].path !== sample[j].path && !valuesAgree(sample[i], sample[j])) pairs.push([sample[i], sample[j]]);
    }
  }
  return pairs;
}

/**
 * Verdicts say what is known: values that agree are consistent; values that differ for one date conflict;
 * values that differ on different dates changed over time; when a report that differs has no date, nobody
 * can tell which it is.
 */
function judge(members: readonly FigureGroupMember[]): { verdict: FigureVerdict; reason: string } {
  const pairs = disagreements(members);
  if (!pairs.length) return { verdict: 'consistent', reason: 'Every source gives a compatible value.' };
  const sameDate = pairs.find(([a, b]) => a.date && a.date === b.date);
  if (sameDate) {
    const [a, b] = sameDate;
    return { verdict: 'conflict', reason: `“${a.text}” (${fileName(a.path)}) and “${b.text}” (${fileName(b.path)}) are reported for the same date (${a.date}).` };
  }
  const undated = pairs.find(([a, b]) => !a.date || !b.date);
  if (undated) {
    const [a, b] = undated;
    const missing = members.filter((member) => !member.date).length;
    return { verdict: 'cannot-tell',
      reason: `“${a.text}” (${fileName(a.path)}${a.date ? `, ${a.date}` : ', no date'}) and “${b.text}” (${fileName(b.path)}${b.date ? `, ${b.date}` : ', no date'}) differ, and ${missing} of ${members.length} reports give no date: it cannot be told whether the count changed over time or the sources disagree.` };
  }
  // Every differing pair is dated here; members without a date agree with some dated one.
  const ordered = members.filter((member) => member.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const first = ordered[0], last = ordered.at(-1)!;
  return { verdict: 'changed-over-time', reason: `From “${first.text}” (${first.date}) to “${last.text}” (${last.date}): the count changed over time.` };
}

function fileName(path: string): string {
  return path.split('/').at(-1)!;
}
