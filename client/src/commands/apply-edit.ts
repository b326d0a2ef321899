import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EditResult } from '../../../server/src/protocol';
import { correctionsFileIn, showCorrectionsFile } from './show-corrections';

/**
 * Asks the server for an edit and applies it as a normal workspace edit, so the user sees the change and can
 * undo it before saving. `what` names the action in the error message.
 */
export async function applyServerEdit(client: LanguageClient, request: string, params: unknown, what: string): Promise<boolean> {
  const result = await client.sendRequest<EditResult>(request, params);
  if (!result.edit) { void vscode.window.showErrorMessage(`Corroborate could not ${what}: ${result.problem ?? 'no edit'}`); return false; }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
  if (!edit || !await vscode.workspace.applyEdit(edit)) return false;
  const corrections = correctionsFileIn(edit);
  if (corrections) await showCorrectionsFile(corrections);
  return true;
}
