import type { DocumentAnalysis, FigureGroup, Quote, Span } from '../types';
import type { CrossDocumentView } from '../index/workspace-index';
import { lineEndAfter } from '../text/line-breaks';
import { documentLabel, formatNumber } from './names';

export type DiagnosticKind = 'noise' | 'figure-conflict' | 'unattributed-quote' | 'undated' | 'name-spelling' | 'quote-speaker-mismatch';
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
};

export interface DiagnosticOptions {
  severity: Record<DiagnosticKind, Severity>;
  /** At most this many per document, the most useful kinds first. */
  maximumPerDocument: number;
}

/** Problems the user set aside (from the corrections file), for this document. */
export type Dismissals = ReadonlyArray<{ code: string; text?: string }>;

const KIND_ORDER: DiagnosticKind[] = ['figure-conflict', 'quote-speaker-mismatch', 'name-spelling', 'undated', 'unattributed-quote', 'noise'];
/** Shorter names differ by a letter too often by chance ("Carter", "Cartier"). */
const SHORTEST_CHECKED_NAME = 8;
/** Quotes this long, once normalised, are matched across sources. */
const SHORTEST_MATCHED_QUOTE = 30;

/** What diagnostics need to know of the whole workspace, computed once per cross-document view. */
interface WorkspaceFacts {
  documentsByPath: Map<string, DocumentAnalysis>;
  documentsBySpelling: Map<string, Set<string>>;
  /** Spellings found in two or more documents, by length, for near-miss look-ups. */
  sharedSpellingsByLength: Map<number, Array<{ spelling: string; paths: Set<string> }>>;
  quotesByShingle: Map<string, Array<{ document: DocumentAnalysis; quote: Quote; words: string }>>;
}

const SHINGLE_WORDS = 5;

/** One document's share of the workspace facts, computed once per analysis. */
interface DocumentFacts {
  spellings: Set<string>;
  quotes: Array<{ quote: Quote; words: string; shingles: string[] }>;
}
const documentFactsCache = new WeakMap<DocumentAnalysis, DocumentFacts>();

function documentFacts(document: DocumentAnalysis): DocumentFacts {
  let facts = documentFactsCache.get(document);
  if (!facts) {
    facts = { spellings: new Set(document.entities.map((mention) => mention.text)), quotes: [] };
    for (const quote of document.quotes) {
      const words = normaliseQuote(quote.text);
      if (words.length >= SHORTEST_MATCHED_QUOTE) facts.quotes.push({ quote, words, shingles: [...new Set(shingles(words))] });
    }
    documentFactsCache.set(document, facts);
  }
  return facts;
}

/**
 * The spelling and quote indexes, kept up to date between views: a keystroke replaces one document's
 * analysis, so only that document's share is taken out and put back.
 */
const maintained = {
  contributors: new Map<string, DocumentAnalysis>(),
  documentsBySpelling: new Map<string, Set<string>>(),
  quotesByShingle: new Map<string, Array<{ document: DocumentAnalysis; quote: Quote; words: string }>>(),
};

function withdraw(document: DocumentAnalysis): void {
  const own = documentFacts(document);
  for (const spelling of own.spellings) {
    const paths = maintained.documentsBySpelling.get(spelling);
    paths?.delete(document.path);
    if (paths?.size === 0) maintained.documentsBySpelling.delete(spelling);
  }
  for (const { shingles: quoteShingles } of own.quotes) {
    for (const shingle of quoteShingles) {
      const remaining = (maintained.quotesByShingle.get(shingle) ?? []).filter((entry) => entry.document !== document);
      if (remaining.length) maintained.quotesByShingle.set(shingle, remaining);
      else maintained.quotesByShingle.delete(shingle);
    }
  }
  maintained.contributors.delete(document.path);
}

function contribute(document: DocumentAnalysis): void {
  const own = documentFacts(document);
  for (const spelling of own.spellings) {
    const paths = maintained.documentsBySpelling.get(spelling);
    if (paths) paths.add(document.path);
    else maintained.documentsBySpelling.set(spelling, new Set([document.path]));
  }
  for (const { quote, words, shingles: quoteShingles } of own.quotes) {
    for (const shingle of quoteShingles) {
      const list = maintained.quotesByShingle.get(shingle);
      if (list) list.push({ document, quote, words });
      else maintained.quotesByShingle.set(shingle, [{ document, quote, words }]);
    }
  }
  maintained.contributors.set(document.path, document);
}

/** The view the maintained indexes were last brought up to date for, and the facts read from them. */
let factsFor: { view: CrossDocumentView; facts: WorkspaceFacts } | null = null;

