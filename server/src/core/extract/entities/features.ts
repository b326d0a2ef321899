// Features of the entity recogniser, hashed to integer ids. The same code computes them for training
// (scripts/train-entities.mjs, on the tokens of ../shared/ner-train) and at run time (on model-tokens.ts tokens).
import {
  CALENDAR, DEMONYMS, FEMALE_NAMES, KNOWN, MALE_NAMES, NAME_SUFFIXES, NOT_ENTITIES, ORG_PREFIXES, ORG_SUFFIXES, ORG_WORDS, OTHER_HEADS, PARTICLES,
  PLACE_FEATURES, PLACES, STARTERS, STATE_ABBREVIATIONS, TITLES,
} from './lexicon';
import { KeySlots } from './key-slots';

/** BIO tags over person, organization and place; the tag index is the weight column. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const TAG_COUNT = TAGS.length;

/** One document for the recogniser: the token texts and its sentences ([from, to) token ranges). */
export interface FeatureDocument {
  words: readonly string[];
  sentences: ReadonlyArray<{ from: number; to: number; headline: boolean }>;
  /** What the rule chunker says of each token (see hintCode), or null without rules. */
  hints?: Uint8Array | null;
}

/** A token's rule hint: 0 none, else the rule's type (1 person .. 4 other), inside or first, and strength. */
export function hintCode(type: 'person' | 'organization' | 'place' | 'other', inside: boolean, strong: boolean): number {
  const t = type === 'person' ? 1 : type === 'organization' ? 2 : type === 'place' ? 3 : 4;
  return ((t * 2 + (inside ? 1 : 0)) << 1) + (strong ? 1 : 0);
}

/**
 * Feature ids of every token of a document: token i has ids[offsets[i] .. offsets[i + 1]). A token more than two
 * tokens away from any capitalised word, digit or name particle is not `active`: it has no features and is O.
 */
export interface FeatureTable {
  offsets: Int32Array;
  ids: Int32Array;
  active: Uint8Array;
  /** How many of a token's first ids depend on its word alone (the same for every occurrence of the word). */
  wordOnly?: Uint8Array;
}

/** Tokens that may be part of a name: within two tokens of a capitalised word, a digit or a name particle. */
function activeTokens(words: readonly string[]): Uint8Array {
  const n = words.length;
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const word = words[i];
    const c = word.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && !(c >= 48 && c <= 57) && !(c > 127 && isCapitalised(word)) && !PARTICLES.has(word)) continue;
    for (let k = Math.max(0, i - 2); k <= i + 2 && k < n; k++) active[k] = 1;
  }
  return active;
}

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** hashString(text.slice(from, to)), without making the slice. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Short word shape: X upper, x lower, d digit, other characters as themselves, runs collapsed ("Xx", "X.X.", "dd"). */
function shapeHash(word: string): number {
  let h = 0x811c9dc5;
  let previous = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88;
    else if (c >= 97 && c <= 122) k = 120;
    else if (c >= 48 && c <= 57) k = 100;
    else if (c > 127) { const ch = word[i]; k = ch !== ch.toLowerCase() ? 88 : ch !== ch.toUpperCase() ? 120 : c; }
    else k = c;
    if (k === previous) continue;
    previous = k;
    h ^= k; h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = word[0];
  return ch !== ch.toLowerCase();
}

function isLowerWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = word[0];
  return ch !== ch.toUpperCase();
}

export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

// Gazetteer and word-list membership, one bit each.
const G_PLACE_B = 0, G_PLACE_I = 1, G_KNOWN_PER = 2, G_KNOWN_ORG = 3, G_KNOWN_LOC = 4, G_MALE = 5, G_FEMALE = 6, G_ORG_SUFFIX = 7,
  G_PLACE_FEATURE = 8, G_TITLE = 9, G_DEMONYM = 10, G_NOT_ENTITY = 11, G_CALENDAR = 12, G_STARTER = 13, G_ORG_WORD = 14,
  G_NAME_SUFFIX = 15, G_PARTICLE = 16, G_ORG_PREFIX = 17, G_OTHER_HEAD = 18, G_STATE = 19, G_KNOWN_B = 20, G_CITY = 21;
const GAZETTEER_BITS = 22;

