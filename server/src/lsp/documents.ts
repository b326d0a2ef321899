import { fileURLToPath } from 'node:url';
import { readSource, textSizeProblem } from '../source-files';
import type { WorkspaceIndex } from '../core/index/workspace-index';
import type { DocumentAnalysis } from '../core/types';
import type { AnalysisPool } from './analysis-pool';
import type { WarmCache } from './warm-cache';

/** Texts this long (in UTF-16 units) take seconds to analyse: the cross-document view does not wait for them. */
const LARGE_TEXT = 1_000_000;

/** Where analyses come from besides analyzeDocument on this thread: worker threads and the warm-start cache. */
export interface AnalysisSources {
  pool: AnalysisPool | null;
  cache: WarmCache | null;
  /** A document's analysis arrived from a worker and is in the index (it was not when the text was given). */
  analysed(uri: string): void;
  /** A text that takes seconds to analyse went to a worker: the returned function is called when it is done or dropped. */
  largeAnalysisStarted?(uri: string, length: number): () => void;
}

/**
 * The texts the index sees: an open editor buffer wins over the file on disk; closing the buffer falls
 * back to disk; a file deleted on disk and not open leaves the index.
 */
export class DocumentStore {
  private readonly open = new Set<string>();
  /** Files that could not be read or were skipped unread (links, pipes, devices), with the reason, for the log. */
  readonly unreadable = new Map<string, string>();
  /** Paths of the workspace folders: nothing outside them is read from disk. */
  private folders: readonly string[] = [];

  /** Texts sent to a worker whose analysis has not come back, by document. */
  private readonly analysing = new Map<string, string>();
  private idleWaiters: Array<() => void> = [];
  private readonly documentWaiters = new Map<string, Array<() => void>>();
  private sources: AnalysisSources = { pool: null, cache: null, analysed: () => undefined };

  /** `warn` logs a buffer refused unanalysed (once per buffer and reason). */
  constructor(private readonly index: WorkspaceIndex, private readonly warn: (message: string) => void = () => undefined) {}

  /** From now on texts are analysed by these (without a pool, on this thread, as they arrive). */
  analyseWith(sources: AnalysisSources): void {
    this.sources = sources;
  }

  /** Documents whose analysis is on its way from a worker. */
  get analysingCount(): number {
    return this.analysing.size;
  }

  /**
   * Whether analyses that come in soon are on their way: a view built now would be stale at once. A very large text
   * (which takes seconds) does not hold the view back; the view is built again when it comes in.
   */
  analysesDueSoon(): boolean {
    for (const text of this.analysing.values()) if (text.length < LARGE_TEXT) return true;
    return false;
  }

  /** Resolves once no analysis of this document is on its way (requests about it read its newest text). */
  analysed(uri: string): Promise<void> {
    if (!this.analysing.has(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.documentWaiters.get(uri);
      if (waiting) waiting.push(resolve);
      else this.documentWaiters.set(uri, [resolve]);
    });
  }

