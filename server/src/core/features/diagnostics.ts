import type { DocumentAnalysis, FigureGroup, Quote, Span } from '../types';
import type { CrossDocumentView, ViewLookup } from '../index/workspace-index';
import { lineEndAfter } from '../text/line-breaks';
import { documentLabel, formatNumber } from './names';
import { misquoteDiagnostics } from './misquote-diagnostics';

export type DiagnosticKind = 'noise' | 'figure-conflict' | 'unattributed-quote' | 'undated' | 'name-spelling' | 'quote-speaker-mismatch' | 'misquote';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation extends Span { path: string; message: string }

export interface FoundDiagnostic extends Span {
  kind: DiagnosticKind;
  severity: Severity;
  message: string;
  unnecessary?: boolean;
  related?: RelatedLocation[];
  /** For name-spelling: the spelling the other sources use. */
  replacement?: string;
}

export const DEFAULT_SEVERITY: Record<DiagnosticKind, Severity> = {
  'noise': 'hint',
  'figure-conflict': 'information',
  'unattributed-quote': 'information',
  'undated': 'information',
  'name-spelling': 'information',
  'quote-speaker-mismatch': 'warning',
  'misquote': 'warning',
};

export interface DiagnosticOptions {
  severity: Record<DiagnosticKind, Severity>;
  /** At most this many per document, the most useful kinds first. */
  maximumPerDocument: number;
}

/** Problems the user set aside (from the corrections file), for this document. */
export type Dismissals = ReadonlyArray<{ code: string; text?: string }>;

const KIND_ORDER: DiagnosticKind[] = ['figure-conflict', 'misquote', 'quote-speaker-mismatch', 'name-spelling', 'undated', 'unattributed-quote', 'noise'];
/** Shorter names differ by a letter too often by chance ("Carter", "Cartier"). */
const SHORTEST_CHECKED_NAME = 8;
/** Quotes this long, once normalised, are matched across sources. */
const SHORTEST_MATCHED_QUOTE = 30;

const SHINGLE_WORDS = 5;

/** One document's share of the workspace facts, computed once per analysis. */
interface DocumentFacts {
  spellings: Set<string>;
  quotes: Array<{ quote: Quote; position: number; words: string; shingles: string[] }>;
}

/** A quote of an analysis: its speaker's cross-document id is read from the view's linked copy, at `position`. */
interface QuoteEntry { document: DocumentAnalysis; quote: Quote; position: number; words: string }

/**
 * Spellings found again by near-miss: each spelling is split into three segments, and
 * two spellings within two edits of each other share at least one segment, at most two characters away from
 * where it sits in the other (pigeonhole). A look-up reads a few keys instead of comparing every spelling.
 */
/**
 * Sets of strings by key, in the order they were added; a set of one is kept as its string: 10,000 documents write
 * hundreds of thousands of names, most of them in one document, and an empty-but-one set each would be most of
 * the diagnostics' memory.
 */
export class StringSets {
  private readonly sets = new Map<string, string | Set<string>>();

  has(key: string, value: string): boolean {
    const set = this.sets.get(key);
    return set === value || (typeof set === 'object' && set.has(value));
  }

  /** How many strings the key holds (0 for a key never given one). */
  sizeOf(key: string): number {
    const set = this.sets.get(key);
    return set === undefined ? 0 : typeof set === 'string' ? 1 : set.size;
  }

  *valuesOf(key: string): IterableIterator<string> {
    const set = this.sets.get(key);
    if (typeof set === 'string') yield set;
    else if (set) yield* set;
  }

  add(key: string, value: string): void {
    const set = this.sets.get(key);
    if (set === undefined) this.sets.set(key, value);
    else if (typeof set === 'object') set.add(value);
    else if (set !== value) this.sets.set(key, new Set([set, value]));
  }

  delete(key: string, value: string): void {
    const set = this.sets.get(key);
    if (set === value) this.sets.delete(key);
    else if (typeof set === 'object') {
      set.delete(value);
      if (set.size === 1) this.sets.set(key, set.values().next().value!);
    }
  }
}

export class NearMissIndex {
  private readonly bySegment = new StringSets();

  constructor(private readonly shortest: number) {}