/** Extra gazetteer the model file brings (hashes of place names from an open list), as a set of name hashes. */
export interface ExtraGazetteer { has(hash: number): boolean; maxWords: number }

/** The word-list bits of one word (the phrase bits depend on its neighbours, see gazetteerBits). */
function lexiconBits(word: string): number {
  const lower = foldWord(word);
  let b = 0;
  if (MALE_NAMES.has(word)) b |= 1 << G_MALE;
  if (FEMALE_NAMES.has(word)) b |= 1 << G_FEMALE;
  if (ORG_SUFFIXES.has(lower)) b |= 1 << G_ORG_SUFFIX;
  if (PLACE_FEATURES.has(lower)) b |= 1 << G_PLACE_FEATURE;
  if (TITLES.candidates(word)) b |= 1 << G_TITLE;
  if (DEMONYMS.has(word)) b |= 1 << G_DEMONYM;
  if (NOT_ENTITIES.has(word)) b |= 1 << G_NOT_ENTITY;
  if (CALENDAR.has(word)) b |= 1 << G_CALENDAR;
  if (STARTERS.has(word)) b |= 1 << G_STARTER;
  if (ORG_WORDS.has(lower)) b |= 1 << G_ORG_WORD;
  if (NAME_SUFFIXES.has(word)) b |= 1 << G_NAME_SUFFIX;
  if (PARTICLES.has(lower)) b |= 1 << G_PARTICLE;
  if (ORG_PREFIXES.has(lower)) b |= 1 << G_ORG_PREFIX;
  if (OTHER_HEADS.has(lower)) b |= 1 << G_OTHER_HEAD;
  if (STATE_ABBREVIATIONS.has(word)) b |= 1 << G_STATE;
  return b;
}

/**
 * Membership bits of each token in the project's word lists and gazetteers (phrases matched over tokens).
 * `lexicon`, when given, holds each token's lexiconBits already.
 */
function gazetteerBits(words: readonly string[], extra: ExtraGazetteer | null, active: Uint8Array, lexicon: Uint32Array | null = null): Uint32Array {
  const n = words.length;
  const bits = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    const word = words[i];
    bits[i] |= lexicon ? lexicon[i] : lexiconBits(word);
    if (!isCapitalised(word) && word !== 'al' && word !== 'dpa') continue;
    const place = matchPhrase(PLACES, words, i);
    if (place) {
      bits[i] |= 1 << G_PLACE_B;
      for (let k = i + 1; k < place.end; k++) bits[k] |= 1 << G_PLACE_I;
    }
    const known = matchPhrase(KNOWN, words, i);
    if (known) {
      const bit = known.value.type === 'person' ? G_KNOWN_PER : known.value.type === 'organization' ? G_KNOWN_ORG : G_KNOWN_LOC;
      bits[i] |= (1 << bit) | (1 << G_KNOWN_B);
      for (let k = i + 1; k < known.end; k++) bits[k] |= 1 << bit;
    }
    if (extra) {
      let h = 0x811c9dc5;
      for (let k = i; k < n && k < i + extra.maxWords; k++) {
        if (k > i) { h ^= 32; h = Math.imul(h, 0x01000193); }
        const w = words[k];
        for (let c = 0; c < w.length; c++) { h ^= w.charCodeAt(c); h = Math.imul(h, 0x01000193); }
        if (extra.has(h >>> 0)) { for (let m = i; m <= k; m++) bits[m] |= 1 << G_CITY; }
        if (k + 1 < n && !isCapitalised(words[k + 1]) && words[k + 1] !== 'of' && words[k + 1] !== '-') break;
      }
    }
  }
  return bits;
}

/** A phrase of a lexicon table starting at token i; the tables hold phrases split at blanks, so hyphenated words are rejoined. */
function matchPhrase<T>(table: { candidates(first: string): Array<{ tokens: string[]; value: T }> | undefined; fold(t: string): string },
  words: readonly string[], i: number): { end: number; value: T } | null {
  const first = words[i + 1] === '-' && i + 2 < words.length ? `${words[i]}-${words[i + 2]}` : words[i];
  const candidates = table.candidates(words[i]) ?? (first !== words[i] ? table.candidates(first) : undefined);
  if (!candidates) return null;
  outer: for (const phrase of candidates) {
    let k = i;
    for (const part of phrase.tokens) {
      if (k >= words.length) continue outer;
      // A phrase token may be a hyphenated word the recogniser's tokens split: "al-Qaida" = "al", "-", "Qaida".
      let word = words[k];
      let next = k + 1;
      while (word.length < part.length && words[next] === '-' && next + 1 < words.length) { word += `-${words[next + 1]}`; next += 2; }
      if (table.fold(word) !== part) continue outer;
      k = next;
    }
    return { end: k, value: phrase.value };
  }
  return null;
}

