import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_DATE_EDIT_REQUEST, SET_DOCUMENT_DATE_COMMAND, type DocumentDateEditParams } from '../../../server/src/protocol';
import { applyServerEdit } from './apply-edit';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * "Set the publication date…": asks for a date and where to keep it, then applies the server's edit as a
 * normal workspace edit, so the user sees the change (and can undo it) before saving.
 * Arguments, all optional: the document URI, the date, and the target ('corrections' or 'front-matter').
 */
export function registerSetDocumentDate(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(SET_DOCUMENT_DATE_COMMAND,
    async (uri?: string, givenDate?: string, givenTarget?: DocumentDateEditParams['target']) => {
      const documentUri = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!documentUri) { void vscode.window.showWarningMessage('Corroborate: open a source document first.'); return false; }
      const date = givenDate ?? await vscode.window.showInputBox({
        title: 'Publication date of this source', prompt: 'YYYY-MM-DD, or YYYY-MM / YYYY when only that is known', placeHolder: '2016-02-12',
        validateInput: (value) => (DATE.test(value.trim()) ? null : 'A date like 2016-02-12, 2016-02 or 2016'),
      });
      if (!date) return false;
      const target = givenTarget ?? (await vscode.window.showQuickPick([
        { label: 'Record it in corroborate.corrections.json', description: 'the document stays as it is', target: 'corrections' as const },
        { label: 'Add front matter to the document', description: 'date: at the top of the file', target: 'front-matter' as const },
      ], { title: 'Where should the date be kept?' }))?.target;
      if (!target) return false;
      return applyServerEdit(client, DOCUMENT_DATE_EDIT_REQUEST, { uri: documentUri, date: date.trim(), target }, 'set the date');
    }));
}