  add(spelling: string): void {
    if (spelling.length < this.shortest) return;
    for (const key of segmentKeys(spelling)) this.bySegment.add(key, spelling);
  }

  remove(spelling: string): void {
    if (spelling.length < this.shortest) return;
    for (const key of segmentKeys(spelling)) this.bySegment.delete(key, spelling);
  }

  /** Indexed spellings other than `spelling` within two edits of it. */
  near(spelling: string): string[] {
    const found = new Set<string>();
    const length = spelling.length;
    for (let other = Math.max(this.shortest, length - NEAR_MISS_EDITS); other <= length + NEAR_MISS_EDITS; other++) {
      for (const [position, [start, size]] of segmentsOf(other).entries()) {
        for (let shift = -NEAR_MISS_EDITS; shift <= NEAR_MISS_EDITS; shift++) {
          const at = start + shift;
          if (at < 0 || at + size > length) continue;
          for (const candidate of this.bySegment.valuesOf(`${other}:${position}:${spelling.slice(at, at + size)}`)) {
            if (candidate !== spelling) found.add(candidate);
          }
        }
      }
    }
    return [...found].filter((candidate) => editDistanceAtMost(spelling, candidate, NEAR_MISS_EDITS));
  }
}

const NEAR_MISS_EDITS = 2;

/** Three segments (start, length) covering a spelling of `length` characters. */
function segmentsOf(length: number): Array<[number, number]> {
  const size = Math.floor(length / (NEAR_MISS_EDITS + 1));
  return [[0, size], [size, size], [2 * size, length - 2 * size]];
}

function segmentKeys(spelling: string): string[] {
  return segmentsOf(spelling.length).map(([start, size], position) => `${spelling.length}:${position}:${spelling.slice(start, start + size)}`);
}

/** What changed in the workspace facts since they were last asked: the inputs of `affectedDocuments`. */
export interface FactChanges {
  /** Spellings whose set of documents changed, each with whether it crossed between one and two documents. */
  spellings: Map<string, { crossed: boolean }>;
  shingles: Set<string>;
}

/**
 * What diagnostics need to know of the whole workspace, owned by one workspace index and kept up to date as
 * analyses are replaced: which documents write each spelling; spellings by near-miss, in two indexes (one-off and
 * shared) that a spelling moves between as it crosses one and two documents; quotes by five-word shingle. Each change costs in proportion to the documents that changed.
 */
export class DiagnosticFacts {
  private readonly ownFacts = new WeakMap<DocumentAnalysis, DocumentFacts>();
  readonly contributors = new Map<string, DocumentAnalysis>();
  /** The paths of the documents that write each spelling. */
  readonly documentsBySpelling = new StringSets();
  /** Spellings in two or more documents: what a one-off spelling is checked against. */
  readonly sharedSpellings = new NearMissIndex(SHORTEST_CHECKED_NAME - NEAR_MISS_EDITS);
  /** Spellings in one document only, long enough to be checked: the documents a shared spelling's change reaches. */
  readonly oneOffSpellings = new NearMissIndex(SHORTEST_CHECKED_NAME);
  readonly quotesByShingle = new Map<string, QuoteEntry[]>();
  /** The documents of each spelling touched since the last takeChanges(), as they were before. */
  private touchedSpellings = new Map<string, string[]>();
  private touchedShingles = new Set<string>();

  /** Puts `next` in place of `previous` (either may be missing, for an added or deleted document). */
  replace(previous: DocumentAnalysis | undefined, next: DocumentAnalysis | undefined): void {
    if (previous && this.contributors.get(previous.path) === previous) this.withdraw(previous);
    if (next) this.contribute(next);
  }

  /** The changes since the last call, and a fresh record for the next ones. */
  takeChanges(): FactChanges {
    const spellings: FactChanges['spellings'] = new Map();
    for (const [spelling, before] of this.touchedSpellings) {
      const size = this.documentsBySpelling.sizeOf(spelling);
      if (size === before.length && before.every((path) => this.documentsBySpelling.has(spelling, path))) continue;
      spellings.set(spelling, { crossed: (before.length >= 2) !== (size >= 2) });
    }
    const changes = { spellings, shingles: this.touchedShingles };
    this.touchedSpellings = new Map();
    this.touchedShingles = new Set();
    return changes;
  }

