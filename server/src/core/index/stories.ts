import type { DocumentAnalysis, DocumentDate } from '../types';
import type { Corrections } from '../corrections';
import { SimilarityModel, WordFeatureCache, namedFeatures, ownDate } from './story-similarity';
import { averageLinkageSteps, spectralBisection } from './story-clustering';

/** One event or development reported by several sources: documents that share entities, dates and wording. */
export interface Story {
  id: string;
  title: string;
  /** Document paths, in path order. */
  documents: string[];
  /** The first and last date its dated documents give themselves, or null when none is dated. */
  dateSpan: { start: string; end: string } | null;
  /** Where most of its dated documents fall (the middle half of their dates), for the timeline's first view. */
  densePeriod: { start: string; end: string } | null;
  datedDocuments: number;
}

export interface StoryView {
  stories: Story[];
  storyOf: Map<string, Story>;
  /** For documents that state no date: an approximate date from their story's dated documents. */
  approximateDates: Map<string, DocumentDate & { approximate: true }>;
}

/** Paths sorted as String.prototype.localeCompare sorts them, with one collator. */
const COLLATOR = new Intl.Collator();

/** Mean similarity above which clusters of documents merge (tuned on the odd ECB+ topics). */
const MERGE_THRESHOLD = 0.17;
/** A cluster this large or larger is checked for two stories inside it. */
const SPLIT_MIN_DOCUMENTS = 6;
/** A seam this clean (normalised cut) may separate two stories... */
const SPLIT_MAX_CUT = 0.8;
/** ...when each side has entities in half its documents or more that the other side almost never names. */
const CORE_SHARE = 0.5;
const ABSENT_SHARE = 0.05;
/**
 * A cluster with dated documents may also hold undated ones that never name the dated ones' years: when
 * there are this many of them, and they are this much more alike among themselves (and the dated ones among
 * themselves) than across, they report another event of the same kind.
 */
const FOREIGN_MIN_DOCUMENTS = 3;
const FOREIGN_MIN_DATED = 2;
const FOREIGN_COHESION = 1.15;
/** A change of this many documents (edited, added or removed), or of this share of the folder, re-places only them. */
const INCREMENTAL_MAX_CHANGED = 3;
const INCREMENTAL_SHARE = 0.02;
/** Once this share of the folder has changed since the last full grouping, its weights have drifted: group afresh. */
const DRIFT_SHARE = 0.2;
/** Below this many documents the folder is read as a small workspace: documents that share names stay together. */
const SMALL_WORKSPACE = 12;
/** How many pairs a full grouping renumbers between two steps. */
const PAIRS_PER_STEP = 20000;
const SMALL_WORKSPACE_SHARED_NAMES = 2;
const SMALL_WORKSPACE_SIMILARITY = 0.1;
/** Story-wide comparisons (the most central headline, how an undated document reads) look at this many members at most. */
const SAMPLE_SIZE = 60;
/** A story named by a document's opening words gets this many characters of them. */
const TITLE_LENGTH = 80;
/** The story's dated documents give an approximate date only when their middle half lies within this many days. */
const APPROXIMATE_DATE_MAX_SPREAD_DAYS = 62;

/**
 * Groups documents into stories. Word features are kept per analysis. After a change of a few documents (edited,
 * added or removed: up to INCREMENTAL_MAX_CHANGED, or INCREMENTAL_SHARE of the folder) only their rows of similarity
 * are computed again and only they are re-placed, each joining the story it is most like; the feature weights stay
 * those of the last full grouping. The folder is grouped afresh when more changed at once, when the documents
 * changed since the last full grouping pass DRIFT_SHARE of the folder, or when the model has no free slot left.
 * Stories whose documents did not change keep their title, dates and approximate dates from the grouping before.
 */