/** The value of a neighbour feature where the sentence has no such neighbour. */
const NONE = 0x2545f491;

// Feature templates: each feature is mix(template, value) masked to the bucket count.
const enum T {
  Bias = 1, Word, Lower, Shape, Prefix2, Prefix3, Suffix1, Suffix2, Suffix3, Suffix4, PrevLower, NextLower, Prev2Lower, Next2Lower,
  PrevShapeShape, ShapeNextShape, PrevLowerLower, LowerNextLower, FirstShape, FirstLower, HeadlineShape, HeadlineLower,
  CapitalisedElsewhere, LowerElsewhere, AllCapsElsewhere, Gazetteer, PrevGazetteer, NextGazetteer, GazetteerShape,
  FirstPassSelf, FirstPassPrev, FirstPassNext, FirstPassSame, FirstPassSameFirst, Length, PrevWord, NextWord, WordSentenceEnd,
  LastInSentence, Prev2Shape, Next2Shape, Hint, HintShape, HintPrev, HintNext, HintLower,
}

/** First-pass labels by type: 0 none, 1 person, 2 organization, 3 place (from a tag index). */
function tagType(tag: number): number {
  return tag === 0 ? 0 : (tag + 1) >> 1;
}

/**
 * The feature ids of every token. `firstPass` (tag indices of the same document from the first-pass model)
 * adds the second pass's features: the token's own first-pass tag, its neighbours', and the types the first pass
 * gave the same word elsewhere in the document.
 */
export function documentFeatures(doc: FeatureDocument, mask: number, extra: ExtraGazetteer | null, firstPass: Uint8Array | null = null): FeatureTable {
  const base = baseFeatures(doc, mask, extra);
  return firstPass ? withFirstPass(doc, base, mask, firstPass) : base;
}

/** Per word: 1 where a sentence starts, where one ends, and inside a headline. */
function sentenceMarks(doc: FeatureDocument): { sentenceFirst: Uint8Array; sentenceLast: Uint8Array; headline: Uint8Array } {
  const n = doc.words.length;
  const sentenceFirst = new Uint8Array(n);
  const sentenceLast = new Uint8Array(n);
  const headline = new Uint8Array(n);
  for (const s of doc.sentences) {
    if (s.to > s.from) { sentenceFirst[s.from] = 1; sentenceLast[s.to - 1] = 1; }
    if (s.headline) headline.fill(1, s.from, s.to);
  }
  return { sentenceFirst, sentenceLast, headline };
}