  /** The near-identical spelling that two or more other documents use, if a name of `path` is written there alone. */
  sharedNearMiss(spelling: string, path: string): { spelling: string; documents: number } | null {
    if (spelling.length < SHORTEST_CHECKED_NAME || this.documentsBySpelling.sizeOf(spelling) > 1) return null;
    let best: { spelling: string; documents: number } | null = null;
    for (const candidate of this.sharedSpellings.near(spelling)) {
      const documents = this.documentsBySpelling.sizeOf(candidate);
      if (documents < 2 || this.documentsBySpelling.has(candidate, path)) continue;
      if (!best || documents > best.documents || (documents === best.documents && candidate < best.spelling)) best = { spelling: candidate, documents };
    }
    return best;
  }

  factsOf(document: DocumentAnalysis): DocumentFacts {
    let facts = this.ownFacts.get(document);
    if (!facts) {
      const quotes: DocumentFacts['quotes'] = [];
      document.quotes.forEach((quote, position) => {
        const words = normaliseQuote(quote.text);
        if (words.length >= SHORTEST_MATCHED_QUOTE) quotes.push({ quote, position, words, shingles: [...new Set(shingles(words))] });
      });
      facts = { spellings: new Set(document.entities.map((mention) => mention.text)), quotes };
      this.ownFacts.set(document, facts);
    }
    return facts;
  }

  private touch(spelling: string): void {
    if (!this.touchedSpellings.has(spelling)) this.touchedSpellings.set(spelling, [...this.documentsBySpelling.valuesOf(spelling)]);
  }

  private withdraw(document: DocumentAnalysis): void {
    const own = this.factsOf(document);
    for (const spelling of own.spellings) {
      if (!this.documentsBySpelling.has(spelling, document.path)) continue;
      this.touch(spelling);
      this.documentsBySpelling.delete(spelling, document.path);
      const left = this.documentsBySpelling.sizeOf(spelling);
      if (left === 0) this.oneOffSpellings.remove(spelling);
      else if (left === 1) { this.sharedSpellings.remove(spelling); this.oneOffSpellings.add(spelling); }
    }
    for (const { shingles: quoteShingles } of own.quotes) {
      for (const shingle of quoteShingles) {
        this.touchedShingles.add(shingle);
        const remaining = (this.quotesByShingle.get(shingle) ?? []).filter((entry) => entry.document !== document);
        if (remaining.length) this.quotesByShingle.set(shingle, remaining);
        else this.quotesByShingle.delete(shingle);
      }
    }
    this.contributors.delete(document.path);
  }

  private contribute(document: DocumentAnalysis): void {
    const own = this.factsOf(document);
    for (const spelling of own.spellings) {
      const before = this.documentsBySpelling.sizeOf(spelling);
      this.touch(spelling);
      if (before === 0) { this.documentsBySpelling.add(spelling, document.path); this.oneOffSpellings.add(spelling); }
      else if (!this.documentsBySpelling.has(spelling, document.path)) {
        this.documentsBySpelling.add(spelling, document.path);
        if (before === 1) { this.oneOffSpellings.remove(spelling); this.sharedSpellings.add(spelling); }
      }
    }
    for (const { quote, position, words, shingles: quoteShingles } of own.quotes) {
      for (const shingle of quoteShingles) {
        this.touchedShingles.add(shingle);
        const list = this.quotesByShingle.get(shingle);
        if (list) list.push({ document, quote, position, words });
        else this.quotesByShingle.set(shingle, [{ document, quote, position, words }]);
      }
    }
    this.contributors.set(document.path, document);
  }
}

/** What one view's diagnostics read besides the spelling and quote indexes, to compare with the next view's. */
export interface DiagnosticSummary {
  /** Each document's figure-conflict findings, written out: what its conflicts say, and with which related places. */
  conflicts: Map<string, string>;
  /** Each document's quote speaker ids, in order. */
  speakers: Map<string, string>;
}

/**
 * The summary of one view. A conflict group's message and related places are the same for every member document
 * except those holding the first place of a value or one of the first related places: those are written out one by
 * one, the rest share one string. So a large group costs in proportion to its members, not their square.
 */
