import type { CrossDocumentEntity, DocumentAnalysis, EntityMention, FigureGroup, FigureGroupMember, Span, TimelineEvent } from '../types';
import { analyzeDocument } from '../analyze';
import { emptyCorrections, type Corrections } from '../corrections';
import { DiagnosticFacts, affectedDocuments, summariseForDiagnostics, type DiagnosticSummary } from '../features/diagnostics';
import { EntityLinker, sortedEntities, type EntityTable } from './cross-entities';
import { correctEntities } from './entity-corrections';
import { FigureGroupIndex } from './figure-groups';
import { buildTimeline } from './timeline';
import { Provenance, ProvenanceIndexes } from './provenance';
import { SentenceCache } from './document-cache';
import { StoryIndex, type StoryView } from './stories';

export interface Place extends Span { path: string }

/** Look-up tables of one view, built when first asked, so requests read a key instead of scanning every mention. */
export interface ViewLookup {
  /** The documents of the view, in path order: each analysis with its cross-document ids (a linked copy). */
  documents: readonly DocumentAnalysis[];
  documentsByPath: ReadonlyMap<string, DocumentAnalysis>;
  /** The view's linked copy of an analysis it was built from (or of its own copy); any other analysis as it is. */
  linkedOf(document: DocumentAnalysis): DocumentAnalysis;
  /** The entity with this id. */
  entity(entityId: string): CrossDocumentEntity | undefined;
  /** The document's figures that belong to a group, with their group. */
  figureGroupsOf(path: string): ReadonlyArray<{ group: FigureGroup; member: FigureGroupMember }>;
  /** The entity's mentions by document path, documents in path order. */
  mentionsOf(entityId: string): ReadonlyMap<string, readonly EntityMention[]>;
  /** The fullest mention of the entity: the longest written name, the earliest on a tie. */
  definitionOf(entityId: string): Place | null;
}

export interface CrossDocumentView {
  entities: CrossDocumentEntity[];
  figureGroups: FigureGroup[];
  timeline: TimelineEvent[];
  /** Documents grouped into stories; cross-document comparisons stay inside a story. */
  stories: StoryView;
  /** Every attributed quote's place, by speaker id. */
  quotesBySpeaker: Map<string, Array<{ path: string; start: number; end: number }>>;
  /** Shared text, credits, provenance groups and misquotes (issue 14), built when first asked for. */
  provenance: Provenance;
  /** The spelling and quote indexes diagnostics read, owned by the index that built this view. */
  facts: DiagnosticFacts;
  lookup: ViewLookup;
  /**
   * The documents whose diagnostics may differ from what they were under the view before this one (the
   * documents that changed and those their changes reach), or null when any document's may.
   */
  affected: ReadonlySet<string> | null;
}

/**
 * Per-document analyses, each recomputed only when its text (or its corrected date) changes, and the
 * cross-document view, recomputed lazily from those analyses after any change. Keys are the caller's
 * document keys (paths or URIs); corrections name documents by the same keys. Everything an index caches
 * belongs to it: two indexes share no state.
 */
export class WorkspaceIndex {
  private readonly texts = new Map<string, string>();
  private readonly documents = new Map<string, DocumentAnalysis>();
  private corrections: Corrections = emptyCorrections();
  private view: CrossDocumentView | null = null;
  /** Each analysis's sentences, split once for figure groups, shared text and the timeline. */
  private readonly sentences = new SentenceCache();
  private readonly provenanceIndexes = new ProvenanceIndexes(this.sentences);
  private readonly storyIndex = new StoryIndex();
  private readonly linker = new EntityLinker();
  private readonly figureIndex = new FigureGroupIndex(this.sentences);
  /** The analysis each linked copy was made from. */
  private readonly sources = new WeakMap<DocumentAnalysis, DocumentAnalysis>();
  /** The last view built, current or not: requests may read it while a newer one is on its way. */
  private lastView: CrossDocumentView | null = null;
  private readonly facts = new DiagnosticFacts();
  /** What the last view's diagnostics depended on, to tell which documents the next change reaches. */
  private lastSummary: DiagnosticSummary | null = null;
  private readonly changedSinceView = new Set<string>();
  private everythingChanged = true;
  private sortedKeys: string[] | null = null;
  private documentsAddedOrRemoved = false;
  /** Counts changes to the analyses, so a view built in steps can tell that it went stale meanwhile. */
  private version = 0;
  private unconsumedAffected: Set<string> | null = null;
  /** Documents whose analysis the diagnostic facts have not taken in yet, with the analysis they last took in. */
  private readonly factsBehind = new Map<string, DocumentAnalysis | undefined>();
  /** Set once diagnostics or affected sets are asked for: from then on they are kept up to date as views are built. */
  private diagnosticsWanted = false;