function baseFeatures(doc: FeatureDocument, mask: number, extra: ExtraGazetteer | null): FeatureTable {
  const words = doc.words;
  const n = words.length;
  const lowerHash = new Uint32Array(n);
  const wordHash = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const { sentenceFirst, sentenceLast, headline } = sentenceMarks(doc);
  const lowers: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const lower = foldWord(words[i]);
    lowers[i] = lower;
    lowerHash[i] = hashString(lower);
    wordHash[i] = hashString(words[i]);
    shape[i] = shapeHash(words[i]);
  }
  // Document evidence: how the same word is written where capitals do not come from the sentence or a headline.
  const capitalisedMid = new Set<number>();
  const lowerSeen = new Set<number>();
  const upperSeen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const word = words[i];
    if (isLowerWord(word)) lowerSeen.add(lowerHash[i]);
    else if (isCapitalised(word) && !headline[i]) {
      if (!sentenceFirst[i] && !(i > 0 && isQuoteOpen(words[i - 1]))) capitalisedMid.add(lowerHash[i]);
      if (word.length > 1 && word === word.toUpperCase()) upperSeen.add(lowerHash[i]);
    }
  }
  const active = activeTokens(words);
  const gazetteer = gazetteerBits(words, extra, active);

  const offsets = new Int32Array(n + 1);
  const wordOnly = new Uint8Array(n);
  let ids = new Int32Array(Math.max(64, n * 48));
  let count = 0;
  const add = (template: number, value: number) => {
    if (count === ids.length) { const bigger = new Int32Array(ids.length * 2); bigger.set(ids); ids = bigger; }
    ids[count++] = mix(template, value) & mask;
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    if (!active[i]) continue;
    const word = words[i];
    const lower = lowers[i];
    const prev = i > 0 && !sentenceFirst[i] ? lowerHash[i - 1] : NONE;
    const next = i + 1 < n && !sentenceLast[i] ? lowerHash[i + 1] : NONE;
    const prev2 = i > 1 && !sentenceFirst[i] && !sentenceFirst[i - 1] ? lowerHash[i - 2] : NONE;
    const next2 = i + 2 < n && !sentenceLast[i] && !sentenceLast[i + 1] ? lowerHash[i + 2] : NONE;
    const prevShape = prev === NONE ? NONE : shape[i - 1];
    const nextShape = next === NONE ? NONE : shape[i + 1];
    add(T.Bias, 0);
    add(T.Word, wordHash[i]);
    add(T.Lower, lowerHash[i]);
    add(T.Shape, shape[i]);
    const length = lower.length;
    if (length > 2) {
      add(T.Prefix2, hashRange(lower, 0, 2));
      add(T.Prefix3, hashRange(lower, 0, 3));
    }
    if (length > 1) {
      add(T.Suffix1, hashRange(lower, length - 1, length));
      add(T.Suffix2, hashRange(lower, length - 2, length));
    }
    if (length > 3) add(T.Suffix3, hashRange(lower, length - 3, length));
    if (length > 4) add(T.Suffix4, hashRange(lower, length - 4, length));
    add(T.Length, Math.min(word.length, 12));
    wordOnly[i] = count - offsets[i];
    add(T.PrevLower, prev);
    add(T.NextLower, next);
    add(T.Prev2Lower, prev2);
    add(T.Next2Lower, next2);
    add(T.PrevWord, prev === NONE ? NONE : wordHash[i - 1]);
    add(T.NextWord, next === NONE ? NONE : wordHash[i + 1]);
    add(T.PrevShapeShape, mix(prevShape, shape[i]));
    add(T.ShapeNextShape, mix(shape[i], nextShape));
    add(T.Prev2Shape, prev2 === NONE ? NONE : mix(shape[i - 2], prevShape));
    add(T.Next2Shape, next2 === NONE ? NONE : mix(nextShape, shape[i + 2]));
    add(T.PrevLowerLower, mix(prev, lowerHash[i]));
    add(T.LowerNextLower, mix(lowerHash[i], next));
    if (sentenceFirst[i]) { add(T.FirstShape, shape[i]); add(T.FirstLower, lowerHash[i]); }
    if (sentenceLast[i]) add(T.LastInSentence, shape[i]);
    if (headline[i]) { add(T.HeadlineShape, shape[i]); add(T.HeadlineLower, lowerHash[i]); }
    if (isCapitalised(word)) {
      const first = sentenceFirst[i] || headline[i] ? 1 : 0;
      add(T.CapitalisedElsewhere, (capitalisedMid.has(lowerHash[i]) ? 2 : 0) + first);
      add(T.LowerElsewhere, (lowerSeen.has(lowerHash[i]) ? 2 : 0) + first);
      if (upperSeen.has(lowerHash[i]) && word !== word.toUpperCase()) add(T.AllCapsElsewhere, 1);
    }
    const hints = doc.hints;
    if (hints) {
      add(T.Hint, hints[i]);
      add(T.HintShape, mix(hints[i], shape[i]));
      add(T.HintPrev, prev === NONE ? 999 : hints[i - 1]);
      add(T.HintNext, next === NONE ? 999 : hints[i + 1]);
      if (hints[i]) add(T.HintLower, mix(hints[i], lowerHash[i]));
    }
    const bits = gazetteer[i];
    for (let b = 0; b < GAZETTEER_BITS; b++) {
      if (bits & (1 << b)) { add(T.Gazetteer, b); add(T.GazetteerShape, mix(b, shape[i])); }
      if (prev !== NONE && gazetteer[i - 1] & (1 << b)) add(T.PrevGazetteer, b);
      if (next !== NONE && gazetteer[i + 1] & (1 << b)) add(T.NextGazetteer, b);
    }
  }
  offsets[n] = count;
  return { offsets, ids: ids.subarray(0, count), active, wordOnly };
}

