import type { DocumentAnalysis } from '../types';
import stopwordList from '../data/stopwords.json';

const STOPWORDS = new Set(stopwordList);
/** Named features (entities, years) count this much more than a word: they say who and when. */
const NAMED_WEIGHT = 2;
/** A document's own year counts like this many mentions of it. */
const OWN_YEAR_MENTIONS = 3;
/** From this many documents on, a feature in more than half of them says "this folder", not "this story". */
const COMMON_FEATURE_MIN_DOCUMENTS = 30;
/** Two documents dated this many years apart or more are unlikely to report one story. */
const YEARS_APART = 2;
const YEARS_APART_FACTOR = 0.5;
/** Pairs less alike than this are left out: they change no grouping. */
const NEGLIGIBLE_SIMILARITY = 0.005;

/** Word counts of one analysis: computed once per analysis, which is replaced, never changed. */
export class WordFeatureCache {
  private readonly cache = new WeakMap<DocumentAnalysis, Map<string, number>>();

  get(document: DocumentAnalysis): Map<string, number> {
    let counts = this.cache.get(document);
    if (!counts) { counts = wordFeatures(document); this.cache.set(document, counts); }
    return counts;
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
    const words = (piece.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((word) => word.length > 2 && !STOPWORDS.has(word)).map(stem);
    words.forEach((word, index) => {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (index) { const pair = `${words[index - 1]}_${word}`; counts.set(pair, (counts.get(pair) ?? 0) + 1); }
    });
  }
  return counts;
}

export function stem(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?:ing|ed|es|s)$/, '') || word;
}

/** Who and when: linked entity ids (read now: linking may change them) and the years the document names. */
export function namedFeatures(document: DocumentAnalysis): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, times = 1) => counts.set(feature, (counts.get(feature) ?? 0) + times);
  for (const entity of document.entities) if (entity.type !== 'other') add(`E:${entity.id}`);
  for (const date of document.dates) if (/^\d{4}/.test(date.value)) add(`Y:${date.value.slice(0, 4)}`);
  const own = ownDate(document);
  if (own) add(`Y:${own.slice(0, 4)}`, OWN_YEAR_MENTIONS);
  return counts;
}

/** The date the document gives itself (stated, corrected, or read from a full date with its weekday). */
export function ownDate(document: DocumentAnalysis): string | null {
  return document.metadata.date.source === 'none' ? null : document.metadata.date.value;
}

/**
 * TF-IDF vectors over words, word pairs, entities and years, and the cosine of every pair of documents
 * that share a feature. Returned as a map from `i * n + j` (i < j) to the similarity.
 */
export function pairSimilarities(features: ReadonlyArray<Map<string, number>>, dates: ReadonlyArray<string | null>): Map<number, number> {
  const n = features.length;
  const documentFrequency = new Map<string, number>();
  for (const counts of features) for (const feature of counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const tooCommon = n >= COMMON_FEATURE_MIN_DOCUMENTS ? n / 2 : n;
  const postings = new Map<string, Array<[number, number]>>();
  const vectors = features.map((counts) => {
    const weights: Array<[string, number]> = [];
    for (const [feature, count] of counts) {
      const df = documentFrequency.get(feature)!;
      if (df < 2 || df > tooCommon) continue;
      const idf = n >= COMMON_FEATURE_MIN_DOCUMENTS ? Math.log(n / df) : Math.log(1 + n / df);
      weights.push([feature, (1 + Math.log(count)) * idf * (feature.startsWith('E:') || feature.startsWith('Y:') ? NAMED_WEIGHT : 1)]);
    }
    const norm = Math.sqrt(weights.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
    return weights.map(([feature, weight]) => [feature, weight / norm] as [string, number]);
  });
  vectors.forEach((vector, index) => {
    for (const [feature, weight] of vector) {
      let list = postings.get(feature);
      if (!list) { list = []; postings.set(feature, list); }
      list.push([index, weight]);
    }
  });
  // Row by row into a dense scratch row: far cheaper than a map update per shared feature.
  const similarity = new Map<number, number>();
  const row = new Float64Array(n);
  const touched: number[] = [];
  vectors.forEach((vector, i) => {
    for (const [feature, weight] of vector) {
      for (const [j, other] of postings.get(feature)!) {
        if (j <= i) continue;
        if (row[j] === 0) touched.push(j);
        row[j] += weight * other;
      }
    }
    for (const j of touched) {
      if (row[j] >= NEGLIGIBLE_SIMILARITY) similarity.set(i * n + j, row[j]);
      row[j] = 0;
    }
    touched.length = 0;
  });
  for (const [key, value] of similarity) {
    const a = dates[Math.floor(key / n)], b = dates[key % n];
    if (a && b && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) >= YEARS_APART) similarity.set(key, value * YEARS_APART_FACTOR);
  }
  return similarity;
}
