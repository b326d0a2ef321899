import type { DocumentAnalysis, Span } from '../types';
import { SentenceCache } from './document-cache';
import stopwords from '../data/stopwords.json';

/**
 * Text reused between documents: sentences compared by the Jaccard similarity of their word pairs, found
 * through MinHash signatures banded into an LSH index (so a sentence meets only the few sentences that look
 * like it, not the whole folder), then joined into passages with their counterpart in the other document.
 * Case and punctuation do not count; scraping noise and front matter are left out.
 */

export interface SharedPassage extends Span {
  /** The document holding the same passage. */
  otherPath: string;
  otherStart: number;
  otherEnd: number;
  /** Word-pair Jaccard similarity, weighted by sentence length: 1 for the same words. */
  similarity: number;
  /** Same words in the same order, case and punctuation aside. */
  verbatim: boolean;
  /** Words in the passage (this side). */
  words: number;
  /** Share of those words inside quotation marks: reporters who quote the same speech are not copying each other. */
  quotedShare: number;
}

export interface SharedTextOptions {
  /** Sentences at least this similar (word-pair Jaccard) are the same sentence, lightly edited. */
  minimumSimilarity: number;
  /** Shorter sentences ("He said so.") match by chance. */
  minimumSentenceWords: number;
  /** Two sentences must share at least this many word pairs: short template sentences ("The population was 141 at the 2010 census") are alike by form, not by copying. */
  minimumSharedPairs: number;
  /** A sentence found in this many other documents links to the first of them only (the rest are reached through those). */
  mostCounterparts: number;
  /** Two documents sharing this many words outside quotation marks are a copy pair (one full sentence or more). */
  copiedWords: number;
}

export const DEFAULT_SHARED_TEXT_OPTIONS: SharedTextOptions = { minimumSimilarity: 0.5, minimumSentenceWords: 6, minimumSharedPairs: 6, mostCounterparts: 8, copiedWords: 12 };

const SIGNATURE_SIZE = 32;
const BAND_ROWS = 2;
const BANDS = SIGNATURE_SIZE / BAND_ROWS;
/** Sentences this far apart in either document still belong to one passage (one sentence was dropped or added). */
const PASSAGE_GAP = 2;
/** Bucket lists shorter than this are kept at their exact length (see set). */
const SHORT_BUCKET = 8;

interface IndexedSentence extends Span {
  path: string;
  position: number;
  words: number;
  /** Hash of the word sequence, to tell a verbatim copy. */
  wordsHash: number;
  /** Sorted distinct word-pair hashes. */
  shingles: Uint32Array;
  quotedWords: number;
}

interface IndexedDocument { analysis: DocumentAnalysis; sentences: IndexedSentence[] }

/** A sentence of one document matched with a sentence of another. */
interface SentenceMatch { position: number; otherPosition: number; similarity: number; verbatim: boolean }

/**
 * The matches of a pair as the other document stored them, read from this side: one list serves both documents
 * (a folder of copies holds hundreds of thousands of matches), turned around only when passages are joined.
 */
class SeenFromOtherSide {
  constructor(readonly pairs: readonly SentenceMatch[]) {}

  turned(): SentenceMatch[] {
    return this.pairs.map((pair) => ({ position: pair.otherPosition, otherPosition: pair.position, similarity: pair.similarity, verbatim: pair.verbatim }));
  }
}

type StoredMatches = SentenceMatch[] | SeenFromOtherSide;

/**
 * The shared-text index of a set of documents, kept up to date one document at a time (`sync`, `set`, `delete`).
 * A document is compared when it is set, against the documents already there, and its matches are stored
 * for both sides of each pair: a change costs one document's look-ups, whatever the size of the folder.
 */