/** The weights of feature buckets for both passes of a two-pass model, added to sums[at .. at + SUMS). */
export interface BucketWeights {
  add(bucket: number, sums: Int32Array, at: number): void;
  /** Adds the weights of buckets[0 .. count). */
  addAll(buckets: Int32Array, count: number, sums: Int32Array, at: number): void;
}

/** Int32 slots of one token's sums in scoreDocument: TAG_COUNT for the first pass, then TAG_COUNT for the second. */
export const SUMS = 14;
/** SUMS, as a local constant of this module (an exported one is read through the module object). */
const S = 14;

const CAPITALISED = 1, LOWER_WORD = 2, ALL_CAPS = 4, SAME_UPPER = 8, ACTIVATES = 16, QUOTE_OPEN = 32;
/** Bits of scoreDocument's document evidence about a lower-case form. */
const LOWER_SEEN = 1, CAPITALISED_MID = 2, UPPER_SEEN = 4;

/** What the features read of one word wherever it stands (see WordFactsCache). */
interface WordFacts {
  lower: string;
  lowerHash: number;
  wordHash: number;
  shape: number;
  /** CAPITALISED, LOWER_WORD, ... */
  flags: number;
  /** lexiconBits of the word. */
  lexicon: number;
  /**
   * Both passes' sums over the features the word brings: as the token itself (the features of the word alone), as the
   * previous token, the next one, the second previous and the second next; SUMS slots each, from this offset of the
   * cache's `pool`. -1 until first used.
   */
  sumsAt: number;
}

const SELF = 0, AS_PREV = S, AS_NEXT = 2 * S, AS_PREV2 = 3 * S, AS_NEXT2 = 4 * S;

/** Words whose facts a cache keeps (then it starts again, between documents), so the memory they take stays small. */
const WORD_FACTS_LIMIT = 50_000;
/** Int32 slots of one word's sums in the pool. */
const WORD_SUMS = 5 * S;

/**
 * The facts and feature sums of words, kept by word across documents for one model's weights: most words come back
 * in later documents. Owned by a recogniser.
 */
export class WordFactsCache {
  private readonly byWord = new Map<string, WordFacts>();
  /**
   * The words' sums one after another (one array, so that the sum of a token's five reads one block of memory);
   * offset 0 holds the sums of the neighbour features of a token with no such neighbour.
   */
  pool = new Int32Array(1024 * WORD_SUMS);
  private used = WORD_SUMS;

  constructor(readonly weights: BucketWeights, readonly mask: number) {
    this.addFeature(T.PrevLower, NONE, this.pool, AS_PREV);
    this.addFeature(T.PrevWord, NONE, this.pool, AS_PREV);
    this.addFeature(T.NextLower, NONE, this.pool, AS_NEXT);
    this.addFeature(T.NextWord, NONE, this.pool, AS_NEXT);
    this.addFeature(T.Prev2Lower, NONE, this.pool, AS_PREV2);
    this.addFeature(T.Next2Lower, NONE, this.pool, AS_NEXT2);
  }

  /** Called before each document: a full cache starts again here, never while a document's offsets are in use. */
  beginDocument(): void {
    if (this.byWord.size < WORD_FACTS_LIMIT) return;
    this.byWord.clear();
    this.used = WORD_SUMS;
    this.pool.fill(0, WORD_SUMS);
  }

  addFeature(template: number, value: number, sums: Int32Array, at: number): void {
    this.weights.add(mix(template, value) & this.mask, sums, at);
  }