  /** Analyses `text` unless the same text is already indexed under `key`. */
  set(key: string, text: string): DocumentAnalysis {
    const existing = this.documents.get(key);
    if (existing && this.texts.get(key) === text) return this.peek(key)!;
    this.texts.set(key, text);
    return this.analyse(key);
  }

  /**
   * Puts an analysis made earlier of this very text (a warm-start cache) in place, without analysing again. The
   * caller vouches that `analysis` is what analyzeDocument gives for `key`, `text` and the current corrections.
   */
  setAnalysed(key: string, text: string, analysis: DocumentAnalysis): DocumentAnalysis {
    const existing = this.documents.get(key);
    if (existing && this.texts.get(key) === text) return this.peek(key)!;
    this.texts.set(key, text);
    this.replace(key, analysis);
    return analysis;
  }

  delete(key: string): boolean {
    this.texts.delete(key);
    const previous = this.documents.get(key);
    if (!previous) return false;
    this.documents.delete(key);
    if (!this.factsBehind.has(key)) this.factsBehind.set(key, previous);
    this.changed(key);
    this.sortedKeys = null;
    this.documentsAddedOrRemoved = true;
    return true;
  }

  /** Replaces the user's corrections; documents whose corrected date changed are analysed again. */
  setCorrections(corrections: Corrections): void {
    const previous = this.corrections.documentDates;
    this.corrections = corrections;
    for (const key of new Set([...Object.keys(previous), ...Object.keys(corrections.documentDates)])) {
      if (previous[key] !== corrections.documentDates[key] && this.texts.has(key)) this.analyse(key);
    }
    this.everythingChanged = true;
    this.view = null;
    this.version++;
  }

  getCorrections(): Corrections {
    return this.corrections;
  }

  /** The text the document's analysis was made from. */
  textOf(key: string): string | undefined {
    return this.texts.get(key);
  }

  /** The document with its cross-document ids, the view brought up to date first. */
  get(key: string): DocumentAnalysis | undefined {
    return this.crossDocument().lookup.documentsByPath.get(key);
  }

  /**
   * The document's current analysis, without bringing the cross-document view up to date: with the last view's
   * cross-document ids when that view was built from it, else as analysed (document-local ids).
   */
  peek(key: string): DocumentAnalysis | undefined {
    const analysis = this.documents.get(key);
    const linked = this.lastView?.lookup.documentsByPath.get(key);
    return linked && this.sources.get(linked) === analysis ? linked : analysis;
  }

  has(key: string): boolean {
    return this.documents.has(key);
  }

  /** Whether the cross-document view is up to date with every analysis. */
  isCurrent(): boolean {
    return this.view !== null;
  }

  get size(): number {
    return this.documents.size;
  }

  keys(): string[] {
    return [...(this.sortedKeys ??= [...this.documents.keys()].sort())];
  }

  /** Every document with its cross-document ids, in key order. */
  all(): DocumentAnalysis[] {
    return [...this.crossDocument().lookup.documents];
  }

  /**
   * The spelling and quote indexes, current with every analysis even when the cross-document view is not: what a
   * document's name-spelling check needs, without linking entities again.
   */
  diagnosticFacts(): DiagnosticFacts {
    this.diagnosticsWanted = true;
    for (const [key, previous] of this.factsBehind) this.facts.replace(previous, this.documents.get(key));
    this.factsBehind.clear();
    return this.facts;
  }

  /**
   * The current view if there is one, else the last one built when only texts of documents it knows changed since
   * (its analyses are those it was built from); else a new view.
   */
  latestView(): CrossDocumentView {
    return this.view ?? (this.lastView && !this.everythingChanged && !this.documentsAddedOrRemoved ? this.lastView : this.crossDocument());
  }

  /**
   * The current view, else the last one built, whatever changed since; null before the first. Never builds one: in
   * a large workspace requests read this while the view is built in steps.
   */
  builtView(): CrossDocumentView | null {
    return this.view ?? this.lastView;
  }

  crossDocument(): CrossDocumentView {
    if (!this.view) {
      const steps = this.buildSteps();
      let step = steps.next();
      while (!step.done) step = steps.next();
    }
    return this.view!;
  }

  /**
   * Brings the cross-document view up to date in steps (entity linking, then figure grouping, then the tables),
   * calling `between()` after each and awaiting what it returns, so that other work runs meanwhile (once diagnostics
   * are wanted, the shared-text and quote indexes are brought up to date in steps of one document). Returns null,
   * and keeps nothing of the attempt, when a document changed during it: the caller's newer run builds the view then.
   */
  async crossDocumentInSteps(between: () => Promise<void> | void): Promise<CrossDocumentView | null> {
    if (this.view) return this.view;
    const version = this.version;
    const steps = this.buildSteps();
    let step = steps.next();
    while (!step.done) {
      const pause = between();
      if (pause) await pause;
      if (this.version !== version) return null;
      // Built meanwhile by a caller that could not wait: that view is current.
      if (this.view) return this.view;
      step = steps.next();
    }
    return this.view;
  }