export class StoryIndex {
  private readonly words = new WordFeatureCache();
  /** The last grouping: the model, each slot's document, and the clusters of slots. */
  private last: {
    model: SimilarityModel; documents: Array<DocumentAnalysis | undefined>; slotOf: Map<string, number>; free: number[];
    clusters: number[][]; drift: Set<string>;
  } | null = null;
  /** Stories by their slots, from the last grouping, with their documents' approximate dates. */
  private storyCache = new Map<string, { story: Story; approximate: StoryView['approximateDates'] }>();
  private lastCorrections: Corrections['stories'] | null = null;
  /**
   * Slots changed by an update whose grouping was dropped before its stories were made (null: it grouped afresh);
   * undefined when none is pending.
   */
  private pendingSlots: Set<number> | null | undefined = undefined;

  group(documents: readonly DocumentAnalysis[], corrections: Corrections['stories'] = { move: [], split: [] }): StoryView {
    const steps = this.groupSteps(documents, corrections);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * group() in steps: yields between stories, where the caller may let other work run or drop the rest. A grouping
   * dropped part way leaves its changed slots pending, so the next one makes their stories afresh.
   */
  *groupSteps(documents: readonly DocumentAnalysis[], corrections: Corrections['stories'] = { move: [], split: [] }): Generator<void, StoryView, void> {
    const ordered = this.inPathOrder(documents);
    this.words.forgetIfLarge(ordered.length);
    const featuresOf = (document: DocumentAnalysis) => this.words.withNamed(document, ordered.length, namedFeatures(document));
    const updated = yield* this.update(ordered, featuresOf);
    const pending = this.pendingSlots;
    const changedSlots = pending === null || updated === null ? null : pending === undefined ? updated : new Set([...pending, ...updated]);
    this.pendingSlots = changedSlots;
    const { model, documents: bySlot, slotOf } = this.last!;
    const stride = model.stride;
    const similarity = model.similarity;
    if (corrections !== this.lastCorrections) { this.lastCorrections = corrections; this.storyCache = new Map(); }
    const clusters = applyCorrections(this.last!.clusters, slotOf, corrections);
    const cache = new Map<string, { story: Story; approximate: StoryView['approximateDates'] }>();
    const storyOf = new Map<string, Story>();
    const keyOfStory = new Map<Story, string>();
    const stories: Story[] = [];
    const fresh: Story[] = [];
    for (const cluster of clusters) {
      yield;
      const key = cluster.join(',');
      const kept = changedSlots && !cluster.some((slot) => changedSlots.has(slot)) ? this.storyCache.get(key) : undefined;
      const story = kept?.story ?? toStory(cluster.map((slot) => bySlot[slot]!), cluster, stride, similarity);
      if (kept) cache.set(key, kept); else fresh.push(story);
      stories.push(story);
      keyOfStory.set(story, key);
      for (const path of story.documents) storyOf.set(path, story);
      if (!kept) cache.set(key, { story, approximate: new Map() });
    }
    stories.sort((a, b) => COLLATOR.compare(a.documents[0], b.documents[0]));
    const readsLikeDated = (document: DocumentAnalysis) => readsLikeItsDatedDocuments(slotOf.get(document.path)!, bySlot, slotOf, storyOf, stride, similarity);
    const freshStories = new Set(fresh);
    for (const entry of cache.values()) {
      if (!freshStories.has(entry.story)) continue;
      yield;
      entry.approximate = approximateDates(entry.story.documents.map((path) => bySlot[slotOf.get(path)!]!), storyOf, readsLikeDated);
    }
    this.storyCache = cache;
    this.pendingSlots = undefined;
    const approximate: StoryView['approximateDates'] = new Map();
    for (const document of ordered) {
      const story = storyOf.get(document.path);
      const date = story && cache.get(keyOfStory.get(story)!)?.approximate.get(document.path);
      if (date) approximate.set(document.path, date);
    }
    return { stories, storyOf, approximateDates: approximate };
  }

  /** The documents in path order (as the locale sorts them); the order of the last call is reused while the paths are the same. */
  private inPathOrder(documents: readonly DocumentAnalysis[]): DocumentAnalysis[] {
    const last = this.lastOrder;
    if (last && last.paths.length === documents.length && documents.every((document, index) => document.path === last.paths[index])) {
      return last.permutation.map((index) => documents[index]);
    }
    const permutation = documents.map((_, index) => index).sort((a, b) => COLLATOR.compare(documents[a].path, documents[b].path));
    this.lastOrder = { paths: documents.map((document) => document.path), permutation };
    return permutation.map((index) => documents[index]);
  }

  private lastOrder: { paths: string[]; permutation: number[] } | null = null;

  /**
   * Brings the grouping to `ordered` (documents in path order): re-places the documents that changed, or groups
   * afresh. The slots whose document changed, or null after a full grouping.
   */
  private *update(ordered: readonly DocumentAnalysis[], featuresOf: (document: DocumentAnalysis) => Map<string, number>): Generator<void, Set<number> | null, void> {
    const n = ordered.length;
    const last = this.last;
    if (last && n >= SMALL_WORKSPACE) {
      const present = new Set(ordered.map((document) => document.path));
      const removed = [...last.slotOf.keys()].filter((path) => !present.has(path));
      const changed = ordered.filter((document) => { const slot = last.slotOf.get(document.path); return slot === undefined || last.documents[slot] !== document; });
      const added = changed.filter((document) => !last.slotOf.has(document.path)).length;
      const count = removed.length + changed.length;
      const drift = new Set([...last.drift, ...removed, ...changed.map((document) => document.path)]);
      const room = last.free.length + removed.length + (last.model.stride - last.documents.length);
      if (count <= Math.max(INCREMENTAL_MAX_CHANGED, INCREMENTAL_SHARE * n) && drift.size <= Math.max(INCREMENTAL_MAX_CHANGED, DRIFT_SHARE * n) && added <= room) {
        const changedSlots = new Set<number>();
        let clusters = last.clusters;
        for (const path of removed) {
          const slot = last.slotOf.get(path)!;
          last.model.remove(slot);
          last.slotOf.delete(path);
          last.documents[slot] = undefined;
          last.free.push(slot);
          clusters = clusters.map((cluster) => (cluster.includes(slot) ? cluster.filter((member) => member !== slot) : cluster)).filter((cluster) => cluster.length);
          changedSlots.add(slot);
        }
        for (const document of changed) {
          let slot = last.slotOf.get(document.path);
          if (slot === undefined) {
            slot = last.free.pop() ?? last.documents.length;
            last.slotOf.set(document.path, slot);
          }
          last.documents[slot] = document;
          last.model.replace(slot, featuresOf(document), ownDate(document));
          clusters = replaced(clusters, slot, last.model.stride, last.model.similarity);
          changedSlots.add(slot);
        }
        last.clusters = clusters;
        last.drift = drift;
        return changedSlots;
      }
    }
    // Room for the documents a folder gains before it is grouped afresh.
    const stride = n + Math.max(INCREMENTAL_MAX_CHANGED, Math.ceil(DRIFT_SHARE * n));
    // A small workspace reads every pair; a larger one only those its clustering can merge.
    // In steps, with nothing kept until the end: a grouping dropped part way leaves the last one as it was.
    const model = yield* SimilarityModel.inSteps((index) => featuresOf(ordered[index]), ordered.map(ownDate), stride, n < SMALL_WORKSPACE ? undefined : MERGE_THRESHOLD);
    yield;
    let compact = model.similarity;
    if (stride !== n) {
      compact = new Map();
      for (const [key, value] of model.similarity) {
        if (compact.size % PAIRS_PER_STEP === PAIRS_PER_STEP - 1) yield;
        compact.set(Math.floor(key / stride) * n + (key % stride), value);
      }
    }
    let clusters: number[][];
    if (n < SMALL_WORKSPACE) clusters = smallWorkspaceClusters(ordered, compact);
    else {
      clusters = [];
      for (const cluster of yield* averageLinkageSteps(n, compact, MERGE_THRESHOLD)) {
        if (cluster.length > 1) yield;
        clusters.push(...splitTwoStories(cluster, stride, model.similarity, ordered));
      }
    }
    this.last = { model, documents: [...ordered], slotOf: new Map(ordered.map((document, slot) => [document.path, slot])), free: [], clusters, drift: new Set() };
    return null;
  }
}

/** Document `index` leaves its cluster and joins the cluster it is most like on average, or stands alone. */
function replaced(clusters: number[][], index: number, n: number, similarity: ReadonlyMap<number, number>): number[][] {
  const rest = clusters.map((cluster) => cluster.filter((member) => member !== index)).filter((cluster) => cluster.length);
  let best = -1, bestMean = MERGE_THRESHOLD;
  rest.forEach((cluster, position) => {
    const mean = cluster.reduce((sum, member) => sum + (similarity.get(Math.min(index, member) * n + Math.max(index, member)) ?? 0), 0) / cluster.length;
    if (mean > bestMean) { best = position; bestMean = mean; }
  });
  if (best >= 0) rest[best] = [...rest[best], index].sort((a, b) => a - b);
  else rest.push([index]);
  return rest;
}

/** Few documents give too few to weigh words by: documents naming two of the same entities, or alike in wording, join. */
function smallWorkspaceClusters(documents: readonly DocumentAnalysis[], similarity: ReadonlyMap<number, number>): number[][] {
  const n = documents.length;
  const parent = documents.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index])));
  const names = documents.map((document) => new Set(document.entities.filter((entity) => entity.type !== 'other').map((entity) => entity.id)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const shared = [...names[i]].filter((id) => names[j].has(id)).length;
      if (shared >= SMALL_WORKSPACE_SHARED_NAMES || (similarity.get(i * n + j) ?? 0) >= SMALL_WORKSPACE_SIMILARITY) parent[root(j)] = root(i);
    }
  }
  const clusters = new Map<number, number[]>();
  documents.forEach((_, index) => clusters.set(root(index), [...(clusters.get(root(index)) ?? []), index]));
  return [...clusters.values()];
}

