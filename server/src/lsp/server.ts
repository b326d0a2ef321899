import {
  CodeActionKind, createConnection, FileChangeType, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type CodeLens, type Connection, type Hover, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { diagnoseDocument } from '../core/features/diagnostics';
import { hoverAt, lineFragment } from '../core/features/hover';
import { lensesFor } from '../core/features/lenses';
import { DocumentStore } from './documents';
import { SettingsCache } from './settings';
import { lineMapOf, toDiagnostic, toRange } from './convert';
import { ENTITIES_REQUEST, FIGURE_GROUPS_REQUEST, INDEX_CHANGED_NOTIFICATION, TIMELINE_REQUEST } from '../protocol';
import { entitiesResponse, figureGroupsResponse, indexSummary, timelineResponse } from './views';

export function startServer(): void {
  const connection: Connection = createConnection(ProposedFeatures.all);
  const index = new WorkspaceIndex();
  const store = new DocumentStore(index);
  const buffers = new TextDocuments(TextDocument);
  let settings: SettingsCache;
  let workspaceFolders: string[] = [];
  let publishScheduled = false;
  const published = new Set<string>();

  const documentOf = (uri: string) => index.get(uri);
  const link = (uri: string, offset: number) => {
    const document = index.get(uri);
    return document ? `${uri}${lineFragment(document.text, offset)}` : uri;
  };

  /** Cross-document findings change with any document, so every document's diagnostics are sent again. */
  function schedulePublish(): void {
    if (publishScheduled) return;
    publishScheduled = true;
    setImmediate(() => { publishScheduled = false; void publishAll(); });
  }

  async function publishAll(): Promise<void> {
    const documents = index.all();
    const view = index.crossDocument();
    const current = new Set(documents.map((document) => document.path));
    for (const document of documents) {
      const options = (await settings.get(document.path)).diagnostics;
      const diagnostics = diagnoseDocument(document, view, documents, options).map((found) => toDiagnostic(document, found, documentOf));
      void connection.sendDiagnostics({ uri: document.path, diagnostics });
      published.add(document.path);
    }
    for (const uri of published) {
      if (!current.has(uri)) { void connection.sendDiagnostics({ uri, diagnostics: [] }); published.delete(uri); }
    }
    void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, indexSummary(index, store.unreadable.size));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = new SettingsCache(connection, params.capabilities.workspace?.configuration === true);
    workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'corroborate-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('Corroborate: reading sources', 0, undefined, false);
    for (const [position, folder] of workspaceFolders.entries()) {
      if (folder.startsWith('file:')) store.scanFolder(folder);
      progress?.report(Math.round(((position + 1) / workspaceFolders.length) * 100), `${index.keys().length} documents`);
    }
    for (const [uri, problem] of store.unreadable) connection.console.warn(`Corroborate skipped ${uri}: ${problem}`);
    progress?.done();
    schedulePublish();
  });

  connection.onDidChangeConfiguration(() => { settings.clear(); schedulePublish(); });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) store.diskChanged(change.uri);
      else store.diskChanged(change.uri);
    }
    schedulePublish();
  });

  buffers.onDidOpen(({ document }) => { store.opened(document.uri, document.getText()); schedulePublish(); });
  buffers.onDidChangeContent(({ document }) => { store.changed(document.uri, document.getText()); schedulePublish(); });
  buffers.onDidClose(({ document }) => { store.closed(document.uri); schedulePublish(); });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const document = index.get(textDocument.uri);
    if (!document) return null;
    const found = hoverAt(document, lineMapOf(document).offset(position), index.crossDocument(), index.all(), link);
    return found && { contents: { kind: 'markdown', value: found.markdown }, range: toRange(document, found.start, found.end) };
  });

  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    const document = index.get(textDocument.uri);
    if (!document) return [];
    return lensesFor(document, index.crossDocument()).map((lens) => {
      const range = toRange(document, lens.start, lens.end);
      if (lens.action === 'show-timeline') return { range, command: { title: lens.title, command: 'corroborate.showTimeline', arguments: [document.path] } };
      if (lens.action === 'show-sources') {
        const locations = (lens.locations ?? []).flatMap((location) => {
          const other = index.get(location.path);
          return other ? [{ uri: location.path, range: toRange(other, location.start, location.end) }] : [];
        });
        return { range, command: { title: lens.title, command: 'corroborate.peekLocations', arguments: [document.path, range.start, locations] } };
      }
      return { range, command: { title: lens.title, command: '' } };
    });
  });

  connection.onCodeAction(({ textDocument, context }): CodeAction[] => {
    const document = index.get(textDocument.uri);
    if (!document) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'corroborate' || diagnostic.code !== 'noise') continue;
      const map = lineMapOf(document);
      const offset = map.offset(diagnostic.range.start);
      const line = map.fullLine(offset);
      actions.push({ title: 'Delete this scraped line', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.path]: [{ range: toRange(document, line.start, line.end), newText: '' }] } } });
    }
    if (document.noise.length > 1 && actions.length) {
      const map = lineMapOf(document);
      const edits = document.noise.map((noise) => map.fullLine(noise.start))
        .map((line) => ({ range: toRange(document, line.start, line.end), newText: '' }));
      actions.push({ title: `Delete all ${document.noise.length} scraped lines in this document`, kind: CodeActionKind.QuickFix,
        edit: { changes: { [document.path]: edits } } });
    }
    return actions;
  });

  connection.onRequest(TIMELINE_REQUEST, () => timelineResponse(index));
  connection.onRequest(FIGURE_GROUPS_REQUEST, () => figureGroupsResponse(index));
  connection.onRequest(ENTITIES_REQUEST, () => entitiesResponse(index));

  buffers.listen(connection);
  connection.listen();
}
