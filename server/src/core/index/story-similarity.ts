import type { DocumentAnalysis } from '../types';
import stopwordList from '../data/stopwords.json';

const STOPWORDS = new Set(stopwordList);
/** Named features (entities, years) count this much more than a word: they say who and when. */
const NAMED_WEIGHT = 2;
/** A document's own year counts like this many mentions of it. */
const OWN_YEAR_MENTIONS = 3;
/** Whole numbers up to this (two, ten, twelve) are too common to tell one event's reports from another's. */
const SMALL_COUNT = 12;
/** Past this many documents, each document is compared by its STRONGEST_FEATURES heaviest features only. */
const LARGE_WORKSPACE = 2000;
const STRONGEST_FEATURES = 40;
/**
 * Past LARGE_WORKSPACE documents, a pair is kept only when it is among the NEAREST_NEIGHBOURS most alike of one of
 * its two documents: a story's reports are each other's nearest, and a folder of thousands then keeps a few pairs a
 * document instead of one chain of millions that average linkage must walk.
 */
const NEAREST_NEIGHBOURS = 30;
/** From this many documents on, a feature in more than half of them says "this folder", not "this story". */
const COMMON_FEATURE_MIN_DOCUMENTS = 30;
/** Two documents dated this many years apart or more are unlikely to report one story. */
const YEARS_APART = 2;
const YEARS_APART_FACTOR = 0.5;
/** Pairs less alike than this are left out: they change no grouping. */
const NEGLIGIBLE_SIMILARITY = 0.005;

/**
 * Word counts of one analysis: computed once per analysis, which is replaced, never changed. In a folder of more
 * than LARGE_WORKSPACE documents they are not kept: they would be half the stories' memory, and are read again only
 * when the whole folder is grouped afresh.
 */
export class WordFeatureCache {
  /** By the analysis's metadata, which its linked copies share: words do not depend on entity ids. */
  private cache = new WeakMap<DocumentAnalysis['metadata'], Map<string, number>>();

  /** The document's word counts followed by `named` (which count apart: no word is written like them). */
  withNamed(document: DocumentAnalysis, folderSize: number, named: ReadonlyMap<string, number>): Map<string, number> {
    let counts: Map<string, number>;
    if (folderSize > LARGE_WORKSPACE) counts = wordFeatures(document);
    else {
      const kept = this.cache.get(document.metadata) ?? wordFeatures(document);
      this.cache.set(document.metadata, kept);
      counts = new Map(kept);
    }
    for (const [feature, count] of named) counts.set(feature, count);
    return counts;
  }

  /** The folder has grown past LARGE_WORKSPACE documents: the counts kept before are let go. */
  forgetIfLarge(folderSize: number): void {
    if (folderSize > LARGE_WORKSPACE) this.cache = new WeakMap();
  }
}

/** Content words and pairs of adjacent content words of the body, scraping noise left out. */
function wordFeatures(document: DocumentAnalysis): Map<string, number> {
  const counts = new Map<string, number>();
  const noise = [...document.noise].sort((a, b) => a.start - b.start);
  let from = document.metadata.bodyStart;
  const pieces: string[] = [];
  for (const span of noise) {
    if (span.start > from) pieces.push(document.text.slice(from, span.start));
    from = Math.max(from, span.end);
  }
  pieces.push(document.text.slice(from));
  for (const piece of pieces) {
    // One pass over the words, no lists: every word of a folder passes here.
    let previous: string | null = null;
    for (const written of piece.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) {
      if (written.length <= 2 || STOPWORDS.has(written)) continue;
      const word = stem(written);
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (previous !== null) { const pair = `${previous}_${word}`; counts.set(pair, (counts.get(pair) ?? 0) + 1); }
      previous = word;
    }
  }
  return counts;
}

/** "studies" -> "study", "reported" -> "report", "rescues" -> "rescu": one ending off, read by hand (every word of a folder passes here). */
export function stem(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const cut = word.endsWith('ing') ? 3 : word.endsWith('ed') || word.endsWith('es') ? 2 : word.endsWith('s') ? 1 : 0;
  return cut && cut < word.length ? word.slice(0, -cut) : word;
}

