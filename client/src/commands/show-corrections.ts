// A quick fix or a command that writes the corrections file shows it beside the document, so the change is seen
// (code-server's auto-save would otherwise put it on disk unseen) and can be undone there.
import * as vscode from 'vscode';
import { CORRECTIONS_FILE } from '../../../server/src/protocol';

export const SHOW_CORRECTIONS_COMMAND = 'corroborate.showCorrectionsFile';

/** The corrections file an edit writes, if it writes one. */
export function correctionsFileIn(edit: vscode.WorkspaceEdit | undefined): vscode.Uri | undefined {
  return edit?.entries().map(([uri]) => uri).find((uri) => uri.path.endsWith(`/${CORRECTIONS_FILE}`));
}

export function showCorrectionsFile(uri: vscode.Uri): Thenable<unknown> {
  return vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
}

export function registerShowCorrections(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_CORRECTIONS_COMMAND, (uri: string) => showCorrectionsFile(vscode.Uri.parse(uri))));
}

/** Gives each code action that writes the corrections file a follow-up command that shows it (VS Code runs it after the edit). */
export function showingCorrections(actions: Array<vscode.Command | vscode.CodeAction> | null | undefined): Array<vscode.Command | vscode.CodeAction> | null | undefined {
  for (const action of actions ?? []) {
    if (!(action instanceof vscode.CodeAction) || action.command) continue;
    const uri = correctionsFileIn(action.edit);
    if (uri) action.command = { title: 'Show the corrections file', command: SHOW_CORRECTIONS_COMMAND, arguments: [uri.toString()] };
  }
  return actions;
}
