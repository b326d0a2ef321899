import {
  CodeActionKind, CodeLensRefreshRequest, InlayHintRefreshRequest, createConnection, FoldingRangeKind, InlayHintKind, ProposedFeatures, SemanticTokensBuilder, SymbolKind,
  TextDocuments, TextDocumentSyncKind,
  type CodeAction, type CodeLens, type Connection, type Diagnostic, type DocumentSymbol, type Hover, type InitializeParams,
  type InitializeResult, type Location, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { diagnoseDocument } from '../core/features/diagnostics';
import { hoverAt, type HoverLinks } from '../core/features/hover';
import { lensesFor } from '../core/features/lenses';
import { definition, entityAt, references } from '../core/features/navigation';
import { outline, type OutlineItem } from '../core/features/outline';
import { inlayHints } from '../core/features/inlay-hints';
import { frontMatterWithDate, withDismissal, withDocumentDate, withSeparateFigures } from '../core/features/correction-edits';
import type { DocumentAnalysis, EntityType } from '../core/types';
import { DocumentStore } from './documents';
import { SettingsCache } from './settings';
import { lineMapOf, toDiagnostic, toRange } from './convert';
import { WorkspaceFolders } from './workspace-folders';
import { CorrectionsFiles } from './corrections-file';
import {
  DOCUMENT_DATE_EDIT_REQUEST, SEPARATE_FIGURES_COMMAND, SEPARATE_FIGURES_EDIT_REQUEST, type SeparateFiguresEditParams, ENTITIES_REQUEST, FIGURE_GROUPS_REQUEST, INDEX_CHANGED_NOTIFICATION, PEEK_LOCATIONS_COMMAND,
  SET_DOCUMENT_DATE_COMMAND, SHOW_TIMELINE_COMMAND, TIMELINE_REQUEST, type DocumentDateEditParams, type EditResult,
} from '../protocol';
import { entitiesResponse, figureGroupsResponse, indexSummary, timelineResponse } from './views';
import { guardedTransport } from './lifecycle';

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
  let publishScheduled = false;
  const refreshSupport = { codeLens: false, inlayHints: false };

  const documentOf = (uri: string) => index.get(uri);
  const commandLink = (command: string, args: unknown[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  const hoverLinks: HoverLinks = {
    location: (uri, offset) => {
      const document = index.get(uri);
      if (!document) return uri;
      // A line/column fragment (1-based), which VS Code opens at that place.
      const { line, character } = lineMapOf(document).position(offset);
      return `${uri}#L${line + 1},${character + 1}`;
    },
    separateFigures: (uri, offset) => commandLink(SEPARATE_FIGURES_COMMAND, [uri, offset]),
    showTimeline: (uri) => commandLink(SHOW_TIMELINE_COMMAND, [uri]),
  };
  const location = (document: DocumentAnalysis, start: number, end: number): Location => ({ uri: document.path, range: toRange(document, start, end) });

  /** Documents whose own text changed since the last publish: their diagnostics go out first, always. */
  const changedSincePublish = new Set<string>();
  const lastSent = new Map<string, string>();

  /** While the user types, the other documents wait this long after the last keystroke for their new diagnostics. */
  const OTHER_DOCUMENTS_DELAY_MS = 250;
  let otherDocumentsTimer: NodeJS.Timeout | undefined;
  let changedScheduled = false;

  /**
   * Cross-document findings change with any document, so every document is diagnosed again; only changes are
   * sent. A document the user edits gets its diagnostics at once; the others once the typing pauses.
   */
  function schedulePublish(changedUri?: string): void {
    if (changedUri) {
      changedSincePublish.add(changedUri);
      if (!changedScheduled) {
        changedScheduled = true;
        setImmediate(() => { changedScheduled = false; void publishChanged(); });
      }
      clearTimeout(otherDocumentsTimer);
      otherDocumentsTimer = setTimeout(() => schedulePublish(), OTHER_DOCUMENTS_DELAY_MS);
      return;
    }
    clearTimeout(otherDocumentsTimer);
    if (publishScheduled) return;
    publishScheduled = true;
    setImmediate(() => { publishScheduled = false; void publishAll(); });
  }

  async function publishChanged(): Promise<void> {
    const changed = [...changedSincePublish];
    changedSincePublish.clear();
    const documents = index.all();
    const view = index.crossDocument();
    const dismissed = index.getCorrections().dismissed;
    for (const uri of changed) {
      const document = index.get(uri);
      if (!document) continue;
      const options = (await settings.get(uri)).diagnostics;
      const mine = dismissed.filter((entry) => entry.path === uri);
      send(uri, diagnoseDocument(document, view, documents, options, mine).map((found) => toDiagnostic(document, found, documentOf)), true);
    }
  }

  function send(uri: string, diagnostics: Diagnostic[], always: boolean): void {
    const serialised = JSON.stringify(diagnostics);
    if (!always && lastSent.get(uri) === serialised) return;
    lastSent.set(uri, serialised);
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Documents diagnosed between two turns of the event loop, so requests are answered during a long publish. */
  const PUBLISH_BATCH = 10;
  let publishGeneration = 0;

  async function publishAll(): Promise<void> {
    const generation = ++publishGeneration;
    const documents = index.all();
    const view = index.crossDocument();
    const priority = new Set(changedSincePublish);
    changedSincePublish.clear();
    if (priority.size) clearTimeout(otherDocumentsTimer);
    const ordered = [...documents.filter((document) => priority.has(document.path)), ...documents.filter((document) => !priority.has(document.path))];
    const dismissed = index.getCorrections().dismissed;
    for (const [position, document] of ordered.entries()) {
      if (position === priority.size || (position > priority.size && position % PUBLISH_BATCH === 0)) {
        await new Promise((resolve) => setImmediate(resolve));
        // A newer change started its own publish: this one is stale.
        if (generation !== publishGeneration) return;
      }
      const options = (await settings.get(document.path)).diagnostics;
      const mine = dismissed.filter((entry) => entry.path === document.path);
      send(document.path, diagnoseDocument(document, view, documents, options, mine).map((found) => toDiagnostic(document, found, documentOf)),
        priority.has(document.path));
    }
    const current = new Set(documents.map((document) => document.path));
    for (const folder of folders.uris) {
      const uri = folders.correctionsFileOf(folder);
      const diagnostics = corrections.diagnosticsFor(uri);
      if (diagnostics.length || lastSent.has(uri)) { send(uri, diagnostics, false); current.add(uri); }
    }
    for (const uri of lastSent.keys()) {
      if (!current.has(uri)) { void connection.sendDiagnostics({ uri, diagnostics: [] }); lastSent.delete(uri); }
    }
    void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, indexSummary(index, store.unreadable.size));
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

  async function scanWorkspace(): Promise<void> {
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('Corroborate: reading sources', 0, undefined, false);
    const uris: string[] = [];
    const skipped: Array<[string, string]> = [];
    for (const [position, folder] of folders.uris.entries()) {
      if (!folder.startsWith('file:')) continue;
      const { include, exclude } = await settings.get(folder);
      uris.push(...folders.scan(folder, include, exclude, (uri, reason) => skipped.push([uri, reason])));
      progress?.report(Math.round(((position + 1) / folders.uris.length) * 100), `${uris.length} documents`);
    }
    store.load(uris);
    for (const [uri, reason] of skipped) store.skipped(uri, reason);
    for (const [uri, problem] of store.unreadable) connection.console.warn(`Corroborate skipped ${uri}: ${problem}`);
    progress?.done();
    schedulePublish();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = new WorkspaceFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    settings = new SettingsCache(connection, params.capabilities.workspace?.configuration === true, (uri) => folders.folderOf(uri) ?? uri);
    corrections = new CorrectionsFiles(folders);
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

  connection.onInitialized(async () => {
    reloadCorrections();
    await scanWorkspace();
  });

  connection.onDidChangeConfiguration(async () => { settings.clear(); await scanWorkspace(); });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (folders.isCorrectionsFile(change.uri)) reloadCorrections();
      else if (await isSource(change.uri)) {
        const problem = store.diskChanged(change.uri);
        if (problem) connection.console.warn(`Corroborate skipped ${change.uri}: ${problem}`);
      }
      else store.forget(change.uri);
    }
    schedulePublish();
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
  buffers.onDidClose(({ document }) => {
    if (folders.isCorrectionsFile(document.uri)) { corrections.bufferChanged(document.uri, null); reloadCorrections(); }
    else if (store.isOpen(document.uri)) store.closed(document.uri);
    schedulePublish();
  });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const document = index.get(textDocument.uri);
    if (!document) return null;
    const found = hoverAt(document, lineMapOf(document).offset(position), index.crossDocument(), index.all(), hoverLinks);
    return found && { contents: { kind: 'markdown', value: found.markdown }, range: toRange(document, found.start, found.end) };
  });

  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    const document = index.get(textDocument.uri);
    if (!document) return [];
    return lensesFor(document, index.crossDocument()).map((lens) => {
      const range = toRange(document, lens.start, lens.end);
      if (lens.action === 'show-timeline') {
        const command = document.metadata.date.value ? SHOW_TIMELINE_COMMAND : SET_DOCUMENT_DATE_COMMAND;
        return { range, command: { title: lens.title, command, arguments: [document.path] } };
      }
      if (lens.action === 'show-sources') {
        const locations = (lens.locations ?? []).flatMap((place) => {
          const other = index.get(place.path);
          return other ? [location(other, place.start, place.end)] : [];
        });
        return { range, command: { title: lens.title, command: PEEK_LOCATIONS_COMMAND, arguments: [document.path, range.start, locations] } };
      }
      return { range, command: { title: lens.title, command: '' } };
    });
  });

  connection.onCodeAction(({ textDocument, context, range }): CodeAction[] => {
    const document = index.get(textDocument.uri);
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
          const line = map.fullLine(offset);
          actions.push({ title: 'Delete this scraped line', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.path]: [{ range: toRange(document, line.start, line.end), newText: '' }] } } });
          if (document.noise.length > 1) {
            const edits = document.noise.map((noise) => map.fullLine(noise.start)).map((whole) => ({ range: toRange(document, whole.start, whole.end), newText: '' }));
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
          const found = diagnoseDocument(document, index.crossDocument(), index.all()).find((candidate) => candidate.kind === 'name-spelling' && candidate.start === offset);
          if (found?.replacement) {
            actions.push({ title: `Change to "${found.replacement}"`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
              edit: { changes: { [document.path]: [{ range: diagnostic.range, newText: found.replacement }] } } });
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

  /** The corrections edit that separates the group holding the figure at `offset`, or null when it is in none. */
  function separateFiguresEdit(uri: string, offset: number): ReturnType<CorrectionsFiles['edit']> | null {
    const group = index.crossDocument().figureGroups.find((candidate) => candidate.members.some((member) => member.path === uri && member.start === offset));
    if (!group) return null;
    const references = group.members.map((member) => ({ path: folders.relativePath(member.path) ?? member.path, text: member.text }));
    return corrections.edit(uri, (current) => withSeparateFigures(current, references));
  }

  connection.onRequest(SEPARATE_FIGURES_EDIT_REQUEST, ({ uri, offset }: SeparateFiguresEditParams): EditResult =>
    separateFiguresEdit(uri, offset) ?? { problem: 'the figure is in no group of figures' });

  connection.onRequest(DOCUMENT_DATE_EDIT_REQUEST, ({ uri, date, target }: DocumentDateEditParams): EditResult => {
    if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(date)) return { problem: `"${date}" is not a date like 2016-02-12, 2016-02 or 2016` };
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

  connection.onDefinition(({ textDocument, position }): Location | null => {
    const document = index.get(textDocument.uri);
    const mention = document && entityAt(document, lineMapOf(document).offset(position));
    const place = mention && definition(index.all(), mention.id);
    const target = place && index.get(place.path);
    return target ? location(target, place.start, place.end) : null;
  });

  connection.onReferences(({ textDocument, position }): Location[] => {
    const document = index.get(textDocument.uri);
    const mention = document && entityAt(document, lineMapOf(document).offset(position));
    if (!mention) return [];
    return references(index.all(), mention.id).map((place) => location(index.get(place.path)!, place.start, place.end));
  });

  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    const document = index.get(textDocument.uri);
    if (!document) return [];
    const convert = (item: OutlineItem): DocumentSymbol => ({
      name: item.name, detail: item.detail, kind: SYMBOL_KIND[item.kind], range: toRange(document, item.start, item.end),
      selectionRange: toRange(document, item.start, item.end), children: item.children.map(convert),
    });
    return outline(document).map(convert);
  });

  connection.onWorkspaceSymbol(({ query }) => {
    const wanted = query.toLowerCase();
    const all = index.all();
    return index.crossDocument().entities
      .filter((entity) => !wanted || [entity.name, ...entity.aliases].some((name) => name.toLowerCase().includes(wanted)))
      .flatMap((entity) => {
        const place = definition(all, entity.id);
        const document = place && index.get(place.path);
        return document ? [{ name: entity.name, kind: ENTITY_SYMBOL_KIND[entity.type], containerName: `${entity.type} · ${entity.mentions} mentions`,
          location: location(document, place.start, place.end) }] : [];
      });
  });

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const document = index.get(textDocument.uri);
    if (!document) return [];
    const map = lineMapOf(document);
    const show = (await settings.get(document.path)).inlayHints;
    return inlayHints(document, { start: map.offset(range.start), end: map.offset(range.end) }, show).map((hint) => ({
      position: map.position(hint.offset), label: hint.kind === 'date' ? hint.label : `[${hint.label}]`, tooltip: hint.tooltip,
      kind: hint.kind === 'date' ? InlayHintKind.Type : InlayHintKind.Parameter, paddingLeft: true,
    }));
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const document = index.get(textDocument.uri);
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

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const document = index.get(textDocument.uri);
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

  connection.onRequest(TIMELINE_REQUEST, () => timelineResponse(index));
  connection.onRequest(FIGURE_GROUPS_REQUEST, () => figureGroupsResponse(index));
  connection.onRequest(ENTITIES_REQUEST, () => entitiesResponse(index));

  buffers.listen(connection);
  connection.listen();
}

function redirectConsole(connection: Connection): void {
  const text = (values: unknown[]) => values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ');
  console.log = console.info = console.debug = (...values: unknown[]) => connection.console.log(text(values));
  console.warn = (...values: unknown[]) => connection.console.warn(text(values));
  console.error = (...values: unknown[]) => connection.console.error(text(values));
}
