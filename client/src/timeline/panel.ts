import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIGURE_GROUPS_REQUEST, SET_DOCUMENT_DATE_COMMAND, TIMELINE_REQUEST, type FigureGroupsResponse, type TimelineResponse } from '../../../server/src/protocol';
import { saveTimeline } from './export';
import type { ExportFormat, FromWebview, ToWebview } from './messages';

export const TIMELINE_VIEW_TYPE = 'corroborate.timeline';

/** What the panel needs from the extension. */
export interface TimelineHost {
  extensionUri: vscode.Uri;
  client: LanguageClient;
  log: vscode.LogOutputChannel;
}

/** The one timeline panel: created on demand, refreshed when the index changes, revealing sentences on click. */
export class TimelinePanel {
  private static current: TimelinePanel | undefined;
  private focusUri: string | null = null;
  private activeUri: string | null = null;
  /** The figure group "Show in timeline" was asked for from a figure's hover, or null. */
  private figureGroupId: string | null = null;
  private ready = false;
  /** The last timeline sent to the webview: export indexes refer to it. */
  private timeline: TimelineResponse | null = null;
  /** Asked for while the webview loads, so the chart is drawn as soon as its script says 'ready'. */
  private prefetched: Promise<TimelineResponse> | null = null;

  private prefetch(): void {
    this.prefetched = this.host.client.sendRequest<TimelineResponse>(TIMELINE_REQUEST);
    this.prefetched.catch(() => undefined); // a failure is reported by refresh, which awaits it
  }

  static createOrShow(host: TimelineHost, focusUri: string | null, figureGroup: string | null = null): void {
    const activeUri = vscode.window.activeTextEditor?.document.uri.toString() ?? null;
    if (TimelinePanel.current) {
      TimelinePanel.current.focusUri = focusUri;
      TimelinePanel.current.activeUri = activeUri;
      TimelinePanel.current.figureGroupId = figureGroup;
      TimelinePanel.current.panel.reveal(TimelinePanel.current.panel.viewColumn ?? vscode.ViewColumn.Beside);
      void TimelinePanel.current.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Corroborate Timeline', vscode.ViewColumn.Beside,
      { ...TimelinePanel.webviewOptions(host.extensionUri), retainContextWhenHidden: false });
    TimelinePanel.current = new TimelinePanel(panel, host);
    TimelinePanel.current.focusUri = focusUri;
    TimelinePanel.current.activeUri = activeUri;
    TimelinePanel.current.figureGroupId = figureGroup;
    TimelinePanel.current.prefetch();
  }

  /** Restores a panel VS Code kept across a window reload (its webview state comes back through getState). */
  static revive(panel: vscode.WebviewPanel, host: TimelineHost): void {
    panel.webview.options = TimelinePanel.webviewOptions(host.extensionUri);
    TimelinePanel.current = new TimelinePanel(panel, host);
    TimelinePanel.current.prefetch();
  }

  static refreshIfOpen(): void {
    if (TimelinePanel.current) TimelinePanel.current.prefetched = null; // the index changed: a prefetched answer is stale
    void TimelinePanel.current?.refresh();
  }

