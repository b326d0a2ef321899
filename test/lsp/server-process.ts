import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, HoverRequest, CodeLensRequest, CodeActionRequest, ShutdownRequest, ExitNotification,
  PublishDiagnosticsNotification, ConfigurationRequest, WorkDoneProgressCreateRequest, DidChangeWatchedFilesNotification, FileChangeType,
  type Diagnostic, type Hover, type CodeLens, type CodeAction, type ProtocolConnection, type PublishDiagnosticsParams, type Position,
} from 'vscode-languageserver-protocol/node';
import { repoRoot, SEEDS } from '../support/repo';

/** The shipped language server (dist/server.js) as a child process, spoken to over stdio. */
export class ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly diagnosticWaiters: Array<() => void> = [];
  private readonly indexWaiters: Array<() => void> = [];
  private indexedDocuments = 0;
  readonly exited: Promise<number | null>;

  /** `initializationOptions` go with the initialize request (the extension sends its storage path there). */
  constructor(readonly settings: Record<string, unknown> = {}, readonly initializationOptions?: Record<string, unknown>) {
    const server = path.join(repoRoot(), 'dist', 'server.js');
    // CORROBORATE_SERVER_NODE_OPTIONS: node flags for the server process (profiling a benchmark: --cpu-prof).
    const nodeFlags = process.env.CORROBORATE_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
    this.child = spawn(process.execPath, [...nodeFlags, server, '--stdio'], { stdio: 'pipe' });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.stderr.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const wake of this.diagnosticWaiters.splice(0)) wake();
    });
    this.connection.onNotification('corroborate/indexChanged', (summary: { documents: number }) => {
      this.indexedDocuments = summary.documents;
      for (const wake of this.indexWaiters.splice(0)) wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.listen();
  }

  async initialize(folder: string): Promise<void> {
    const rootUri = pathToFileURL(folder).toString();
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }], initializationOptions: this.initializationOptions,
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<string> {
    const uri = pathToFileURL(file).toString();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corroborate-source', version: 1, text } });
    return uri;
  }

  /** Resolves once the server says its index holds `count` documents or more (its cross-document view includes them). */
  indexed(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.indexedDocuments >= count ? resolve() : this.indexWaiters.push(check));
      check();
    });
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `accept`. */
  diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = (list) => list.length > 0): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const check = () => {
        const current = this.diagnostics.get(uri);
        if (current && accept(current)) resolve(current);
        else this.diagnosticWaiters.push(check);
      };
      check();
    });
  }

  /** The diagnostics last published for `uri`, or undefined when none were. */
  published(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri);
  }

  /** Resolves with the next diagnostics published for `uri`, whatever they are. */
  nextDiagnosticsFor(uri: string): Promise<Diagnostic[]> {
    const previous = this.diagnostics.get(uri);
    return this.diagnosticsFor(uri, (list) => list !== previous);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  }

  codeActions(uri: string, diagnostics: Diagnostic[]): Promise<Array<CodeAction> | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as Promise<CodeAction[] | null>;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Tells the server a file changed on disk, as a client's file watcher would. */
  async fileChanged(file: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type }] });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }
}

/** A fresh copy of the seeds in a temporary folder, for tests that write files. */
export function copyOfSeeds(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-seeds-'));
  for (const name of fs.readdirSync(path.join(repoRoot(), 'seeds'))) fs.copyFileSync(path.join(repoRoot(), 'seeds', name), path.join(folder, name));
  return folder;
}

/** Starts `server` on `folder` and opens every seed there, as an editor with the seeds open does. */
export async function startWithSeedsOpen(server: ServerProcess, folder: string): Promise<void> {
  await server.initialize(folder);
  for (const name of Object.values(SEEDS)) await server.open(path.join(folder, name));
}

/** Shuts `server` down and removes the folder it served. */
export async function stopAndRemove(server: ServerProcess, folder: string): Promise<void> {
  await server.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
}

/** The zero-based position of the `occurrence`-th appearance of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 1): Position {
  let offset = -1;
  for (let found = 0; found < occurrence; found++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