  /**
   * The documents whose diagnostics may have changed since the last call, over every view built meanwhile
   * (whoever asked for them), or null for every document.
   */
  takeAffected(): ReadonlySet<string> | null {
    this.diagnosticsWanted = true;
    const affected = this.unconsumedAffected;
    this.unconsumedAffected = new Set();
    return affected;
  }

  /** Builds the view; each yield is a point where the caller may let other work run. */
  private *buildSteps(): Generator<void, void, void> {
    const analyses = this.keys().map((key) => this.documents.get(key)!);
    // Linking yields every few dozen documents; dropped part way, the linker finishes that update in the next build.
    const link = yield* this.linker.updateSteps(analyses);
    let documents = analyses.map((analysis) => link.linkedByPath.get(analysis.path)!);
    for (const path of link.relinked) {
      const linked = link.linkedByPath.get(path);
      if (linked) this.sources.set(linked, this.documents.get(path)!);
    }
    let records: EntityTable | null = link.records;
    let entities: CrossDocumentEntity[] | null = null;
    const corrected = correctEntities(documents, () => sortedEntities(records!), this.corrections.entities);
    if (corrected) {
      corrected.documents.forEach((document, index) => this.sources.set(document, analyses[index]));
      documents = corrected.documents;
      entities = corrected.entities;
      records = null;
    }
    yield;
    yield;
    // Stories and figure groups yield between their own small steps; dropped part way, each resumes in the next build.
    const stories = yield* this.storyIndex.groupSteps(documents, this.corrections.stories);
    const figureGroups = yield* this.figureIndex.groupSteps(documents, this.corrections.figures, stories.storyOf);
    yield;
    // A document's diagnostics read its shared text and misquotes: indexed here in steps, not in the first diagnosis.
    if (this.diagnosticsWanted) {
      yield* this.provenanceIndexes.sharedText.syncSteps(documents);
      yield* this.provenanceIndexes.quotes.syncSteps(documents);
    }
    const documentsByPath = new Map(documents.map((document) => [document.path, document]));
    const { sources } = this;
    const lookup = lookupTables(documents, documentsByPath, figureGroups, records, () => (entities ??= sortedEntities(records!)),
      (document) => {
        const linked = documentsByPath.get(document.path);
        return linked && (linked === document || sources.get(linked) === document) ? linked : document;
      });
    // Affected sets are worked out once someone diagnoses (the server); a one-off run (the CLI) skips them.
    const facts = this.diagnosticsWanted ? this.diagnosticFacts() : null;
    const summary = facts ? summariseForDiagnostics(documents, figureGroups, documentsByPath,
      this.lastSummary && this.lastView ? { summary: this.lastSummary, documentsByPath: this.lastView.lookup.documentsByPath } : undefined) : null;
    // Everything above only reads the index's state: a newer change may still cancel the build here.
    yield;
    const changes = facts?.takeChanges();
    const affected = !summary || !changes || this.everythingChanged || !this.lastSummary ? null
      : affectedDocuments(this.lastSummary, summary, this.changedSinceView, changes, this.facts, lookup);
    this.lastSummary = summary;
    this.changedSinceView.clear();
    this.everythingChanged = false;
    this.documentsAddedOrRemoved = false;
    this.unconsumedAffected = affected && this.unconsumedAffected ? new Set([...this.unconsumedAffected, ...affected]) : null;
    let timeline: TimelineEvent[] | null = null;
    let provenance: Provenance | null = null;
    let quotesBySpeaker: CrossDocumentView['quotesBySpeaker'] | null = null;
    const { provenanceIndexes, sentences } = this;
    // The timeline and provenance are asked for by their views (and the CLI): they are not built on every keystroke.
    const index = this;
    this.view = { figureGroups, stories, lookup, affected,
      get entities() { return (entities ??= sortedEntities(records!)); },
      get quotesBySpeaker() { return (quotesBySpeaker ??= speakerPlaces(documents)); },
      get facts() { return index.diagnosticFacts(); },
      get timeline() { return (timeline ??= buildTimeline(documents, sentences)); },
      get provenance() { return (provenance ??= new Provenance(documents, provenanceIndexes)); } };
    this.lastView = this.view;
  }

  private analyse(key: string): DocumentAnalysis {
    const analysis = analyzeDocument(key, this.texts.get(key)!, { documentDate: this.corrections.documentDates[key] });
    this.replace(key, analysis);
    return analysis;
  }

