import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CORRECTIONS_FILE, INDEX_CHANGED_NOTIFICATION, PEEK_LOCATIONS_COMMAND, SEPARATE_FIGURES_COMMAND, SHOW_TIMELINE_COMMAND, type IndexChangedParams } from '../../server/src/protocol';
import { registerSeparateFigures } from './commands/separate-figures';
import { registerSetDocumentDate } from './commands/set-document-date';
import { registerShowCorrections, showingCorrections } from './commands/show-corrections';
import { IndexStatusBar } from './status-bar';
import { UnreadableFiles } from './unreadable-files';
import type { ExportFormat } from './timeline/messages';
import { TIMELINE_VIEW_TYPE, TimelinePanel, type TimelineHost } from './timeline/panel';
import { ENTITIES_VIEW_ID, EntitiesTreeProvider } from './views/entities';
import { FIGURES_VIEW_ID, FiguresTreeProvider } from './views/figures';
import { PROVENANCE_VIEW_ID, ProvenanceTreeProvider } from './views/provenance';
import { STORIES_VIEW_ID, StoriesTreeProvider, registerStoryCorrections } from './views/stories';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Corroborate', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'corroborate-source' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'corroborate-source' },
      // The corrections file: the server reads its open buffer, so a quick fix takes effect before it is saved.
      { scheme: 'file', pattern: `**/${CORRECTIONS_FILE}` },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/{*.txt,*.md,${CORRECTIONS_FILE}}`) },
    outputChannel: log,
    // The server keeps its warm-start cache of analyses here: the extension's storage, never the user's folder.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
    // Hovers link to these commands only ("Show in timeline", "These are different measures…").
    markdown: { isTrusted: { enabledCommands: [SHOW_TIMELINE_COMMAND, SEPARATE_FIGURES_COMMAND] } },
    middleware: {
      provideCodeActions: async (document, range, context, token, next) => showingCorrections(await next(document, range, context, token)),
    },
  };
  const languageClient = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
  client = languageClient;
  const host: TimelineHost = { extensionUri: context.extensionUri, client: languageClient, log };

  const statusBar = new IndexStatusBar();
  const unreadable = new UnreadableFiles(log);
  const figures = new FiguresTreeProvider(languageClient, log);
  const entities = new EntitiesTreeProvider(languageClient, log);
  const provenance = new ProvenanceTreeProvider(languageClient, log);
  const stories = new StoriesTreeProvider(languageClient, log);
  const refreshViews = () => {
    figures.refresh();
    entities.refresh();
    provenance.refresh();
    stories.refresh();
    TimelinePanel.refreshIfOpen();
  };

  registerSetDocumentDate(context, languageClient);
  registerShowCorrections(context);
  registerSeparateFigures(context, languageClient);
  registerStoryCorrections(context, languageClient, stories);
  context.subscriptions.push(
    log, statusBar, figures, entities, provenance, stories,
    vscode.window.createTreeView(PROVENANCE_VIEW_ID, { treeDataProvider: provenance, showCollapseAll: true }),
    vscode.commands.registerCommand('corroborate.showProvenance', () => vscode.commands.executeCommand(`${PROVENANCE_VIEW_ID}.focus`)),
    vscode.window.createTreeView(STORIES_VIEW_ID, { treeDataProvider: stories, showCollapseAll: true }),
    vscode.window.createTreeView(FIGURES_VIEW_ID, { treeDataProvider: figures, showCollapseAll: true }),
    vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: entities, showCollapseAll: true }),
    // Registered before any await so VS Code can restore a timeline left open at the last reload.
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => TimelinePanel.revive(panel, host),
    }),
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, (focusUri?: unknown, figureGroup?: unknown) => {
      const uri = focusUri instanceof vscode.Uri ? focusUri.toString() : typeof focusUri === 'string' ? focusUri : null;
      TimelinePanel.createOrShow(host, uri, typeof figureGroup === 'string' ? figureGroup : null);
    }),
    vscode.commands.registerCommand('corroborate.refreshViews', refreshViews),
    vscode.commands.registerCommand('corroborate.showFigures', () => vscode.commands.executeCommand(`${FIGURES_VIEW_ID}.focus`)),
    vscode.commands.registerCommand('corroborate.showEntities', () => vscode.commands.executeCommand(`${ENTITIES_VIEW_ID}.focus`)),
    vscode.commands.registerCommand('corroborate.exportTimeline', async (format?: unknown) => {
      const chosen: ExportFormat | undefined = format === 'json' || format === 'csv' ? format : (await vscode.window.showQuickPick(
        [{ label: 'CSV', description: 'one row per event, for spreadsheets', format: 'csv' as const },
          { label: 'JSON', description: 'events, dated and undated documents', format: 'json' as const }],
        { title: 'Export Timeline', placeHolder: 'Export the timeline as…' }))?.format;
      if (chosen) await TimelinePanel.exportTimeline(host, chosen);
    }),
    vscode.commands.registerCommand(PEEK_LOCATIONS_COMMAND, (uri: string, position: { line: number; character: number },
      locations: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>) => {
      const toPosition = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
      return vscode.commands.executeCommand('editor.action.peekLocations', vscode.Uri.parse(uri), toPosition(position),
        locations.map((location) => new vscode.Location(vscode.Uri.parse(location.uri),
          new vscode.Range(toPosition(location.range.start), toPosition(location.range.end)))), 'peek');
    }),
    // Registered before start so the first summary, sent right after initialization, is not missed.
    languageClient.onNotification(INDEX_CHANGED_NOTIFICATION, (index: IndexChangedParams) => {
      statusBar.update(index);
      unreadable.update(index);
      refreshViews();
    }),
  );
  try {
    await languageClient.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    statusBar.failed(message);
    log.error(`The language server did not start: ${message}`);
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
