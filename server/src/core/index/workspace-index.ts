import type { CrossDocumentEntity, DocumentAnalysis, FigureGroup, TimelineEvent } from '../types';
import { analyzeDocument } from '../analyze';
import { linkEntities } from './cross-entities';
import { groupFigures } from './figure-groups';
import { buildTimeline } from './timeline';

export interface CrossDocumentView {
  entities: CrossDocumentEntity[];
  figureGroups: FigureGroup[];
  timeline: TimelineEvent[];
}

/**
 * Per-document analyses, each recomputed only when its text changes, and the cross-document view,
 * recomputed lazily from those analyses after any change. Keys are the caller's document keys (paths or URIs).
 */
export class WorkspaceIndex {
  private readonly documents = new Map<string, DocumentAnalysis>();
  private view: CrossDocumentView | null = null;

  /** Analyses `text` unless the same text is already indexed under `key`. */
  set(key: string, text: string): DocumentAnalysis {
    const existing = this.documents.get(key);
    if (existing && existing.text === text) return existing;
    const analysis = analyzeDocument(key, text);
    this.documents.set(key, analysis);
    this.view = null;
    return analysis;
  }

  delete(key: string): boolean {
    const removed = this.documents.delete(key);
    if (removed) this.view = null;
    return removed;
  }

  get(key: string): DocumentAnalysis | undefined {
    this.crossDocument();
    return this.documents.get(key);
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
      const documents = [...this.documents.keys()].sort().map((key) => this.documents.get(key)!);
      this.view = { entities: linkEntities(documents), figureGroups: groupFigures(documents), timeline: buildTimeline(documents) };
    }
    return this.view;
  }
}