export function summariseForDiagnostics(documents: readonly DocumentAnalysis[], groups: readonly FigureGroup[],
  documentsByPath: ReadonlyMap<string, DocumentAnalysis>, previous?: { summary: DiagnosticSummary; documentsByPath: ReadonlyMap<string, DocumentAnalysis> }): DiagnosticSummary {
  const summary: DiagnosticSummary = { conflicts: new Map(), speakers: new Map() };
  const written = (group: FigureGroup, path: string) =>
    `${group.measure}\u0001${otherValues(group, path)}\u0001${JSON.stringify(relatedMembers(group, path, documentsByPath))}`;
  for (const group of groups) {
    if (group.verdict !== 'conflict') continue;
    const special = new Set(group.members.slice(0, MOST_RELATED).map((member) => member.path));
    const seenValues = new Set<number>();
    for (const member of group.members) if (!seenValues.has(member.value)) { seenValues.add(member.value); special.add(member.path); }
    const shared = written(group, '\u0000');
    const spansByPath = new Map<string, string>();
    for (const member of group.members) spansByPath.set(member.path, `${spansByPath.get(member.path) ?? ''}${member.start}-${member.end},`);
    for (const [path, spans] of spansByPath) {
      const entry = `${group.id}\u0002${spans}\u0002${special.has(path) ? written(group, path) : shared}\u0003`;
      summary.conflicts.set(path, (summary.conflicts.get(path) ?? '') + entry);
    }
  }
  for (const document of documents) {
    if (!document.quotes.length) continue;
    // A document the previous view had as it is has the speakers it had.
    const kept = previous?.documentsByPath.get(document.path) === document ? previous.summary.speakers.get(document.path) : undefined;
    summary.speakers.set(document.path, kept ?? document.quotes.map((quote) => quote.speaker?.id ?? '').join('\u0001'));
  }
  return summary;
}

/**
 * The documents whose diagnostics can differ between two consecutive views: those that changed; those whose figure
 * conflicts read differently; those sharing a quote with a document whose quotes or speakers changed; and those with a
 * one-off spelling near a spelling whose documents changed. Work in proportion to what changed, plus one pass
 * over the groups and quote speakers (no comparisons between documents).
 */
export function affectedDocuments(previous: DiagnosticSummary, current: DiagnosticSummary, changedPaths: ReadonlySet<string>,
  changes: FactChanges, facts: DiagnosticFacts, lookup: ViewLookup): Set<string> {
  const affected = new Set(changedPaths);
  for (const [path, conflicts] of current.conflicts) if (previous.conflicts.get(path) !== conflicts) affected.add(path);
  for (const path of previous.conflicts.keys()) if (!current.conflicts.has(path)) affected.add(path);
  const shingles = new Set(changes.shingles);
  for (const [path, speakers] of current.speakers) {
    if (previous.speakers.get(path) === speakers) continue;
    affected.add(path);
    const document = lookup.documentsByPath.get(path);
    if (document) for (const { shingles: quoteShingles } of facts.factsOf(document).quotes) for (const shingle of quoteShingles) shingles.add(shingle);
  }
  for (const shingle of shingles) for (const entry of facts.quotesByShingle.get(shingle) ?? []) affected.add(entry.document.path);
  for (const [spelling, { crossed }] of changes.spellings) {
    // A spelling's own documents are checked against it only while it is in one document.
    if (crossed) for (const path of facts.documentsBySpelling.valuesOf(spelling)) affected.add(path);
    for (const near of facts.oneOffSpellings.near(spelling)) for (const path of facts.documentsBySpelling.valuesOf(near)) affected.add(path);
  }
  return affected;
}

function shingles(words: string): string[] {
  const list = words.split(' ');
  if (list.length <= SHINGLE_WORDS) return [words];
  return Array.from({ length: list.length - SHINGLE_WORDS + 1 }, (_, index) => list.slice(index, index + SHINGLE_WORDS).join(' '));
}