export class SharedTextIndex {
  private readonly documents = new Map<string, IndexedDocument>();
  /**
   * Band key -> the sentences in that bucket, in the order they were indexed: most buckets hold one sentence, kept
   * as it is (a folder of 10,000 documents has millions of buckets), the others a list.
   */
  private readonly buckets = new Map<number, IndexedSentence | IndexedSentence[]>();
  /** path -> other path -> matched sentences, stored from both sides. */
  private readonly matches = new Map<string, Map<string, StoredMatches>>();
  private readonly passages = new Map<string, SharedPassage[]>();
  /** path -> the documents it shares `copiedWords` or more non-quoted words with, and how many; stored from both sides. */
  private readonly copies = new Map<string, Map<string, number>>();
  private copiesVersion = 0;

  constructor(private readonly options: SharedTextOptions = DEFAULT_SHARED_TEXT_OPTIONS, private readonly sentenceCache = new SentenceCache()) {}

  /** Brings the index to exactly these analyses: analyses are immutable, so an unchanged object is an unchanged document. */
  sync(analyses: readonly DocumentAnalysis[]): void {
    const steps = this.syncSteps(analyses);
    while (!steps.next().done);
  }

  /** sync() in steps: it yields after each document it indexes, so a caller can let other work run in between. */
  *syncSteps(analyses: readonly DocumentAnalysis[]): Generator<void, void, void> {
    const current = new Set<string>();
    for (const analysis of analyses) current.add(analysis.path);
    for (const path of [...this.documents.keys()]) if (!current.has(path)) this.delete(path);
    for (const analysis of analyses) {
      const indexed = this.documents.get(analysis.path);
      // A linked copy of the same analysis (other entity ids, the same text, noise and quotes) needs no new look-ups.
      if (indexed && sameText(indexed.analysis, analysis)) indexed.analysis = analysis;
      else { this.set(analysis); yield; }
    }
  }

  set(analysis: DocumentAnalysis): void {
    const copiedBefore = this.copyKey(analysis.path);
    this.remove(analysis.path);
    const sentences = indexSentences(analysis, this.sentenceCache.of(analysis), this.options);
    const found = new Map<string, SentenceMatch[]>();
    const keys = sentences.map(bandKeysOf);
    sentences.forEach((sentence, position) => this.compare(sentence, keys[position], found));
    const stored = new Map<string, StoredMatches>();
    for (const [otherPath, pairs] of found) {
      // Kept while both documents are: a list of exactly its length.
      const kept = pairs.slice();
      stored.set(otherPath, kept);
      this.pairsOf(otherPath).set(analysis.path, new SeenFromOtherSide(kept));
      this.passages.delete(otherPath);
    }
    this.matches.set(analysis.path, stored);
    this.documents.set(analysis.path, { analysis, sentences });
    const copied = new Map<string, number>();
    for (const [otherPath, pairs] of found) {
      const other = this.documents.get(otherPath)!;
      const words = copiedWordsOf(pairs, sentences, other.sentences);
      if (words >= this.options.copiedWords) copied.set(otherPath, words);
    }
    if (copied.size) {
      this.copies.set(analysis.path, copied);
      for (const [otherPath, words] of copied) this.copiesOf(otherPath).set(analysis.path, words);
    }
    if (this.copyKey(analysis.path) !== copiedBefore) this.copiesVersion++;
    for (const [position, sentence] of sentences.entries()) {
      for (const key of keys[position]) {
        const bucket = this.buckets.get(key);
        if (bucket === undefined) this.buckets.set(key, sentence);
        // Two bands of one sentence may give one key: the sentence is in that bucket once.
        else if (!Array.isArray(bucket)) { if (bucket !== sentence) this.buckets.set(key, [bucket, sentence]); }
        // A short list is replaced by one of exactly its new length: a push grows a list's store by 16 slots or more,
        // and most lists of a large folder hold two or three sentences.
        else if (bucket[bucket.length - 1] !== sentence) { if (bucket.length < SHORT_BUCKET) this.buckets.set(key, bucket.concat(sentence)); else bucket.push(sentence); }
      }
    }
  }

