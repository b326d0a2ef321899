import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_DATE_EDIT_REQUEST, SET_DOCUMENT_DATE_COMMAND, type DocumentDateEditParams } from '../../../server/src/protocol';
import { applyServerEdit } from './apply-edit';
import { parseDateInput } from '../../../server/src/core/features/date-input';
import { calendarDateInWords } from '../../../server/src/core/features/date-words';

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
      const typed = givenDate ?? await vscode.window.showInputBox({
        title: 'Publication date of this source', placeHolder: '12 February 2016',
        prompt: 'A day ("12 February 2016", "Feb 12, 2016", "2016-02-12"), or only the month or the year when that is all that is known',
        // Says how the date reads as it is typed, and why it cannot be one ("2016-02-30": February 2016 has 29 days).
        validateInput: (value): vscode.InputBoxValidationMessage | null => {
          if (!value.trim()) return null;
          const read = parseDateInput(value);
          return 'value' in read ? { message: `Reads as ${calendarDateInWords(read.value)}`, severity: vscode.InputBoxValidationSeverity.Info }
            : { message: read.problem, severity: vscode.InputBoxValidationSeverity.Error };
        },
      });
      if (!typed) return false;
      const read = parseDateInput(typed);
      if (!('value' in read)) { void vscode.window.showErrorMessage(`Corroborate: ${read.problem}`); return false; }
      const date = read.value;
      const target = givenTarget ?? (await vscode.window.showQuickPick([
        { label: 'Record it in corroborate.corrections.json', description: 'the document stays as it is', target: 'corrections' as const },
        { label: 'Add front matter to the document', description: 'date: at the top of the file', target: 'front-matter' as const },
      ], { title: 'Where should the date be kept?' }))?.target;
      if (!target) return false;
      return applyServerEdit(client, DOCUMENT_DATE_EDIT_REQUEST, { uri: documentUri, date, target }, 'set the date');
    }));
}