/**
 * Two similar events (two earthquakes on one island, two rehab stays) can read as one cluster. A cluster
 * is cut in two along its cleanest seam when each side has its own core of names the other side lacks.
 */
function splitTwoStories(cluster: number[], n: number, similarity: ReadonlyMap<number, number>, documents: readonly DocumentAnalysis[]): number[][] {
  if (cluster.length < SPLIT_MIN_DOCUMENTS) return [cluster];
  const foreign = undatedOtherEvent(cluster, n, similarity, documents);
  if (foreign) {
    const rest = cluster.filter((index) => !foreign.includes(index));
    return [...splitTwoStories(rest, n, similarity, documents), ...splitTwoStories(foreign, n, similarity, documents)];
  }
  const bisection = spectralBisection(cluster, n, similarity);
  if (!bisection || bisection.normalisedCut > SPLIT_MAX_CUT) return [cluster];
  const [first, second] = bisection.halves;
  const firstNames = nameCounts(first, documents), secondNames = nameCounts(second, documents);
  const ownCore = (half: number[], names: Map<string, number>, other: number[], otherNames: Map<string, number>) =>
    [...names].some(([id, count]) => count >= CORE_SHARE * half.length && (otherNames.get(id) ?? 0) <= ABSENT_SHARE * other.length);
  if (!ownCore(first, firstNames, second, secondNames) || !ownCore(second, secondNames, first, firstNames)) return [cluster];
  return [...splitTwoStories(first, n, similarity, documents), ...splitTwoStories(second, n, similarity, documents)];
}

