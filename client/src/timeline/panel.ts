import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TIMELINE_REQUEST, type TimelineResponse } from '../../../server/src/protocol';
import type { FromWebview, ToWebview } from './messages';

export const TIMELINE_VIEW_TYPE = 'corroborate.timeline';

/** The one timeline panel: created on demand, refreshed when the index changes, revealing sentences on click. */
export class TimelinePanel {
  private static current: TimelinePanel | undefined;
  private focusUri: string | null = null;
  private ready = false;

  static createOrShow(extensionUri: vscode.Uri, client: LanguageClient, focusUri: string | null, log: vscode.LogOutputChannel): void {
    if (TimelinePanel.current) {
      TimelinePanel.current.focusUri = focusUri;
      TimelinePanel.current.panel.reveal(vscode.ViewColumn.Beside);
      void TimelinePanel.current.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Corroborate Timeline', vscode.ViewColumn.Beside, {
      enableScripts: true, retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    });
    TimelinePanel.current = new TimelinePanel(panel, extensionUri, client, log);
    TimelinePanel.current.focusUri = focusUri;
  }

  static refreshIfOpen(): void {
    void TimelinePanel.current?.refresh();
  }

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel) {
    panel.webview.html = this.html(panel.webview, extensionUri);
    panel.onDidDispose(() => { TimelinePanel.current = undefined; });
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
  }

  private async receive(message: FromWebview): Promise<void> {
    if (message.type === 'ready') { this.ready = true; await this.refresh(); }
    else if (message.type === 'reveal') {
      const position = new vscode.Position(message.line, message.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
    } else if (message.type === 'error') this.log.appendLine(`Timeline webview: ${message.message}`);
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return;
    const timeline = await this.client.sendRequest<TimelineResponse>(TIMELINE_REQUEST);
    const message: ToWebview = { type: 'timeline', timeline, focusUri: this.focusUri };
    await this.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.css'));
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet"><title>Corroborate Timeline</title></head>
<body><h1 id="timeline-title">Timeline</h1><p id="timeline-summary"></p><ol id="timeline-events"></ol>
<h2>Undated documents</h2><ul id="timeline-undated"></ul>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
  }
}