export function diagnoseDocument(document: DocumentAnalysis, view: CrossDocumentView,
  options: DiagnosticOptions = { severity: DEFAULT_SEVERITY, maximumPerDocument: 100 }, dismissed: Dismissals = []): FoundDiagnostic[] {
  const found = ownFindings(document, view.facts);
  for (const { group, member } of view.lookup.figureGroupsOf(document.path)) {
    if (group.verdict !== 'conflict') continue;
    found.push({ kind: 'figure-conflict', start: member.start, end: member.end,
      message: `${group.measure}: other sources report ${otherValues(group, document.path)} for the same date`,
      related: relatedMembers(group, document.path, view.lookup.documentsByPath) });
  }
  found.push(...quoteSpeakerMismatches(view.lookup.linkedOf(document), view.facts, view.lookup, view.stories.storyOf));
  found.push(...misquoteDiagnostics(document, view, options.severity.misquote ?? DEFAULT_SEVERITY.misquote));
  return finish(document, found, options, dismissed);
}

/** The kinds that need the cross-document view: a provisional set carries them over from an earlier text. */
const VIEW_KINDS = new Set<DiagnosticKind>(['figure-conflict', 'quote-speaker-mismatch', 'misquote']);

/**
 * A document's diagnostics before the cross-document view is brought up to date with it: what the document says
 * on its own and its name spellings (both current), and the figure conflicts and quote mismatches found on its
 * earlier text `before`, moved with the edit and dropped where the edit touched them. Published at once after a
 * keystroke; diagnoseDocument replaces them once the view is rebuilt.
 */
export function diagnoseProvisionally(document: DocumentAnalysis, facts: DiagnosticFacts,
  before: { text: string; found: readonly FoundDiagnostic[] } | undefined,
  options: DiagnosticOptions = { severity: DEFAULT_SEVERITY, maximumPerDocument: 100 }, dismissed: Dismissals = []): FoundDiagnostic[] {
  const found = ownFindings(document, facts);
  if (before) {
    const { text } = document;
    let prefix = 0;
    const shortest = Math.min(text.length, before.text.length);
    while (prefix < shortest && text.charCodeAt(prefix) === before.text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < shortest - prefix && text.charCodeAt(text.length - 1 - suffix) === before.text.charCodeAt(before.text.length - 1 - suffix)) suffix++;
    const changedEnd = before.text.length - suffix;
    const shift = text.length - before.text.length;
    for (const diagnostic of before.found) {
      if (!VIEW_KINDS.has(diagnostic.kind)) continue;
      if (diagnostic.end <= prefix) found.push({ ...diagnostic });
      else if (diagnostic.start >= changedEnd) found.push({ ...diagnostic, start: diagnostic.start + shift, end: diagnostic.end + shift });
    }
  }
  return finish(document, found, options, dismissed);
}

type Finding = Omit<FoundDiagnostic, 'severity'> & { severity?: Severity };

/** What the document says on its own, and its name spellings against the rest of the workspace. */
function ownFindings(document: DocumentAnalysis, facts: DiagnosticFacts): Finding[] {
  const found: Finding[] = [];
  for (const noise of document.noise) {
    found.push({ kind: 'noise', start: noise.start, end: noise.end, unnecessary: true,
      message: noise.reason === 'duplicate' ? `Repeated text (${noise.label}), not new article text` : `Site furniture (${noise.label}), not article text` });
  }
  if (document.metadata.date.source === 'none') {
    const relative = [...new Set(document.dates.filter((date) => date.value.includes('X')).map((date) => `"${date.text}"`))].slice(0, 3);
    const firstLine = { start: document.metadata.bodyStart, end: lineEndAfter(document.text, document.metadata.bodyStart) };
    found.push({ kind: 'undated', ...firstLine,
      message: `No publication date${relative.length ? `: relative dates (${relative.join(', ')}) stay unresolved` : ''}` });
  }
  for (const quote of document.quotes) {
    if (!quote.speaker) found.push({ kind: 'unattributed-quote', start: quote.start, end: quote.end, message: 'Quote with no speaker named in the text' });
  }
  found.push(...misspelledNames(document, facts));
  return found;
}

