import type { WorkspaceIndex, CrossDocumentView } from '../core/index/workspace-index';
import type { DocumentAnalysis } from '../core/types';
import type { DocumentStore } from './documents';
import { diagnoseDocument, diagnoseProvisionally, type DiagnosticOptions, type Dismissals, type FoundDiagnostic } from '../core/features/diagnostics';

/** Background work runs this long between two turns of the event loop, so requests are answered meanwhile. */
export const SLICE_MS = 5;
/**
 * While a large workspace is read, an opened document waits this long before it gets provisional diagnostics; in a
 * workspace of at most SMALL_WORKSPACE documents it waits for the complete view, which comes about as fast.
 */
const PROVISIONAL_WAIT_MS = 100;
const SMALL_WORKSPACE = 300;
/**
 * After a keystroke the view is rebuilt once typing pauses this long: the requests an edit brings (hovers, lenses,
 * symbols) are answered from the last view first, and a burst of keystrokes costs one rebuild.
 */
export const REBUILD_DELAY_MS = 150;
/**
 * A view out of date this long is built at once, in one go, on the next run: edits that never pause for
 * REBUILD_DELAY_MS (or that come faster than a build in steps) would otherwise cancel every rebuild, and the
 * documents waiting for one (each diagnosed provisionally again on every keystroke) would grow without bound.
 */
export const STALE_VIEW_MAX_MS = 1000;
/**
 * Only edits starve the view: while more analyses than this are on their way (a cold index, a branch switch), the view
 * waits for them, since a view built in one go then would be stale at once and block requests for its whole length.
 */
const STARVED_MAX_ANALYSES_DUE = 4;

/** What the scheduler needs of the server: settings, where diagnostics go, and what to do after a full pass. */
export interface DiagnosticsSink {
  optionsFor(uri: string): Promise<{ options: DiagnosticOptions; dismissed: Dismissals }>;
  /** `always`: send even when equal to the last diagnostics sent (the user is looking at this document). */
  send(document: DocumentAnalysis, found: FoundDiagnostic[], always: boolean): void;
  /** Every document is diagnosed under the current view. */
  settled(view: CrossDocumentView): void;
  /** Analyses on their way that come in soon: the view is built once they are in (their arrival schedules a run). */
  analysesDueSoon?(): boolean;
  /** How many analyses are on their way from the workers. */
  analysesOnTheirWay?(): number;
}

/**
 * The setImmediate turns the connection takes from reading a client's message to handling it (it decodes in one and
 * handles in the next): work that resumed after one turn would run before any request that came in meanwhile.
 */
const TURNS_TO_HANDLE_A_MESSAGE = 3;

/** Lets the requests that came in meanwhile run, then resumes. */
const turn = () => new Promise<void>((resolve) => {
  let left = TURNS_TO_HANDLE_A_MESSAGE;
  const next = () => (--left ? setImmediate(next) : resolve());
  setImmediate(next);
});

/**
 * A pause point for work done in many small steps: it yields a turn of the event loop once SLICE_MS have run since
 * the last one, and costs nothing in between.
 */
export function sliceBudget(): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart <= SLICE_MS) return undefined;
    return turn().then(() => { sliceStart = performance.now(); });
  };
}

/**
 * Decides which documents are diagnosed when. A document whose own text changed (or that was opened) is diagnosed
 * at once, provisionally if the cross-document view is not yet current; then the view is rebuilt and only the
 * documents the change can reach are diagnosed again, in slices of about 5 ms. A newer change cancels the pass
 * in progress, which never rebuilds a view that is already stale: the documents it did not reach stay pending.
 */
export class DiagnosticScheduler {
  /** Documents to diagnose under the next view, the changed and opened ones first. */
  private readonly pending = new Set<string>();
  private readonly priority = new Set<string>();
  private everything = true;
  private generation = 0;
  private scheduled = false;
  private running: Promise<void> | null = null;
  /** Paused while the workspace is being read: the view is built once, when every document is in. */
  private paused = false;
  /** Documents the last scan of the workspace found. */
  private expected = 0;
  private provisionalTimer: NodeJS.Timeout | undefined;
  private provisionalWhilePaused = false;
  /** When the index was first seen out of date since the last view was built, or null while it is current. */
  private staleSince: number | null = null;
  /** The view of the last pass that got through: a changed document's cross-document findings are carried from it. */
  private lastView: CrossDocumentView | null = null;
  /**
   * The findings carried over an edit, per changed document, with the view and analysis they were made under. Only
   * documents edited since the last view are here: the diagnostics of every document are not kept (10,000 documents'
   * would be a large share of the server's memory), they are made again from the view when needed.
   */
  private readonly carried = new Map<string, { view: CrossDocumentView; seen: DocumentAnalysis; text: string; found: FoundDiagnostic[] }>();

  constructor(private readonly index: WorkspaceIndex, private readonly sink: DiagnosticsSink) {}

  /** The document's own text changed (or it was opened): it is diagnosed first. */
  documentChanged(uri: string): void {
    this.priority.add(uri);
    this.schedule();
  }

  /** Documents changed on disk (or their analysis came in): those the changes reach are diagnosed again. */
  documentsChanged(): void {
    this.schedule();
  }

  /** Settings, corrections or the set of documents changed: every document is diagnosed again. */
  everythingChanged(): void {
    this.everything = true;
    this.schedule();
  }

  /**
   * Holds the view rebuild until resume(), while `expected` documents are read; in a large workspace the changed
   * and opened documents get provisional diagnostics meanwhile.
   */
  pause(expected: number): void {
    this.paused = true;
    this.expected = expected;
    this.provisionalWhilePaused = expected > SMALL_WORKSPACE;
  }