  facts(word: string): WordFacts {
    let facts = this.byWord.get(word);
    if (facts) return facts;
    const lower = foldWord(word);
    const c = word.charCodeAt(0);
    const capitalised = isCapitalised(word);
    let flags = 0;
    if (capitalised) flags |= CAPITALISED;
    if (isLowerWord(word)) flags |= LOWER_WORD;
    const sameUpper = word === word.toUpperCase();
    if (sameUpper) flags |= SAME_UPPER;
    if (word.length > 1 && sameUpper) flags |= ALL_CAPS;
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && capitalised) || PARTICLES.has(word)) flags |= ACTIVATES;
    if (isQuoteOpen(word)) flags |= QUOTE_OPEN;
    facts = { lower, lowerHash: hashString(lower), wordHash: hashString(word), shape: shapeHash(word), flags, lexicon: lexiconBits(word), sumsAt: -1 };
    this.byWord.set(word, facts);
    return facts;
  }

  /** The offset of a word's sums in `pool`, computed on first use (which may replace `pool` by a larger copy). */
  sumsAt(facts: WordFacts, word: string): number {
    if (facts.sumsAt >= 0) return facts.sumsAt;
    if (this.used + WORD_SUMS > this.pool.length) {
      const larger = new Int32Array(2 * this.pool.length);
      larger.set(this.pool);
      this.pool = larger;
    }
    const offset = this.used;
    this.used += WORD_SUMS;
    const sums = this.pool;
    const SELF = offset, AS_PREV = offset + S, AS_NEXT = offset + 2 * S, AS_PREV2 = offset + 3 * S, AS_NEXT2 = offset + 4 * S;
    const { lower, lowerHash, wordHash, shape } = facts;
    // The features baseFeatures gives a token from its word alone, in the same order.
    this.addFeature(T.Bias, 0, sums, SELF);
    this.addFeature(T.Word, wordHash, sums, SELF);
    this.addFeature(T.Lower, lowerHash, sums, SELF);
    this.addFeature(T.Shape, shape, sums, SELF);
    const length = lower.length;
    if (length > 2) {
      this.addFeature(T.Prefix2, hashRange(lower, 0, 2), sums, SELF);
      this.addFeature(T.Prefix3, hashRange(lower, 0, 3), sums, SELF);
    }
    if (length > 1) {
      this.addFeature(T.Suffix1, hashRange(lower, length - 1, length), sums, SELF);
      this.addFeature(T.Suffix2, hashRange(lower, length - 2, length), sums, SELF);
    }
    if (length > 3) this.addFeature(T.Suffix3, hashRange(lower, length - 3, length), sums, SELF);
    if (length > 4) this.addFeature(T.Suffix4, hashRange(lower, length - 4, length), sums, SELF);
    this.addFeature(T.Length, Math.min(word.length, 12), sums, SELF);
    // As a neighbour: a lower-case hash equal to NONE reads as no neighbour there, as in baseFeatures.
    const word2 = lowerHash === NONE ? NONE : wordHash;
    this.addFeature(T.PrevLower, lowerHash, sums, AS_PREV);
    this.addFeature(T.PrevWord, word2, sums, AS_PREV);
    this.addFeature(T.NextLower, lowerHash, sums, AS_NEXT);
    this.addFeature(T.NextWord, word2, sums, AS_NEXT);
    this.addFeature(T.Prev2Lower, lowerHash, sums, AS_PREV2);
    this.addFeature(T.Next2Lower, lowerHash, sums, AS_NEXT2);
    facts.sumsAt = offset;
    return offset;
  }
}

/**
 * The base features of every token (those of documentFeatures without a first pass) summed over both passes' weights:
 * sums[i * SUMS + pass * TAG_COUNT + tag], 0 for tokens that are not active. The same integers as adding up the
 * weights of documentFeatures' ids (addition of integers does not depend on order), without building the table.
 */
