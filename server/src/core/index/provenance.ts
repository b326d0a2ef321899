import type { DocumentAnalysis, Span } from '../types';
import { DEFAULT_SHARED_TEXT_OPTIONS, SharedTextIndex, type SharedPassage } from './shared-text';
import { SentenceCache } from './document-cache';
import { QuoteIndex, type Misquote } from './misquotes';
import credits from '../data/provenance-credits.json';

/**
 * Provenance: which documents are one source. Documents are grouped when they share text (a copied passage
 * that is more than the same quote), come from the same publisher or byline, or are the same agency's wire
 * copy ("(AP) —"). What a document credits ("With reporting by…", "Reuters contributed to this report",
 * "according to a statement from…") is read and shown; a credit for added reporting does not make a copy.
 * A figure or a quote is corroborated by N independent sources when N groups report it.
 */

export type CreditKind = 'byline' | 'publisher' | 'agency' | 'reporting' | 'contributed' | 'statement';

export interface Credit extends Span {
  kind: CreditKind;
  /** Who is credited: a person, an agency (by its full name), a publisher, an organization; null when unnamed. */
  name: string | null;
  /** The credited party is a news agency. */
  agency: boolean;
  /** The words of the credit in the document (exactly the text at start..end; empty when the credit has no place in the text). */
  text: string;
}

export type ProvenanceLinkReason = 'shared-text' | 'same-publisher' | 'same-byline' | 'same-agency';

export interface ProvenanceLink { path: string; otherPath: string; reason: ProvenanceLinkReason; detail: string }

export interface ProvenanceGroup {
  id: string;
  /** How the group is named to the reader: its publisher, agency or byline, or its first document. */
  label: string;
  documents: string[];
  links: ProvenanceLink[];
}

export interface Corroboration {
  /** Provenance groups among the places, the current document's own group excluded. */
  independentSources: number;
  /** Other places in a group already counted (the current document's group included). */
  copies: number;
}

const AGENCY_ALIASES = new Map<string, string>();
for (const [name, aliases] of Object.entries(credits.agencies)) for (const alias of [name, ...aliases]) AGENCY_ALIASES.set(alias.toLowerCase(), name);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AGENCY_NAMES = [...new Set(Object.values(credits.agencies).flat())].sort((a, b) => b.length - a.length).map(escape).join('|');
/** "WASHINGTON (AP) —", "LONDON (Reuters) -": the dateline of an agency's own copy. */
const WIRE_DATELINE = new RegExp(`\\((${AGENCY_NAMES})\\)\\s*[-–—]`, 'g');
const REPORTING_BY = new RegExp(credits.reportingBy, 'i');
const CONTRIBUTED = new RegExp(credits.contributed, 'i');
const STATEMENT = new RegExp(credits.statement, 'g');

export function agencyNamed(name: string): string | null {
  return AGENCY_ALIASES.get(name.trim().toLowerCase()) ?? null;
}