  /** Resolves once no analysis is due soon (see analysesDueSoon). */
  idle(): Promise<void> {
    if (!this.analysesDueSoon()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Reads from disk only inside these folders (file URIs); with none, nothing limits the reads. */
  limitTo(folderUris: readonly string[]): void {
    this.folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /** A file the scan skipped unread: it is reported like an unreadable one. */
  skipped(uri: string, reason: string): void {
    this.remove(uri);
    this.unreadable.set(uri, reason);
  }

  /** Indexes these files from disk (open buffers keep their text) and drops indexed files not among them. */
  load(uris: readonly string[]): void {
    const wanted = new Set(uris);
    this.unreadable.clear();
    this.retainOnly(wanted);
    for (const uri of uris) if (!this.open.has(uri)) this.loadFromDisk(uri);
  }

  /** Drops the indexed (and being analysed) documents not among `wanted`, open buffers excepted. */
  retainOnly(wanted: ReadonlySet<string>): void {
    for (const key of [...this.index.keys(), ...this.analysing.keys()]) if (!wanted.has(key) && !this.open.has(key)) this.remove(key);
  }

  /** Whether every open buffer the index holds has its file's text (no unsaved edits a next session would not see). */
  buffersMatchDisk(): boolean {
    for (const uri of this.open) {
      if (!this.index.has(uri)) continue;
      if (!uri.startsWith('file:')) return false;
      const source = readSource(fileURLToPath(uri), this.folders.length ? { within: this.folders } : {});
      if ('error' in source || source.text !== this.index.textOf(uri)) return false;
    }
    return true;
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /**
   * Returns whether the index changed: opening a buffer whose text is the file's changes nothing. With a worker pool
   * the analysis of a new text comes later: false now, and `analysed` is called once it is in the index.
   */
  opened(uri: string, text: string): boolean {
    this.open.add(uri);
    return this.changed(uri, text);
  }

  changed(uri: string, text: string): boolean {
    const problem = textSizeProblem(text);
    if (problem) {
      if (this.unreadable.get(uri) !== problem) this.warn(`Corroborate skipped ${uri}: ${problem}`);
      this.unreadable.set(uri, problem);
      return this.remove(uri);
    }
    if (this.open.has(uri)) this.unreadable.delete(uri);
    return this.put(uri, text);
  }

  /** The buffer closed: the file's text takes its place. Returns whether the index changed (as `opened`). */
  closed(uri: string): boolean {
    this.open.delete(uri);
    return this.loadFromDisk(uri);
  }

  /**
   * A watched file was created, changed or deleted on disk. Open buffers are not overridden. Returns the
   * reason the file was not read when it is new (a file skipped again for the same reason is reported once).
   */
  diskChanged(uri: string): string | null {
    if (this.open.has(uri)) return null;
    const before = this.unreadable.get(uri);
    this.loadFromDisk(uri);
    const after = this.unreadable.get(uri);
    return after !== undefined && after !== before ? after : null;
  }

  /** An open buffer that turned out not to be a source. */
  closedAndForgotten(uri: string): void {
    this.open.delete(uri);
    this.remove(uri);
  }

  /** A source that is no longer included (settings changed): it leaves the index unless open. */
  forget(uri: string): void {
    if (!this.open.has(uri)) this.remove(uri);
  }

  /** Takes the document out of the index, with any analysis of it on its way. */
  private remove(uri: string): boolean {
    this.settle(uri);
    return this.index.delete(uri);
  }

  /** The document's analysis on its way from a worker is no longer wanted. */
  private settle(uri: string): void {
    if (!this.analysing.delete(uri)) return;
    this.sources.pool?.cancel(uri);
    const waiting = this.documentWaiters.get(uri);
    if (waiting) { this.documentWaiters.delete(uri); for (const wake of waiting) queueMicrotask(wake); }
    if (this.idleWaiters.length && !this.analysesDueSoon()) for (const wake of this.idleWaiters.splice(0)) queueMicrotask(wake);
  }

  /** Indexes `text` for `uri`: from the warm cache, else analysed (by a worker when there is a pool). */
  private put(uri: string, text: string): boolean {
    if (this.index.has(uri) && this.index.textOf(uri) === text) { this.settle(uri); return false; }
    if (this.analysing.get(uri) === text) return false;
    const date = this.index.getCorrections().documentDates[uri];
    const { pool, cache } = this.sources;
    const cached = this.open.has(uri) ? null : cache?.lookUp(uri, text, date);
    if (cached) { this.settle(uri); this.index.setAnalysed(uri, text, cached); return true; }
    if (!pool) {
      this.settle(uri);
      const before = this.index.peek(uri);
      const analysis = this.index.set(uri, text);
      // An open buffer's analyses change with every keystroke: the cache keeps the files'.
      if (!this.open.has(uri)) cache?.remember(uri, analysis, date);
      return analysis !== before;
    }
    // A newer text replaces the one being analysed (the pool drops the older request); requests waiting go on waiting.
    this.analysing.set(uri, text);
    const ended = text.length >= LARGE_TEXT ? this.sources.largeAnalysisStarted?.(uri, text.length) : undefined;
    void pool.analyse(uri, text, date, this.open.has(uri)).then((outcome) => {
      ended?.();
      // Replaced by a newer text, or removed, meanwhile.
      if (outcome === null || this.analysing.get(uri) !== text) return;
      let analysis: DocumentAnalysis | null = null;
      if ('json' in outcome && this.index.getCorrections().documentDates[uri] === date) {
        try { analysis = { path: uri, text, ...JSON.parse(outcome.json) } as DocumentAnalysis; } catch { analysis = null; }
      } else if ('error' in outcome) this.warn(`Corroborate: ${uri} was analysed on the main thread (${outcome.error})`);
      this.settle(uri);
      if (analysis) {
        this.index.setAnalysed(uri, text, analysis);
        if (!this.open.has(uri) && 'json' in outcome) cache?.rememberJson(uri, text, date, outcome.json);
      } else {
        // The worker failed, or the corrected date changed while it worked: analysed here, as without workers.
        const again = this.index.set(uri, text);
        if (!this.open.has(uri)) cache?.remember(uri, again, this.index.getCorrections().documentDates[uri]);
      }
      this.sources.analysed(uri);
    });
    return false;
  }

  /** Returns whether the index changed (with a worker pool, a new text's analysis comes later: false now). */
  private loadFromDisk(uri: string): boolean {
    if (!uri.startsWith('file:')) return this.remove(uri);
    const source = readSource(fileURLToPath(uri), this.folders.length ? { within: this.folders } : {});
    if ('error' in source) {
      const removed = this.remove(uri);
      // A deleted file is simply gone; anything else is worth a line in the log.
      if (source.error !== 'cannot be read (ENOENT)') this.unreadable.set(uri, source.error);
      else this.unreadable.delete(uri);
      return removed;
    }
    this.unreadable.delete(uri);
    return this.put(uri, source.text);
  }
}