export function scoreDocument(doc: FeatureDocument, extra: ExtraGazetteer | null, cache: WordFactsCache): { sums: Int32Array; active: Uint8Array; wordHashes: Uint32Array } {
  const words = doc.words;
  const n = words.length;
  cache.beginDocument();
  const facts: WordFacts[] = new Array(n);
  const lowerHash = new Uint32Array(n);
  const wordHashes = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const lexicon = new Uint32Array(n);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = cache.facts(words[i]);
    facts[i] = f;
    lowerHash[i] = f.lowerHash;
    wordHashes[i] = f.wordHash;
    shape[i] = f.shape;
    lexicon[i] = f.lexicon;
    if (f.flags & ACTIVATES) for (let k = Math.max(0, i - 2); k <= i + 2 && k < n; k++) active[k] = 1;
  }
  const { sentenceFirst, sentenceLast, headline } = sentenceMarks(doc);
  // Document evidence by lower-case form: seen in lower case, capitalised mid-sentence, in capitals.
  const forms = new KeySlots(n);
  const formOf = new Int32Array(n);
  const evidence = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const form = forms.slot(lowerHash[i]);
    formOf[i] = form;
    const flags = facts[i].flags;
    if (flags & LOWER_WORD) evidence[form] |= LOWER_SEEN;
    else if (flags & CAPITALISED && !headline[i]) {
      if (!sentenceFirst[i] && !(i > 0 && facts[i - 1].flags & QUOTE_OPEN)) evidence[form] |= CAPITALISED_MID;
      if (flags & ALL_CAPS) evidence[form] |= UPPER_SEEN;
    }
  }
  const gazetteer = gazetteerBits(words, extra, active, lexicon);

  // Each token's word sums (offset 0, no neighbour, where a token stands for none); the pool is complete after this.
  const wordSums = new Int32Array(n);
  for (let i = 0; i < n; i++) wordSums[i] = cache.sumsAt(facts[i], words[i]);
  const pool = cache.pool;
  const sums = new Int32Array(n * S);
  const mask = cache.mask;
  // One token's feature buckets, summed at once.
  const buckets = new Int32Array(64 + 3 * GAZETTEER_BITS);
  let count = 0;
  const add = (template: number, value: number) => { buckets[count++] = mix(template, value) & mask; };
  const hints = doc.hints;
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    const at = i * S;
    const prevToken = i > 0 && !sentenceFirst[i];
    const nextToken = i + 1 < n && !sentenceLast[i];
    const prev2Token = i > 1 && !sentenceFirst[i] && !sentenceFirst[i - 1];
    const next2Token = i + 2 < n && !sentenceLast[i] && !sentenceLast[i + 1];
    const own = wordSums[i] + SELF;
    const before = (prevToken ? wordSums[i - 1] : 0) + AS_PREV;
    const after = (nextToken ? wordSums[i + 1] : 0) + AS_NEXT;
    const before2 = (prev2Token ? wordSums[i - 2] : 0) + AS_PREV2;
    const after2 = (next2Token ? wordSums[i + 2] : 0) + AS_NEXT2;
    for (let t = 0; t < S; t++) sums[at + t] = pool[own + t] + pool[before + t] + pool[after + t] + pool[before2 + t] + pool[after2 + t];
    const prev = prevToken ? lowerHash[i - 1] : NONE;
    const next = nextToken ? lowerHash[i + 1] : NONE;
    const prev2 = prev2Token ? lowerHash[i - 2] : NONE;
    const next2 = next2Token ? lowerHash[i + 2] : NONE;
    const prevShape = prev === NONE ? NONE : shape[i - 1];
    const nextShape = next === NONE ? NONE : shape[i + 1];
    count = 0;
    add(T.PrevShapeShape, mix(prevShape, shape[i]));
    add(T.ShapeNextShape, mix(shape[i], nextShape));
    add(T.Prev2Shape, prev2 === NONE ? NONE : mix(shape[i - 2], prevShape));
    add(T.Next2Shape, next2 === NONE ? NONE : mix(nextShape, shape[i + 2]));
    add(T.PrevLowerLower, mix(prev, lowerHash[i]));
    add(T.LowerNextLower, mix(lowerHash[i], next));
    if (sentenceFirst[i]) { add(T.FirstShape, shape[i]); add(T.FirstLower, lowerHash[i]); }
    if (sentenceLast[i]) add(T.LastInSentence, shape[i]);
    if (headline[i]) { add(T.HeadlineShape, shape[i]); add(T.HeadlineLower, lowerHash[i]); }
    const flags = facts[i].flags;
    if (flags & CAPITALISED) {
      const first = sentenceFirst[i] || headline[i] ? 1 : 0;
      const seen = evidence[formOf[i]];
      add(T.CapitalisedElsewhere, (seen & CAPITALISED_MID ? 2 : 0) + first);
      add(T.LowerElsewhere, (seen & LOWER_SEEN ? 2 : 0) + first);
      if (seen & UPPER_SEEN && !(flags & SAME_UPPER)) add(T.AllCapsElsewhere, 1);
    }
    if (hints) {
      add(T.Hint, hints[i]);
      add(T.HintShape, mix(hints[i], shape[i]));
      add(T.HintPrev, prev === NONE ? 999 : hints[i - 1]);
      add(T.HintNext, next === NONE ? 999 : hints[i + 1]);
      if (hints[i]) add(T.HintLower, mix(hints[i], lowerHash[i]));
    }
    const bits = gazetteer[i];
    const prevBits = prev !== NONE ? gazetteer[i - 1] : 0;
    const nextBits = next !== NONE ? gazetteer[i + 1] : 0;
    if (bits | prevBits | nextBits) {
      for (let b = 0; b < GAZETTEER_BITS; b++) {
        if (bits & (1 << b)) { add(T.Gazetteer, b); add(T.GazetteerShape, mix(b, shape[i])); }
        if (prevBits & (1 << b)) add(T.PrevGazetteer, b);
        if (nextBits & (1 << b)) add(T.NextGazetteer, b);
      }
    }
    cache.weights.addAll(buckets, count, sums, at);
  }
  return { sums, active, wordHashes };
}

