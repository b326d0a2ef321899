import {
  CodeActionKind, CodeLensRefreshRequest, FileChangeType, InlayHintRefreshRequest, createConnection, FoldingRangeKind, InlayHintKind, ProposedFeatures, SemanticTokensBuilder, SymbolKind,
  TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type WorkDoneProgressServerReporter, type CodeAction, type CodeLens, type Connection, type Diagnostic, type DocumentSymbol, type Hover, type InitializeParams,
  type InitializeResult, type Location, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { hoverAt, type HoverLinks } from '../core/features/hover';
import { lensesFor } from '../core/features/lenses';
import { definition, entityAt, references } from '../core/features/navigation';
import { outline, type OutlineItem } from '../core/features/outline';
import { inlayHints } from '../core/features/inlay-hints';
import { frontMatterWithDate, withDismissal, withDocumentDate, withFiguresApart, withSeparateFigures, withStoryMove, withStorySplit } from '../core/features/correction-edits';
import { parseDateInput } from '../core/features/date-input';
import { noiseLineDeletions } from '../core/features/noise-edits';
import type { EntityType } from '../core/types';
import { DocumentStore } from './documents';
import { DiagnosticScheduler, loadInSlices } from './scheduler';
import { ViewSnapshot } from './snapshot';
import { DiagnosticsCache, WarmCache, analyzerVersion } from './warm-cache';
import { createHash } from 'node:crypto';
import { SettingsCache } from './settings';
import { lineMapOf, toDiagnostic, toRange } from './convert';
import { WorkspaceFolders } from './workspace-folders';
import { CorrectionsFiles } from './corrections-file';
import {
  DOCUMENT_DATE_EDIT_REQUEST, SEPARATE_FIGURES_COMMAND, SEPARATE_FIGURES_EDIT_REQUEST, type SeparateFiguresEditParams, ENTITIES_REQUEST, FIGURE_GROUPS_REQUEST, INDEX_CHANGED_NOTIFICATION, PEEK_LOCATIONS_COMMAND,
  SET_DOCUMENT_DATE_COMMAND, SHOW_TIMELINE_COMMAND, TIMELINE_REQUEST, type DocumentDateEditParams, type EditResult,
  STORIES_REQUEST, STORY_CORRECTION_EDIT_REQUEST, type StoryCorrectionEditParams, type IndexChangedParams,
} from '../protocol';
import { entitiesResponse, figureGroupsResponse, indexSummary, storiesResponse, timelineResponse } from './views';
import { provenanceResponse } from './provenance-view';
import { PROVENANCE_REQUEST, type ProvenanceParams } from '../protocol';
import { guardedTransport } from './lifecycle';
import { AnalysisPool, defaultPoolSize, workerFile } from './analysis-pool';

/** How often the progress of a long analysis is reported. */
const PROGRESS_INTERVAL_MS = 250;

export const SEMANTIC_TOKEN_TYPES: EntityType[] = ['person', 'organization', 'place', 'other'];
const SYMBOL_KIND: Record<OutlineItem['kind'], SymbolKind> = {
  title: SymbolKind.File, section: SymbolKind.Namespace, quote: SymbolKind.String, figure: SymbolKind.Number, date: SymbolKind.Event,
};
const ENTITY_SYMBOL_KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Object, organization: SymbolKind.Module, place: SymbolKind.Package, other: SymbolKind.Constant,
};