  /**
   * The view requests read. In a large workspace (or one being read) it is the last view built, or null before the
   * first: a request never waits for one. In a small one a view is built at once when the last is out of date in
   * more than texts, which comes about as fast as an answer from the document alone.
   */
  viewForRequests(): CrossDocumentView | null {
    return Math.max(this.expected, this.index.size) > SMALL_WORKSPACE ? this.index.builtView() : this.index.latestView();
  }

  resume(): void {
    this.paused = false;
    clearTimeout(this.provisionalTimer);
    this.provisionalTimer = undefined;
    this.everything = true;
    this.schedule();
  }

  forget(uri: string): void {
    this.carried.delete(uri);
  }

  /** What the document was diagnosed with under the last view: its analysis there and the findings. */
  private before(uri: string, options: DiagnosticOptions, dismissed: Dismissals): { text: string; found: FoundDiagnostic[] } | undefined {
    const view = this.lastView;
    const seen = view?.lookup.documentsByPath.get(uri);
    if (!view || !seen) return undefined;
    const carried = this.carried.get(uri);
    if (carried && carried.view === view && carried.seen === seen) return carried;
    const made = { view, seen, text: seen.text, found: diagnoseDocument(seen, view, options, dismissed) };
    this.carried.set(uri, made);
    return made;
  }

  private schedule(): void {
    this.generation++;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const previous = this.running ?? Promise.resolve();
      const run = previous.then(() => this.run(this.generation));
      this.running = run;
      void run.finally(() => { if (this.running === run) this.running = null; });
    });
  }

  /** Provisional diagnostics of the changed documents; false when a newer change came meanwhile. */
  private async provisional(generation: number): Promise<boolean> {
    for (const uri of [...this.priority]) {
      const document = this.index.peek(uri);
      if (!document) { this.priority.delete(uri); continue; }
      const { options, dismissed } = await this.sink.optionsFor(uri);
      if (generation !== this.generation) return false;
      const found = diagnoseProvisionally(document, this.index.diagnosticFacts(), this.before(uri, options, dismissed), options, dismissed);
      this.sink.send(document, found, true);
    }
    return true;
  }

  private async run(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    // Changed documents first, without waiting for the view when it is not current.
    if (this.paused) {
      if (this.provisionalWhilePaused) this.provisionalTimer ??= setTimeout(() => { this.provisionalTimer = undefined; if (this.paused) void this.provisional(this.generation); }, PROVISIONAL_WAIT_MS);
      return;
    }
    let starved = false;
    if (!this.index.isCurrent()) {
      this.staleSince ??= performance.now();
      starved = this.lastView !== null && performance.now() - this.staleSince > STALE_VIEW_MAX_MS
        && (this.sink.analysesOnTheirWay?.() ?? 0) <= STARVED_MAX_ANALYSES_DUE;
      if (!await this.provisional(generation)) return;
      if (!starved) {
        await new Promise((resolve) => setTimeout(resolve, this.priority.size ? REBUILD_DELAY_MS : 0));
        // A newer change arrived meanwhile: its own run rebuilds the view, once.
        if (generation !== this.generation) return;
      }
    }
    if (this.paused || (!starved && this.sink.analysesDueSoon?.())) return;
    // Linking, grouping and the provenance indexes run in steps, with requests answered between them; a view out of
    // date for too long is built in one go, which no change can cancel.
    const view = starved ? this.index.crossDocument() : await this.index.crossDocumentInSteps(sliceBudget());
    if (view) this.staleSince = null;
    if (!view) {
      // A document changed while the view was built: a newer run builds it, scheduled here if nothing else did.
      if (generation === this.generation) this.schedule();
      return;
    }
    const affected = this.index.takeAffected();
    if (this.everything || !affected) { for (const key of this.index.keys()) this.pending.add(key); this.everything = false; }
    else for (const key of affected) this.pending.add(key);
    if (generation !== this.generation) return;
    const first = new Set([...this.priority].filter((uri) => this.index.has(uri)));
    const ordered = [...first, ...[...this.pending].filter((uri) => !first.has(uri))];
    this.priority.clear();
    for (const uri of first) this.pending.add(uri);
    let sliceStart = performance.now();
    for (const uri of ordered) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await turn();
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
      this.pending.delete(uri);
      const document = this.index.peek(uri);
      if (!document) { this.carried.delete(uri); continue; }
      const { options, dismissed } = await this.sink.optionsFor(uri);
      if (generation !== this.generation) { this.pending.add(uri); return; }
      const found = diagnoseDocument(document, view, options, dismissed);
      this.sink.send(document, found, first.has(uri));
    }
    this.lastView = view;
    this.carried.clear();
    this.sink.settled(view);
  }
}

/**
 * Brings the index to exactly these files (open buffers keep their text), reading them in slices of about 5 ms.
 * Returns false when cancelled, with the files read so far indexed (or on their way from the analysis workers).
 */
export async function loadInSlices(store: DocumentStore, uris: readonly string[],
  hooks: { cancelled(): boolean; progress(done: number): void }): Promise<boolean> {
  store.retainOnly(new Set(uris));
  let sliceStart = performance.now();
  for (const [position, uri] of uris.entries()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      hooks.progress(position);
      await turn();
      if (hooks.cancelled()) return false;
      sliceStart = performance.now();
    }
    if (store.isOpen(uri)) continue;
    store.diskChanged(uri);
  }
  return true;
}