  /** Exports from the command palette: the open panel's timeline when there is one, else a fresh one. */
  static async exportTimeline(host: TimelineHost, format: ExportFormat): Promise<void> {
    const timeline = TimelinePanel.current?.timeline ?? await host.client.sendRequest<TimelineResponse>(TIMELINE_REQUEST);
    await saveTimeline(timeline, format, null);
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly host: TimelineHost) {
    panel.webview.html = this.html(panel.webview, host.extensionUri);
    panel.onDidDispose(() => { if (TimelinePanel.current === this) TimelinePanel.current = undefined; });
    // A hidden panel's webview is destroyed (retainContextWhenHidden false) and says 'ready' again when shown.
    panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; });
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message).catch((error: unknown) => {
      this.host.log.error(`Timeline: handling '${message.type}' failed: ${error instanceof Error ? error.message : String(error)}`);
    }));
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.refresh();
        return;
      case 'reveal':
        await this.reveal(message.uri, message.line, message.character);
        return;
      case 'setDocumentDate':
        if (!(await vscode.commands.getCommands(true)).includes(SET_DOCUMENT_DATE_COMMAND)) {
          this.host.log.warn(`Timeline: ${SET_DOCUMENT_DATE_COMMAND} is not registered`);
          void vscode.window.showWarningMessage('Corroborate: setting a document date is not available in this version.');
          return;
        }
        try {
          await vscode.commands.executeCommand(SET_DOCUMENT_DATE_COMMAND, message.uri);
        } catch (error) {
          this.host.log.error(`Timeline: ${SET_DOCUMENT_DATE_COMMAND} failed: ${error instanceof Error ? error.message : String(error)}`);
          void vscode.window.showErrorMessage('Corroborate: could not set the document date (see the Corroborate log).');
        }
        return;
      case 'export':
        if (this.timeline) await saveTimeline(this.timeline, message.format, message.events);
        return;
      case 'error':
        this.host.log.error(`Timeline webview: ${message.message}`);
        return;
      case 'clearFigureGroup':
        this.figureGroupId = null;
        return;
    }
  }

  /** Opens the document beside the panel (in the editor column already showing text) with the cursor on the sentence. */
  private async reveal(uri: string, line: number, character: number): Promise<void> {
    const position = new vscode.Position(line, character);
    const textColumn = vscode.window.visibleTextEditors.find((editor) => editor.viewColumn !== undefined
      && editor.viewColumn !== this.panel.viewColumn)?.viewColumn;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
      selection: new vscode.Range(position, position), viewColumn: textColumn ?? vscode.ViewColumn.One, preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return;
    let message: ToWebview;
    try {
      const pending = this.prefetched;
      this.prefetched = null;
      this.timeline = await (pending ?? this.host.client.sendRequest<TimelineResponse>(TIMELINE_REQUEST));
      const figureGroup = this.figureGroupId
        ? (await this.host.client.sendRequest<FigureGroupsResponse>(FIGURE_GROUPS_REQUEST, {})).groups.find((group) => group.id === this.figureGroupId) ?? null
        : null;
      message = { type: 'timeline', timeline: this.timeline, focusUri: this.focusUri, activeUri: this.activeUri, figureGroup };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.host.log.error(`Timeline: ${TIMELINE_REQUEST} failed: ${text}`);
      message = { type: 'unavailable', message: text };
    }
    await this.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name));
    // style-src without 'unsafe-inline': the stylesheets are files, and vis-timeline (its peer build, which injects
    // no <style> element) positions items through element.style, which CSP does not govern.
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${asset('vis-timeline-graph2d.min.css')}" rel="stylesheet">
<link href="${asset('timeline.css')}" rel="stylesheet">
<title>Corroborate Timeline</title></head>
<body>
<header class="timeline-header">
  <h1 id="timeline-title">Timeline</h1>
  <p id="timeline-summary" role="status" aria-live="polite">Loading…</p>
</header>
<form id="timeline-controls" class="timeline-controls" role="search" aria-label="Filter the timeline">
  <input id="filter-text" type="search" placeholder="Filter events…" aria-label="Filter events by text">
  <select id="filter-story" aria-label="Show one story"><option value="">All stories</option></select>
  <select id="filter-document" aria-label="Show one document"><option value="">All documents</option></select>
  <select id="filter-entity" aria-label="Show one entity"><option value="">All entities</option></select>
  <fieldset class="segmented" aria-label="Group rows by">
    <label><input type="radio" name="group-by" value="document" checked> By document</label>
    <label><input type="radio" name="group-by" value="entity"> By entity</label>
  </fieldset>
  <span class="spacer"></span>
  <button type="button" id="timeline-busiest" title="Show the period where the dated events are dense">Busiest period</button>
  <button type="button" id="timeline-fit" title="Zoom to fit all events, background mentions included">Fit</button>
  <button type="button" id="export-json" title="Save the shown events as JSON">Export JSON</button>
  <button type="button" id="export-csv" title="Save the shown events as CSV">Export CSV</button>
</form>
<p id="timeline-figure" class="figure-banner" role="status" hidden><span id="timeline-figure-text"></span>
  <button type="button" id="timeline-figure-clear" title="Show every event again">Show all events</button></p>
<p id="timeline-window" class="window" role="status"></p>
<div id="timeline-chart" aria-hidden="true"></div>
<p id="timeline-legend" class="legend"><span class="swatch exact"></span> exact date <span class="swatch approximate"></span> approximate or partial date (covers the whole period)</p>
<section id="timeline-undated-section" aria-labelledby="timeline-undated-heading">
  <h2 id="timeline-undated-heading">Undated documents</h2>
  <p class="hint">Relative dates in these documents ("last week", "on Tuesday") stay unresolved until the document has a date.</p>
  <ul id="timeline-undated"></ul>
</section>
<details id="timeline-events-details" open>
  <summary><h2 id="timeline-events-heading">Events</h2></summary>
  <ol id="timeline-events" aria-labelledby="timeline-events-heading"></ol>
</details>
<script nonce="${nonce}" src="${asset('timeline.js')}"></script></body></html>`;
  }
}