/** Everything a document credits, in text order. */
export function readCredits(document: DocumentAnalysis): Credit[] {
  const found: Credit[] = [];
  const { text, metadata } = document;
  for (const line of metadata.credits) {
    const reporting = REPORTING_BY.exec(line.text);
    if (reporting) {
      let offset = line.start + reporting[0].length;
      for (const part of line.text.slice(reporting[0].length).split(/(,\s*(?:and\s+)?|\s+and\s+)/)) {
        const name = part.replace(/\s+in\s+[A-Z][\w .'-]*$/, '').replace(/[.;]$/, '').trim();
        if (name && !/^,|^\s*and\s*$|^\s+$/.test(part) && /\w/.test(name)) {
          const agency = agencyNamed(name);
          found.push({ kind: 'reporting', name: agency ?? name, agency: agency !== null, start: offset, end: offset + part.trimEnd().length, text: part.trimEnd() });
        }
        offset += part.length;
      }
      continue;
    }
  }
  for (const line of textLines(text, metadata.bodyStart)) {
    const contributed = CONTRIBUTED.exec(line.text);
    if (contributed && line.text.length < 200) {
      for (const name of contributed[1].split(/,\s*(?:and\s+)?|\s+and\s+/).map((part) => part.trim()).filter(Boolean)) {
        const agency = agencyNamed(name);
        found.push({ kind: 'contributed', name: agency ?? name, agency: agency !== null, start: line.start, end: line.end, text: line.text });
      }
    }
  }
  WIRE_DATELINE.lastIndex = 0;
  for (let match = WIRE_DATELINE.exec(text); match; match = WIRE_DATELINE.exec(text)) {
    const start = match.index + 1;
    found.push({ kind: 'agency', name: agencyNamed(match[1]), agency: true, start, end: start + match[1].length, text: match[1] });
  }
  STATEMENT.lastIndex = 0;
  for (let match = STATEMENT.exec(text); match; match = STATEMENT.exec(text)) {
    if (match.index < metadata.bodyStart) continue;
    found.push({ kind: 'statement', name: match[1]?.replace(/\.$/, '') ?? null, agency: false, start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  // Front matter and publisher patterns name no place in the text: such a credit is an empty span where the body starts.
  const unplaced = { start: metadata.bodyStart, end: metadata.bodyStart, text: '' };
  if (metadata.author) {
    const line = metadata.credits.find((credit) => credit.text.includes(metadata.author!));
    const at = line ? line.start + line.text.indexOf(metadata.author) : -1;
    found.push({ kind: 'byline', name: metadata.author, agency: agencyNamed(metadata.author) !== null,
      ...(at >= 0 ? { start: at, end: at + metadata.author.length, text: metadata.author } : unplaced) });
  }
  if (metadata.publisher) found.push({ kind: 'publisher', name: metadata.publisher, agency: agencyNamed(metadata.publisher) !== null, ...unplaced });
  return found.sort((a, b) => a.start - b.start);
}

function textLines(text: string, from: number): Array<Span & { text: string }> {
  const lines: Array<Span & { text: string }> = [];
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim()) lines.push({ start, end: start + line.length, text: line });
    start = end + 1;
  }
  return lines;
}

/**
 * What provenance keeps between views, owned by one workspace index: the incremental shared-text and quote
 * indexes, credits per analysis, and the last grouping, reused while no copy pair and no outlet changed.
 */
export class ProvenanceIndexes {
  readonly sharedText: SharedTextIndex;
  readonly quotes = new QuoteIndex();
  readonly credits = new WeakMap<DocumentAnalysis, Credit[]>();
  lastGroups: { key: string; groups: ProvenanceGroup[] } | null = null;

  constructor(sentences = new SentenceCache()) {
    this.sharedText = new SharedTextIndex(DEFAULT_SHARED_TEXT_OPTIONS, sentences);
  }
}

/**
 * The provenance of a set of documents: credits, groups, shared passages and misquotes. Built from the
 * incremental indexes, which it brings up to date with `documents` first.
 */
export class Provenance {
  private readonly byPath: Map<string, DocumentAnalysis>;
  private readonly sharedText: SharedTextIndex;
  private readonly quotes: QuoteIndex;
  private workspaceGroups: ProvenanceGroup[] | null = null;
  private groupByPath: Map<string, ProvenanceGroup> | null = null;

  constructor(documents: readonly DocumentAnalysis[], private readonly indexes: ProvenanceIndexes) {
    this.byPath = new Map(documents.map((document) => [document.path, document]));
    this.sharedText = indexes.sharedText;
    this.quotes = indexes.quotes;
    this.sharedText.sync(documents);
    this.quotes.sync(documents);
  }

  creditsOf(path: string): Credit[] {
    const document = this.byPath.get(path);
    if (!document) return [];
    let found = this.indexes.credits.get(document);
    if (!found) this.indexes.credits.set(document, (found = readCredits(document)));
    return found;
  }

  passagesOf(path: string): SharedPassage[] {
    return this.sharedText.passagesOf(path);
  }

  misquotesOf(path: string): Misquote[] {
    return this.quotes.misquotesOf(path);
  }

  /** Other documents' quotes of the same speaker in the same words. */
  echoesOf(path: string, start: number): Array<Span & { path: string }> {
    return this.quotes.echoesOf(path, start);
  }

  /** "2 independent sources and 1 copy": how the places other than `fromPath` are reported (hover and lens wording). */
  corroborationPhrase(paths: readonly string[], fromPath: string): string {
    const { independentSources, copies } = this.corroboration(paths, fromPath);
    const sources = `${independentSources} independent source${independentSources === 1 ? '' : 's'}`;
    return copies ? `${sources} and ${copies} cop${copies === 1 ? 'y' : 'ies'}` : sources;
  }

  /** The group's label and id for a table cell: "U.S. Department of Defense (source-3)". */
  groupLabel(path: string): string {
    const group = this.groupOf(path);
    return group ? `${group.label} (${group.id})` : path;
  }

  /** The groups of the whole workspace, or of `paths` only (one story): links leave the subset out. */
  groups(paths?: readonly string[]): ProvenanceGroup[] {
    if (paths) return this.group(paths);
    if (!this.workspaceGroups) {
      const key = `${this.sharedText.copyPairsVersion}\u0001${[...this.byPath.keys()].map((path) => `${this.byPath.get(path)!.metadata.title}\u0002${this.outletKeys(path).join('\u0002')}`).join('\u0001')}`;
      if (this.indexes.lastGroups?.key !== key) this.indexes.lastGroups = { key, groups: this.group([...this.byPath.keys()]) };
      this.workspaceGroups = this.indexes.lastGroups.groups;
    }
    return this.workspaceGroups;
  }

  groupOf(path: string): ProvenanceGroup | null {
    if (!this.groupByPath) {
      this.groupByPath = new Map();
      for (const group of this.groups()) for (const member of group.documents) this.groupByPath.set(member, group);
    }
    return this.groupByPath.get(path) ?? null;
  }

  /** How independently a set of places is reported, seen from `fromPath` (which is not counted). */
  corroboration(paths: readonly string[], fromPath: string | null = null): Corroboration {
    const own = fromPath ? this.groupOf(fromPath)?.id ?? fromPath : null;
    const others = [...new Set(paths)].filter((path) => path !== fromPath);
    const groups = new Set(others.map((path) => this.groupOf(path)?.id ?? path));
    const independentSources = [...groups].filter((id) => id !== own).length;
    return { independentSources, copies: others.length - independentSources };
  }

  private group(paths: readonly string[]): ProvenanceGroup[] {
    const members = [...new Set(paths)].filter((path) => this.byPath.has(path)).sort();
    const inSubset = new Set(members);
    const parent = new Map(members.map((path) => [path, path]));
    const find = (path: string): string => {
      let root = path;
      while (parent.get(root) !== root) root = parent.get(root)!;
      // Every path on the way points at the root: chains of links stay short however they were made.
      for (let at = path; at !== root;) { const next = parent.get(at)!; parent.set(at, root); at = next; }
      return root;
    };
    const links: ProvenanceLink[] = [];
    const link = (path: string, otherPath: string, reason: ProvenanceLinkReason, detail: string) => {
      links.push({ path, otherPath, reason, detail });
      const a = find(path);
      const b = find(otherPath);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    };
    for (const path of members) {
      for (const [otherPath, words] of [...this.sharedText.copyPairsOf(path)].sort(([a], [b]) => a.localeCompare(b))) {
        if (otherPath > path && inSubset.has(otherPath)) link(path, otherPath, 'shared-text', `${words} words in common outside quotes`);
      }
    }
    const firstWith = new Map<string, string>();
    for (const path of members) {
      for (const entry of this.outletKeys(path)) {
        const [reason, value] = entry.split('\u0000') as [ProvenanceLinkReason, string];
        const key = `${reason === 'same-agency' || reason === 'same-publisher' ? 'outlet' : reason}\u0000${value.toLowerCase()}`;
        const first = firstWith.get(key);
        if (first) link(first, path, reason, value);
        else firstWith.set(key, path);
      }
    }
    const byRoot = new Map<string, string[]>();
    for (const path of members) {
      const root = find(path);
      const list = byRoot.get(root) ?? [];
      list.push(path);
      byRoot.set(root, list);
    }
    const linksByRoot = new Map<string, ProvenanceLink[]>();
    for (const entry of links) {
      const root = find(entry.path);
      const list = linksByRoot.get(root) ?? [];
      list.push(entry);
      linksByRoot.set(root, list);
    }
    return [...byRoot].map(([root, documents]) => ({ id: '', label: this.labelOf(documents), documents, links: linksByRoot.get(root) ?? [] })).sort((a, b) => a.documents[0].localeCompare(b.documents[0])).map((group, index) => ({ ...group, id: `source-${index + 1}` }));
  }

  /** What names a document's outlet: publisher, byline (a full name), the agency whose wire copy it is. */
  private outletKeys(path: string): string[] {
    const document = this.byPath.get(path)!;
    const keys: string[] = [];
    if (document.metadata.publisher) keys.push(`same-publisher\u0000${document.metadata.publisher}`);
    if (document.metadata.author && /\s/.test(document.metadata.author)) keys.push(`same-byline\u0000${document.metadata.author}`);
    for (const credit of this.creditsOf(path)) {
      // Wire copy: the agency's dateline, or the agency as publisher.
      if (credit.agency && credit.name && (credit.kind === 'agency' || credit.kind === 'publisher')) keys.push(`same-agency\u0000${credit.name}`);
    }
    return keys;
  }

  private labelOf(documents: readonly string[]): string {
    for (const path of documents) {
      const document = this.byPath.get(path)!;
      const agency = this.creditsOf(path).find((credit) => credit.kind === 'agency' && credit.name);
      if (agency?.name) return agency.name;
      if (document.metadata.publisher) return document.metadata.publisher;
    }
    const author = documents.map((path) => this.byPath.get(path)!.metadata.author).find(Boolean);
    if (author) return author;
    const first = this.byPath.get(documents[0])!;
    return first.metadata.title ?? first.path;
  }
}

/** What issue 14 adds to the contract's version 1 (docs/contract-additions.md). */
export interface ProvenanceContract {
  groups: Array<{ id: string; label: string; documents: string[]; links: ProvenanceLink[] }>;
  sharedPassages: Array<SharedPassage & { path: string }>;
  misquotes: Misquote[];
}

export function provenanceContract(provenance: Provenance, paths: readonly string[]): ProvenanceContract {
  return {
    groups: provenance.groups(),
    sharedPassages: paths.flatMap((path) => provenance.passagesOf(path).map((passage) => ({ path, ...passage }))),
    misquotes: paths.flatMap((path) => provenance.misquotesOf(path)),
  };
}