  delete(path: string): boolean {
    const hadCopies = this.copies.has(path);
    const removed = this.remove(path);
    if (hadCopies) this.copiesVersion++;
    return removed;
  }

  private copyKey(path: string): string {
    return [...(this.copies.get(path)?.keys() ?? [])].sort().join('\u0000');
  }

  private remove(path: string): boolean {
    const indexed = this.documents.get(path);
    if (!indexed) return false;
    for (const sentence of indexed.sentences) {
      for (const key of bandKeysOf(sentence)) {
        const bucket = this.buckets.get(key);
        if (bucket === sentence) this.buckets.delete(key);
        else if (Array.isArray(bucket)) {
          const at = bucket.indexOf(sentence);
          if (at >= 0) bucket.splice(at, 1);
          if (bucket.length === 1) this.buckets.set(key, bucket[0]);
        }
      }
    }
    for (const otherPath of this.matches.get(path)?.keys() ?? []) {
      this.matches.get(otherPath)?.delete(path);
      this.passages.delete(otherPath);
    }
    this.matches.delete(path);
    this.documents.delete(path);
    this.passages.delete(path);
    for (const otherPath of this.copies.get(path)?.keys() ?? []) this.copies.get(otherPath)?.delete(path);
    this.copies.delete(path);
    return true;
  }

  /** The documents `path` is a copy pair with (sharing `copiedWords` words or more outside quotes), with those words. */
  copyPairsOf(path: string): ReadonlyMap<string, number> {
    return this.copies.get(path) ?? new Map();
  }

  /** Changes whenever a copy pair is made or undone: what depends on copy pairs only need be redone then. */
  get copyPairsVersion(): number {
    return this.copiesVersion;
  }

  private copiesOf(path: string): Map<string, number> {
    let map = this.copies.get(path);
    if (!map) this.copies.set(path, (map = new Map()));
    return map;
  }

  paths(): string[] {
    return [...this.documents.keys()].sort();
  }

  /** The documents sharing text with `path`. */
  sharingWith(path: string): string[] {
    return [...(this.matches.get(path)?.keys() ?? [])].sort();
  }

  /** The passages of `path` found again in other documents, in text order, each with its counterpart. */
  passagesOf(path: string): SharedPassage[] {
    let found = this.passages.get(path);
    if (!found) {
      found = [];
      const indexed = this.documents.get(path);
      for (const [otherPath, pairs] of this.matches.get(path) ?? []) {
        const other = this.documents.get(otherPath);
        if (indexed && other) found.push(...joinPassages(indexed.sentences, other.sentences, pairs instanceof SeenFromOtherSide ? pairs.turned() : pairs));
      }
      found.sort((a, b) => a.start - b.start || a.otherPath.localeCompare(b.otherPath) || a.otherStart - b.otherStart);
      this.passages.set(path, found);
    }
    return found;
  }

  private pairsOf(path: string): Map<string, StoredMatches> {
    let pairs = this.matches.get(path);
    if (!pairs) this.matches.set(path, (pairs = new Map()));
    return pairs;
  }

  /** The sentences of other documents like this one, found through the buckets it shares with them. */
  private compare(sentence: IndexedSentence, bandKeys: readonly number[], found: Map<string, SentenceMatch[]>): void {
    const seen = new Set<IndexedSentence>();
    const counterparts = new Set<string>();
    for (const key of bandKeys) {
      if (counterparts.size >= this.options.mostCounterparts) break;
      let examined = 0;
      const bucket = this.buckets.get(key);
      for (const other of bucket === undefined ? [] : Array.isArray(bucket) ? bucket : [bucket]) {
        // A sentence repeated in hundreds of documents (a wire story reprinted) links to the first few of them.
        if (++examined > this.options.mostCounterparts * 2) break;
        if (seen.has(other)) continue;
        seen.add(other);
        if (counterparts.size >= this.options.mostCounterparts && !counterparts.has(other.path)) continue;
        // Jaccard similarity is at most the smaller set's size over the larger's: no need to count what cannot pass.
        const [fewer, more] = sentence.shingles.length < other.shingles.length ? [sentence.shingles.length, other.shingles.length] : [other.shingles.length, sentence.shingles.length];
        if (fewer < this.options.minimumSimilarity * more) continue;
        const similarity = jaccard(sentence.shingles, other.shingles);
        if (similarity < this.options.minimumSimilarity) continue;
        if (sharedCount(sentence.shingles.length, other.shingles.length, similarity) < this.options.minimumSharedPairs) continue;
        counterparts.add(other.path);
        const pairs = found.get(other.path) ?? [];
        pairs.push({ position: sentence.position, otherPosition: other.position, similarity,
          verbatim: other.wordsHash === sentence.wordsHash && other.words === sentence.words });
        found.set(other.path, pairs);
      }
    }
  }
}

