// Files the server could not read or decode are named to the user: once in a notification when they first appear
// (with the reason), and in the Corroborate output for the whole list.
import * as vscode from 'vscode';
import type { IndexChangedParams } from '../../server/src/protocol';

/** Names shown in one notification; the output lists them all. */
const NAMED_IN_NOTIFICATION = 3;

export class UnreadableFiles {
  /** Files already reported, so each index change does not notify again. */
  private readonly reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  update(index: IndexChangedParams): void {
    const files = index.unreadableFiles ?? [];
    const current = new Set(files.map((file) => file.uri));
    for (const uri of [...this.reported]) if (!current.has(uri)) this.reported.delete(uri);
    const fresh = files.filter((file) => !this.reported.has(file.uri));
    if (!fresh.length) return;
    for (const file of fresh) {
      this.reported.add(file.uri);
      this.log.warn(`Skipped ${displayName(file.uri)}: ${file.reason}`);
    }
    const named = fresh.slice(0, NAMED_IN_NOTIFICATION).map((file) => `${displayName(file.uri)} (${file.reason})`).join('; ');
    const more = fresh.length > NAMED_IN_NOTIFICATION ? ` and ${fresh.length - NAMED_IN_NOTIFICATION} more` : '';
    const actions = fresh.length === 1 ? ['Reveal in Explorer', 'Show Output'] : ['Show Output'];
    void vscode.window.showWarningMessage(`Corroborate could not read ${fresh.length === 1 ? 'a file' : `${fresh.length} files`}: ${named}${more}.`, ...actions)
      .then((choice) => {
        if (choice === 'Show Output') this.log.show(true);
        if (choice === 'Reveal in Explorer') void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(fresh[0]!.uri));
      });
  }
}

export function displayName(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  return vscode.workspace.asRelativePath(parsed, false);
}