/** The undated documents of a cluster that read as another event than its dated ones, if they are enough to tell. */
function undatedOtherEvent(cluster: readonly number[], n: number, similarity: ReadonlyMap<number, number>, documents: readonly DocumentAnalysis[]): number[] | null {
  const dated = cluster.filter((index) => ownDate(documents[index]));
  if (dated.length < FOREIGN_MIN_DATED) return null;
  const years = new Set(dated.map((index) => ownDate(documents[index])!.slice(0, 4)));
  const foreign = cluster.filter((index) => !ownDate(documents[index]) && !documents[index].dates.some((date) => years.has(date.value.slice(0, 4))));
  if (foreign.length < FOREIGN_MIN_DOCUMENTS) return null;
  const pair = (a: number, b: number) => similarity.get(Math.min(a, b) * n + Math.max(a, b)) ?? 0;
  const meanWithin = (group: readonly number[]) => {
    let sum = 0, count = 0;
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) { sum += pair(group[i], group[j]); count++; }
    return count ? sum / count : 0;
  };
  let across = 0;
  for (const a of foreign) for (const b of dated) across += pair(a, b);
  across /= foreign.length * dated.length;
  const cohesive = (group: readonly number[]) => meanWithin(group) >= FOREIGN_COHESION * across;
  return across > 0 && cohesive(foreign) && cohesive(dated) ? foreign : null;
}