/** The base table with the second pass's features of each active token appended. */
export function withFirstPass(doc: FeatureDocument, base: FeatureTable, mask: number, firstPass: Uint8Array): FeatureTable {
  const extra = firstPassFeatures(doc, base.active, mask, firstPass);
  const n = doc.words.length;
  const offsets = new Int32Array(n + 1);
  const ids = new Int32Array(base.ids.length + extra.ids.length);
  let count = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    for (let f = base.offsets[i]; f < base.offsets[i + 1]; f++) ids[count++] = base.ids[f];
    for (let f = extra.offsets[i]; f < extra.offsets[i + 1]; f++) ids[count++] = extra.ids[f];
  }
  offsets[n] = count;
  return { offsets, ids, active: base.active, wordOnly: base.wordOnly };
}

/**
 * The second pass's own features of each active token (what withFirstPass appends to the base table): the token's
 * first-pass tag, its neighbours', and the types the first pass gave the same word elsewhere in the document.
 */
export function firstPassFeatures(doc: FeatureDocument, active: Uint8Array, mask: number, firstPass: Uint8Array, wordHashes: Uint32Array | null = null): FeatureTable {
  const words = doc.words;
  const n = words.length;
  const { sentenceFirst, sentenceLast } = sentenceMarks(doc);
  // The types the first pass gave each capitalised word (by its hash), counted per type.
  const spellings = new KeySlots(n);
  const spellingOf = new Int32Array(n);
  const counts = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) {
    if (!active[i] || !isCapitalised(words[i])) continue;
    spellingOf[i] = spellings.slot(wordHashes ? wordHashes[i] : hashString(words[i]));
    counts[4 * spellingOf[i] + tagType(firstPass[i])]++;
  }
  const offsets = new Int32Array(n + 1);
  const ids = new Int32Array(n * 8);
  let count = 0;
  const add = (template: number, value: number) => { ids[count++] = mix(template, value) & mask; };
  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    if (!active[i]) continue;
    const hasPrev = i > 0 && !sentenceFirst[i];
    const hasNext = i + 1 < n && !sentenceLast[i];
    add(T.FirstPassSelf, firstPass[i]);
    add(T.FirstPassPrev, hasPrev ? firstPass[i - 1] : 99);
    add(T.FirstPassNext, hasNext ? firstPass[i + 1] : 99);
    if (isCapitalised(words[i])) {
      const at = 4 * spellingOf[i];
      const own = tagType(firstPass[i]);
      // Other occurrences only: the token's own label is the feature above.
      let best = 0;
      let bestCount = 0;
      for (let t = 0; t < 4; t++) {
        const c = counts[at + t] - (t === own ? 1 : 0);
        if (c > 0 && t > 0) add(T.FirstPassSame, t * 2 + (c > 1 ? 1 : 0));
        if (c > bestCount) { best = t; bestCount = c; }
      }
      add(T.FirstPassSameFirst, best * 2 + sentenceFirst[i]);
    }
  }
  offsets[n] = count;
  return { offsets, ids: ids.subarray(0, count), active };
}

function isQuoteOpen(word: string): boolean {
  return word === '"' || word === '“' || word === "'" || word === '‘' || word === '(' || word === ':' || word === '-' || word === '—';
}