/** Who, when and how many: linked entity ids (read now: linking may change them), the years and the figures the document names. */
export function namedFeatures(document: DocumentAnalysis): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, times = 1) => counts.set(feature, (counts.get(feature) ?? 0) + times);
  for (const entity of document.entities) if (entity.type !== 'other') add(`E:${entity.id}`);
  for (const date of document.dates) if (/^\d{4}/.test(date.value)) add(`Y:${date.value.slice(0, 4)}`);
  // Reports of one event repeat its numbers (a magnitude, a toll, a price); small whole numbers say little.
  for (const figure of document.figures) {
    if (figure.value !== null && !(Number.isInteger(figure.value) && Math.abs(figure.value) <= SMALL_COUNT)) add(`N:${figure.value}`);
  }
  const own = ownDate(document);
  if (own) add(`Y:${own.slice(0, 4)}`, OWN_YEAR_MENTIONS);
  return counts;
}

/** The date the document gives itself (stated, corrected, or read from a full date with its weekday). */
export function ownDate(document: DocumentAnalysis): string | null {
  return document.metadata.date.source === 'none' ? null : document.metadata.date.value;
}

/** How many documents the model reads between two steps of SimilarityModel.inSteps. */
const DOCUMENTS_PER_STEP = 50;
/** How many pairs the model reads between two steps. */
const PAIRS_PER_STEP = 20000;
/** How many feature names the model renumbers between two steps. */
const FEATURES_PER_STEP = 50000;
const DEFERRED = Symbol('build in steps');

/** Runs steps with nothing let in between: their result. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** A document's weighted features: feature numbers of the model and their weights, strongest first in a large folder. */
interface Vector { ids: Int32Array; weights: Float64Array }

const EMPTY_VECTOR: Vector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/**
 * TF-IDF vectors over words, word pairs, entities and years, and the cosine of every pair of documents
 * that share a feature, as a map from `i * n + j` (i < j) to the similarity. `replace` brings one
 * document up to date against the feature weights of the last full computation, so an edit costs one row.
 * Features are numbered once: vectors and postings are typed arrays of numbers, not maps of strings, and only the
 * features that can weigh anything (in two documents or more, not in most) keep their name.
 */
export class SimilarityModel {
  readonly similarity = new Map<number, number>();
  /** The number of each feature that can weigh anything, by its name. */
  private readonly featureNumbers = new Map<string, number>();
  /** By feature number: in how many of the first `n` documents it is, and whether it names who or when. */
  private documentFrequency = new Int32Array(0);
  private named = new Uint8Array(0);
  /** By feature number: the documents whose vector holds it, with its weight there. */
  private readonly postings: Array<Map<number, number> | undefined> = [];
  private vectors: Vector[] = [];
  /** Documents the feature weights were computed over. */
  private readonly n: number;
  /**
   * Pairs are keyed `i * stride + j`: slots at and past the first `n` hold documents added since (and slots freed
   * by a removal are used again), so an added document costs one row, not a new model.
   */
  readonly stride: number;

  /**
   * `features` gives each document's feature counts (a list, or a function of the document's position, read once
   * each: a large folder's counts need not all be alive at once). With `linkedAbove`, only the pairs inside one
   * connected component of the pairs more alike than it are kept: a clustering that merges above that value never
   * compares documents of two components (and a folder of thousands keeps a few pairs per document, not millions).
   * Changed documents' rows, computed later, are kept whole.
   */
  constructor(features: ReadonlyArray<Map<string, number>> | ((index: number) => Map<string, number>), private readonly dates: Array<string | null>,
    stride = dates.length, linkedAbove?: number, deferred?: typeof DEFERRED) {
    this.n = dates.length;
    this.stride = Math.max(stride, this.n);
    if (deferred !== DEFERRED) runToEnd(this.build(features, linkedAbove));
  }

  /**
   * The model in steps: yields every 50 documents or 20,000 pairs, where the caller may let other work run or
   * drop the rest (a dropped model is only garbage). Draining it gives what the constructor gives.
   */
  static *inSteps(features: ReadonlyArray<Map<string, number>> | ((index: number) => Map<string, number>), dates: Array<string | null>,
    stride = dates.length, linkedAbove?: number): Generator<void, SimilarityModel, void> {
    const model = new SimilarityModel(features, dates, stride, linkedAbove, DEFERRED);
    yield* model.build(features, linkedAbove);
    return model;
  }

