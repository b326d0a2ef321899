import type { DocumentAnalysis, DocumentDate } from '../types';
import type { Corrections } from '../corrections';
import { SimilarityModel, WordFeatureCache, namedFeatures, ownDate } from './story-similarity';
import { averageLinkage, spectralBisection } from './story-clustering';

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
/** An edit of this many documents or fewer re-places only them; more, or a document added or removed, groups afresh. */
const INCREMENTAL_MAX_CHANGED = 3;
/** After this many edits the weights have drifted from the folder: the next change groups afresh. */
const INCREMENTAL_MAX_UPDATES = 1000;
/** Below this many documents the folder is read as a small workspace: documents that share names stay together. */
const SMALL_WORKSPACE = 12;
const SMALL_WORKSPACE_SHARED_NAMES = 2;
const SMALL_WORKSPACE_SIMILARITY = 0.1;
/** Story-wide comparisons (the most central headline, how an undated document reads) look at this many members at most. */
const SAMPLE_SIZE = 60;
/** A story named by a document's opening words gets this many characters of them. */
const TITLE_LENGTH = 80;
/** The story's dated documents give an approximate date only when their middle half lies within this many days. */
const APPROXIMATE_DATE_MAX_SPREAD_DAYS = 62;

/**
 * Groups documents into stories. Word features are kept per analysis; after an edit of a few documents
 * only their rows of similarity are computed again and only they are re-placed (the incremental update
 * keeps the feature weights of the last full grouping). Adding or removing a document groups afresh.
 */
export class StoryIndex {
  private readonly words = new WordFeatureCache();
  /** The last grouping, kept so that an edit of a few documents re-places only them. */
  private last: { ordered: DocumentAnalysis[]; model: SimilarityModel; clusters: number[][]; updates: number } | null = null;

  group(documents: readonly DocumentAnalysis[], corrections: Corrections['stories'] = { move: [], split: [] }): StoryView {
    const ordered = [...documents].sort((a, b) => a.path.localeCompare(b.path));
    const n = ordered.length;
    const featuresOf = (document: DocumentAnalysis) => {
      const merged = new Map(this.words.get(document));
      for (const [feature, count] of namedFeatures(document)) merged.set(feature, count);
      return merged;
    };
    const last = this.last;
    const changed = last && last.ordered.length === n && last.ordered.every((document, index) => document.path === ordered[index].path)
      ? ordered.flatMap((document, index) => (document === last.ordered[index] ? [] : [index])) : null;
    let model: SimilarityModel;
    let grouped: number[][];
    if (last && changed && n >= SMALL_WORKSPACE && changed.length <= INCREMENTAL_MAX_CHANGED && last.updates < INCREMENTAL_MAX_UPDATES) {
      model = last.model;
      grouped = last.clusters.map((cluster) => [...cluster]);
      for (const index of changed) {
        model.replace(index, featuresOf(ordered[index]), ownDate(ordered[index]));
        grouped = replaced(grouped, index, n, model.similarity);
      }
      this.last = { ordered, model, clusters: grouped, updates: last.updates + (changed.length ? 1 : 0) };
    } else {
      model = new SimilarityModel(ordered.map(featuresOf), ordered.map(ownDate));
      grouped = n < SMALL_WORKSPACE ? smallWorkspaceClusters(ordered, model.similarity) : averageLinkage(n, model.similarity, MERGE_THRESHOLD)
        .flatMap((cluster) => splitTwoStories(cluster, n, model.similarity, ordered));
      this.last = { ordered, model, clusters: grouped, updates: 0 };
    }
    const similarity = model.similarity;
    const clusters = applyCorrections(grouped, ordered, corrections);
    const stories = clusters.map((cluster) => toStory(cluster.map((index) => ordered[index]), cluster, n, similarity))
      .sort((a, b) => a.documents[0].localeCompare(b.documents[0]));
    const storyOf = new Map<string, Story>();
    for (const story of stories) for (const path of story.documents) storyOf.set(path, story);
    const indexOf = new Map(ordered.map((document, index) => [document.path, index]));
    const readsLikeDated = (document: DocumentAnalysis) => readsLikeItsDatedDocuments(indexOf.get(document.path)!, ordered, indexOf, storyOf, n, similarity);
    return { stories, storyOf, approximateDates: approximateDates(ordered, storyOf, readsLikeDated) };
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
function applyCorrections(clusters: number[][], documents: readonly DocumentAnalysis[], corrections: Corrections['stories']): number[][] {
  if (!corrections.move.length && !corrections.split.length) return clusters;
  const indexOf = new Map(documents.map((document, index) => [document.path, index]));
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
function readsLikeItsDatedDocuments(index: number, documents: readonly DocumentAnalysis[], indexOf: ReadonlyMap<string, number>, storyOf: ReadonlyMap<string, Story>,
  n: number, similarity: ReadonlyMap<number, number>): boolean {
  const story = storyOf.get(documents[index].path);
  if (!story) return false;
  const dated: number[] = [], undated: number[] = [];
  for (const path of story.documents) {
    const other = indexOf.get(path)!;
    if (other === index) continue;
    const list = ownDate(documents[other]) ? dated : undated;
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
