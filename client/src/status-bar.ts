// The status bar item: the index at a glance ("5 sources · 3 undated · 0 conflicts"); a click shows the timeline.
import * as vscode from 'vscode';
import { SHOW_TIMELINE_COMMAND, type IndexChangedParams } from '../../server/src/protocol';
import { displayName } from './unreadable-files';

/** The unreadable files as nested list items, names and reasons escaped (they come from the file system). */
function unreadableList(index: IndexChangedParams): string {
  const escape = (text: string) => text.replace(/[\\`*_[\]()#!|<>~&$:]/g, '\\$&');
  const shown = (index.unreadableFiles ?? []).slice(0, 10)
    .map((file) => `  - ${escape(displayName(file.uri))}: ${escape(file.reason)}\n`).join('');
  const more = index.unreadable > 10 ? `  - and ${index.unreadable - 10} more (see the Corroborate output)\n` : '';
  return shown + more;
}

export class IndexStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('corroborate.index', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Corroborate Index';
    this.item.command = { command: SHOW_TIMELINE_COMMAND, title: 'Show Timeline' };
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.item.text = '$(sync~spin) Corroborate: starting…';
    this.item.tooltip = 'The Corroborate language server is starting and reading the sources.';
    this.item.backgroundColor = undefined;
  }

  failed(message: string): void {
    this.item.text = '$(error) Corroborate';
    this.item.tooltip = `The Corroborate language server did not start: ${message}`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  update(index: IndexChangedParams): void {
    const plural = (count: number, word: string, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;
    const parts = [plural(index.documents, 'source'), `${index.undated} undated`, plural(index.conflicts, 'conflict')];
    if (index.unreadable > 0) parts.push(`${index.unreadable} unreadable`);
    this.item.text = `$(book) Corroborate: ${parts.join(' · ')}`;
    const tooltip = new vscode.MarkdownString(
      `**Corroborate** indexes ${plural(index.documents, 'source document')}.\n\n` +
      `- ${plural(index.undated, 'document has', 'documents have')} no publication date\n` +
      `- ${plural(index.conflicts, 'figure group disagrees', 'figure groups disagree')} across sources\n` +
      (index.unreadable > 0 ? `- ${plural(index.unreadable, 'file', 'files')} could not be read:\n${unreadableList(index)}` : '') +
      `\nClick to show the timeline.`);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
