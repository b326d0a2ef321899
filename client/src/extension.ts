import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { INDEX_CHANGED_NOTIFICATION, SHOW_TIMELINE_COMMAND } from '../../server/src/protocol';
import { TimelinePanel } from './timeline/panel';

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
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,md}') },
    outputChannel: log,
  };
  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, (focusUri?: unknown) => {
      if (client) TimelinePanel.createOrShow(context.extensionUri, client, typeof focusUri === 'string' ? focusUri : null, log);
    }),
    vscode.commands.registerCommand('corroborate.peekLocations', (uri: string, position: { line: number; character: number },
      locations: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>) => {
      const toPosition = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
      return vscode.commands.executeCommand('editor.action.peekLocations', vscode.Uri.parse(uri), toPosition(position),
        locations.map((location) => new vscode.Location(vscode.Uri.parse(location.uri),
          new vscode.Range(toPosition(location.range.start), toPosition(location.range.end)))), 'peek');
    }),
  );
  await client.start();
  context.subscriptions.push(client.onNotification(INDEX_CHANGED_NOTIFICATION, () => TimelinePanel.refreshIfOpen()));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
