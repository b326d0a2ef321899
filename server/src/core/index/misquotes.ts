import type { DocumentAnalysis, Quote, Span } from '../types';
import misquoteWords from '../data/misquote-words.json';
import numberWords from '../data/figures-numbers.json';

/**
 * Misquotes: the same speaker quoted in two documents with nearly the same words. The two quotes are aligned
 * word by word (a local alignment, so a quote that gives only part of the other is not a difference); what
 * differs inside the aligned part is sorted into a negation, a number, a name or another word. Case and
 * punctuation never count.
 */

export type QuoteDifferenceKind = 'negation' | 'number' | 'name' | 'word';

export interface QuoteDifference {
  kind: QuoteDifferenceKind;
  /** The words this quote has there ("" when it has none). */
  here: string;
  /** The words the other quote has instead. */
  there: string;
}

export interface QuoteComparison {
  differences: QuoteDifference[];
  /** Both wordings with the differing words marked «thus» (a missing word is «…»), shortened around the differences. */
  hereMarked: string;
  thereMarked: string;
}

export interface Misquote extends Span {
  path: string;
  otherPath: string;
  otherStart: number;
  otherEnd: number;
  speaker: { id: string; name: string };
  differences: QuoteDifference[];
  /** 'meaning' when a negation, a number or a name differs; 'wording' for other words. */
  weight: 'meaning' | 'wording';
  hereMarked: string;
  thereMarked: string;
}

const NEGATIONS = new Set(misquoteWords.negations);
const CONTRACTIONS = misquoteWords.contractions as Record<string, string[]>;
const CONTRACTION_ENDINGS = Object.entries(misquoteWords.contractionEndings as Record<string, string>);
const NUMBER_WORDS = new Set([...Object.keys(numberWords.ones), ...Object.keys(numberWords.tens), 'hundred', ...Object.keys(numberWords.scales),
  ...Object.keys(numberWords.ordinals ?? {})]);
/** Quotes shorter than this (in words) are too short to tell a misquote from a coincidence. */
const SHORTEST_COMPARED = 4;
/** The aligned part must hold this share of the shorter quote's words, matched. */
const MINIMUM_MATCHED_SHARE = 0.6;
/** A difference at an end counts as one (not as a partial quote) when both quotes still have at most this many words there. */
const LONGEST_END_DIFFERENCE = 3;
/** Longer "quotes" are runaway spans (a mark never closed), not something one speaker said in one go; the alignment is quadratic. */
const LONGEST_ALIGNED = 400;
/** Words of context kept around the differences in the marked wordings. */
const CONTEXT_WORDS = 8;

interface Token { text: string; normal: string; start: number; end: number; capitalised: boolean }