function finish(document: DocumentAnalysis, findings: Finding[], options: DiagnosticOptions, dismissed: Dismissals): FoundDiagnostic[] {
  const found = findings.map((finding) => ({ ...finding, severity: finding.severity ?? options.severity[finding.kind] }));
  const kept = found.filter((diagnostic) => !dismissed.some((entry) => entry.code === diagnostic.kind
    && (entry.text === undefined || entry.text === document.text.slice(diagnostic.start, diagnostic.end))));
  kept.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.start - b.start);
  return kept.slice(0, options.maximumPerDocument).sort((a, b) => a.start - b.start);
}

/** Names written in this document only, where two or more other sources spell a near-identical name. */
function misspelledNames(document: DocumentAnalysis, facts: DiagnosticFacts): Array<Omit<FoundDiagnostic, 'severity'>> {
  const found: Array<Omit<FoundDiagnostic, 'severity'>> = [];
  const answers = new Map<string, ReturnType<DiagnosticFacts['sharedNearMiss']>>();
  for (const mention of document.entities) {
    if (!answers.has(mention.text)) answers.set(mention.text, facts.sharedNearMiss(mention.text, document.path));
    const shared = answers.get(mention.text);
    if (!shared) continue;
    found.push({ kind: 'name-spelling', start: mention.start, end: mention.end, replacement: shared.spelling,
      message: `"${mention.text}": other sources write "${shared.spelling}" (${shared.documents} documents)` });
  }
  return found;
}

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMinimum = Math.min(rowMinimum, current[j]);
    }
    if (rowMinimum > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}

function normaliseQuote(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The same words quoted in another source of the document's story and given to a different speaker there: two
 * stories quoting one line (a slogan, a stock phrase) are no mismatch.
 */
function quoteSpeakerMismatches(document: DocumentAnalysis, facts: DiagnosticFacts,
  lookup: ViewLookup, storyOf: ReadonlyMap<string, { id: string }>): Array<Omit<FoundDiagnostic, 'severity'>> {
  const found: Array<Omit<FoundDiagnostic, 'severity'>> = [];
  const story = storyOf.get(document.path)?.id;
  for (const quote of document.quotes) {
    const words = normaliseQuote(quote.text);
    if (!quote.speaker?.id || words.length < SHORTEST_MATCHED_QUOTE) continue;
    const related: RelatedLocation[] = [];
    const seen = new Set<Quote>();
    for (const shingle of shingles(words)) {
      if (related.length >= MOST_RELATED) break;
      for (const candidate of facts.quotesByShingle.get(shingle) ?? []) {
        if (related.length >= MOST_RELATED) break;
        if (seen.has(candidate.quote) || candidate.document.path === document.path) continue;
        seen.add(candidate.quote);
        if (storyOf.get(candidate.document.path)?.id !== story) continue;
        const speaker = lookup.linkedOf(candidate.document).quotes[candidate.position]?.speaker;
        if (!speaker?.id || speaker.id === quote.speaker.id) continue;
        if (candidate.words.includes(words) || words.includes(candidate.words)) {
          related.push({ path: candidate.document.path, start: candidate.quote.start, end: candidate.quote.end,
            message: `${documentLabel(candidate.document)}: said by ${speaker.name}` });
        }
      }
    }
    if (related.length) {
      found.push({ kind: 'quote-speaker-mismatch', start: quote.start, end: quote.end, related,
        message: `Quoted here as ${quote.speaker.name}; ${related.length === 1 ? 'another source gives' : 'other sources give'} it to someone else` });
    }
  }
  return found;
}

function otherValues(group: FigureGroup, path: string): string {
  const values = [...new Set(group.members.filter((member) => member.path !== path).map((member) => member.value))];
  const shown = values.slice(0, 5).map(formatNumber).join(', ');
  return values.length > 5 ? `${shown} and ${values.length - 5} more values` : shown;
}

/** Related information is for reading, not a list of every source: the first few, by date. */
const MOST_RELATED = 12;

function relatedMembers(group: FigureGroup, path: string, byPath: ReadonlyMap<string, DocumentAnalysis>): RelatedLocation[] {
  return group.members.filter((member) => member.path !== path).slice(0, MOST_RELATED).map((member) => {
    const other = byPath.get(member.path);
    return { path: member.path, start: member.start, end: member.end,
      message: `${other ? documentLabel(other) : member.path}: ${member.text} (${member.date ?? 'undated'})` };
  });
}