  private replace(key: string, analysis: DocumentAnalysis): void {
    const previous = this.documents.get(key);
    if (!previous) { this.sortedKeys = null; this.documentsAddedOrRemoved = true; }
    this.documents.set(key, analysis);
    if (!this.factsBehind.has(key)) this.factsBehind.set(key, previous);
    this.changed(key);
  }

  private changed(key: string): void {
    this.changedSinceView.add(key);
    this.view = null;
    this.version++;
  }
}

/** Every attributed quote's place, by speaker id. */
function speakerPlaces(documents: readonly DocumentAnalysis[]): CrossDocumentView['quotesBySpeaker'] {
  const places: CrossDocumentView['quotesBySpeaker'] = new Map();
  for (const document of documents) {
    for (const quote of document.quotes) {
      const id = quote.speaker?.id;
      if (!id) continue;
      const list = places.get(id);
      if (list) list.push({ path: document.path, start: quote.start, end: quote.end });
      else places.set(id, [{ path: document.path, start: quote.start, end: quote.end }]);
    }
  }
  return places;
}

/**
 * The view's look-up tables. Entities and their mentions come from the linker's records (each entity knows its
 * clusters), so a look-up reads one entity's mentions, never every document's; with entity corrections in force
 * (`records` null), the tables are built by one pass over the corrected documents when first asked.
 */
function lookupTables(documents: readonly DocumentAnalysis[], documentsByPath: ReadonlyMap<string, DocumentAnalysis>,
  figureGroups: readonly FigureGroup[], records: EntityTable | null, entities: () => CrossDocumentEntity[],
  linkedOf: (document: DocumentAnalysis) => DocumentAnalysis): ViewLookup {
  let groupsByPath: Map<string, Array<{ group: FigureGroup; member: FigureGroupMember }>> | null = null;
  let mentionsByEntity: Map<string, Map<string, EntityMention[]>> | null = null;
  let entityById: Map<string, CrossDocumentEntity> | null = null;
  const mentionTables = new Map<string, ReadonlyMap<string, readonly EntityMention[]>>();
  const definitions = new Map<string, Place | null>();
  const scanned = (entityId: string): ReadonlyMap<string, readonly EntityMention[]> => {
    if (!mentionsByEntity) {
      mentionsByEntity = new Map();
      for (const document of documents) {
        for (const mention of document.entities) {
          let byPath = mentionsByEntity.get(mention.id);
          if (!byPath) mentionsByEntity.set(mention.id, (byPath = new Map()));
          const list = byPath.get(document.path);
          if (list) list.push(mention);
          else byPath.set(document.path, [mention]);
        }
      }
    }
    return mentionsByEntity.get(entityId) ?? new Map();
  };
  const mentionsOf = (entityId: string): ReadonlyMap<string, readonly EntityMention[]> => {
    if (!records) return scanned(entityId);
    let table = mentionTables.get(entityId);
    if (table) return table;
    const indexes = new Map<string, number[]>();
    for (const place of records.get(entityId)?.places ?? []) {
      const list = indexes.get(place.path);
      if (list) list.push(...place.mentions);
      else indexes.set(place.path, [...place.mentions]);
    }
    const byPath = new Map<string, EntityMention[]>();
    for (const path of [...indexes.keys()].sort()) {
      const document = documentsByPath.get(path);
      if (!document) continue;
      byPath.set(path, indexes.get(path)!.sort((a, b) => a - b).map((index) => document.entities[index]));
    }
    mentionTables.set(entityId, (table = byPath));
    return table;
  };
  return {
    documents,
    documentsByPath,
    linkedOf,
    entity(entityId) {
      if (records) return records.get(entityId)?.entity;
      entityById ??= new Map(entities().map((entity) => [entity.id, entity]));
      return entityById.get(entityId);
    },
    figureGroupsOf(path) {
      if (!groupsByPath) {
        groupsByPath = new Map();
        for (const group of figureGroups) {
          for (const member of group.members) {
            const list = groupsByPath.get(member.path);
            if (list) list.push({ group, member });
            else groupsByPath.set(member.path, [{ group, member }]);
          }
        }
      }
      return groupsByPath.get(path) ?? [];
    },
    mentionsOf,
    definitionOf(entityId) {
      if (definitions.has(entityId)) return definitions.get(entityId)!;
      let best: Place | null = null;
      let bestLength = -1;
      for (const [path, mentions] of mentionsOf(entityId)) {
        for (const mention of mentions) {
          const length = (mention.canonical === mention.text ? 1000 : 0) + mention.text.length;
          if (length > bestLength) { best = { path, start: mention.start, end: mention.end }; bestLength = length; }
        }
      }
      definitions.set(entityId, best);
      return best;
    },
  };
}