function sameText(a: DocumentAnalysis, b: DocumentAnalysis): boolean {
  return a === b || (a.text === b.text && a.noise === b.noise && a.metadata === b.metadata && a.quotes.length === b.quotes.length
    && a.quotes.every((quote, index) => quote.start === b.quotes[index].start && quote.end === b.quotes[index].end));
}

/** Non-quoted words of this side's matched sentences (each counted once). */
function copiedWordsOf(pairs: readonly SentenceMatch[], sentences: readonly IndexedSentence[], others: readonly IndexedSentence[]): number {
  const mine = new Set<number>();
  let words = 0;
  for (const pair of pairs) {
    if (mine.has(pair.position)) continue;
    mine.add(pair.position);
    const sentence = sentences[pair.position];
    const other = others[pair.otherPosition];
    // The smaller side's words: a long sentence that holds a short one shares only the short one's words.
    words += Math.min(sentence.words - sentence.quotedWords, other.words - other.quotedWords);
  }
  return words;
}

/** Runs of matched sentences that follow each other in both documents become one passage. */
function joinPassages(sentences: readonly IndexedSentence[], others: readonly IndexedSentence[], matches: readonly SentenceMatch[]): SharedPassage[] {
  // For each sentence of this document, its best counterpart in the other one.
  const best = new Map<number, SentenceMatch>();
  for (const match of matches) {
    const kept = best.get(match.position);
    if (!kept || match.similarity > kept.similarity) best.set(match.position, match);
  }
  const ordered = [...best.values()].sort((a, b) => a.position - b.position);
  const passages: SharedPassage[] = [];
  let run: SentenceMatch[] = [];
  const close = () => {
    if (!run.length) return;
    const mine = run.map((match) => sentences[match.position]);
    const theirs = run.map((match) => others[match.otherPosition]);
    const words = mine.reduce((sum, sentence) => sum + sentence.words, 0);
    const quoted = mine.reduce((sum, sentence) => sum + sentence.quotedWords, 0);
    const similarity = run.reduce((sum, match, index) => sum + match.similarity * mine[index].words, 0) / words;
    passages.push({ start: mine[0].start, end: mine[mine.length - 1].end, otherPath: theirs[0].path,
      otherStart: Math.min(...theirs.map((sentence) => sentence.start)), otherEnd: Math.max(...theirs.map((sentence) => sentence.end)),
      similarity: Math.round(similarity * 1000) / 1000, verbatim: run.every((match) => match.verbatim),
      words, quotedShare: Math.round((quoted / words) * 1000) / 1000 });
    run = [];
  };
  for (const match of ordered) {
    const previous = run[run.length - 1];
    const follows = previous && match.position - previous.position <= PASSAGE_GAP
      && match.otherPosition > previous.otherPosition && match.otherPosition - previous.otherPosition <= PASSAGE_GAP;
    if (!follows) close();
    run.push(match);
  }
  close();
  return passages;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** A pair of two such words ("of the", "it is") is in every other sentence: it says nothing of copying. */
const STOPWORDS = new Set(stopwords.map((word) => word.toLowerCase()));

function indexSentences(analysis: DocumentAnalysis, split: readonly Span[], options: SharedTextOptions): IndexedSentence[] {
  const { text } = analysis;
  const noise = [...analysis.noise].sort((a, b) => a.start - b.start);
  const quotes = [...analysis.quotes].sort((a, b) => a.start - b.start);
  const indexed: IndexedSentence[] = [];
  let nextQuote = 0;
  for (const sentence of split) {
    if (noise.some((span) => span.start < sentence.end && sentence.start < span.end)) continue;
    const wordHashes: number[] = [];
    const common: boolean[] = [];
    let quotedWords = 0;
    WORD.lastIndex = 0;
    const body = text.slice(sentence.start, sentence.end);
    for (let match = WORD.exec(body); match; match = WORD.exec(body)) {
      const word = match[0].toLowerCase();
      wordHashes.push(hashString(word));
      common.push(STOPWORDS.has(word));
      const offset = sentence.start + match.index;
      while (nextQuote < quotes.length && quotes[nextQuote].end <= offset) nextQuote++;
      if (nextQuote < quotes.length && quotes[nextQuote].start < offset) quotedWords++;
    }
    if (wordHashes.length < options.minimumSentenceWords) continue;
    // Word-pair hashes in a typed array, sorted and made distinct in place: no boxed numbers for the collector.
    const pairs = new Uint32Array(wordHashes.length);
    let pairCount = 0;
    let wordsHash = 0x811c9dc5;
    for (let i = 0; i < wordHashes.length; i++) {
      wordsHash = mix(wordsHash ^ wordHashes[i]);
      if (i > 0 && !(common[i - 1] && common[i])) pairs[pairCount++] = mix(Math.imul(wordHashes[i - 1], 0x9e3779b1) ^ wordHashes[i]);
    }
    const sorted = pairs.subarray(0, pairCount).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
    const shingles = sorted.slice(0, distinct);
    indexed.push({ start: sentence.start, end: sentence.end, path: analysis.path, position: indexed.length, words: wordHashes.length, wordsHash,
      shingles, quotedWords });
  }
  return indexed;
}

/** The sentence's band keys, worked out again when needed rather than kept: a large folder has hundreds of thousands of sentences. */
function bandKeysOf(sentence: IndexedSentence): number[] {
  return bandKeys(minHashSignature(sentence.shingles));
}

/** Seeds of the signature's hash functions: fixed, so that signatures compare across runs and indexes. */
const SEEDS = Int32Array.from({ length: SIGNATURE_SIZE }, (_, index) => mix(0x5bd1e995 + index * 0x68e31da4));

/**
 * One minimum per hash function: two sets agree at a position with probability equal to their Jaccard
 * similarity. The shingles are already well-mixed hashes, so each function is a seeded multiply and shift.
 */
export function minHashSignature(shingles: Uint32Array): Int32Array {
  const signature = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s];
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      let value = Math.imul(shingle ^ SEEDS[i], 0x9e3779b1);
      value ^= value >>> 15;
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

/** Sentences that agree on every row of any one band share a bucket: with 16 bands of 2 rows, a pair at
 * similarity 0.5 meets with probability 0.99, a pair at 0.1 with 0.15. */
export function bandKeys(signature: Int32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let key = mix(band + 1);
    for (let row = 0; row < BAND_ROWS; row++) key = mix(key ^ signature[band * BAND_ROWS + row]);
    // 30 bits: small integers are map keys V8 keeps unboxed.
    keys.push(key & 0x3fffffff);
  }
  return keys;
}

/** Exact Jaccard similarity of two sorted sets of hashes. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { shared++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Shared elements of two sets from their sizes and Jaccard similarity: J = s / (a + b - s). */
function sharedCount(a: number, b: number, similarity: number): number {
  return Math.round((similarity * (a + b)) / (1 + similarity));
}

/** Murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function hashString(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix(h);
}