function workspaceFacts(view: CrossDocumentView, all: readonly DocumentAnalysis[]): WorkspaceFacts {
  if (factsFor?.view === view) return factsFor.facts;
  const current = new Map(all.map((document) => [document.path, document]));
  for (const [path, document] of maintained.contributors) if (current.get(path) !== document) withdraw(document);
  for (const document of all) if (maintained.contributors.get(document.path) !== document) contribute(document);
  const sharedSpellingsByLength: WorkspaceFacts['sharedSpellingsByLength'] = new Map();
  for (const [spelling, paths] of maintained.documentsBySpelling) {
    if (paths.size < 2 || spelling.length < SHORTEST_CHECKED_NAME - 2) continue;
    const list = sharedSpellingsByLength.get(spelling.length) ?? [];
    list.push({ spelling, paths });
    sharedSpellingsByLength.set(spelling.length, list);
  }
  const facts = { documentsByPath: current, documentsBySpelling: maintained.documentsBySpelling, sharedSpellingsByLength, quotesByShingle: maintained.quotesByShingle };
  factsFor = { view, facts };
  return facts;
}

function shingles(words: string): string[] {
  const list = words.split(' ');
  if (list.length <= SHINGLE_WORDS) return [words];
  return Array.from({ length: list.length - SHINGLE_WORDS + 1 }, (_, index) => list.slice(index, index + SHINGLE_WORDS).join(' '));
}

export function diagnoseDocument(document: DocumentAnalysis, view: CrossDocumentView, all: readonly DocumentAnalysis[],
  options: DiagnosticOptions = { severity: DEFAULT_SEVERITY, maximumPerDocument: 100 }, dismissed: Dismissals = []): FoundDiagnostic[] {
  const found: FoundDiagnostic[] = [];
  const add = (diagnostic: Omit<FoundDiagnostic, 'severity'>) => found.push({ ...diagnostic, severity: options.severity[diagnostic.kind] });

  for (const noise of document.noise) {
    add({ kind: 'noise', start: noise.start, end: noise.end, unnecessary: true,
      message: noise.reason === 'duplicate' ? `Repeated text (${noise.label}), not new article text` : `Site furniture (${noise.label}), not article text` });
  }
  if (document.metadata.date.source === 'none') {
    const relative = [...new Set(document.dates.filter((date) => date.value.includes('X')).map((date) => `"${date.text}"`))].slice(0, 3);
    const firstLine = { start: document.metadata.bodyStart, end: lineEndAfter(document.text, document.metadata.bodyStart) };
    add({ kind: 'undated', ...firstLine,
      message: `No publication date${relative.length ? `: relative dates (${relative.join(', ')}) stay unresolved` : ''}` });
  }
  for (const quote of document.quotes) {
    if (!quote.speaker) add({ kind: 'unattributed-quote', start: quote.start, end: quote.end, message: 'Quote with no speaker named in the text' });
  }
  const facts = workspaceFacts(view, all);
  for (const group of view.figureGroups) {
    if (group.verdict !== 'conflict') continue;
    for (const member of group.members) {
      if (member.path !== document.path) continue;
      add({ kind: 'figure-conflict', start: member.start, end: member.end,
        message: `${group.measure}: other sources report ${otherValues(group, document.path)} for the same date`,
        related: relatedMembers(group, document.path, facts.documentsByPath) });
    }
  }
  for (const misspelling of misspelledNames(document, facts)) add(misspelling);
  for (const mismatch of quoteSpeakerMismatches(document, facts)) add(mismatch);
  const kept = found.filter((diagnostic) => !dismissed.some((entry) => entry.code === diagnostic.kind
    && (entry.text === undefined || entry.text === document.text.slice(diagnostic.start, diagnostic.end))));
  kept.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.start - b.start);
  return kept.slice(0, options.maximumPerDocument).sort((a, b) => a.start - b.start);
}

/** Names written in this document only, where two or more other sources spell a near-identical name. */
function misspelledNames(document: DocumentAnalysis, facts: WorkspaceFacts): Array<Omit<FoundDiagnostic, 'severity'>> {
  const found: Array<Omit<FoundDiagnostic, 'severity'>> = [];
  for (const mention of document.entities) {
    if (mention.text.length < SHORTEST_CHECKED_NAME || (facts.documentsBySpelling.get(mention.text)?.size ?? 0) > 1) continue;
    search: for (let length = mention.text.length - 2; length <= mention.text.length + 2; length++) {
      for (const { spelling, paths } of facts.sharedSpellingsByLength.get(length) ?? []) {
        if (paths.has(document.path) || !editDistanceAtMost(mention.text, spelling, 2)) continue;
        found.push({ kind: 'name-spelling', start: mention.start, end: mention.end, replacement: spelling,
          message: `"${mention.text}": other sources write "${spelling}" (${paths.size} documents)` });
        break search;
      }
    }
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

/** The same words quoted in another source and given to a different speaker there. */
function quoteSpeakerMismatches(document: DocumentAnalysis, facts: WorkspaceFacts): Array<Omit<FoundDiagnostic, 'severity'>> {
  const found: Array<Omit<FoundDiagnostic, 'severity'>> = [];
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
        if (!candidate.quote.speaker?.id || candidate.quote.speaker.id === quote.speaker.id) continue;
        if (candidate.words.includes(words) || words.includes(candidate.words)) {
          related.push({ path: candidate.document.path, start: candidate.quote.start, end: candidate.quote.end,
            message: `${documentLabel(candidate.document)}: said by ${candidate.quote.speaker!.name}` });
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
