import type { CrossDocumentEntity, DocumentAnalysis, FigureGroup, TimelineEvent } from '../types';
import { analyzeDocument } from '../analyze';
import { emptyCorrections, type Corrections } from '../corrections';
import { linkEntities } from './cross-entities';
import { correctEntities } from './entity-corrections';
import { groupFigures } from './figure-groups';
import { buildTimeline } from './timeline';
import { Provenance, ProvenanceIndexes } from './provenance';
import { StoryIndex, type StoryView } from './stories';

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
}

/**
 * Per-document analyses, each recomputed only when its text (or its corrected date) changes, and the
 * cross-document view, recomputed lazily from those analyses after any change. Keys are the caller's
 * document keys (paths or URIs); corrections name documents by the same keys.
 */
export class WorkspaceIndex {
  private readonly texts = new Map<string, string>();
  private readonly documents = new Map<string, DocumentAnalysis>();
  private corrections: Corrections = emptyCorrections();
  private view: CrossDocumentView | null = null;
  private readonly provenanceIndexes = new ProvenanceIndexes();
  private readonly storyIndex = new StoryIndex();

  /** Analyses `text` unless the same text is already indexed under `key`. */
  set(key: string, text: string): DocumentAnalysis {
    const existing = this.documents.get(key);
    if (existing && this.texts.get(key) === text) return existing;
    this.texts.set(key, text);
    return this.analyse(key);
  }

  delete(key: string): boolean {
    this.texts.delete(key);
    const removed = this.documents.delete(key);
    if (removed) this.view = null;
    return removed;
  }

  /** Replaces the user's corrections; documents whose corrected date changed are analysed again. */
  setCorrections(corrections: Corrections): void {
    const previous = this.corrections.documentDates;
    this.corrections = corrections;
    for (const key of new Set([...Object.keys(previous), ...Object.keys(corrections.documentDates)])) {
      if (previous[key] !== corrections.documentDates[key] && this.texts.has(key)) this.analyse(key);
    }
    this.view = null;
  }

  getCorrections(): Corrections {
    return this.corrections;
  }

  get(key: string): DocumentAnalysis | undefined {
    this.crossDocument();
    return this.documents.get(key);
  }

  /** The document's current analysis, without bringing the cross-document view up to date. */
  peek(key: string): DocumentAnalysis | undefined {
    return this.documents.get(key);
  }

  has(key: string): boolean {
    return this.documents.has(key);
  }

  keys(): string[] {
    return [...this.documents.keys()].sort();
  }

  all(): DocumentAnalysis[] {
    this.crossDocument();
    return this.keys().map((key) => this.documents.get(key)!);
  }

  crossDocument(): CrossDocumentView {
    if (!this.view) {
      const documents = this.keys().map((key) => this.documents.get(key)!);
      const entities = correctEntities(documents, linkEntities(documents), this.corrections.entities);
      const quotesBySpeaker: CrossDocumentView['quotesBySpeaker'] = new Map();
      for (const document of documents) {
        for (const quote of document.quotes) {
          const id = quote.speaker?.id;
          if (!id) continue;
          const places = quotesBySpeaker.get(id) ?? [];
          places.push({ path: document.path, start: quote.start, end: quote.end });
          quotesBySpeaker.set(id, places);
        }
      }
      const stories = this.storyIndex.group(documents, this.corrections.stories);
      let timeline: TimelineEvent[] | null = null;
      let provenance: Provenance | null = null;
      const { provenanceIndexes } = this;
      // The timeline is asked for by the timeline view only: it is not built on every keystroke.
      this.view = { entities, figureGroups: groupFigures(documents, this.corrections.figures, stories.storyOf), quotesBySpeaker, stories,
        get timeline() { return (timeline ??= buildTimeline(documents)); },
        get provenance() { return (provenance ??= new Provenance(documents, provenanceIndexes)); } };
    }
    return this.view;
  }

  private analyse(key: string): DocumentAnalysis {
    const analysis = analyzeDocument(key, this.texts.get(key)!, { documentDate: this.corrections.documentDates[key] });
    this.documents.set(key, analysis);
    this.view = null;
    return analysis;
  }
}