const TOKEN = /[\p{L}\p{N}]+(?:[.,:]\d+)*(?:['’][\p{L}]+)*['’]?/gu;

export function tokenizeQuote(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const raw = match[0];
    const lower = raw.toLowerCase().replace(/’/g, '\'');
    const start = match.index;
    const capitalised = /^\p{Lu}/u.test(raw) && tokens.length > 0 && !/^I(?:$|')/.test(raw) && !/[.!?]["”’]?\s*$/.test(text.slice(0, start));
    for (const normal of spelledOut(lower)) tokens.push({ text: raw, normal, start, end: start + raw.length, capitalised });
  }
  return tokens;
}

/**
 * The words a token stands for, apostrophes and number formatting aside: "doesn't" is "does not", "I'm" "i am",
 * "population's" and "populations'" are "populations", "10,000" is "10000" and "6:00" is "6".
 */
function spelledOut(lower: string): string[] {
  const whole = CONTRACTIONS[lower.replace(/'$/, '')];
  if (whole) return whole;
  if (lower.endsWith('n\'t')) return [lower.slice(0, -3), 'not'];
  for (const [ending, word] of CONTRACTION_ENDINGS) if (lower.endsWith(ending) && lower.length > ending.length) return [lower.slice(0, -ending.length), word];
  if (/^\d/.test(lower)) return [lower.replace(/,/g, '').replace(/:00$/, '')];
  return [lower.replace(/'/g, '')];
}

/** Aligns two quotes; null when they are not the same words (too little in common), or no word differs. */
export function compareQuotes(here: string, there: string): QuoteComparison | null {
  const related = relateQuotes(here, there);
  return related === 'same' ? null : related;
}

/** 'same' when one quote gives the other's words (or part of them) with no word changed; null when unrelated. */
export function relateQuotes(here: string, there: string): QuoteComparison | 'same' | null {
  return relateTokens(here, tokenizeQuote(here), there, tokenizeQuote(there));
}

function relateTokens(here: string, a: Token[], there: string, b: Token[]): QuoteComparison | 'same' | null {
  if (Math.min(a.length, b.length) < SHORTEST_COMPARED || Math.max(a.length, b.length) > LONGEST_ALIGNED) return null;
  const steps = alignLocally(a, b);
  if (!steps) return null;
  const matched = steps.filter((step) => step.kind === 'same').length;
  if (matched < SHORTEST_COMPARED || matched < MINIMUM_MATCHED_SHARE * Math.min(a.length, b.length)) return null;
  const blocks = differingBlocks(steps, a, b);
  if (!blocks.length) return 'same';
  const differences = blocks.map((block) => ({ kind: classify(block.here, block.there),
    here: joinTokens(here, block.here), there: joinTokens(there, block.there) }));
  return { differences, hereMarked: marked(here, a, blocks.map((block) => block.here), blocks.map((block) => block.hereAt)),
    thereMarked: marked(there, b, blocks.map((block) => block.there), blocks.map((block) => block.thereAt)) };
}

type Step = { kind: 'same' | 'changed'; i: number; j: number } | { kind: 'only-here'; i: number; j: number } | { kind: 'only-there'; i: number; j: number };

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/** Smith–Waterman on words, then the ends stretched over short differences on both sides (a changed last word). */
function alignLocally(a: Token[], b: Token[]): Step[] | null {
  const width = b.length + 1;
  const score = new Int32Array((a.length + 1) * width);
  let bestScore = 0;
  let bestCell = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const diagonal = score[(i - 1) * width + j - 1] + (a[i - 1].normal === b[j - 1].normal ? MATCH : MISMATCH);
      const value = Math.max(0, diagonal, score[(i - 1) * width + j] + GAP, score[i * width + j - 1] + GAP);
      score[i * width + j] = value;
      if (value > bestScore) { bestScore = value; bestCell = i * width + j; }
    }
  }
  if (!bestScore) return null;
  const steps: Step[] = [];
  let i = Math.floor(bestCell / width);
  let j = bestCell % width;
  while (i > 0 && j > 0 && score[i * width + j] > 0) {
    const value = score[i * width + j];
    const same = a[i - 1].normal === b[j - 1].normal;
    if (value === score[(i - 1) * width + j - 1] + (same ? MATCH : MISMATCH)) { steps.push({ kind: same ? 'same' : 'changed', i: i - 1, j: j - 1 }); i--; j--; }
    else if (value === score[(i - 1) * width + j] + GAP) { steps.push({ kind: 'only-here', i: i - 1, j }); i--; }
    else { steps.push({ kind: 'only-there', i, j: j - 1 }); j--; }
  }
  steps.reverse();
  // Leading words left on both sides: a changed first word, not a partial quote.
  if (i > 0 && j > 0 && i <= LONGEST_END_DIFFERENCE && j <= LONGEST_END_DIFFERENCE) steps.unshift(...unaligned(0, i, 0, j));
  const lastI = Math.floor(bestCell / width);
  const lastJ = bestCell % width;
  const restA = a.length - lastI;
  const restB = b.length - lastJ;
  if (restA > 0 && restB > 0 && restA <= LONGEST_END_DIFFERENCE && restB <= LONGEST_END_DIFFERENCE) steps.push(...unaligned(lastI, a.length, lastJ, b.length));
  return steps;
}

function unaligned(fromI: number, toI: number, fromJ: number, toJ: number): Step[] {
  const steps: Step[] = [];
  let i = fromI;
  let j = fromJ;
  while (i < toI && j < toJ) steps.push({ kind: 'changed', i: i++, j: j++ });
  while (i < toI) steps.push({ kind: 'only-here', i: i++, j });
  while (j < toJ) steps.push({ kind: 'only-there', i, j: j++ });
  return steps;
}

interface Block { here: Token[]; there: Token[]; hereAt: number; thereAt: number }

/** Consecutive steps that are not the same word, as one difference each. */
function differingBlocks(steps: Step[], a: Token[], b: Token[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const step of steps) {
    if (step.kind === 'same') { current = null; continue; }
    if (!current) blocks.push((current = { here: [], there: [], hereAt: step.i, thereAt: step.j }));
    if (step.kind !== 'only-there' && current.here[current.here.length - 1] !== a[step.i]) current.here.push(a[step.i]);
    if (step.kind !== 'only-here' && current.there[current.there.length - 1] !== b[step.j]) current.there.push(b[step.j]);
  }
  // "doesn't" against "does not" aligns as the same words once expanded; a block whose words agree once joined is none,
  // and so is a spelling variant of one word ("realised", "realized"; "neighbourhood", "neighborhood").
  return blocks.filter((block) => block.here.map((token) => token.normal).join(' ') !== block.there.map((token) => token.normal).join(' ')
    && !spellingVariant(block.here, block.there));
}

/** One lower-case word of five letters or more on each side, a letter apart: spelling, not wording. */
function spellingVariant(here: Token[], there: Token[]): boolean {
  if (here.length !== 1 || there.length !== 1) return false;
  const [a, b] = [here[0].normal, there[0].normal];
  if (here[0].capitalised || there[0].capitalised || Math.min(a.length, b.length) < 5 || /\d/.test(a + b) || NEGATIONS.has(a) || NEGATIONS.has(b)) return false;
  return withinOneEdit(a, b);
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function classify(here: Token[], there: Token[]): QuoteDifferenceKind {
  const normals = (tokens: Token[]) => tokens.map((token) => token.normal);
  const negations = (tokens: Token[]) => normals(tokens).filter((word) => NEGATIONS.has(word)).sort().join(' ');
  if (negations(here) !== negations(there)) return 'negation';
  const numbers = (tokens: Token[]) => normals(tokens).filter((word) => /^\d/.test(word) || NUMBER_WORDS.has(word)).join(' ');
  if (numbers(here) !== numbers(there)) return 'number';
  if ([...here, ...there].some((token) => token.capitalised)) return 'name';
  return 'word';
}

function joinTokens(text: string, tokens: Token[]): string {
  if (!tokens.length) return '';
  return text.slice(tokens[0].start, tokens[tokens.length - 1].end);
}

/** The quote with each differing run of words marked «…», and the place of a missing run marked «…». */
function marked(text: string, tokens: Token[], runs: Token[][], positions: number[]): string {
  let out = '';
  let from = 0;
  const spans = runs.map((run, index) => run.length
    ? { start: run[0].start, end: run[run.length - 1].end, missing: false }
    : { start: tokens[positions[index]]?.start ?? text.length, end: tokens[positions[index]]?.start ?? text.length, missing: true });
  for (const span of spans) {
    out += text.slice(from, span.start) + (span.missing ? '«…» ' : `«${text.slice(span.start, span.end)}»`);
    from = span.end;
  }
  out += text.slice(from);
  return shorten(out.replace(/«…» (?=[\s"”’.,;:!?]|$)/g, '«…»'));
}

function shorten(markedText: string): string {
  const words = markedText.split(/(\s+)/);
  const wordIndexes = words.map((word, index) => (/«/.test(word) || /»/.test(word) ? index : -1)).filter((index) => index >= 0);
  if (!wordIndexes.length) return markedText;
  const first = Math.max(0, wordIndexes[0] - CONTEXT_WORDS * 2);
  const last = Math.min(words.length, wordIndexes[wordIndexes.length - 1] + CONTEXT_WORDS * 2 + 1);
  return `${first > 0 ? '…' : ''}${words.slice(first, last).join('')}${last < words.length ? '…' : ''}`;
}

/**
 * One speaker: the same cross-document id, or a surname given alone in one document and in full in the other
 * ("Medina", "Dianne Medina"), which entity linking may leave apart; the words must still match to be a misquote.
 */
function sameSpeaker(a: Quote, b: Quote): boolean {
  if (!a.speaker?.id || !b.speaker?.id) return false;
  if (a.speaker.id === b.speaker.id) return true;
  const [shorter, longer] = [a.speaker.name, b.speaker.name].sort((x, y) => x.length - y.length);
  return !/\s/.test(shorter) && /^\p{Lu}/u.test(shorter) && longer.endsWith(` ${shorter}`);
}

interface IndexedQuote { path: string; document: DocumentAnalysis; quote: Quote; tokens: Token[]; normal: string; keys: string[] }

/** Word triples: rare enough to find the same quote again, common enough to survive a changed word. */
function quoteKeys(tokens: Token[]): string[] {
  const words = tokens.map((token) => token.normal);
  if (words.length < SHORTEST_COMPARED) return [];
  const keys = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) keys.add(words.slice(i, i + 3).join(' '));
  return [...keys];
}

/** Word triples found in this many quotes or more are set phrases, not a way to find the same quote. */
const COMMONEST_KEY = 200;
/** A quote is aligned with the quotes that share most word triples with it, this many at most. */
const MOST_COMPARED = 24;

/**
 * The quotes of a set of documents by their word triples, kept up to date one document at a time. Speaker ids
 * are read when asked, since the cross-document view gives them after the documents are indexed.
 */
export class QuoteIndex {
  private readonly documents = new Map<string, { analysis: DocumentAnalysis; quotes: IndexedQuote[] }>();
  /** Word triple -> its quotes, in the order indexed: most triples of a large folder are in one quote, kept as it is. */
  private readonly byKey = new Map<string, IndexedQuote | Set<IndexedQuote>>();

  sync(analyses: readonly DocumentAnalysis[]): void {
    const steps = this.syncSteps(analyses);
    while (!steps.next().done);
  }

  /** sync() in steps: it yields after each document it indexes, so a caller can let other work run in between. */
  *syncSteps(analyses: readonly DocumentAnalysis[]): Generator<void, void, void> {
    const current = new Set(analyses.map((analysis) => analysis.path));
    for (const path of [...this.documents.keys()]) if (!current.has(path)) this.delete(path);
    // A linked copy with the same quotes (the same speaker ids) is the same document here.
    for (const analysis of analyses) if (this.documents.get(analysis.path)?.analysis.quotes !== analysis.quotes) { this.set(analysis); yield; }
  }

  set(analysis: DocumentAnalysis): void {
    this.delete(analysis.path);
    const quotes = analysis.quotes.map((quote) => {
      const tokens = tokenizeQuote(quote.text);
      return { path: analysis.path, document: analysis, quote, tokens, normal: tokens.map((token) => token.normal).join(' '), keys: quoteKeys(tokens) };
    });
    for (const entry of quotes) {
      for (const key of entry.keys) {
        const quotes = this.byKey.get(key);
        if (quotes === undefined) this.byKey.set(key, entry);
        else if (quotes instanceof Set) quotes.add(entry);
        else if (quotes !== entry) this.byKey.set(key, new Set([quotes, entry]));
      }
    }
    this.documents.set(analysis.path, { analysis, quotes });
  }

  delete(path: string): void {
    const indexed = this.documents.get(path);
    if (!indexed) return;
    for (const entry of indexed.quotes) {
      for (const key of entry.keys) {
        const quotes = this.byKey.get(key);
        if (quotes === entry) this.byKey.delete(key);
        else if (quotes instanceof Set) {
          quotes.delete(entry);
          if (quotes.size === 1) this.byKey.set(key, quotes.values().next().value!);
        }
      }
    }
    this.documents.delete(path);
  }

  /** The quotes of `path` that the same speaker is quoted saying differently in another document. */
  misquotesOf(path: string): Misquote[] {
    const found: Misquote[] = [];
    for (const entry of this.documents.get(path)?.quotes ?? []) {
      const speaker = entry.quote.speaker;
      if (!speaker?.id) continue;
      for (const other of this.sameSpeakerCandidates(entry)) {
        const comparison = this.relate(entry, other);
        if (!comparison || comparison === 'same') continue;
        found.push({ path, start: entry.quote.start, end: entry.quote.end, otherPath: other.path, otherStart: other.quote.start,
          otherEnd: other.quote.end, speaker: { id: speaker.id, name: speaker.name }, differences: comparison.differences,
          weight: comparison.differences.some((difference) => difference.kind !== 'word') ? 'meaning' : 'wording',
          hereMarked: comparison.hereMarked, thereMarked: comparison.thereMarked });
      }
    }
    return found;
  }

  /** Other documents' quotes of the same speaker with the same words as the quote of `path` starting at `start`. */
  echoesOf(path: string, start: number): Array<Span & { path: string }> {
    const entry = this.documents.get(path)?.quotes.find((candidate) => candidate.quote.start === start);
    if (!entry?.quote.speaker?.id) return [];
    return this.sameSpeakerCandidates(entry).filter((other) => this.relate(entry, other) === 'same')
      .map((other) => ({ path: other.path, start: other.quote.start, end: other.quote.end }));
  }

  private relate(entry: IndexedQuote, other: IndexedQuote): QuoteComparison | 'same' | null {
    // Copies of one quote are the commonest case: no alignment needed.
    if (entry.normal === other.normal) return entry.tokens.length >= SHORTEST_COMPARED ? 'same' : null;
    return relateTokens(entry.quote.text, entry.tokens, other.quote.text, other.tokens);
  }

  /** Other documents' quotes of the same speaker sharing word triples with this one, those sharing most first. */
  private sameSpeakerCandidates(entry: IndexedQuote): IndexedQuote[] {
    if (!entry.quote.speaker?.id) return [];
    const shared = new Map<IndexedQuote, number>();
    for (const key of entry.keys) {
      const quotes = this.byKey.get(key);
      if (quotes === undefined || (quotes instanceof Set && quotes.size >= COMMONEST_KEY)) continue;
      for (const other of quotes instanceof Set ? quotes : [quotes]) if (other.path !== entry.path) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    return [...shared].filter(([other]) => sameSpeaker(entry.quote, other.quote))
      .sort(([x, a], [y, b]) => b - a || x.path.localeCompare(y.path) || x.quote.start - y.quote.start)
      .slice(0, MOST_COMPARED).map(([other]) => other)
      .sort((x, y) => x.path.localeCompare(y.path) || x.quote.start - y.quote.start);
  }
}