/** In how many of the documents each linked entity is named. */
function nameCounts(cluster: readonly number[], documents: readonly DocumentAnalysis[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const index of cluster) {
    for (const id of new Set(documents[index].entities.filter((entity) => entity.type !== 'other').map((entity) => entity.id))) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** The user's word wins: a moved document joins the story of the document named; a split set becomes a story of its own. */
function applyCorrections(clusters: number[][], indexOf: ReadonlyMap<string, number>, corrections: Corrections['stories']): number[][] {
  if (!corrections.move.length && !corrections.split.length) return clusters;
  const clusterOf = new Map<number, number>();
  clusters.forEach((cluster, id) => cluster.forEach((index) => clusterOf.set(index, id)));
  let nextId = clusters.length;
  for (const set of corrections.split) {
    const id = nextId++;
    for (const path of set) { const index = indexOf.get(path); if (index !== undefined) clusterOf.set(index, id); }
  }
  for (const { path, to } of corrections.move) {
    const index = indexOf.get(path), target = indexOf.get(to);
    if (index !== undefined && target !== undefined) clusterOf.set(index, clusterOf.get(target)!);
  }
  const result = new Map<number, number[]>();
  for (const [index, id] of [...clusterOf].sort((a, b) => a[0] - b[0])) result.set(id, [...(result.get(id) ?? []), index]);
  return [...result.values()];
}

function toStory(documents: DocumentAnalysis[], cluster: readonly number[], n: number, similarity: ReadonlyMap<number, number>): Story {
  const paths = documents.map((document) => document.path).sort();
  const dates = documents.map(ownDate).filter((date): date is string => date !== null).sort();
  return {
    id: `story-${slug(paths[0])}`,
    title: storyTitle(documents, cluster, n, similarity),
    documents: paths,
    dateSpan: dates.length ? { start: dates[0], end: dates.at(-1)! } : null,
    datedDocuments: dates.length,
    densePeriod: dates.length ? { start: dates[Math.floor((dates.length - 1) / 4)], end: dates[Math.ceil((3 * (dates.length - 1)) / 4)] } : null,
  };
}

/** The headline of the document most like the others of its story; without headlines, that document's opening words. */
function storyTitle(documents: DocumentAnalysis[], cluster: readonly number[], n: number, similarity: ReadonlyMap<number, number>): string {
  // Centrality against a bounded sample of the story: a story of a thousand copies needs no million comparisons.
  const sample = cluster.slice(0, SAMPLE_SIZE);
  const centrality = (index: number) => sample.reduce((sum, other) => (other === index ? sum : sum + (similarity.get(Math.min(index, other) * n + Math.max(index, other)) ?? 0)), 0);
  const ranked = cluster.slice(0, SAMPLE_SIZE).map((index, position) => ({ position, score: centrality(index) })).sort((a, b) => b.score - a.score);
  const titled = ranked.find(({ position }) => documents[position].metadata.title);
  if (titled) return documents[titled.position].metadata.title!;
  const central = documents[ranked[0].position];
  const opening = central.text.slice(central.metadata.bodyStart).trim().split('\n')[0].trim();
  if (opening.length <= TITLE_LENGTH) return opening || central.path.split('/').at(-1)!;
  const cut = opening.lastIndexOf(' ', TITLE_LENGTH);
  return `${opening.slice(0, cut > 0 ? cut : TITLE_LENGTH).trimEnd()}…`;
}

function slug(path: string): string {
  return path.split('/').at(-1)!.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document';
}

/**
 * Undated documents of a story whose dated documents agree on a period: the middle of that period, to the
 * month, marked approximate. A month and day stated without a year takes the year that puts it nearest.
 */
function approximateDates(documents: readonly DocumentAnalysis[], storyOf: ReadonlyMap<string, Story>,
  readsLikeDated: (document: DocumentAnalysis) => boolean): StoryView['approximateDates'] {
  const result: StoryView['approximateDates'] = new Map();
  for (const document of documents) {
    if (ownDate(document)) continue;
    const story = storyOf.get(document.path);
    if (!story?.densePeriod) continue;
    const { start, end } = story.densePeriod;
    const middle = (dayNumber(start) + dayNumber(end)) / 2;
    const monthDay = document.metadata.date.monthDay;
    if (monthDay) {
      const year = Number(start.slice(0, 4));
      const value = [year - 1, year, year + 1].map((candidate) => `${candidate}-${monthDay}`)
        .sort((a, b) => Math.abs(dayNumber(a) - middle) - Math.abs(dayNumber(b) - middle))[0];
      if (Math.abs(dayNumber(value) - middle) <= APPROXIMATE_DATE_MAX_SPREAD_DAYS) {
        result.set(document.path, { value, source: 'inferred', approximate: true, span: document.metadata.date.span });
      }
      continue;
    }
    if (story.datedDocuments < 2 || dayNumber(end) - dayNumber(start) > APPROXIMATE_DATE_MAX_SPREAD_DAYS || !readsLikeDated(document)) continue;
    const month = new Date(middle * 864e5).toISOString().slice(0, 7);
    result.set(document.path, { value: month, source: 'inferred', approximate: true });
  }
  return result;
}

/**
 * An undated document takes its story's period only when it reads more like the story's dated documents
 * than like its other undated ones (on average, and its nearest neighbour): otherwise it may be a second,
 * similar event grouped in by mistake.
 */
function readsLikeItsDatedDocuments(index: number, documents: ReadonlyArray<DocumentAnalysis | undefined>, indexOf: ReadonlyMap<string, number>, storyOf: ReadonlyMap<string, Story>,
  n: number, similarity: ReadonlyMap<number, number>): boolean {
  const story = storyOf.get(documents[index]!.path);
  if (!story) return false;
  const dated: number[] = [], undated: number[] = [];
  for (const path of story.documents) {
    const other = indexOf.get(path)!;
    if (other === index) continue;
    const list = ownDate(documents[other]!) ? dated : undated;
    if (list.length < SAMPLE_SIZE) list.push(other);
  }
  const mean = (others: number[]) => others.reduce((sum, other) => sum + (similarity.get(Math.min(index, other) * n + Math.max(index, other)) ?? 0), 0) / (others.length || 1);
  const nearest = (others: number[]) => Math.max(0, ...others.map((other) => similarity.get(Math.min(index, other) * n + Math.max(index, other)) ?? 0));
  return dated.length > 0 && (!undated.length || (mean(dated) >= mean(undated) && nearest(dated) >= nearest(undated)));
}

/** Days since 1970 of an ISO date (a month or a year counts from its first day). */
function dayNumber(date: string): number {
  const [year, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 864e5;
}