export function startServer(): void {
  const transport = guardedTransport(process.argv.slice(2));
  const connection: Connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
  // As the library does for stdio: a stray console.log must not corrupt the protocol stream on stdout.
  if (transport.stdio) redirectConsole(connection);
  const index = new WorkspaceIndex();
  const store = new DocumentStore(index, (message) => connection.console.warn(message));
  const buffers = new TextDocuments(TextDocument);
  let settings: SettingsCache;
  let folders = new WorkspaceFolders([]);
  let corrections = new CorrectionsFiles(folders);
  const refreshSupport = { codeLens: false, inlayHints: false };

  const commandLink = (command: string, args: unknown[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  const hoverLinksOf = (snapshot: ViewSnapshot): HoverLinks => ({
    location: (uri, offset) => {
      const span = snapshot.currentSpan(uri, offset, offset);
      if (!span) return uri;
      // A line/column fragment (1-based), which VS Code opens at that place.
      const { line, character } = lineMapOf(span.document).position(span.start);
      return `${uri}#L${line + 1},${character + 1}`;
    },
    separateFigures: (uri, offset) => commandLink(SEPARATE_FIGURES_COMMAND, [uri, offset]),
    showTimeline: (uri, figureGroup) => commandLink(SHOW_TIMELINE_COMMAND, figureGroup ? [uri, figureGroup] : [uri]),
  });

  const lastSent = new Map<string, string>();

  let analyzer = 'unknown';
  const digestOf = (json: string) => createHash('sha1').update(json).digest('base64');

  function send(uri: string, diagnostics: Diagnostic[], always: boolean): void {
    // A digest, not the text: 10,000 documents' diagnostics would otherwise be held twice.
    const json = JSON.stringify(diagnostics);
    const serialised = digestOf(json);
    if (!always && lastSent.get(uri) === serialised) return;
    if (lastSent.get(uri) !== serialised) diagnosticsCache?.record(uri, json);
    lastSent.set(uri, serialised);
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /**
   * What the published diagnostics were made from: every document's path and text, the corrections, each folder's
   * settings and the analyser. The texts are read now; the settings may take a round trip to the client.
   */
  function workspaceFingerprint(): Promise<string> {
    const hash = createHash('sha256').update(analyzer).update('\u0000').update(JSON.stringify(index.getCorrections()));
    for (const key of index.keys()) hash.update('\u0000').update(key).update('\u0000').update(index.textOf(key) ?? '');
    return (async () => {
      for (const folder of folders.uris) hash.update('\u0000').update(folder).update(JSON.stringify(await settings.get(folder)));
      return hash.digest('base64url');
    })();
  }

  /** The diagnostics file is written after the first pass of a scan, then at most this often. */
  const DIAGNOSTICS_WRITE_INTERVAL_MS = 60_000;
  let diagnosticsWrittenAt = -Infinity;
  let firstPassOfScan = true;

  /** Publishes the last session's diagnostics when they were made from exactly this workspace; false otherwise. */
  async function restoreDiagnostics(): Promise<boolean> {
    if (!diagnosticsCache) return false;
    const restored = diagnosticsCache.restore(await workspaceFingerprint());
    if (!restored) return false;
    const written: Array<Promise<void>> = [];
    for (const [uri, json] of restored.entries) {
      if (!index.has(uri)) continue;
      lastSent.set(uri, digestOf(json));
      written.push(connection.sendDiagnostics({ uri, diagnostics: JSON.parse(json) as Diagnostic[] }));
    }
    const summary = restored.summary as Partial<IndexChangedParams> | null;
    const documents = index.keys().map((key) => index.peek(key)!);
    written.push(connection.sendNotification(INDEX_CHANGED_NOTIFICATION, {
      documents: documents.length, undated: documents.filter((document) => !document.metadata.date.value).length,
      conflicts: summary?.conflicts ?? 0, unreadable: store.unreadable.size,
      unreadableFiles: [...store.unreadable].slice(0, 100).map(([uri, reason]) => ({ uri, reason })),
    } satisfies IndexChangedParams));
    // Out to the client before the pass that checks them holds the thread.
    await Promise.all(written);
    return true;
  }

  const scheduler = new DiagnosticScheduler(index, {
    async optionsFor(uri) {
      const options = (await settings.get(uri)).diagnostics;
      return { options, dismissed: index.getCorrections().dismissed.filter((entry) => entry.path === uri) };
    },
    send: (document, found, always) => send(document.path, found.map((diagnostic) => toDiagnostic(document, diagnostic, (key) => index.peek(key))), always),
    settled: () => publishSettled(),
    analysesDueSoon: () => store.analysesDueSoon(),
    analysesOnTheirWay: () => store.analysingCount,
  });

  /** A document's own text changed: it is diagnosed first; without one, every document is diagnosed again. */
  function schedulePublish(changedUri?: string): void {
    if (changedUri) scheduler.documentChanged(changedUri);
    else scheduler.everythingChanged();
  }

  /** After a pass over the workspace: the corrections files' problems, documents that left, and the views. */
  function publishSettled(): void {
    const current = new Set(index.keys());
    for (const folder of folders.uris) {
      const uri = folders.correctionsFileOf(folder);
      const diagnostics = corrections.diagnosticsFor(uri);
      if (diagnostics.length || lastSent.has(uri)) { send(uri, diagnostics, false); current.add(uri); }
    }
    for (const uri of lastSent.keys()) {
      if (!current.has(uri)) { void connection.sendDiagnostics({ uri, diagnostics: [] }); lastSent.delete(uri); scheduler.forget(uri); warmCache?.forget(uri); diagnosticsCache?.forget(uri); }
    }
    const summary = indexSummary(index, store.unreadable);
    void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, summary);
    // Written for what a next session reads: not while an open buffer holds unsaved edits.
    if (diagnosticsCache && (firstPassOfScan || performance.now() - diagnosticsWrittenAt > DIAGNOSTICS_WRITE_INTERVAL_MS) && store.buffersMatchDisk()) {
      firstPassOfScan = false;
      diagnosticsWrittenAt = performance.now();
      void diagnosticsCache.write(workspaceFingerprint(), summary, (uri) => index.has(uri));
    }
    void warmCache?.write();
    // Lenses and hints of open editors read other documents too: ask the client to fetch them again.
    if (refreshSupport.codeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (refreshSupport.inlayHints) void connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
  }

  function reloadCorrections(): void {
    index.setCorrections(corrections.read());
    for (const [uri, problems] of corrections.problems) connection.console.warn(`Corroborate: ${uri}: ${problems.join('; ')}`);
  }

  async function isSource(uri: string): Promise<boolean> {
    const { include, exclude } = await settings.get(uri);
    return folders.includes(uri, include, exclude);
  }

  let scanGeneration = 0;
  let warmCache: WarmCache | null = null;
  let diagnosticsCache: DiagnosticsCache | null = null;
  let pool: AnalysisPool | null = null;

  /** Settles when the scan in progress has every document's analysis in the index. */
  let scanned: Promise<void> = Promise.resolve();

  /**
   * Workspace-wide requests (symbols, the views) wait for a scan in progress, and for analyses due soon, to be in the
   * index rather than answer for part of the folder; false when the request is cancelled first.
   */
  function workspaceReady(token?: CancellationToken): Promise<boolean> {
    return untilCancelled(scanned.then(() => store.idle()), token);
  }

  /** Settles once the scan in progress has counted the files: whether requests may build a view depends on it. */
  let counted: Promise<void> = Promise.resolve();

  function scanWorkspace(): Promise<void> {
    let markCounted: () => void = () => undefined;
    counted = new Promise((resolve) => { markCounted = resolve; });
    const scan = readWorkspace(markCounted);
    scanned = scan.catch(() => undefined);
    void scanned.then(markCounted);
    return scan;
  }

  /** The view for a request (see DiagnosticScheduler.viewForRequests), once the workspace's size is known. */
  async function snapshotForRequest(): Promise<ViewSnapshot> {
    await counted;
    return new ViewSnapshot(index, scheduler.viewForRequests());
  }

  async function readWorkspace(counted: () => void): Promise<void> {
    const generation = ++scanGeneration;
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('Corroborate: reading sources', 0, undefined, true);
    const uris: string[] = [];
    const skipped: Array<[string, string]> = [];
    for (const [position, folder] of folders.uris.entries()) {
      if (!folder.startsWith('file:')) continue;
      const { include, exclude } = await settings.get(folder);
      uris.push(...folders.scan(folder, include, exclude, (uri, reason) => skipped.push([uri, reason])));
      progress?.report(Math.round(((position + 1) / folders.uris.length) * 10), `${uris.length} documents`);
    }
    for (const [uri, reason] of skipped) store.skipped(uri, reason);
    // Read in slices, so an opened document is diagnosed at once and requests are answered meanwhile.
    scheduler.pause(uris.length);
    counted();
    const cancelled = () => generation !== scanGeneration || progress?.token.isCancellationRequested === true;
    let loaded = await loadInSlices(store, uris, {
      cancelled,
      progress: (done) => progress?.report(10 + Math.round((done / Math.max(1, uris.length)) * 20), `read ${done} of ${uris.length} documents`),
    });
    // The analyses come in from the workers; the view is built once they are all in.
    const reportAnalysed = setInterval(() => {
      const done = uris.length - Math.min(uris.length, store.analysingCount);
      progress?.report(30 + Math.round((done / Math.max(1, uris.length)) * 70), `analysed ${done} of ${uris.length} documents`);
      // Cancelled by the user: the documents not analysed yet are left out (a newer scan goes on with its own).
      if (progress?.token.isCancellationRequested && generation === scanGeneration) { loaded = false; store.retainOnly(new Set(index.keys())); }
    }, PROGRESS_INTERVAL_MS);
    await store.idle();
    clearInterval(reportAnalysed);
    progress?.done();
    if (generation !== scanGeneration) return;
    if (!loaded) connection.console.warn('Corroborate: reading the sources was cancelled; the documents read so far are analysed');
    for (const [uri, problem] of store.unreadable) connection.console.warn(`Corroborate skipped ${uri}: ${problem}`);
    // A folder unchanged since the last session shows its diagnostics at once; the pass below checks them.
    firstPassOfScan = true;
    if (loaded) await restoreDiagnostics();
    if (generation !== scanGeneration) return;
    scheduler.resume();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = new WorkspaceFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    settings = new SettingsCache(connection, params.capabilities.workspace?.configuration === true, (uri) => folders.folderOf(uri) ?? uri);
    corrections = new CorrectionsFiles(folders);
    const storagePath = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
    if (typeof storagePath === 'string' && storagePath) {
      analyzer = analyzerVersion();
      warmCache = new WarmCache(storagePath, analyzer, (message) => connection.console.warn(message));
      diagnosticsCache = new DiagnosticsCache(storagePath, analyzer, (message) => connection.console.warn(message));
    }
    const workers = defaultPoolSize();
    const entry = workerFile();
    if (workers > 0 && entry) pool = new AnalysisPool(entry, workers, (message) => connection.console.warn(message));
    // A document analysed by a worker: an open one is diagnosed first, the others as their changes reach them.
    store.analyseWith({
      pool, cache: warmCache,
      analysed: (uri) => (store.isOpen(uri) ? scheduler.documentChanged(uri) : scheduler.documentsChanged()),
      largeAnalysisStarted: (uri, length) => {
        let ended = false;
        let progress: WorkDoneProgressServerReporter | null = null;
        void connection.window.createWorkDoneProgress().then((reporter) => {
          progress = reporter;
          reporter.begin(`Corroborate: analysing ${uri.slice(uri.lastIndexOf('/') + 1)}`, undefined, `${(length / 1e6).toFixed(1)} million characters`);
          if (ended) reporter.done();
        }, () => undefined);
        return () => { ended = true; progress?.done(); };
      },
    });
    store.limitTo(folders.uris);
    refreshSupport.codeLens = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    refreshSupport.inlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        inlayHintProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: SEMANTIC_TOKEN_TYPES, tokenModifiers: [] }, full: true },
      },
      serverInfo: { name: 'corroborate-language-server', version: '0.1.0' },
    };
  });

  // The warm-start cache is on disk before the client is told the server has shut down.
  connection.onShutdown(async () => { await pool?.dispose(); await warmCache?.write(); });

  connection.onInitialized(async () => {
    reloadCorrections();
    await scanWorkspace();
  });

  connection.onDidChangeConfiguration(async () => { settings.clear(); await scanWorkspace(); });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    // Edits of files already read reach only the documents they affect; anything else (a file created or deleted, a
    // corrections file, settings) has every document diagnosed again.
    let everything = false;
    for (const change of changes) {
      if (change.type !== FileChangeType.Changed || !index.has(change.uri)) everything = true;
      if (folders.isCorrectionsFile(change.uri)) { everything = true; reloadCorrections(); }
      else if (await isSource(change.uri)) {
        const problem = store.diskChanged(change.uri);
        if (problem) connection.console.warn(`Corroborate skipped ${change.uri}: ${problem}`);
      }
      else store.forget(change.uri);
    }
    if (everything) schedulePublish();
    else scheduler.documentsChanged();
  });

  // Indexed at once, so that requests right after the open see the buffer; settings may exclude it afterwards.
  buffers.onDidOpen(async ({ document }) => {
    if (folders.isCorrectionsFile(document.uri)) { corrections.bufferChanged(document.uri, document.getText()); reloadCorrections(); schedulePublish(); return; }
    const changed = store.opened(document.uri, document.getText());
    if (document.languageId !== 'corroborate-source' && !await isSource(document.uri)) { store.closedAndForgotten(document.uri); schedulePublish(); }
    else if (changed) schedulePublish(document.uri);
  });
  buffers.onDidChangeContent(({ document }) => {
    if (folders.isCorrectionsFile(document.uri)) { corrections.bufferChanged(document.uri, document.getText()); reloadCorrections(); schedulePublish(); }
    else if (store.isOpen(document.uri) && store.changed(document.uri, document.getText())) schedulePublish(document.uri);
  });
  // A closed buffer falls back to its file: only a text that differs (or a file gone) is diagnosed again, not every
  // document (a pass over the whole workspace after each close never got through while editing went on).
  buffers.onDidClose(({ document }) => {
    if (folders.isCorrectionsFile(document.uri)) { corrections.bufferChanged(document.uri, null); reloadCorrections(); }
    else if (store.isOpen(document.uri)) {
      const indexed = index.has(document.uri);
      if (!store.closed(document.uri)) return;
      if (indexed && index.has(document.uri)) { scheduler.documentsChanged(); return; }
    }
    schedulePublish();
  });

  /**
   * Waits for the document's analysis on its way from a worker (an opened file's, a keystroke's), so a request reads
   * the text the editor shows; false when the request is cancelled first. Requests about other documents do not wait.
   */
  function ready(uri: string, token?: CancellationToken): Promise<boolean> {
    return untilCancelled(store.analysed(uri), token);
  }

  function untilCancelled(done: Promise<void>, token?: CancellationToken): Promise<boolean> {
    const analysed = done.then(() => token?.isCancellationRequested !== true);
    if (!token) return analysed;
    return Promise.race([analysed, new Promise<boolean>((resolve) => {
      if (token.isCancellationRequested) resolve(false);
      else { const listener = token.onCancellationRequested(() => { listener.dispose(); resolve(false); }); void analysed.then(() => listener.dispose()); }
    })]);
  }

  // Hover, lenses, definition, references and workspace symbols read the last view built (see ViewSnapshot): they
  // never wait for a view to be built. Before the first view (a start), hover and references answer from the
  // document alone, the hover marked as partial.
  connection.onHover(async ({ textDocument, position }, token): Promise<Hover | null> => {
    if (!await ready(textDocument.uri, token)) return null;
    const snapshot = await snapshotForRequest();
    const reading = snapshot.reading(textDocument.uri);
    const offset = snapshot.offsetOf(textDocument.uri, position);
    if (!reading || offset === null || token.isCancellationRequested) return null;
    const found = hoverAt(reading.document, offset, reading.view, hoverLinksOf(snapshot));
    const span = found && snapshot.currentSpan(reading.document.path, found.start, found.end);
    return found && span && { contents: { kind: 'markdown', value: found.markdown }, range: toRange(span.document, span.start, span.end) };
  });

  connection.onCodeLens(async ({ textDocument }, token): Promise<CodeLens[]> => {
    if (!await ready(textDocument.uri, token)) return [];
    const snapshot = await snapshotForRequest();
    const document = snapshot.document(textDocument.uri);
    // Before the view has seen the document there are no cross-document lenses; the client asks again once it has.
    if (!snapshot.view || !document || token.isCancellationRequested) return [];
    return lensesFor(document, snapshot.view).flatMap((lens) => {
      const span = snapshot.currentSpan(document.path, lens.start, lens.end);
      if (!span) return [];
      const range = toRange(span.document, span.start, span.end);
      if (lens.action === 'show-timeline') {
        const command = document.metadata.date.value ? SHOW_TIMELINE_COMMAND : SET_DOCUMENT_DATE_COMMAND;
        return [{ range, command: { title: lens.title, command, arguments: [document.path] } }];
      }
      if (lens.action === 'show-sources') {
        const locations = (lens.locations ?? []).flatMap((place) => snapshot.location(place.path, place.start, place.end) ?? []);
        return [{ range, command: { title: lens.title, command: PEEK_LOCATIONS_COMMAND, arguments: [document.path, range.start, locations] } }];
      }
      return [{ range, command: { title: lens.title, command: '' } }];
    });
  });

  connection.onCodeAction(async ({ textDocument, context, range }, token): Promise<CodeAction[]> => {
    if (!await ready(textDocument.uri, token)) return [];
    const document = index.peek(textDocument.uri);
    if (!document) return [];
    const actions: CodeAction[] = [];
    const map = lineMapOf(document);
    const relativePath = folders.relativePath(document.path) ?? document.path;
    const correctionAction = (title: string, diagnostic: Diagnostic, edit: ReturnType<CorrectionsFiles['edit']>): CodeAction =>
      'edit' in edit ? { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit.edit }
        : { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: edit.problem } };
    const dismiss = (diagnostic: Diagnostic) => correctionAction('Dismiss this problem (corrections file)', diagnostic,
      corrections.edit(document.path, (current) => withDismissal(current, relativePath, String(diagnostic.code),
        document.text.slice(map.offset(diagnostic.range.start), map.offset(diagnostic.range.end)))));
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'corroborate') continue;
      const offset = map.offset(diagnostic.range.start);
      switch (diagnostic.code) {
        case 'noise': {
          const deletions = (spans: ReturnType<typeof noiseLineDeletions>) => spans.map((span) => ({ range: toRange(document, span.start, span.end), newText: '' }));
          actions.push({ title: 'Delete this scraped line', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.path]: deletions(noiseLineDeletions(document, [map.fullLine(offset)])) } } });
          if (document.noise.length > 1) {
            const edits = deletions(noiseLineDeletions(document));
            actions.push({ title: `Delete all ${document.noise.length} scraped lines in this document`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
              edit: { changes: { [document.path]: edits } } });
          }
          break;
        }
        case 'undated':
          actions.push({ title: 'Set the publication date…', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            command: { title: 'Set the publication date…', command: SET_DOCUMENT_DATE_COMMAND, arguments: [document.path] } });
          break;
        case 'name-spelling': {
          const written = document.text.slice(offset, map.offset(diagnostic.range.end));
          const shared = index.diagnosticFacts().sharedNearMiss(written, document.path);
          if (shared) {
            actions.push({ title: `Change to "${shared.spelling}"`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
              edit: { changes: { [document.path]: [{ range: diagnostic.range, newText: shared.spelling }] } } });
          }
          actions.push(dismiss(diagnostic));
          break;
        }
        case 'figure-conflict': {
          const separation = separateFiguresEdit(document.path, offset);
          if (separation) actions.push(correctionAction('These figures measure different things (corrections file)', diagnostic, separation));
          actions.push(dismiss(diagnostic));
          break;
        }
        default:
          actions.push(dismiss(diagnostic));
      }
    }
    if (document.metadata.date.source === 'inferred' && document.metadata.date.value && range.start.line === 0) {
      const date = document.metadata.date.value;
      actions.push({ title: `Add front matter with the inferred date ${date}`, kind: CodeActionKind.QuickFix,
        edit: { changes: { [document.path]: [{ range: toRange(document, 0, 0), newText: frontMatterWithDate(date) }] } } });
    }
    return actions;
  });

  /**
   * The corrections edit that separates the group holding the figure at `offset` (or, given `leaving`, takes those
   * members out of it), or null when it is in none.
   */
  function separateFiguresEdit(uri: string, offset: number, leaving?: SeparateFiguresEditParams['leaving']): ReturnType<CorrectionsFiles['edit']> | null {
    const group = index.crossDocument().figureGroups.find((candidate) => candidate.members.some((member) => member.path === uri && member.start === offset));
    if (!group) return null;
    const reference = (member: { path: string; text: string }) => ({ path: folders.relativePath(member.path) ?? member.path, text: member.text });
    const leaves = (member: { path: string; text: string }) => leaving?.some((entry) => entry.uri === member.path && entry.text === member.text) ?? false;
    const out = group.members.filter(leaves);
    if (!leaving?.length || out.length === group.members.length) return corrections.edit(uri, (current) => withSeparateFigures(current, group.members.map(reference)));
    if (!out.length) return { problem: 'none of the picked figures is in the group' };
    return corrections.edit(uri, (current) => withFiguresApart(current, out.map(reference), group.members.filter((member) => !leaves(member)).map(reference)));
  }

  connection.onRequest(SEPARATE_FIGURES_EDIT_REQUEST, async ({ uri, offset, leaving }: SeparateFiguresEditParams): Promise<EditResult> => {
    await ready(uri);
    return separateFiguresEdit(uri, offset, leaving) ?? { problem: 'the figure is in no group of figures' };
  });

  connection.onRequest(DOCUMENT_DATE_EDIT_REQUEST, async ({ uri, date, target }: DocumentDateEditParams): Promise<EditResult> => {
    await ready(uri);
    const read = parseDateInput(date);
    if (!('value' in read)) return { problem: read.problem };
    date = read.value;
    const document = index.get(uri);
    if (!document) return { problem: 'the document is not among the analysed sources' };
    if (target === 'front-matter') {
      if (document.metadata.bodyStart > 0) return { problem: 'the document already has front matter: add a date: line to it' };
      const edit: WorkspaceEdit = { changes: { [uri]: [{ range: toRange(document, 0, 0), newText: frontMatterWithDate(date) }] } };
      return { edit };
    }
    const relativePath = folders.relativePath(uri);
    if (!relativePath) return { problem: 'the document is outside the workspace folders' };
    return corrections.edit(uri, (current) => withDocumentDate(current, relativePath, date));
  });

  connection.onDefinition(async ({ textDocument, position }, token): Promise<Location | null> => {
    if (!await ready(textDocument.uri, token)) return null;
    const snapshot = await snapshotForRequest();
    const document = snapshot.document(textDocument.uri);
    const offset = snapshot.offsetOf(textDocument.uri, position);
    const mention = snapshot.view && document && offset !== null ? entityAt(document, offset) : undefined;
    const place = mention && definition(snapshot.view!, mention.id);
    return (place && snapshot.location(place.path, place.start, place.end)) ?? null;
  });

  connection.onReferences(async ({ textDocument, position }, token): Promise<Location[]> => {
    if (!await ready(textDocument.uri, token)) return [];
    const snapshot = await snapshotForRequest();
    const reading = snapshot.reading(textDocument.uri);
    const offset = snapshot.offsetOf(textDocument.uri, position);
    const mention = reading && offset !== null ? entityAt(reading.document, offset) : undefined;
    if (!reading || !mention) return [];
    const places = reading.view ? references(reading.view, mention.id)
      : reading.document.entities.filter((other) => other.id === mention.id).map((other) => ({ path: reading.document.path, start: other.start, end: other.end }));
    const found: Location[] = [];
    for (const place of places) {
      if (token.isCancellationRequested) return [];
      const at = snapshot.location(place.path, place.start, place.end);
      if (at) found.push(at);
    }
    return found;
  });

  connection.onDocumentSymbol(async ({ textDocument }, token): Promise<DocumentSymbol[]> => {
    if (!await ready(textDocument.uri, token)) return [];
    const document = index.peek(textDocument.uri);
    if (!document) return [];
    const convert = (item: OutlineItem): DocumentSymbol => ({
      name: item.name, detail: item.detail, kind: SYMBOL_KIND[item.kind], range: toRange(document, item.start, item.end),
      selectionRange: toRange(document, item.start, item.end), children: item.children.map(convert),
    });
    return outline(document).map(convert);
  });

  /** A picker shows a few dozen names: an empty query lists this many entities, the most mentioned first. */
  const MOST_WORKSPACE_SYMBOLS = 1000;

  connection.onWorkspaceSymbol(async ({ query }, token) => {
    if (!await workspaceReady(token)) return [];
    const wanted = query.toLowerCase();
    const snapshot = await snapshotForRequest();
    const view = snapshot.view;
    if (!view) return [];
    const matching = view.entities.filter((entity) => !wanted || [entity.name, ...entity.aliases].some((name) => name.toLowerCase().includes(wanted)))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, MOST_WORKSPACE_SYMBOLS);
    const symbols = [];
    for (const entity of matching) {
      if (token.isCancellationRequested) return [];
      const place = definition(view, entity.id);
      const found = place && snapshot.location(place.path, place.start, place.end);
      if (found) symbols.push({ name: entity.name, kind: ENTITY_SYMBOL_KIND[entity.type], containerName: `${entity.type} · ${entity.mentions} mentions`, location: found });
    }
    return symbols;
  });

  connection.languages.inlayHint.on(async ({ textDocument, range }, token) => {
    if (!await ready(textDocument.uri, token)) return [];
    const document = index.peek(textDocument.uri);
    if (!document) return [];
    const map = lineMapOf(document);
    const show = (await settings.get(document.path)).inlayHints;
    return inlayHints(document, { start: map.offset(range.start), end: map.offset(range.end) }, show).map((hint) => ({
      position: map.position(hint.offset), label: hint.kind === 'date' ? hint.label : `[${hint.label}]`, tooltip: hint.tooltip,
      kind: hint.kind === 'date' ? InlayHintKind.Type : InlayHintKind.Parameter, paddingLeft: true,
    }));
  });

  connection.onFoldingRanges(async ({ textDocument }, token) => {
    if (!await ready(textDocument.uri, token)) return [];
    const document = index.peek(textDocument.uri);
    if (!document) return [];
    const map = lineMapOf(document);
    const ranges: Array<{ startLine: number; endLine: number; kind: string }> = [];
    for (const noise of document.noise) {
      const start = map.position(noise.start).line;
      const end = map.position(noise.end).line;
      const last = ranges.at(-1);
      if (last && start - last.endLine <= 2) last.endLine = end;
      else ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
    }
    return ranges.filter((range) => range.endLine > range.startLine);
  });

  connection.languages.semanticTokens.on(async ({ textDocument }, token) => {
    if (!await ready(textDocument.uri, token)) return new SemanticTokensBuilder().build();
    const document = index.peek(textDocument.uri);
    const builder = new SemanticTokensBuilder();
    if (!document) return builder.build();
    const map = lineMapOf(document);
    for (const mention of [...document.entities].sort((a, b) => a.start - b.start)) {
      const start = map.position(mention.start);
      const end = map.position(mention.end);
      if (start.line !== end.line) continue;
      builder.push(start.line, start.character, end.character - start.character, SEMANTIC_TOKEN_TYPES.indexOf(mention.type), 0);
    }
    return builder.build();
  });

  connection.onRequest(TIMELINE_REQUEST, async () => { await workspaceReady(); return timelineResponse(index); });
  connection.onRequest(FIGURE_GROUPS_REQUEST, async () => { await workspaceReady(); return figureGroupsResponse(index); });
  connection.onRequest(ENTITIES_REQUEST, async () => { await workspaceReady(); return entitiesResponse(index); });
  connection.onRequest(PROVENANCE_REQUEST, async (params: ProvenanceParams | undefined) => { await workspaceReady(); return provenanceResponse(index, params); });
  // Stories (issue 15): the list, and the corrections edit that moves a document to another story or splits it off.
  connection.onRequest(STORIES_REQUEST, async () => { await workspaceReady(); return storiesResponse(index); });
  connection.onRequest(STORY_CORRECTION_EDIT_REQUEST, async ({ uri, to }: StoryCorrectionEditParams): Promise<EditResult> => {
    await workspaceReady();
    if (!index.has(uri) || (to !== undefined && !index.has(to))) return { problem: 'the document is not among the analysed sources' };
    const relative = (key: string) => folders.relativePath(key) ?? key;
    return corrections.edit(uri, (current) => (to === undefined ? withStorySplit(current, [relative(uri)]) : withStoryMove(current, relative(uri), relative(to))));
  });

  buffers.listen(connection);
  connection.listen();
}

function redirectConsole(connection: Connection): void {
  const text = (values: unknown[]) => values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ');
  console.log = console.info = console.debug = (...values: unknown[]) => connection.console.log(text(values));
  console.warn = (...values: unknown[]) => connection.console.warn(text(values));
  console.error = (...values: unknown[]) => connection.console.error(text(values));
}
