import type { Location, Position } from 'vscode-languageserver/node';
import type { CrossDocumentView, WorkspaceIndex } from '../core/index/workspace-index';
import type { DocumentAnalysis } from '../core/types';
import { lineMapOf, toRange } from './convert';

/** Where two texts differ: the common prefix and suffix lengths; offsets outside the middle map one to one. */
interface TextChange { prefix: number; suffix: number; before: string; after: string }

function changeBetween(before: string, after: string): TextChange {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix, before, after };
}

/** An offset of one text in the other, or null inside the edited stretch. */
function mapOffset(change: TextChange, offset: number, from: 'before' | 'after'): number | null {
  const source = change[from];
  const target = from === 'before' ? change.after : change.before;
  if (offset <= change.prefix) return offset;
  if (offset >= source.length - change.suffix) return offset - source.length + target.length;
  return null;
}

/**
 * A cross-document view (the scheduler's viewForRequests) and the analyses it was built from, for requests: they are
 * answered at once from it while the background pass builds the next view in steps. A document edited since is read
 * through its earlier analysis, offsets moved across the edit (a place inside the edited stretch has no answer until
 * the rebuild). A document the view has not seen, or any document before the first
 * view, is read as analysed, without a view (answers from it alone).
 */
export class ViewSnapshot {
  private readonly changes = new Map<string, TextChange | null>();

  constructor(private readonly index: WorkspaceIndex, readonly view: CrossDocumentView | null) {}

  /** The document as the view knows it, or undefined when there is no view or it has not seen the document. */
  document(uri: string): DocumentAnalysis | undefined {
    return this.view?.lookup.documentsByPath.get(uri);
  }

  /** What a request about `uri` reads: the view's analysis and the view, else the current analysis and no view. */
  reading(uri: string): { document: DocumentAnalysis; view: CrossDocumentView | null } | undefined {
    const seen = this.document(uri);
    if (seen) return { document: seen, view: this.view };
    const current = this.index.peek(uri);
    return current && { document: current, view: null };
  }

  /** A position in the editor's current text, as an offset into the analysis `reading(uri)` gives. */
  offsetOf(uri: string, position: Position): number | null {
    const current = this.index.peek(uri);
    if (!current) return null;
    const offset = lineMapOf(current).offset(position);
    const change = this.changeOf(uri);
    return change ? mapOffset(change, offset, 'after') : offset;
  }

  /** A span of the view's analysis of `uri`, in the document's current text. */
  currentSpan(uri: string, start: number, end: number): { document: DocumentAnalysis; start: number; end: number } | null {
    const current = this.index.peek(uri);
    if (!current) return null;
    const change = this.changeOf(uri);
    if (!change) return { document: current, start, end };
    const movedStart = mapOffset(change, start, 'before');
    const movedEnd = mapOffset(change, end, 'before');
    return movedStart === null || movedEnd === null ? null : { document: current, start: movedStart, end: movedEnd };
  }

  location(uri: string, start: number, end: number): Location | null {
    const span = this.currentSpan(uri, start, end);
    return span && { uri, range: toRange(span.document, span.start, span.end) };
  }

  private changeOf(uri: string): TextChange | null {
    if (!this.changes.has(uri)) {
      const current = this.index.peek(uri);
      const seen = this.document(uri);
      this.changes.set(uri, current && seen && current !== seen && current.text !== seen.text ? changeBetween(seen.text, current.text) : null);
    }
    return this.changes.get(uri)!;
  }
}