  private *build(features: ReadonlyArray<Map<string, number>> | ((index: number) => Map<string, number>), linkedAbove: number | undefined): Generator<void, void, void> {
    const countsOf = typeof features === 'function' ? features : (index: number) => features[index];
    // Every feature seen gets a number for this pass; those that can weigh anything are numbered again below.
    const numbers = new Map<string, number>();
    const frequency: number[] = [];
    const counted: Array<{ ids: Int32Array; counts: Float64Array }> = [];
    for (let index = 0; index < this.n; index++) {
      if (index % DOCUMENTS_PER_STEP === DOCUMENTS_PER_STEP - 1) yield;
      const counts = countsOf(index);
      const ids = new Int32Array(counts.size), values = new Float64Array(counts.size);
      let at = 0;
      for (const [feature, count] of counts) {
        let id = numbers.get(feature);
        if (id === undefined) { id = frequency.length; numbers.set(feature, id); frequency.push(0); }
        frequency[id]++;
        ids[at] = id;
        values[at++] = count;
      }
      counted.push({ ids, counts: values });
    }
    // A feature of one document weighs nothing (vectorOf skips it, now and for documents added later), nor does one
    // in most documents: neither keeps a number.
    const tooCommon = this.tooCommon();
    const renumbered = new Int32Array(frequency.length).fill(-1);
    const usable: number[] = [];
    let seen = 0;
    for (const [feature, id] of numbers) {
      if (++seen % FEATURES_PER_STEP === 0) yield;
      if (frequency[id] < 2 || frequency[id] > tooCommon) continue;
      renumbered[id] = usable.length;
      this.featureNumbers.set(feature, usable.length);
      usable.push(id);
    }
    numbers.clear();
    this.documentFrequency = Int32Array.from(usable, (id) => frequency[id]);
    this.named = new Uint8Array(usable.length);
    for (const [feature, id] of this.featureNumbers) if (feature.startsWith('E:') || feature.startsWith('Y:')) this.named[id] = 1;
    yield;
    this.vectors = [];
    for (let index = 0; index < counted.length; index++) {
      if (index % DOCUMENTS_PER_STEP === DOCUMENTS_PER_STEP - 1) yield;
      const { ids, counts } = counted[index];
      this.vectors.push(this.vectorOf(ids.map((id) => renumbered[id]), counts));
    }
    counted.length = 0;
    this.vectors.forEach((vector, index) => this.post(index, vector));
    yield;
    const row = new Float64Array(this.stride);
    const touched: number[] = [];
    let pairs = new PairBuffer();
    // The postings as arrays in document order: each document reads only the later documents of each of its features.
    const lists: Array<{ documents: Int32Array; weights: Float64Array } | undefined> = this.postings.map((list) => {
      if (!list) return undefined;
      const documents = new Int32Array(list.size), weights = new Float64Array(list.size);
      let at = 0;
      for (const [j, weight] of list) { documents[at] = j; weights[at++] = weight; }
      return { documents, weights };
    });
    yield;
    for (let i = 0; i < this.vectors.length; i++) {
      if (i % DOCUMENTS_PER_STEP === DOCUMENTS_PER_STEP - 1) yield;
      const vector = this.vectors[i];
      for (let feature = 0; feature < vector.ids.length; feature++) {
        const weight = vector.weights[feature];
        const { documents, weights } = lists[vector.ids[feature]]!;
        let low = 0, high = documents.length;
        while (low < high) { const middle = (low + high) >> 1; if (documents[middle] <= i) low = middle + 1; else high = middle; }
        for (let at = low; at < documents.length; at++) {
          const j = documents[at];
          if (row[j] === 0) touched.push(j);
          row[j] += weight * weights[at];
        }
      }
      for (const j of touched) {
        const value = this.adjusted(i, j, row[j]);
        if (value >= NEGLIGIBLE_SIMILARITY) pairs.push(i, j, value);
        row[j] = 0;
      }
      touched.length = 0;
    }
    yield;
    if (this.n > LARGE_WORKSPACE) pairs = yield* nearestPairs(pairs, this.n, NEAREST_NEIGHBOURS);
    yield;
    const parent = new Int32Array(this.n).map((_, index) => index);
    const root = (index: number): number => {
      while (parent[index] !== index) { parent[index] = parent[parent[index]]; index = parent[index]; }
      return index;
    };
    if (linkedAbove !== undefined) {
      for (let at = 0; at < pairs.length; at += 3) {
        if (at % (3 * PAIRS_PER_STEP) === 0) yield;
        if (pairs.at(at + 2) <= linkedAbove) continue;
        const a = root(pairs.at(at)), b = root(pairs.at(at + 1));
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    for (let at = 0; at < pairs.length; at += 3) {
      if (at % (3 * PAIRS_PER_STEP) === 0) yield;
      const i = pairs.at(at), j = pairs.at(at + 1), value = pairs.at(at + 2);
      if (linkedAbove !== undefined && root(i) !== root(j)) continue;
      this.similarity.set(i * this.stride + j, value);
    }
  }

  /** Document `index` has new features (and date), or is new in a free slot: its row of similarities is computed again. */
  replace(index: number, features: Map<string, number>, date: string | null): void {
    this.remove(index);
    this.dates[index] = date;
    const ids = new Int32Array(features.size), counts = new Float64Array(features.size);
    let at = 0;
    for (const [feature, count] of features) { ids[at] = this.featureNumbers.get(feature) ?? -1; counts[at++] = count; }
    const vector = (this.vectors[index] = this.vectorOf(ids, counts));
    const row = new Float64Array(this.stride);
    for (let feature = 0; feature < vector.ids.length; feature++) {
      const weight = vector.weights[feature];
      for (const [other, otherWeight] of this.postings[vector.ids[feature]] ?? []) row[other] += weight * otherWeight;
    }
    this.post(index, vector);
    row[index] = 0;
    row.forEach((value, other) => { if (value) row[other] = this.adjusted(index, other, value); });
    const kept = this.n > LARGE_WORKSPACE ? strongestOf(row, NEAREST_NEIGHBOURS) : null;
    row.forEach((value, other) => { if (value >= NEGLIGIBLE_SIMILARITY && (!kept || kept.has(other))) this.similarity.set(Math.min(index, other) * this.stride + Math.max(index, other), value); });
  }

  /** The document in slot `index` is gone: its features and similarities leave the model. */
  remove(index: number): void {
    const vector = this.vectors[index] ?? EMPTY_VECTOR;
    for (let feature = 0; feature < vector.ids.length; feature++) this.postings[vector.ids[feature]]?.delete(index);
    for (let other = 0; other < this.stride; other++) if (other !== index) this.similarity.delete(Math.min(index, other) * this.stride + Math.max(index, other));
    this.vectors[index] = EMPTY_VECTOR;
    this.dates[index] = null;
  }

  private adjusted(i: number, j: number, value: number): number {
    const a = this.dates[i], b = this.dates[j];
    const apart = a && b && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) >= YEARS_APART;
    return apart ? value * YEARS_APART_FACTOR : value;
  }

  private post(index: number, vector: Vector): void {
    for (let feature = 0; feature < vector.ids.length; feature++) {
      const id = vector.ids[feature];
      let list = this.postings[id];
      if (!list) { list = new Map(); this.postings[id] = list; }
      list.set(index, vector.weights[feature]);
    }
  }

  /** Above this many documents a feature says "this folder", not "this story". */
  private tooCommon(): number {
    return this.n >= COMMON_FEATURE_MIN_DOCUMENTS ? this.n / 2 : this.n;
  }

  /** The vector of a document's feature counts, by feature number (-1: a feature that weighs nothing). */
  private vectorOf(ids: Int32Array, counts: Float64Array): Vector {
    const n = this.n;
    const tooCommon = this.tooCommon();
    // In a large folder every pair of documents shares some feature: only each document's strongest features are
    // compared, so the pairs grow with the documents, not their square. They are kept as they come, strongest
    // first (the earlier on a tie), without sorting every feature.
    const strongest = n > LARGE_WORKSPACE ? STRONGEST_FEATURES : Infinity;
    const kept: Array<[number, number, number]> = [];
    let passed = 0;
    for (let at = 0; at < ids.length; at++) {
      const feature = ids[at];
      if (feature < 0) continue;
      const df = this.documentFrequency[feature];
      if (df < 2 || df > tooCommon) continue;
      const idf = n >= COMMON_FEATURE_MIN_DOCUMENTS ? Math.log(n / df) : Math.log(1 + n / df);
      const weight = (1 + Math.log(counts[at])) * idf * (this.named[feature] ? NAMED_WEIGHT : 1);
      const order = passed++;
      if (strongest === Infinity) { kept.push([feature, weight, order]); continue; }
      if (kept.length === strongest && weight <= kept[strongest - 1][1]) continue;
      let position = kept.length;
      while (position > 0 && kept[position - 1][1] < weight) position--;
      kept.splice(position, 0, [feature, weight, order]);
      if (kept.length > strongest) kept.pop();
    }
    // A document with no more than the strongest features keeps them all, in the order they came.
    if (passed <= strongest && strongest !== Infinity) kept.sort((a, b) => a[2] - b[2]);
    const norm = Math.sqrt(kept.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
    return { ids: Int32Array.from(kept, ([feature]) => feature), weights: Float64Array.from(kept, ([, weight]) => weight / norm) };
  }
}

/** The pairs among the `k` most alike of either of their two documents (the earlier pair on a tie), in their order. */
function* nearestPairs(pairs: PairBuffer, n: number, k: number): Generator<void, PairBuffer, void> {
  // Per document, its k best pairs so far as a min-heap of pair positions, the weakest on top.
  const best = new Int32Array(n * k);
  const size = new Int32Array(n);
  const weaker = (a: number, b: number) => pairs.at(a + 2) < pairs.at(b + 2) || (pairs.at(a + 2) === pairs.at(b + 2) && a > b);
  const offer = (document: number, at: number) => {
    const base = document * k;
    if (size[document] < k) {
      let slot = size[document]++;
      while (slot > 0) {
        const parent = (slot - 1) >> 1;
        if (!weaker(at, best[base + parent])) break;
        best[base + slot] = best[base + parent];
        slot = parent;
      }
      best[base + slot] = at;
      return;
    }
    if (!weaker(best[base], at)) return;
    let slot = 0;
    for (;;) {
      const left = 2 * slot + 1, right = left + 1;
      let weakest = slot, weakestAt = at;
      if (left < k && weaker(best[base + left], weakestAt)) { weakest = left; weakestAt = best[base + left]; }
      if (right < k && weaker(best[base + right], weakestAt)) { weakest = right; weakestAt = best[base + right]; }
      if (weakest === slot) break;
      best[base + slot] = best[base + weakest];
      slot = weakest;
    }
    best[base + slot] = at;
  };
  for (let at = 0; at < pairs.length; at += 3) {
    if (at % (3 * PAIRS_PER_STEP) === 0) yield;
    offer(pairs.at(at), at);
    offer(pairs.at(at + 1), at);
  }
  yield;
  const keep = new Uint8Array(pairs.length / 3);
  for (let document = 0; document < n; document++) for (let slot = 0; slot < size[document]; slot++) keep[best[document * k + slot] / 3] = 1;
  const kept = new PairBuffer();
  for (let at = 0; at < pairs.length; at += 3) {
    if (at % (3 * PAIRS_PER_STEP) === 0) yield;
    if (keep[at / 3]) kept.push(pairs.at(at), pairs.at(at + 1), pairs.at(at + 2));
  }
  return kept;
}

/** The positions of the `k` largest values of `row` (the earlier on a tie). */
function strongestOf(row: Float64Array, k: number): Set<number> {
  const positions: number[] = [];
  row.forEach((value, position) => { if (value) positions.push(position); });
  positions.sort((a, b) => row[b] - row[a] || a - b);
  return new Set(positions.slice(0, k));
}

/** A growing list of numbers in one typed array: pairs of a large folder, without a boxed entry each. */
class PairBuffer {
  private values = new Float64Array(3 * 1024);
  length = 0;

  push(i: number, j: number, value: number): void {
    if (this.length + 3 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = i;
    this.values[this.length++] = j;
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index];
  }
}

export function pairSimilarities(features: ReadonlyArray<Map<string, number>>, dates: ReadonlyArray<string | null>): Map<number, number> {
  return new SimilarityModel(features, [...dates]).similarity;
}
